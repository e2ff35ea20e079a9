package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/prdlint/prdlint/rules"
)

const (
	howSentence   = "We will add a new column to the carts table."
	cleanSentence = "Shoppers can pay as guests."
)

// newRepo makes a fresh repository (a directory holding .git) with files
// (path → content), changes into it and returns its path.
func newRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := makeRepo(t, files)
	t.Chdir(dir)
	return dir
}

// makeRepo is newRepo without entering it, for a process (the language
// server) whose working directory is elsewhere.
func makeRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(dir, ".git"), 0o755))
	for p, content := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		require.NoError(t, os.MkdirAll(filepath.Dir(full), 0o755))
		require.NoError(t, os.WriteFile(full, []byte(content), 0o644))
	}
	return dir
}

// lintJSON lints with --format json and returns "path:line rule" per finding.
func lintJSON(t *testing.T, args ...string) ([]string, string, int) {
	t.Helper()
	out, stderr, code := prdlint(t, "", append([]string{"lint", "--format", "json"}, args...)...)
	var got jsonOut
	require.NoError(t, json.Unmarshal([]byte(out), &got), out)
	found := []string{}
	for _, d := range got.Diagnostics {
		found = append(found, d.Path+":"+strconv.Itoa(d.Line)+" "+d.Rule)
	}
	return found, stderr, code
}

func TestConfigRuleOffInParent(t *testing.T) {
	newRepo(t, map[string]string{"docs/team/prd.md": "# Goals\n\n" + howSentence + "\n"})
	found, _, code := lintJSON(t, "docs")
	require.Len(t, found, 1)
	assert.Equal(t, 1, code)
	rule := strings.Fields(found[0])[1]

	require.NoError(t, os.WriteFile(".prdlint.yaml", []byte("rules:\n  "+rule+": off\n"), 0o644))
	found, stderr, code := lintJSON(t, "docs")
	assert.Empty(t, found, "the rule set off two directories up is off")
	assert.Empty(t, stderr)
	assert.Equal(t, 0, code)

	// A nearer file turns it back on.
	require.NoError(t, os.WriteFile("docs/team/.prdlint.yaml", []byte("rules:\n  "+rule+": error\n"), 0o644))
	found, _, code = lintJSON(t, "docs")
	assert.Equal(t, []string{"docs/team/prd.md:3 " + rule}, found)
	assert.Equal(t, 1, code)

	found, _, _ = lintJSON(t, "--no-config", "docs")
	assert.Len(t, found, 1)
}

func TestConfigIgnore(t *testing.T) {
	newRepo(t, map[string]string{
		".prdlint.yaml":       "ignore: [\"docs/drafts/**\"]\n",
		".prdlintignore":      "*.generated.md\n",
		"docs/prd.md":         howSentence + "\n",
		"docs/drafts/wip.md":  howSentence + "\n",
		"docs/x.generated.md": howSentence + "\n",
	})
	found, _, _ := lintJSON(t, ".")
	assert.Equal(t, []string{"docs/prd.md:1 " + strings.Fields(first(t, "docs/prd.md"))[1]}, found)

	found, _, _ = lintJSON(t, "docs/drafts/wip.md", "docs/x.generated.md")
	assert.Len(t, found, 2, "files named on the command line are linted even when ignored")

	found, _, _ = lintJSON(t, "--no-config", "docs")
	assert.Len(t, found, 3)
}

func TestConfigGitignore(t *testing.T) {
	newRepo(t, map[string]string{
		".gitignore":     "site/\n",
		"docs/prd.md":    howSentence + "\n",
		"site/index.md":  howSentence + "\n",
		"site/a/deep.md": howSentence + "\n",
	})
	found, _, _ := lintJSON(t, ".")
	assert.Len(t, found, 3, ".gitignore is not read unless configured")

	require.NoError(t, os.WriteFile(".prdlint.yaml", []byte("gitignore: true\n"), 0o644))
	found, _, _ = lintJSON(t, ".")
	require.Len(t, found, 1)
	assert.Regexp(t, `^docs/prd.md:1 `, found[0])

	found, _, _ = lintJSON(t, "site/index.md")
	assert.Len(t, found, 1, "a file named on the command line is linted even when ignored")

	out, _, code := prdlint(t, "", "config", "print", "site/index.md")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "# Ignored in directory walks: yes (.gitignore:1:1)\n")
	assert.Contains(t, out, "gitignore: true  # .prdlint.yaml:1:12\n")
}

