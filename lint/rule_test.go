package lint

import (
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// reportOne parses src, has a pass of rule report f on the document's
// last sentence, and returns the one diagnostic and that sentence.
func reportOne(t *testing.T, src string, f Finding) (Diagnostic, *Sentence) {
	t.Helper()
	doc, err := Parse("prd.md", []byte(src))
	require.NoError(t, err)
	sentences := doc.Sentences()
	require.NotEmpty(t, sentences)
	s := sentences[len(sentences)-1]
	var got []Diagnostic
	p := &Pass{
		Rule:     &Rule{ID: "how-x", Category: CategoryHow, Severity: SeverityWarning},
		Doc:      doc,
		Settings: &Settings{},
		report:   func(d Diagnostic) { got = append(got, d) },
	}
	p.ReportSentence(s, f)
	require.Len(t, got, 1)
	return got[0], s
}

// TestReportSentenceMark: a Mark is kept only when it is a non-empty byte
// range inside the sentence's text; anything else is dropped, not
// clamped, and the finding is still reported.
func TestReportSentenceMark(t *testing.T) {
	const src = "# Plan\n\nWe put the carts in Kafka.\n"
	const n = len("We put the carts in Kafka.")
	tests := []struct {
		name string
		mark []int
		want []int
	}{
		{"none", nil, nil},
		{"inside", []int{3, 6}, []int{3, 6}},
		{"from the first byte", []int{0, 2}, []int{0, 2}},
		{"to the last byte", []int{20, n}, []int{20, n}},
		{"the whole sentence", []int{0, n}, []int{0, n}},
		{"past the end", []int{20, n + 1}, nil},
		{"before the start", []int{-1, 2}, nil},
		{"empty", []int{4, 4}, nil},
		{"backwards", []int{5, 4}, nil},
		{"one offset", []int{3}, nil},
		{"three offsets", []int{3, 6, 9}, nil},
		{"empty slice", []int{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, s := reportOne(t, src, Finding{Message: "How.", Mark: tt.mark})
			require.Equal(t, n, len(s.Text))
			assert.Equal(t, tt.want, d.Mark)
			assert.Equal(t, s.Text, d.Sentence)
			assert.Equal(t, [2]int{s.Start, s.End}, [2]int{d.Start, d.End}, "the finding covers the sentence")
		})
	}
}

// TestReportTitle: a finding about the whole document spans the title
// heading's text, not the "#" before it nor the spaces after it; with no
// heading it stands on the first line.
func TestReportTitle(t *testing.T) {
	tests := []struct {
		name, src string
		want      [4]int // line, column, endLine, endColumn
		sentence  string
	}{
		{"ATX heading", "Intro.\n\n# Guest checkout   \n\nText.\n", [4]int{3, 3, 3, 16}, "Guest checkout"},
		{"closed ATX heading of two sentences", "#  Guest checkout. Phase two ##\n", [4]int{1, 4, 1, 28}, "Guest checkout. Phase two"},
		{"setext heading", "Guest checkout\n===\n\nText.\n", [4]int{1, 1, 1, 14}, "Guest checkout"},
		{"no heading", "Shoppers pay.\n", [4]int{1, 1, 1, 13}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("prd.md", []byte(tt.src))
			require.NoError(t, err)
			var got []Diagnostic
			p := &Pass{
				Rule:     &Rule{ID: "structure-x", Category: CategoryStructure, Severity: SeverityInfo},
				Doc:      doc,
				Settings: &Settings{},
				report:   func(d Diagnostic) { got = append(got, d) },
			}
			p.ReportTitle(Finding{Message: "No goals."})
			require.Len(t, got, 1)
			d := got[0]
			assert.Equal(t, tt.want, [4]int{d.Line, d.Column, d.EndLine, d.EndColumn})
			assert.Equal(t, tt.sentence, d.Sentence)
		})
	}
}

// TestFindingConfidence: a confidence outside (0, 1] means certain (1),
// one inside is kept, rounded to three decimals.
func TestFindingConfidence(t *testing.T) {
	tests := []struct {
		in, want float64
	}{
		{0, 1},
		{-0.5, 1},
		{1, 1},
		{1.0001, 1},
		{1.5, 1},
		{42, 1},
		{0.5, 0.5},
		{0.1234, 0.123},
		{0.9996, 1},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.in), func(t *testing.T) {
			d, _ := reportOne(t, "# Plan\n\nWe put the carts in Kafka.\n", Finding{Message: "How.", Confidence: tt.in})
			assert.Equal(t, tt.want, d.Confidence, "confidence %v", tt.in)
		})
	}
}

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
