package rules

import "github.com/prdlint/prdlint/lint"

// StructureSecurity reports a PRD that never addresses security or privacy.
func StructureSecurity() *lint.Rule {
	return structureSpec{
		id:       "structure-security",
		summary:  "Security and privacy are never addressed",
		label:    "Security",
		order:    5,
		severity: lint.SeverityInfo,
		topic:    topicSecurity,
		doc: `Who may see and do what, which personal data is collected and kept, and
which regulations apply are product decisions. Recognised headings include
Security, Privacy, Compliance, Permissions and Access control; any mention
of security, privacy, personal data, consent, authentication,
authorisation, permissions, encryption, fraud or abuse counts. The default
severity is info, since not every change touches data or access; when the
PRD exposes an API or data to partners, structure-external-api reports the
gap as a warning.`,
		bad:     []string{"A PRD for a loyalty programme that stores shoppers' purchase history and never mentions privacy."},
		good:    []string{"Shoppers can see and delete the purchase history the programme keeps; it is kept for 24 months at most."},
		message: "Security and privacy are never addressed.",
		hint:    "Who may see and do what; what personal data is collected, kept and for how long; which policies or regulations apply (e.g. GDPR, PCI)?",
	}.rule()
}
