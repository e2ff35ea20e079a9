package format

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/prdlint/prdlint/lint"
)

// docReport is a report with a finding, a failed file and the parsed
// documents attached.
func docReport(t *testing.T) *lint.Report {
	t.Helper()
	l := &lint.Linter{Rules: []*lint.Rule{{
		ID: "test-every-sentence", Category: lint.CategoryHow, Severity: lint.SeverityWarning,
		Run: func(p *lint.Pass) {
			for _, s := range p.Doc.Sentences() {
				p.ReportSentence(s, lint.Finding{Message: "seen", Hint: "Why?", Confidence: 0.9, Mark: []int{0, 1}})
			}
		},
	}}}
	res := l.LintSource("docs/prd.md", []byte("# Checkout\n\n## Goals\n\nShoppers pay as guests. Use Kafka.\n"))
	require.NotNil(t, res.Doc)
	bad := l.LintSource("docs/bad.md", []byte("a\x00b"))
	require.NotNil(t, bad.Err)
	rep := &lint.Report{Files: []*lint.Result{bad, res}, Diagnostics: res.Diagnostics, Errors: []*lint.FileError{bad.Err}}
	require.NotEmpty(t, rep.Diagnostics)
	return rep
}

// A formatter that says it reads no documents must write the same bytes
// when the engine has released them.
func TestReadsDocumentsHolds(t *testing.T) {
	for _, f := range All() {
		opts := Options{Quiet: true, Root: "."}
		if ReadsDocuments(f, opts) {
			continue
		}
		t.Run(f.Name(), func(t *testing.T) {
			rep := docReport(t)
			var with, without bytes.Buffer
			require.NoError(t, f.Format(&with, rep, opts))
			for _, r := range rep.Files {
				r.Doc = nil
			}
			require.NoError(t, f.Format(&without, rep, opts))
			assert.Equal(t, with.String(), without.String())
			assert.NotEmpty(t, with.String())
		})
	}
}

func TestReadsDocumentsDefaultsToTrue(t *testing.T) {
	assert.False(t, ReadsDocuments(JSON{}, Options{}))
	assert.False(t, ReadsDocuments(Text{}, Options{Color: true, Quiet: true}))
	// Per-section summaries are made from the documents.
	assert.True(t, ReadsDocuments(JSON{}, Options{Stats: true}))
	assert.True(t, ReadsDocuments(Text{}, Options{Stats: true}))
	// A formatter that does not say is given the documents.
	var f Formatter = struct{ Formatter }{Text{}}
	assert.True(t, ReadsDocuments(f, Options{}))
}
