package rules

import "github.com/prdlint/prdlint/lint"

// StructureReliability reports a PRD that never addresses reliability or
// availability.
func StructureReliability() *lint.Rule {
	return structureSpec{
		id:       "structure-reliability",
		summary:  "Reliability and availability are never addressed",
		label:    "Reliability",
		order:    4,
		severity: lint.SeverityInfo,
		topic:    topicReliability,
		doc: `Reliability is a requirement the product owns: how available the feature
must be, how much data may be lost and how fast it must recover. When a
PRD is silent, the team guesses. Recognised headings include Reliability,
Availability, SLOs, Disaster recovery and Failure modes; any mention of
availability, uptime, outages, RPO/RTO, failover, backups or data loss
counts. The default severity is info: not every product needs an
availability target (a colour theme does not), so the finding draws
attention without failing a pre-commit hook.`,
		bad:     []string{"A PRD for a payments feature that never says how available it must be."},
		good:    []string{"Checkout is available 99.95% of each month and loses no confirmed order when a zone fails."},
		message: "Reliability and availability are never addressed.",
		hint:    "What must keep working, and how well: availability % per month, recovery time and data-loss limits (RTO/RPO), behaviour when a dependency fails?",
	}.rule()
}
