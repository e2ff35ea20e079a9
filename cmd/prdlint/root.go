package main

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/prdlint/prdlint/lint"
)

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "prdlint",
		Short: "Lint product requirement documents for implementation prescriptions",
		Long: `prdlint reads product requirement documents (Markdown) and reports each
sentence that prescribes how to build something (a database, a framework, a
table layout, an endpoint) where a PRD should say what is needed and why.`,
		Version:       versionString(),
		SilenceUsage:  true,
		SilenceErrors: true,
		// Bare "prdlint" lints nothing: a hook or script that lost its
		// arguments gets the usage and a failing status, not a pass.
		RunE: func(cmd *cobra.Command, _ []string) error {
			return usageFailure(cmd, "no command given")
		},
	}
	root.SetVersionTemplate("prdlint {{.Version}}\n")
	root.SetFlagErrorFunc(flagError)
	root.AddCommand(newLintCmd(), newReportCmd(), newLSPCmd(), newInitCmd(), newConfigCmd(), newRulesCmd(), newExplainCmd(), newVersionCmd())
	return root
}

// addCompletionCmd adds cobra's completion command now rather than when
// the command runs, to make an unknown shell an error. Called once the
// output streams are set: the scripts are written where the command's
// output goes at the time it is added.
func addCompletionCmd(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			refuseUnknownShell(c)
		}
	}
}

// refuseUnknownShell makes "completion tcsh" an error: cobra's completion
// command only has subcommands, so an unknown shell printed the help and
// exited 0, as if a script had been written.
func refuseUnknownShell(c *cobra.Command) {
	var shells []string
	for _, s := range c.Commands() {
		shells = append(shells, s.Name())
	}
	sort.Strings(shells)
	c.Args = cobra.ArbitraryArgs
	c.RunE = func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			return usageFailure(cmd, "no shell given (one of "+strings.Join(shells, ", ")+")")
		}
		return fmt.Errorf("completion: unknown shell %q (one of %s)", args[0], strings.Join(shells, ", "))
	}
}

// requireSubcommand makes a command that only groups others fail when
// none is named or the one named does not exist ("prdlint config prnt"),
// where cobra printed the help and exited 0, so a scripted typo passed.
func requireSubcommand(c *cobra.Command) {
	c.Args = cobra.ArbitraryArgs
	c.RunE = func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			return usageFailure(cmd, "no command given")
		}
		var names []string
		for _, sub := range cmd.Commands() {
			names = append(names, sub.Name())
		}
		return fmt.Errorf("unknown command %q for %q%s", args[0], cmd.CommandPath(), lint.DidYouMean(args[0], names))
	}
}

// usageFailure prints cmd's usage to stderr, then why it cannot run on
// one line, and fails with exit 2: a command that was given nothing to do.
func usageFailure(cmd *cobra.Command, why string) error {
	cmd.SetOut(cmd.ErrOrStderr())
	_ = cmd.Help()
	if !cmd.HasParent() {
		return errors.New(why)
	}
	return fmt.Errorf("%s: %s", subcommandPath(cmd), why)
}

// subcommandPath names cmd as typed after "prdlint" ("config print").
func subcommandPath(cmd *cobra.Command) string {
	return strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")
}

// flagError rewords pflag's errors for people: an unknown flag names the
// flag it was probably meant to be, and a value that does not parse says
// what was expected instead of quoting Go's parser.
func flagError(cmd *cobra.Command, err error) error {
	var unknown *pflag.NotExistError
	if errors.As(err, &unknown) && unknown.GetSpecifiedShortnames() == "" {
		var names []string
		cmd.Flags().VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
		if s := lint.Suggest(unknown.GetSpecifiedName(), names); s != "" {
			return fmt.Errorf("unknown flag --%s for %q (did you mean --%s?)", unknown.GetSpecifiedName(), cmd.CommandPath(), s)
		}
		return fmt.Errorf("unknown flag --%s for %q (see %s --help)", unknown.GetSpecifiedName(), cmd.CommandPath(), cmd.CommandPath())
	}
	var invalid *pflag.InvalidValueError
	if errors.As(err, &invalid) {
		expected := "valid"
		switch invalid.GetFlag().Value.Type() {
		case "float64":
			expected = "a number"
		case "int", "int64":
			expected = "a whole number"
		case "bool":
			expected = "true or false"
		}
		return fmt.Errorf("--%s: %q is not %s", invalid.GetFlag().Name, invalid.GetValue(), expected)
	}
	return err
}

// needPaths is the Args check of a command that lints paths: cobra's own
// "requires at least 1 arg(s)" does not say what the argument is.
func needPaths(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%s: no path given: name files or directories ('.' for the current one), or '-' for standard input", cmd.Name())
	}
	if err := noEmptyPath(cmd, args); err != nil {
		return err
	}
	// --stdin-filename without "-" would name nothing; said, not ignored.
	if f := cmd.Flags().Lookup("stdin-filename"); f != nil && f.Changed {
		if !slices.Contains(args, lint.StdinPath) {
			return fmt.Errorf("--stdin-filename names standard input, which is linted only when '-' is among the paths")
		}
	}
	return nil
}

// noEmptyPath refuses an empty path argument, which names no file: it is
// usually a shell variable left unset ("prdlint lint \"$CHANGED\""), and
// reported as a file it would read "prdlint: : no such file or directory"
// and give JSON an error with no path.
func noEmptyPath(cmd *cobra.Command, args []string) error {
	if slices.Contains(args, "") {
		return fmt.Errorf("%s: an empty path names no file (an unset variable?); name files or directories ('.' for the current one), or '-' for standard input", subcommandPath(cmd))
	}
	return nil
}

// noArgs is the Args check of a command that takes no arguments: cobra's
// own calls an argument an unknown command.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("%s takes no arguments, got %q", cmd.CommandPath(), args[0])
	}
	return nil
}
