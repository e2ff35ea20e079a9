package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// prescription is a sentence every rule set flags: each input that is
// linted carries it, so its finding proves the file was read.
const prescription = "We will add a new column to the carts table."

type robustJSON struct {
	Diagnostics []struct {
		Path         string
		Line, Column int
		Rule         string
	}
	Errors []struct{ Path, Message string }
}

// snapshot records every file's content hash, mode and modification time
// under dir.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || !info.Mode().IsRegular() {
			return nil
		}
		f, err := os.Open(p)
		if err != nil {
			files[p] = "unreadable " + info.ModTime().String()
			return nil
		}
		defer f.Close()
		h := sha256.New()
		_, _ = f.WriteTo(h)
		files[p] = fmt.Sprintf("%x %s %v", h.Sum(nil), info.ModTime().Format(time.RFC3339Nano), info.Mode())
		return nil
	})
	require.NoError(t, err)
	return files
}

// badInput is one hostile or broken input and what prdlint must do with it.
type badInput struct {
	name string
	// write creates the input in dir and returns the path to name on the
	// command line.
	write func(t *testing.T, dir string) string
	// reason, when set, is the start of the error expected on stderr
	// (exit 2); when empty the input is linted.
	reason string
	// line is where the prescription's finding is expected in a linted
	// input; 0 means no finding.
	line int
	// slow inputs exercise the parser's worst cases; the race detector
	// slows those past the parse-time bound.
	slow bool
	// args are extra flags.
	args []string
}

func writeFile(name string, content []byte) func(*testing.T, string) string {
	return func(t *testing.T, dir string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, content, 0o644))
		return p
	}
}

func badInputs() []badInput {
	pngHeader := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")
	var deepList strings.Builder
	for i := range 3000 {
		deepList.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	deepList.WriteString("\n" + prescription + "\n")
	var deepQuotes strings.Builder
	for i := 1; i <= 3000; i++ {
		deepQuotes.WriteString(strings.Repeat(">", i) + " quoted\n")
	}
	deepQuotes.WriteString("\n" + prescription + "\n")
	var oneMBLine strings.Builder
	for oneMBLine.Len() < 1<<20 {
		oneMBLine.WriteString("Shoppers can pay as guests. " + prescription + " ")
	}
	codeLines := func(size int) []byte { return bytes.Repeat([]byte("    log line\n"), size/13) }
	return []badInput{
		{name: "binary file", write: writeFile("logo.md", pngHeader), reason: "binary file (contains a NUL byte), not Markdown"},
		{name: "NUL byte in text", write: writeFile("nul.md", []byte("# Goals\n\nShoppers\x00 can pay.\n")), reason: "binary file (contains a NUL byte), not Markdown"},
		{name: "invalid UTF-8", write: writeFile("latin1.md", []byte("# Goals\n\nCaf\xe9 owners can pay.\n")), reason: "invalid UTF-8 at line 3, column 4"},
		{name: "byte-order mark", write: writeFile("bom.md", []byte("\xEF\xBB\xBF# Goals\n\n"+prescription+"\n")), line: 3},
		{name: "CR-only line endings", write: writeFile("cr.md", []byte("# Goals\r\rShoppers can pay as guests.\r\r"+prescription+"\r")), line: 5},
		{name: "mixed line endings", write: writeFile("mixed.md", []byte("# Goals\r\n\nShoppers can pay as guests.\r\r\n"+prescription+"\n")), line: 5},
		{name: "empty file", write: writeFile("empty.md", nil)},
		{name: "only front matter", write: writeFile("meta.md", []byte("---\ntitle: Use Kafka to stream cart changes.\nowner: pm\n---\n"))},
		{name: "broken front matter", write: writeFile("badmeta.md", []byte("---\ntitle: [unclosed\n---\n\n"+prescription+"\n")), reason: "front matter: "},
		{name: "10,000-deep block quotes", write: writeFile("quotes.md", []byte(strings.Repeat(">", 10000)+" "+prescription+"\n")), line: 1, slow: true},
		{name: "3,000 block quotes one deeper per line", write: writeFile("quotes-lines.md", []byte(deepQuotes.String())), line: 3002, slow: true},
		{name: "3,000-deep list", write: writeFile("list.md", []byte(deepList.String())), line: 3002, slow: true},
		{name: "3,000 list markers on one line", write: writeFile("list-line.md", []byte(strings.Repeat("- ", 3000)+prescription+"\n")), line: 1, slow: true},
		{name: "1 MB single line", write: writeFile("line.md", []byte(oneMBLine.String())), line: 1, slow: true},
		{name: "80 MB file", write: func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "huge.md")
			mib := bytes.Repeat([]byte("Shoppers can pay as guests.\n\n"), 1<<20/29+1)[:1<<20]
			require.NoError(t, os.WriteFile(p, bytes.Repeat(mib, 80), 0o644))
			return p
		}, reason: "file is 80.0 MiB, over the 16.0 MiB limit (raise it with --max-file-size)"},
		{name: "over the default size limit", write: writeFile("big.md", codeLines(17<<20)), reason: "file is 17.0 MiB, over the 16.0 MiB limit"},
		{name: "raised size limit", write: writeFile("big.md", append([]byte(prescription+"\n\n"), codeLines(17<<20)...)),
			args: []string{"--max-file-size", "20000000"}, line: 1},
		{name: "missing path", write: func(_ *testing.T, dir string) string { return filepath.Join(dir, "missing.md") }, reason: "no such file or directory"},
		{name: "file used as a directory", write: func(t *testing.T, dir string) string {
			writeFile("plain.md", []byte("Text.\n"))(t, dir)
			return filepath.Join(dir, "plain.md", "child.md")
		}, reason: "not a directory"},
		{name: "symlink loop named", write: func(t *testing.T, dir string) string {
			require.NoError(t, os.Symlink("loop-b.md", filepath.Join(dir, "loop-a.md")))
			require.NoError(t, os.Symlink("loop-a.md", filepath.Join(dir, "loop-b.md")))
			return filepath.Join(dir, "loop-a.md")
		}, reason: "too many levels of symbolic links"},
		{name: "directory symlink loop walked", write: func(t *testing.T, dir string) string {
			tree := filepath.Join(dir, "tree")
			require.NoError(t, os.MkdirAll(filepath.Join(tree, "sub"), 0o755))
			require.NoError(t, os.Symlink("..", filepath.Join(tree, "sub", "up")))
			require.NoError(t, os.WriteFile(filepath.Join(tree, "sub", "prd.md"), []byte(prescription+"\n"), 0o644))
			return tree
		}, line: 1},
		{name: "non-Markdown file named", write: writeFile("notes.txt", []byte("# Notes\n\n"+prescription+"\n")), line: 3},
	}
}

