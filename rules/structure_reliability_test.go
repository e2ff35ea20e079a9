package rules

import "testing"

func TestStructureReliability(t *testing.T) {
	cases := checklistCases(topicReliability, "## Availability\n\nCheckout works around the clock.\n", "An outage of checkout loses sales.")
	runChecklist(t, StructureReliability(), cases, "Reliability and availability are never addressed")
}
