package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseHunks(t *testing.T) {
	diff := []byte(`diff --git a/prd.md b/prd.md
index 1..2 100644
--- a/prd.md
+++ b/prd.md
@@ -3 +3 @@ # Goals
-old
+new
@@ -7,0 +8,2 @@
+added
+added
@@ -12,2 +13,0 @@
-deleted
-deleted
@@ -20,1 +20 @@
`)
	r := parseHunks(diff)
	assert.Equal(t, lineRanges{{3, 3}, {8, 9}, {20, 20}}, r, "a deletion changes no line of the new file")
	assert.True(t, r.any(1, 3))
	assert.True(t, r.any(9, 12))
	assert.False(t, r.any(4, 7))
	assert.False(t, r.any(10, 19))
}

func TestParseNameStatus(t *testing.T) {
	out := []byte("M\x00docs/prd.md\x00R100\x00docs/old name.md\x00docs/new name.md\x00A\x00new.md\x00D\x00gone.md\x00C075\x00a.md\x00b/a.md\x00T\x00link.md\x00")
	assert.Equal(t, map[string]string{
		"docs/prd.md":      "docs/prd.md",
		"docs/new name.md": "docs/old name.md",
		"new.md":           "",
		"b/a.md":           "a.md",
		"link.md":          "link.md",
	}, parseNameStatus(out))
	assert.Empty(t, parseNameStatus(nil))
}

// gitRepo makes a repository in a new directory, changes into it, and
// returns a function that runs git there.
func gitRepo(t *testing.T) func(args ...string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	t.Chdir(dir)
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"}, args...)...)
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "git %v: %s", args, out)
	}
	run("init", "-q", "-b", "main")
	return run
}

const (
	committedPRD = "# Goals\n\nWe will add a new column to the carts table.\n\nShoppers can pay as guests.\n"
	// The how-sentence on line 5 is new; the one on line 3 was committed.
	changedPRD = "# Goals\n\nWe will add a new column to the carts table.\n\nUse Kafka to stream cart changes to analytics.\n\nShoppers can pay as guests.\n"
)

func lintedLines(t *testing.T, stdin string, args ...string) ([]int, int) {
	t.Helper()
	out, stderr, code := prdlint(t, stdin, append([]string{"lint", "--format", "json"}, args...)...)
	require.Empty(t, stderr)
	var js jsonOut
	require.NoError(t, json.Unmarshal([]byte(out), &js))
	lines := []int{}
	for _, d := range js.Diagnostics {
		lines = append(lines, d.Line)
	}
	return lines, code
}

func TestNewFromRev(t *testing.T) {
	git := gitRepo(t)
	commitFiles(t, git, map[string]string{"docs/prd.md": committedPRD})

	lines, code := lintedLines(t, "", "--new-from-rev", "HEAD", "docs")
	assert.Empty(t, lines, "nothing changed since HEAD")
	assert.Equal(t, 0, code, "filtered findings do not fail the run")

	require.NoError(t, os.WriteFile("docs/prd.md", []byte(changedPRD), 0o644))
	lines, _ = lintedLines(t, "", "docs/prd.md")
	assert.Equal(t, []int{3, 5}, lines, "without the flag, every finding")
	lines, code = lintedLines(t, "", "--new-from-rev", "HEAD", "docs/prd.md")
	assert.Equal(t, []int{5}, lines, "only the sentence added since HEAD")
	assert.Equal(t, 1, code)

	// From a subdirectory, with the path relative to it.
	t.Chdir("docs")
	lines, _ = lintedLines(t, "", "--new-from-rev", "main", "prd.md")
	assert.Equal(t, []int{5}, lines)
	t.Chdir("..")

	// A file the revision does not have is new throughout.
	require.NoError(t, os.WriteFile("docs/new.md", []byte(committedPRD), 0o644))
	lines, _ = lintedLines(t, "", "--new-from-rev", "HEAD", "docs/new.md")
	assert.Equal(t, []int{3}, lines)

	// Standard input is compared with the revision's copy of its name.
	lines, _ = lintedLines(t, changedPRD, "--new-from-rev", "HEAD", "--stdin-filename", "docs/prd.md", "-")
	assert.Equal(t, []int{5}, lines)
	lines, _ = lintedLines(t, changedPRD, "--new-from-rev", "HEAD", "--stdin-filename", "docs/unsaved.md", "-")
	assert.Equal(t, []int{3, 5}, lines)

	// A sentence only re-wrapped over two lines is not new; one edited on
	// its second line is, reported where it starts.
	git("add", ".")
	git("commit", "-q", "-m", "second")
	wrapped := "# Goals\n\nWe will add a new column\nto the carts table.\n\nUse Kafka to stream cart changes to analytics.\n\nShoppers can pay as guests.\n"
	require.NoError(t, os.WriteFile("docs/prd.md", []byte(wrapped), 0o644))
	lines, _ = lintedLines(t, "", "--new-from-rev", "HEAD", "docs/prd.md")
	assert.Empty(t, lines)
	edited := strings.Replace(wrapped, "to the carts table.", "to the orders table.", 1)
	require.NoError(t, os.WriteFile("docs/prd.md", []byte(edited), 0o644))
	lines, _ = lintedLines(t, "", "--new-from-rev", "HEAD", "docs/prd.md")
	assert.Equal(t, []int{3}, lines)

	// A file name is not a pattern: "a[1].md" is unchanged even though a1.md,
	// which it would match as a glob, has changed.
	require.NoError(t, os.WriteFile("docs/prd.md", []byte(committedPRD), 0o644))
	require.NoError(t, os.WriteFile("a[1].md", []byte(changedPRD), 0o644))
	require.NoError(t, os.WriteFile("a1.md", []byte(committedPRD), 0o644))
	git("add", ".")
	git("commit", "-q", "-m", "third")
	require.NoError(t, os.WriteFile("a1.md", []byte(changedPRD), 0o644))
	lines, code = lintedLines(t, "", "--new-from-rev", "HEAD", "a[1].md")
	assert.Empty(t, lines)
	assert.Equal(t, 0, code)
}

