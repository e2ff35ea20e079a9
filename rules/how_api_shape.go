package rules

import "github.com/prdlint/prdlint/lint"

// HowAPIShape reports sentences that prescribe the API shape: endpoints, verbs, payload fields, flags.
func HowAPIShape() *lint.Rule {
	return howSpec{
		id:       "how-api-shape",
		kind:     "api-shape",
		does:     "prescribes the API shape: endpoints, verbs, payload fields, flags",
		bad:      []string{"Add a POST /v2/carts/{id}/merge endpoint that takes a source_cart_id field."},
		good:     []string{"Signed-in shoppers keep the items they added as guests."},
		named:    `Prescribes the API shape ("%s").`,
		reason:   "Prescribes the API shape (\"%s\").",
		question: "Who needs to do what through the interface, with what guarantees? State the capability; let the team design the API.",
	}.rule()
}
