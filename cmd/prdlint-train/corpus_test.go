package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/prdlint/prdlint/rules/judge/training"
)

const corpusDoc = "# Checkout\n\n## Proposal\n\nThe cart service keeps\nitems in `cartStore`. Users pay once.\n"

func writeCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "sub"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "sub", "a.md"), []byte(corpusDoc), 0o644))
	return dir
}

func TestResolveCorpusLabels(t *testing.T) {
	dir := writeCorpus(t)
	first := "The cart service keeps items in `cartStore`."
	labels := "# comment\n\nsub/a.md\t5:1\t6:21\thow\tdata-model\t" + sentenceDigest(first) + "\n" +
		"sub/a.md\t6:23\t6:37\twhat\trequirement\t" + sentenceDigest("Users pay once.") + "\n"
	ls, err := parseCorpusLabels(strings.NewReader(labels), "l.tsv")
	require.NoError(t, err)
	exs, err := resolveCorpusLabels(ls, dir, "l.tsv")
	require.NoError(t, err)
	require.Len(t, exs, 2)
	assert.Equal(t, training.Example{ID: "sub/a.md:5:1", Text: first, Label: "how", Kind: "data-model", Doc: "corpus:sub/a.md", Section: "Proposal"}, exs[0])
	assert.Equal(t, "Users pay once.", exs[1].Text)
	assert.Equal(t, "what", exs[1].Label)
}

