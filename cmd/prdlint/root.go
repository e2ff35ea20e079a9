package main

import (
	"github.com/spf13/cobra"
)

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "prdlint",
		Short: "Lint product requirement documents for implementation prescriptions",
		Long: `prdlint reads product requirement documents (Markdown) and reports each
sentence that prescribes how to build something (a database, a framework, a
table layout, an endpoint) where a PRD should say what is needed and why.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(newLintCmd(), newReportCmd(), newLSPCmd(), newInitCmd(), newConfigCmd(), newRulesCmd(), newExplainCmd(), newVersionCmd())
	return root
}
