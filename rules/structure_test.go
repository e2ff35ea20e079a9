package rules

import (
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
