// Package rules holds prdlint's rules, one per file. Each rule is a
// lint.Rule value with a stable ID, a category, a default severity, a doc
// and examples; All lists them.
package rules

import "github.com/prdlint/prdlint/lint"

// All returns every rule, sorted by ID. Each call returns fresh values, so
// callers may change them.
func All() []*lint.Rule {
	rs := []*lint.Rule{
		BadDirective(),
		HowAPIShape(),
		HowArchitecture(),
		HowCode(),
		HowDataModel(),
		HowInfra(),
		HowTechChoice(),
		StructureExternalAPI(),
		StructureGoals(),
		StructureMonitoring(),
		StructureProblem(),
		StructureReliability(),
		StructureSecurity(),
		StructureSuccessMetrics(),
		StructureTestability(),
		WhatGoalsUnmeasured(),
		WhatUnmeasuredQuality(),
	}
	lint.SortRules(rs)
	return rs
}