// TestBadInput runs each bad input beside a good file: the bad one is
// linted or named on stderr with its reason (exit 2), the good one is
// always linted, and no input changes.
func TestBadInput(t *testing.T) {
	for _, tc := range badInputs() {
		t.Run(tc.name, func(t *testing.T) {
			if tc.slow && raceEnabled {
				t.Skip("parse-time bound: checked without the race detector, which slows the parser many times over")
			}
			dir := t.TempDir()
			good := filepath.Join(dir, "good.md")
			require.NoError(t, os.WriteFile(good, []byte("# Goals\n\n"+prescription+"\n"), 0o644))
			bad := tc.write(t, dir)
			before := snapshot(t, dir)

			args := append(append([]string{"lint", "--format", "json"}, tc.args...), bad, good)
			out, stderr, code := prdlint(t, "", args...)

			var got robustJSON
			require.NoError(t, json.Unmarshal([]byte(out), &got), "stdout: %.500s", out)
			lines := map[string][]int{}
			for _, d := range got.Diagnostics {
				lines[d.Path] = append(lines[d.Path], d.Line)
			}
			assert.Equal(t, []int{3}, lines[good], "the good file is linted")
			if tc.reason != "" {
				assert.Equal(t, 2, code)
				require.Equal(t, 1, strings.Count(stderr, "\n"), "one line on stderr: %q", stderr)
				assert.True(t, strings.HasPrefix(stderr, "prdlint: "+bad+": "+tc.reason), "stderr %q names %s and %q", stderr, bad, tc.reason)
				if !strings.HasPrefix(tc.reason, "front matter") {
					assert.Empty(t, lines[bad], "nothing is reported for a file that could not be linted")
				}
			} else {
				assert.Empty(t, stderr)
				assert.Equal(t, 1, code, "the prescriptions fail the run")
				if tc.line > 0 {
					found := false
					for p, ls := range lines {
						if p != good && strings.HasPrefix(p, bad) {
							found = found || slices.Contains(ls, tc.line)
						}
					}
					assert.True(t, found, "a finding at line %d of %s; got %v", tc.line, bad, lines)
				} else {
					assert.Len(t, lines, 1, "only the good file has findings")
				}
			}
			assert.Equal(t, before, snapshot(t, dir), "inputs are unchanged")
		})
	}
}

// TestBrokenLinkInWalk: a link named like a Markdown file that leads
// nowhere (dangling, or a loop), met by a directory walk or a pattern, is
// an error naming it, as the same link named on the command line is; the
// other files are still linted.
func TestBrokenLinkInWalk(t *testing.T) {
	newRepo(t, map[string]string{"docs/ok.md": howSentence + "\n"})
	require.NoError(t, os.Symlink("missing.md", filepath.Join("docs", "gone.md")))
	require.NoError(t, os.Symlink("loop-b.md", filepath.Join("docs", "loop-a.md")))
	require.NoError(t, os.Symlink("loop-a.md", filepath.Join("docs", "loop-b.md")))
	require.NoError(t, os.Symlink("ok.md", filepath.Join("docs", "alias.md")))
	want := strings.Join([]string{
		"prdlint: " + filepath.Join("docs", "gone.md") + ": broken symbolic link: no such file or directory",
		"prdlint: " + filepath.Join("docs", "loop-a.md") + ": broken symbolic link: too many levels of symbolic links",
		"prdlint: " + filepath.Join("docs", "loop-b.md") + ": broken symbolic link: too many levels of symbolic links",
	}, "\n") + "\n"
	for _, arg := range []string{"docs", "docs/*.md"} {
		found, stderr, code := lintJSON(t, arg)
		assert.Equal(t, 2, code, arg)
		assert.Equal(t, want, stderr, arg)
		assert.Len(t, found, 1, "%s: ok.md is linted, once: %v", arg, found)
	}
}

