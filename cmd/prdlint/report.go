package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/prdlint/prdlint/lint"
	"github.com/prdlint/prdlint/lint/htmlreport"
	"github.com/prdlint/prdlint/rules"
)

// defaultReportPath is where report writes when --output is not given.
const defaultReportPath = "prdlint-report.html"

type reportOptions struct {
	lint   lintOptions
	output string
	force  bool
}

func newReportCmd() *cobra.Command {
	var o reportOptions
	cmd := &cobra.Command{
		Use:   "report [flags] PATH...",
		Short: "Write a self-contained HTML page showing each PRD with its findings highlighted",
		Long: `report lints the PRDs exactly as lint does (same rules, configuration and
suppressions) and writes one HTML page that loads nothing from the network:
each document rendered with every finding highlighted in place, a summary of
how-sentences per section, the structure checklist and counts by rule.
It prints the path written. Exit codes: 0 written, 2 usage or I/O errors
(the page is still written for the files that could be read).`,
		Example: `  prdlint report docs/prd.md
  prdlint report --output review.html docs/
  prdlint report --output - prd.md > review.html`,
		Args: needPaths,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runReport(cmd, args, &o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.output, "output", "o", defaultReportPath, "HTML file to write ('-' for standard output)")
	f.BoolVar(&o.force, "force", false, "overwrite the output file if it exists (a page report wrote earlier is replaced without it)")
	addLinterFlags(f, &o.lint)
	addConfigFlags(cmd, &o.lint.configFile, &o.lint.noConfig)
	return cmd
}

func runReport(cmd *cobra.Command, args []string, o *reportOptions) error {
	if o.output == "" {
		return errors.New("--output: empty path")
	}
	l, err := newLinter(cmd, &o.lint)
	if err != nil {
		return err
	}
	rep := l.Lint(args)
	for _, line := range errorLines(rep.Errors) {
		fmt.Fprintln(cmd.ErrOrStderr(), line)
	}
	rendered := 0
	for _, f := range rep.Files {
		if f.Doc != nil {
			rendered++
		}
	}
	if rendered == 0 {
		if len(rep.Errors) == 0 {
			// Said here, or the exit status would be the only word.
			return fmt.Errorf("%s: no Markdown file to report on", strings.Join(args, ", "))
		}
		return &exitError{code: 2}
	}
	var page bytes.Buffer
	if err := htmlreport.Write(&page, rep, htmlreport.Options{Rules: l.Rules, ChecklistApplies: rules.StructureApplies}); err != nil {
		return err
	}
	if o.output == lint.StdinPath {
		if _, err := cmd.OutOrStdout().Write(page.Bytes()); err != nil {
			return err
		}
	} else {
		if err := refuseLintedFile(o.output, "--output", rep); err != nil {
			return err
		}
		if err := lint.WriteReport(o.output, page.Bytes(), o.force || ownReport(o.output)); err != nil {
			return fmt.Errorf("%s: %w", o.output, err)
		}
		fmt.Fprintln(cmd.OutOrStdout(), o.output)
	}
	if code := rep.ExitCode(); code == 2 {
		return &exitError{code: code}
	}
	return nil
}

// refuseLintedFile keeps an output (named by flag) from overwriting one of
// the documents being linted: prdlint never writes to the files it lints.
func refuseLintedFile(output, flag string, rep *lint.Report) error {
	out, err := os.Stat(output)
	if err != nil {
		return nil // nothing there yet: WriteFileAtomic reports real errors
	}
	for _, f := range rep.Files {
		if in, err := os.Stat(f.Path); err == nil && os.SameFile(in, out) {
			return fmt.Errorf("%s: is one of the files being linted; choose another %s", output, flag)
		}
	}
	return nil
}

// ownReport reports whether path is a page report wrote earlier, which a
// second run replaces without --force; any other file is kept unless
// --force says otherwise.
func ownReport(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		return false
	}
	head := make([]byte, 1024)
	n, _ := io.ReadFull(f, head)
	return htmlreport.IsReport(head[:n])
}
