// Package judge is the sentence judge behind the how-* rules: it decides
// whether a sentence of a product requirement document prescribes HOW to
// build something (technology, architecture, data model, API shape, code,
// infrastructure) rather than stating WHAT is needed and WHY.
//
// It is a package of its own so that the rules and its learner (package
// training, run by cmd/prdlint-train) can share it; its API serves them
// and may change without notice.
//
// It uses no part-of-speech tagger: sentences are tokenised, matched against
// an embedded vocabulary and word classes, and a handful of constructions
// ("we will add", imperatives, "is stored in", "a new field", "via Kafka",
// component + verb) are detected. A small logistic-regression model, trained
// by cmd/prdlint-train and embedded as model.json, weighs the evidence into a
// calibrated probability.
package judge

import (
	_ "embed"
	"encoding/json"
	"math"
	"sort"
	"strings"
	"sync"
	"unicode"
)

// Input is one sentence as the engine sees it.
type Input struct {
	Text    string   // the sentence, plain text; code span contents are included verbatim (without backticks)
	Code    [][2]int // byte ranges [start,end) in Text that were inline code spans in the Markdown
	Heading bool     // the sentence is a heading
	Section []string // heading path of the sentence, outermost first (may be empty)
	// AfterToday says that the sentences before this one in its paragraph
	// describe today's system (Verdict.Today), so this one does too
	// unless it proposes something.
	AfterToday bool
}

// Signal is one piece of evidence for a verdict.
type Signal struct {
	Name       string  // short machine name, e.g. "imperative-add", "term:kafka", "new-field"
	Start, End int     // byte range in Input.Text that triggered it (End > Start); -1,-1 when not local
	Text       string  // what the user sees, e.g. "Kafka", "a new field", "we will replicate"
	Kind       string  // the kind of implementation detail this evidence points to ("" when none)
	Weight     float64 // the signal's contribution to the score (log-odds); signals are sorted by it
}

// Local reports whether the signal points to a stretch of text, the
// sentence it was found in: evidence a message can quote and mark.
func (sig Signal) Local(text string) bool {
	return sig.Start >= 0 && sig.End > sig.Start && sig.End <= len(text) && sig.Text != ""
}

// Pointed reports whether the sentence names a term, holds an identifier
// or a code span, or any of the verdict's signals is local to text.
func (v Verdict) Pointed(text string) bool {
	if v.names {
		return true
	}
	for _, sig := range v.Signals {
		if sig.Local(text) {
			return true
		}
	}
	return false
}

// UnpointedThreshold is the How value from which a sentence is reported
// when nothing in it can be pointed to (Verdict.Pointed is false): no
// term, no identifier or code span and no construction. Between DefaultThreshold and 0.6,
// such verdicts were right 3 times in 11 on the sixteen held-out sets of
// PRDs written as product managers write them (where findings with
// something to point to are right nine times in ten), and 13 times in 23
// on the held-out design-document sentences.
const UnpointedThreshold = 0.6

// Reported reports whether the verdict on text reaches the threshold that
// applies to it: DefaultThreshold, or UnpointedThreshold with no evidence
// to point to.
func (v Verdict) Reported(text string) bool {
	return ReportedAt(v.How, v.Pointed(text), DefaultThreshold)
}

// ReportedAt reports whether a How value reaches threshold t, or, when
// nothing in the sentence can be pointed to, the higher of t and
// UnpointedThreshold.
func ReportedAt(how float64, pointed bool, t float64) bool {
	return how >= t && (pointed || how >= UnpointedThreshold)
}

// Verdict is the judgement of one sentence.
type Verdict struct {
	How     float64  // calibrated confidence in [0,1] that the sentence prescribes implementation
	Kind    string   // one of: "tech-choice", "architecture", "data-model", "api-shape", "code", "infra"
	Signals []Signal // the evidence, strongest first
	// Today says that the sentence describes today's system and proposes
	// nothing: it opens so ("Currently, …") or follows such sentences in
	// its paragraph (Input.AfterToday).
	Today bool
	// names: the sentence names a term, holds an identifier or a code
	// span, whether or not that weighs towards how ("namespace",
	// "cluster" weigh a little against)
	names bool
}

