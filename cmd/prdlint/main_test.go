package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/prdlint/prdlint/lint"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// prdlint runs the command in-process and returns stdout, stderr and the exit code.
func prdlint(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := runWith(args, strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), code
}

func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	return root
}

// TestGolden lints every example PRD in testdata/prds and compares the
// JSON and text output with testdata/golden (go test -update rewrites them).
func TestGolden(t *testing.T) {
	root := repoRoot(t)
	t.Chdir(root)
	files, err := filepath.Glob("testdata/prds/*.md")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".md")
		for _, fmtName := range []string{"json", "text"} {
			t.Run(name+"."+fmtName, func(t *testing.T) {
				out, stderr, code := prdlint(t, "", "lint", "--format", fmtName, f)
				assert.Empty(t, stderr)
				assert.Contains(t, []int{0, 1}, code)
				golden := filepath.Join("testdata", "golden", name+"."+fmtName)
				if *update {
					require.NoError(t, os.MkdirAll(filepath.Dir(golden), 0o755))
					require.NoError(t, os.WriteFile(golden, []byte(out), 0o644))
				}
				want, err := os.ReadFile(golden)
				require.NoError(t, err, "run go test ./cmd/prdlint -update to create it")
				assert.Equal(t, string(want), out)
			})
		}
	}
}

type jsonOut struct {
	Diagnostics []struct {
		Path                             string
		Line, Column, EndLine, EndColumn int
		Rule, Category, Severity         string
		Message, Sentence                string
		Confidence                       float64
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	clean := filepath.Join(dir, "clean.md")
	how := filepath.Join(dir, "how.md")
	require.NoError(t, os.WriteFile(clean, []byte("# Goals\n\nShoppers can pay as guests.\n"), 0o644))
	require.NoError(t, os.WriteFile(how, []byte("# Goals\n\nWe will add a new column to the carts table.\n"), 0o644))

	_, _, code := prdlint(t, "", "lint", clean)
	assert.Equal(t, 0, code)

	out, _, code := prdlint(t, "", "lint", "--format", "json", how)
	assert.Equal(t, 1, code)
	var got jsonOut
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	require.Len(t, got.Diagnostics, 1)
	assert.Equal(t, 3, got.Diagnostics[0].Line)
	assert.Equal(t, "how", got.Diagnostics[0].Category)

	_, _, code = prdlint(t, "", "lint", "--fail-level", "error", how)
	assert.Equal(t, 0, code, "warnings below --fail-level error do not fail")

	missing := filepath.Join(dir, "missing.md")
	out, stderr, code := prdlint(t, "", "lint", "--format", "json", missing, how)
	assert.Equal(t, 2, code)
	assert.Equal(t, "prdlint: "+missing+": no such file or directory\n", stderr)
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	assert.Len(t, got.Diagnostics, 1, "the good file is still linted")

	_, stderr, code = prdlint(t, "", "lint", "--format", "nope", how)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "unknown format")

	_, _, code = prdlint(t, "", "lint")
	assert.Equal(t, 2, code, "no path is a usage error")
}

func TestStdin(t *testing.T) {
	out, _, code := prdlint(t, "We will add a new column to the carts table.\n", "lint", "--format", "json", "--stdin-filename", "docs/prd.md", "-")
	assert.Equal(t, 1, code)
	var got jsonOut
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	require.Len(t, got.Diagnostics, 1)
	assert.Equal(t, "docs/prd.md", got.Diagnostics[0].Path)
}

func TestDirectoryWalkAndQuiet(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "a", "b"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a", "b", "x.markdown"), []byte("Users can export reports.\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a", "notes.txt"), []byte("We will add a new column to the carts table.\n"), 0o644))
	out, stderr, code := prdlint(t, "", "lint", "--quiet", dir)
	assert.Equal(t, 0, code)
	assert.Empty(t, out)
	assert.Empty(t, stderr)
	out, _, _ = prdlint(t, "", "lint", dir)
	assert.Contains(t, out, "1 file, 0 findings")
}

