// Package htmlreport writes a lint.Report as one self-contained HTML page
// for reviewing a PRD by eye: each document rendered from the same
// goldmark parse the rules saw, every finding highlighted at its source
// offsets, and a summary of where the how-sentences are and which
// expected parts are missing.
//
// The page loads nothing: its style and script are inline, images in the
// documents are shown as their alt text, and a Content-Security-Policy
// forbids every fetch. Document text is escaped by goldmark's renderer,
// which omits raw HTML and neutralises javascript: links.
package htmlreport

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html"
	"html/template"
	"io"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"github.com/prdlint/prdlint/lint"
)

//go:embed page.html.tmpl
var pageTemplate string

//go:embed style.css
var styleSheet string

//go:embed script.js
var script string

var pageTmpl = template.Must(template.New("page").Parse(pageTemplate))

// Options tune the page.
type Options struct {
	// Rules are all the rules of the run (lint.Linter.Rules): they give
	// the how colours and the legend, and tell which structure checks ran.
	Rules []*lint.Rule
	// ChecklistApplies says whether a document is held to the structure
	// checklist at all (the structure rules' own test); a document it is
	// not held to shows the checklist as not checked, not as complete.
	// Nil holds every document to it.
	ChecklistApplies func(*lint.Document) bool
}

// legendItem explains one highlight style.
type legendItem struct {
	Class, Label, Summary string
}

// page is the whole report.
type page struct {
	Documents []*document
	Legend    []legendItem
	Findings  int
	Counts    []ruleCount
	Errors    int
	CSS       template.CSS
	Script    template.JS
	CSP       string
}

// generatorMeta marks a page as prdlint's, near its start.
const generatorMeta = `<meta name="generator" content="prdlint">`

// IsReport reports whether head, the start of a file, is the start of a
// page Write wrote: the command replaces its own earlier report without
// --force, but never another file.
func IsReport(head []byte) bool {
	return bytes.HasPrefix(bytes.TrimLeft(head, "\n"), []byte("<!DOCTYPE html>")) && bytes.Contains(head, []byte(generatorMeta))
}

// Write renders rep as one HTML page. The output depends only on rep and
// opts, so the same run gives the same bytes.
func Write(w io.Writer, rep *lint.Report, opts Options) error {
	st := newStyles(opts.Rules)
	p := &page{
		CSS:    template.CSS(styleSheet),
		Script: template.JS(script),
		CSP:    contentSecurityPolicy(script),
		Errors: len(rep.Errors),
	}
	for _, r := range st.how {
		p.Legend = append(p.Legend, legendItem{Class: st.class[r.ID], Label: r.ID, Summary: r.Summary})
	}
	p.Legend = append(p.Legend, legendItem{Class: "what", Label: "what-quality", Summary: "a need stated too weakly to check (e.g. no measurable target)"})

	total := map[string]*ruleCount{}
	id := 0
	for i, res := range rep.Files {
		doc := &document{Anchor: fmt.Sprintf("doc-%d", i+1), Path: res.Path}
		if res.Err != nil {
			doc.Error = res.Err.Err.Error()
		}
		for j := range res.Diagnostics {
			id++
			doc.Findings = append(doc.Findings, newFinding(id, &res.Diagnostics[j], st))
		}
		for _, f := range doc.Findings {
			c := total[f.Rule]
			if c == nil {
				c = &ruleCount{Rule: f.Rule, Class: f.Class}
				total[f.Rule] = c
			}
			c.Count++
		}
		p.Findings += len(doc.Findings)
		var code map[*lint.Section][][2]int
		if res.Doc != nil {
			code = headingCode(res.Doc)
		}
		summarize(doc, res, opts, code, st)
		if res.Doc != nil {
			title, _ := res.Doc.Title()
			var titleCode [][2]int
			for _, sec := range res.Doc.Sections {
				if sec.Title == title {
					titleCode = code[sec] // the title heading's spans
					break
				}
			}
			doc.Title = displayText(title, titleCode)
			body, err := renderBody(res.Doc, res.Diagnostics, doc)
			if err != nil {
				return fmt.Errorf("%s: rendering: %w", res.Path, err)
			}
			doc.Body = body
			doc.Rendered = true
		}
		// After rendering, which tells which findings got a highlight.
		for _, f := range doc.Findings {
			if !f.Placed || !doc.Rendered {
				f.Placed = false
				doc.Unplaced = append(doc.Unplaced, f)
			}
		}
		p.Documents = append(p.Documents, doc)
	}
	for _, c := range total {
		p.Counts = append(p.Counts, *c)
	}
	sortCounts(p.Counts)
	return pageTmpl.Execute(w, p)
}

// contentSecurityPolicy allows inline style and exactly the page's own
// script (by hash), and nothing else: no fetch of any kind, so even text
// that escaped escaping could neither run nor load.
func contentSecurityPolicy(js string) string {
	sum := sha256.Sum256([]byte(js))
	return "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-" +
		base64.StdEncoding.EncodeToString(sum[:]) + "'; base-uri 'none'; form-action 'none'"
}

