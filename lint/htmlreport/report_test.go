package htmlreport

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/prdlint/prdlint/lint"
)

// sentenceRule reports every sentence containing word, as rule id.
func sentenceRule(id string, cat lint.Category, word string) *lint.Rule {
	return &lint.Rule{
		ID: id, Category: cat, Severity: lint.SeverityWarning, Summary: "flags " + word,
		Run: func(p *lint.Pass) {
			for _, s := range p.Doc.Sentences() {
				if i := strings.Index(s.Text, word); i >= 0 {
					p.ReportSentence(s, lint.Finding{Message: "Says " + word + ". Why?", Hint: "Why?", Mark: []int{i, i + len(word)}})
				}
			}
		},
	}
}

// missingRule reports, at the title, that the document lacks heading.
func missingRule(id, heading string) *lint.Rule {
	return &lint.Rule{
		ID: id, Category: lint.CategoryStructure, Severity: lint.SeverityWarning,
		Run: func(p *lint.Pass) {
			for _, s := range p.Doc.Sections {
				if s.Title == heading {
					return
				}
			}
			title, line := p.Doc.Title()
			p.ReportLine(line, title, lint.Finding{Message: "No " + heading + " section."})
		},
	}
}

func testRules() []*lint.Rule {
	return []*lint.Rule{
		sentenceRule("how-data", lint.CategoryHow, "carts table"),
		sentenceRule("how-tech", lint.CategoryHow, "Kafka"),
		sentenceRule("what-vague", lint.CategoryWhat, "fast"),
	}
}

// render lints files (name → source) with rules and returns the report
// and the parsed page.
func render(t *testing.T, rules []*lint.Rule, cfg *lint.Config, files map[string]string, applies ...func(*lint.Document) bool) (*lint.Report, *html.Node, string) {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for name, src := range files {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(src), 0o644))
		paths = append(paths, p)
	}
	l := &lint.Linter{Rules: rules, Jobs: 1}
	if cfg != nil {
		l.ConfigFor = func(string) (*lint.Config, error) { return cfg, nil }
	}
	rep := l.Lint(paths)
	require.Empty(t, rep.Errors)
	var buf bytes.Buffer
	opts := Options{Rules: rules}
	if len(applies) > 0 {
		opts.ChecklistApplies = applies[0]
	}
	require.NoError(t, Write(&buf, rep, opts))
	root, err := html.Parse(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	return rep, root, buf.String()
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func element(tag string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Type == html.ElementNode && n.Data == tag }
}

