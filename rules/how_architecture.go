package rules

import "github.com/prdlint/prdlint/lint"

// HowArchitecture reports sentences that prescribe an architecture or mechanism: replication, sharding, caching layers, queues, service splits, retries, polling, leader election.
func HowArchitecture() *lint.Rule {
	return howSpec{
		id:       "how-architecture",
		kind:     "architecture",
		does:     "prescribes an architecture or mechanism: replication, sharding, caching layers, queues, service splits, retries, polling, leader election",
		bad:      []string{"We will replicate the carts table to a hot standby."},
		good:     []string{"Carts must survive the loss of one node with under a minute of data loss."},
		named:    `Prescribes a mechanism ("%s").`,
		reason:   "Prescribes a mechanism (\"%s\").",
		question: "What must the system guarantee (availability, consistency, recovery time, freshness, security)? State the outcome; let the team design the mechanism.",
	}.rule()
}
