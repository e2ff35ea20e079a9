package rules

import "testing"

func TestStructureGoals(t *testing.T) {
	cases := checklistCases(topicGoals, "## Objectives\n\n- Guests pay without an account.\n", "The aim is that guests pay without an account, so that fewer leave.")
	cases = append(cases,
		structureCase{"non-goals are not goals", prdWithout(topicGoals, "## Non-goals\n\n- Member checkout.\n", ""), true},
		structureCase{"goals and non-goals", prdWithout(topicGoals, "## Goals & non-goals\n\n- Guests pay without an account.\n", ""), false},
		// a measurable target is a goal, under a metrics heading or in
		// any words that move a number from a baseline to a target
		structureCase{"a target under a metrics heading", prdWithout(topicGoals, "", "## How we'll know it worked\n\n- Guest conversion reaches 55% within a quarter.\n"), false},
		structureCase{"a target anywhere", prdWithout(topicGoals, "", "## Notes\n\nAbandoned guest carts drop by 50% within three months.\n"), false},
		structureCase{"a bet", prdWithout(topicGoals, "## The bet\n\nIf guests can pay without an account, more of them finish.\n", ""), false},
		structureCase{"we want", prdWithout(topicGoals, "", "## Notes\n\nWe want guests to finish checkout in under a minute.\n"), false},
	)
	runChecklist(t, StructureGoals(), cases, "No goals")
}
