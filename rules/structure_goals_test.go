package rules

import "testing"

func TestStructureGoals(t *testing.T) {
	cases := checklistCases(topicGoals, "## Objectives\n\n- Guests pay without an account.\n", "The aim is that guests pay without an account, so that fewer leave.")
	cases = append(cases,
		structureCase{"non-goals are not goals", prdWithout(topicGoals, "## Non-goals\n\n- Member checkout.\n", ""), true},
		structureCase{"goals and non-goals", prdWithout(topicGoals, "## Goals & non-goals\n\n- Guests pay without an account.\n", ""), false},
	)
	runChecklist(t, StructureGoals(), cases, "No goals")
}
