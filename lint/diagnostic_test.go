package lint

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestDiagnosticLess: diagnostics order by path, line, column, rule, end
// line, end column and message, each field deciding only when the ones
// before it tie; b differs from a in later fields in the other direction,
// so a field that did not decide would show.
func TestDiagnosticLess(t *testing.T) {
	base := Diagnostic{Path: "a.md", Line: 3, Column: 5, Rule: "how-b", EndLine: 4, EndColumn: 7, Message: "m"}
	with := func(change func(*Diagnostic)) Diagnostic {
		d := base
		change(&d)
		return d
	}
	tests := []struct {
		name string
		a, b Diagnostic // a sorts first
	}{
		{"path", with(func(d *Diagnostic) { d.Path = "a.md"; d.Line = 9 }), with(func(d *Diagnostic) { d.Path = "b.md"; d.Line = 1 })},
		{"line", with(func(d *Diagnostic) { d.Line = 2; d.Column = 9 }), with(func(d *Diagnostic) { d.Line = 3; d.Column = 1 })},
		{"column", with(func(d *Diagnostic) { d.Column = 4; d.Rule = "how-z" }), with(func(d *Diagnostic) { d.Column = 5; d.Rule = "how-a" })},
		{"rule", with(func(d *Diagnostic) { d.Rule = "how-a"; d.EndLine = 9; d.EndColumn = 9; d.Message = "z" }), with(func(d *Diagnostic) { d.Rule = "how-b"; d.EndLine = 3; d.EndColumn = 1; d.Message = "a" })},
		{"end line", with(func(d *Diagnostic) { d.EndLine = 3; d.EndColumn = 9; d.Message = "z" }), with(func(d *Diagnostic) { d.EndLine = 4; d.EndColumn = 1; d.Message = "a" })},
		{"end column", with(func(d *Diagnostic) { d.EndColumn = 6; d.Message = "z" }), with(func(d *Diagnostic) { d.EndColumn = 7; d.Message = "a" })},
		{"message", with(func(d *Diagnostic) { d.Message = "a" }), with(func(d *Diagnostic) { d.Message = "b" })},
		{"rule over end position", Diagnostic{Path: "a.md", Line: 1, Column: 1, Rule: "how-api-shape", EndLine: 2}, Diagnostic{Path: "a.md", Line: 1, Column: 1, Rule: "how-code", EndLine: 1}},
		{"end line over end column", Diagnostic{Path: "a.md", Line: 1, Column: 1, Rule: "r", EndLine: 1, EndColumn: 80}, Diagnostic{Path: "a.md", Line: 1, Column: 1, Rule: "r", EndLine: 2, EndColumn: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.True(t, tt.a.Less(&tt.b), "a < b")
			assert.False(t, tt.b.Less(&tt.a), "not b < a")
		})
	}
	t.Run("equal", func(t *testing.T) {
		a, b := base, base
		assert.False(t, a.Less(&b))
		assert.False(t, b.Less(&a))
	})
}
