package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/prdlint/prdlint/lint"
	"github.com/prdlint/prdlint/lint/format"
	"github.com/prdlint/prdlint/rules"
)

type lintOptions struct {
	format        string
	failLevel     string
	minConfidence float64
	quiet         bool
	noColor       bool
	maxFileSize   int64
	stdinName     string
	jobs          int
}

func newLintCmd() *cobra.Command {
	var o lintOptions
	cmd := &cobra.Command{
		Use:   "lint [flags] PATH...",
		Short: "Lint PRD Markdown files and directories ('-' reads standard input)",
		Example: `  prdlint lint docs/
  prdlint lint --format json prd.md
  cat prd.md | prdlint lint --stdin-filename docs/prd.md -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runLint(cmd, args, &o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", "text", "output format: "+formatNames())
	f.StringVar(&o.failLevel, "fail-level", "warning", "least severity that makes the exit code 1: info, warning, error or off")
	f.Float64Var(&o.minConfidence, "min-confidence", 0, "drop findings whose confidence is below this (0 to 1)")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "print nothing when there are no findings")
	f.BoolVar(&o.noColor, "no-color", false, "never colour the text output (NO_COLOR is honoured too)")
	f.Int64Var(&o.maxFileSize, "max-file-size", lint.DefaultMaxFileSize, "skip and report files larger than this many bytes")
	f.StringVar(&o.stdinName, "stdin-filename", "", "path to report (and configure) for standard input")
	f.IntVarP(&o.jobs, "jobs", "j", 0, "files linted at once (0: one per CPU)")
	return cmd
}

func formatNames() string {
	s := ""
	for i, f := range format.All() {
		if i > 0 {
			s += ", "
		}
		s += f.Name()
	}
	return s
}

func runLint(cmd *cobra.Command, args []string, o *lintOptions) error {
	formatter, err := format.Lookup(o.format)
	if err != nil {
		return err
	}
	failLevel, err := lint.ParseSeverity(o.failLevel)
	if err != nil {
		return fmt.Errorf("--fail-level: %w", err)
	}
	if o.minConfidence < 0 || o.minConfidence > 1 {
		return fmt.Errorf("--min-confidence: %v is not between 0 and 1", o.minConfidence)
	}
	out := cmd.OutOrStdout()
	opts := format.Options{
		Color: !o.noColor && colorAllowed(out),
		Quiet: o.quiet,
		Rules: rules.All(),
	}
	l := &lint.Linter{
		Rules:       opts.Rules,
		MaxFileSize: o.maxFileSize,
		Jobs:        o.jobs,
		Stdin:       cmd.InOrStdin(),
		StdinName:   o.stdinName,
		ConfigFor:   configResolver(cmd, o, failLevel),
		// Documents are released as the run goes unless the format reads them.
		DropDocuments: !format.ReadsDocuments(formatter, opts),
	}
	if l.DropDocuments {
		tuneGC()
	}
	rep := l.Lint(args)
	for _, e := range rep.Errors {
		fmt.Fprintln(cmd.ErrOrStderr(), "prdlint: "+e.Error())
	}
	if err := formatter.Format(out, rep, opts); err != nil {
		return err
	}
	if code := rep.ExitCode(); code != 0 {
		return &exitError{code: code}
	}
	return nil
}

// colorAllowed is true when w is a terminal and NO_COLOR is unset.
func colorAllowed(w any) bool {
	if _, ok := os.LookupEnv("NO_COLOR"); ok {
		return false
	}
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