func textOf(n *html.Node) string {
	var b strings.Builder
	for _, t := range findAll(n, func(n *html.Node) bool { return n.Type == html.TextNode }) {
		b.WriteString(t.Data)
	}
	return b.String()
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// groups returns, by finding id, the highlight pieces of each finding in
// document order.
func groups(root *html.Node) map[string][]*html.Node {
	out := map[string][]*html.Node{}
	for _, m := range findAll(root, element("mark")) {
		id, ok := attr(m, "data-finding")
		if !ok {
			continue
		}
		out[id] = append(out[id], m)
	}
	return out
}

func byID(root *html.Node, id string) *html.Node {
	got := findAll(root, func(n *html.Node) bool { v, ok := attr(n, "id"); return ok && v == id })
	if len(got) != 1 {
		return nil
	}
	return got[0]
}

const crossing = `# Carts

## Goals

Shoppers keep their carts across devices.
We will add a *version* column to the [carts table](https://example.com/x) and use ` + "`Kafka`" + `.
Checkout must be fast and we keep the carts table.
Old line one
continues here with Kafka.
`

func TestHighlightsCoverEachFindingSentence(t *testing.T) {
	rep, root, _ := render(t, testRules(), nil, map[string]string{"prd.md": crossing})
	require.Len(t, rep.Diagnostics, 4)
	gs := groups(root)
	require.Len(t, gs, len(rep.Diagnostics), "one highlight group per finding")
	for i, d := range rep.Diagnostics {
		id := strconv.Itoa(i + 1)
		pieces := gs[id]
		require.NotEmpty(t, pieces, "finding %s (%s) has no highlight", id, d.Sentence)
		var text strings.Builder
		for _, p := range pieces {
			text.WriteString(textOf(p))
		}
		assert.Equal(t, squash(d.Sentence), squash(text.String()), "finding %s", id)

		first := pieces[0]
		anchor, _ := attr(first, "id")
		assert.Equal(t, "f"+id, anchor)
		tab, _ := attr(first, "tabindex")
		assert.Equal(t, "0", tab, "the first piece is a keyboard stop")
		for _, p := range pieces[1:] {
			tab, _ := attr(p, "tabindex")
			assert.Equal(t, "-1", tab, "later pieces are not extra tab stops")
		}
		for _, p := range pieces {
			desc, _ := attr(p, "aria-describedby")
			tip := byID(root, desc)
			require.NotNil(t, tip, "aria-describedby %q names one element", desc)
			role, _ := attr(tip, "role")
			assert.Equal(t, "tooltip", role)
			assert.Contains(t, textOf(tip), d.Rule)
			assert.Contains(t, textOf(tip), d.Hint)
			rule, _ := attr(p, "data-rule")
			assert.Equal(t, d.Rule, rule)
		}
	}

	// The sentence crossing emphasis, a link and a code span is one
	// finding in several pieces, inside those elements.
	var crossingID string
	for i, d := range rep.Diagnostics {
		if strings.HasPrefix(d.Sentence, "We will add") {
			crossingID = strconv.Itoa(i + 1)
		}
	}
	require.NotEmpty(t, crossingID)
	parents := map[string]bool{}
	for _, p := range gs[crossingID] {
		parents[p.Parent.Data] = true
	}
	assert.True(t, parents["em"] && parents["a"], "pieces sit inside <em> and <a>: %v", parents)
	code := findAll(root, func(n *html.Node) bool { return n.Type == html.ElementNode && n.Data == "code" && textOf(n) == "Kafka" })
	require.Len(t, code, 1)
	assert.Equal(t, "mark", code[0].Parent.Data, "a code span is highlighted whole")
}

func TestHighlightsNestWhenFindingsShareASentence(t *testing.T) {
	rep, root, _ := render(t, testRules(), nil, map[string]string{"prd.md": crossing})
	var how, what string
	for i, d := range rep.Diagnostics {
		if strings.HasPrefix(d.Sentence, "Checkout must be fast") {
			if d.Category == lint.CategoryWhat {
				what = strconv.Itoa(i + 1)
			} else {
				how = strconv.Itoa(i + 1)
			}
		}
	}
	require.NotEmpty(t, how)
	require.NotEmpty(t, what)
	gs := groups(root)
	class, _ := attr(gs[what][0], "class")
	assert.Contains(t, strings.Fields(class), "what", "what findings have their own style")
	class, _ = attr(gs[how][0], "class")
	assert.NotContains(t, strings.Fields(class), "what")
	// Trigger words are marked inside the highlight, not outside it.
	triggers := findAll(gs[how][0], func(n *html.Node) bool { c, _ := attr(n, "class"); return c == "trigger" })
	require.NotEmpty(t, triggers)
}

func TestHowRulesGetDistinctColours(t *testing.T) {
	rep, root, page := render(t, testRules(), nil, map[string]string{"prd.md": crossing})
	classes := map[string]string{}
	for i, d := range rep.Diagnostics {
		c, _ := attr(groups(root)[strconv.Itoa(i+1)][0], "class")
		classes[d.Rule] = c
	}
	assert.NotEqual(t, classes["how-data"], classes["how-tech"])
	for _, r := range []string{"how-data", "how-tech"} {
		assert.Contains(t, page, `<code>`+r+`</code>`, "the legend names %s", r)
	}
}

// TestSummaryBarsCountHowSentencesPerTopSection: the bars and the overall
// figure count prose sentences (headings excluded) per top-level section,
// subsections rolled up, exactly as lint.ComputeStats (--stats) does.
func TestSummaryBarsCountHowSentencesPerTopSection(t *testing.T) {
	tests := []struct {
		name, src string
		bars      []string // "title how/sentences", in page order
		overall   string
	}{
		{
			name:    "sections and subsections",
			src:     "# PRD\n\nIntro.\n\n## Problem\n\nOne. Two.\n\n## Goals\n\nUse Kafka. Keep carts.\n\n### Detail\n\nThe carts table grows. Fine.\n",
			bars:    []string{"PRD 0/1", "Problem 0/2", "Goals 2/4"},
			overall: "2 of 7 sentences prescribe how (29%).",
		},
		{
			name:    "a how heading is not a sentence",
			src:     "# Carts\n\n## Kafka\n\nWe use Kafka. Shoppers pay.\n\n## Notes on Kafka\n\n## Goals\n\nShoppers keep carts.\n",
			bars:    []string{"Kafka 1/2", "Goals 0/1"},
			overall: "1 of 3 sentences prescribe how (33%).",
		},
		{
			name:    "text before the first heading",
			src:     "Use Kafka.\n\n# Goals\n\nShoppers pay.\n",
			bars:    []string{"(before the first heading) 1/1", "Goals 0/1"},
			overall: "1 of 2 sentences prescribe how (50%).",
		},
		{
			name:    "headings only",
			src:     "# Kafka\n\n## Kafka again\n",
			overall: "0 of 0 sentences prescribe how (0%).",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, root, _ := render(t, testRules(), nil, map[string]string{"prd.md": tt.src})
			var bars []string
			for _, b := range findAll(root, func(n *html.Node) bool { c, _ := attr(n, "class"); return c == "bar" }) {
				label, _ := attr(b, "aria-label")
				how, _ := attr(b, "data-how")
				n, _ := attr(b, "data-sentences")
				bars = append(bars, label[:strings.LastIndex(label, ": ")]+" "+how+"/"+n)
			}
			assert.Equal(t, tt.bars, bars)
			overall := findAll(root, func(n *html.Node) bool { c, _ := attr(n, "class"); return c == "overall" })
			require.Len(t, overall, 1)
			assert.Equal(t, tt.overall, squash(textOf(overall[0])))

			// The same figures as the engine's statistics.
			st := lint.ComputeStats(rep)
			require.Len(t, st.Files, 1)
			var want []string
			for _, s := range st.Files[0].Sections {
				title := s.Section
				if s.Heading == nil {
					title = "(before the first heading)"
				}
				want = append(want, title+" "+strconv.Itoa(s.How)+"/"+strconv.Itoa(s.Sentences))
			}
			assert.Equal(t, want, bars)
			assert.Equal(t, fmt.Sprintf("%d of %d sentences prescribe how (%d%%).", st.Files[0].How, st.Files[0].Sentences, int(st.Files[0].HowShare*100+0.5)), squash(textOf(overall[0])))
		})
	}
}

