package rules

import "github.com/prdlint/prdlint/lint"

// StructureTestability reports a PRD with no acceptance criteria or other
// word on how it will be verified.
func StructureTestability() *lint.Rule {
	return structureSpec{
		id:       "structure-testability",
		summary:  "Testability is never addressed: no acceptance criteria",
		label:    "Testability",
		order:    7,
		severity: lint.SeverityInfo,
		topic:    topicTestability,
		doc: `A requirement is only done when someone can check it. Acceptance
criteria (or a test plan) turn the PRD into something QA and engineering
can verify. Recognised headings include Acceptance criteria, Testing, Test
plan, QA, Verification and Definition of done; any mention of tests,
testing, verification or Given/When/Then scenarios counts. The default
severity is info, as for the other non-functional topics.`,
		bad:     []string{"A PRD whose requirements say what to build but never what must be true to accept it."},
		good:    []string{"## Acceptance criteria\n\n- A guest who pays receives an order confirmation email within 2 minutes."},
		message: "Testability is never addressed: the PRD has no acceptance criteria.",
		hint:    "What must be true for this to be accepted? Add acceptance criteria a tester can verify.",
	}.rule()
}