func first(t *testing.T, path string) string {
	t.Helper()
	found, _, _ := lintJSON(t, "--no-config", path)
	require.NotEmpty(t, found)
	return found[0]
}

func TestInlineSuppressionEndToEnd(t *testing.T) {
	newRepo(t, map[string]string{"prd.md": "# Goals\n\n" +
		"<!-- prdlint-disable-next-line -- agreed with the platform team -->\n" + howSentence + "\n\n" +
		howSentence + "\n\n" +
		"<!-- prdlint-disable -->\n\n" + howSentence + "\n\n<!-- prdlint-enable -->\n\n" +
		howSentence + " <!-- prdlint-disable-line -->\n\n" +
		"<!-- prdlint-disable-line how-infrastructure -->\n",
	})
	found, _, code := lintJSON(t, "prd.md")
	require.Len(t, found, 3, "%v", found)
	assert.Regexp(t, `^prd.md:6 how-`, found[0], "only the unsuppressed sentence is left")
	assert.Equal(t, "prd.md:16 bad-directive", found[1], "the directive's unknown rule")
	assert.Equal(t, "prd.md:16 bad-directive", found[2], "the disable-line with no prose")
	assert.Equal(t, 1, code)
}

func TestConfigErrors(t *testing.T) {
	tests := []struct {
		name, config, want string
	}{
		{"broken YAML", "rules:\n  how-infra: [off\n", ".prdlint.yaml:1:1: invalid YAML: did not find expected ',' or ']'"},
		{"unknown rule", "rules:\n  how-infr: off\n", `.prdlint.yaml:2:3: unknown rule "how-infr" (did you mean "how-infra"?)`},
		{"unknown key", "fail_level: error\n", `.prdlint.yaml:1:1: unknown key "fail_level" in configuration (did you mean "fail-level"?)`},
		{"wrong type", "min-confidence: [1]\n", ".prdlint.yaml:1:17: min-confidence must be a number from 0 to 1, not a list"},
		{"invalid glob", "ignore: [\"a/[\"]\n", `.prdlint.yaml:1:10: ignore: invalid glob "a/["`},
		{"pattern shadowed by names", "rules:\n  what-*: off\n  what-goals-unmeasured: info\n  what-unmeasured-quality: error\n",
			`.prdlint.yaml:2:3: rules: pattern "what-*" changes nothing: every rule it matches is set by name, and a name wins over a pattern`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			newRepo(t, map[string]string{
				".prdlint.yaml": tt.config,
				"a.md":          howSentence + "\n",
				"b/c.md":        cleanSentence + "\n",
			})
			_, stderr, code := prdlint(t, "", "lint", "--format", "json", ".")
			assert.Equal(t, 2, code)
			assert.Equal(t, tt.want+"\n", stderr, "one line for the broken file, however many files it configures")

			_, stderr, code = prdlint(t, "", "lint", "--config", ".prdlint.yaml", "a.md")
			assert.Equal(t, 2, code)
			assert.Equal(t, tt.want+"\n", stderr)

			_, _, code = prdlint(t, "", "lint", "--no-config", "b/c.md")
			assert.Equal(t, 0, code, "--no-config skips the broken file")
		})
	}
	_, stderr, code := prdlint(t, "", "lint", "--config", "x.yaml", "--no-config", "a.md")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "none of the others can be")
}

func TestFlagsOverrideConfigOnlyWhenGiven(t *testing.T) {
	newRepo(t, map[string]string{".prdlint.yaml": "fail-level: error\nmin-confidence: 0\n", "prd.md": howSentence + "\n"})
	_, _, code := prdlint(t, "", "lint", "prd.md")
	assert.Equal(t, 0, code, "the configuration's fail-level: error lets warnings pass")
	_, _, code = prdlint(t, "", "lint", "--fail-level", "warning", "prd.md")
	assert.Equal(t, 1, code, "an explicit --fail-level wins")

	all, _, _ := lintJSON(t, "prd.md")
	require.Len(t, all, 1)
	out, _, _ := prdlint(t, "", "lint", "--format", "json", "prd.md")
	var got jsonOut
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	conf := got.Diagnostics[0].Confidence
	require.Less(t, conf, 1.0, "the test needs a finding less than certain")
	above := strconv.FormatFloat((conf+1)/2, 'f', 4, 64)

	require.NoError(t, os.WriteFile(".prdlint.yaml", []byte("min-confidence: "+above+"\n"), 0o644))
	found, _, code := lintJSON(t, "prd.md")
	assert.Empty(t, found, "min-confidence from the file drops the less confident finding")
	assert.Equal(t, 0, code)
	found, _, _ = lintJSON(t, "--min-confidence", "0", "prd.md")
	assert.Len(t, found, 1, "an explicit --min-confidence 0 wins over the file")
}

