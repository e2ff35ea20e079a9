package lint

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
)

// CategoryDirective marks a problem with a suppression directive itself.
// A rule of this category reports on directives: its findings lie in the
// comments, not in prose, so a prdlint-disable-next-line that names it also
// reaches the directive comment below it (see Directive.TargetComment),
// while a directive never silences a finding about itself.
const CategoryDirective Category = "directive"

// DirectivePrefix starts every suppression directive.
const DirectivePrefix = "prdlint-"

// DirectiveKind is what a suppression directive does.
type DirectiveKind int

// Directive kinds, written <!-- prdlint-KIND [RULE...] [-- reason] -->.
const (
	// DirectiveUnknown is a comment starting with "prdlint-" that names no
	// known directive; it does nothing.
	DirectiveUnknown DirectiveKind = iota - 1
	// DirectiveDisable silences findings from its line on, until an enable.
	DirectiveDisable DirectiveKind = iota
	// DirectiveEnable ends a disable from its line on.
	DirectiveEnable
	// DirectiveDisableNextLine silences findings that start on the next
	// line holding prose.
	DirectiveDisableNextLine
	// DirectiveDisableLine, at the end of a line, silences findings whose
	// sentence covers that line.
	DirectiveDisableLine
	// DirectiveDisableFile silences findings anywhere in the file; an
	// enable does not undo it.
	DirectiveDisableFile
)

var directiveNames = map[string]DirectiveKind{
	"prdlint-disable":           DirectiveDisable,
	"prdlint-enable":            DirectiveEnable,
	"prdlint-disable-next-line": DirectiveDisableNextLine,
	"prdlint-disable-line":      DirectiveDisableLine,
	"prdlint-disable-file":      DirectiveDisableFile,
}

