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
	// byFirst, set when every match starts at a word boundary and every
	// anchor with a word character, holds the anchors by first byte:
	// then only the starts of words need looking at.
	byFirst *[256][]string
}

func mustWordPattern(expr string) *wordPattern {
	p := &wordPattern{re: regexp.MustCompile(expr), anchors: leadingLiterals(expr)}
	if p.anchors != nil && startsAtWordBoundary(syntax.Perl, expr) {
		var by [256][]string
		for _, a := range p.anchors {
			if !isWordByte(a[0]) {
				return p
			}
			by[a[0]] = append(by[a[0]], a)
		}
		p.byFirst = &by
	}
	return p
}

// MatchString reports whether lower-case text matches.
func (p *wordPattern) MatchString(text string) bool {
	switch {
	case p.byFirst != nil:
		if !p.anchoredAtWordStart(text) {
			return false
		}
	case p.anchors != nil:
		if !containsAny(text, p.anchors) {
			return false
		}
	}
	return p.re.MatchString(text)
}

// anchoredAtWordStart reports whether an anchor starts at a word start.
func (p *wordPattern) anchoredAtWordStart(text string) bool {
	for i := 0; i < len(text); i++ {
		if !isWordByte(text[i]) || i > 0 && isWordByte(text[i-1]) {
			continue
		}
		for _, a := range p.byFirst[text[i]] {
			if strings.HasPrefix(text[i:], a) {
				return true
			}
		}
	}
	return false
}

// isWordByte is \w in Go's regexp: an ASCII letter, digit or underscore.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// startsAtWordBoundary reports whether every match of expr starts with
// \b (before any character).
func startsAtWordBoundary(flags syntax.Flags, expr string) bool {
	re, err := syntax.Parse(expr, flags)
	if err != nil {
		return false
	}
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