func TestInit(t *testing.T) {
	newRepo(t, map[string]string{"prd.md": cleanSentence + "\n"})
	out, stderr, code := prdlint(t, "", "init")
	assert.Equal(t, 0, code, stderr)
	assert.Equal(t, "wrote .prdlint.yaml\n", out)
	written, err := os.ReadFile(".prdlint.yaml")
	require.NoError(t, err)
	for _, r := range rules.All() {
		assert.Contains(t, string(written), "\n#  "+r.ID+": "+r.Severity.String()+"\n", "each default, commented out")
	}

	out, stderr, code = prdlint(t, "", "config", "print", "prd.md")
	assert.Equal(t, 0, code, stderr)
	assert.Contains(t, out, "# Configuration files, outermost first: .prdlint.yaml\n", "the written file loads")
	_, stderr, code = prdlint(t, "", "lint", "prd.md")
	assert.Equal(t, 0, code, stderr)

	// A pattern added under the written rules: applies.
	require.NoError(t, os.WriteFile("how.md", []byte("# Goals\n\n"+howSentence+"\n"), 0o644))
	found, _, code := lintJSON(t, "how.md")
	require.Len(t, found, 1)
	assert.Equal(t, 1, code)
	require.NoError(t, os.WriteFile(".prdlint.yaml", []byte(strings.Replace(string(written), "\nrules:\n", "\nrules:\n  how-*: off\n", 1)), 0o644))
	found, stderr, code = lintJSON(t, "how.md")
	assert.Empty(t, found, "how-* off silences the how finding")
	assert.Equal(t, 0, code, stderr)
	require.NoError(t, os.Remove("how.md"))

	require.NoError(t, os.WriteFile(".prdlint.yaml", []byte("fail-level: info\n"), 0o644))
	_, stderr, code = prdlint(t, "", "init")
	assert.Equal(t, 2, code)
	assert.Equal(t, "prdlint: .prdlint.yaml: file exists (use --force to overwrite)\n", stderr)
	kept, err := os.ReadFile(".prdlint.yaml")
	require.NoError(t, err)
	assert.Equal(t, "fail-level: info\n", string(kept))

	_, _, code = prdlint(t, "", "init", "--force")
	assert.Equal(t, 0, code)
	again, err := os.ReadFile(".prdlint.yaml")
	require.NoError(t, err)
	assert.Equal(t, string(written), string(again))

	require.NoError(t, os.Mkdir("sub", 0o755))
	require.NoError(t, os.WriteFile("sub/.prdlint.yml", []byte("{}\n"), 0o644))
	_, stderr, code = prdlint(t, "", "init", "sub")
	assert.Equal(t, 2, code)
	assert.Equal(t, "prdlint: sub/.prdlint.yml: file exists (use --force to overwrite)\n", stderr)
	out, stderr, code = prdlint(t, "", "init", "--force", "sub")
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, "wrote sub/.prdlint.yml\n", out, "--force overwrites the .yml file")
	assert.NoFileExists(t, "sub/.prdlint.yaml", "and adds no second configuration beside it")
	require.NoError(t, os.WriteFile("sub/prd.md", []byte(cleanSentence+"\n"), 0o644))
	_, stderr, code = prdlint(t, "", "lint", "sub")
	assert.Equal(t, 0, code, stderr)
}

