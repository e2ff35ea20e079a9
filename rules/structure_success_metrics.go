package rules

import "github.com/prdlint/prdlint/lint"

// successMetricsRuleID names the rule that reports a PRD with no success
// metrics, which what-goals-unmeasured leaves that gap to.
const successMetricsRuleID = "structure-success-metrics"

// StructureSuccessMetrics reports a PRD that never says how success will be
// measured.
func StructureSuccessMetrics() *lint.Rule {
	return structureSpec{
		id:       successMetricsRuleID,
		summary:  "The PRD has no success metrics",
		label:    "Success metrics",
		order:    3,
		severity: lint.SeverityWarning,
		topic:    topicMetrics,
		doc: `A PRD says how the team will know it worked: the metrics, their baseline
and their target. Without them a launch cannot be judged and a goal cannot
be checked. Recognised headings include Success metrics, Metrics, KPIs,
Measuring success, Success criteria and Key results; a goal with a number
in it ("Cut abandonment from 18% to 9%") counts as well.`,
		bad:     []string{"A PRD whose goals are all qualitative and that has no Metrics section."},
		good:    []string{"## Success metrics\n\n- Guest checkout conversion rises from 41% to 55% within a quarter of launch."},
		message: "No success metrics: the PRD never says how success will be measured.",
		hint:    "Add Success metrics: the numbers that show it worked, with baseline, target and date (e.g. guest conversion from 41% to 55% within a quarter).",
	}.rule()
}
