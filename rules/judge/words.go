package judge

// wordEntry is everything known about one lower-cased word, so that each
// token costs one map lookup: its lexical classes, the vocabulary terms that
// start with it, the term it is a plural of, and its model weights.
type wordEntry struct {
	lex    lexEntry
	terms  []*term
	plural *term
	w      float64    // cue-word weight
	kw     [6]float64 // cue-word weights of the kind models
	hasW   bool
}

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
	return m
}
