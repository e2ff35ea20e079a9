package rules

import "testing"

func TestStructureProblem(t *testing.T) {
	cases := checklistCases(topicProblem, "## Background\n\nGuests leave at the sign-up step.\n", "Guests struggle with the sign-up step.")
	cases = append(cases,
		structureCase{"numbered emoji heading", prdWithout(topicProblem, "## 1. 🧩 Problem statement:\n\nGuests leave at the sign-up step.\n", ""), false},
		structureCase{"why now", prdWithout(topicProblem, "## Why now?\n\nGuests leave at the sign-up step.\n", ""), false},
	)
	runChecklist(t, StructureProblem(), cases, "No problem statement")
}
