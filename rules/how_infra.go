package rules

import "github.com/prdlint/prdlint/lint"

// HowInfra reports sentences that prescribe infrastructure or deployment: clusters, containers, regions, pipelines.
func HowInfra() *lint.Rule {
	return howSpec{
		id:       "how-infra",
		kind:     "infra",
		does:     "prescribes infrastructure or deployment: clusters, containers, regions, pipelines",
		bad:      []string{"Deploy the cart service as three replicas on Kubernetes behind an nginx ingress."},
		good:     []string{"The cart stays available during deploys and when one zone fails."},
		named:    `Prescribes infrastructure or deployment ("%s").`,
		reason:   "Prescribes infrastructure or deployment (\"%s\").",
		question: "What must operations guarantee (regions, uptime, rollout safety, cost)? State that; let the team choose the platform.",
	}.rule()
}