func checklistStates(root *html.Node) map[string]string {
	out := map[string]string{}
	for _, li := range findAll(root, element("li")) {
		if rule, ok := attr(li, "data-rule"); ok {
			state, _ := attr(li, "data-state")
			out[rule] = state
		}
	}
	return out
}

func TestChecklist(t *testing.T) {
	src := "# PRD\n\n## Goals\n\nShoppers can pay as guests.\n"
	t.Run("not checked without structure rules", func(t *testing.T) {
		_, root, page := render(t, testRules(), nil, map[string]string{"prd.md": src})
		assert.Contains(t, page, "Structure not checked")
		for rule, state := range checklistStates(root) {
			assert.Equal(t, "unchecked", state, rule)
		}
		assert.NotContains(t, checklistStates(root), "structure-external-api")
	})
	t.Run("gaps and ticks", func(t *testing.T) {
		rules := append(testRules(), missingRule("structure-problem", "Problem"), missingRule("structure-goals", "Goals"), missingRule("structure-security", "Security"))
		cfg := lint.DefaultConfig()
		cfg.Rules = map[string]lint.Severity{"structure-security": lint.SeverityOff}
		rep, root, page := render(t, rules, cfg, map[string]string{"prd.md": src})
		require.Len(t, rep.Diagnostics, 1)
		states := checklistStates(root)
		assert.Equal(t, "gap", states["structure-problem"])
		assert.Equal(t, "present", states["structure-goals"])
		assert.Equal(t, "unchecked", states["structure-security"], "a rule turned off checks nothing")
		assert.NotContains(t, states, "structure-monitoring", "a rule that does not exist is not listed")
		assert.NotContains(t, page, "Structure not checked")
		// The gap links to the finding's entry in the findings list.
		entry := byID(root, "f1")
		require.NotNil(t, entry)
		assert.Equal(t, "li", entry.Data)
		assert.Contains(t, textOf(entry), "No Problem section.")
	})
	t.Run("not checked for a document the checklist does not apply to", func(t *testing.T) {
		rules := append(testRules(), missingRule("structure-goals", "Goals"))
		notPRD := func(*lint.Document) bool { return false }
		_, root, page := render(t, rules, nil, map[string]string{"notes.md": "# Notes\n\nWe talked about lunch.\n"}, notPRD)
		assert.Contains(t, page, "Structure not checked: the document is not shaped like a PRD")
		for rule, state := range checklistStates(root) {
			assert.Equal(t, "unchecked", state, rule)
		}
	})
}