// TestNewFromRevRenames: a file git sees as renamed is compared with its
// old name, so moving PRDs does not report their old findings again.
func TestNewFromRevRenames(t *testing.T) {
	git := gitRepo(t)
	commitFiles(t, git, map[string]string{"docs/old name.md": committedPRD})

	git("mv", "docs/old name.md", "docs/new name.md")
	git("commit", "-q", "-m", "rename")
	lines, code := lintedLines(t, "", "--new-from-rev", "HEAD~1", "docs")
	assert.Empty(t, lines, "a renamed file with the same content has nothing new")
	assert.Equal(t, 0, code)

	require.NoError(t, os.WriteFile("docs/new name.md", []byte(changedPRD), 0o644))
	t.Chdir("docs")
	lines, _ = lintedLines(t, "", "--new-from-rev", "HEAD~1", "new name.md")
	assert.Equal(t, []int{5}, lines, "only the sentence added since, numbered in the new file")
}

// TestNewFromRevKeepsFindingsTheChangeCausedElsewhere: a finding on a line
// the change did not touch is kept when the revision's copy of the file
// does not have it (a goal list that lost its only metric), and dropped
// when it does.
func TestNewFromRevKeepsFindingsTheChangeCausedElsewhere(t *testing.T) {
	git := gitRepo(t)
	measured := "# Checkout\n\n## Goals\n\n- Make checkout easier for guests.\n- Cut guest checkout abandonment from 18% to 9% by Q3.\n\n## Notes\n\nShoppers can pay as guests.\n"
	commitFiles(t, git, map[string]string{"prd.md": measured})

	unmeasured := "# Checkout\n\n## Goals\n\n- Make checkout easier for guests.\n- Improve conversion.\n\n## Notes\n\nShoppers can pay as guests.\n"
	require.NoError(t, os.WriteFile("prd.md", []byte(unmeasured), 0o644))
	all, _ := lintedLines(t, "", "prd.md")
	require.Equal(t, []int{3}, all, "what-goals-unmeasured at the Goals heading")
	lines, code := lintedLines(t, "", "--new-from-rev", "HEAD", "prd.md")
	assert.Equal(t, []int{3}, lines, "the heading did not change, but the change caused the finding")
	assert.Equal(t, 1, code)

	git("commit", "-q", "-am", "second")
	edited := strings.Replace(unmeasured, "Shoppers can pay as guests.", "Shoppers can pay as guests or members.", 1)
	require.NoError(t, os.WriteFile("prd.md", []byte(edited), 0o644))
	lines, code = lintedLines(t, "", "--new-from-rev", "HEAD", "prd.md")
	assert.Empty(t, lines, "the revision had the same finding: an edit elsewhere does not report it")
	assert.Equal(t, 0, code)
}

// TestNewFromRevBinaryAttribute: a repository that marks Markdown as
// binary for diffs ("*.md -diff") still gets line numbers.
func TestNewFromRevBinaryAttribute(t *testing.T) {
	git := gitRepo(t)
	commitFiles(t, git, map[string]string{".gitattributes": "*.md -diff\n", "prd.md": committedPRD})
	require.NoError(t, os.WriteFile("prd.md", []byte(changedPRD), 0o644))
	lines, _ := lintedLines(t, "", "--new-from-rev", "HEAD", "prd.md")
	assert.Equal(t, []int{5}, lines)
}

func TestNewFromRevErrors(t *testing.T) {
	git := gitRepo(t)
	commitFiles(t, git, map[string]string{"prd.md": committedPRD})

	out, stderr, code := prdlint(t, "", "lint", "--new-from-rev", "no-such-branch", "prd.md")
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.Equal(t, "prdlint: --new-from-rev: unknown revision \"no-such-branch\"\n", stderr)

	out, stderr, code = prdlint(t, "", "lint", "--new-from-rev", "--output=x", "prd.md")
	assert.Equal(t, 2, code, "an option is not a revision")
	assert.Empty(t, out)
	assert.Contains(t, stderr, "unknown revision")

	require.NoError(t, os.RemoveAll(".git"))
	out, stderr, code = prdlint(t, "", "lint", "--new-from-rev", "HEAD", "prd.md")
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.Equal(t, "prdlint: --new-from-rev: not in a git repository\n", stderr)
}

