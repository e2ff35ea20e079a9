package main

import (
	"github.com/spf13/cobra"

	"github.com/prdlint/prdlint/lint"
)

// configResolver returns the function that gives each linted file its
// configuration, with the command-line flags applied on top.
func configResolver(cmd *cobra.Command, o *lintOptions, failLevel lint.Severity) func(string) (*lint.Config, error) {
	return func(string) (*lint.Config, error) {
		c := lint.DefaultConfig()
		c.FailLevel = failLevel
		c.Settings.MinConfidence = o.minConfidence
		return c, nil
	}
}
