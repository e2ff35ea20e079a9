package main

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/prdlint/prdlint/lint"
	"github.com/prdlint/prdlint/lint/config"
	"github.com/prdlint/prdlint/lint/format"
	"github.com/prdlint/prdlint/rules"
)

type lintOptions struct {
	formats       []string
	output        string
	newFromRev    string
	failLevel     string
	minConfidence float64
	quiet         bool
	noColor       bool
	maxFileSize   int64
	stdinName     string
	jobs          int
	stats         bool
	configFile    string
	noConfig      bool
	forceExclude  bool
	// rereadConfig reads configuration files afresh for every file linted,
	// for a long-running server whose user edits them meanwhile.
	rereadConfig bool
	// absoluteConfigPaths names configuration files by absolute path in
	// errors, for a server whose working directory the user never chose.
	absoluteConfigPaths bool
}

func newLintCmd() *cobra.Command {
	var o lintOptions
	cmd := &cobra.Command{
		Use:   "lint [flags] PATH...",
		Short: "Lint PRD Markdown files and directories ('-' reads standard input)",
		Example: `  prdlint lint docs/
  prdlint lint --format json prd.md
  prdlint lint --format text --format sarif=prdlint.sarif docs/
  prdlint lint --new-from-rev origin/main docs/
  cat prd.md | prdlint lint --stdin-filename docs/prd.md -`,
		Args: needPaths,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runLint(cmd, args, &o)
		},
	}
	f := cmd.Flags()
	f.StringArrayVarP(&o.formats, "format", "f", []string{"text"}, "output format, or format=FILE to write it to a file; repeatable: "+formatNames())
	f.StringVarP(&o.output, "output", "o", "", "write the report to this file (replaced atomically) instead of standard output ('-' is standard output)")
	f.StringVar(&o.newFromRev, "new-from-rev", "", "report only the findings introduced since this git revision (those the revision's copy of the file lacks)")
	// No default shown: without the flag, each file's configuration decides
	// (warning when none sets it).
	f.StringVar(&o.failLevel, "fail-level", "", "least severity that makes the exit code 1: info, warning, error or off (default: the configuration's fail-level, else warning)")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "text output: print nothing when there are no findings (unless --stats asks for its table)")
	f.BoolVar(&o.noColor, "no-color", false, "never colour the text output (NO_COLOR is honoured too)")
	addLinterFlags(f, &o)
	f.BoolVar(&o.stats, "stats", false, "also print, per file and top-level section, the sentences, how-findings and how-share")
	f.BoolVar(&o.forceExclude, "force-exclude", false, "apply ignore globs, .prdlintignore and gitignore to files named on the command line too (for pre-commit)")
	addConfigFlags(cmd, &o.configFile, &o.noConfig)
	// Shells complete these flags' values, not file names.
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(format.Names(), cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("fail-level", cobra.FixedCompletions(lint.SeverityNames(), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func formatNames() string { return strings.Join(format.Names(), ", ") }

// formatOptions are the report options of a run with rules rs in the
// repository at root.
func (o *lintOptions) formatOptions(rs []*lint.Rule, root string) format.Options {
	return format.Options{Color: !o.noColor, Quiet: o.quiet, Rules: rs, Root: root, ToolVersion: versionString()}
}

func runLint(cmd *cobra.Command, args []string, o *lintOptions) error {
	outs, err := parseOutputs(o.formats, o.output)
	if err != nil {
		return err
	}
	if o.stats && !slices.ContainsFunc(outs, func(out output) bool { return format.ShowsStats(out.formatter) }) {
		var names []string
		for _, out := range outs {
			names = append(names, out.formatter.Name())
		}
		return fmt.Errorf("--stats: no summaries in %s output; add --format text or --format json (to a file with =FILE if need be)", strings.Join(names, " or "))
	}
	l, err := newLinter(cmd, o)
	if err != nil {
		var ce *config.Error
		if !errors.As(err, &ce) {
			return err
		}
		// A broken --config file: nothing is linted, and the run's
		// reports say why (and replace an earlier run's), as they do
		// for a broken configuration file found beside a PRD.
		rep := &lint.Report{Errors: []*lint.FileError{{Path: ce.File, Err: ce}}}
		root, _ := repositoryRoot()
		return endRun(cmd, outs, rep, o.formatOptions(rules.All(), root))
	}
	var changed *changedLines
	if o.newFromRev != "" {
		if changed, err = newChangedLines(o.newFromRev); err != nil {
			return err
		}
		changed.lintOld = l.LintSource
	}
	root, err := repositoryRoot()
	if err != nil {
		return err
	}
	opts := o.formatOptions(l.Rules, root)
	opts.Stats = o.stats
	// Documents are released as the run goes unless a format reads them
	// (or standard input's is compared with a revision, which keeps it).
	l.DropDocuments = true
	for _, out := range outs {
		if format.ReadsDocuments(out.formatter, opts) {
			l.DropDocuments = false
		}
	}
	if l.DropDocuments {
		tuneGC()
	}
	rep := l.Lint(args)
	if changed != nil {
		changed.apply(rep, stdinPath(args, o.stdinName))
	}
	return endRun(cmd, outs, rep, opts)
}

// endRun ends a lint run: each file error on a line of stderr, the
// reports written, and the exit code the report calls for.
func endRun(cmd *cobra.Command, outs []output, rep *lint.Report, opts format.Options) error {
	for _, line := range errorLines(rep.Errors) {
		fmt.Fprintln(cmd.ErrOrStderr(), line)
	}
	if err := writeOutputs(cmd, outs, rep, opts); err != nil {
		return err
	}
	if code := rep.ExitCode(); code != 0 {
		return &exitError{code: code}
	}
	return nil
}

// stdinPath is the path standard input is reported as, or "" when it is
// not linted.
func stdinPath(args []string, name string) string {
	for _, a := range args {
		if a == lint.StdinPath {
			if name != "" {
				return name
			}
			return lint.StdinPath
		}
	}
	return ""
}

// colorAllowed is true when w is a terminal and NO_COLOR does not ask
// for no colour.
func colorAllowed(w any) bool {
	if noColorRequested() {
		return false
	}
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// noColorRequested follows no-color.org: NO_COLOR set to a non-empty
// value turns colour off; set but empty, it does not.
func noColorRequested() bool { return os.Getenv("NO_COLOR") != "" }
