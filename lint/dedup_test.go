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
