package lint

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// confidentRule reports, as a how-finding of the given confidence, every
// sentence that contains word.
func confidentRule(id string, confidence float64, word string) *Rule {
	return &Rule{ID: id, Category: CategoryHow, Severity: SeverityWarning, Run: func(p *Pass) {
		for _, s := range p.Doc.Sentences() {
			if strings.Contains(s.Text, word) {
				p.ReportSentence(s, Finding{Message: id + " fired.", Confidence: confidence})
			}
		}
	}}
}

// TestSuppressionBeforeDeduplication: two rules of one category on one
// sentence make one finding, chosen among the findings the directives
// leave: silencing the more confident rule leaves the other's finding.
func TestSuppressionBeforeDeduplication(t *testing.T) {
	tests := []struct {
		name, directive string
		want            []string // rule IDs reported
	}{
		{name: "no directive: the more confident rule", want: []string{"how-strong"}},
		{name: "the winner silenced: the other rule", directive: "<!-- prdlint-disable-next-line how-strong -->\n", want: []string{"how-weak"}},
		{name: "the other silenced: the winner", directive: "<!-- prdlint-disable-next-line how-weak -->\n", want: []string{"how-strong"}},
		{name: "both silenced", directive: "<!-- prdlint-disable-next-line how-strong how-weak -->\n", want: nil},
		{name: "every rule silenced", directive: "<!-- prdlint-disable-next-line -->\n", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "# Plan\n\n" + tt.directive + "We put the carts in Kafka.\n"
			l := &Linter{
				Rules:   []*Rule{confidentRule("how-weak", 0.6, "Kafka"), confidentRule("how-strong", 0.9, "Kafka")},
				Filters: []Filter{Suppress},
			}
			res := l.LintSource("prd.md", []byte(src))
			var got []string
			for _, d := range res.Diagnostics {
				got = append(got, d.Rule)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestOnePerSentence: per sentence (Start and End) and category the most
// confident finding is kept, on a tie the one with the lowest rule ID, in
// the place of the first finding of the group; findings that cover no
// sentence are all kept.
func TestOnePerSentence(t *testing.T) {
	at := func(rule string, cat Category, start, end int, confidence float64) Diagnostic {
		return Diagnostic{Rule: rule, Category: cat, Start: start, End: end, Confidence: confidence}
	}
	tests := []struct {
		name string
		in   []Diagnostic
		want []string // rule IDs kept, in order
	}{
		{"none", nil, nil},
		{"one", []Diagnostic{at("how-a", CategoryHow, 0, 10, 0.5)}, []string{"how-a"}},
		{"different sentences", []Diagnostic{at("how-a", CategoryHow, 0, 10, 0.5), at("how-a", CategoryHow, 11, 20, 0.5)}, []string{"how-a", "how-a"}},
		{"the more confident wins", []Diagnostic{at("how-a", CategoryHow, 0, 10, 0.5), at("how-b", CategoryHow, 0, 10, 0.9)}, []string{"how-b"}},
		{"a less confident later one loses", []Diagnostic{at("how-b", CategoryHow, 0, 10, 0.9), at("how-a", CategoryHow, 0, 10, 0.5)}, []string{"how-b"}},
		{"a tie goes to the lower ID, reported later", []Diagnostic{at("how-b", CategoryHow, 0, 10, 0.7), at("how-a", CategoryHow, 0, 10, 0.7)}, []string{"how-a"}},
		{"a tie goes to the lower ID, reported first", []Diagnostic{at("how-a", CategoryHow, 0, 10, 0.7), at("how-b", CategoryHow, 0, 10, 0.7)}, []string{"how-a"}},
		{"the winner takes the first one's place", []Diagnostic{at("how-a", CategoryHow, 0, 10, 0.5), at("how-c", CategoryHow, 11, 20, 0.5), at("how-b", CategoryHow, 0, 10, 0.9)}, []string{"how-b", "how-c"}},
		{"three on one sentence", []Diagnostic{at("how-c", CategoryHow, 0, 10, 0.6), at("how-b", CategoryHow, 0, 10, 0.9), at("how-a", CategoryHow, 0, 10, 0.8)}, []string{"how-b"}},
		{"categories apart", []Diagnostic{at("how-a", CategoryHow, 0, 10, 0.9), at("what-a", CategoryWhat, 0, 10, 0.5)}, []string{"how-a", "what-a"}},
		{"same start, other end", []Diagnostic{at("how-a", CategoryHow, 0, 10, 0.9), at("how-b", CategoryHow, 0, 12, 0.5)}, []string{"how-a", "how-b"}},
		{"same end, other start", []Diagnostic{at("how-a", CategoryHow, 0, 10, 0.9), at("how-b", CategoryHow, 2, 10, 0.5)}, []string{"how-a", "how-b"}},
		{"no sentence: all kept", []Diagnostic{at("structure-a", CategoryStructure, 0, 0, 1), at("structure-b", CategoryStructure, 0, 0, 1), at("structure-c", CategoryStructure, 5, 3, 1)}, []string{"structure-a", "structure-b", "structure-c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, d := range onePerSentence(tt.in) {
				got = append(got, d.Rule)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}
