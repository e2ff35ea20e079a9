package rules

import (
	"regexp"
	"regexp/syntax"
	"strings"

	"github.com/prdlint/prdlint/lint"
)

// wordPattern is a lower-case regular expression with a cheap test in
// front: the literal each of its alternatives starts with. Most sentences
// hold none of them, and strings.Contains rules those out far faster than
// the regexp engine, which tries every alternative at every position.
type wordPattern struct {
	re *regexp.Regexp
	// anchors are the leading literals; nil when some alternative has
	// none, and then every text goes to the regexp.
	anchors []string
	// byFirst, set when every match starts at a word boundary and every
	// anchor with a word character, holds the anchors by first byte:
	// then only the starts of words need looking at.
	byFirst *[256][]string
	// second passes over, without looking at byFirst, words whose
	// first two bytes begin no anchor.
	second *secondBytes
	// atStart, set with byFirst, is re anchored at the start of the text.
	// Every match starts at a word start where an anchor begins, so
	// trying it at those few places answers the same as re does, which
	// tries every alternative at every byte of the text.
	atStart *regexp.Regexp
}

func mustWordPattern(expr string) *wordPattern {
	p := &wordPattern{re: regexp.MustCompile(expr)}
	// regexp compiles with the Perl flags, so expr parses with them too.
	tree, _ := syntax.Parse(expr, syntax.Perl)
	p.anchors = leadingLiterals(tree)
	// A match tried from a later start must see the text as re would: a
	// start-of-text or start-of-line assertion inside the pattern would
	// hold there and not in the whole text.
	if p.anchors != nil && startsAtWordBoundary(tree) && !assertsLineStart(tree) {
		var by [256][]string
		second := &secondBytes{}
		for _, a := range p.anchors {
			if !isWordByte(a[0]) {
				return p
			}
			by[a[0]] = append(by[a[0]], a)
			second.add(a)
		}
		p.byFirst, p.second = &by, second
		p.atStart = regexp.MustCompile(`^(?:` + expr + `)`)
	}
	return p
}

// MatchString reports whether lower-case text matches.
func (p *wordPattern) MatchString(text string) bool {
	switch {
	case p.byFirst != nil:
		for i := 0; i < len(text); i++ {
			if isWordByte(text[i]) && (i == 0 || !isWordByte(text[i-1])) && p.matchesAt(text, i) {
				return true
			}
		}
		return false
	case p.anchors != nil:
		if !containsAny(text, p.anchors) {
			return false
		}
	}
	return p.re.MatchString(text)
}

// matchWords is MatchString on a lowered text, whose word starts are
// already known.
func (p *wordPattern) matchWords(t *lowerText) bool {
	if p.byFirst == nil {
		return p.MatchString(t.low)
	}
	for _, i := range t.starts {
		if p.matchesAt(t.low, int(i)) {
			return true
		}
	}
	return false
}

// matchesAt reports whether a match starts at the word start i. The \b
// every match opens with holds at i both in text and in text[i:], and no
// other assertion looks before i, so the anchored pattern on text[i:]
// answers for re at i.
func (p *wordPattern) matchesAt(text string, i int) bool {
	if !p.second.mayStart(text[i:]) {
		return false
	}
	for _, a := range p.byFirst[text[i]] {
		if strings.HasPrefix(text[i:], a) {
			return p.atStart.MatchString(text[i:])
		}
	}
	return false
}

// wordPatternSet tests many word patterns on a text in one pass over its
// word starts: each start is looked up once in a table of every
// pattern's anchors, not once per pattern.
type wordPatternSet struct {
	patterns []*wordPattern
	// byFirst holds, by first byte, the anchors of the patterns that
	// have the word-start test, with the index of their pattern.
	byFirst [256][]indexedAnchor
	second  secondBytes
}

type indexedAnchor struct {
	anchor  string
	pattern int
}

