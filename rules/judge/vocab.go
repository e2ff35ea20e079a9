package judge

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
)

//go:embed vocab.txt
var vocabText string

// Kinds of implementation detail, in a fixed order.
var Kinds = []string{"tech-choice", "architecture", "data-model", "api-shape", "code", "infra"}

const (
	tierBrand = iota
	tierMech
	tierGeneric
)

var tierNames = []string{"brand", "mech", "generic"}

type term struct {
	toks   []string // lowercased tokens (exact case when cased)
	cased  bool
	kind   string
	tier   int
	phrase string
	name   string // signal name, "term:" + phrase
	user   bool   // from Options.Add with a kind prefix: its kind is the team's word
}

// vocab maps a first token to the terms that start with it, longest first.
type vocab struct {
	first  map[string][]*term
	plural map[string]*term // plural form -> one-word term
	all    []*term
}

func parseVocab(text string) []*term {
	var out []*term
	kind, tier := "", tierGeneric
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			f := strings.Fields(line[1 : len(line)-1])
			kind = f[0]
			tier = tierGeneric
			if len(f) > 1 {
				for i, n := range tierNames {
					if n == f[1] {
						tier = i
					}
				}
			}
			continue
		}
		if t := newTerm(line, kind, tier); t != nil {
			out = append(out, t)
		}
	}
	return out
}

func newTerm(s, kind string, tier int) *term {
	cased := strings.HasPrefix(s, "=")
	s = strings.TrimPrefix(s, "=")
	if !cased {
		s = strings.ToLower(s)
	}
	var toks []string
	for _, sp := range tokenize(s, nil) {
		toks = append(toks, s[sp.s:sp.e])
	}
	if len(toks) == 0 {
		return nil
	}
	return &term{toks: toks, cased: cased, kind: kind, tier: tier, phrase: s, name: "term:" + s}
}

func buildVocab(terms []*term, opts Options) *vocab {
	remove := map[string]bool{}
	for _, r := range opts.Remove {
		_, name, _ := splitKind(r) // a term is removed whatever kind it has
		remove[strings.ToLower(strings.TrimSpace(name))] = true
	}
	v := &vocab{first: map[string][]*term{}}
	seen := map[string]bool{}
	addT := func(t *term) {
		key := t.kind + "\x00" + t.phrase
		if remove[strings.ToLower(t.phrase)] || seen[key] {
			return
		}
		seen[key] = true
		v.all = append(v.all, t)
		// tokens are looked up by their lower-case form; a cased term
		// ("=GET") checks its case when it matches
		k := strings.ToLower(t.toks[0])
		v.first[k] = append(v.first[k], t)
	}
	for _, a := range opts.Add {
		kind, name, given := splitKind(a)
		tier := tierBrand
		if !given {
			kind = "tech-choice"
		} else if kind != "tech-choice" {
			tier = tierMech // a named mechanism of that kind
		}
		if t := newTerm(strings.TrimSpace(name), kind, tier); t != nil {
			t.user = given
			addT(t)
		}
	}
	for _, t := range terms {
		addT(t)
	}
	// British spellings of generic and mechanism terms ("serialisation",
	// "containerised") match as the term itself; named products keep theirs.
	var british []*term
	for _, t := range v.all {
		if t.tier == tierBrand || t.cased {
			continue
		}
		uk, changed := make([]string, len(t.toks)), false
		for i, w := range t.toks {
			uk[i] = w
			if b, ok := britishSpelling(w); ok {
				uk[i], changed = b, true
			}
		}
		if changed {
			c := *t
			c.toks = uk
			v.first[uk[0]] = append(v.first[uk[0]], &c)
			british = append(british, &c)
		}
	}
	for _, l := range v.first {
		sort.SliceStable(l, func(i, j int) bool { return len(l[i].toks) > len(l[j].toks) })
	}
	// plural forms of one-word terms, so matching needs one lookup per token
	v.plural = map[string]*term{}
	for _, t := range append(v.all[:len(v.all):len(v.all)], british...) {
		if len(t.toks) != 1 || t.cased {
			continue
		}
		w := t.toks[0]
		for _, p := range []string{w + "s", w + "es", strings.TrimSuffix(w, "y") + "ies"} {
			if _, ok := v.first[p]; !ok && v.plural[p] == nil {
				v.plural[p] = t
			}
		}
	}
	return v
}