func TestConfigPrint(t *testing.T) {
	newRepo(t, map[string]string{
		".prdlint.yaml":      "fail-level: error\nrules:\n  how-infra: off\nvocabulary:\n  add: [Zephyr]\n",
		"team/.prdlint.yaml": "rules:\n  how-code: info\ndesign-sections:\n  headings: [Design]\n  mode: info\nignore: [\"old/**\"]\n",
		".prdlintignore":     "*.gen.md\n",
		"team/old/prd.md":    cleanSentence + "\n",
		"team/prd.md":        cleanSentence + "\n",
		"x.gen.md":           cleanSentence + "\n",
	})
	out, stderr, code := prdlint(t, "", "config", "print", "team/old/prd.md")
	require.Equal(t, 0, code, stderr)
	for _, want := range []string{
		"# Effective configuration for file team/old/prd.md\n",
		"# Configuration files, outermost first: .prdlint.yaml, team/.prdlint.yaml\n",
		"# Ignored in directory walks: yes (team/.prdlint.yaml:6:10)\n",
		"fail-level: error  # .prdlint.yaml:1:13\n",
		"min-confidence: 0  # default\n",
		"  how-infra: off  # .prdlint.yaml:3:14\n",
		"  how-code: info  # team/.prdlint.yaml:2:13\n",
		"  how-api-shape: warning  # default\n",
		"    - \"Zephyr\"  # .prdlint.yaml:5:9\n",
		"  headings: [\"Design\"]  # team/.prdlint.yaml:4:13\n",
		"  mode: info  # team/.prdlint.yaml:5:9\n",
	} {
		assert.Contains(t, out, want)
	}

	out, _, code = prdlint(t, "", "config", "print", "x.gen.md")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "# Ignored in directory walks: yes (.prdlintignore:1:1)\n")

	out, _, code = prdlint(t, "", "config", "print")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "# Effective configuration for files in directory .\n")
	assert.Contains(t, out, "  # headings: not set; the built-in design headings apply\n")
	assert.NotContains(t, out, "Ignored")

	// The printed configuration loads and means the same.
	out, _, _ = prdlint(t, "", "config", "print", "team/prd.md")
	require.NoError(t, os.WriteFile("printed.yaml", []byte(out), 0o644))
	again, stderr, code := prdlint(t, "", "config", "print", "--config", "printed.yaml", "team/prd.md")
	require.Equal(t, 0, code, stderr)
	strip := func(s string) []string {
		var vals []string
		for _, l := range strings.Split(s, "\n") {
			if !strings.HasPrefix(l, "#") {
				vals = append(vals, strings.Split(l, "  #")[0])
			}
		}
		return vals
	}
	assert.Equal(t, strip(out), strip(again))

	_, stderr, code = prdlint(t, "", "config", "print", "--config", "missing.yaml")
	assert.Equal(t, 2, code)
	assert.Equal(t, "prdlint: missing.yaml: no such file or directory\n", stderr)
}

// TestWalkSkippedFolders: directory walks do not enter vendor,
// node_modules or dot-folders, config print says so, and a file named on
// the command line is linted all the same.
func TestWalkSkippedFolders(t *testing.T) {
	newRepo(t, map[string]string{
		"docs/prd.md":                howSentence + "\n",
		"docs/vendor/x.md":           howSentence + "\n",
		"docs/node_modules/pkg/y.md": howSentence + "\n",
		".github/z.md":               howSentence + "\n",
	})
	found, _, _ := lintJSON(t, ".")
	require.Len(t, found, 1, "%v", found)
	assert.Regexp(t, `^docs/prd\.md:1 `, found[0])

	for _, named := range [][]string{{"docs/vendor/x.md"}, {"--force-exclude", "docs/vendor/x.md"}, {"docs/vendor"}} {
		found, _, _ = lintJSON(t, named...)
		assert.Len(t, found, 1, "%v is linted", named)
	}

	tests := []struct{ path, want string }{
		{"docs/vendor/x.md", "# Ignored in directory walks: yes (docs/vendor: walks skip vendor, node_modules and dot-folders below where they start)\n"},
		{"docs/node_modules/pkg/y.md", "# Ignored in directory walks: yes (docs/node_modules: walks skip vendor, node_modules and dot-folders below where they start)\n"},
		{".github/z.md", "# Ignored in directory walks: yes (.github: walks skip"},
		{"docs/vendor", "# Ignored in directory walks: yes (docs/vendor: walks skip"},
		{"docs/prd.md", "# Ignored in directory walks: no\n"},
	}
	for _, tt := range tests {
		for _, flags := range [][]string{nil, {"--no-config"}} {
			out, stderr, code := prdlint(t, "", append(append([]string{"config", "print"}, flags...), tt.path)...)
			require.Equal(t, 0, code, stderr)
			assert.Contains(t, out, tt.want, "%s %v", tt.path, flags)
		}
	}
	out, _, _ := prdlint(t, "", "config", "print", "docs")
	assert.NotContains(t, out, "Ignored", "a directory walks enter says nothing")
}

