package judge

import (
	"maps"
	"slices"
)

// wordEntry is everything known about one lower-cased word, so that each
// token costs one map lookup: its lexical classes, the vocabulary terms that
// start with it, the term it is a plural of, its model weights and the word
// lists that hold it.
type wordEntry struct {
	lex    lexEntry
	terms  []*term
	plural *term
	w      float64    // cue-word weight
	kw     [6]float64 // cue-word weights of the kind models
	hasW   bool
	lists  wordLists
}

// wordLists marks the word lists that hold a word. The lists read for
// every word of every sentence are read from the word's entry, found once
// per token, instead of with one map lookup per list and token.
type wordLists uint16

const (
	inDocsWords wordLists = 1 << iota
	inDeferVerbs
	inDeferOwners
	inProposalWords
	inIrregularPast
	inSecondPerson
	inScopeVerbs
	inPresentForms
	inProperNames
	inWayNouns
	inProposalOpeners
	inDocumentItself
	inCostVerbs
	inCallVerbs
	inFrequencyWords
)

// listedWords are the lists wordLists marks.
var listedWords = []struct {
	list  wordLists
	words map[string]bool
}{
	{inDocsWords, docsWords},
	{inDeferVerbs, deferVerbs},
	{inDeferOwners, deferOwners},
	{inProposalWords, proposalWords},
	{inIrregularPast, irregularPast},
	{inSecondPerson, secondPersonWords},
	{inScopeVerbs, scopeVerbs},
	{inPresentForms, presentForms},
	{inProperNames, properNames},
	{inWayNouns, wayNouns},
	{inProposalOpeners, proposalOpeners},
	{inDocumentItself, documentItself},
	{inCostVerbs, withWords(costVerbs, slices.Collect(maps.Keys(addOrIncrease))...)},
	{inCallVerbs, withWords(nil, slices.Concat(slices.Collect(maps.Keys(callVerbs)), slices.Collect(maps.Keys(fromVerbs)))...)},
	{inFrequencyWords, frequencyWords},
}

// properNames are products and platforms written in CamelCase that name a
// place or a service people use ("hosted on GitHub", "on macOS"), not an
// identifier in code: their shape is no evidence of code.
var properNames = map[string]bool{
	"github": true, "gitlab": true, "macos": true, "youtube": true, "linkedin": true, "paypal": true,
	"whatsapp": true, "wordpress": true, "sharepoint": true, "onedrive": true, "pagerduty": true,
	"docusign": true, "quickbooks": true, "iphone": true, "ipad": true, "fedramp": true, "healthkit": true,
	"applecare": true, "playstation": true, "testflight": true, "appstore": true, "hubspot": true, "netsuite": true,
	"servicenow": true, "surveymonkey": true,
}

// in reports whether list holds the token's word, as list's map would
// for t.low.
func (t *token) in(list wordLists) bool { return t.we != nil && t.we.lists&list != 0 }

func buildWords(lex map[string]lexEntry, voc *vocab, ww map[string]float64, km *kindModel) map[string]*wordEntry {
	m := make(map[string]*wordEntry, len(lex)+len(voc.first)+len(voc.plural))
	get := func(w string) *wordEntry {
		e := m[w]
		if e == nil {
			e = &wordEntry{}
			m[w] = e
		}
		return e
	}
	for w, l := range lex {
		get(w).lex = l
	}
	for w, ts := range voc.first {
		get(w).terms = ts
	}
	for w, t := range voc.plural {
		get(w).plural = t
	}
	for w, v := range ww {
		if e, ok := m[w]; ok {
			e.w, e.hasW = v, true
		}
	}
	if km != nil {
		for w, kv := range km.words {
			if e, ok := m[w]; ok {
				e.kw, e.hasW = kv, true
			}
		}
	}
	// Last, so that a word only a list holds gets an entry with no weights.
	for _, l := range listedWords {
		for w := range l.words {
			get(w).lists |= l.list
		}
	}
	return m
}
