package rules

import "github.com/prdlint/prdlint/lint"

// HowAPIShape reports sentences that prescribe the API shape: endpoints, verbs, payload fields, flags.
func HowAPIShape() *lint.Rule {
	return howSpec{
		id:      "how-api-shape",
		kind:    "api-shape",
		summary: "Sentence prescribes the API shape: endpoints, verbs, payload fields, flags",
		doc: `A PRD says what is needed and why; the engineering team owns how.
This rule reports a sentence that
prescribes the API shape: endpoints, verbs, payload fields, flags,
instead of stating the need behind it. It judges the sentence, not a word:
background ("Today carts live in one Redis node"), constraints, SLOs and
non-goals that name technology are not reported.`,
		bad:      []string{"Add a POST /v2/carts/{id}/merge endpoint that takes a source_cart_id field."},
		good:     []string{"Signed-in shoppers keep the items they added as guests."},
		named:    `Prescribes the API shape ("%s").`,
		reason:   "Prescribes the API shape (\"%s\").",
		question: "Who needs to do what through the interface, with what guarantees? State the capability; let the team design the API.",
	}.rule()
}
