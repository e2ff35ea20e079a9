package rules

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
		{"nested goal headings judged once", "# Guest checkout\n\n" + vague + "\n### Business goals\n\n- Grow revenue.\n", 3},
		{"non-goals are not goals", "# Guest checkout\n\n## Non-goals\n\n- Member checkout.\n- Wish lists.\n", 0},
		{"full PRD without metrics: structure-success-metrics reports it", prdWithout(topicMetrics, "", ""), 0},
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
