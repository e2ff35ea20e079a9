package rules

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/prdlint/prdlint/lint"
)

func TestWhatGoalsUnmeasured(t *testing.T) {
	vague := "## Goals\n\n- Make checkout easier for guests.\n- Improve conversion.\n"
	tests := []struct {
		name string
		src  string
		line int // 0 for no finding
	}{
		{"vague goal list", "# Guest checkout\n\n" + vague, 3},
		{"one measurable goal", "# Guest checkout\n\n" + vague + "- Cut abandonment from 18% to 9%.\n", 0},
		{"measured success metrics", "# Guest checkout\n\n" + vague + "\n## Success metrics\n\n- Conversion rises by 10 points.\n", 0},
		{"unmeasured success metrics", "# Guest checkout\n\n" + vague + "\n## Success metrics\n\n- Conversion rises.\n", 3},
		{"single goal", "# Guest checkout\n\n## Goals\n\nGuests can pay.\n", 0},
		{"objectives heading", "# Guest checkout\n\n## 2. Objectives:\n\n- Make checkout easier.\n- Improve conversion.\n", 3},
		// The nested list has two vague items, enough to be judged on its
		// own: it is judged as part of the outer list, one finding.
		{"nested goal headings judged once", "# Guest checkout\n\n" + vague + "\n### Business goals\n\n- Grow revenue.\n- Delight partners.\n", 3},
		{"non-goals are not goals", "# Guest checkout\n\n## Non-goals\n\n- Member checkout.\n- Wish lists.\n", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := lintWith(t, tt.src, WhatGoalsUnmeasured())
			if tt.line == 0 {
				assert.Empty(t, ds)
				return
			}
			require.Len(t, ds, 1)
			assert.Equal(t, tt.line, ds[0].Line)
			assert.Equal(t, "what", string(ds[0].Category))
			assert.True(t, strings.HasPrefix(ds[0].Message, "No goal states a measurable outcome."))
			if strings.Contains(tt.src, "## Success metrics") {
				assert.Contains(t, ds[0].Hint, "or one of the success metrics, a target", "it has success metrics to measure")
			} else {
				assert.Contains(t, ds[0].Hint, "or add Success metrics")
			}
		})
	}
}

// TestWhatGoalsUnmeasuredLeavesTheGapToSuccessMetrics: in a full PRD with
// no success metrics, structure-success-metrics reports the gap and this
// rule stays quiet, one gap, one finding; with that rule off, this one
// reports it, so turning one rule off does not hide the gap.
func TestWhatGoalsUnmeasuredLeavesTheGapToSuccessMetrics(t *testing.T) {
	src := strings.Replace(prdWithout(topicMetrics, "", ""), "- Guests finish checkout as often as members.", "- Make checkout easier.", 1)
	both := lintWith(t, src, WhatGoalsUnmeasured(), StructureSuccessMetrics())
	require.Len(t, both, 1)
	assert.Equal(t, successMetricsRuleID, both[0].Rule)

	l := &lint.Linter{Rules: []*lint.Rule{WhatGoalsUnmeasured(), StructureSuccessMetrics()}}
	cfg := lint.DefaultConfig()
	cfg.Rules = map[string]lint.Severity{successMetricsRuleID: lint.SeverityOff}
	doc, err := lint.Parse("prd.md", []byte(src))
	require.NoError(t, err)
	off := l.Check(doc, cfg)
	require.Len(t, off, 1)
	assert.Equal(t, "what-goals-unmeasured", off[0].Rule)
}
