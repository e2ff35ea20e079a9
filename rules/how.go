package rules

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/prdlint/prdlint/lint"
	"github.com/prdlint/prdlint/rules/judge"
)

// howSpec describes one kind of implementation prescription. The six how-*
// rules share one judgement per sentence (made once per document) and each
// reports the sentences whose most likely kind is its own, so a sentence
// is reported once, by the rule that names what it prescribes.
type howSpec struct {
	id, kind string
	// does is what a sentence the rule reports does ("prescribes the data
	// model: tables, …"), which its summary and documentation say.
	does      string
	bad, good []string
	// named formats what fired when the evidence is a named term;
	// reason formats it when the evidence is a construction.
	named, reason string
	// question asks for the what/why the author should state instead.
	question string
}

func (h howSpec) rule() *lint.Rule {
	js := &judges{}
	return &lint.Rule{
		ID:       h.id,
		Category: lint.CategoryHow,
		Severity: lint.SeverityWarning,
		Summary:  "Sentence " + h.does,
		Doc:      howDoc(h.does),
		Bad:      h.bad,
		Good:     h.good,
		Options:  []string{"vocabulary.add", "vocabulary.remove", "min-confidence", "design-sections", "what-sections"},
		Run:      func(pass *lint.Pass) { h.run(pass, js) },
	}
}

// howDoc is the documentation of the how-* rule whose sentences do what
// does says: the six rules judge a sentence the same way and differ only
// in the kind of design it prescribes.
func howDoc(does string) string {
	return `A PRD says what is needed and why; the engineering team owns how.
This rule reports a sentence that
` + does + `,
instead of stating the need behind it. It judges the sentence, not a word:
background ("Today carts live in one Redis node"), constraints, SLOs and
non-goals that name technology are not reported, nor are headings and
open questions ("Should we keep carts in Redis?").`
}

func (h howSpec) run(pass *lint.Pass, js *judges) {
	for _, sv := range verdicts(pass, js) {
		v := sv.verdict
		if v.Kind != h.kind || !v.Reported(sv.sentence.Text) {
			continue
		}
		if b := sv.sentence.Block; b.Kind == lint.BlockHeading || b.Label {
			// A heading names its section's topic ("How we'll build it",
			// "**Option 2: a queue per tenant**"); the sentences under it
			// say what is prescribed, and are judged themselves.
			continue
		}
		if judge.Question(sv.sentence.Text) {
			// An open question asks the team ("Should we store card
			// details ourselves or rely on the payment provider?"); it
			// prescribes nothing, however technical it reads. All 74
			// labelled questions of the evaluation sets are what.
			continue
		}
		msg, hint, mark := h.message(sv.sentence, v)
		pass.ReportSentence(sv.sentence, lint.Finding{
			Message:    msg,
			Hint:       hint,
			Confidence: v.How,
			Mark:       mark,
		})
	}
}

// wholeWording is the message of a finding that no single term or
// construction carries: the cue words together tip it, and the reader
// should know that no one word is to blame.
const wholeWording = "Prescribes implementation (judged from the wording as a whole; no single term or construction decides it)."

// wholeWordingQuestion is the hint of such a finding.
const wholeWordingQuestion = "What need does this sentence serve? State the outcome users or operators must see; let the team decide how to build it."

// message says what fired and marks it in the sentence, with the rule's
// question; or says that the wording as a whole did, with a question that
// fits any kind of design, since no one piece of evidence says which it is.
func (h howSpec) message(s *lint.Sentence, v judge.Verdict) (msg, hint string, mark []int) {
	sig, ok := evidence(s, v)
	if !ok {
		return wholeWording, wholeWordingQuestion, nil
	}
	format := h.reason
	if strings.HasPrefix(sig.Name, "term:") {
		format = h.named
	} else if sig.Name == conditionalBehaviour {
		// the quote opens the condition ("When a Term"); the design is
		// the system's reaction to it, which a PM reads from this
		format = reactsReason
	}
	text, end := sig.Text, sig.End
	if end-sig.Start > maxMarkBytes && text == s.Text[sig.Start:end] {
		// A whole clause ("If term changes to no longer be localizable, a
		// corresponding Entity") is quoted and marked by its opening words.
		cut := strings.LastIndexByte(text[:maxMarkBytes], ' ')
		if cut <= 0 {
			cut = maxMarkBytes
			for cut > 0 && !utf8.RuneStart(text[cut]) {
				cut--
			}
		}
		opening := strings.TrimRight(text[:cut], " ,;:")
		text, end = opening+"…", sig.Start+len(opening)
	}
	return fmt.Sprintf(format, text), h.question, []int{sig.Start, end}
}

// conditionalBehaviour is the judge's signal for a condition on code or a
// component that the sentence answers with the system's reaction ("If
// `etcd` is unavailable, the controller retries").
const conditionalBehaviour = "conditional-behaviour"

// reactsReason names that reaction, whichever how-* rule reports it.
const reactsReason = `Spells out how the system reacts ("%s").`

// VocabularyKinds are the kinds a vocabulary.add term may be given as a
// prefix ("data-model:ledger"): a finding that term carries is reported by
// the how-* rule of that kind.
func VocabularyKinds() []string { return slices.Clone(judge.Kinds) }

