package rules

import "testing"

func TestStructureTestability(t *testing.T) {
	cases := checklistCases(topicTestability, "## Definition of done\n\n- Guests can pay.\n", "QA will verify the guest flow on every browser we support.")
	runChecklist(t, StructureTestability(), cases, "Testability is never addressed")
}
