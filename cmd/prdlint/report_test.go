package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/prdlint/prdlint/lint"
	"golang.org/x/net/html"
)

func parseHTMLFile(t *testing.T, path string) *html.Node {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	root, err := html.Parse(f)
	require.NoError(t, err)
	return root
}

func walkHTML(n *html.Node, visit func(*html.Node)) {
	visit(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkHTML(c, visit)
	}
}

func htmlAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// highlightText returns, per finding id, the text of its highlights.
func highlightText(root *html.Node) map[int]string {
	out := map[int]string{}
	walkHTML(root, func(n *html.Node) {
		if n.Type != html.ElementNode || n.Data != "mark" {
			return
		}
		id, err := strconv.Atoi(htmlAttr(n, "data-finding"))
		if err != nil {
			return
		}
		walkHTML(n, func(t *html.Node) {
			if t.Type == html.TextNode {
				out[id] += t.Data
			}
		})
	})
	return out
}

// TestReportMatchesLint renders the report for the example PRDs and checks
// that each finding of lint's JSON output is highlighted at its sentence.
func TestReportMatchesLint(t *testing.T) {
	t.Chdir(repoRoot(t))
	files := []string{"testdata/prds/checkout.md", "testdata/report/saved-carts.md"}
	out := filepath.Join(t.TempDir(), "report.html")

	stdout, stderr, code := prdlint(t, "", append([]string{"report", "--output", out}, files...)...)
	assert.Equal(t, 0, code, stderr)
	assert.Equal(t, out+"\n", stdout, "prints the path written")
	assert.Empty(t, stderr)

	lintJSON, _, _ := prdlint(t, "", append([]string{"lint", "--format", "json"}, files...)...)
	var got jsonOut
	require.NoError(t, json.Unmarshal([]byte(lintJSON), &got))
	require.NotEmpty(t, got.Diagnostics)

	marks := highlightText(parseHTMLFile(t, out))
	placed := 0
	for i, d := range got.Diagnostics {
		if d.Category == "structure" {
			continue
		}
		placed++
		text, ok := marks[i+1]
		require.True(t, ok, "finding %d (%s:%d) is highlighted", i+1, d.Path, d.Line)
		assert.Equal(t, strings.Join(strings.Fields(d.Sentence), " "), strings.Join(strings.Fields(text), " "), "finding %d", i+1)
	}
	assert.Len(t, marks, placed, "no highlight without a finding")
}

func TestReportOutputFile(t *testing.T) {
	dir := t.TempDir()
	prd := filepath.Join(dir, "prd.md")
	src := "# Goals\n\nWe will add a new column to the carts table.\n"
	require.NoError(t, os.WriteFile(prd, []byte(src), 0o644))
	t.Chdir(dir)

	stdout, _, code := prdlint(t, "", "report", "prd.md")
	assert.Equal(t, 0, code, "findings do not fail a report")
	assert.Equal(t, defaultReportPath+"\n", stdout)
	first, err := os.ReadFile(defaultReportPath)
	require.NoError(t, err)

	_, stderr, code := prdlint(t, "", "report", "prd.md")
	assert.Equal(t, 0, code, "a second run replaces its own earlier page: %s", stderr)
	again, err := os.ReadFile(defaultReportPath)
	require.NoError(t, err)
	assert.Equal(t, string(first), string(again), "the same input gives the same page")

	foreign := []byte("<!DOCTYPE html>\n<title>someone's page</title>\n")
	require.NoError(t, os.WriteFile(defaultReportPath, foreign, 0o644))
	_, stderr, code = prdlint(t, "", "report", "prd.md")
	assert.Equal(t, 2, code)
	assert.Equal(t, "prdlint: "+defaultReportPath+": file exists (use --force to overwrite)\n", stderr)
	kept, err := os.ReadFile(defaultReportPath)
	require.NoError(t, err)
	assert.Equal(t, foreign, kept, "a page prdlint did not write is kept")

	_, _, code = prdlint(t, "", "report", "--force", "prd.md")
	assert.Equal(t, 0, code)
	again, err = os.ReadFile(defaultReportPath)
	require.NoError(t, err)
	assert.Equal(t, string(first), string(again))

	_, stderr, code = prdlint(t, "", "report", "--force", "--output", "prd.md", "prd.md")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "is one of the files being linted; choose another --output")
	kept, err = os.ReadFile(prd)
	require.NoError(t, err)
	assert.Equal(t, src, string(kept), "a linted file is never overwritten")

	stdout, _, code = prdlint(t, "", "report", "--output", "-", "prd.md")
	assert.Equal(t, 0, code)
	assert.Equal(t, string(first), stdout, "--output - writes the page to stdout")

	_, stderr, code = prdlint(t, "", "report", "--output", "x.html", "missing.md")
	assert.Equal(t, 2, code)
	assert.Equal(t, "prdlint: missing.md: no such file or directory\n", stderr)
	_, err = os.Stat("x.html")
	assert.True(t, os.IsNotExist(err), "nothing to show, nothing written")

	stdout, stderr, code = prdlint(t, "", "report", "--output", "y.html", "prd.md", "missing.md")
	assert.Equal(t, 2, code, "a file that cannot be read is an error")
	assert.Contains(t, stderr, "missing.md: no such file or directory")
	assert.Equal(t, "y.html\n", stdout, "the page is still written for the others")

	_, stderr, code = prdlint(t, "", "report", "--min-confidence", "2", "prd.md")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "--min-confidence")
}