// VocabularyHas says whether term is in the built-in vocabulary, which
// vocabulary.remove takes terms out of.
func VocabularyHas(term string) bool { return judge.HasTerm(term) }

// Vocabulary is the built-in vocabulary: kind -> tier ("brand", "mech",
// "generic") -> terms, sorted.
func Vocabulary() map[string]map[string][]string { return judge.VocabularyTiers() }

// maxMarkBytes is the longest construction a caret marks when something
// shorter fired; a longer one that is all there is to quote is quoted and
// marked by its opening words.
const maxMarkBytes = 40

type sentenceVerdict struct {
	sentence *lint.Sentence
	verdict  judge.Verdict
}

type verdictsKey struct{ add, remove string }

// judges hands out one Judge per vocabulary to its rule, shared by every
// document and goroutine of a run: a Judge builds its tables on first use,
// work to do once per run, not once per document. Each how-* rule has its
// own, but verdicts are kept per document and vocabulary (verdicts), so
// the first how-* rule that runs on a document judges it for all six, and
// the others' Judges are built only when that rule is off somewhere.
type judges struct {
	mu    sync.Mutex
	byKey map[verdictsKey]*judge.Judge
}

func (js *judges) get(key verdictsKey, set *lint.Settings) *judge.Judge {
	js.mu.Lock()
	defer js.mu.Unlock()
	j, ok := js.byKey[key]
	if !ok {
		j = judge.New(judge.Options{Add: set.VocabularyAdd, Remove: set.VocabularyRemove})
		if js.byKey == nil {
			js.byKey = map[verdictsKey]*judge.Judge{}
		}
		js.byKey[key] = j
	}
	return j
}

// verdicts judges every sentence of the document once, however many how-*
// rules ask.
func verdicts(pass *lint.Pass, js *judges) []sentenceVerdict {
	set := pass.Settings
	key := verdictsKey{joinTerms(set.VocabularyAdd), joinTerms(set.VocabularyRemove)}
	return pass.Doc.Memo(key, func() any {
		j := js.get(key, set)
		sentences := pass.Doc.Sentences()
		out := make([]sentenceVerdict, 0, len(sentences))
		var block *lint.Block
		today := false
		// the title a path starts with, when it is to be left out
		var title *lint.Section
		if t := pass.Doc.TitleSection(); t != nil && !judge.DesignTitle(t.Title) {
			title = t
		}
		// listToday: the paragraph before a list described today's system
		// and led into the list ("Currently the sync works like this:").
		listToday := false
		for _, s := range sentences {
			if s.Block != block {
				if block != nil && !block.InList {
					listToday = today && strings.HasSuffix(strings.TrimSpace(block.Text), ":")
				}
				block, today = s.Block, false
				if block.InList {
					today = listToday
				} else {
					listToday = false
				}
			}
			in := judge.Input{
				Text:       s.Text,
				Code:       s.Code,
				Heading:    s.Block.Kind == lint.BlockHeading,
				Section:    sectionBelow(s.SectionPath(), title), // shared by the section; the judge only reads it
				AfterToday: today,
			}
			v := j.Judge(in)
			today = v.Today
			out = append(out, sentenceVerdict{s, v})
		}
		return out
	}).([]sentenceVerdict)
}

// evidence picks the signal a message names and the caret marks: what the
// sentence names before how it says it, and a few words before a clause.
// In order: a term of the verdict's kind, any term, a name (a code span or
// an identifier such as "TermTranslation"), a short construction of the
// verdict's kind ("is stored in"), any short signal, then anything local
// to the sentence.
func evidence(s *lint.Sentence, v judge.Verdict) (judge.Signal, bool) {
	local := func(sig judge.Signal) bool { return sig.Local(s.Text) }
	isTerm := func(sig judge.Signal) bool { return strings.HasPrefix(sig.Name, "term:") }
	isName := func(sig judge.Signal) bool { return sig.Name == "code" || sig.Name == "identifier" }
	// A new or named artifact ("a new translation status") says more than
	// the verb that orders it ("Introduce"), which fires more strongly.
	isArtifact := func(sig judge.Signal) bool {
		return strings.HasPrefix(sig.Name, "new-") || strings.HasPrefix(sig.Name, "named-")
	}
	short := func(sig judge.Signal) bool { return sig.End-sig.Start <= maxMarkBytes }
	prefs := []func(judge.Signal) bool{
		func(sig judge.Signal) bool { return isTerm(sig) && sig.Kind == v.Kind },
		isTerm,
		isName,
		func(sig judge.Signal) bool { return isArtifact(sig) && short(sig) },
		func(sig judge.Signal) bool { return sig.Kind == v.Kind && short(sig) },
		short,
		func(judge.Signal) bool { return true },
	}
	for _, pref := range prefs {
		for _, sig := range v.Signals {
			if local(sig) && pref(sig) {
				return sig, true
			}
		}
	}
	return judge.Signal{}, false
}

func joinTerms(terms []string) string { return strings.Join(terms, "\x00") }

// sectionBelow returns the heading path below title, the document's title
// unless it says the document is a design (nil then): other titles name
// the product ("Stale API key nudges"), not the kind of section a
// sentence sits in, which the judge reads from the path.
func sectionBelow(path []string, title *lint.Section) []string {
	if title != nil && len(path) > 0 && path[0] == title.Title {
		return path[1:]
	}
	return path
}
