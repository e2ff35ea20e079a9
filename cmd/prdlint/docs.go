package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/prdlint/prdlint/lint"
	"github.com/prdlint/prdlint/lint/config"
	"github.com/prdlint/prdlint/rules"
)

func newInitCmd() *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Write a commented starter " + config.FileName + " (in DIR, default the current directory)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			path := filepath.Join(dir, config.FileName)
			if alt := filepath.Join(dir, config.AltFileName); exists(alt) && !exists(path) {
				// One configuration file a directory: --force overwrites
				// the .yml one rather than adding a .yaml beside it.
				path = alt
			}
			err := lint.WriteFileAtomic(path, config.Starter(rules.All()), force)
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "wrote %s\n", path)
			return err
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "overwrite an existing configuration file")
	return cmd
}

func newRulesCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "rules",
		Short: "List every rule: ID, category, default severity and what it reports",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tCATEGORY\tDEFAULT\tSUMMARY")
			for _, r := range rules.All() {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Category, r.Severity, r.Summary)
			}
			return tw.Flush()
		},
	}
}

func newExplainCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "explain RULE",
		Short: "Explain a rule: what it reports, examples and its configuration keys",
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return fmt.Errorf("explain: name one rule (prdlint rules lists them); got %d arguments", len(args))
			}
			return nil
		},
		ValidArgsFunction: func(_ *cobra.Command, args []string, prefix string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var out []string
			for _, r := range rules.All() {
				if strings.HasPrefix(r.ID, prefix) {
					out = append(out, r.ID+"\t"+r.Summary)
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			rs := rules.All()
			var ids []string
			for _, r := range rs {
				if strings.EqualFold(r.ID, args[0]) { // as rule IDs are typed, in any case
					_, err := fmt.Fprint(cmd.OutOrStdout(), explain(r))
					return err
				}
				ids = append(ids, r.ID)
			}
			return fmt.Errorf("unknown rule %q%s; prdlint rules lists them", args[0], lint.DidYouMean(args[0], ids))
		},
	}
}

// explain is a rule's documentation as the explain command prints it.
func explain(r *lint.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (category %s, default severity %s)\n\n%s\n\n%s\n", r.ID, r.Category, r.Severity, r.Summary, strings.TrimSpace(r.Doc))
	examples := func(title string, ss []string) {
		if len(ss) == 0 {
			return
		}
		b.WriteString("\n" + title + ":\n")
		for i, s := range ss {
			// Every line of a multi-line example is indented, and a blank
			// line keeps it apart from the next one.
			if i > 0 && (strings.Contains(s, "\n") || strings.Contains(ss[i-1], "\n")) {
				b.WriteString("\n")
			}
			for _, line := range strings.Split(s, "\n") {
				b.WriteString(strings.TrimRight("  "+line, " ") + "\n")
			}
		}
	}
	examples("Reported", r.Bad)
	examples("Not reported", r.Good)
	fmt.Fprintf(&b, "\nConfiguration (%s):\n", config.FileName)
	fmt.Fprintf(&b, "  rules:\n    %s: off | info | warning | error\n", r.ID)
	for _, o := range r.Options {
		fmt.Fprintf(&b, "  %s\n", o)
	}
	fmt.Fprintf(&b, "\nSilence one finding:\n  <!-- prdlint-disable-next-line %s -- reason -->\n", r.ID)
	return b.String()
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