// TestBrokenLinkInIgnoredFolder: a dangling link in a folder the
// configuration ignores is no error, in a walk or a pattern.
func TestBrokenLinkInIgnoredFolder(t *testing.T) {
	newRepo(t, map[string]string{
		"docs/ok.md":          howSentence + "\n",
		".prdlint.yaml":       "ignore: [\"docs/drafts/**\"]\n",
		"docs/drafts/keep.md": howSentence + "\n",
	})
	require.NoError(t, os.Symlink("missing.md", filepath.Join("docs", "drafts", "gone.md")))
	for _, arg := range []string{"docs", "docs/**/*.md"} {
		found, stderr, code := lintJSON(t, arg)
		assert.Empty(t, stderr, arg)
		assert.Equal(t, 1, code, arg)
		assert.Len(t, found, 1, arg)
	}
}

// TestErrorLineWithNewlineInName: a file name holding a newline does not
// split its error over two lines of stderr.
func TestErrorLineWithNewlineInName(t *testing.T) {
	newRepo(t, map[string]string{"bin\nary.md": "a\x00b\n", "ok.md": howSentence + "\n"})
	_, stderr, code := prdlint(t, "", "lint", ".")
	assert.Equal(t, 2, code)
	assert.Equal(t, "prdlint: bin\u240aary.md: binary file (contains a NUL byte), not Markdown\n", stderr)
}

// TestFileNamedTwoWaysIsLintedOnce: "a.md", "./a.md" and a directory walk
// reaching a file also named on the command line are one file.
func TestFileNamedTwoWaysIsLintedOnce(t *testing.T) {
	newRepo(t, map[string]string{
		"a.md":      howSentence + "\n",
		"docs/b.md": howSentence + "\n",
	})
	found, _, code := lintJSON(t, "a.md", "./a.md", "./docs/b.md", "docs", "docs/../docs/b.md")
	assert.Equal(t, 1, code)
	require.Len(t, found, 2, "%v", found)
	joined := strings.Join(found, "\n")
	assert.Regexp(t, `(?m)^a\.md:1 `, joined)
	assert.Regexp(t, `(?m)^\./docs/b\.md:1 `, joined, "under the first spelling met")
}

// TestBrokenFrontMatterSummary: a file whose front matter does not decode
// is still linted, and the summary counts it so, beside the error.
func TestBrokenFrontMatterSummary(t *testing.T) {
	newRepo(t, map[string]string{
		"badmeta.md": "---\ntitle: [unclosed\n---\n\n" + prescription + "\n",
		"good.md":    "# Goals\n\n" + prescription + "\n",
	})
	out, stderr, code := prdlint(t, "", "lint", "--no-color", "badmeta.md", "good.md", "missing.md")
	assert.Equal(t, 2, code)
	assert.Equal(t, 2, strings.Count(stderr, "\n"), "%q", stderr)
	assert.True(t, strings.HasSuffix(out, "\n2 files, 2 findings: 0 errors, 2 warnings, 0 infos; 1 file linted despite an error; 1 file not linted\n"), "%s", out)
}

// TestSymlinkedDirectoryNamed: a link to a directory, named on the command
// line with or without a trailing slash, is linted as that directory.
func TestSymlinkedDirectoryNamed(t *testing.T) {
	newRepo(t, map[string]string{"realdocs/a.md": howSentence + "\n"})
	require.NoError(t, os.Symlink("realdocs", "docs"))
	for _, arg := range []string{"docs", "docs/"} {
		found, _, code := lintJSON(t, arg)
		assert.Equal(t, []string{"docs/a.md:1 " + strings.Fields(first(t, "realdocs/a.md"))[1]}, found, arg)
		assert.Equal(t, 1, code, arg)
	}
	found, _, _ := lintJSON(t, "realdocs", "docs")
	assert.Len(t, found, 1, "the file behind the link is linted once: %v", found)
}

// TestSameFileTwoSpellings: a file named relative to two directories is
// one file; "link/../a.md" is the a.md beside the link's target, another
// file.
func TestSameFileTwoSpellings(t *testing.T) {
	newRepo(t, map[string]string{"docs/a.md": howSentence + "\n", "other/sub/x.md": "x\n", "other/a.md": howSentence + "\n"})
	require.NoError(t, os.Symlink(filepath.Join("..", "other", "sub"), filepath.Join("docs", "linkdir")))
	t.Chdir("docs")
	found, _, _ := lintJSON(t, "a.md", "../docs/a.md")
	assert.Len(t, found, 1, "%v", found)
	found, _, _ = lintJSON(t, "a.md", "linkdir/../a.md")
	assert.Len(t, found, 2, "two files: %v", found)
}
