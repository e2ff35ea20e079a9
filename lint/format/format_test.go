package format_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/prdlint/prdlint/lint"
	"github.com/prdlint/prdlint/lint/format"
)

// Test rules report fixed words so these tests depend on the formats, not
// on how the real rules judge sentences.
func wordRule(id, word string, sev lint.Severity, msg string) *lint.Rule {
	return &lint.Rule{
		ID:       id,
		Category: lint.CategoryHow,
		Severity: sev,
		Summary:  "Sentence names " + word,
		Doc:      "Reports every sentence that contains " + word + ".",
		Bad:      []string{"We add a " + word + "."},
		Good:     []string{"Shoppers can pay as guests."},
		Run: func(p *lint.Pass) {
			for _, s := range p.Doc.Sentences() {
				if i := strings.Index(s.Text, word); i >= 0 {
					p.ReportSentence(s, lint.Finding{
						Message:    msg,
						Hint:       "What must it achieve?",
						Confidence: 0.9,
						Mark:       []int{i, i + len(word)},
					})
				}
			}
		},
	}
}

func testRules() []*lint.Rule {
	return []*lint.Rule{
		// The message holds every character GitHub's workflow commands
		// and XML must escape.
		wordRule("test-column", "column", lint.SeverityWarning, `Names "column" at 100%: tables, rows & <keys>.`),
		wordRule("test-kafka", "Kafka", lint.SeverityError, "Names Kafka."),
		wordRule("test-maybe", "maybe", lint.SeverityInfo, "Hedges."),
	}
}

// The sources mix one-, two-, three- and four-byte characters and wide
// characters before findings, and a sentence over two lines, so code-point
// and byte columns differ and start and end lines differ.
var testFiles = map[string]string{
	"docs/prd.md": "# Cart – ünïcode 🛒\n\n" +
		"Plain sentence. Ünïcode 𐐀 then we add a column to carts.\n\n" +
		"Shoppers can pay as guests. This sentence mentions a column\nand wraps across lines.\n\n" +
		"- 表格 Use Kafka to stream.\n",
	"docs/other notes.md": "Intro.\r\n\r\nWe might maybe do it. It has a column.\r\n",
	"clean.md":            "# Clean\n\nShoppers can pay as guests.\n",
}

// lintTestFiles writes testFiles under a new directory, changes into it and
// lints them; paths in the report are relative to it.
func lintTestFiles(t *testing.T) (*lint.Report, format.Options) {
	t.Helper()
	dir := t.TempDir()
	for name, src := range testFiles {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(src), 0o644))
	}
	t.Chdir(dir)
	l := &lint.Linter{Rules: testRules()}
	rep := l.Lint([]string{"."})
	require.Empty(t, rep.Errors)
	require.Len(t, rep.Diagnostics, 5, "the test rules' findings")
	root, err := os.Getwd()
	require.NoError(t, err)
	return rep, format.Options{Rules: l.Rules, Root: root, ToolVersion: "v1.2.3"}
}

func render(t *testing.T, name string, rep *lint.Report, opts format.Options) string {
	t.Helper()
	f, err := format.Lookup(name)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, f.Format(&buf, rep, opts))
	return buf.String()
}