// TestReportHostileInputIsInert runs the command on a PRD full of HTML
// and script and checks the page carries none of it.
// TestReportErrors: a report with nothing to show says why on one line,
// and a broken configuration is reported once, however many files it
// configures.
func TestReportErrors(t *testing.T) {
	newRepo(t, map[string]string{
		"empty/notes.txt":    "not Markdown\n",
		"docs/.prdlint.yaml": "rules:\n  how-nope: off\n",
		"docs/a.md":          howSentence + "\n",
		"docs/b.md":          howSentence + "\n",
	})
	_, stderr, code := prdlint(t, "", "report", "empty")
	assert.Equal(t, 2, code)
	assert.Equal(t, "prdlint: empty: "+lint.ErrNoMarkdown.Error()+"\n", stderr)
	assert.NoFileExists(t, defaultReportPath)

	_, stderr, code = prdlint(t, "", "report", "docs")
	assert.Equal(t, 2, code)
	assert.Equal(t, 1, strings.Count(stderr, "\n"), "one line for the broken file: %q", stderr)
	assert.Contains(t, stderr, "docs/.prdlint.yaml:2:3: unknown rule")
}

func TestReportHostileInputIsInert(t *testing.T) {
	t.Chdir(repoRoot(t))
	out := filepath.Join(t.TempDir(), "hostile.html")
	_, stderr, code := prdlint(t, "", "report", "--output", out, "testdata/report/hostile.md")
	require.Equal(t, 0, code, stderr)
	scripts := 0
	walkHTML(parseHTMLFile(t, out), func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch n.Data {
		case "script":
			scripts++
			assert.Empty(t, htmlAttr(n, "src"))
		case "img", "iframe", "link", "object", "embed":
			t.Errorf("<%s> in the page", n.Data)
		}
		for _, a := range n.Attr {
			assert.False(t, strings.HasPrefix(a.Key, "on"), "<%s %s=%q>", n.Data, a.Key, a.Val)
			if a.Key == "href" {
				assert.NotContains(t, strings.ToLower(a.Val), "javascript:")
			}
		}
	})
	assert.Equal(t, 1, scripts, "only the page's own script")
}

// pageFigures is what the report's summary says about one document: its
// overall count and one "section how/sentences" entry per section bar.
type pageFigures struct {
	Sentences, How int
	Sections       []string
}

// reportFigures reads the summary figures of each document on the page.
func reportFigures(t *testing.T, root *html.Node) []pageFigures {
	t.Helper()
	var out []pageFigures
	walkHTML(root, func(n *html.Node) {
		if n.Type != html.ElementNode || n.Data != "article" {
			return
		}
		var f pageFigures
		walkHTML(n, func(c *html.Node) {
			if c.Type != html.ElementNode {
				return
			}
			switch htmlAttr(c, "class") {
			case "overall":
				var text strings.Builder
				walkHTML(c, func(t *html.Node) {
					if t.Type == html.TextNode {
						text.WriteString(t.Data)
					}
				})
				fields := strings.Fields(text.String())
				require.GreaterOrEqual(t, len(fields), 3, "%q", text.String())
				var err error
				f.How, err = strconv.Atoi(fields[0])
				require.NoError(t, err)
				f.Sentences, err = strconv.Atoi(fields[2])
				require.NoError(t, err)
			case "bar":
				label := htmlAttr(c, "aria-label")
				title := label[:max(0, strings.LastIndex(label, ": "))]
				if title == "(before the first heading)" {
					title = ""
				}
				f.Sections = append(f.Sections, title+" "+htmlAttr(c, "data-how")+"/"+htmlAttr(c, "data-sentences"))
			}
		})
		out = append(out, f)
	})
	return out
}

// TestReportFiguresMatchStats: the report's how-share of each document
// and of each section is the one `lint --stats` prints for it (prose
// sentences, headings excluded).
func TestReportFiguresMatchStats(t *testing.T) {
	t.Chdir(repoRoot(t))
	var files []string
	for _, pattern := range []string{"testdata/prds/*.md", "testdata/report/*.md", "testdata/structure/*.md"} {
		m, err := filepath.Glob(pattern)
		require.NoError(t, err)
		files = append(files, m...)
	}
	require.NotEmpty(t, files)
	for _, file := range files {
		t.Run(file, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "report.html")
			_, stderr, code := prdlint(t, "", "report", "--output", out, file)
			require.Equal(t, 0, code, stderr)

			statsJSON, stderr, code := prdlint(t, "", "lint", "--format", "json", "--stats", file)
			require.Contains(t, []int{0, 1}, code, stderr)
			var got struct {
				Stats struct {
					Files []struct {
						Sentences   int `json:"sentences"`
						HowFindings int `json:"howFindings"`
						Sections    []struct {
							Section     string `json:"section"`
							Sentences   int    `json:"sentences"`
							HowFindings int    `json:"howFindings"`
						} `json:"sections"`
					} `json:"files"`
				} `json:"stats"`
			}
			require.NoError(t, json.Unmarshal([]byte(statsJSON), &got))
			require.Len(t, got.Stats.Files, 1)
			st := got.Stats.Files[0]
			want := pageFigures{Sentences: st.Sentences, How: st.HowFindings}
			for _, s := range st.Sections {
				want.Sections = append(want.Sections, s.Section+" "+strconv.Itoa(s.HowFindings)+"/"+strconv.Itoa(s.Sentences))
			}

			figures := reportFigures(t, parseHTMLFile(t, out))
			require.Len(t, figures, 1)
			assert.Equal(t, want, figures[0])
		})
	}
}
