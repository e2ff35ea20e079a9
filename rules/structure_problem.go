package rules

import "github.com/prdlint/prdlint/lint"

// StructureProblem reports a PRD that never states the problem it solves.
func StructureProblem() *lint.Rule {
	return structureSpec{
		id:       "structure-problem",
		summary:  "The PRD has no problem statement",
		label:    "Problem",
		order:    1,
		severity: lint.SeverityWarning,
		topic:    topicProblem,
		doc: `A PRD starts from a problem: who is affected, what goes wrong today and
what it costs them. Without it, reviewers cannot judge whether the goals
and requirements are the right ones. Recognised headings include Problem,
Problem statement, Background, Motivation, Context and Why now.`,
		bad:     []string{"A PRD with Goals, Requirements and Success metrics sections but no word on what is wrong today."},
		good:    []string{"## Problem\n\nGuests abandon checkout at twice the rate of members because they must create an account first."},
		message: "No problem statement: the PRD never says what problem it solves or for whom.",
		hint:    "Add a Problem section: who is affected, what goes wrong today, and what it costs them.",
	}.rule()
}