// TestWalkThatFindsNothing: a directory that yields no file to lint is
// an error naming it (exit 2), so that a hook or CI job pointed at the
// wrong place cannot pass; the other paths are still linted. A linked
// Markdown file inside a walk is linted.
func TestWalkThatFindsNothing(t *testing.T) {
	dir := newRepo(t, map[string]string{
		"empty/.keep":               "",
		"text/notes.txt":            "We will add a new column to the carts table.\n",
		"hidden/.drafts/prd.md":     "We will add a new column to the carts table.\n",
		"ignored/.prdlint.yaml":     "ignore: [\"*.md\"]\n",
		"ignored/a.md":              "Users can export reports.\n",
		"ignored/b.md":              "Users can export reports.\n",
		"one-ignored/.prdlint.yaml": "ignore: [\"a.md\"]\n",
		"one-ignored/a.md":          "Users can export reports.\n",
		"linked/real/prd.txt":       "Users can export reports.\n",
		"good/prd.md":               "Users can export reports.\n",
	})
	require.NoError(t, os.Symlink(filepath.Join(dir, "linked", "real", "prd.txt"), filepath.Join(dir, "linked", "prd.md")))

	cases := []struct {
		path, stderr string
	}{
		{"empty", "prdlint: empty: " + lint.ErrNoMarkdown.Error()},
		{"text", "prdlint: text: " + lint.ErrNoMarkdown.Error()},
		{"hidden", "prdlint: hidden: " + lint.ErrNoMarkdown.Error()},
		{"ignored", "prdlint: ignored: all 2 Markdown files under it are ignored by configuration"},
		{"one-ignored", "prdlint: one-ignored: the one Markdown file under it is ignored by configuration"},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			out, stderr, code := prdlint(t, "", "lint", "--format", "json", c.path, "good")
			assert.Equal(t, 2, code)
			assert.Equal(t, c.stderr+"\n", stderr)
			assert.Contains(t, out, `"diagnostics"`, "the other path is still linted")
		})
	}

	out, stderr, code := prdlint(t, "", "lint", "--format", "text", "linked")
	assert.Equal(t, 0, code, stderr)
	assert.Contains(t, out, "1 file, 0 findings", "a link to a Markdown file is linted")
}

func TestVersion(t *testing.T) {
	out, _, code := prdlint(t, "", "version")
	assert.Equal(t, 0, code)
	assert.Regexp(t, `^prdlint \S+\n$`, out)
}

// TestExpectedFindings holds each example PRD to its .want file: the how-
// and what-findings, by line, column and category, must be exactly those
// listed (structure findings are covered by the golden files).
func TestExpectedFindings(t *testing.T) {
	t.Chdir(repoRoot(t))
	wants, err := filepath.Glob("testdata/prds/*.want")
	require.NoError(t, err)
	require.NotEmpty(t, wants)
	for _, wantFile := range wants {
		md := strings.TrimSuffix(wantFile, ".want") + ".md"
		t.Run(filepath.Base(md), func(t *testing.T) {
			raw, err := os.ReadFile(wantFile)
			require.NoError(t, err)
			var want []string
			for _, line := range strings.Split(string(raw), "\n") {
				if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
					want = append(want, line)
				}
			}
			out, _, _ := prdlint(t, "", "lint", "--format", "json", md)
			var got jsonOut
			require.NoError(t, json.Unmarshal([]byte(out), &got))
			var have []string
			for _, d := range got.Diagnostics {
				if d.Category == "how" || d.Category == "what" {
					have = append(have, fmt.Sprintf("%d:%d %s", d.Line, d.Column, d.Category))
				}
			}
			assert.Equal(t, want, have)
		})
	}
}

// TestVocabularyAdd shows a team's own system name, added under
// vocabulary.add, being judged as an implementation term.
func TestVocabularyAdd(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(dir, ".git"), 0o755))
	prd := filepath.Join(dir, "prd.md")
	require.NoError(t, os.WriteFile(prd, []byte("# Carts\n\nSaved carts will be stored in Zephyr.\n"), 0o644))
	lintJSON := func() jsonOut {
		out, _, _ := prdlint(t, "", "lint", "--format", "json", prd)
		var got jsonOut
		require.NoError(t, json.Unmarshal([]byte(out), &got))
		return got
	}
	before := lintJSON()
	require.NoError(t, os.WriteFile(filepath.Join(dir, ".prdlint.yaml"), []byte("vocabulary:\n  add: [Zephyr]\n"), 0o644))
	after := lintJSON()
	require.Len(t, after.Diagnostics, 1)
	assert.Contains(t, after.Diagnostics[0].Message, `"Zephyr"`)
	for _, d := range before.Diagnostics {
		assert.NotContains(t, d.Message, "Zephyr")
		assert.Greater(t, after.Diagnostics[0].Confidence, d.Confidence)
	}
}

