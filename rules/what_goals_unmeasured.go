package rules

import "github.com/prdlint/prdlint/lint"

// minGoalSentences is how many sentences make a goal list worth judging.
const minGoalSentences = 2

// WhatGoalsUnmeasured reports a goal list with no measurable outcome.
func WhatGoalsUnmeasured() *lint.Rule {
	return &lint.Rule{
		ID:       "what-goals-unmeasured",
		Category: lint.CategoryWhat,
		Severity: lint.SeverityWarning,
		Summary:  "Goal list with no measurable outcome anywhere",
		Doc: `Goals that cannot be measured cannot be met or missed. This rule looks
at each section headed Goals, Objectives, Desired outcomes, OKRs and the
like (not Non-goals) that holds at least 2 sentences, and reports it at
its heading when none of its sentences — and no sentence under a Success
metrics or KPI heading — states a measurable outcome: a number, a
percentage, a percentile, a rate or a named objective (SLO, RPO, RTO).
One measurable goal, or measurable success metrics elsewhere, is enough.
When the PRD checklist applies (see structure-success-metrics) and the
document has no success metrics at all, that rule reports the gap instead,
so one gap gives one finding; when that rule is off, this one reports it.`,
		Bad: []string{"## Goals\n\n- Make checkout easier for guests.\n- Improve conversion."},
		Good: []string{
			"## Goals\n\n- Guests can pay without creating an account.\n- Cut guest checkout abandonment from 18% to 9% by Q3.",
		},
		Run: func(pass *lint.Pass) {
			o := outlineOf(pass.Doc)
			if o.measuredMetrics() || StructureApplies(pass.Doc) && !o.covered[topicMetrics] && pass.RuleEnabled(successMetricsRuleID) {
				// Measured elsewhere, or structure-success-metrics
				// already reports the missing metrics: one gap, one
				// finding. When that rule is off, this one reports it.
				return
			}
			for _, sec := range pass.Doc.Sections {
				if !o.headings[sec][topicGoals] || o.headings[sec][topicNonGoals] || o.withinGoals(sec.Parent) {
					continue
				}
				n, measured := 0, false
				var heading *lint.Sentence
				for _, s := range pass.Doc.Sentences() {
					if !within(s.Section(), sec) {
						continue
					}
					if s.Block.Kind == lint.BlockHeading {
						if s.Section() == sec && heading == nil {
							heading = s
						}
						continue
					}
					if o.in(s, topicNonGoals) {
						continue
					}
					n++
					measured = measured || isMeasurable(s.Text)
				}
				if n < minGoalSentences || measured || heading == nil {
					continue
				}
				hint := "What will change, by how much and by when (e.g. cut guest checkout abandonment from 18% to 9% by Q3)? Give at least one goal a target, or add Success metrics."
				if o.covered[topicMetrics] {
					// The document has success metrics; none of them is measurable either.
					hint = "What will change, by how much and by when (e.g. cut guest checkout abandonment from 18% to 9% by Q3)? Give at least one goal, or one of the success metrics, a target."
				}
				pass.ReportSentence(heading, lint.Finding{
					Message: "No goal states a measurable outcome.",
					Hint:    hint,
				})
			}
		},
	}
}

// within reports whether section s is sec or nested under it.
func within(s, sec *lint.Section) bool {
	for x := s; x != nil; x = x.Parent {
		if x == sec {
			return true
		}
	}
	return false
}

// withinGoals reports whether s or an enclosing section is a goals
// section, so nested goal headings are judged once, with their parent.
func (o *outline) withinGoals(s *lint.Section) bool {
	for x := s; x != nil; x = x.Parent {
		if o.headings[x][topicGoals] && !o.headings[x][topicNonGoals] {
			return true
		}
	}
	return false
}

// measuredMetrics reports whether a sentence under a success-metrics
// heading states a measurable target.
func (o *outline) measuredMetrics() bool {
	for _, s := range o.sentences {
		if o.in(s, topicMetrics) && isMeasurable(s.Text) {
			return true
		}
	}
	return false
}
