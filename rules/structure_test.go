package rules

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/prdlint/prdlint/lint"
)

func TestStructureApplies(t *testing.T) {
	sentences := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString("Guests pay without an account. ")
		}
		return b.String() + "\n"
	}
	tests := []struct {
		name string
		src  string
		want bool
	}{
		{"full PRD", prdWithout(topicCount, "", ""), true},
		{"short note", shortNote, false},
		{"no headings", sentences(20), false},
		{"two sections", "# T\n\n## Problem\n\n" + sentences(5) + "\n## Goals\n\n" + sentences(5), false},
		{"three PRD sections", "# T\n\n## Problem\n\n" + sentences(3) + "\n## Goals\n\n" + sentences(3) + "\n## Notes\n\n" + sentences(3), true},
		{"three sections, seven sentences", "# T\n\n## Problem\n\n" + sentences(3) + "\n## Goals\n\n" + sentences(3) + "\n## Notes\n\n" + sentences(1), false},
		{"not PRD-shaped", "# Tool\n\n## Installation\n\n" + sentences(3) + "\n## Usage\n\n" + sentences(3) + "\n## License\n\n" + sentences(3), false},
		{"title says PRD", "# PRD: Tool\n\n## Installation\n\n" + sentences(3) + "\n## Usage\n\n" + sentences(3) + "\n## License\n\n" + sentences(3), true},
		{"front matter type", "---\ntype: prd\n---\n# Tool\n\n## Installation\n\n" + sentences(3) + "\n## Usage\n\n" + sentences(3) + "\n## License\n\n" + sentences(3), true},
		{"level-1 sections count", "# Summary\n\n" + sentences(3) + "\n# Motivation\n\n" + sentences(3) + "\n# Feature explanation\n\n" + sentences(3), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := lint.Parse("prd.md", []byte(tt.src))
			require.NoError(t, err)
			assert.Equal(t, tt.want, StructureApplies(doc))
		})
	}
	assert.False(t, StructureApplies(nil))
}

