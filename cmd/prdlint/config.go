package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/prdlint/prdlint/lint"
	"github.com/prdlint/prdlint/lint/config"
	"github.com/prdlint/prdlint/lint/format"
	"github.com/prdlint/prdlint/rules"
)

// addConfigFlags adds --config and --no-config to a command.
func addConfigFlags(cmd *cobra.Command, file *string, noConfig *bool) {
	f := cmd.Flags()
	f.StringVar(file, "config", "", "use this configuration file instead of discovering "+config.FileName+" files")
	f.BoolVar(noConfig, "no-config", false, "ignore every "+config.FileName+" and "+config.IgnoreName+" file")
	cmd.MarkFlagsMutuallyExclusive("config", "no-config")
	_ = cmd.MarkFlagFilename("config", "yaml", "yml")
}

// newLoader returns a Loader for opts, which say where configuration comes
// from, that knows the rules rs and the built-in vocabulary.
func newLoader(opts config.Options, rs []*lint.Rule) (*config.Loader, error) {
	opts.KnownRules = make([]string, len(rs))
	for i, r := range rs {
		opts.KnownRules[i] = r.ID
	}
	opts.VocabularyKinds, opts.VocabularyHas = rules.VocabularyKinds(), rules.VocabularyHas
	return config.NewLoader(opts)
}

// loaderOptions say where the linted files' configuration comes from.
func (o *lintOptions) loaderOptions() config.Options {
	return config.Options{File: o.configFile, NoConfig: o.noConfig, AbsolutePaths: o.absoluteConfigPaths}
}

// configResolver returns the function that gives each linted file its
// configuration, with the command-line flags applied on top. A flag
// overrides configuration files only when it is given.
func configResolver(cmd *cobra.Command, o *lintOptions, failLevel lint.Severity, rs []*lint.Rule) (configFor func(string) (*lint.Config, error), checkFile func(string) (bool, error), checkSource func(string, []byte) (bool, error), err error) {
	opts := o.loaderOptions()
	loader, err := newLoader(opts, rs)
	if err != nil {
		return nil, nil, nil, err
	}
	// A configuration file named as a path (pre-commit names it when a
	// commit changes it) is checked, not linted as Markdown.
	checkFile = func(path string) (bool, error) {
		if !config.IsConfigName(filepath.Base(path)) {
			return false, nil
		}
		return true, loader.CheckDir(filepath.Dir(path))
	}
	// The same for a configuration file's text piped in by an editor.
	checkSource = func(path string, src []byte) (bool, error) {
		if !config.IsConfigName(filepath.Base(path)) {
			return false, nil
		}
		return true, loader.CheckSource(path, src)
	}
	flags := cmd.Flags()
	return func(path string) (*lint.Config, error) {
		l := loader
		if o.rereadConfig {
			// A Loader caches what it has read; a fresh one sees edits.
			fresh, err := newLoader(opts, rs)
			if err != nil {
				return nil, err
			}
			l = fresh
		}
		e, err := l.Resolve(path)
		if err != nil {
			return nil, err
		}
		applyFlags(e, flags, failLevel, o.minConfidence)
		return e.Config(), nil
	}, checkFile, checkSource, nil
}

func applyFlags(e *config.Effective, flags *pflag.FlagSet, failLevel lint.Severity, minConfidence float64) {
	if flags.Changed("fail-level") {
		e.FailLevel = config.Value[lint.Severity]{Value: failLevel, Source: config.Source{Note: "--fail-level"}}
	}
	if flags.Changed("min-confidence") {
		e.MinConfidence = config.Value[float64]{Value: minConfidence, Source: config.Source{Note: "--min-confidence"}}
	}
}

// errorLines turns file errors into stderr lines. A broken configuration
// file fails every file under it, but is reported once, as
// "file:line:col: reason".
func errorLines(errs []*lint.FileError) []string {
	seen := map[string]bool{}
	var out []string
	for _, e := range errs {
		line := "prdlint: " + e.Error()
		var ce *config.Error
		if errors.As(e.Err, &ce) {
			line = configErrorLine(ce)
		}
		// one line, whatever a file name holds ("bin\nary.md")
		line = format.Visible(line)
		if !seen[line] {
			seen[line] = true
			out = append(out, line)
		}
	}
	return out
}

func newConfigCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Inspect configuration",
	}
	var file string
	var noConfig bool
	print := &cobra.Command{
		Use:   "print [PATH]",
		Short: "Print the effective configuration for a file or directory and where each value comes from",
		Long: `Print the configuration prdlint uses for PATH (default: the current
directory), as YAML that loads as a configuration file, with the file,
line and column each value comes from. PATH must exist (exit 2 if not);
it is one file or directory, not a pattern as lint takes.`,
		Args: cobra.MatchAll(cobra.MaximumNArgs(1), noEmptyPath),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := "."
			if len(args) == 1 {
				path = args[0]
			}
			rs := rules.All()
			loader, err := newLoader(config.Options{File: file, NoConfig: noConfig}, rs)
			if err != nil {
				return err
			}
			isDir := false
			if path != lint.StdinPath {
				// Configuration for a path that does not exist would be
				// the defaults, printed as if they were that file's:
				// usually a typo, so say so as lint does.
				info, err := os.Stat(path)
				if errors.Is(err, fs.ErrNotExist) && lint.IsPathPattern(path) {
					// lint expands such a path; the configuration is
					// per file, so say why this one is not expanded.
					return fmt.Errorf("%s: %w (config print takes one file or directory, not a pattern)", path, lint.Reason(err))
				}
				if err != nil {
					return fmt.Errorf("%s: %w", path, lint.Reason(err))
				}
				isDir = info.IsDir()
			}
			target := path
			if isDir {
				// Configuration is per file: show what a file directly
				// in the directory gets.
				target = strings.TrimSuffix(path, string(os.PathSeparator)) + string(os.PathSeparator) + "prd.md"
			}
			e, err := loader.Resolve(target)
			if err != nil {
				return err
			}
			skipped := ""
			if path != lint.StdinPath {
				skipped = lint.WalkSkippedDir(fromWorkDir(target))
			}
			return printEffective(cmd.OutOrStdout(), path, isDir, skipped, e, rs)
		},
	}
	addConfigFlags(print, &file, &noConfig)
	cmd.AddCommand(print, newVocabularyCmd())
	requireSubcommand(cmd)
	return cmd
}

// newVocabularyCmd lists the built-in vocabulary, the terms
// vocabulary.remove can take out.
func newVocabularyCmd() *cobra.Command {
	kinds := rules.VocabularyKinds()
	return &cobra.Command{
		Use:   "vocabulary [KIND]",
		Short: "List the built-in implementation vocabulary by kind and tier (the terms vocabulary.remove can take out)",
		Long: `List the built-in implementation vocabulary, one term per line as
"KIND<TAB>TIER<TAB>TERM", for grep, cut and awk. The kinds are
` + strings.Join(kinds, ", ") + `; the tiers are named
technologies (brand), named mechanisms (mech) and generic implementation
words (generic). Plurals are matched too. vocabulary.remove takes a term out
by the name listed here.`,
		Example: `  prdlint config vocabulary | grep -w redis
  prdlint config vocabulary data-model | cut -f3`,
		Args:      cobra.MaximumNArgs(1),
		ValidArgs: kinds,
		RunE: func(cmd *cobra.Command, args []string) error {
			show := kinds
			if len(args) == 1 {
				k := slices.IndexFunc(kinds, func(kind string) bool { return strings.EqualFold(kind, args[0]) })
				if k < 0 {
					return fmt.Errorf("unknown kind %q%s; kinds: %s", args[0], lint.DidYouMean(args[0], kinds), strings.Join(kinds, ", "))
				}
				show = kinds[k : k+1]
			}
			v := rules.Vocabulary()
			var b strings.Builder
			for _, kind := range show {
				for _, tier := range []string{"brand", "mech", "generic"} {
					for _, term := range v[kind][tier] {
						fmt.Fprintf(&b, "%s\t%s\t%s\n", kind, tier, term)
					}
				}
			}
			_, err := io.WriteString(cmd.OutOrStdout(), b.String())
			return err
		},
	}
}

