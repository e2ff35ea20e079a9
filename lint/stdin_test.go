package lint

import (
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An editor's buffer on standard input is configured and reported as the
// file it will be saved as.
func TestStdinIsConfiguredAndReportedAsItsName(t *testing.T) {
	var mu sync.Mutex
	var asked []string
	l := &Linter{
		Stdin:     strings.NewReader("Shoppers can pay as guests.\n"),
		StdinName: "docs/prd.md",
		ConfigFor: func(path string) (*Config, error) {
			mu.Lock()
			defer mu.Unlock()
			asked = append(asked, path)
			return DefaultConfig(), nil
		},
	}
	rep := l.Lint([]string{StdinPath})
	require.Empty(t, rep.Errors)
	require.Len(t, rep.Files, 1)
	assert.Equal(t, "docs/prd.md", rep.Files[0].Path)
	assert.Equal(t, "docs/prd.md", rep.Files[0].Doc.Path)
	assert.Equal(t, []string{"docs/prd.md"}, asked)
}

// CheckSource claims standard input by its name and gets the text read:
// a claimed input is not linted, and its error is the file's error.
func TestStdinCheckSource(t *testing.T) {
	text := "Store sessions in Redis.\n"
	var gotPath, gotText string
	l := &Linter{
		Rules:     []*Rule{kafkaRule()},
		Stdin:     strings.NewReader(text),
		StdinName: "docs/.prdlintignore",
		CheckSource: func(path string, src []byte) (bool, error) {
			gotPath, gotText = path, string(src)
			return strings.HasSuffix(path, "ignore"), errors.New("line 1: bad pattern")
		},
	}
	rep := l.Lint([]string{StdinPath})
	assert.Equal(t, "docs/.prdlintignore", gotPath)
	assert.Equal(t, text, gotText)
	require.Len(t, rep.Errors, 1)
	assert.Equal(t, "docs/.prdlintignore: line 1: bad pattern", rep.Errors[0].Error())
	assert.Empty(t, rep.Diagnostics)

	// Not claimed: linted as prose.
	l.Stdin, l.StdinName = strings.NewReader("Use Kafka.\n"), "docs/prd.md"
	rep = l.Lint([]string{StdinPath})
	assert.Empty(t, rep.Errors)
	assert.Len(t, rep.Diagnostics, 1)
}
