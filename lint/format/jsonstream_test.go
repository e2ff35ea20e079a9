package format

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/prdlint/prdlint/lint"
)

// standardJSON is what encoding/json writes for the same report.
func standardJSON(t *testing.T, out jsonReport) string {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(out))
	return b.String()
}

func TestEncodeReportMatchesEncodingJSON(t *testing.T) {
	diag := func(i int) lint.Diagnostic {
		return lint.Diagnostic{
			Path: fmt.Sprintf("docs/<prd>&%d.md", i), Line: i + 1, Column: 2, EndLine: i + 1, EndColumn: 9,
			Rule: "how-tech-choice", Category: lint.CategoryHow, Severity: lint.SeverityWarning,
			Message: "Names \"Kafka\" — a technology. What must hold?", Hint: "What must hold?",
			Sentence: "Use Kafka <now> & \u2028 later\t.", Confidence: 0.875, Section: "Goals > Über",
			Mark: []int{4, 9}, Start: 10, End: 40,
		}
	}
	many := make([]lint.Diagnostic, 50)
	for i := range many {
		many[i] = diag(i)
	}
	errs := []jsonError{{Path: "a.md", Message: "binary file"}, {Path: "<b>.md", Message: "invalid UTF-8 at line 1, column 2"}}
	tests := map[string]jsonReport{
		"empty":              {Diagnostics: []lint.Diagnostic{}},
		"one":                {Diagnostics: []lint.Diagnostic{diag(0)}},
		"many":               {Diagnostics: many},
		"errors only":        {Diagnostics: []lint.Diagnostic{}, Errors: errs},
		"findings and error": {Diagnostics: many[:3], Errors: errs[:1]},
	}
	for name, out := range tests {
		t.Run(name, func(t *testing.T) {
			var got bytes.Buffer
			require.NoError(t, encodeReport(&got, out))
			assert.Equal(t, standardJSON(t, out), got.String())
		})
	}
}

func BenchmarkJSONFormat(b *testing.B) {
	diags := make([]lint.Diagnostic, 10000)
	for i := range diags {
		diags[i] = lint.Diagnostic{Path: "docs/prd.md", Line: i, Column: 1, Rule: "how-code", Message: "Names code.", Sentence: "Add a guest_token column to the carts table."}
	}
	rep := &lint.Report{Diagnostics: diags}
	b.ReportAllocs()
	for b.Loop() {
		if err := (JSON{}).Format(io.Discard, rep, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
