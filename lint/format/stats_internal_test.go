package format

import (
	"bytes"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/prdlint/prdlint/lint"
)

// TestStatsTableIsSafeAndAligned: a heading cannot send escape sequences
// to the terminal through the --stats table, and wide characters keep the
// columns aligned.
func TestStatsTableIsSafeAndAligned(t *testing.T) {
	st := &lint.Stats{Files: []lint.FileStats{{
		Path:  "prd.md",
		Count: lint.Count{Sentences: 3, How: 1},
		Sections: []lint.SectionStats{
			{Section: "Title \x1b[31mRED\x1b[0m", Line: 1, Count: lint.Count{Sentences: 1}},
			{Section: "目標と要件", Line: 5, Count: lint.Count{Sentences: 8, How: 1, HowShare: 0.125}},
		},
	}}}
	var b bytes.Buffer
	require.NoError(t, writeStatsTable(&b, st))
	out := b.String()
	assert.NotContains(t, out, "\x1b", "escape sequences reach the terminal")
	assert.Contains(t, out, "  13%\n", "1 of 8 is 13%, as the report says")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	require.Len(t, lines, 4)
	for _, l := range lines[1:] {
		assert.Equal(t, runewidth.StringWidth(lines[0]), runewidth.StringWidth(l), "column misaligned: %q", l)
	}
}