// Options adjust the vocabulary.
type Options struct {
	// Add lists extra implementation terms. A term may be prefixed by a kind
	// ("data-model:ledger"); without one it is treated as a tech choice.
	// A verdict such a term is evidence for takes its kind (a bare term
	// decides nothing).
	Add []string
	// Remove lists terms to treat as product words (never implementation),
	// with or without a kind prefix.
	Remove []string
}

// DefaultThreshold is the How value from which the rules report a sentence.
const DefaultThreshold = 0.525

//go:embed model.json
var modelJSON []byte

// Model is the serialised logistic-regression model, the format of the
// embedded model.json that package training writes (Weights.Model).
type Model struct {
	Version int `json:"version"` // the format's version, 1
	// Weights holds the How model's weights by feature name (FeatureNames),
	// and by cue word as "w:word".
	Weights   map[string]float64 `json:"weights"`
	Threshold float64            `json:"threshold,omitempty"` // the threshold the training report used
	// Kinds holds one-vs-rest weights per kind, used to pick Verdict.Kind.
	Kinds map[string]map[string]float64 `json:"kinds,omitempty"`
	Notes map[string]any                `json:"notes,omitempty"` // how the model was trained, for people
}

type shared struct {
	w     [nFeat]float64
	ww    map[string]float64 // cue-word weights ("w:" entries of the model)
	km    *kindModel
	terms []*term
	voc   *vocab
}

var (
	loadOnce sync.Once
	loaded   *shared
)

func load() *shared {
	loadOnce.Do(func() {
		var m Model
		if err := json.Unmarshal(modelJSON, &m); err != nil {
			panic("judge: bad embedded model: " + err.Error())
		}
		s := &shared{terms: parseVocab(vocabText)}
		s.w, s.ww = weightsFrom(m.Weights)
		s.km = kindModelFrom(m.Kinds)
		s.voc = buildVocab(s.terms, Options{})
		loaded = s
	})
	return loaded
}

func weightsFrom(m map[string]float64) ([nFeat]float64, map[string]float64) {
	var w [nFeat]float64
	ww := map[string]float64{}
	for k, v := range m {
		if i, ok := featIndex[k]; ok {
			w[i] = v
		} else if len(k) > 2 && k[:2] == "w:" {
			ww[k[2:]] = v
		}
	}
	return w, ww
}

// Judge is built once and safe for concurrent use.
type Judge struct {
	once sync.Once
	opts Options
	w    [nFeat]float64
	ww   map[string]float64
	km   *kindModel
	voc  *vocab
	pool sync.Pool

	words      map[string]*wordEntry // one lookup per token
	firstWords map[string]*wordEntry // weights of "^word" (sentence-initial cue words)
	secCache   sync.Map              // heading -> section category
	training   bool                  // record every cue word, for Vectors
}

type scratch struct {
	toks []token
	sps  []span
	ex   extraction
}

// New returns a Judge. The embedded model and vocabulary are loaded on the
// first call to Judge.
func New(opts Options) *Judge {
	return &Judge{opts: opts}
}

// newWithWeights builds the Judge of JudgeWith.
func newWithWeights(opts Options, w [nFeat]float64, ww map[string]float64, km *kindModel) *Judge {
	j := &Judge{opts: opts}
	j.init()
	j.w, j.ww, j.km = w, ww, km
	j.rebuildWords()
	return j
}

func (j *Judge) init() {
	j.once.Do(func() {
		s := load()
		j.w, j.ww, j.km = s.w, s.ww, s.km
		if len(j.opts.Add) == 0 && len(j.opts.Remove) == 0 {
			j.voc = s.voc
		} else {
			j.voc = buildVocab(s.terms, j.opts)
		}
		j.pool.New = func() any { return &scratch{toks: make([]token, 0, 64), sps: make([]span, 0, 64)} }
		j.rebuildWords()
	})
}

// rebuildWords builds the per-token lookup table from the lexicon, the
// vocabulary and the current weights.
func (j *Judge) rebuildWords() {
	ww := map[string]float64{}
	first := map[string]float64{}
	for k, v := range j.ww {
		if len(k) > 1 && k[0] == '^' {
			first[k[1:]] = v
		} else {
			ww[k] = v
		}
	}
	var kmWords, kmFirst map[string][6]float64
	if j.km != nil {
		kmWords, kmFirst = map[string][6]float64{}, map[string][6]float64{}
		for k, v := range j.km.words {
			if len(k) > 1 && k[0] == '^' {
				kmFirst[k[1:]] = v
			} else {
				kmWords[k] = v
			}
		}
	}
	lex := buildLexicon() // fills britishForms
	shareBritishWeights(ww)
	shareBritishWeights(first)
	shareBritishWeights(kmWords)
	shareBritishWeights(kmFirst)
	j.words = buildWords(lex, j.voc, ww, &kindModel{words: kmWords})
	j.firstWords = map[string]*wordEntry{}
	firstWord := func(w string) *wordEntry {
		e := j.firstWords[w]
		if e == nil {
			e = &wordEntry{hasW: true}
			j.firstWords[w] = e
		}
		return e
	}
	for w, v := range first {
		firstWord(w).w = v
	}
	for w, v := range kmFirst {
		firstWord(w).kw = v
	}
}

