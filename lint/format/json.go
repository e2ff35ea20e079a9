package format

import (
	"io"

	"github.com/prdlint/prdlint/lint"
)

// JSON writes {"diagnostics": [...]}: one object per finding with path,
// line, column, endLine, endColumn, rule, category, severity, message,
// sentence and confidence.
type JSON struct{}

// Name implements Formatter.
func (JSON) Name() string { return "json" }

// Description implements Formatter.
func (JSON) Description() string { return "one JSON object with a diagnostics list" }

type jsonReport struct {
	Diagnostics []lint.Diagnostic `json:"diagnostics"`
	Errors      []jsonError       `json:"errors,omitempty"`
}

type jsonError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// Format implements Formatter.
func (JSON) Format(w io.Writer, rep *lint.Report, _ Options) error {
	out := jsonReport{Diagnostics: rep.Diagnostics}
	if out.Diagnostics == nil {
		out.Diagnostics = []lint.Diagnostic{}
	}
	for _, e := range rep.Errors {
		out.Errors = append(out.Errors, jsonError{Path: e.Path, Message: e.Err.Error()})
	}
	return encodeReport(w, out)
}