func TestCorpusLabelErrors(t *testing.T) {
	dir := writeCorpus(t)
	ok := sentenceDigest("Users pay once.")
	for _, tc := range []struct{ name, labels, want string }{
		{"fields", "sub/a.md\t6:23\t6:37\twhat\n", "l.tsv:1: want 6 tab-separated fields, got 4"},
		{"label", "sub/a.md\t6:23\t6:37\tmaybe\tgoal\t" + ok + "\n", `l.tsv:1: label "maybe": want how or what`},
		{"position", "sub/a.md\t6\t6:37\twhat\tgoal\t" + ok + "\n", `l.tsv:1: position "6": want line:column`},
		{"missing file", "sub/b.md\t6:23\t6:37\twhat\tgoal\t" + ok + "\n", "l.tsv:1: open "},
		{"no sentence", "sub/a.md\t6:22\t6:37\twhat\tgoal\t" + ok + "\n", "l.tsv:1: sub/a.md has no sentence at 6:22-6:37"},
		{"changed", "sub/a.md\t6:23\t6:37\twhat\tgoal\t000000000000\n", "l.tsv:1: sub/a.md:6:23: the sentence has changed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ls, err := parseCorpusLabels(strings.NewReader(tc.labels), "l.tsv")
			if err == nil {
				_, err = resolveCorpusLabels(ls, dir, "l.tsv")
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func TestExportCorpusExamples(t *testing.T) {
	dir := writeCorpus(t)
	tmp := t.TempDir()
	lp := filepath.Join(tmp, "l.tsv")
	require.NoError(t, os.WriteFile(lp, []byte("sub/a.md\t6:23\t6:37\twhat\trequirement\t"+sentenceDigest("Users pay once.")+"\n"), 0o644))
	hp := filepath.Join(tmp, "h.tsv")
	require.NoError(t, os.WriteFile(hp, []byte("sub/a.md\t5:1\t6:21\thow\tdata-model\t"+sentenceDigest("The cart service keeps items in `cartStore`.")+"\n"), 0o644))
	files, err := weightedFiles([]string{lp, hp + "=1"}, 0.5)
	require.NoError(t, err)
	p := filepath.Join(tmp, "out.jsonl")
	n, err := exportCorpusExamples(files, dir, p)
	require.NoError(t, err)
	assert.Equal(t, 2, n)
	b, err := os.ReadFile(p)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	require.Len(t, lines, 2)
	// the file without a weight takes -corpus-weight; weight 1 is left out
	assert.JSONEq(t, `{"id":"sub/a.md:6:23","text":"Users pay once.","label":"what","kind":"requirement","doc":"corpus:sub/a.md","section":"Proposal","weight":0.5}`, lines[0])
	assert.JSONEq(t, `{"id":"sub/a.md:5:1","text":"The cart service keeps items in `+"`cartStore`"+`.","label":"how","kind":"data-model","doc":"corpus:sub/a.md","section":"Proposal"}`, lines[1])
}

func TestWeightedFiles(t *testing.T) {
	got, err := weightedFiles([]string{"a.tsv", "b.tsv=0.25", "dir=x/c.tsv=2"}, 0.2)
	require.NoError(t, err)
	assert.Equal(t, []weightedFile{{"a.tsv", 0.2}, {"b.tsv", 0.25}, {"dir=x/c.tsv", 2}}, got)
	for _, bad := range []string{"a.tsv=", "a.tsv=0", "a.tsv=-1", "a.tsv=heavy"} {
		_, err := weightedFiles([]string{bad}, 1)
		assert.ErrorContains(t, err, "positive number", bad)
	}
}

func TestModuleFile(t *testing.T) {
	for _, tc := range []struct{ doc, mod, path string }{
		{"sigs.k8s.io/cluster-api@v1.14.2/docs/proposals/x.md", "sigs.k8s.io/cluster-api@v1.14.2", "docs/proposals/x.md"},
		{"example.com/m@v0.0.0-20240109093301-f31c91231698/rfd/0001.md", "example.com/m@v0.0.0-20240109093301-f31c91231698", "rfd/0001.md"},
		{"keps/sig-node/2400-node-swap/README.md", "", ""},
		{"example.com/m@v1.0.0", "", ""},
	} {
		mod, path, ok := moduleFile(tc.doc)
		assert.Equal(t, tc.mod != "", ok, tc.doc)
		assert.Equal(t, tc.mod, mod, tc.doc)
		assert.Equal(t, tc.path, path, tc.doc)
	}
}

// TestModuleLabels resolves labels of a document inside a module version
// from the directory `go mod download` reports, downloading each module
// once, and reports a module that cannot be downloaded by name.
func TestModuleLabels(t *testing.T) {
	dir := writeCorpus(t)
	calls := 0
	saved := moduleDirs
	t.Cleanup(func() { moduleDirs = saved })
	moduleDirs = &moduleCache{download: func(modVersion string) ([]byte, error) {
		calls++
		if modVersion == "example.com/m@v1.0.0" {
			return []byte(`{"Path": "example.com/m", "Version": "v1.0.0", "Dir": "` + filepath.ToSlash(dir) + `"}`), nil
		}
		return []byte(`{"Error": "not found"}`), nil
	}}
	labels := "example.com/m@v1.0.0/sub/a.md\t6:23\t6:37\twhat\trequirement\t" + sentenceDigest("Users pay once.") + "\n" +
		"example.com/m@v1.0.0/sub/a.md\t5:1\t6:21\thow\tdata-model\t" + sentenceDigest("The cart service keeps items in `cartStore`.") + "\n"
	ls, err := parseCorpusLabels(strings.NewReader(labels), "l.tsv")
	require.NoError(t, err)
	exs, err := resolveCorpusLabels(ls, "unused", "l.tsv")
	require.NoError(t, err)
	require.Len(t, exs, 2)
	assert.Equal(t, "Users pay once.", exs[0].Text)
	assert.Equal(t, "corpus:example.com/m@v1.0.0/sub/a.md", exs[0].Doc)
	assert.Equal(t, 1, calls, "one download per module version")

	ls, err = parseCorpusLabels(strings.NewReader("example.com/gone@v2.0.0/a.md\t1:1\t1:2\twhat\tgoal\t000000000000\n"), "l.tsv")
	require.NoError(t, err)
	_, err = resolveCorpusLabels(ls, "unused", "l.tsv")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "l.tsv:1: go mod download example.com/gone@v2.0.0: not found")
}

// TestShippedLabelFiles checks every labels file the repository ships: each
// parses, and the ones that name corpus files still find their sentences
// when the corpus is next to the repository, so a change to how prdlint
// cuts sentences cannot silently orphan training or held-out labels. The
// module-named files are checked when the module cache already holds
// their modules (the proxy is not asked; make train fetches them).
func TestShippedLabelFiles(t *testing.T) {
	paths, err := filepath.Glob("../../rules/judge/testdata/*.tsv")
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	corpus := "../../../shared/corpus"
	_, statErr := os.Stat(corpus)
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			ls, err := parseCorpusLabelsFile(p)
			require.NoError(t, err)
			require.NotEmpty(t, ls)
			if _, _, ok := moduleFile(ls[0].doc); ok {
				// Module files are checked when the module cache holds
				// them already (make train fetches them): a change to
				// sentence ends must not leave a label with no sentence.
				offline := &moduleCache{download: func(modVersion string) ([]byte, error) {
					cmd := exec.Command("go", "mod", "download", "-json", modVersion)
					cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod")
					return cmd.Output()
				}}
				saved := moduleDirs
				moduleDirs = offline
				defer func() { moduleDirs = saved }()
				for _, l := range ls {
					mod, _, _ := moduleFile(l.doc)
					if _, err := offline.dir(mod); err != nil {
						t.Skipf("module %s not in the module cache", mod)
					}
				}
			} else if statErr != nil {
				t.Skipf("no corpus at %s", corpus)
			}
			exs, err := resolveCorpusLabels(ls, corpus, p)
			require.NoError(t, err)
			assert.Len(t, exs, len(ls))
		})
	}
}
