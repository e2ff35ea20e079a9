package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/prdlint/prdlint/lint"
	"github.com/prdlint/prdlint/lint/lsp"
)

func newLSPCmd() *cobra.Command {
	// An editor starts the server in a directory of its own choosing
	// (often / or the home directory), so a configuration file named
	// relative to it would read as "../../src/proj/.prdlint.yaml". Its
	// absolute path is one the user can open whatever that directory is,
	// and it is the same on every document it breaks and in the log; a
	// path relative to each document's directory would differ from one
	// document to the next and still need working out.
	o := lintOptions{failLevel: "warning", maxFileSize: lint.DefaultMaxFileSize, rereadConfig: true, absoluteConfigPaths: true}
	var debounce time.Duration
	var stdio bool
	cmd := &cobra.Command{
		Use:   "lsp",
		Short: "Run the language server on standard input and output, for editors",
		Long: `lsp speaks the Language Server Protocol on standard input and output: the
editor sends the Markdown documents it has open and gets prdlint's findings
as diagnostics, with the rule's explanation on hover and a quick fix that
suppresses a finding. Configuration is found for each document's path as
for 'prdlint lint', and read afresh each time a document is linted. A
configuration file the editor sends (.prdlint.yaml, .prdlint.yml,
.prdlintignore) is checked from its text instead of linted, its error shown
where it is. Logs go to standard error.`,
		Example: `  nvim: vim.lsp.start({ name = "prdlint", cmd = { "prdlint", "lsp" } })`,
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if debounce <= 0 {
				return fmt.Errorf("--debounce: %v is not a positive duration", debounce)
			}
			l, err := newLinter(cmd, &o)
			if err != nil {
				return err
			}
			srv := lsp.New(lsp.Options{
				Linter:   l,
				Log:      cmd.ErrOrStderr(),
				Debounce: debounce,
				Version:  versionString(),
			})
			err = srv.Serve(cmd.Context(), cmd.InOrStdin(), cmd.OutOrStdout())
			if errors.Is(err, lsp.ErrNoShutdown) {
				// The protocol's exit code for an exit without shutdown.
				return &exitError{code: 1}
			}
			return err
		},
	}
	f := cmd.Flags()
	f.Float64Var(&o.minConfidence, "min-confidence", 0, "drop findings whose confidence is below this (0 to 1)")
	f.DurationVar(&debounce, "debounce", lsp.DefaultDebounce, "wait this long (more than 0) after the last edit before linting again")
	// Clients built on vscode-languageclient pass --stdio; it is the only
	// transport, so the flag is accepted and changes nothing.
	f.BoolVar(&stdio, "stdio", false, "accepted for clients that pass it; standard input and output is the only transport")
	return cmd
}