func newWordPatternSet(patterns ...*wordPattern) *wordPatternSet {
	set := &wordPatternSet{patterns: patterns}
	for k, p := range patterns {
		if p == nil || p.byFirst == nil {
			continue
		}
		for c, anchors := range p.byFirst {
			for _, a := range anchors {
				set.byFirst[c] = append(set.byFirst[c], indexedAnchor{a, k})
				set.second.add(a)
			}
		}
	}
	return set
}

// matchWords sets found[k] for each pattern k that matches t and is
// neither nil nor found already, as patterns[k].matchWords(t) would.
func (set *wordPatternSet) matchWords(t *lowerText, found []bool) {
	// left counts the patterns still to find: once a document has
	// mentioned every topic, its sentences need no scanning.
	left := 0
	for k, p := range set.patterns {
		if p == nil || found[k] {
			continue
		}
		if p.byFirst == nil {
			found[k] = p.matchWords(t)
			continue
		}
		left++
	}
	for _, i := range t.starts {
		if left == 0 {
			return
		}
		rest := t.low[i:]
		if !set.second.mayStart(rest) {
			continue
		}
		for _, a := range set.byFirst[rest[0]] {
			// Two anchors of a pattern that both start here try it
			// twice, to the same answer.
			if !found[a.pattern] && strings.HasPrefix(rest, a.anchor) && set.patterns[a.pattern].atStart.MatchString(rest) {
				found[a.pattern] = true
				left--
			}
		}
	}
}

// secondBytes holds, for each first byte of some anchors, the set of
// bytes that follow it in them: most words begin with two bytes that start
// no anchor, and one bit test rules them out.
type secondBytes [256][4]uint64

