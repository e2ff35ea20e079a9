package main

import (
	"fmt"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/prdlint/prdlint/lint"
	"github.com/prdlint/prdlint/rules"
)

// addLinterFlags registers the flags that decide what is linted and how,
// shared by every command that lints (lint, report), so each one sees the
// same findings for the same flags.
func addLinterFlags(f *pflag.FlagSet, o *lintOptions) {
	f.Float64Var(&o.minConfidence, "min-confidence", 0, "drop findings whose confidence is below this (0 to 1)")
	f.Int64Var(&o.maxFileSize, "max-file-size", lint.DefaultMaxFileSize, "skip and report files larger than this many bytes")
	f.StringVar(&o.stdinName, "stdin-filename", "", "path to report (and configure) for standard input")
	f.IntVarP(&o.jobs, "jobs", "j", 0, "files linted at once (0: one per CPU)")
}

// newLinter builds the Linter from the options. Every command that lints
// (lint, report, lsp) builds it here, so configuration discovery and
// suppression filters are the same in the terminal, in CI, in the report
// and in the editor.
func newLinter(cmd *cobra.Command, o *lintOptions) (*lint.Linter, error) {
	level := o.failLevel
	if level == "" {
		level = lint.DefaultConfig().FailLevel.String()
	}
	failLevel, err := lint.ParseSeverity(level)
	if err != nil {
		return nil, fmt.Errorf("--fail-level: %w", err)
	}
	if !(o.minConfidence >= 0 && o.minConfidence <= 1) { // NaN too
		return nil, fmt.Errorf("--min-confidence: %v is not between 0 and 1", o.minConfidence)
	}
	if o.maxFileSize <= 0 {
		return nil, fmt.Errorf("--max-file-size: %d is not a positive number of bytes", o.maxFileSize)
	}
	if o.jobs < 0 {
		return nil, fmt.Errorf("--jobs: %d is negative (0 means one per CPU)", o.jobs)
	}
	ruleSet := rules.All()
	configFor, checkFile, checkSource, err := configResolver(cmd, o, failLevel, ruleSet)
	if err != nil {
		return nil, err
	}
	return &lint.Linter{
		Rules:        ruleSet,
		MaxFileSize:  o.maxFileSize,
		Jobs:         o.jobs,
		Stdin:        cmd.InOrStdin(),
		StdinName:    o.stdinName,
		ConfigFor:    configFor,
		Filters:      []lint.Filter{lint.Suppress, lint.DesignSectionFilter, lint.WhatSectionFilter},
		ForceExclude: o.forceExclude,
		CheckFile:    checkFile,
		CheckSource:  checkSource,
	}, nil
}