// TestConfigPrintMissingPath: a path that does not exist is an error naming
// it, as lint reports it, not the defaults printed as if they were its own.
func TestConfigPrintMissingPath(t *testing.T) {
	newRepo(t, map[string]string{".prdlint.yaml": "fail-level: error\n", "prd.md": cleanSentence + "\n"})
	tests := []struct{ path, want string }{
		{"docs/nonexistent.md", "prdlint: docs/nonexistent.md: no such file or directory\n"},
		{"prd.md/x.md", "prdlint: prd.md/x.md: not a directory\n"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			out, stderr, code := prdlint(t, "", "config", "print", tt.path)
			assert.Equal(t, 2, code)
			assert.Empty(t, out)
			assert.Equal(t, tt.want, stderr)
			_, lintErr, _ := prdlint(t, "", "lint", tt.path)
			assert.Equal(t, tt.want, lintErr, "worded as lint words it")
		})
	}
	out, stderr, code := prdlint(t, "", "config", "print", "-")
	assert.Equal(t, 0, code, stderr)
	assert.Contains(t, out, "fail-level: error  # .prdlint.yaml:1:13\n", "standard input is configured from the working directory")

	// lint expands a pattern; config print says it takes none.
	out, stderr, code = prdlint(t, "", "config", "print", "*.md")
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.Equal(t, "prdlint: *.md: no such file or directory (config print takes one file or directory, not a pattern)\n", stderr)
}

func TestRulesAndExplain(t *testing.T) {
	out, _, code := prdlint(t, "", "rules")
	assert.Equal(t, 0, code)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	all := rules.All()
	require.Len(t, lines, len(all)+1)
	assert.Regexp(t, `^ID\s+CATEGORY\s+DEFAULT\s+SUMMARY$`, lines[0])
	for i, r := range all {
		assert.Equal(t, []string{r.ID, string(r.Category), r.Severity.String()}, strings.Fields(lines[i+1])[:3])
		assert.True(t, strings.HasSuffix(lines[i+1], r.Summary), lines[i+1])
	}

	for _, r := range all {
		t.Run(r.ID, func(t *testing.T) {
			out, _, code := prdlint(t, "", "explain", r.ID)
			assert.Equal(t, 0, code)
			assert.True(t, strings.HasPrefix(out, r.ID+" (category "+string(r.Category)+", default severity "+r.Severity.String()+")\n"))
			assert.Contains(t, out, strings.TrimSpace(r.Doc))
			require.NotEmpty(t, r.Bad, "every rule has examples")
			require.NotEmpty(t, r.Good)
			for _, s := range append(append([]string{}, r.Bad...), r.Good...) {
				// Every line of an example is indented, blank ones left empty.
				var want strings.Builder
				for _, line := range strings.Split(s, "\n") {
					want.WriteString(strings.TrimRight("  "+line, " ") + "\n")
				}
				assert.Contains(t, out, want.String())
			}
			assert.Contains(t, out, "    "+r.ID+": off | info | warning | error\n")
			for _, o := range r.Options {
				assert.Contains(t, out, "  "+o+"\n")
			}
		})
	}

	_, stderr, code := prdlint(t, "", "explain", "how-infr")
	assert.Equal(t, 2, code)
	assert.Equal(t, "prdlint: unknown rule \"how-infr\" (did you mean \"how-infra\"?); prdlint rules lists them\n", stderr)
}

func TestCompletion(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		out, stderr, code := prdlint(t, "", "completion", shell)
		assert.Equal(t, 0, code, stderr)
		assert.Contains(t, out, "prdlint", shell)
	}
	out, _, code := prdlint(t, "", "__complete", "explain", "how-d")
	assert.Equal(t, 0, code)
	assert.True(t, strings.HasPrefix(out, "how-data-model\t"), out)
	assert.NotContains(t, out, "how-infra")
	assert.Contains(t, out, ":4\n", "no file completion")
}

