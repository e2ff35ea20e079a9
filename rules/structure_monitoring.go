package rules

import "github.com/prdlint/prdlint/lint"

// StructureMonitoring reports a PRD that never addresses monitoring or
// observability.
func StructureMonitoring() *lint.Rule {
	return structureSpec{
		id:       "structure-monitoring",
		summary:  "Monitoring and observability are never addressed",
		label:    "Monitoring",
		order:    6,
		severity: lint.SeverityInfo,
		topic:    topicMonitoring,
		doc: `The product owns what "working" means in production: which signals show
the feature is healthy, who is alerted when it is not, and what the
business watches after launch. Recognised headings include Monitoring,
Observability, Alerting, Telemetry and Operational readiness; any mention
of monitoring, alerts, dashboards, logging, tracing or on-call counts. The
default severity is info, as for the other non-functional topics.`,
		bad:     []string{"A PRD for a nightly payout job that never says how a failed run is noticed."},
		good:    []string{"Finance is alerted within 15 minutes when a payout run fails or pays less than 99% of what is due."},
		message: "Monitoring and observability are never addressed.",
		hint:    "How will the team know it is working in production: which signals, alerts and dashboards, and who is alerted when it fails?",
	}.rule()
}
