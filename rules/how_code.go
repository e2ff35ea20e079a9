package rules

import "github.com/prdlint/prdlint/lint"

// HowCode reports sentences that prescribe code-level design: classes, functions, algorithms, libraries.
func HowCode() *lint.Rule {
	return howSpec{
		id:       "how-code",
		kind:     "code",
		does:     "prescribes code-level design: classes, functions, algorithms, libraries",
		bad:      []string{"Add a CartMerger class that deduplicates items with a hash map."},
		good:     []string{"Merging two carts never shows the same item twice."},
		named:    `Prescribes code-level design ("%s").`,
		reason:   "Prescribes code-level design (\"%s\").",
		question: "What behaviour must users or operators observe? State it; let the team choose the code structure.",
	}.rule()
}