// TestWhatSectionsEndToEnd: a prescription under Non-goals or a user story
// is not reported by default; what-sections mode info reports it as info,
// and an empty heading list reports it as usual.
func TestWhatSectionsEndToEnd(t *testing.T) {
	const prd = "# Cart\n\n## Non-goals\n\nWe will store every cart in a Redis cluster with a new `cart_items` table.\n\n" +
		"## Proposal\n\nWe will store every cart in a Redis cluster with a new `cart_items` table.\n"
	dir := t.TempDir()
	path := filepath.Join(dir, "prd.md")
	require.NoError(t, os.WriteFile(path, []byte(prd), 0o644))
	hows := func(cfg string) []string {
		t.Helper()
		args := []string{"lint", "--format", "json", "--no-config", path}
		if cfg != "" {
			cp := filepath.Join(dir, "cfg.yaml")
			require.NoError(t, os.WriteFile(cp, []byte(cfg), 0o644))
			args = []string{"lint", "--format", "json", "--config", cp, path}
		}
		out, _, _ := prdlint(t, "", args...)
		var got jsonOut
		require.NoError(t, json.Unmarshal([]byte(out), &got))
		var lines []string
		for _, d := range got.Diagnostics {
			if d.Category == "how" {
				lines = append(lines, fmt.Sprintf("%d:%s", d.Line, d.Severity))
			}
		}
		return lines
	}
	assert.Equal(t, []string{"9:warning"}, hows(""))
	assert.Equal(t, []string{"5:info", "9:warning"}, hows("what-sections:\n  mode: info\n"))
	assert.Equal(t, []string{"5:warning", "9:warning"}, hows("what-sections:\n  headings: []\n"))
	// under a metrics heading the most confident finding stays, at info
	const metric = "# Cart\n\n## Success metrics\n\nConversion events will be sent through Segment to Amplitude as a new `cart_saved` event.\n"
	require.NoError(t, os.WriteFile(path, []byte(metric), 0o644))
	assert.Equal(t, []string{"5:info"}, hows(""))
}

// TestForceExclude: pre-commit names every staged file; with
// --force-exclude the configuration's ignores apply to them too.
func TestForceExclude(t *testing.T) {
	newRepo(t, map[string]string{
		".prdlint.yaml":  "ignore: [\"drafts/**\"]\ngitignore: true\n",
		".prdlintignore": "CHANGELOG.md\n",
		".gitignore":     "site/\n",
		"prd.md":         howSentence + "\n",
		"drafts/wip.md":  howSentence + "\n",
		"CHANGELOG.md":   howSentence + "\n",
		"site/index.md":  howSentence + "\n",
	})
	staged := []string{"prd.md", "drafts/wip.md", "CHANGELOG.md", "site/index.md"}
	found, _, _ := lintJSON(t, staged...)
	assert.Len(t, found, 4, "named files are linted")
	found, _, code := lintJSON(t, append([]string{"--force-exclude"}, staged...)...)
	require.Len(t, found, 1, "%v", found)
	assert.Regexp(t, `^prd\.md:1 `, found[0])
	assert.Equal(t, 1, code)

	found, _, code = lintJSON(t, "--force-exclude", "drafts/wip.md")
	assert.Empty(t, found)
	assert.Equal(t, 0, code, "nothing left to lint is a clean run")

	out, _, code := prdlint(t, howSentence+"\n", "lint", "--format", "json", "--force-exclude", "--stdin-filename", "drafts/wip.md", "-")
	assert.Equal(t, 0, code, "standard input named as an ignored file: %s", out)
	_, _, code = prdlint(t, howSentence+"\n", "lint", "--format", "json", "--force-exclude", "--stdin-filename", "prd.md", "-")
	assert.Equal(t, 1, code)
}

func TestConfigVocabularyListsTheBuiltInTerms(t *testing.T) {
	out, stderr, code := prdlint(t, "", "config", "vocabulary")
	require.Equal(t, 0, code, stderr)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	assert.Contains(t, lines, "tech-choice\tbrand\tpostgresql")
	kinds := rules.VocabularyKinds()
	for _, line := range lines {
		fields := strings.Split(line, "\t")
		require.Len(t, fields, 3, "one KIND, TIER and TERM per line: %q", line)
		assert.Contains(t, kinds, fields[0])
		assert.Contains(t, []string{"brand", "mech", "generic"}, fields[1])
		assert.True(t, rules.VocabularyHas(fields[2]), "%q is a term vocabulary.remove accepts", fields[2])
	}

	out, _, code = prdlint(t, "", "config", "vocabulary", "infra")
	require.Equal(t, 0, code)
	assert.NotContains(t, out, "postgresql")
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		assert.True(t, strings.HasPrefix(line, "infra\t"), line)
	}

	_, stderr, code = prdlint(t, "", "config", "vocabulary", "infr")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, `unknown kind "infr" (did you mean "infra"?)`)
}

