package rules

import (
	"strings"
	"testing"
)

func TestStructureSuccessMetrics(t *testing.T) {
	cases := checklistCases(topicMetrics, "## KPIs\n\n- Guest conversion.\n", "We will track the conversion rate of guests.")
	noMetrics := prdWithout(topicMetrics, "", "")
	cases = append(cases,
		structureCase{"measurable goal counts",
			strings.Replace(noMetrics, "- Guests finish checkout as often as members.", "- Guest abandonment falls from 18% to 9%.", 1), false},
		structureCase{"number outside goals does not count",
			strings.Replace(noMetrics, "## Requirements\n\n", "## Requirements\n\n- Guests pay in 3 steps or fewer.\n", 1), true},
		structureCase{"variant heading", prdWithout(topicMetrics, "## 5. 📈 Measuring success:\n\n- Conversion of guests.\n", ""), false},
	)
	runChecklist(t, StructureSuccessMetrics(), cases, "No success metrics")
}
