package rules

import "github.com/prdlint/prdlint/lint"

// HowCode reports sentences that prescribe code-level design: classes, functions, algorithms, libraries.
func HowCode() *lint.Rule {
	return howSpec{
		id:      "how-code",
		kind:    "code",
		summary: "Sentence prescribes code-level design: classes, functions, algorithms, libraries",
		doc: `A PRD says what is needed and why; the engineering team owns how.
This rule reports a sentence that
prescribes code-level design: classes, functions, algorithms, libraries,
instead of stating the need behind it. It judges the sentence, not a word:
background ("Today carts live in one Redis node"), constraints, SLOs and
non-goals that name technology are not reported.`,
		bad:      []string{"Add a CartMerger class that deduplicates items with a hash map."},
		good:     []string{"Merging two carts never shows the same item twice."},
		named:    `Prescribes code-level design ("%s").`,
		reason:   "Prescribes code-level design (\"%s\").",
		question: "What behaviour must users or operators observe? State it; let the team choose the code structure.",
	}.rule()
}
