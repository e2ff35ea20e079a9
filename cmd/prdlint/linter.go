package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/prdlint/prdlint/lint"
	"github.com/prdlint/prdlint/rules"
)

// newLinter builds the Linter from the options. Every command that lints
// (lint, lsp) builds it here, so configuration discovery and suppression
// filters are the same in the terminal, in CI and in the editor.
func newLinter(cmd *cobra.Command, o *lintOptions) (*lint.Linter, error) {
	failLevel, err := lint.ParseSeverity(o.failLevel)
	if err != nil {
		return nil, fmt.Errorf("--fail-level: %w", err)
	}
	if o.minConfidence < 0 || o.minConfidence > 1 {
		return nil, fmt.Errorf("--min-confidence: %v is not between 0 and 1", o.minConfidence)
	}
	return &lint.Linter{
		Rules:       rules.All(),
		MaxFileSize: o.maxFileSize,
		Jobs:        o.jobs,
		Stdin:       cmd.InOrStdin(),
		StdinName:   o.stdinName,
		ConfigFor:   configResolver(cmd, o, failLevel),
	}, nil
}
