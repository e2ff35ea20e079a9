// Command prdlint lints product requirement documents written in Markdown
// for sentences that prescribe implementation instead of stating goals,
// SLOs or problems.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/prdlint/prdlint/lint/config"
)

func main() {
	limitMemory()
	os.Exit(runWith(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// exitError carries an exit code out of a command.
type exitError struct{ code int }

func (e *exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// runWith executes the command line and returns the process exit code: 0 clean,
// 1 findings at or above the fail level, 2 usage, configuration or I/O errors.
func runWith(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cmd := newRootCmd()
	cmd.SetArgs(args)
	cmd.SetIn(stdin)
	cmd.SetOut(stdout)
	cmd.SetErr(stderr)
	addCompletionCmd(cmd)
	err := cmd.Execute()
	var ee *exitError
	var ce *config.Error
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.code
	case errors.As(err, &ce):
		fmt.Fprintln(stderr, configErrorLine(ce))
		return 2
	}
	fmt.Fprintln(stderr, "prdlint: "+err.Error())
	return 2
}

// configErrorLine is the stderr line of a configuration error: at a
// position, "file:line:col: reason", the form editors jump to; about the
// file as a whole, "prdlint: file: reason", like any file prdlint cannot
// read.
func configErrorLine(ce *config.Error) string {
	if ce.Line == 0 {
		return "prdlint: " + ce.Error()
	}
	return ce.Error()
}
