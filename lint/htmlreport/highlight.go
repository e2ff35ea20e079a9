package htmlreport

import (
	"fmt"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// span is a source byte range [start, end) to highlight: a finding's
// sentence, or (trigger) the words in it that fired the finding.
type span struct {
	start, end int
	finding    *finding
	trigger    bool
}

// kindHighlight and kindTrigger are the inline nodes the report adds to
// goldmark's tree around the text a finding covers.
var (
	kindHighlight = ast.NewNodeKind("PRDLintHighlight")
	kindTrigger   = ast.NewNodeKind("PRDLintTrigger")
)

// highlight wraps one piece of a finding's sentence. A sentence that
// crosses emphasis, links or code spans is several pieces; all of them
// carry the same finding, and the first one is the keyboard stop.
type highlight struct {
	ast.BaseInline
	finding *finding
	first   bool
}

func (n *highlight) Kind() ast.NodeKind { return kindHighlight }

func (n *highlight) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"finding": fmt.Sprint(n.finding.ID)}, nil)
}

// trigger wraps the words that fired a finding, inside its highlight.
type trigger struct {
	ast.BaseInline
	finding *finding
}

func (n *trigger) Kind() ast.NodeKind { return kindTrigger }

func (n *trigger) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// target is a leaf of the tree that carries source text: an ast.Text, or
// a code span taken whole (its renderer accepts only text children).
type target struct {
	node       ast.Node
	start, end int
}

// markSpans rewrites the tree so every source byte inside a span is
// wrapped in a highlight node for its finding. It works on source offsets
// alone: text nodes are split at span boundaries, never searched.
// It returns the findings it found text for: a span over no prose (an
// HTML comment's bad directive) gets no highlight to link to.
func markSpans(root ast.Node, spans []span) map[*finding]bool {
	seen := map[*finding]bool{}
	if len(spans) == 0 {
		return seen
	}
	var targets []target
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Image, *ast.AutoLink, *ast.RawHTML:
			// Not prose: alt text, URLs and raw HTML are rendered by
			// their own renderers and never part of a sentence.
			return ast.WalkSkipChildren, nil
		case *ast.CodeSpan:
			start, end := -1, -1
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					if start < 0 {
						start = t.Segment.Start
					}
					end = t.Segment.Stop
				}
			}
			if start >= 0 && end > start {
				targets = append(targets, target{n, start, end})
			}
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if n.Segment.Stop > n.Segment.Start {
				targets = append(targets, target{n, n.Segment.Start, n.Segment.Stop})
			}
		}
		return ast.WalkContinue, nil
	})
	all := newSpanIndex(spans)
	for _, t := range targets {
		over := all.overlapping(t.start, t.end)
		if len(over) == 0 {
			continue
		}
		if _, ok := t.node.(*ast.CodeSpan); ok {
			wrap(t.node, over, seen)
			continue
		}
		splitText(t.node.(*ast.Text), over, seen)
	}
	return seen
}

// splitText replaces a text node with pieces cut at the span boundaries
// inside it. Consecutive pieces covered by the same findings share one
// highlight, so a finding's trigger words do not break its sentence
// into several highlights.
func splitText(n *ast.Text, over []span, seen map[*finding]bool) {
	cuts := []int{n.Segment.Start, n.Segment.Stop}
	for _, s := range over {
		if s.start > n.Segment.Start && s.start < n.Segment.Stop {
			cuts = append(cuts, s.start)
		}
		if s.end > n.Segment.Start && s.end < n.Segment.Stop {
			cuts = append(cuts, s.end)
		}
	}
	sort.Ints(cuts)
	cover := newSpanIndex(over)
	parent := n.Parent()
	var group []span   // the highlights of the current run of pieces
	var inner ast.Node // where the current run's pieces go
	for i := 0; i+1 < len(cuts); i++ {
		from, to := cuts[i], cuts[i+1]
		if from == to {
			continue
		}
		piece := ast.NewTextSegment(text.NewSegment(from, to))
		piece.SetRaw(n.IsRaw())
		if to == n.Segment.Stop {
			// A line break belongs after the node's last byte.
			piece.SetSoftLineBreak(n.SoftLineBreak())
			piece.SetHardLineBreak(n.HardLineBreak())
		}
		var hls, triggers []span
		for _, s := range cover.covering(from, to) {
			if s.trigger {
				triggers = append(triggers, s)
			} else {
				hls = append(hls, s)
			}
		}
		if inner == nil || !sameFindings(group, hls) {
			group = hls
			var outer ast.Node
			outer, inner = nest(hls, seen)
			if outer == nil {
				inner = parent
			} else {
				parent.InsertBefore(parent, n, outer)
			}
		}
		leaf := ast.Node(piece)
		if t, in := nest(triggers, seen); t != nil {
			in.AppendChild(in, piece)
			leaf = t
		}
		if inner == parent {
			parent.InsertBefore(parent, n, leaf)
		} else {
			inner.AppendChild(inner, leaf)
		}
	}
	parent.RemoveChild(parent, n)
}

// spanIndex finds the spans that overlap or cover a range without reading
// them all: one paragraph of tens of thousands of findings must not cost
// their square. Results keep the spans' own order, on which nesting and
// grouping depend.
type spanIndex struct {
	spans   []span
	byStart []int // indices into spans, by start
	maxEnd  []int // maxEnd[k]: the largest end among byStart[:k+1]
}