// checkRule is a structure rule labelled label at position order that
// reports, at the title, that the document lacks heading.
func checkRule(id, label string, order int, heading string) *lint.Rule {
	r := missingRule(id, heading)
	r.Label, r.Order = label, order
	return r
}

// checklistItems returns the checklist entries as "rule label state", in
// page order.
func checklistItems(root *html.Node) []string {
	var out []string
	for _, li := range findAll(root, element("li")) {
		rule, ok := attr(li, "data-rule")
		if !ok {
			continue
		}
		state, _ := attr(li, "data-state")
		label := ""
		for c := li.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
				label = strings.TrimSpace(c.Data)
				break
			}
		}
		out = append(out, rule+" "+label+" "+state)
	}
	return out
}

// TestChecklistComesFromTheRules: the checklist lists the run's structure
// rules, whatever their IDs, by Order then ID, each under its Label.
func TestChecklistComesFromTheRules(t *testing.T) {
	src := "# PRD\n\n## Goals\n\nShoppers can pay as guests.\n"
	tests := []struct {
		name  string
		rules []*lint.Rule
		off   []string
		want  []string
	}{
		{
			name: "by order, not by ID or registration",
			rules: []*lint.Rule{
				checkRule("structure-zeta", "Problem", 1, "Problem"),
				checkRule("structure-goals", "Goals", 2, "Goals"),
				checkRule("structure-accessibility", "Accessibility", 3, "Accessibility"),
			},
			want: []string{
				"structure-zeta Problem gap",
				"structure-goals Goals present",
				"structure-accessibility Accessibility gap",
			},
		},
		{
			name: "ties by ID, registration order aside",
			rules: []*lint.Rule{
				checkRule("structure-b", "B", 1, "Goals"),
				checkRule("structure-a", "A", 1, "Goals"),
				checkRule("structure-c", "C", 0, "Goals"),
			},
			want: []string{"structure-c C present", "structure-a A present", "structure-b B present"},
		},
		{
			name:  "no label shows the ID",
			rules: []*lint.Rule{checkRule("structure-x", "", 0, "Goals")},
			want:  []string{"structure-x structure-x present"},
		},
		{
			name:  "a rule turned off is listed, not checked",
			rules: []*lint.Rule{checkRule("structure-problem", "Problem", 1, "Problem"), checkRule("structure-security", "Security", 2, "Security")},
			off:   []string{"structure-security"},
			want:  []string{"structure-problem Problem gap", "structure-security Security unchecked"},
		},
		{
			name: "no structure rule, no items",
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := lint.DefaultConfig()
			cfg.Rules = map[string]lint.Severity{}
			for _, id := range tt.off {
				cfg.Rules[id] = lint.SeverityOff
			}
			_, root, _ := render(t, append(testRules(), tt.rules...), cfg, map[string]string{"prd.md": src})
			assert.Equal(t, tt.want, checklistItems(root))
		})
	}
}

func TestIndexForSeveralFiles(t *testing.T) {
	_, root, _ := render(t, testRules(), nil, map[string]string{"a.md": crossing, "b.md": "# B\n\nShoppers can pay as guests.\n"})
	nav := findAll(root, element("nav"))
	require.Len(t, nav, 1)
	links := findAll(nav[0], element("a"))
	require.Len(t, links, 2)
	for _, a := range links {
		href, _ := attr(a, "href")
		require.True(t, strings.HasPrefix(href, "#"))
		target := byID(root, href[1:])
		require.NotNil(t, target, href)
		assert.Equal(t, "article", target.Data)
	}
	rows := findAll(nav[0], element("tr"))
	assert.Contains(t, squash(textOf(rows[1])), "a.md")
	assert.Contains(t, squash(textOf(rows[1])), " 4 ", "a.md has four findings")

	_, single, _ := render(t, testRules(), nil, map[string]string{"a.md": crossing})
	assert.Empty(t, findAll(single, element("nav")), "one document needs no index")
}

