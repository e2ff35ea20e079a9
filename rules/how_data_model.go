package rules

import "github.com/prdlint/prdlint/lint"

// HowDataModel reports sentences that prescribe the data model: tables, columns, fields, schemas, indexes.
func HowDataModel() *lint.Rule {
	return howSpec{
		id:      "how-data-model",
		kind:    "data-model",
		summary: "Sentence prescribes the data model: tables, columns, fields, schemas, indexes",
		doc: `A PRD says what is needed and why; the engineering team owns how.
This rule reports a sentence that
prescribes the data model: tables, columns, fields, schemas, indexes,
instead of stating the need behind it. It judges the sentence, not a word:
background ("Today carts live in one Redis node"), constraints, SLOs and
non-goals that name technology are not reported.`,
		bad:      []string{"Add a version column to the carts table."},
		good:     []string{"Support staff can see every earlier version of a cart for 90 days."},
		named:    `Prescribes the data model ("%s").`,
		reason:   "Prescribes the data model (\"%s\").",
		question: "What must users or systems be able to record, find or keep, and for how long? State that; let the team design the schema.",
	}.rule()
}