// shareBritishWeights gives a British spelling the model has no weight for
// the American one's: "serialised" is read as "serialized".
func shareBritishWeights[V any](m map[string]V) {
	for uk, us := range britishForms {
		if v, ok := m[us]; ok {
			if _, own := m[uk]; !own {
				m[uk] = v
			}
		}
	}
}

// Question reports whether a sentence asks: it ends in a question mark,
// closing quotes, brackets or emphasis aside. The judge weighs it as a
// feature; the how rules do not report a question at all.
func Question(text string) bool {
	return strings.HasSuffix(strings.TrimRight(text, " \t)]*_\"'’”"), "?")
}

// Judge judges one sentence.
func (j *Judge) Judge(in Input) Verdict {
	j.init()
	sc := j.pool.Get().(*scratch)
	sc.ex.x = [nFeat]float64{}
	sc.ex.sigs = sc.ex.sigs[:0]
	sc.ex.words = sc.ex.words[:0]
	sc.ex.wents = sc.ex.wents[:0]
	sc.toks = j.extract(in, &sc.ex, sc.toks, sc.sps)
	f, _, _ := frameOf(in.Text, sc.toks)
	z := j.logOdds(&sc.ex)
	// A sentence after a description of today carries it on unless it
	// proposes something; an order ("Store sessions in …") that reaches
	// the threshold on its own proposes as surely as "we will" ("See
	// below." does not).
	imperative := sc.ex.x[fImpDesign]+sc.ex.x[fImpOutcome]+sc.ex.x[fImpUI] > 0
	// A shortcoming told in a description of today is part of it.
	carried := (f == noFrame || f == frameShortcoming) && (in.AfterToday || backgroundSection(&sc.ex)) && !proposes(sc.toks) && !(imperative && sigmoid(z) >= DefaultThreshold)
	if f != noFrame || carried {
		z += frameWeight
	}
	v := j.verdict(&sc.ex, z)
	v.Today = f == frameToday || carried
	// a code span is something to point to, whether or not it weighs
	// ("Version the events API under `/v3` and keep `/v2` for a year.")
	v.names = v.names || len(in.Code) > 0
	j.pool.Put(sc)
	if !hasWord(in.Text) {
		// Values, dates, versions and paths ("`v1.4.2`, `v1.5.0`") with no
		// word among them prescribe nothing: there is no sentence to judge.
		v.How, v.Signals = 0, nil
	}
	return v
}

// secMotivation is the section category of headings that set out how
// things are (Background, Motivation, Current behaviour, Context, Problem).
var secMotivation = secIndex["motivation"]