const hostile = `# Title <script>alert("h")</script>

<script>alert(1)</script>

<img src="x" onerror="alert(2)">

<iframe src="https://example.com/frame"></iframe>

<style>body { background: url(https://example.com/t.png) }</style>

Shoppers pay. <img src=x onerror=alert(3)> We keep the carts table.

[a](javascript:alert(4)) [b](JavaScript:alert(5)) [c](data:text/html,x) [d](vbscript:x) <a href="https://example.com" onclick="alert(6)">e</a>

![pixel](https://example.com/p.gif) and <https://example.com/auto> and [site](https://example.com/ok).

` + "`<script>alert(7)</script>`" + `
`

// TestPageIsInertAndLoadsNothing checks that document HTML is not
// passed through, links cannot run script, and nothing in the page makes
// the browser fetch anything.
func TestPageIsInertAndLoadsNothing(t *testing.T) {
	_, root, page := render(t, testRules(), nil, map[string]string{"hostile.md": hostile})
	scripts := findAll(root, element("script"))
	require.Len(t, scripts, 1, "only the page's own script")
	_, hasSrc := attr(scripts[0], "src")
	assert.False(t, hasSrc)
	for _, tag := range []string{"img", "iframe", "link", "object", "embed", "video", "audio", "source", "base", "form"} {
		assert.Empty(t, findAll(root, element(tag)), "<%s>", tag)
	}
	assert.Len(t, findAll(root, element("style")), 1, "only the page's own style")
	for _, n := range findAll(root, func(n *html.Node) bool { return n.Type == html.ElementNode }) {
		for _, a := range n.Attr {
			assert.False(t, strings.HasPrefix(strings.ToLower(a.Key), "on"), "<%s %s>", n.Data, a.Key)
			switch a.Key {
			case "src", "srcset", "poster", "background", "action", "formaction":
				t.Errorf("<%s %s=%q> would load something", n.Data, a.Key, a.Val)
			case "href":
				assert.Equal(t, "a", n.Data, "only <a> has href")
				v := strings.ToLower(a.Val)
				ok := v == "" || strings.HasPrefix(v, "#") || strings.HasPrefix(v, "https://") || strings.HasPrefix(v, "http://")
				assert.True(t, ok, "href %q", a.Val)
			}
		}
	}
	assert.NotContains(t, page, "url(https:", "no document CSS")
	assert.Contains(t, page, `&lt;script&gt;alert(7)&lt;/script&gt;`, "code is shown as text")
	assert.Contains(t, page, "[image: pixel]", "an image is named, not loaded")

	var csp string
	for _, m := range findAll(root, element("meta")) {
		if v, _ := attr(m, "http-equiv"); v == "Content-Security-Policy" {
			csp, _ = attr(m, "content")
		}
	}
	require.NotEmpty(t, csp)
	assert.Contains(t, csp, "default-src 'none'")
	sum := sha256.Sum256([]byte(textOf(scripts[0])))
	assert.Contains(t, csp, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'", "the policy allows exactly the page's script")
	assert.NotContains(t, csp, "script-src 'unsafe-inline'")
}

func TestWriteIsDeterministic(t *testing.T) {
	rules := testRules()
	dir := t.TempDir()
	p := filepath.Join(dir, "prd.md")
	require.NoError(t, os.WriteFile(p, []byte(crossing), 0o644))
	rep := (&lint.Linter{Rules: rules}).Lint([]string{p})
	var a, b bytes.Buffer
	require.NoError(t, Write(&a, rep, Options{Rules: rules}))
	require.NoError(t, Write(&b, rep, Options{Rules: rules}))
	assert.Equal(t, a.String(), b.String())
}

// TestFindingOverNoProseIsListedNotLinked: a finding whose range holds no
// prose (a bad directive in an HTML comment) gets no highlight, so the
// findings list carries its anchor instead of linking to nothing.
func TestFindingOverNoProseIsListedNotLinked(t *testing.T) {
	src := "# Plan\n\n<!-- prdlint-disable-line nope -->\n\nWe pick Kafka now.\n"
	l := &lint.Linter{Rules: testRules()}
	res := l.LintSource("prd.md", []byte(src))
	require.Len(t, res.Diagnostics, 1)
	c := res.Doc.Comments[0]
	res.Diagnostics = append(res.Diagnostics, lint.Diagnostic{
		Path: "prd.md", Line: c.Line, Column: 1, EndLine: c.EndLine, EndColumn: 35,
		Start: c.Start, End: c.End, Rule: "bad-directive", Category: lint.CategoryDirective,
		Severity: lint.SeverityWarning, Message: "Unknown rule.", Confidence: 1,
	})
	lint.SortDiagnostics(res.Diagnostics)
	rep := &lint.Report{Files: []*lint.Result{res}, Diagnostics: res.Diagnostics}
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, rep, Options{Rules: testRules()}))
	root, err := html.Parse(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	var hrefs []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if href, ok := attr(n, "href"); ok && strings.HasPrefix(href, "#") {
			hrefs = append(hrefs, href[1:])
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	require.NotEmpty(t, hrefs)
	for _, id := range hrefs {
		assert.NotNil(t, byID(root, id), "#%s leads somewhere", id)
	}
}

// TestSectionLabelsAndAnchors: a section's bar shows its heading as the
// page does (character references and escapes resolved) and links to the
// heading, also when the heading opens with an image.
func TestSectionLabelsAndAnchors(t *testing.T) {
	src := "# Plan\n\n## Tom &amp; Jerry\n\nWe pick Kafka now.\n\n## \\# of carts\n\nShoppers pay.\n\n## ![logo](x.png) Design\n\nShoppers pay.\n\n## Escape `&amp;` and `\\#`\n\nShoppers pay.\n"
	_, root, page := render(t, testRules(), nil, map[string]string{"prd.md": src})
	assert.Contains(t, page, ">Tom &amp; Jerry<")
	assert.Contains(t, page, "># of carts<")
	assert.Contains(t, page, ">Escape &amp;amp; and \\#<", "code spans are shown as written")

	_, _, page = render(t, testRules(), nil, map[string]string{"prd.md": "# The `&amp;` operator \\&amp; more\n\nWe pick Kafka now.\n"})
	assert.Contains(t, page, ">The &amp;amp; operator &amp;amp; more<", "title: a code span as written, an escaped & as text")
	_, _, nbsp := render(t, testRules(), nil, map[string]string{"prd.md": "# Plan\n\n## \u00a0ab &amp; `c&amp;d` &amp; é\n\nWe pick Kafka now.\n"})
	assert.Contains(t, nbsp, ">ab &amp; c&amp;amp;d &amp; é<", "a leading no-break space does not shift the code spans")
	labels := barLabels(root)
	require.Len(t, labels, 4, "one per section with prose; the title holds none")
	for _, l := range labels {
		href, _ := attr(l, "href")
		assert.NotNil(t, byID(root, strings.TrimPrefix(href, "#")), "%s (%s) leads to the heading", href, textOf(l))
	}
}

// TestTriggerAfterAnEscape: a trigger that starts at a backslash-escaped
// character ("foo\_bar") is cut before the backslash, so the escape is
// resolved, not shown.
func TestTriggerAfterAnEscape(t *testing.T) {
	rules := []*lint.Rule{sentenceRule("how-code", lint.CategoryHow, "_bar")}
	_, _, page := render(t, rules, nil, map[string]string{"prd.md": "# Plan\n\nWe will call foo\\_bar() in the code.\n"})
	assert.Contains(t, page, `call foo<span class="trigger">_bar</span>() in`)
	assert.NotContains(t, page, `foo\`)
}

// TestBarBeforeTheFirstHeadingLeadsToTheDocument: the text before the
// first heading has a bar too, and its label leads to the document.
func TestBarBeforeTheFirstHeadingLeadsToTheDocument(t *testing.T) {
	_, root, _ := render(t, testRules(), nil, map[string]string{"prd.md": "We pick Kafka now.\n\n# Plan\n\nWe pick Kafka too.\n"})
	labels := barLabels(root)
	require.Len(t, labels, 2)
	assert.Equal(t, "(before the first heading)", textOf(labels[0]))
	href, _ := attr(labels[0], "href")
	target := byID(root, strings.TrimPrefix(href, "#"))
	require.NotNil(t, target, "%q leads somewhere", href)
	assert.Equal(t, "article", target.Data)
}

// barLabels are the summary bars' section labels, in page order.
func barLabels(root *html.Node) []*html.Node {
	var labels []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if class, _ := attr(n, "class"); class == "bar-label" {
			labels = append(labels, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return labels
}
