package format

import (
	"io"

	"github.com/prdlint/prdlint/lint"
)

// JSON writes {"diagnostics": [...]}: one object per finding with path,
// line, column, endLine, endColumn, rule, category, severity, message,
// sentence and confidence; with Options.Stats, a "stats" member beside it.
type JSON struct{}

// Name implements Formatter.
func (JSON) Name() string { return "json" }

// Description implements Formatter.
func (JSON) Description() string { return "one JSON object with a diagnostics list" }

type jsonReport struct {
	Diagnostics []lint.Diagnostic `json:"diagnostics"`
	Errors      []jsonError       `json:"errors,omitempty"`
	// Stats is present only when asked for (--stats).
	Stats *lint.Stats `json:"stats,omitempty"`
}

type jsonError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// Format implements Formatter.
func (JSON) Format(w io.Writer, rep *lint.Report, opts Options) error {
	out := jsonReport{Diagnostics: rep.Diagnostics}
	if opts.Stats {
		out.Stats = lint.ComputeStats(rep)
	}
	if out.Diagnostics == nil {
		out.Diagnostics = []lint.Diagnostic{}
	}
	for _, e := range rep.Errors {
		out.Errors = append(out.Errors, jsonError{Path: e.Path, Message: e.Err.Error()})
	}
	return encodeReport(w, out)
}
