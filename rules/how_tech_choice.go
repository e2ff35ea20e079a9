package rules

import "github.com/prdlint/prdlint/lint"

// HowTechChoice reports sentences that name a technology to build with: a database, cache, broker, language, framework or cloud service.
func HowTechChoice() *lint.Rule {
	return howSpec{
		id:       "how-tech-choice",
		kind:     "tech-choice",
		does:     "names a technology to build with: a database, cache, broker, language, framework or cloud service",
		bad:      []string{"Use Kafka to stream cart changes to the analytics service."},
		good:     []string{"Cart changes must reach analytics within 5 minutes, in order, without loss."},
		named:    "Names \"%s\" as the technology to use.",
		reason:   "Picks the technology to use (\"%s\").",
		question: "What must it achieve (platforms, capacity, latency, durability, cost, compliance)? State that; let the team choose the tool.",
	}.rule()
}