// outsideEscape moves a cut at source offset off that falls inside a
// backslash escape ("foo\_bar" cut before "_") to before its backslash:
// each piece of a split text is rendered on its own, and a backslash left
// at the end of one would show instead of escaping the next.
func outsideEscape(src []byte, off int) int {
	if off <= 0 || off >= len(src) || src[off-1] != '\\' || !util.IsPunct(src[off]) {
		return off
	}
	n := 0 // backslashes before the one at off-1: an even count leaves it an escape
	for i := off - 2; i >= 0 && src[i] == '\\'; i-- {
		n++
	}
	if n%2 == 0 {
		return off - 1
	}
	return off
}

// renderBody renders the document with goldmark from the same parse the
// rules ran on, with each finding's sentence wrapped where its source
// offsets say it is.
func renderBody(d *lint.Document, diags []lint.Diagnostic, doc *document) (template.HTML, error) {
	md, root := lint.ParseTree(d.Source)
	anchorHeadings(root, d, doc.Anchor)

	sentences := map[[2]int]*lint.Sentence{}
	for _, s := range d.Sentences() {
		sentences[[2]int{s.Start, s.End}] = s
	}
	var spans []span
	for i := range diags {
		dg, f := &diags[i], doc.Findings[i]
		if !f.Placed {
			continue
		}
		spans = append(spans, span{start: dg.Start, end: dg.End, finding: f})
		if s := sentences[[2]int{dg.Start, dg.End}]; s != nil && len(dg.Mark) == 2 {
			from, to := s.SourceOffset(dg.Mark[0]), s.SourceOffset(dg.Mark[1]-1)+1
			from, to = outsideEscape(d.Source, from), outsideEscape(d.Source, to)
			if from >= dg.Start && to <= dg.End && to > from {
				spans = append(spans, span{start: from, end: to, finding: f, trigger: true})
			}
		}
	}
	placed := markSpans(root, spans)
	for _, f := range doc.Findings {
		f.Placed = f.Placed && placed[f]
	}

	r := md.Renderer()
	r.AddOptions(renderer.WithNodeRenderers(util.Prioritized(nodeRenderer{}, 100)))
	var buf bytes.Buffer
	if err := r.Render(&buf, d.Source, root); err != nil {
		return "", err
	}
	// goldmark escapes all text and omits raw HTML (it is not built with
	// html.WithUnsafe), so its output is safe to embed as is.
	return template.HTML(buf.String()), nil
}

// anchorHeadings gives each heading that opens a section an id, so the
// summary's section bars link to it.
func anchorHeadings(root ast.Node, d *lint.Document, docAnchor string) {
	starts := map[int]bool{}
	for _, s := range d.Sections {
		starts[s.Start] = true
	}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		first := -1
		_ = ast.Walk(h, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
			if _, img := c.(*ast.Image); img {
				return ast.WalkSkipChildren, nil // alt text is not the heading's text
			}
			if t, ok := c.(*ast.Text); ok && entering && first < 0 && t.Segment.Stop > t.Segment.Start {
				first = t.Segment.Start
				return ast.WalkStop, nil
			}
			return ast.WalkContinue, nil
		})
		if starts[first] {
			h.SetAttributeString("id", []byte(sectionAnchor(docAnchor, first)))
		}
		return ast.WalkSkipChildren, nil
	})
}

// displayText is a heading's text as a reader sees it: the engine keeps
// the source's character references and backslash escapes ("&amp;",
// "\\#"), which the page would otherwise show escaped once more. Text in
// code spans (byte ranges code) is shown as written, as the page does.
func displayText(s string, code [][2]int) string {
	if !strings.ContainsAny(s, "&\\") {
		return s
	}
	var b strings.Builder
	from := 0
	for _, c := range code {
		if c[0] < from || c[1] > len(s) || c[0] > c[1] {
			continue
		}
		b.WriteString(unescapeProse(s[from:c[0]]))
		b.WriteString(s[c[0]:c[1]])
		from = c[1]
	}
	b.WriteString(unescapeProse(s[from:]))
	return b.String()
}

// unescapeProse resolves backslash escapes and character references; an
// escaped "&" starts no reference ("\\&amp;" reads "&amp;").
func unescapeProse(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && util.IsPunct(s[i+1]) {
			i++
			if s[i] == '&' {
				b.WriteString("&amp;") // a literal "&" once references are resolved
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return html.UnescapeString(b.String())
}

// headingCode returns the code-span ranges of the heading that opens each
// section, in its text as the section's Title holds it (trimmed).
func headingCode(d *lint.Document) map[*lint.Section][][2]int {
	out := map[*lint.Section][][2]int{}
	for _, b := range d.Blocks {
		if b.Kind != lint.BlockHeading || b.Section == nil || len(b.Code) == 0 {
			continue
		}
		// trimmed as Section.Title is (strings.TrimSpace: any Unicode
		// space, a no-break space too)
		lead := len(b.Text) - len(strings.TrimLeftFunc(b.Text, unicode.IsSpace))
		var cs [][2]int
		for _, c := range b.Code {
			cs = append(cs, [2]int{c[0] - lead, c[1] - lead})
		}
		out[b.Section] = cs
	}
	return out
}
