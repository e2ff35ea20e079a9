package rules

import "github.com/prdlint/prdlint/lint"

// HowTechChoice reports sentences that name a technology to build with: a database, cache, broker, language, framework or cloud service.
func HowTechChoice() *lint.Rule {
	return howSpec{
		id:      "how-tech-choice",
		kind:    "tech-choice",
		summary: "Sentence names a technology to build with: a database, cache, broker, language, framework or cloud service",
		doc: `A PRD says what is needed and why; the engineering team owns how.
This rule reports a sentence that
names a technology to build with: a database, cache, broker, language, framework or cloud service,
instead of stating the need behind it. It judges the sentence, not a word:
background ("Today carts live in one Redis node"), constraints, SLOs and
non-goals that name technology are not reported.`,
		bad:      []string{"Use Kafka to stream cart changes to the analytics service."},
		good:     []string{"Cart changes must reach analytics within 5 minutes, in order, without loss."},
		named:    "Names \"%s\" as the technology to use.",
		reason:   "Picks the technology to use (\"%s\").",
		question: "What must it achieve (capacity, durability, latency, cost, compliance)? State that; let the team choose the tool.",
	}.rule()
}
