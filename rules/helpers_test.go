package rules

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/prdlint/prdlint/lint"
)

// lintWith runs the given rules over src and returns the findings.
func lintWith(t *testing.T, src string, rs ...*lint.Rule) []lint.Diagnostic {
	t.Helper()
	l := &lint.Linter{Rules: rs}
	res := l.LintSource("prd.md", []byte(src))
	require.Nil(t, res.Err)
	return res.Diagnostics
}

// prdSection is one section of the PRD the structure tests build.
type prdSection struct {
	topic topic
	text  string
}

// fullPRD covers every checklist topic once, each in its own section, in
// words that mention no other topic, so a test can drop or rewrite one.
var fullPRD = []prdSection{
	{topicProblem, "## Problem\n\nGuests abandon checkout at twice the rate of members.\n"},
	{topicGoals, "## Goals\n\n- Guests can pay without an account.\n- Guests finish checkout as often as members.\n"},
	{topicPRD, "## Requirements\n\n- Guests enter an email address and a delivery address.\n- Guests see the order total before they pay.\n- Guests can turn the order into an account after paying.\n"},
	// No target in it: a measurable target covers goals too, and the
	// goals rule's cases need a PRD without goals.
	{topicMetrics, "## Success metrics\n\n- Guest conversion, reported to the product team every week.\n"},
	{topicReliability, "## Reliability\n\nGuest checkout works 99.95% of each month.\n"},
	{topicSecurity, "## Privacy\n\nGuest email addresses are kept for 30 days at most.\n"},
	{topicMonitoring, "## Monitoring\n\nThe on-call engineer hears within 5 minutes when guest payments fail.\n"},
	{topicTestability, "## Acceptance criteria\n\n- A guest who pays gets a confirmation email within 2 minutes.\n"},
}

// prdWithout builds the full PRD with the section of topic t replaced by
// replacement ("" drops it), and extra appended.
func prdWithout(t topic, replacement, extra string) string {
	var b strings.Builder
	b.WriteString("# Guest checkout\n\n")
	for _, s := range fullPRD {
		if s.topic == t {
			if replacement != "" {
				b.WriteString(replacement + "\n")
			}
			continue
		}
		b.WriteString(s.text + "\n")
	}
	b.WriteString(extra)
	return b.String()
}

// shortNote is too short to be held to the checklist.
const shortNote = "# Guest checkout\n\nA note on guest checkout.\n\n## Ideas\n\n- Let guests pay.\n"

// structureCase is one table row of a checklist rule's test.
type structureCase struct {
	name string
	src  string
	want bool
}

// checklistCases are the cases every checklist rule must pass for its
// topic t, given a heading synonym with content and a mention in another
// section.
func checklistCases(t topic, synonym, mention string) []structureCase {
	return []structureCase{
		{"full PRD", prdWithout(topicCount, "", ""), false},
		{"section missing", prdWithout(t, "", ""), true},
		{"heading synonym", prdWithout(t, synonym, ""), false},
		{"heading with only TBD", prdWithout(t, "## "+strings.SplitN(strings.TrimPrefix(synonym, "## "), "\n", 2)[0]+"\n\nTBD\n", ""), true},
		{"mentioned elsewhere", prdWithout(t, "", "## Notes\n\n"+mention+"\n"), false},
		{"short note", shortNote, false},
	}
}

// runChecklist runs rule r over the cases and checks that it reports at
// the title line with wantMessage exactly when a case wants it.
func runChecklist(t *testing.T, r *lint.Rule, cases []structureCase, wantMessage string) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			ds := lintWith(t, tt.src, r)
			if !tt.want {
				require.Empty(t, ds)
				return
			}
			require.Len(t, ds, 1)
			d := ds[0]
			require.Equal(t, r.ID, d.Rule)
			require.Equal(t, lint.CategoryStructure, d.Category)
			require.Equal(t, 1, d.Line, "reported at the title line")
			require.Equal(t, "Guest checkout", d.Sentence)
			require.Contains(t, d.Message, wantMessage)
		})
	}
}
