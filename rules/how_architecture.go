package rules

import "github.com/prdlint/prdlint/lint"

// HowArchitecture reports sentences that prescribe an architecture or mechanism: replication, sharding, caching layers, queues, service splits, retries, polling, leader election.
func HowArchitecture() *lint.Rule {
	return howSpec{
		id:      "how-architecture",
		kind:    "architecture",
		summary: "Sentence prescribes an architecture or mechanism: replication, sharding, caching layers, queues, service splits, retries, polling, leader election",
		doc: `A PRD says what is needed and why; the engineering team owns how.
This rule reports a sentence that
prescribes an architecture or mechanism: replication, sharding, caching layers, queues, service splits, retries, polling, leader election,
instead of stating the need behind it. It judges the sentence, not a word:
background ("Today carts live in one Redis node"), constraints, SLOs and
non-goals that name technology are not reported.`,
		bad:      []string{"We will replicate the carts table to a hot standby."},
		good:     []string{"Carts must survive the loss of one node with under a minute of data loss."},
		named:    `Prescribes a mechanism ("%s").`,
		reason:   "Prescribes a mechanism (\"%s\").",
		question: "What must the system guarantee (availability, consistency, recovery time, freshness)? State the outcome; let the team design the mechanism.",
	}.rule()
}
