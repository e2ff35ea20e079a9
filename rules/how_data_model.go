package rules

import "github.com/prdlint/prdlint/lint"

// HowDataModel reports sentences that prescribe the data model: tables, columns, fields, schemas, indexes.
func HowDataModel() *lint.Rule {
	return howSpec{
		id:       "how-data-model",
		kind:     "data-model",
		does:     "prescribes the data model: tables, columns, fields, schemas, indexes",
		bad:      []string{"Add a version column to the carts table."},
		good:     []string{"Support staff can see every earlier version of a cart for 90 days."},
		named:    `Prescribes the data model ("%s").`,
		reason:   "Prescribes the data model (\"%s\").",
		question: "What must users or systems be able to record, find or keep, and for how long? State that; let the team design the schema.",
	}.rule()
}