func newSpanIndex(spans []span) *spanIndex {
	x := &spanIndex{spans: spans, byStart: make([]int, len(spans)), maxEnd: make([]int, len(spans))}
	for i := range spans {
		x.byStart[i] = i
	}
	sort.SliceStable(x.byStart, func(a, b int) bool { return spans[x.byStart[a]].start < spans[x.byStart[b]].start })
	for k, i := range x.byStart {
		x.maxEnd[k] = spans[i].end
		if k > 0 && x.maxEnd[k-1] > x.maxEnd[k] {
			x.maxEnd[k] = x.maxEnd[k-1]
		}
	}
	return x
}

// collect returns, in the spans' order, those among byStart[:k+1] with
// end above (or at, when atLeast) bound.
func (x *spanIndex) collect(k, bound int, atLeast bool) []span {
	var idx []int
	for ; k >= 0 && (x.maxEnd[k] > bound || atLeast && x.maxEnd[k] == bound); k-- {
		if e := x.spans[x.byStart[k]].end; e > bound || atLeast && e == bound {
			idx = append(idx, x.byStart[k])
		}
	}
	if len(idx) == 0 {
		return nil
	}
	sort.Ints(idx)
	out := make([]span, len(idx))
	for j, i := range idx {
		out[j] = x.spans[i]
	}
	return out
}

// overlapping returns the spans with start < hi and end > lo.
func (x *spanIndex) overlapping(lo, hi int) []span {
	k := sort.Search(len(x.byStart), func(k int) bool { return x.spans[x.byStart[k]].start >= hi }) - 1
	return x.collect(k, lo, false)
}

// covering returns the spans with start <= lo and end >= hi.
func (x *spanIndex) covering(lo, hi int) []span {
	k := sort.Search(len(x.byStart), func(k int) bool { return x.spans[x.byStart[k]].start > lo }) - 1
	return x.collect(k, hi, true)
}

func sameFindings(a, b []span) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].finding != b[i].finding {
			return false
		}
	}
	return true
}

// wrap puts a code span, whole, inside the highlights and triggers of
// the spans that touch it.
func wrap(leaf ast.Node, covering []span, seen map[*finding]bool) {
	var hls, triggers []span
	for _, s := range covering {
		if s.trigger {
			triggers = append(triggers, s)
		} else {
			hls = append(hls, s)
		}
	}
	outer, inner := nest(append(hls, triggers...), seen)
	if outer == nil {
		return
	}
	replace(leaf, outer)
	inner.AppendChild(inner, leaf)
}

// nest builds one node per span, each inside the one before (highlights
// in finding order, the first outermost; triggers innermost), and returns
// the outermost and innermost nodes, or nils for no spans.
func nest(spans []span, seen map[*finding]bool) (outer, inner ast.Node) {
	sorted := append([]span(nil), spans...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].trigger != sorted[j].trigger {
			return !sorted[i].trigger
		}
		return sorted[i].finding.ID < sorted[j].finding.ID
	})
	for _, s := range sorted {
		var n ast.Node
		if s.trigger {
			n = &trigger{finding: s.finding}
		} else {
			n = &highlight{finding: s.finding, first: !seen[s.finding]}
			seen[s.finding] = true
		}
		if outer == nil {
			outer = n
		} else {
			inner.AppendChild(inner, n)
		}
		inner = n
	}
	return outer, inner
}

// replace puts n in old's place in old's parent.
func replace(old, n ast.Node) {
	if p := old.Parent(); p != nil {
		p.ReplaceChild(p, old, n)
	}
}

// nodeRenderer renders the report's own nodes, and images as inert text:
// the report must not load anything, and a PRD's picture is named, not shown.
type nodeRenderer struct{}

func (nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindHighlight, renderHighlight)
	reg.Register(kindTrigger, renderTrigger)
	reg.Register(ast.KindImage, renderImage)
}

func renderHighlight(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*highlight)
	if !entering {
		_, _ = w.WriteString("</mark>")
		return ast.WalkContinue, nil
	}
	f := n.finding
	tab := "-1"
	if n.first {
		tab = "0"
		fmt.Fprintf(w, `<mark id="%s"`, f.Anchor())
	} else {
		_, _ = w.WriteString("<mark")
	}
	fmt.Fprintf(w, ` class="hl %s" data-finding="%d" data-rule="%s" tabindex="%s" aria-describedby="%s">`,
		f.Class, f.ID, util.EscapeHTML([]byte(f.Rule)), tab, f.TipID())
	return ast.WalkContinue, nil
}

func renderTrigger(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<span class="trigger">`)
	} else {
		_, _ = w.WriteString("</span>")
	}
	return ast.WalkContinue, nil
}

func renderImage(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	var alt strings.Builder
	_ = ast.Walk(node, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			alt.Write(t.Segment.Value(source))
		}
		return ast.WalkContinue, nil
	})
	label := "image"
	if a := strings.TrimSpace(alt.String()); a != "" {
		label = "image: " + a
	}
	_, _ = w.WriteString(`<span class="image">[`)
	_, _ = w.Write(util.EscapeHTML([]byte(label)))
	_, _ = w.WriteString(`]</span>`)
	return ast.WalkSkipChildren, nil
}
