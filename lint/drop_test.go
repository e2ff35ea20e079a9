package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// everySentence reports every sentence, so findings depend on the document.
var everySentence = &Rule{ID: "test-every-sentence", Category: CategoryHow, Severity: SeverityWarning,
	Run: func(p *Pass) {
		for _, s := range p.Doc.Sentences() {
			p.ReportSentence(s, Finding{Message: "seen"})
		}
	}}

func TestDropDocuments(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.md", "b.md"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte("# "+name+"\n\nOne. Two.\n"), 0o644))
	}
	paths := []string{dir, StdinPath}
	keep := (&Linter{Rules: []*Rule{everySentence}, Stdin: strings.NewReader("Three. Four.\n")}).Lint(paths)
	drop := (&Linter{Rules: []*Rule{everySentence}, Stdin: strings.NewReader("Three. Four.\n"), DropDocuments: true}).Lint(paths)

	assert.Equal(t, keep.Diagnostics, drop.Diagnostics)
	assert.Len(t, drop.Diagnostics, 8)
	require.Len(t, drop.Files, 3)
	for i, f := range drop.Files {
		assert.Equal(t, keep.Files[i].Path, f.Path)
		assert.NotNil(t, keep.Files[i].Doc, f.Path)
		if f.Path == StdinPath {
			assert.NotNil(t, f.Doc, "standard input cannot be read again, so its document is kept")
		} else {
			assert.Nil(t, f.Doc, f.Path)
		}
	}
}

// Check releases the rules' shared work with the run: a memo does not
// outlive it.
func TestCheckReleasesMemo(t *testing.T) {
	computed := 0
	memo := &Rule{ID: "test-memo", Category: CategoryHow, Severity: SeverityWarning,
		Run: func(p *Pass) {
			p.Doc.Memo("k", func() any { computed++; return computed })
		}}
	l := &Linter{Rules: []*Rule{memo, memo}}
	doc, err := Parse("t.md", []byte("One.\n"))
	require.NoError(t, err)
	l.Check(doc, DefaultConfig())
	assert.Equal(t, 1, computed, "rules of one check share the memo")
	l.Check(doc, DefaultConfig())
	assert.Equal(t, 2, computed, "a new check starts afresh")
}
