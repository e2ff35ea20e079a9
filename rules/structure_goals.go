package rules

import "github.com/prdlint/prdlint/lint"

// StructureGoals reports a PRD that never states its goals.
func StructureGoals() *lint.Rule {
	return structureSpec{
		id:       "structure-goals",
		summary:  "The PRD states no goals",
		label:    "Goals",
		order:    2,
		severity: lint.SeverityWarning,
		topic:    topicGoals,
		doc: `A PRD says what the work must achieve. Without goals, requirements
have nothing to be traced to and scope has nothing to be cut against.
Recognised headings include Goals, Objectives, Desired outcomes, OKRs,
Vision and The bet; a sentence such as "The goal is…", "We want…" or
"…so that…" also counts, and so does a measurable target ("drops by 50%").`,
		bad:     []string{"A PRD with a Problem and a list of Requirements but no statement of what they are for."},
		good:    []string{"## Goals\n\n- Guests can pay without creating an account.\n- Cut checkout abandonment by guests from 18% to 9%."},
		message: "No goals: the PRD never states what it aims to achieve.",
		hint:    "Add a Goals section: the outcomes this work must produce, each one measurable.",
	}.rule()
}