// backgroundSection reports a sentence under such a heading.
func backgroundSection(ex *extraction) bool {
	return ex.secKnown && ex.secCat == secMotivation
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// hasWord reports whether s holds two ASCII letters in a row (what mathLike
// looks for), or any non-ASCII letter: some word, in code or out of it.
func hasWord(s string) bool {
	if !mathLike(s) {
		return true
	}
	for _, r := range s {
		if r > 0x7f && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// logOdds weighs the extracted evidence.
func (j *Judge) logOdds(ex *extraction) float64 {
	z := 0.0
	for i, v := range ex.x {
		z += j.w[i] * v
	}
	for _, we := range ex.wents {
		z += we.w
	}
	return z
}

// verdict turns the log-odds z (logOdds, with a mention frame's weight
// added when there is one) and the evidence into a verdict.
func (j *Judge) verdict(ex *extraction, z float64) Verdict {
	v := Verdict{How: sigmoid(z)}
	var kindScore [6]float64
	// A sentence has a few signals, looked through directly; a runaway one
	// (a pasted log of product names, one sentence of megabytes) has
	// thousands, and finds duplicates through a map instead.
	var seen map[signalKey]bool
	for _, r := range ex.sigs {
		w := j.w[r.feat]
		if r.end > r.start && (strings.HasPrefix(r.name, "term:") || r.name == "identifier") {
			v.names = true
		}
		if w <= 0 {
			continue
		}
		if r.kind != "" {
			kindScore[kindIndex(r.kind)] += w
		}
		name := r.name
		if r.word != "" {
			name += r.word
		}
		if seen != nil {
			if seen[signalKey{r.start, w, name}] {
				continue
			}
		} else {
			dup := false
			for _, s := range v.Signals {
				if s.Start == r.start && s.Weight == w && s.Name == name {
					dup = true
					break
				}
			}
			if dup {
				continue
			}
		}
		s, e := r.start, r.end
		if e <= s {
			s, e = -1, -1
		}
		if v.Signals == nil {
			v.Signals = make([]Signal, 0, 4)
		}
		v.Signals = append(v.Signals, Signal{Name: name, Start: s, End: e, Text: r.text, Kind: r.kind, Weight: w})
		if seen == nil && len(v.Signals) > manySignals {
			seen = make(map[signalKey]bool, 2*manySignals)
			for _, x := range v.Signals {
				seen[signalKey{x.Start, x.Weight, x.Name}] = true
			}
		} else if seen != nil {
			seen[signalKey{s, w, name}] = true
		}
	}
	// Strongest first, ties in the order found.
	if len(v.Signals) <= manySignals {
		for k := 1; k < len(v.Signals); k++ {
			for i := k; i > 0 && v.Signals[i].Weight > v.Signals[i-1].Weight; i-- {
				v.Signals[i], v.Signals[i-1] = v.Signals[i-1], v.Signals[i]
			}
		}
	} else {
		sort.SliceStable(v.Signals, func(a, b int) bool { return v.Signals[a].Weight > v.Signals[b].Weight })
	}
	if len(v.Signals) > 8 {
		v.Signals = v.Signals[:8]
	}
	if j.km != nil {
		for k := range kindScore {
			kindScore[k] = kindAlpha*kindScore[k] + j.km.bias[k]
		}
		for i, x := range ex.x {
			if x != 0 {
				for k := range kindScore {
					kindScore[k] += j.km.w[k][i] * x
				}
			}
		}
		for _, we := range ex.wents {
			for k := range kindScore {
				kindScore[k] += we.kw[k]
			}
		}
	}
	best, bi := math.Inf(-1), 1 // architecture by default
	for i, s := range kindScore {
		if s > best {
			best, bi = s, i
		}
	}
	v.Kind = Kinds[bi]
	// A team's own term given a kind ("data-model:ledger") is of that kind,
	// and so is a finding that names it (the message names terms first).
	for _, r := range ex.sigs {
		if r.user && j.w[r.feat] > 0 {
			v.Kind = r.kind
			break
		}
	}
	return v
}

// manySignals is where verdict stops comparing signals one by one.
const manySignals = 16

// signalKey identifies a signal for de-duplication: where it starts, its
// weight and its name.
type signalKey struct {
	start  int
	weight float64
	name   string
}

// kindModel holds one-vs-rest logistic weights per kind.
type kindModel struct {
	bias  [6]float64
	w     [6][nFeat]float64
	words map[string][6]float64
}

func kindModelFrom(m map[string]map[string]float64) *kindModel {
	if len(m) == 0 {
		return nil
	}
	km := &kindModel{words: map[string][6]float64{}}
	for kind, ws := range m {
		k := kindIndex(kind)
		for name, v := range ws {
			if i, ok := featIndex[name]; ok {
				km.w[k][i] = v
			} else if len(name) > 2 && name[:2] == "w:" {
				a := km.words[name[2:]]
				a[k] = v
				km.words[name[2:]] = a
			}
		}
		km.bias[k] = km.w[k][fBias]
		km.w[k][fBias] = 0
	}
	return km
}

// kindAlpha weighs the kinds of the signals that fired (a named database
// points to tech-choice, "column" to data-model) against the kind model.
// Both together name the kind a reader expects more often than either
// alone: under document-grouped cross-validation, 0.58 of true positives
// against 0.53 for the kind model alone and 0.56 for the signals alone;
// any weight from 0.3 to 2 gives the same.
const kindAlpha = 0.5