// TestConfigFileNamedAsPathIsChecked: a configuration or ignore file named
// on the command line (pre-commit names it when a commit changes it) is
// checked, not linted as Markdown: its errors fail the run at their place,
// and a valid one passes.
func TestConfigFileNamedAsPathIsChecked(t *testing.T) {
	newRepo(t, map[string]string{
		".prdlint.yaml":        "rules:\n  how-infra: info\n",
		"docs/.prdlint.yml":    "fail-level: loud\n",
		"specs/.prdlintignore": "drafts/\n",
		"specs/prd.md":         cleanSentence + "\n",
	})
	out, stderr, code := prdlint(t, "", "lint", "--format", "json", "--force-exclude", "--", ".prdlint.yaml", "specs/.prdlintignore")
	assert.Equal(t, 0, code, stderr)
	assert.JSONEq(t, `{"diagnostics": []}`, out, "valid configuration files are checked, not linted as prose")

	_, stderr, code = prdlint(t, "", "lint", "--format", "json", "docs/.prdlint.yml", "specs/prd.md")
	assert.Equal(t, 2, code)
	assert.Equal(t, "docs/.prdlint.yml:1:13: fail-level must be off, info, warning or error, not \"loud\"\n", stderr)

	require.NoError(t, os.WriteFile(".prdlint.yaml", []byte("vocabulary:\n  remove: [charts]\nignore: [\"**/*.md\"]\n"), 0o644))
	_, stderr, code = prdlint(t, "", "lint", ".prdlint.yaml")
	assert.Equal(t, 2, code, "a remove that changes nothing is an error even where every Markdown file is ignored")
	assert.Contains(t, stderr, ".prdlint.yaml:2:")

	require.NoError(t, os.WriteFile(".prdlint.yaml", []byte("overrides:\n  - files: [\"rfcs/**\"]\n    vocabulary:\n      remove: [zzzqqq]\n"), 0o644))
	_, stderr, code = prdlint(t, "", "lint", ".prdlint.yaml")
	assert.Equal(t, 2, code, "an override is checked whichever files its globs match")
	assert.Contains(t, stderr, ".prdlint.yaml:4:16: vocabulary.remove: \"zzzqqq\"")
}

// TestConfigFileCheckedOnce: a configuration file is one checked file
// however it is given, named, named twice or piped: the summary counts it
// once, and a broken one is one error.
func TestConfigFileCheckedOnce(t *testing.T) {
	const valid, broken = "rules:\n  how-code: off\n", "rules:\n  how-nope: off\n"
	cases := []struct {
		name, config, stdin string
		args                []string
		summary             string
		errors              int
	}{
		{name: "named", config: valid, args: []string{".prdlint.yaml"}, summary: "1 file, 0 findings"},
		{name: "named twice", config: valid, args: []string{".prdlint.yaml", "./.prdlint.yaml"}, summary: "1 file, 0 findings"},
		{name: "piped", config: valid, stdin: valid, args: []string{"--stdin-filename", ".prdlint.yaml", "-"}, summary: "1 file, 0 findings"},
		{name: "broken, named twice", config: broken, args: []string{".prdlint.yaml", "./.prdlint.yaml"}, summary: "0 files, 0 findings: 0 errors, 0 warnings, 0 infos; 1 file not linted", errors: 1},
		{name: "broken, piped", config: valid, stdin: broken, args: []string{"--stdin-filename", ".prdlint.yaml", "-"}, summary: "0 files, 0 findings: 0 errors, 0 warnings, 0 infos; 1 file not linted", errors: 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			newRepo(t, map[string]string{".prdlint.yaml": c.config})
			out, _, _ := prdlint(t, c.stdin, append([]string{"lint"}, c.args...)...)
			assert.True(t, strings.HasPrefix(out, c.summary), out)
			out, _, _ = prdlint(t, c.stdin, append([]string{"lint", "--format", "json"}, c.args...)...)
			var rep robustJSON
			require.NoError(t, json.Unmarshal([]byte(out), &rep))
			assert.Len(t, rep.Errors, c.errors)
		})
	}
}

