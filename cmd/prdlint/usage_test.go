package main

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestUsageErrors: each mistake on the command line is one stderr line
// that says what was expected, with exit 2; nothing is linted and nothing
// passes by accident.
func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	prd := filepath.Join(dir, "prd.md")
	require.NoError(t, os.WriteFile(prd, []byte("Users can export reports.\n"), 0o644))

	cases := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"lint without a path", []string{"lint"}, "prdlint: lint: no path given: name files or directories ('.' for the current one), or '-' for standard input\n"},
		{"report without a path", []string{"report"}, "prdlint: report: no path given: name files or directories ('.' for the current one), or '-' for standard input\n"},
		{"lint with an empty path", []string{"lint", prd, ""}, "prdlint: lint: an empty path names no file (an unset variable?); name files or directories ('.' for the current one), or '-' for standard input\n"},
		{"report with an empty path", []string{"report", ""}, "prdlint: report: an empty path names no file (an unset variable?); name files or directories ('.' for the current one), or '-' for standard input\n"},
		{"config print with an empty path", []string{"config", "print", ""}, "prdlint: config print: an empty path names no file (an unset variable?); name files or directories ('.' for the current one), or '-' for standard input\n"},
		{"explain without a rule", []string{"explain"}, "prdlint: explain: name one rule (prdlint rules lists them); got 0 arguments\n"},
		{"a misspelt flag", []string{"lint", "--formt", "json", prd}, "prdlint: unknown flag --formt for \"prdlint lint\" (did you mean --format?)\n"},
		{"a flag nothing resembles", []string{"lint", "--zzzzzzzz", prd}, "prdlint: unknown flag --zzzzzzzz for \"prdlint lint\" (see prdlint lint --help)\n"},
		{"a confidence that is not a number", []string{"lint", "--min-confidence", "abc", prd}, "prdlint: --min-confidence: \"abc\" is not a number\n"},
		{"a size with a unit", []string{"lint", "--max-file-size", "1M", prd}, "prdlint: --max-file-size: \"1M\" is not a whole number\n"},
		{"a misspelt subcommand", []string{"config", "prnt"}, "prdlint: unknown command \"prnt\" for \"prdlint config\" (did you mean \"print\"?)\n"},
		{"an argument to a command that takes none", []string{"rules", "extra"}, "prdlint: prdlint rules takes no arguments, got \"extra\"\n"},
		{"an unknown shell", []string{"completion", "tcsh"}, "prdlint: completion: unknown shell \"tcsh\" (one of bash, fish, powershell, zsh)\n"},
		{"--stdin-filename without -", []string{"lint", "--stdin-filename", "docs/prd.md", prd}, "prdlint: --stdin-filename names standard input, which is linted only when '-' is among the paths\n"},
		{"--stats where no format shows it", []string{"lint", "--stats", "--format", "sarif", prd}, "prdlint: --stats: no summaries in sarif output; add --format text or --format json (to a file with =FILE if need be)\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, stderr, code := prdlint(t, "", c.args...)
			assert.Equal(t, 2, code)
			assert.Equal(t, c.stderr, stderr)
			assert.Empty(t, out)
		})
	}
}

// TestBareCommandFails: "prdlint" alone lints nothing, so it prints the
// usage to stderr and fails, where a hook that lost its arguments would
// otherwise pass.
func TestBareCommandFails(t *testing.T) {
	for _, c := range []struct {
		args []string
		why  string
	}{
		{nil, "prdlint: no command given\n"},
		{[]string{"config"}, "prdlint: config: no command given\n"},
		{[]string{"completion"}, "prdlint: completion: no shell given (one of bash, fish, powershell, zsh)\n"},
	} {
		out, stderr, code := prdlint(t, "", c.args...)
		assert.Equal(t, 2, code, c.args)
		assert.Empty(t, out)
		assert.Contains(t, stderr, "Available Commands:")
		assert.True(t, strings.HasSuffix(stderr, c.why), "ends with why: %q", stderr)
	}
}

func TestVersionFlag(t *testing.T) {
	for _, flag := range []string{"--version", "-v"} {
		out, _, code := prdlint(t, "", flag)
		assert.Equal(t, 0, code)
		assert.Regexp(t, `^prdlint \S+\n$`, out, flag)
	}
}

// TestFormatNameAnyCase: format names match in any case, as severities do.
func TestFormatNameAnyCase(t *testing.T) {
	prd := filepath.Join(t.TempDir(), "prd.md")
	require.NoError(t, os.WriteFile(prd, []byte("Users can export reports.\n"), 0o644))
	out, stderr, code := prdlint(t, "", "lint", "-f", "JSON", "--fail-level", "WARNING", prd)
	assert.Equal(t, 0, code, stderr)
	assert.JSONEq(t, `{"diagnostics": []}`, out)
}

func TestBuildVersion(t *testing.T) {
	tests := []struct {
		name string
		bi   debug.BuildInfo
		want string
	}{
		{"a module version", debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}, "v1.2.3"},
		{"a checkout with its commit", debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "false"}}}, "devel+0123456789ab"},
		{"a checkout with local changes", debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "true"}}}, "devel+0123456789ab-dirty"},
		{"no version control information", debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "devel"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, buildVersion(&tt.bi))
		})
	}
}

// TestNamesInAnyCase: rule IDs and vocabulary kinds given as arguments
// match in any case, as format names and severities do.
func TestNamesInAnyCase(t *testing.T) {
	out, stderr, code := prdlint(t, "", "explain", "HOW-INFRA")
	assert.Equal(t, 0, code, stderr)
	assert.True(t, strings.HasPrefix(out, "how-infra "), out)
	out, stderr, code = prdlint(t, "", "config", "vocabulary", "Infra")
	assert.Equal(t, 0, code, stderr)
	assert.True(t, strings.HasPrefix(out, "infra\t"), out)
}

// TestFlagValueCompletion: shells complete --format and --fail-level with
// their values, not with file names.
func TestFlagValueCompletion(t *testing.T) {
	out, _, code := prdlint(t, "", "__complete", "lint", "--format", "")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "sarif\n")
	assert.Contains(t, out, ":4\n", "no file names")
	out, _, _ = prdlint(t, "", "__complete", "lint", "--fail-level", "")
	assert.Contains(t, out, "warning\n")
	assert.Contains(t, out, ":4\n")
}
