package rules

import (
	"regexp"
	"regexp/syntax"
	"strings"
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
}

func mustWordPattern(expr string) *wordPattern {
	return &wordPattern{re: regexp.MustCompile(expr), anchors: leadingLiterals(expr)}
}

// MatchString reports whether lower-case text matches.
func (p *wordPattern) MatchString(text string) bool {
	if p.anchors != nil && !containsAny(text, p.anchors) {
		return false
	}
	return p.re.MatchString(text)
}

func containsAny(text string, subs []string) bool {
	for _, s := range subs {
		if strings.Contains(text, s) {
			return true
		}
	}
	return false
}

// leadingLiterals returns the literals every match of expr starts with
// (after leading word boundaries and anchors), as long as the pattern
// allows; nil when a match can start otherwise.
func leadingLiterals(expr string) []string {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
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
const maxPrefixes = 64

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
		}
		return set, true, true
	}
	return nil, false, false
}