// britishSpelling returns the British spelling of a word with an -ize or
// -yze suffix ("serialization" -> "serialisation", "analyzer" -> "analyser");
// ok is false for other words, and for short stems such as "size".
func britishSpelling(w string) (string, bool) {
	for _, suf := range []string{"izations", "ization", "izers", "izer", "izes", "ized", "izing", "ize", "yzers", "yzer", "yzes", "yzed", "yzing", "yze"} {
		if stem, ok := strings.CutSuffix(w, suf); ok && len(stem) >= 4 {
			return stem + suf[:1] + "s" + suf[2:], true
		}
	}
	return "", false
}

// splitKind splits a "kind:term" vocabulary entry; given is false (and
// name the whole entry) when it names no known kind.
func splitKind(entry string) (kind, name string, given bool) {
	if i := strings.Index(entry, ":"); i > 0 && isKind(entry[:i]) {
		return entry[:i], entry[i+1:], true
	}
	return "", entry, false
}

func isKind(s string) bool {
	for _, k := range Kinds {
		if k == s {
			return true
		}
	}
	return false
}

// singular returns a plausible singular of a plural token ("" when none).
func singular(w string) (string, string) {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y", ""
	case strings.HasSuffix(w, "es") && len(w) > 3:
		return w[:len(w)-2], w[:len(w)-1]
	case strings.HasSuffix(w, "s") && len(w) > 2 && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1], ""
	}
	return "", ""
}

// match finds the longest term starting at token i, whose first-token
// candidates and plural entry come from the token's word entry. It returns
// the term and the number of tokens it spans.
func (v *vocab) match(toks []token, i int) (*term, int) {
	we := toks[i].we
	if we == nil {
		return nil, 0
	}
	if best, n := v.matchFrom(we.terms, toks, i); best != nil {
		return best, n
	}
	if we.plural != nil {
		return we.plural, 1
	}
	return nil, 0
}

func (v *vocab) matchFrom(cands []*term, toks []token, i int) (*term, int) {
	for _, t := range cands {
		if i+len(t.toks) > len(toks) {
			continue
		}
		ok := true
		for k := 1; k < len(t.toks); k++ {
			w := toks[i+k].low
			if t.cased {
				w = toks[i+k].raw
			}
			if k == len(t.toks)-1 && w != t.toks[k] {
				if a, b := singular(w); a == t.toks[k] || (b != "" && b == t.toks[k]) {
					continue
				}
			}
			if w != t.toks[k] {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if t.cased && toks[i].raw != t.toks[0] {
			continue
		}
		return t, len(t.toks)
	}
	return nil, 0
}

// VocabularyTiers returns the default vocabulary as kind -> tier -> terms,
// where tier is "brand", "mech" or "generic", each list sorted.
func VocabularyTiers() map[string]map[string][]string {
	out := map[string]map[string][]string{}
	for _, t := range parseVocab(vocabText) {
		if out[t.kind] == nil {
			out[t.kind] = map[string][]string{}
		}
		out[t.kind][tierNames[t.tier]] = append(out[t.kind][tierNames[t.tier]], t.phrase)
	}
	for _, tiers := range out {
		for _, terms := range tiers {
			sort.Strings(terms)
		}
	}
	return out
}

// builtinTerms is the set of the default vocabulary's terms, lower case,
// from the terms the judge loads.
var builtinTerms = sync.OnceValue(func() map[string]bool {
	set := map[string]bool{}
	for _, t := range load().terms {
		set[strings.ToLower(t.phrase)] = true
	}
	return set
})

// HasTerm says whether term (any case; a "kind:" prefix is ignored) is in
// the default vocabulary, the terms Options.Remove can take out.
func HasTerm(term string) bool {
	_, name, _ := splitKind(term)
	return builtinTerms()[strings.ToLower(strings.TrimSpace(name))]
}