// TestVocabularyKinds: a term given a kind ("data-model:ledger") is
// reported by that kind's rule; an unknown kind is a configuration error,
// and removing a term works with or without its kind.
func TestVocabularyKinds(t *testing.T) {
	newRepo(t, map[string]string{"prd.md": "# Payments\n\nWrite each payment to the ledger.\n"})
	ledger := func() []string {
		out, _, _ := prdlint(t, "", "lint", "--format", "json", "prd.md")
		var got jsonOut
		require.NoError(t, json.Unmarshal([]byte(out), &got))
		rules := []string{}
		for _, d := range got.Diagnostics {
			if strings.Contains(d.Message, `"ledger"`) {
				rules = append(rules, d.Rule)
			}
		}
		return rules
	}
	assert.Empty(t, ledger(), "not a term of its own")
	// A term added bare is weighed with the rest: here the schema words
	// make it a data-model finding.
	require.NoError(t, os.WriteFile("zephyr.md", []byte("# Orders\n\nZephyr stores each order as a row in a PostgreSQL table with a foreign key to the customers table.\n"), 0o644))
	require.NoError(t, os.WriteFile(".prdlint.yaml", []byte("vocabulary:\n  add: [Zephyr]\n"), 0o644))
	bare, _, _ := lintJSON(t, "zephyr.md")
	require.Len(t, bare, 1)
	assert.Equal(t, "how-data-model", strings.Fields(bare[0])[1])
	for _, kind := range []string{"data-model", "api-shape", "code", "infra", "architecture", "tech-choice"} {
		require.NoError(t, os.WriteFile(".prdlint.yaml", []byte("vocabulary:\n  add: [\""+kind+":ledger\"]\n"), 0o644))
		assert.Equal(t, []string{"how-" + kind}, ledger(), kind)
	}

	require.NoError(t, os.WriteFile(".prdlint.yaml", []byte("vocabulary:\n  add: [\"datamodel:ledger\"]\n"), 0o644))
	_, stderr, code := prdlint(t, "", "lint", "prd.md")
	assert.Equal(t, 2, code)
	assert.Equal(t, `.prdlint.yaml:2:9: vocabulary.add: unknown kind "datamodel" in "datamodel:ledger" (did you mean "data-model"?); kinds: tech-choice, architecture, data-model, api-shape, code, infra`+"\n", stderr)

	require.NoError(t, os.WriteFile(".prdlint.yaml", []byte("vocabulary:\n  add: [\"data-model:ledger\"]\n  remove: [\"code:ledger\"]\n"), 0o644))
	assert.Empty(t, ledger(), "removed whatever kind it is given")
}

// TestReadmeSamples keeps the README's sample output true: its JSON
// finding and its text excerpt are what prdlint prints for the example.
func TestReadmeSamples(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	require.NoError(t, err)
	md := string(readme)

	_, after, ok := strings.Cut(md, "### JSON output\n\n```json\n")
	require.True(t, ok)
	sample, _, ok := strings.Cut(after, "```")
	require.True(t, ok)
	var want map[string][]map[string]any
	require.NoError(t, json.Unmarshal([]byte(sample), &want))
	require.Len(t, want["diagnostics"], 1)
	w := want["diagnostics"][0]

	out, _, _ := prdlint(t, "", "lint", "--format", "json", filepath.Join("..", "..", "testdata", "prds", "checkout.md"))
	var got map[string][]map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	var match map[string]any
	for _, d := range got["diagnostics"] {
		if d["line"] == w["line"] && d["rule"] == w["rule"] {
			match = d
		}
	}
	require.NotNil(t, match, "the sample's finding is reported")
	match["path"] = w["path"] // the test runs from another directory
	assert.Equal(t, w, match)

	_, after, ok = strings.Cut(md, "$ prdlint lint testdata/prds/checkout.md\n")
	require.True(t, ok)
	text, _, _ := strings.Cut(after, "```")
	lines := strings.Split(strings.TrimSpace(text), "\n")
	t.Chdir(filepath.Join("..", ".."))
	out, _, _ = prdlint(t, "", "lint", "--no-color", "testdata/prds/checkout.md")
	for _, l := range lines {
		if l != "…" {
			assert.Contains(t, out, l+"\n")
		}
	}
}
