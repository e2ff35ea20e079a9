package rules

import "testing"

func TestStructureMonitoring(t *testing.T) {
	cases := checklistCases(topicMonitoring, "## Observability\n\nSupport sees failed guest payments as they happen.\n", "Finance gets a dashboard of guest orders.")
	runChecklist(t, StructureMonitoring(), cases, "Monitoring and observability are never addressed")
}
