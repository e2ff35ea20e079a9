package rules

import "testing"

func TestStructureSecurity(t *testing.T) {
	cases := checklistCases(topicSecurity, "## Security & privacy\n\nGuests see only their own order.\n", "Guests give consent before we email them.")
	runChecklist(t, StructureSecurity(), cases, "Security and privacy are never addressed")
}
