package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/prdlint/prdlint/lint"
	"github.com/prdlint/prdlint/lint/format"
)

// output is one report to write: a formatter and where to (an empty path
// is standard output).
type output struct {
	formatter format.Formatter
	path      string
	flag      string // the flag that named path, for messages
}

// parseOutputs reads the repeated --format name[=file] values and --output.
// At most one format may go to standard output, and --output redirects
// that one; no two formats may write the same file. "-" as a file is
// standard output, as it is for report --output; so is a path that names
// the process's standard output (/dev/stdout), where two formats would
// overwrite each other.
func parseOutputs(specs []string, outputPath string) ([]output, error) {
	if outputPath == lint.StdinPath {
		outputPath = ""
	}
	var outs []output
	toStdout := 0
	seen := map[string]string{}
	for _, spec := range specs {
		name, path, hasPath := strings.Cut(spec, "=")
		// Names are matched in any case, as --fail-level WARNING is.
		f, err := format.Lookup(strings.ToLower(strings.TrimSpace(name)))
		if err != nil {
			return nil, err
		}
		if hasPath && path == "" {
			return nil, fmt.Errorf("--format %s: the file after '=' is empty", spec)
		}
		if path == lint.StdinPath {
			hasPath = false
		}
		flag := "--format " + f.Name() + "=FILE"
		if !hasPath || isStdout(path) {
			toStdout++
			if toStdout > 1 {
				return nil, errors.New("--format: only one format can write to standard output; give the others a file, e.g. --format sarif=prdlint.sarif")
			}
		}
		if !hasPath {
			flag = "--output"
			path = outputPath
		}
		if path != "" {
			info, err := os.Stat(path)
			if err == nil && info.IsDir() {
				return nil, fmt.Errorf("%s: is a directory, not a report file", path)
			}
			// Two reports in one file would leave only the last; a device
			// such as /dev/null takes both.
			if err != nil || info.Mode().IsRegular() {
				key := lint.ResolvedPath(path)
				if prev, ok := seen[key]; ok {
					return nil, fmt.Errorf("--format: %s and %s both write %s", prev, f.Name(), path)
				}
				seen[key] = f.Name()
			}
		}
		outs = append(outs, output{formatter: f, path: path, flag: flag})
	}
	if outputPath != "" && toStdout == 0 {
		return nil, errors.New("--output: every --format already names its file")
	}
	return outs, nil
}

// isStdout reports whether path names the file or pipe the process's
// standard output is (/dev/stdout, /dev/fd/1, or that file by name), where
// a second report would overwrite or interleave with the first. A device
// (a terminal, /dev/null) takes reports one after the other.
func isStdout(path string) bool {
	out, err := os.Stdout.Stat()
	if err != nil || out.Mode()&os.ModeDevice != 0 {
		return false
	}
	in, err := os.Stat(path)
	return err == nil && os.SameFile(in, out)
}

// writeOutputs writes every report: files first (each replaced atomically,
// or written through when it is a device or a pipe), then standard output.
// A report that cannot be written does not stop the others: each failure
// is one line on stderr, and the exit code is 2.
func writeOutputs(cmd *cobra.Command, outs []output, rep *lint.Report, opts format.Options) error {
	stdout := cmd.OutOrStdout()
	var failed []error
	for _, o := range outs {
		if o.path == "" {
			continue
		}
		if err := refuseLintedFile(o.path, o.flag, rep); err != nil {
			failed = append(failed, err)
			continue
		}
		var buf bytes.Buffer
		fileOpts := opts
		fileOpts.Color = false
		fileOpts.Quiet = false
		if err := o.formatter.Format(&buf, rep, fileOpts); err != nil {
			failed = append(failed, fmt.Errorf("%s: %w", o.path, err))
			continue
		}
		if err := lint.WriteReport(o.path, buf.Bytes(), true); err != nil {
			failed = append(failed, fmt.Errorf("%s: %w", o.path, err))
		}
	}
	for _, o := range outs {
		if o.path != "" {
			continue
		}
		stdOpts := opts
		stdOpts.Color = opts.Color && colorAllowed(stdout)
		if err := o.formatter.Format(stdout, rep, stdOpts); err != nil {
			failed = append(failed, err)
		}
	}
	if len(failed) == 0 {
		return nil
	}
	for _, err := range failed {
		fmt.Fprintln(cmd.ErrOrStderr(), format.Visible("prdlint: "+err.Error()))
	}
	return &exitError{code: 2}
}

// repositoryRoot is the nearest directory from the working directory
// upwards that holds .git (a directory, or a file in worktrees and
// submodules), else the working directory. Formats that name files the
// way code hosts do make paths relative to it.
func repositoryRoot() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return wd, nil
		}
		dir = parent
	}
}
