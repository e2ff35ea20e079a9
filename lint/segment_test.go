package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/english"

	"github.com/prdlint/prdlint/lint/internal/punkt"
)

// nonBlankSentences returns a counter of the sentences the library's own
// English tokenizer finds in a text, as segmentDocument keeps them (blank
// ones dropped).
func nonBlankSentences(t *testing.T) func(text string) int {
	t.Helper()
	tok, err := english.NewSentenceTokenizer(punkt.English())
	require.NoError(t, err)
	return func(text string) int {
		return countNonBlank(tok.Tokenize(text))
	}
}

func countNonBlank(ss []*sentences.Sentence) int {
	n := 0
	for _, s := range ss {
		if strings.TrimSpace(s.Text) != "" {
			n++
		}
	}
	return n
}

// Skipping the tokenizer is only right where it would find one sentence.
func TestMayBreakInside(t *testing.T) {
	tests := []struct {
		text string
		may  bool
	}{
		{"Shoppers can pay as guests.", false},
		{"Shoppers can pay as guests.  ", false},
		{"Shoppers can pay as guests", false},
		{"See k8s.io/api/core for the types", true},
		{"Ready? Go", true},
		{"One. Two.", true},
		{"Wow!", false},
		{"single-word.", false},
		{"", false},
		{"   ", false},
		{"e.g. this", true},
		{"Ends with an ellipsis…", false},
		{"tab\tseparated words.", false},
		{"tab.\tseparated", true},
		{"line\u2028separated. Words", true},
	}
	count := nonBlankSentences(t)
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			assert.Equal(t, tt.may, mayBreakInside(tt.text))
			if !tt.may {
				assert.LessOrEqual(t, count(tt.text), 1)
			}
		})
	}
}

// Over real PRDs, every paragraph the shortcut calls one sentence is one
// sentence to the tokenizer.
func TestMayBreakInsideOnPRDs(t *testing.T) {
	files, _ := filepath.Glob("../../shared/corpus/prds/*.md")
	if len(files) == 0 {
		t.Skip("shared PRD corpus not found")
	}
	count := nonBlankSentences(t)
	skipped := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		doc, _ := Parse(f, src)
		for _, b := range doc.Blocks {
			if !mayBreakInside(b.Text) {
				skipped++
				assert.LessOrEqual(t, count(b.Text), 1, "%s: %q", f, b.Text)
			}
		}
	}
	assert.Positive(t, skipped)
}