// fromWorkDir is path relative to the working directory when it lies
// inside it: folders above the working directory (a checkout under a
// dot-folder) are never met by a walk started there.
func fromWorkDir(path string) string {
	wd, err := os.Getwd()
	if err != nil {
		return path
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	rel, err := filepath.Rel(wd, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.Clean(path)
	}
	return rel
}

// printEffective writes e as YAML with each value's source as a comment.
// skipped, when set, is the folder on the path that directory walks skip.
func printEffective(w io.Writer, path string, isDir bool, skipped string, e *config.Effective, rs []*lint.Rule) error {
	var b strings.Builder
	what := "file"
	if isDir {
		what = "files in directory"
	}
	fmt.Fprintf(&b, "# Effective configuration for %s %s\n", what, path)
	if len(e.Files) == 0 {
		b.WriteString("# Configuration files: none\n")
	} else {
		fmt.Fprintf(&b, "# Configuration files, outermost first: %s\n", strings.Join(e.Files, ", "))
	}
	switch {
	case !isDir && e.Ignored.Value:
		fmt.Fprintf(&b, "# Ignored in directory walks: yes (%s)\n", e.Ignored.Source)
	case skipped != "":
		// Not configuration: the walk itself never enters such a folder,
		// so --no-config does not change it.
		fmt.Fprintf(&b, "# Ignored in directory walks: yes (%s: walks skip vendor, node_modules and dot-folders below where they start)\n", skipped)
	case !isDir:
		b.WriteString("# Ignored in directory walks: no\n")
	}
	fmt.Fprintf(&b, "fail-level: %s  # %s\n", e.FailLevel.Value, e.FailLevel.Source)
	fmt.Fprintf(&b, "min-confidence: %s  # %s\n", strconv.FormatFloat(e.MinConfidence.Value, 'g', -1, 64), e.MinConfidence.Source)
	b.WriteString("rules:\n")
	for _, r := range rs {
		sev, src := r.Severity, config.Source{}
		if v, ok := e.Rules[r.ID]; ok {
			sev, src = v.Value, v.Source
		}
		fmt.Fprintf(&b, "  %s: %s  # %s\n", r.ID, sev, src)
	}
	b.WriteString("vocabulary:\n")
	writeTerms(&b, "add", e.VocabularyAdd)
	// A remove that only takes back a term a parent added is already
	// applied (the term is not under add); printed, it would be a remove
	// that changes nothing, an error when the output is loaded.
	var removes []config.Value[string]
	for _, t := range e.VocabularyRemove {
		if rules.VocabularyHas(config.TermName(t.Value)) {
			removes = append(removes, t)
		} else {
			fmt.Fprintf(&b, "  # %s takes back %s, added by a file above; nothing left to remove\n", t.Source, quote(t.Value))
		}
	}
	writeTerms(&b, "remove", removes)
	writeSections(&b, "design-sections", "design", e.DesignSections, e.DesignMode)
	writeSections(&b, "what-sections", "what", e.WhatSections, e.WhatMode)
	b.WriteString("directives:\n")
	fmt.Fprintf(&b, "  require-reason: %v  # %s\n", e.RequireReason.Value, e.RequireReason.Source)
	fmt.Fprintf(&b, "gitignore: %v  # %s\n", e.Gitignore.Value, e.Gitignore.Source)
	_, err := io.WriteString(w, b.String())
	return err
}

// writeSections prints a heading-list key with the source of each value.
func writeSections(b *strings.Builder, key, kind string, headings config.Value[[]string], mode config.Value[string]) {
	fmt.Fprintf(b, "%s:\n", key)
	if headings.Value == nil {
		fmt.Fprintf(b, "  # headings: not set; the built-in %s headings apply\n", kind)
	} else {
		fmt.Fprintf(b, "  headings: %s  # %s\n", quoteList(headings.Value), headings.Source)
	}
	m := mode.Value
	if m == "" {
		m = config.DesignModeSkip
	}
	fmt.Fprintf(b, "  mode: %s  # %s\n", m, mode.Source)
}

func writeTerms(b *strings.Builder, key string, terms []config.Value[string]) {
	if len(terms) == 0 {
		fmt.Fprintf(b, "  %s: []\n", key)
		return
	}
	fmt.Fprintf(b, "  %s:\n", key)
	for _, t := range terms {
		fmt.Fprintf(b, "    - %s  # %s\n", quote(t.Value), t.Source)
	}
}

// quote writes s as a YAML double-quoted scalar (a JSON string is one).
func quote(s string) string {
	q, _ := json.Marshal(s)
	return string(q)
}

func quoteList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = quote(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}