func (sb *secondBytes) add(anchor string) {
	row := &sb[anchor[0]]
	if len(anchor) == 1 {
		// Any word starting with this byte may match.
		*row = [4]uint64{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
		return
	}
	c := anchor[1]
	row[c>>6] |= 1 << (c & 63)
}

// mayStart reports whether some anchor may be a prefix of text, which is
// not empty: false only when none is.
func (sb *secondBytes) mayStart(text string) bool {
	if len(text) < 2 {
		return sb[text[0]] != [4]uint64{}
	}
	c := text[1]
	return sb[text[0]][c>>6]&(1<<(c&63)) != 0
}

// lowerText is a sentence lower-cased with lint.LowerASCII (so its offsets
// are the sentence's) and the offsets where its words start: made once per
// sentence, it serves every pattern matched against the sentence.
type lowerText struct {
	low    string
	starts []int32
}

// lowered returns text's lowerText; its word starts are appended to buf,
// so a caller can keep one backing array for many sentences.
func lowered(text string, buf []int32) (lowerText, []int32) {
	low := lint.LowerASCII(text)
	from := len(buf)
	buf = appendWordStarts(buf, low)
	return lowerText{low: low, starts: buf[from:len(buf):len(buf)]}, buf
}

// loweredAll is lowered for many texts at once: one allocation holds
// every lower-cased text and one every word start, not one or two per
// sentence.
func loweredAll(texts []string) []lowerText {
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	b := make([]byte, 0, n)
	for _, t := range texts {
		b = lint.AppendLowerASCII(b, t)
	}
	all := string(b)
	out := make([]lowerText, len(texts))
	starts := make([]int32, 0, n/5)
	for i, t := range texts {
		low := all[:len(t)]
		all = all[len(t):]
		from := len(starts)
		starts = appendWordStarts(starts, low)
		out[i] = lowerText{low: low, starts: starts[from:len(starts):len(starts)]}
	}
	return out
}

// appendWordStarts appends to buf the offsets in text of the word bytes
// that follow no word byte: the places where \b opens a word.
func appendWordStarts(buf []int32, text string) []int32 {
	inWord := false
	for i := 0; i < len(text); i++ {
		w := wordBytes[text[i]]
		if w && !inWord {
			buf = append(buf, int32(i))
		}
		inWord = w
	}
	return buf
}

// wordBytes is isWordByte as a table, for the loop over every byte of
// every sentence.
var wordBytes = func() (t [256]bool) {
	for c := range t {
		t[c] = isWordByte(byte(c))
	}
	return t
}()

// isWordByte is \w in Go's regexp: an ASCII letter, digit or underscore.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// startsAtWordBoundary reports whether every match of re starts with
// \b (before any character).
func startsAtWordBoundary(re *syntax.Regexp) bool {
	var starts func(r *syntax.Regexp) bool
	starts = func(r *syntax.Regexp) bool {
		switch r.Op {
		case syntax.OpWordBoundary:
			return true
		case syntax.OpCapture:
			return starts(r.Sub[0])
		case syntax.OpConcat:
			return len(r.Sub) > 0 && starts(r.Sub[0])
		case syntax.OpAlternate:
			for _, sub := range r.Sub {
				if !starts(sub) {
					return false
				}
			}
			return true
		}
		return false
	}
	return starts(re)
}

// assertsLineStart reports whether re holds a ^ or \A anywhere.
func assertsLineStart(re *syntax.Regexp) bool {
	var has func(r *syntax.Regexp) bool
	has = func(r *syntax.Regexp) bool {
		if r.Op == syntax.OpBeginLine || r.Op == syntax.OpBeginText {
			return true
		}
		for _, sub := range r.Sub {
			if has(sub) {
				return true
			}
		}
		return false
	}
	return has(re)
}

func containsAny(text string, subs []string) bool {
	for _, s := range subs {
		if strings.Contains(text, s) {
			return true
		}
	}
	return false
}

// leadingLiterals returns the literals every match of re starts with
// (after leading word boundaries and anchors), as long as the pattern
// allows; nil when a match can start otherwise.
func leadingLiterals(re *syntax.Regexp) []string {
	set, _, ok := prefixes(re)
	if !ok || len(set) == 0 {
		return nil
	}
	for _, s := range set {
		if s == "" {
			return nil
		}
	}
	return set
}

// maxPrefixes bounds the strings a pattern is expanded to.
const maxPrefixes = 256

// anchorLen is the length from which a prefix is long enough to anchor a
// match on; a concatenation is expanded no further once every prefix has
// it.
const anchorLen = 4

func shortest(set []string) int {
	n := len(set[0])
	for _, s := range set[1:] {
		n = min(n, len(s))
	}
	return n
}

// prefixes returns strings one of which starts every match of r; exact
// says r matches exactly those strings; ok is false when r can start with
// something no literal describes.
func prefixes(r *syntax.Regexp) (set []string, exact, ok bool) {
	switch r.Op {
	case syntax.OpLiteral:
		if r.Flags&syntax.FoldCase != 0 {
			return nil, false, false
		}
		return []string{string(r.Rune)}, true, true
	case syntax.OpCapture:
		return prefixes(r.Sub[0])
	case syntax.OpAlternate:
		exact = true
		for _, sub := range r.Sub {
			s, e, ok := prefixes(sub)
			if !ok {
				return nil, false, false
			}
			set = append(set, s...)
			exact = exact && e
		}
		return set, exact, true
	case syntax.OpConcat:
		set = []string{""}
		for _, sub := range r.Sub {
			switch sub.Op {
			case syntax.OpWordBoundary, syntax.OpBeginLine, syntax.OpBeginText:
				if len(set) == 1 && set[0] == "" {
					continue
				}
				return set, false, true
			}
			s, e, ok := prefixes(sub)
			if !ok || len(set)*len(s) > maxPrefixes {
				return set, false, set[0] != "" || len(set) > 1
			}
			var next []string
			for _, a := range set {
				for _, b := range s {
					next = append(next, a+b)
				}
			}
			set = next
			if !e {
				return set, false, true
			}
			// Enough to anchor on: expanding every alternative of the
			// words after would only multiply the prefixes tried at each
			// word start ("(?:loses?|lost) (?:the |its )?(?:connection|signal)"
			// anchors on "loses", "lost" and the like).
			if shortest(set) >= anchorLen {
				return set, false, true
			}
		}
		return set, true, true
	}
	return nil, false, false
}