func TestHeadingCovers(t *testing.T) {
	tests := []struct {
		heading string
		want    []topic
	}{
		{"Problem statement", []topic{topicProblem}},
		{"3.1 Goals & Non-Goals", []topic{topicGoals, topicNonGoals}},
		{"Non-goals", []topic{topicNonGoals}},
		{"Out of scope", []topic{topicNonGoals, topicPRD}},
		{"📈 Success metrics:", []topic{topicMetrics}},
		{"Key Performance Indicators (KPIs)", []topic{topicMetrics}},
		{"Security & Privacy", []topic{topicSecurity}},
		{"SLOs", []topic{topicReliability}},
		{"Test plan", []topic{topicTestability}},
		{"Functional requirements", []topic{topicPRD}},
		{"Installation", nil},
	}
	for _, tt := range tests {
		t.Run(tt.heading, func(t *testing.T) {
			var got []topic
			named := headingTopics(lint.NormalizeHeading(tt.heading))
			for tp := topic(0); tp < topicCount; tp++ {
				if named[tp] {
					got = append(got, tp)
				}
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestIsMeasurable(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Checkout completes within 300 ms at p95.", true},
		{"Availability is 99.95% per month.", true},
		{"RPO and RTO are agreed with finance.", true},
		{"Handles 2,000 requests per second.", true},
		{"Results appear within a second.", true},
		{"No paid order is lost: zero data loss.", true},
		{"Four nines of availability.", true},
		{"The points service must be fast.", false},
		{"Migrate the v2 API to S3.", false},
		{"Improve conversion for guests.", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			assert.Equal(t, tt.want, isMeasurable(tt.text))
		})
	}
}

// TestStructureGoodExamplesCover holds each checklist rule to its own
// documentation: its "Not reported" example, written anywhere in a PRD
// that lacks the rule's section, covers the topic.
func TestStructureGoodExamplesCover(t *testing.T) {
	tests := []struct {
		rule   *lint.Rule
		topics []topic // the sections dropped from the PRD
		extra  string  // more the PRD holds
	}{
		{StructureProblem(), []topic{topicProblem}, ""},
		{StructureGoals(), []topic{topicGoals}, ""},
		{StructureSuccessMetrics(), []topic{topicMetrics}, ""},
		{StructureReliability(), []topic{topicReliability}, ""},
		{StructureSecurity(), []topic{topicSecurity}, ""},
		{StructureMonitoring(), []topic{topicMonitoring}, ""},
		{StructureTestability(), []topic{topicTestability}, ""},
		{StructureExternalAPI(), []topic{topicReliability, topicSecurity}, "## Partners\n\nPartners can query a shopper's points balance through a public API.\n\n"},
	}
	for _, tt := range tests {
		t.Run(tt.rule.ID, func(t *testing.T) {
			require.NotEmpty(t, tt.rule.Good)
			without := prdDropping(tt.topics, tt.extra)
			require.NotEmpty(t, lintWith(t, without, tt.rule), "reported without the section")
			for _, good := range tt.rule.Good {
				src := without + "## Notes\n\n" + good + "\n"
				assert.Empty(t, lintWith(t, src, tt.rule), "%q covers it", good)
			}
		})
	}
}

// prdDropping is the full PRD without the sections of the given topics,
// with extra appended.
func prdDropping(topics []topic, extra string) string {
	var b strings.Builder
	b.WriteString("# Guest checkout\n\n")
	for _, s := range fullPRD {
		if !slices.Contains(topics, s.topic) {
			b.WriteString(s.text + "\n")
		}
	}
	b.WriteString(extra)
	return b.String()
}

// TestStructureChecklistLabels: every structure rule names its checklist
// item, and ordering them by Order then ID gives the PRD's usual reading
// order, which the report's checklist shows.
func TestStructureChecklistLabels(t *testing.T) {
	want := []struct{ id, label string }{
		{"structure-problem", "Problem"},
		{"structure-goals", "Goals"},
		{"structure-success-metrics", "Success metrics"},
		{"structure-reliability", "Reliability"},
		{"structure-security", "Security"},
		{"structure-monitoring", "Monitoring"},
		{"structure-testability", "Testability"},
		{"structure-external-api", "External API"},
	}
	var structure []*lint.Rule
	orders := map[int]string{}
	for _, r := range All() {
		if r.Category != lint.CategoryStructure {
			assert.Empty(t, r.Label, "%s: only checklist items have a label", r.ID)
			continue
		}
		assert.NotEmpty(t, r.Label, r.ID)
		if other, dup := orders[r.Order]; dup {
			t.Errorf("%s and %s share Order %d", other, r.ID, r.Order)
		}
		orders[r.Order] = r.ID
		structure = append(structure, r)
	}
	slices.SortStableFunc(structure, func(a, b *lint.Rule) int {
		if a.Order != b.Order {
			return a.Order - b.Order
		}
		return strings.Compare(a.ID, b.ID)
	})
	require.Len(t, structure, len(want))
	for i, w := range want {
		t.Run(w.id, func(t *testing.T) {
			assert.Equal(t, w.id, structure[i].ID, "item %d", i+1)
			assert.Equal(t, w.label, structure[i].Label)
		})
	}
}

// TestTopicsInPMWords: PRDs written as product managers write them cover
// a topic in words and under headings the first lists lacked (each case
// a shape seen in such PRDs); the rule for the topic then stays quiet.
func TestTopicsInPMWords(t *testing.T) {
	for _, tt := range []struct {
		rule    *lint.Rule
		topic   topic
		heading string // a heading that covers the topic, or ""
		mention string // a sentence elsewhere that covers it, or ""
	}{
		{StructureSuccessMetrics(), topicMetrics, "How we'll know it worked", ""},
		{StructureSuccessMetrics(), topicMetrics, "How will we know it worked?", ""},
		{StructureSuccessMetrics(), topicMetrics, "", "Open disputes fall from 214 to under 50 by June."},
		{StructureGoals(), topicGoals, "The bet", ""},
		{StructureGoals(), topicGoals, "", "We expect it to cut failed stops in half."},
		{StructureReliability(), topicReliability, "", "If the customer is offline, photos are kept on the phone."},
		{StructureReliability(), topicReliability, "", "Counts must survive when the scanner loses its connection."},
		{StructureReliability(), topicReliability, "", "If the Axess API is down, activation requests are queued."},
		{StructureReliability(), topicReliability, "", "If recommendations are unavailable, the page renders normally."},
		{StructureReliability(), topicReliability, "", "The bake list must be available by 2:05 pm on 99.5% of baking days."},
		{StructureSecurity(), topicSecurity, "Access", ""},
		{StructureSecurity(), topicSecurity, "", "Prices must only be visible after the customer signs in."},
		{StructureSecurity(), topicSecurity, "", "Comments are visible only to the committee."},
		{StructureSecurity(), topicSecurity, "", "Bad actors could send fake reports, so links are signed."},
		{StructureProblem(), topicProblem, "", "Students today wait more than two weeks for a decision."},
		{StructureProblem(), topicProblem, "", "**Why now:** craft breweries lose 3-5% of their keg fleet every year."},
		{StructureGoals(), topicGoals, "", "The pitch: guests who can pay as they are will stay."},
	} {
		name := tt.heading + tt.mention
		t.Run(name, func(t *testing.T) {
			replacement, extra := "", ""
			if tt.heading != "" {
				replacement = "## " + tt.heading + "\n\nSee the notes below.\n"
			}
			if tt.mention != "" {
				extra = "## Notes\n\n" + tt.mention + "\n"
			}
			assert.NotEmpty(t, lintWith(t, prdWithout(tt.topic, "", ""), tt.rule), "reported without it")
			assert.Empty(t, lintWith(t, prdWithout(tt.topic, replacement, extra), tt.rule), "covered by it")
		})
	}
}