// commitFiles writes files (path → content), commits them and returns.
func commitFiles(t *testing.T, git func(...string), files map[string]string) {
	t.Helper()
	for p, content := range files {
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	git("add", "-A")
	git("commit", "-q", "-m", "files")
}

// TestNewFromRevComparesWithTheOldCopy: what --new-from-rev keeps is what
// the revision's copy of the file lacks, however lines moved.
func TestNewFromRevComparesWithTheOldCopy(t *testing.T) {
	const redis = "We will store carts in a Redis cluster."
	t.Run("a severity that went up is new", func(t *testing.T) {
		git := gitRepo(t)
		commitFiles(t, git, map[string]string{
			".prdlint.yaml": "design-sections:\n  mode: info\n",
			"prd.md":        "# Carts\n\n## Implementation\n\n" + redis + "\n",
		})
		require.NoError(t, os.WriteFile("prd.md", []byte("# Carts\n\n## Requirements\n\n"+redis+"\n"), 0o644))
		lines, code := lintedLines(t, "", "--new-from-rev", "HEAD", "prd.md")
		assert.Equal(t, []int{5}, lines, "an info finding became a warning")
		assert.Equal(t, 1, code)
	})
	t.Run("of two identical sentences, the one the change made a finding", func(t *testing.T) {
		git := gitRepo(t)
		before := "# Carts\n\n## Implementation\n\n" + redis + "\n\n## Requirements\n\n" + redis + "\n"
		commitFiles(t, git, map[string]string{"prd.md": before})
		after := strings.Replace(before, "## Implementation", "## Scope", 1)
		require.NoError(t, os.WriteFile("prd.md", []byte(after), 0o644))
		all, _ := lintedLines(t, "", "prd.md")
		require.Equal(t, []int{5, 9}, all)
		lines, _ := lintedLines(t, "", "--new-from-rev", "HEAD", "prd.md")
		assert.Equal(t, []int{5}, lines)
	})
	t.Run("editing the title does not report the document's gaps again", func(t *testing.T) {
		src, err := os.ReadFile(filepath.Join(repoRoot(t), "testdata", "structure", "loyalty-points.md"))
		require.NoError(t, err)
		git := gitRepo(t)
		commitFiles(t, git, map[string]string{"prd.md": string(src)})
		retitled := strings.Replace(string(src), "# ", "# Draft: ", 1)
		require.NoError(t, os.WriteFile("prd.md", []byte(retitled), 0o644))
		lines, code := lintedLines(t, "", "--new-from-rev", "HEAD", "prd.md")
		assert.Empty(t, lines)
		assert.Equal(t, 0, code)
	})
	t.Run("an old copy that cannot be linted: findings on changed lines", func(t *testing.T) {
		git := gitRepo(t)
		commitFiles(t, git, map[string]string{"prd.md": "# Carts\n\n" + redis + "\n\nBad \xff byte.\n"})
		require.NoError(t, os.WriteFile("prd.md", []byte("# Carts\n\n"+redis+"\n\nBad byte. Use Kafka to stream cart changes to analytics.\n"), 0o644))
		lines, _ := lintedLines(t, "", "--new-from-rev", "HEAD", "prd.md")
		assert.Equal(t, []int{5}, lines)
	})
}

// TestNewFromRevPaths: files are named to git by their real path, from
// the repository's top, whatever the working directory or links.
func TestNewFromRevPaths(t *testing.T) {
	git := gitRepo(t)
	commitFiles(t, git, map[string]string{"docs/real.md": committedPRD})
	require.NoError(t, os.Symlink("real.md", filepath.Join("docs", "link.md")))
	git("add", "-A")
	git("commit", "-q", "-m", "link")
	require.NoError(t, os.WriteFile("docs/real.md", []byte(changedPRD), 0o644))

	lines, _ := lintedLines(t, "", "--new-from-rev", "HEAD", "docs/link.md")
	assert.Equal(t, []int{5}, lines, "a link is compared as the file it names")

	top, err := os.Getwd()
	require.NoError(t, err)
	linkedTop := filepath.Join(t.TempDir(), "linked")
	require.NoError(t, os.Symlink(top, linkedTop))
	t.Chdir(filepath.Join(linkedTop, "docs"))
	lines, _ = lintedLines(t, "", "--new-from-rev", "HEAD", "real.md")
	assert.Equal(t, []int{5}, lines, "from a linked working directory")

	git("config", "diff.relative", "true")
	git("mv", "real.md", "renamed.md")
	lines, _ = lintedLines(t, "", "--new-from-rev", "HEAD", "renamed.md")
	assert.Equal(t, []int{5}, lines, "a rename is followed whatever diff.relative says")

	outside := filepath.Join(t.TempDir(), "outside.md")
	require.NoError(t, os.WriteFile(outside, []byte(changedPRD), 0o644))
	_, stderr, code := prdlint(t, "", "lint", "--new-from-rev", "HEAD", outside)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "--new-from-rev: outside the repository at ")
}
