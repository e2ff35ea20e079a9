package lint

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rangeRule reports one finding over source bytes [start, end).
func rangeRule(start, end int) *Rule {
	return &Rule{ID: "r", Category: CategoryDirective, Severity: SeverityWarning, Run: func(p *Pass) {
		p.ReportRange(start, end, Finding{Message: "here"})
	}}
}

func TestReportRange(t *testing.T) {
	type want struct {
		Line, Column, EndLine, EndColumn, Start, End int
		Sentence                                     string
	}
	tests := []struct {
		name       string
		src        string
		start, end int
		want       want
	}{
		{"one line", "# T\n\nab <!-- prdlint-disable x -->\n", 5, 8, want{3, 1, 3, 3, 5, 8, "ab "}},
		{"a whole comment", "ab <!-- c -->\n", 3, 13, want{1, 4, 1, 13, 3, 13, "<!-- c -->"}},
		{"over two lines", "ab\ncd\n", 1, 5, want{1, 2, 2, 2, 1, 5, "b\ncd"}},
		{"multi-byte characters count one column each", "é <!-- prdlint-disable ü -->\n", 24, 26, want{1, 24, 1, 24, 24, 26, "ü"}},
		{"after a byte-order mark", "\xEF\xBB\xBFab cd\n", 6, 8, want{1, 4, 1, 5, 6, 8, "cd"}},
		{"line breaks at either end are left out", "ab\r\ncd\n", 2, 8, want{2, 1, 2, 2, 4, 6, "cd"}},
		{"a lone CR ends a line", "ab\rcd\r", 0, 3, want{1, 1, 1, 2, 0, 2, "ab"}},
		{"past the end of the source, cut to it", "abc", 1, 10, want{1, 2, 1, 3, 1, 3, "bc"}},
		{"an empty range stands at its start", "abc\ndef\n", 5, 5, want{2, 2, 2, 2, 5, 5, ""}},
		{"an empty range at a line break stands on the line's last character", "abc\ndef\n", 3, 3, want{1, 3, 1, 3, 3, 3, ""}},
		{"a range of line breaks only", "abc\r\n\ndef\n", 3, 6, want{1, 3, 1, 3, 3, 3, ""}},
		{"after a line break at the end of the source", "abc\n", 4, 9, want{2, 1, 2, 1, 4, 4, ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := &Linter{Rules: []*Rule{rangeRule(tt.start, tt.end)}}
			res := l.LintSource("prd.md", []byte(tt.src))
			require.Nil(t, res.Err)
			require.Len(t, res.Diagnostics, 1)
			d := res.Diagnostics[0]
			assert.Equal(t, tt.want, want{d.Line, d.Column, d.EndLine, d.EndColumn, d.Start, d.End, d.Sentence})
			assert.LessOrEqual(t, d.EndColumn, max(1, res.Doc.lines.lastColumn(d.EndLine)), "no further than the line's last character")
			assert.Equal(t, "r", d.Rule)
			assert.Equal(t, CategoryDirective, d.Category)
			assert.Empty(t, d.Section, "a range is not a sentence of a section")
		})
	}
}

// TestPassRuleIDs: a rule sees the IDs of every rule of its linter, sorted,
// those its file's configuration turns off included.
func TestPassRuleIDs(t *testing.T) {
	tests := []struct {
		name string
		ids  []string
		off  []string
		want []string
	}{
		{"one rule", []string{"seer"}, nil, []string{"seer"}},
		{"sorted", []string{"zeta", "seer", "alpha"}, nil, []string{"alpha", "seer", "zeta"}},
		{"rules turned off included", []string{"seer", "b", "a"}, []string{"a", "b"}, []string{"a", "b", "seer"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var seen [][]string
			var rs []*Rule
			for _, id := range tt.ids {
				r := &Rule{ID: id, Severity: SeverityWarning, Run: func(*Pass) {}}
				if id == "seer" {
					r.Run = func(p *Pass) {
						ids := p.RuleIDs()
						seen = append(seen, slices.Clone(ids))
						ids[0] = "changed" // the rule's own copy: the next file sees none of it
					}
				}
				rs = append(rs, r)
			}
			cfg := DefaultConfig()
			cfg.Rules = map[string]Severity{}
			for _, id := range tt.off {
				cfg.Rules[id] = SeverityOff
			}
			l := &Linter{Rules: rs, ConfigFor: func(string) (*Config, error) { return cfg, nil }}
			for range 2 {
				require.Nil(t, l.LintSource("prd.md", []byte("Text.\n")).Err)
			}
			assert.Equal(t, [][]string{tt.want, tt.want}, seen)
		})
	}
}