// DirectiveNames lists the directive keywords, sorted.
func DirectiveNames() []string {
	names := make([]string, 0, len(directiveNames))
	for n := range directiveNames {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Directive is one suppression directive found in a document.
type Directive struct {
	Kind DirectiveKind
	// Rules are the rule IDs named; empty means every rule.
	Rules []string
	// RuleOffsets[i] is the source byte offset of Rules[i], or -1 when the
	// directive comes from front matter.
	RuleOffsets []int
	// Reason is the text after " -- ", if any.
	Reason string
	// Comment is the HTML comment holding the directive; for the front
	// matter key it is zero but for Line, the line of the key.
	Comment Comment
	// Target is the line a next-line or line directive applies to, or 0
	// when there is none.
	Target int
	// TargetComment is, for a next-line directive that applies to a rule
	// of CategoryDirective among the rules of the check under way, the
	// directive comment on the first line after it that holds one, when
	// that comes before Target: a comment on a line of its own, which holds
	// no prose for Target to reach, so that a disable-next-line naming the
	// rule above it silences the rule's findings about it. Its End is 0
	// when there is none, and always outside a check, where no rule is
	// known.
	TargetComment Comment
	// Problem says why the directive is malformed or has no effect; such
	// a directive still applies as far as it can.
	Problem string

	// keyStart and keyEnd are, for the front matter directive, the source
	// range of the key's name on Comment.Line; empty when the key has no
	// line of its own (a YAML flow mapping), where Comment.Line is the
	// front matter's opening line.
	keyStart, keyEnd int
}

// FrontMatterKey is the front matter key holding file-wide suppressions:
// prdlint: {disable: [rule, ...]}.
const FrontMatterKey = "prdlint"

// directivesKey memoizes a document's directives for the rules of
// CategoryDirective they were read for (see Directive.TargetComment).
type directivesKey struct{ directiveRules string }

// Directives returns the document's suppression directives in source
// order, the front matter's first. Comments that do not start with
// "prdlint-" are not directives.
func Directives(doc *Document) []Directive {
	key := directivesKey{strings.Join(doc.directiveRules, " ")}
	return doc.Memo(key, func() any { return parseDirectives(doc) }).([]Directive)
}

func parseDirectives(doc *Document) []Directive {
	var out []Directive
	if d, ok := frontMatterDirective(doc); ok {
		out = append(out, d)
	}
	var proseLines []int
	var prose []bool // prose[line]: some sentence covers the line
	covered := func(line int) bool {
		if prose == nil {
			prose = make([]bool, doc.LineCount()+2)
			for _, s := range doc.Sentences() {
				for l := s.Line; l <= s.EndLine && l < len(prose); l++ {
					prose[l] = true
				}
			}
		}
		return line >= 0 && line < len(prose) && prose[line]
	}
	var comments []Comment // the directive comments, in source order
	for _, c := range doc.Comments {
		if strings.HasPrefix(c.Text, DirectivePrefix) {
			comments = append(comments, c)
		}
	}
	for j, c := range comments {
		d := parseDirective(c)
		switch d.Kind {
		case DirectiveDisableNextLine:
			if proseLines == nil {
				proseLines = sentenceLines(doc)
			}
			i := sort.SearchInts(proseLines, c.EndLine+1)
			if i < len(proseLines) {
				d.Target = proseLines[i]
			}
			if slices.ContainsFunc(doc.directiveRules, d.appliesTo) {
				rest := comments[j+1:]
				k := sort.Search(len(rest), func(k int) bool { return rest[k].Line > c.EndLine })
				if k < len(rest) && (d.Target == 0 || rest[k].Line < d.Target) {
					d.TargetComment = rest[k]
				}
			}
			if d.Target == 0 && d.TargetComment.End == 0 && d.Problem == "" {
				d.Problem = "no prose follows this prdlint-disable-next-line"
			}
		case DirectiveDisableLine:
			d.Target = c.Line
			if !covered(c.Line) && d.Problem == "" {
				d.Problem = "prdlint-disable-line silences the line it ends, and this line holds no prose (use prdlint-disable-next-line above a line)"
			}
		}
		out = append(out, d)
	}
	return out
}

// sentenceLines returns the sorted, distinct lines on which sentences start.
func sentenceLines(doc *Document) []int {
	var lines []int
	for _, s := range doc.Sentences() {
		if n := len(lines); n == 0 || lines[n-1] != s.Line {
			lines = append(lines, s.Line)
		}
	}
	sort.Ints(lines)
	return lines
}

// parseDirective reads "prdlint-KIND [RULE...] [-- reason]" from a comment.
func parseDirective(c Comment) Directive {
	d := Directive{Comment: c}
	text := c.Text
	head := text
	if i := strings.Index(text, "--"); i >= 0 {
		head, d.Reason = text[:i], strings.TrimSpace(text[i+2:])
	}
	fields := strings.Fields(head)
	keyword := fields[0]
	kind, ok := directiveNames[keyword]
	if !ok {
		d.Kind = DirectiveUnknown
		d.Problem = fmt.Sprintf("unknown directive %q%s", keyword, DidYouMean(keyword, DirectiveNames()))
		return d
	}
	d.Kind = kind
	pos := len(keyword)
	for _, f := range fields[1:] {
		at := strings.Index(head[pos:], f) + pos
		pos = at + len(f)
		off := 0
		for _, id := range strings.Split(f, ",") {
			if id != "" {
				d.Rules = append(d.Rules, id)
				d.RuleOffsets = append(d.RuleOffsets, c.SourceOffset(at+off))
			}
			off += len(id) + 1
		}
	}
	return d
}

// frontMatterDirective reads prdlint: {disable: [rule...], reason: why}
// from the front matter as a file-wide disable.
func frontMatterDirective(doc *Document) (Directive, bool) {
	v, ok := doc.Meta[FrontMatterKey]
	if !ok {
		return Directive{}, false
	}
	d := Directive{Kind: DirectiveDisableFile, Comment: Comment{Line: 1}}
	if start, end, ok := frontMatterKey(doc); ok {
		d.keyStart, d.keyEnd = start, end
		d.Comment.Line, _ = doc.Position(start)
	}
	const want = `front matter "prdlint" must be {disable: [rule, ...], reason: text}`
	m, ok := v.(map[string]any)
	if !ok {
		d.Problem = want
		d.Rules = []string{}
		return d, true
	}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if k != "disable" && k != "reason" {
			// The first unknown key in order, whatever the map's order.
			d.Problem = fmt.Sprintf("unknown front matter key prdlint.%s%s; %s", k, DidYouMean(k, []string{"disable", "reason"}), want)
			break
		}
	}
	switch r := m["reason"].(type) {
	case string:
		d.Reason = strings.TrimSpace(r)
	case nil:
	default:
		d.Problem = want
	}
	switch x := m["disable"].(type) {
	case string:
		d.Rules = []string{x}
	case []any:
		for _, e := range x {
			s, ok := e.(string)
			if !ok {
				d.Problem = want
				continue
			}
			d.Rules = append(d.Rules, s)
		}
	case nil:
		if d.Problem == "" {
			d.Problem = want
		}
	default:
		d.Problem = want
	}
	if d.Rules == nil {
		// Never let a malformed key silence everything.
		d.Rules = []string{}
	}
	for range d.Rules {
		d.RuleOffsets = append(d.RuleOffsets, -1)
	}
	return d, true
}

// frontMatterKey finds the source range of the name of the front matter
// key that holds the directive: in YAML a top-level "prdlint:", in TOML a
// table "[prdlint]" (or "[prdlint.x]"), or, before any table, a key
// "prdlint = …" or "prdlint.x = …"; the name may be quoted. It reports
// false when no line defines the key (a YAML flow mapping).
func frontMatterKey(doc *Document) (start, end int, ok bool) {
	if doc.frontMatterLines < 2 {
		return 0, 0, false
	}
	src, starts := doc.Source, doc.lines.starts
	line := func(i int) []byte { // the 0-based line i, without its line break
		from, to := starts[i], len(src)
		if i+1 < len(starts) {
			to = starts[i+1]
		}
		return bytes.TrimRight(src[from:to], "\r\n")
	}
	toml := bytes.HasSuffix(bytes.TrimRight(line(0), " \t"), []byte("+++"))
	table := false // TOML: a table header came before, so keys are its own
	for i := 1; i < doc.frontMatterLines-1 && i < len(starts); i++ {
		l := line(i)
		if !toml {
			if at, n, next := keyName(l, 0); n > 0 && nextIs(l, next, ":") {
				return starts[i] + at, starts[i] + at + n, true
			}
			continue
		}
		p := skipBlanks(l, 0)
		if p < len(l) && l[p] == '[' {
			h := p + 1
			if h < len(l) && l[h] == '[' {
				h++
			}
			if at, n, next := keyName(l, skipBlanks(l, h)); n > 0 && nextIs(l, next, "].") {
				return starts[i] + at, starts[i] + at + n, true
			}
			table = true
			continue
		}
		if at, n, next := keyName(l, p); !table && n > 0 && nextIs(l, next, "=.") {
			return starts[i] + at, starts[i] + at + n, true
		}
	}
	return 0, 0, false
}

// keyName returns the offset and length of FrontMatterKey at l[p:], bare
// or quoted (the quotes left out), and the offset past it and its closing
// quote; a length of 0 when it is not there.
func keyName(l []byte, p int) (at, n, next int) {
	key := []byte(FrontMatterKey)
	if p < len(l) && (l[p] == '"' || l[p] == '\'') {
		if e := p + 1 + len(key); bytes.HasPrefix(l[p+1:], key) && e < len(l) && l[e] == l[p] {
			return p + 1, len(key), e + 1
		}
		return 0, 0, 0
	}
	if !bytes.HasPrefix(l[p:], key) {
		return 0, 0, 0
	}
	return p, len(key), p + len(key)
}

// nextIs reports whether the first byte of l at or after p that is not a
// space or a tab is one of those in set.
func nextIs(l []byte, p int, set string) bool {
	p = skipBlanks(l, p)
	return p < len(l) && strings.IndexByte(set, l[p]) >= 0
}

// skipBlanks returns the offset of the first byte of l at or after p that
// is not a space or a tab.
func skipBlanks(l []byte, p int) int {
	for p < len(l) && (l[p] == ' ' || l[p] == '\t') {
		p++
	}
	return p
}

// appliesTo reports whether the directive names rule, by ID or pattern (or
// names none, which means every rule).
func (d *Directive) appliesTo(rule string) bool {
	if d.Rules == nil {
		return true
	}
	for _, r := range d.Rules {
		if MatchRule(r, rule) {
			return true
		}
	}
	return false
}

// Suppress is the Filter that applies suppression directives: it drops
// every diagnostic whose start line a directive covers for its rule.
func Suppress(doc *Document, _ *Config, diags []Diagnostic) []Diagnostic {
	if doc == nil {
		return diags
	}
	ds := Directives(doc)
	if len(ds) == 0 {
		return diags
	}
	idx := newSuppressIndex(ds)
	kept := diags[:0]
	for _, d := range diags {
		if !idx.suppressed(&d) {
			kept = append(kept, d)
		}
	}
	return kept
}

// suppressIndex answers suppressed() for many diagnostics without reading
// every directive for each: per rule, the directives that apply to it are
// gathered once, as the targets and toggles suppressed() looks for, so a
// document of thousands of comments and findings costs n log n, not n².
type suppressIndex struct {
	ds       []Directive
	comments []directiveComment // the directives' comments, by start
	rules    map[string]*ruleSuppression
}

type directiveComment struct {
	start, end int
	directive  int // index in ds
	// targetedBy are the next-line directives (indexes in ds) whose
	// TargetComment this is.
	targetedBy []int
}

type ruleSuppression struct {
	file    bool
	next    map[int]bool // disable-next-line targets
	lines   []int        // disable-line targets, sorted
	toggles []toggle     // disable and enable, in source (and line) order
}

type toggle struct {
	line    int
	disable bool
}

func newSuppressIndex(ds []Directive) *suppressIndex {
	x := &suppressIndex{ds: ds, rules: map[string]*ruleSuppression{}}
	for i, d := range ds {
		if c := d.Comment; c.End > c.Start {
			x.comments = append(x.comments, directiveComment{start: c.Start, end: c.End, directive: i})
		}
	}
	sort.SliceStable(x.comments, func(i, j int) bool { return x.comments[i].start < x.comments[j].start })
	for i, d := range ds {
		if t := d.TargetComment; t.End > t.Start {
			j := sort.Search(len(x.comments), func(j int) bool { return x.comments[j].start >= t.Start })
			if j < len(x.comments) && x.comments[j].start == t.Start {
				x.comments[j].targetedBy = append(x.comments[j].targetedBy, i)
			}
		}
	}
	return x
}

// commentHolding returns the directive comment d lies inside, or nil.
func (x *suppressIndex) commentHolding(d *Diagnostic) *directiveComment {
	if d.End <= d.Start {
		return nil
	}
	// Comments do not overlap, and each holds one directive: only the last
	// one starting at or before d can hold it.
	i := sort.Search(len(x.comments), func(i int) bool { return x.comments[i].start > d.Start }) - 1
	if i < 0 || d.End > x.comments[i].end {
		return nil
	}
	return &x.comments[i]
}

func (x *suppressIndex) rule(id string) *ruleSuppression {
	if r := x.rules[id]; r != nil {
		return r
	}
	r := &ruleSuppression{next: map[int]bool{}}
	for i := range x.ds {
		d := &x.ds[i]
		if d.Kind == DirectiveUnknown || !d.appliesTo(id) {
			continue
		}
		switch d.Kind {
		case DirectiveDisableFile:
			r.file = true
		case DirectiveDisableNextLine:
			r.next[d.Target] = true
		case DirectiveDisableLine:
			r.lines = append(r.lines, d.Target)
		case DirectiveDisable, DirectiveEnable:
			r.toggles = append(r.toggles, toggle{d.Comment.Line, d.Kind == DirectiveDisable})
		}
	}
	sort.Ints(r.lines)
	x.rules[id] = r
	return r
}

func (x *suppressIndex) suppressed(d *Diagnostic) bool {
	if c := x.commentHolding(d); c != nil {
		// A finding about a directive: a next-line directive above the
		// comment silences it.
		for _, i := range c.targetedBy {
			if x.ds[i].appliesTo(d.Rule) {
				return true
			}
		}
		// The directive itself must not silence it.
		if dir := &x.ds[c.directive]; dir.Kind != DirectiveUnknown && dir.appliesTo(d.Rule) {
			return suppressed(x.ds, d) // rare: read every directive
		}
	}
	r := x.rule(d.Rule)
	if r.file || r.next[d.Line] {
		return true
	}
	if i := sort.SearchInts(r.lines, d.Line); i < len(r.lines) && r.lines[i] <= max(d.Line, d.EndLine) {
		return true
	}
	// The last toggle at or before the finding's line decides.
	i := sort.Search(len(r.toggles), func(i int) bool { return r.toggles[i].line > d.Line })
	return i > 0 && r.toggles[i-1].disable
}

func suppressed(ds []Directive, d *Diagnostic) bool {
	disabled := false
	for i := range ds {
		x := &ds[i]
		if x.Kind == DirectiveUnknown || !x.appliesTo(d.Rule) {
			continue
		}
		if within(x.Comment, d) {
			// A finding about the directive itself stays visible.
			continue
		}
		switch x.Kind {
		case DirectiveDisableFile:
			return true
		case DirectiveDisableNextLine:
			if x.Target == d.Line || within(x.TargetComment, d) {
				return true
			}
		case DirectiveDisableLine:
			if d.Line <= x.Target && x.Target <= max(d.Line, d.EndLine) {
				return true
			}
		case DirectiveDisable, DirectiveEnable:
			// Directives are in source order: the last one at or before
			// the finding's line decides.
			if x.Comment.Line <= d.Line {
				disabled = x.Kind == DirectiveDisable
			}
		}
	}
	return disabled
}

// within reports whether d lies inside the comment c.
func within(c Comment, d *Diagnostic) bool {
	return c.End > c.Start && d.Start >= c.Start && d.End <= c.End && d.End > d.Start
}