// TestConfigFileOnStdinIsChecked: an editor that pipes its buffer names
// the file with --stdin-filename; a configuration or ignore file's text is
// then checked as it stands in the buffer (not as on disk), its error at
// its own line, and never linted as prose.
func TestConfigFileOnStdinIsChecked(t *testing.T) {
	newRepo(t, map[string]string{
		"docs/.prdlint.yaml": "rules:\n  how-infra: info\n",
		"docs/prd.md":        cleanSentence + "\n",
	})
	cases := []struct {
		name, path, text string
		code             int
		stderr           string
	}{
		{name: "a valid configuration", path: "docs/.prdlint.yaml", text: "rules:\n  how-code: off\n"},
		{name: "an error in the buffer, not on disk", path: "docs/.prdlint.yaml", text: "rules:\n  how-nope: off\n", code: 2,
			stderr: "docs/.prdlint.yaml:2:3: unknown rule \"how-nope\" (did you mean \"how-code\"?)\n"},
		{name: "the other configuration name", path: "specs/.prdlint.yml", text: "fail-level: loud\n", code: 2,
			stderr: "specs/.prdlint.yml:1:13: fail-level must be off, info, warning or error, not \"loud\"\n"},
		{name: "both names in one directory", path: "docs/.prdlint.yml", text: "fail-level: error\n", code: 2,
			stderr: "docs/.prdlint.yml:1:1: both .prdlint.yaml and .prdlint.yml are in this directory; keep one\n"},
		{name: "a valid ignore file holding prose", path: "docs/.prdlintignore", text: "Store sessions in Redis with a TTL.\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, stderr, code := prdlint(t, c.text, "lint", "--format", "json", "--stdin-filename", c.path, "-")
			assert.Equal(t, c.code, code, stderr)
			assert.Equal(t, c.stderr, stderr)
			if c.code == 0 {
				assert.JSONEq(t, `{"diagnostics": []}`, out, "checked, not linted as prose")
			}
		})
	}
}

// TestBrokenExplicitConfigStillWritesReports: with a broken --config file
// nothing is linted, and the machine reports still say why and replace an
// earlier run's, as for a broken configuration found beside a PRD.
func TestBrokenExplicitConfigStillWritesReports(t *testing.T) {
	newRepo(t, map[string]string{
		"bad.yaml":      "rules:\n  how-nope: off\n",
		"a.md":          howSentence + "\n",
		"out/old.sarif": "stale\n",
	})
	out, stderr, code := prdlint(t, "", "lint", "--format", "json", "--format", "sarif=out/old.sarif", "--config", "bad.yaml", "a.md")
	assert.Equal(t, 2, code)
	assert.Equal(t, "bad.yaml:2:3: unknown rule \"how-nope\" (did you mean \"how-code\"?)\n", stderr)
	var got struct {
		Diagnostics []any
		Errors      []struct{ Path, Message string }
	}
	require.NoError(t, json.Unmarshal([]byte(out), &got), out)
	assert.Empty(t, got.Diagnostics)
	require.Len(t, got.Errors, 1)
	assert.Equal(t, "bad.yaml", got.Errors[0].Path)
	sarif, err := os.ReadFile(filepath.Join("out", "old.sarif"))
	require.NoError(t, err)
	assert.Contains(t, string(sarif), `"version": "2.1.0"`, "the earlier report is replaced")
	assert.Contains(t, string(sarif), "how-nope")
}

// TestPrintedConfigWithATakenBackTermLoads: a remove that takes back a
// parent's add is applied in the printed configuration, not printed as a
// remove that would change nothing (an error once loaded).
func TestPrintedConfigWithATakenBackTermLoads(t *testing.T) {
	newRepo(t, map[string]string{
		".prdlint.yaml":      "vocabulary:\n  add: [Zephyr]\n",
		"docs/.prdlint.yaml": "vocabulary:\n  remove: [Zephyr, chart]\n",
		"docs/a.md":          "We store carts in Zephyr.\n",
	})
	out, stderr, code := prdlint(t, "", "config", "print", "docs/a.md")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, `takes back "Zephyr", added by a file above`)
	assert.Contains(t, out, "  remove:\n    - \"chart\"  # docs/.prdlint.yaml:2:20\n", "a built-in term is still removed")
	require.NoError(t, os.WriteFile("printed.yaml", []byte(out), 0o644))
	_, stderr, code = prdlint(t, "", "lint", "--config", "printed.yaml", "docs/a.md")
	assert.NotEqual(t, 2, code, "the printed configuration loads: %s", stderr)
}
