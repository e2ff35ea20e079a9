package judge

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Feature names. The model file stores weights by name; order here is the
// vector layout.
var featNames = []string{
	"bias",
	// vocabulary
	"term-brand", "term-mech",
	"generic:tech-choice", "generic:architecture", "generic:data-model", "generic:api-shape", "generic:code", "generic:infra",
	// prescriptive constructions
	"we-will-design", "we-will-other", "we-propose", "we-modal-design", "we-modal-other", "we-present-design", "we-want", "we-not",
	"imp-design", "imp-outcome", "imp-ui", "ui-object",
	"sys-modal-design", "modal-be-part", "modal-design", "modal-outcome", "modal-be-able", "user-modal", "pronoun-modal-design",
	"passive-design", "passive-used",
	"component-verb3", "verb3-design",
	"cond-code", "cond",
	"new-artifact", "artifact-code", "propose-artifact", "propose",
	"via-term", "via", "choose-term", "modal-brand",
	"first-code", "definition",
	// code shapes
	"code-any", "code-flag", "code-func", "code-dotted", "code-file", "code-camel", "code-snake", "code-kv", "code-cmd", "ident-plain",
	"code-ui", "code-title",
	// product / context cues
	"ctx", "past", "problem", "risk", "goal-word", "neg", "nongoal", "question", "user-story", "allow-user", "ability", "so-that",
	"term-ctx", "term-problem", "term-past", "term-neg",
	"num-unit", "percentile", "bound-num", "metric", "num",
	"will", "should", "must", "may", "can",
	"heading", "short", "long",
	"subj-user", "subj-system", "subj-code", "subj-we", "subj-this", "subj-other", "fragment", "imp-plain",
	// sections
	"sec:motivation", "sec:summary", "sec:goals", "sec:nongoals", "sec:risks", "sec:stories", "sec:requirements",
	"sec:metrics", "sec:design", "sec:alternatives", "sec:questions", "sec:ops",
	// means, reader-facing text and non-prose fragments
	"verb-means", "you", "ui-arrow", "symbolic", "title-fragment",
	// purpose fragments ("To give operators a way to …") state a goal
	"to-purpose",
	// a gerund leads ("Supporting other execution modes …"), as in goal lists
	"gerund-lead",
	// "This will allow us to …", "It also lets operators …": the benefit of the proposal
	"benefit",
	// "The exact format will be decided during implementation.", "TBD": the
	// decision is left to the people who build it
	"defer",
	// "Documentation will be provided …", "Update the guide …": a deliverable
	// for readers, not a part of the system
	"docs",
	// "Last quarter's outage lost carts", "The team migrated the data in
	// 2021": a simple past main verb tells what happened, not what to build
	"past-simple",
	// "Envoy has a retry header", "Kafka supports log compaction": a named
	// product or a definite system component as subject, a present main
	// verb that is not a design verb, and nothing proposed anywhere
	// describes a system that exists
	"describes-system", "way-to", "for-user",
	// "These keys are currently located in the `linkerd-config` ConfigMap",
	// "The `kafkareceiver` already implements this": a word of today
	// ("already", "currently", "today") in the main clause of a statement
	// that proposes nothing tells how things are, whatever they name
	"ctx-main",
	// "For example, …", "For instance, …": an illustration of the point
	// made before it, more often a case than a plan
	"example",
}

var featIndex = func() map[string]int {
	m := make(map[string]int, len(featNames))
	for i, n := range featNames {
		m[n] = i
	}
	return m
}()

func fid(name string) int {
	i, ok := featIndex[name]
	if !ok {
		panic("judge: unknown feature " + name)
	}
	return i
}

var (
	fBias          = fid("bias")
	fTermBrand     = fid("term-brand")
	fTermMech      = fid("term-mech")
	fGeneric0      = fid("generic:tech-choice")
	fWeWillDesign  = fid("we-will-design")
	fWeWillOther   = fid("we-will-other")
	fWePropose     = fid("we-propose")
	fWeModalDesign = fid("we-modal-design")
	fWeModalOther  = fid("we-modal-other")
	fWePresent     = fid("we-present-design")
	fWeWant        = fid("we-want")
	fWeNot         = fid("we-not")
	fImpDesign     = fid("imp-design")
	fImpOutcome    = fid("imp-outcome")
	fImpUI         = fid("imp-ui")
	fUIObject      = fid("ui-object")
	fSysModal      = fid("sys-modal-design")
	fModalBePart   = fid("modal-be-part")
	fModalDesign   = fid("modal-design")
	fModalOutcome  = fid("modal-outcome")
	fModalBeAble   = fid("modal-be-able")
	fUserModal     = fid("user-modal")
	fPronModal     = fid("pronoun-modal-design")
	fPassive       = fid("passive-design")
	fPassiveUsed   = fid("passive-used")
	fCompVerb3     = fid("component-verb3")
	fVerb3         = fid("verb3-design")
	fCondCode      = fid("cond-code")
	fCond          = fid("cond")
	fNewArtifact   = fid("new-artifact")
	fArtifactCode  = fid("artifact-code")
	fProposeArt    = fid("propose-artifact")
	fPropose       = fid("propose")
	fViaTerm       = fid("via-term")
	fVia           = fid("via")
	fChooseTerm    = fid("choose-term")
	fModalBrand    = fid("modal-brand")
	fFirstCode     = fid("first-code")
	fDefinition    = fid("definition")
	fCodeAny       = fid("code-any")
	fCodeUI        = fid("code-ui")
	fCodeTitle     = fid("code-title")
	fCodeFlag      = fid("code-flag")
	fCodeFunc      = fid("code-func")
	fCodeDotted    = fid("code-dotted")
	fCodeFile      = fid("code-file")
	fCodeCamel     = fid("code-camel")
	fCodeSnake     = fid("code-snake")
	fCodeKV        = fid("code-kv")
	fCodeCmd       = fid("code-cmd")
	fIdentPlain    = fid("ident-plain")
	fCtx           = fid("ctx")
	fPast          = fid("past")
	fProblem       = fid("problem")
	fRisk          = fid("risk")
	fGoalWord      = fid("goal-word")
	fNeg           = fid("neg")
	fNongoal       = fid("nongoal")
	fQuestion      = fid("question")
	fUserStory     = fid("user-story")
	fAllowUser     = fid("allow-user")
	fAbility       = fid("ability")
	fSoThat        = fid("so-that")
	fTermCtx       = fid("term-ctx")
	fTermProblem   = fid("term-problem")
	fTermPast      = fid("term-past")
	fTermNeg       = fid("term-neg")
	fNumUnit       = fid("num-unit")
	fPercentile    = fid("percentile")
	fBoundNum      = fid("bound-num")
	fMetric        = fid("metric")
	fNum           = fid("num")
	fWill          = fid("will")
	fShould        = fid("should")
	fMust          = fid("must")
	fMay           = fid("may")
	fCan           = fid("can")
	fHeading       = fid("heading")
	fShort         = fid("short")
	fLong          = fid("long")
	fSec0          = fid("sec:motivation")
	fExample       = fid("example")
	fSubjUser      = fid("subj-user")
	fSubjSystem    = fid("subj-system")
	fSubjCode      = fid("subj-code")
	fSubjWe        = fid("subj-we")
	fSubjThis      = fid("subj-this")
	fSubjOther     = fid("subj-other")
	fFragment      = fid("fragment")
	fImpPlain      = fid("imp-plain")
	fVerbMeans     = fid("verb-means")
	fYou           = fid("you")
	fUIArrow       = fid("ui-arrow")
	fSymbolic      = fid("symbolic")
	fTitleFragment = fid("title-fragment")
	fToPurpose     = fid("to-purpose")
	fGerundLead    = fid("gerund-lead")
	fBenefit       = fid("benefit")
	fDefer         = fid("defer")
	fDocs          = fid("docs")
	fPastSimple    = fid("past-simple")
	fDescribes     = fid("describes-system")
	fWayTo         = fid("way-to")
	fForUser       = fid("for-user")
	fCtxMain       = fid("ctx-main")
)

const nFeat = 121

func init() {
	if len(featNames) != nFeat {
		panic(fmt.Sprintf("judge: nFeat is %d, want %d", nFeat, len(featNames)))
	}
}

// sigKind is a signal before weighting.
type rawSignal struct {
	feat       int
	name       string // name, or prefix when word != ""
	word       string
	start, end int
	text       string
	kind       string
	user       bool // a term given a kind in Options.Add, which may decide the verdict's
}

type extraction struct {
	x      [nFeat]float64
	sigs   []rawSignal
	words  []string // cue words (lexicon words outside code), "^word" for the sentence's first word
	wents  []*wordEntry
	lowBuf []byte
	// secPath is the last section path placed (a copy: the caller may
	// reuse its slice), secCat its category (pathCat); secKnown says that
	// they are set.
	secPath  []string
	secCat   int
	secKnown bool
	// chooser holds the first token of an opening that names a course
	// with a clause, a modal, a hedge or "was", and the token after it
	// ("to"); 0, 0 when none (impersonalProposal, choosersHedge)
	chooser [2]int
}

func (ex *extraction) fire(f int, v float64) {
	if v > ex.x[f] {
		ex.x[f] = v
	}
}

func (ex *extraction) sig(f int, name string, s, e int, text, kind string) {
	ex.x[f] = 1
	ex.sigs = append(ex.sigs, rawSignal{feat: f, name: name, start: s, end: e, text: text, kind: kind})
}

// sigw records a signal named prefix+word without building the name yet.
func (ex *extraction) sigw(f int, prefix, word string, s, e int, text, kind string) {
	ex.x[f] = 1
	ex.sigs = append(ex.sigs, rawSignal{feat: f, name: prefix, word: word, start: s, end: e, text: text, kind: kind})
}

var sectionCats = []struct {
	cat   string
	words []string
}{
	{"nongoals", []string{"non-goal", "non goal", "nongoal", "out of scope", "not in scope", "out-of-scope", "exclusion"}},
	{"questions", []string{"question", "unresolved", "open issue", "unknown", "faq"}},
	{"alternatives", []string{"alternative", "rejected", "prior art", "considered", "inspiration"}},
	{"metrics", []string{"kpi", "metric", "okr", "key result", "measur", "slo", "indicator", "baseline", "success criteria"}},
	{"stories", []string{"user stor", "use case", "story", "persona", "user flow", "journey", "scenario", "user outcome"}},
	{"goals", []string{"goal", "objective", "outcome", "vision", "hypothes"}},
	{"risks", []string{"risk", "drawback", "consideration", "trade-off", "tradeoff", "concern", "caveat", "security", "constraint", "assumption", "pitfall", "limitation"}},
	{"requirements", []string{"requirement", "acceptance", "must have", "must-have", "scope", "feature"}},
	{"ops", []string{"test plan", "graduation", "upgrade", "downgrade", "version skew", "production readiness", "rollout", "monitoring", "troubleshoot", "scalability", "dependencies", "feature enablement"}},
	{"motivation", []string{"motivation", "why", "background", "history", "context", "problem", "current", "today", "obstacle", "pain"}},
	{"summary", []string{"summary", "abstract", "tl;dr", "tldr", "overview", "introduction"}},
	{"design", []string{"design", "implement", "proposal", "detail", "architecture", "technical", "internal", "api", "approach", "solution", "changes", "mechanism", "spec", "schema", "data model", "format", "how it works", "explanation", "notes", "model"}},
}

func sectionCat(h string) string {
	h = strings.ToLower(h)
	for _, c := range sectionCats {
		if anyStartsWord(h, c.words) {
			return c.cat
		}
	}
	return ""
}

// DesignTitle reports whether a document's title says the whole document
// is a design ("State store API design", "Architecture", "Technical
// notes: …", "Implementation plan"). Other words of a title name its
// topic ("Partner API keys", "Security review tool"), not the kind of
// section its sentences are in, so a rule leaves such a title out of the
// section path it gives the judge.
func DesignTitle(title string) bool {
	return anyStartsWord(strings.ToLower(title), designTitleWords)
}

var designTitleWords = []string{"design", "architecture", "technical", "implementation"}

// anyStartsWord reports whether one of words starts a word of h.
func anyStartsWord(h string, words []string) bool {
	for _, w := range words {
		if startsWord(h, w) {
			return true
		}
	}
	return false
}

// startsWord reports whether w occurs in h at the start of a word: a
// category word may run on ("requirement" in "Requirements", "measur" in
// "Measurement") but not sit inside another word ("story" in "History",
// "api" in "Capital", "pain" in "Spain").
func startsWord(h, w string) bool {
	for i := 0; i+len(w) <= len(h); {
		k := strings.Index(h[i:], w)
		if k < 0 {
			return false
		}
		k += i
		if r, _ := utf8.DecodeLastRuneInString(h[:k]); k == 0 || !unicode.IsLetter(r) {
			return true
		}
		i = k + 1
	}
	return false
}

var secIndex = map[string]int{
	"motivation": 0, "summary": 1, "goals": 2, "nongoals": 3, "risks": 4, "stories": 5, "requirements": 6,
	"metrics": 7, "design": 8, "alternatives": 9, "questions": 10, "ops": 11,
}

// mathLike reports whether a code span holds a value or a formula rather
// than a name: no run of two letters ("0", "<=M", "n+1", "99.9%").
func mathLike(c string) bool {
	run := 0
	for k := 0; k < len(c); k++ {
		if b := c[k] | 0x20; b >= 'a' && b <= 'z' {
			if run++; run >= 2 {
				return false
			}
		} else {
			run = 0
		}
	}
	return true
}

// valueLiteral reports a colour ("#ff0000") or a number with its unit
// ("100GB", "2h", "4xx"): a value, like mathLike's, with letters in it.
func valueLiteral(c string) bool {
	if len(c) >= 4 && len(c) <= 9 && c[0] == '#' {
		for k := 1; k < len(c); k++ {
			if b := c[k] | 0x20; !(b >= '0' && b <= '9' || b >= 'a' && b <= 'f') {
				return false
			}
		}
		return true
	}
	k := 0
	for k < len(c) && (c[k] >= '0' && c[k] <= '9' || k > 0 && (c[k] == '.' || c[k] == ',')) {
		k++
	}
	if k == 0 {
		return false
	}
	if k < len(c) && c[k] == ' ' {
		k++
	}
	unit := c[k:]
	if len(unit) == 0 || len(unit) > 3 || len(unit) == 3 && !units3[strings.ToLower(unit)] {
		return false // "3des" names a cipher
	}
	for i := 0; i < len(unit); i++ {
		if b := unit[i] | 0x20; !(b >= 'a' && b <= 'z') && unit[i] != '%' {
			return false
		}
	}
	return true
}

// units3 are the three-letter units; shorter ones ("ms", "GB", "h", "%",
// "xx" of "4xx") are taken as they come.
var units3 = map[string]bool{"kib": true, "mib": true, "gib": true, "tib": true, "khz": true, "mhz": true, "ghz": true, "rem": true, "sec": true, "min": true, "rps": true, "qps": true}

// webName reports whether a dotted word is a site name ("va.gov",
// "example.com"), which names a product rather than code.
func webName(w string) bool {
	i := strings.LastIndexByte(w, '.')
	if i <= 0 {
		return false
	}
	switch w[i+1:] {
	case "gov", "com", "org", "net", "io", "dev", "app", "ai", "edu", "co", "uk":
		return true
	}
	return false
}

// codeShape classifies the content of an inline code span.
func codeShape(c string) int {
	switch {
	case strings.HasPrefix(c, "-"):
		return fCodeFlag
	case strings.Contains(c, "("):
		return fCodeFunc
	case keyValueLiteral(c):
		return fCodeKV
	case strings.Contains(c, " "):
		return fCodeCmd
	case strings.Contains(c, "="):
		return fCodeKV
	}
	if i := strings.LastIndexByte(c, '.'); i >= 0 && i < len(c)-1 {
		if fileExtensions[strings.ToLower(c[i+1:])] {
			return fCodeFile
		}
		return fCodeDotted
	}
	if strings.Contains(c, "/") {
		return fCodeFile
	}
	if strings.Contains(c, "_") {
		return fCodeSnake
	}
	sh := shapeOf(c)
	if sh&shCamel != 0 || (sh&shUpper != 0 && len(c) > 1) {
		return fCodeCamel
	}
	return fCodeAny
}

// fileExtensions end the names of source, data and configuration files.
var fileExtensions = withWords(nil, "js", "ts", "py", "go", "cs", "json", "yaml", "yml", "md", "toml", "sh", "cmd", "exe", "java", "rb", "proto", "sql", "css", "html", "tsx", "jsx", "rs", "c", "h", "cpp", "xml", "ini", "lock", "txt")

// keyValueLiteral reports a key and its value or a literal object or list
// ("release: pending", `"scope": "tab"`, `{ "optional": true }`): a
// setting or a piece of data, which a space would otherwise make a
// command for a reader to run.
func keyValueLiteral(c string) bool {
	if c == "" {
		return false
	}
	// an object with its keys or a list of several items; "[]string",
	// "{userId}" and "{{ .Values.image.tag }}" are code
	if c[0] == '{' && c[len(c)-1] == '}' && strings.Contains(c, ": ") && !strings.HasPrefix(c, "{{") || c[0] == '[' && c[len(c)-1] == ']' && strings.Contains(c, ", ") {
		return true
	}
	i := strings.Index(c, ": ")
	return i > 0 && !strings.ContainsAny(c[:i], " ")
}

// sentenceState is what the feature families of one sentence share: its
// tokens, where the sentence proper starts, which tokens lie in interface
// text and which the vocabulary matched. extract keeps it on its stack and
// hands it down by pointer.
type sentenceState struct {
	in    Input
	toks  []token
	start int // the first token after a "Label:" prefix, a parenthesised label and adverbs
	// Token positions (the first 64) covered by a brand or mechanism term
	// (term), by a named technology alone (brand), and by a brand or
	// mechanism term or a generic infra or storage term (means).
	term, brand, means uint64
	hasTerm            bool   // a brand or mechanism term anywhere in the sentence
	peopleLabel        bool   // the "Label:" prefix names people ("Stewards:", "Steward leads:")
	label              uint64 // token positions (the first 64) in interface text, quoted in backticks or double quotes
}

// termAt reports whether token q is part of a brand or mechanism term.
func (s *sentenceState) termAt(q int) bool { return q < 64 && s.term&(1<<uint(q)) != 0 }

// brandAt reports whether token q is part of a named technology.
func (s *sentenceState) brandAt(q int) bool { return q < 64 && s.brand&(1<<uint(q)) != 0 }

// meansAt reports whether token q is part of a term that names a means:
// a brand or mechanism, or generic infrastructure or storage.
func (s *sentenceState) meansAt(q int) bool { return q < 64 && s.means&(1<<uint(q)) != 0 }

// codeish reports whether token q reads as an identifier: inside a code
// span, camelCase or snake_case without being a number, or dotted without
// digits. Interface text in backticks ("`Save draft`") is not.
func (s *sentenceState) codeish(q int) bool {
	return identifierShape(s.toks[q].shape) && !s.interfaceAt(q)
}

// interfaceAt reports whether token q lies inside interface text: a code
// span or a quotation that reads as a label or a message on screen.
func (s *sentenceState) interfaceAt(q int) bool { return q < 64 && s.label&(1<<uint(q)) != 0 }

// titleCodeAt reports whether token q is the one word in capitals of a
// code span ("`Dashboard`"), as a screen or a type is named.
func (s *sentenceState) titleCodeAt(q int) bool {
	t := &s.toks[q]
	for _, c := range s.in.Code {
		if c[0] <= t.s && t.e <= c[1] && c[1] <= len(s.in.Text) {
			return titleWord(s.in.Text[c[0]:c[1]])
		}
	}
	return false
}

// identifierShape reports the shape of an identifier: a code span, camelCase or
// snake_case without being a number, or dotted without digits.
func identifierShape(sh int) bool {
	return sh&shCode != 0 || (sh&(shCamel|shUnder) != 0 && sh&shNum == 0) || (sh&shDot != 0 && sh&shDigit == 0)
}

// skipAdverbs returns the first token from q that is neither an adverb nor
// a negation other than "no".
func (s *sentenceState) skipAdverbs(q int) int {
	for q < len(s.toks) && s.toks[q].lex.bits&(cAdverb|cNeg) != 0 && s.toks[q].low != "no" {
		q++
	}
	return q
}

// extract computes the features of one sentence into ex and returns its
// tokens, built in tokBuf and spBuf. The families run in this order because
// later ones read what earlier ones found (the sentence start, the terms,
// the imperative), and the signals stay in the order they are found.
func (j *Judge) extract(in Input, ex *extraction, tokBuf []token, spBuf []span) []token {
	if quotedProse(in) {
		// UI copy or a message quoted in backticks ("`Your message must
		// include a subject.`") is text for people to read, not code.
		in.Code = nil
	}
	s := sentenceState{in: in, toks: j.tokens(in, ex, tokBuf, spBuf)}
	ex.x[fBias] = 1
	ex.chooser = [2]int{}
	j.cueWords(&s, ex)
	j.placement(&s, ex)
	codeSpans(&s, ex)
	j.sentenceStart(&s, ex)
	j.vocabulary(&s, ex)
	plainIdentifiers(&s, ex)
	systemReuse(&s)
	wordCues(&s, ex)
	imperativeOpening(&s, ex)
	purposeOfOrder(&s, ex)
	codeSubject(&s, ex)
	conditional(&s, ex)
	j.readerFeatures(s.toks, s.start, in, ex)
	j.constructions(&s, ex)
	purposeOfModalDesign(&s, ex)
	reasonForChoice(&s, ex)
	contextOfTheMeans(&s, ex)
	carriedByNamedMeans(&s, ex)
	relativeClauseOfPlan(&s, ex)
	choosersHedge(&s, ex)
	mainSubject(&s, ex)
	purposeOpenings(&s, ex)
	if defersDecision(s.in.Text, s.toks) {
		ex.x[fDefer] = 1
	}
	return s.toks
}

// tokens gives every family the same tokens, each with its shape, code-span mark and lexicon entry looked up once.
func (j *Judge) tokens(in Input, ex *extraction, tokBuf []token, spBuf []span) []token {
	text := in.Text
	var low string
	low, ex.lowBuf = lowerInto(text, ex.lowBuf)
	curly := strings.Contains(text, "\u2019")
	sps := tokenize(text, spBuf)
	toks := tokBuf[:0]
	ci := 0
	for _, sp := range sps {
		t := token{s: sp.s, e: sp.e, raw: text[sp.s:sp.e], low: low[sp.s:sp.e]}
		if curly && strings.Contains(t.low, "\u2019") {
			t.low = strings.ReplaceAll(t.low, "\u2019", "'")
		}
		if j.words[t.low] == nil {
			t = j.possessiveTerm(t)
		}
		t.shape = shapeOf(t.raw)
		for ci < len(in.Code) && in.Code[ci][1] <= sp.s {
			ci++
		}
		if ci < len(in.Code) && in.Code[ci][0] <= sp.s && sp.e <= in.Code[ci][1] {
			t.shape |= shCode
		}
		if sp.e < len(text) {
			switch text[sp.e] {
			case '(':
				t.shape |= shCall
			case ':':
				t.shape |= shColon
			case ')':
				// "Storage (phase 1): Use …": the label's colon after its parenthesis
				if sp.e+1 < len(text) && text[sp.e+1] == ':' {
					t.shape |= shColon
				}
			}
		}
		if we := j.words[t.low]; we != nil {
			t.we = we
			t.lex = we.lex
			if we.lists&inProperNames != 0 {
				t.shape &^= shCamel
			}
		} else if h := strings.LastIndexByte(t.low, '-'); h > 0 && h+1 < len(t.low) && techPrefixes[t.low[:h]] {
			// "server-rendered", "auto-generated", "pre-built": a
			// design verb's participle after a prefix that says where
			// or when code does it is that participle (the prefix's own
			// cues are not the verb's); "hand-written", "well-built" and
			// "purpose-built" say who or how well
			if we := j.words[t.low[h+1:]]; we != nil && we.lex.bits&cPart != 0 && we.lex.verb != "" {
				t.lex = lexEntry{bits: cPart, verb: we.lex.verb}
			}
		}
		toks = append(toks, t)
	}
	var hosted, prescribed int8
	for i := range toks {
		if otherSense(toks, i) {
			toks[i].lex.bits &^= cDesignForms | cChoose
			toks[i].lex.verb = ""
		}
		if splitsUp(toks, i) {
			toks[i].lex.bits &^= cProblem
		}
		if asOfToday(toks, i) || sinceRelease(text, toks, i, &prescribed) {
			toks[i].lex.bits |= cContext
		}
		if toks[i].in(inFrequencyWords) && !frequencyOfToday(text, toks, i) {
			toks[i].lex.bits &^= cContext
		}
		if softwareAgent(toks, i, &hosted) {
			toks[i].lex.bits &^= cUser
		}
	}
	return toks
}

// softwareAgent reports "agent" or "agents" at i as a program rather than
// a person who serves customers: named by a product or a kind of software
// before it ("The DataDog agent would be installed in the base image",
// "Prover agents poll the broker"), or in a sentence that places it on a
// machine (hostWords: "The agent should buffer events on disk", "… is
// installed on every node"). "Support agents", "contact-centre agents", a
// bare "Agents can see the offer history" and "The agent installs the
// router" stay people. hosted keeps the sentence-wide reading.
func softwareAgent(toks []token, i int, hosted *int8) bool {
	t := toks[i]
	if t.low != "agent" && t.low != "agents" {
		return false
	}
	if i > 0 {
		p := toks[i-1]
		if humanAgents[p.low] {
			return false
		}
		if softwareKinds[p.low] || i > 1 && p.shape&(shUpper|shCamel|shCaps|shCode) != 0 && p.lex.bits&cDet == 0 {
			return true
		}
	}
	return readOnce(hosted, aboutHosts, toks)
}

// aboutHosts reports a host word anywhere in the sentence.
func aboutHosts(toks []token) bool {
	for k := range toks {
		if hostWords[toks[k].low] {
			return true
		}
	}
	return false
}

// humanAgents name the people an agent serves or the desk they work at.
var humanAgents = withWords(nil, "support", "contact-centre", "contact-center", "call-centre", "call-center", "customer",
	"service", "sales", "travel", "insurance", "claims", "booking", "border", "field", "estate", "live", "human", "desk",
	"helpdesk", "user", "ticket", "reservations", "care", "security", "local", "senior", "zendesk", "freshdesk")

// softwareKinds name what a program agent does or where it runs.
var softwareKinds = withWords(nil, "monitoring", "profiling", "prover", "node", "host", "lightweight", "logging", "log",
	"metrics", "telemetry", "build", "collection", "collector", "sync", "backup", "java", "go", "python", "native", "tracing",
	"endpoint", "update", "deployment", "outdated", "software", "proxy")

// hostWords place an agent on a machine: software words, and the
// participles of being put there ("is installed on each node"); not what
// people do too ("The agent should install the router", "port the
// customer's number", "attach an image").
var hostWords = withWords(nil, "installed", "deployed", "daemon", "binary", "sidecar", "container", "containers",
	"disk", "broker", "buffer", "buffers", "flush", "flushes", "scrape", "scrapes", "heartbeat", "heartbeats", "jvm",
	"kernel", "statsd", "tcp", "udp", "grpc")

// asOfToday reports "as of" before now, a date or a release ("As of
// v0.23.0, Flux does not enforce …", "GCS as of now", "as of npm v6"): a
// word of today, as "currently" is. All 16 labelled sentences with one are
// what.
func asOfToday(toks []token, q int) bool {
	n := len(toks)
	if q+2 >= n || toks[q].low != "as" || toks[q+1].low != "of" {
		return false
	}
	w := toks[q+2].low
	switch w {
	case "now", "today", "late", "writing":
		return true
	}
	// "As of v2.0, the agent will export spans over OTLP": from a
	// release or a date on, a plan
	for _, t := range toks {
		if futureWord(t.low) {
			return false
		}
	}
	switch w {
	case "this", "version", "release":
		return true
	}
	if monthNames[w] {
		return true
	}
	if versionLike(w) {
		// "computed as of 5 PM each day": a time of day
		return !(q+3 < n && timeOfDay[toks[q+3].low])
	}
	// a product and its release: "as of npm v6", "as of Flux v0.23.0"
	return q+3 < n && versionLike(toks[q+3].low)
}

// versionLike reports a year, a release number or a version ("2023",
// "0.25", "v6", "v0.37.0").
func versionLike(w string) bool {
	w = strings.TrimPrefix(w, "v")
	return w != "" && w[0] >= '0' && w[0] <= '9'
}

// sinceRelease reports "Starting with" or "Beginning with" a release
// ("Starting with `npm@5`, any symlink is expected to be recorded …",
// "Starting with .NET 6, it can also cross-compile …"): what a product
// has done since then, as "As of npm v6" is (asOfToday), unless the
// sentence speaks of the future or prescribes ("Starting with v2, the
// agent will …", "… the client should send …").
// "Starting from `L`, find the location …" names no release.
func sinceRelease(text string, toks []token, q int, prescribed *int8) bool {
	n := len(toks)
	if q+2 >= n || toks[q].low != "starting" && toks[q].low != "beginning" || toks[q+1].low != "with" && toks[q+1].low != "from" && toks[q+1].low != "in" {
		return false
	}
	release := false
	for k := q + 2; k < n && k <= q+3; k++ {
		if releaseName(text, toks, k) {
			release = true
		}
	}
	return release && !readOnce(prescribed, futureOrPrescribed, toks)
}

// futureOrPrescribed reports a word of the future or of prescribing anywhere in the sentence.
func futureOrPrescribed(toks []token) bool {
	for _, t := range toks {
		if futureWord(t.low) || prescribingModals[t.low] || t.low == "need" || t.low == "needs" || t.low == "required" {
			return true
		}
	}
	return false
}

// releaseName reports a release at k (of text): "v6", "1.27", a number
// after "@" ("npm@5", in code or not), or a bare number after a name in
// capitals (".NET 6", "Kubernetes 1"); a count, a share or a measure
// ("2.5% of accounts", "the 10 largest clinics", "0.5 seconds"), a date
// ("January 2025") and a stage of a plan ("Phase 2") are none.
func releaseName(text string, toks []token, k int) bool {
	t := toks[k]
	if !versionLike(t.low) || strings.HasPrefix(text[t.e:], "%") || k+1 < len(toks) && numberUnits[toks[k+1].low] {
		return false
	}
	if t.low[0] == 'v' || strings.Contains(t.low, ".") || strings.HasSuffix(text[:t.s], "@") {
		return true
	}
	p := toks[k-1]
	return p.shape&shUpper != 0 && !monthNames[p.low] && !planStages[p.low]
}

// numberUnits follow a number that measures rather than names a release
// ("0.5 seconds", "2.0 GB").
var numberUnits = withWords(nil, "s", "ms", "sec", "secs", "second", "seconds", "minute", "minutes", "min", "mins", "hour",
	"hours", "day", "days", "week", "weeks", "x", "times", "kb", "mb", "gb", "tb", "percent", "users", "requests")

// planStages number a step of a plan, not a release ("Phase 2", "Sprint 3").
var planStages = withWords(nil, "phase", "stage", "step", "sprint", "milestone", "wave", "week", "day", "month", "year",
	"round", "level", "tier", "part", "release")

// futureWord reports a word of the future tense ("will", "we'll",
// "shall", "won't", "going"), in a token's low form, whose curly
// apostrophes the token pass has made straight.
func futureWord(w string) bool {
	switch w {
	case "will", "shall", "won't", "going":
		return true
	}
	return strings.HasSuffix(w, "'ll")
}

var timeOfDay = withWords(nil, "am", "pm", "a.m", "p.m", "a.m.", "p.m.")

var monthNames = withWords(nil, "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december")

// techPrefixes say where or when code does what the verb after them does
// ("server-rendered", "auto-generated", "pre-built", "lazy-loaded").
var techPrefixes = withWords(nil, "server", "client", "auto", "pre", "re", "self", "cloud", "edge", "lazy", "double", "batch")

// possessiveTerm reads a named technology with a possessive ending as the
// term ("OpenAI's API", "Redis's cluster mode"), so that the ending does not
// hide the term and its capitals do not read as an identifier's. A generic
// word keeps its ending ("the container's lifecycle"): it names a part of the
// system, not a choice.
func (j *Judge) possessiveTerm(t token) token {
	if len(t.low) < 4 || !strings.HasSuffix(t.low, "'s") {
		return t
	}
	stem := t.low[:len(t.low)-2]
	if we := j.words[stem]; we == nil || !namesTechnology(we) {
		return t
	}
	cut := 2 // "'s"
	if strings.HasSuffix(t.raw, "\u2019s") || strings.HasSuffix(t.raw, "\u2019S") {
		cut = 4
	}
	t.e -= cut
	t.raw = t.raw[:len(t.raw)-cut]
	t.low = stem
	return t
}

// namesTechnology reports whether a word is, or starts, a named product or
// mechanism of the vocabulary, or a product written in CamelCase.
func namesTechnology(we *wordEntry) bool {
	if we.lists&inProperNames != 0 {
		return true
	}
	for _, tm := range we.terms {
		if tm.tier != tierGeneric {
			return true
		}
	}
	return false
}

// cueWords lets the model weigh the prose words it learnt one by one, beyond what their word classes say.
func (j *Judge) cueWords(s *sentenceState, ex *extraction) {
	toks := s.toks
	for q := range toks {
		if toks[q].lex.bits == 0 || toks[q].shape&shCode != 0 {
			continue
		}
		if j.training {
			if w := toks[q].low; !slices.Contains(ex.words, w) {
				ex.words = append(ex.words, w)
			}
		}
		// a word given a class by its context ("Starting with v6") may
		// have no entry of its own
		if we := toks[q].we; we != nil && we.hasW && !slices.Contains(ex.wents, we) {
			ex.wents = append(ex.wents, we)
		}
	}
}

// placement: section, heading, length and a question mark tell what part of a document a sentence is in before its words do.
func (j *Judge) placement(s *sentenceState, ex *extraction) {
	in, n, x := &s.in, len(s.toks), &ex.x
	// A section's sentences come one after another with the same path.
	if !ex.secKnown || !slices.Equal(in.Section, ex.secPath) {
		ex.secPath = append(ex.secPath[:0], in.Section...)
		ex.secCat, ex.secKnown = j.pathCat(in.Section), true
	}
	if c := ex.secCat; c >= 0 {
		x[fSec0+c] = 1
	}
	if in.Heading {
		x[fHeading] = 1
	}
	if n <= 6 {
		x[fShort] = 1
	}
	if n >= 35 {
		x[fLong] = 1
	}
	if Question(in.Text) {
		x[fQuestion] = 1
	}
}

// codeSpans: the shape of inline code tells what kind of detail it names, unless it only quotes interface text or a value.
func codeSpans(s *sentenceState, ex *extraction) {
	in, x := &s.in, &ex.x
	text := in.Text
	var uiSpans [][2]int // code spans that read as interface text
	for _, c := range in.Code {
		if c[0] < 0 || c[1] > len(text) || c[0] >= c[1] {
			continue
		}
		content := text[c[0]:c[1]]
		if mathLike(content) || valueLiteral(content) || emailAddress(content) {
			continue // `<=M`, `0`, `n+1`, `#ff0000`, `100GB`, `team@example.org`: a value, formula or address, not a code name
		}
		if uiCopy(content) {
			// "`Sent date`", "`ARE YOU SURE?`": interface text, not code
			x[fCodeUI] = 1
			uiSpans = append(uiSpans, c)
			continue
		}
		if titleWord(content) {
			// "`Subject`", "`Pod`": a label in a UI specification or a
			// type name in a design; the model weighs it apart
			x[fCodeTitle] = 1
			continue
		}
		f := codeShape(content)
		if x[f] == 0 {
			ex.sig(f, "code", c[0], c[1], content, codeKind(f))
		}
		x[fCodeAny] = 1
	}
	s.label = interfaceText(text, uiSpans, s.toks)
}

// systemReuse makes "reuse" a design verb where a part of the system, a
// named technology or code follows within a few words ("We will reuse the
// existing announcements service …", "Reuses existing LoROTA JWT
// validation"). Reusing a survey, brand guidelines or a customer's last
// address is product work, not a design decision.
func systemReuse(s *sentenceState) {
	toks := s.toks
	for k := range toks {
		if toks[k].lex.bits&cChoose == 0 || toks[k].shape&shCode != 0 {
			continue // the forms of "reuse" are choice words: no map look-up for the rest
		}
		form, ok := reuseForms[toks[k].low]
		if !ok {
			continue
		}
		for p := k + 1; p < len(toks) && p <= k+6; p++ {
			if s.meansAt(p) || s.codeish(p) || toks[p].lex.bits&cSystem != 0 {
				toks[k].lex.bits |= form.bits
				toks[k].lex.verb = form.verb
				break
			}
		}
	}
}

// reuseForms are the forms of "reuse" as the lexicon inflects a design
// verb; they join it only where systemReuse finds a part of the system.
var reuseForms = func() map[string]lexEntry {
	m := map[string]lexEntry{}
	addInflections(m, "reuse", "reuse")
	return m
}()

// leadIns open a sentence with a phrase of sequence, place or scope
// that ends at a comma ("Finally, …", "For the MVP, …", "In version 2, …").
var leadIns = map[string]bool{
	"finally": true, "lastly": true, "next": true, "second": true, "third": true, "and": true, "but": true,
	"in": true, "for": true, "on": true, "at": true, "during": true, "within": true,
	// "To mitigate the thundering herd, add jitter …": a purpose, then the order
	"to": true,
}

// leadInWords is the longest lead-in phrase before an order ("For future
// compatibility with the mobile app and our own tools, store …").
const leadInWords = 12

// afterLeadIn returns the token after a lead-in phrase when what follows
// it is an order ("Finally, drop kustomize from kubectl.", "For the MVP,
// use Postgres …", "And directly redirect traffic …"): the verb that
// opens the order, past any adverbs. Otherwise it returns start.
func afterLeadIn(text string, toks []token, start int) int {
	n := len(toks)
	if start >= n || !leadIns[toks[start].low] {
		return start
	}
	// "To be clear, …", "To date, …", "To summarise, …" speak of the text,
	// not of a purpose
	if toks[start].low == "to" && (start+1 >= n || discourseAfterTo[toks[start+1].low]) {
		return start
	}
	q := start + 1
	if toks[start].low != "and" && toks[start].low != "but" {
		// the comma that ends the phrase
		for q < n && q <= start+leadInWords && !strings.Contains(text[toks[q-1].e:toks[q].s], ",") {
			q++
		}
		if q >= n || q > start+leadInWords {
			return start
		}
	}
	for q < n && toks[q].lex.bits&cAdverb != 0 {
		q++
	}
	q = afterLetUs(toks, q) // "For the exports, let's generate the CSV …"
	// "To avoid double bookings, take a row lock …", "For the MVP, take a
	// snapshot …": a verb the lexicon does not know, shaped as an order
	if q >= n || toks[q].lex.bits&(cVerbBase|cOutcome) == 0 && !(orderShape(text, toks, q) && !thirdPersonShape(toks[q].low)) || toks[q].shape&(shUpper|shCode) != 0 {
		return start
	}
	// "For each tenant, cache misses are counted": a noun, not an order
	for r := q + 1; r < n && r <= q+2; r++ {
		if toks[r].lex.bits&(cBe|cModal) != 0 {
			return start
		}
	}
	return q
}

// discourseAfterTo follow "To" in a lead-in about the text itself.
var discourseAfterTo = withWords(nil, "be", "date", "clarify", "summarise", "summarize", "recap", "conclude", "sum", "illustrate",
	"begin", "start", "explain", "elaborate", "reiterate", "note")

// afterLetUs returns the token after "let's" or "let us" at q, past
// adverbs, when a word follows: the verb of the order; otherwise q. "Let US customers pay by
// ACH" names a country, not the team.
func afterLetUs(toks []token, q int) int {
	n := len(toks)
	v := q
	switch {
	case q+1 < n && toks[q].low == "let's":
		v = q + 1
	case q+2 < n && toks[q].low == "let" && toks[q+1].low == "us" && toks[q+1].shape&shCaps == 0:
		v = q + 2
	default:
		return q
	}
	// "Let's also add a read replica …": adverbs before the verb
	for v+1 < n && toks[v].lex.bits&cAdverb != 0 {
		v++
	}
	// "Let us also write C for the concurrency limit": a name given to a
	// symbol, as mathematics does, not an order
	if v+1 < n && len(toks[v+1].raw) == 1 && toks[v+1].raw[0] >= 'A' && toks[v+1].raw[0] <= 'Z' {
		return q
	}
	return v
}

// sentenceStart skips a "Label:" prefix and adverbs, which are neither the subject nor the verb the families look for.
func (j *Judge) sentenceStart(s *sentenceState, ex *extraction) {
	toks, n, text, x := s.toks, len(s.toks), s.in.Text, &ex.x
	start := 0
	for k := 0; k < n && k < 8; k++ {
		if toks[k].shape&shColon == 0 {
			continue
		}
		// a colon in code or in a URL ("`method: instant`",
		// "`AppLogic::ReloadSettings()`", "https://…") ends no label, and
		// a label never follows one ("Validate `apiVersion: v1` and kind:
		// Plugin")
		if colonInCode(s.in.Code, toks[k].e) || strings.HasPrefix(text[toks[k].e:], "://") {
			break
		}
		if k+1 < n && !insideParens(text[:toks[k].e+1]) {
			start = k + 1
			break
		}
	}
	if start > 0 && start <= 4 && !s.in.Heading {
		// A lead-in label that names a document category ("Goal:", "Risk:",
		// "Non-goals:", "Background:") places the sentence as a heading would.
		if name := sectionCat(text[:toks[start-1].e]); name != "" {
			x[fSec0+secIndex[name]] = 1
		}
		s.peopleLabel = namesPeople(text, toks[:start]) && start < n && toks[start].lex.bits&(cDet|cPronoun|cWe|cI|cUser|cModal|cBe) == 0
	}
	if start == 0 && n > 1 && (text[0] == '(' || text[0] == '[') {
		// "(Stretch) Create ..." — skip the parenthesised label
		if p := strings.IndexAny(text, ")]"); p > 0 {
			for k := 0; k < n; k++ {
				if toks[k].s > p {
					start = k
					break
				}
			}
		}
	}
	for start < n && toks[start].lex.bits&cAdverb != 0 {
		start++
	}
	start = afterLeadIn(text, toks, start)
	// "Let's build the alerts page with Next.js on Vercel": an order the
	// author gives the team, its verb after "let's" (afterLeadIn does the
	// same after a lead-in: "For the exports, let's generate …")
	start = afterLetUs(toks, start)
	if start < n && toks[start].lex.bits != 0 && toks[start].shape&shCode == 0 {
		if j.training {
			ex.words = append(ex.words, "^"+toks[start].low)
		}
		if fe := j.firstWords[toks[start].low]; fe != nil {
			ex.wents = append(ex.wents, fe)
		}
	}
	s.start = start
}

// colonInCode reports a code span that holds the byte at i ("`mode:
// strict`"), not one that ends before it ("`Attester`: the key …").
func colonInCode(code [][2]int, i int) bool {
	for _, c := range code {
		if c[0] <= i && i < c[1] {
			return true
		}
	}
	return false
}

// vocabulary: named technologies, mechanisms and generic terms of each kind are the most direct evidence of implementation.
func (j *Judge) vocabulary(s *sentenceState, ex *extraction) {
	toks, n, text, x, label := s.toks, len(s.toks), s.in.Text, &ex.x, s.label
	var nBrand, nMech float64
	var nGen [6]float64
	hasTerm := false
	isTerm := uint64(0)  // bitmask of token positions (first 64) covered by a brand/mech term
	isBrand := uint64(0) // the same for named technologies (brand tier) alone
	isMeans := uint64(0) // ... covered by a brand/mech term or a generic infra or storage term
	whole := wholeSentence{toks: toks}
	for i := 0; i < n; {
		t, l := j.voc.match(toks, i)
		if t == nil && toks[i].shape&(shHyphen|shSlash|shDot) != 0 {
			t = j.partMatch(toks[i].low)
			l = 1
		}
		if t != nil && t.tier != tierBrand && i < 64 && label&(1<<uint(i)) != 0 {
			// "Source file" -> `Source file`: a label on screen is mentioned,
			// not built; a product named in quotes ("Redis Cluster") is still
			// a product.
			i++
			continue
		}
		if t == nil || t.tier != tierBrand && l == 1 && everydaySense(toks, i, &whole) {
			i++
			continue
		}
		from, to := toks[i].s, toks[i+l-1].e
		switch t.tier {
		case tierBrand:
			nBrand++
			for q := i; q < i+l && q < 64; q++ {
				isBrand |= 1 << uint(q)
			}
			ex.sigs = append(ex.sigs, rawSignal{feat: fTermBrand, name: t.name, start: from, end: to, text: text[from:to], kind: "tech-choice", user: t.user})
		case tierMech:
			nMech++
			ex.sigs = append(ex.sigs, rawSignal{feat: fTermMech, name: t.name, start: from, end: to, text: text[from:to], kind: t.kind, user: t.user})
		default:
			k := kindIndex(t.kind)
			nGen[k]++
			ex.sigs = append(ex.sigs, rawSignal{feat: fGeneric0 + k, name: t.name, start: from, end: to, text: text[from:to], kind: t.kind, user: t.user})
		}
		if t.tier != tierGeneric || t.kind == "infra" || t.kind == "data-model" {
			for q := i; q < i+l && q < 64; q++ {
				isMeans |= 1 << uint(q)
			}
		}
		if t.tier != tierGeneric {
			hasTerm = true
			for q := i; q < i+l && q < 64; q++ {
				isTerm |= 1 << uint(q)
			}
		}
		i += l
	}
	x[fTermBrand] = capLog(nBrand)
	x[fTermMech] = capLog(nMech)
	for k := range nGen {
		x[fGeneric0+k] = capLog(nGen[k])
	}
	s.term, s.brand, s.means, s.hasTerm = isTerm, isBrand, isMeans, hasTerm
}

// everydaySense reports a generic term that its neighbours give an everyday
// sense: "a method to build and run containers" is a way to, not code; "a
// payment method", "the sign-in method" are what users pick; "booking a
// table" is a restaurant's; "a review queue for clinicians" is a list of
// work for people; a row, column or field in a report, a form or on a
// dashboard is one users see; "the app should function offline", "we
// will flag violations", "could lock organizations out", "bridges the
// gap", "must interface with the POS" and "the check flags each page"
// use the words as verbs; a lock on a door, "the web interface" and
// "listeners" of a radio are ones people use. whole holds what the whole
// sentence says, read once for all its words.
func everydaySense(toks []token, i int, whole *wholeSentence) bool {
	n := len(toks)
	prev := ""
	if i > 0 {
		prev = toks[i-1].low
		if i > 1 && toks[i-1].lex.bits&cDet != 0 {
			prev = toks[i-2].low // "reserve a table"
		}
	}
	switch toks[i].low {
	case "method", "methods":
		return i+1 < n && toks[i+1].low == "to" || productMethods[prev] || wayOfDoing(toks, i)
	case "table", "tables":
		return diningWords[prev] || onScreen(toks, i)
	case "row", "rows":
		return onScreen(toks, i)
	case "field", "fields":
		// "our field test", "field staff", "field service": work done on site
		return onScreen(toks, i) || i+1 < n && (fieldWork[toks[i+1].low] || peopleWord(toks[i+1]))
	case "column", "columns":
		// "the left column", "a two-column layout": a page's, not a table's
		return onScreen(toks, i) || pageSides[prev] || i+1 < n && (toks[i+1].low == "layout" || toks[i+1].low == "layouts") || inChart(toks, i)
	case "queueing", "queuing":
		// "guests stop queueing", "riders queueing at the gate": people wait
		return i > 0 && (toks[i-1].lex.bits&cUser != 0 || waitVerbs[toks[i-1].low]) && (i+1 >= n || prepositionsAndConjunctions[toks[i+1].low])
	case "queue", "queues":
		return workQueues[prev] || i+2 < n && toks[i+1].low == "for" && toks[i+2].lex.bits&cUser != 0
	case "class", "classes":
		return productClasses[prev] || i+1 < n && (toks[i+1].low == "citizen" || toks[i+1].low == "citizens" || gradeMark(toks[i+1])) ||
			!codeBeside(toks, i) && whole.taughtClass()
	case "function", "flag":
		return verbSlot(toks, i)
	case "listener", "listeners":
		// "every song we stream to listeners in the US": a radio's or a
		// podcast's audience, unless something registers or attaches one
		return whole.audienceListener()
	case "flags":
		return verbBeforeObject(toks, i)
	// "the right tools for the lock type", "a smart lock on the front
	// door": in a sentence about doors, keys or vehicles a lock is one
	// people open, unless something takes, holds or releases it
	case "lock":
		return verbSlot(toks, i) || whole.physicalLock()
	case "locks":
		return verbBeforeObject(toks, i) || whole.physicalLock()
	case "worker", "workers":
		return humanWork[prev]
	case "poll", "polls":
		// "poll workers", "the poll site": an election's, not a loop's
		return i+1 < n && pollPlaces[toks[i+1].low]
	case "bridge", "bridges":
		// "bridge the gap between sales and support"
		j := i + 1
		if j < n && toks[j].lex.bits&cDet != 0 {
			j++
		}
		return verbSlot(toks, i) || j < n && (toks[j].low == "gap" || toks[j].low == "gaps")
	case "interface", "interfaces":
		// "an approach to interface evolution" keeps the noun; "a web
		// interface for monitoring", "the user interface" are screens
		return toks[i].low == "interface" && verbSlot(toks, i) && i+1 < n && toks[i+1].low == "with" ||
			i > 0 && screenInterface(toks, i-1)
	}
	return false
}

// wholeSentence gives everydaySense the readings that scan the whole
// sentence (physicalLock, audienceListener), each made at the first word
// that asks for it and kept: a run-on "sentence" with thousands of locks
// is scanned once, not once a word.
type wholeSentence struct {
	toks                   []token
	lock, audience, taught int8 // 0 not read yet, 1 false, 2 true
}

func (w *wholeSentence) physicalLock() bool { return readOnce(&w.lock, physicalLock, w.toks) }

func (w *wholeSentence) audienceListener() bool {
	return readOnce(&w.audience, audienceListener, w.toks)
}

func (w *wholeSentence) taughtClass() bool { return readOnce(&w.taught, taughtClass, w.toks) }

// readOnce returns f(toks), made at the first call and kept in *v.
func readOnce(v *int8, f func([]token) bool, toks []token) bool {
	if *v == 0 {
		*v = 1
		if f(toks) {
			*v = 2
		}
	}
	return *v == 2
}

// verbBeforeObject reports "flags" or "locks" at i as the verb: after a
// noun and before its object ("the automated check flags each affected
// page", "the dashboard flags it as urgent"); "both flags", "the flags it
// reads" keep the noun.
func verbBeforeObject(toks []token, i int) bool {
	return i > 0 && toks[i-1].lex.bits&(cDet|cPronoun) == 0 && toks[i-1].shape&shNum == 0 &&
		i+1 < len(toks) && (toks[i+1].lex.bits&cDet != 0 || objectPronouns[toks[i+1].low])
}

// wayOfDoing reports "method(s) of" and a lower-case gerund that is not the
// subject of a verb of being: "We need a method of notifying Veterans …" is
// a way of doing it; "The method of storing sessions is a signed JWT
// cookie" names the design, and "The validate method of Pricing …" code.
func wayOfDoing(toks []token, i int) bool {
	n := len(toks)
	if i+2 >= n || toks[i+1].low != "of" || !strings.HasSuffix(toks[i+2].raw, "ing") || toks[i+2].raw != toks[i+2].low || toks[i+2].shape&shCode != 0 {
		return false
	}
	for k := i + 3; k < n && k <= i+8; k++ {
		if relativeWords[toks[k].low] || k > i+3 && toks[k].lex.bits&(cPronoun|cWe|cI|cCond) != 0 {
			break // "… methods of representing assets that are to be applied"
		}
		if b := toks[k].lex.bits; b&(cBe|cModal) != 0 {
			return false
		} else if b&(cVerb3|cPast) != 0 && k > i+3 {
			break // the sentence's verb; right after the gerund, its object ("storing uploads")
		}
	}
	return true
}

// objectPronouns stand as the object of a verb.
var objectPronouns = map[string]bool{"it": true, "them": true, "him": true, "her": true, "us": true, "me": true, "you": true}

// onScreen reports whether the table, row, column or field at i is part of
// something users see: "a row in the report", "a field on the checkout
// form", "the dashboard shows a table of open disputes".
func onScreen(toks []token, i int) bool {
	n := len(toks)
	if i+2 < n && screenLinks[toks[i+1].low] {
		// a determiner and one modifier may come between: "to the
		// checkout form"
		words := 0
		for j := i + 2; j < n && j <= i+4; j++ {
			if toks[j].lex.bits&cUI != 0 {
				return true
			}
			if toks[j].lex.bits&cDet == 0 {
				if words++; words > 1 {
					break
				}
			}
		}
	}
	for k := i - 2; k >= 0 && k >= i-5; k-- {
		if screenVerbs[toks[k].low] && k > 0 && toks[k-1].lex.bits&cUI != 0 {
			return true
		}
	}
	return false
}

// screenLinks join a table, row, column or field to the screen it is on.
var screenLinks = map[string]bool{"in": true, "on": true, "of": true, "to": true, "into": true, "from": true, "at": true}

// screenVerbs say what a screen shows: "the dashboard shows a table".
var screenVerbs = map[string]bool{
	"shows": true, "show": true, "displays": true, "display": true, "lists": true, "has": true, "have": true,
	"includes": true, "include": true, "contains": true, "gains": true, "gets": true,
}

// verbSlot reports whether the word at i stands where a verb does: after
// "to", a modal or "not", adverbs between ("The app should still function
// offline", "must interface with the POS"). A generic word there is the
// verb, not a part of code.
func verbSlot(toks []token, i int) bool {
	p := skipBack(toks, i, cAdverb)
	return p >= 0 && (toks[p].low == "to" || toks[p].low == "not" || toks[p].lex.bits&cModal != 0)
}

// physicalLock reports a sentence about locks people open: one with a
// door, key, vehicle or locker in it and no word that takes, holds or
// releases a lock as code does ("each worker takes a lock on the key").
func physicalLock(toks []token) bool {
	return sentenceAbout(toks, lockUse, func(k int) bool {
		// "the key", "a gate" are one people carry or open; "the tenant
		// key", "a feature gate", "the lock key" name a part of code
		t := &toks[k]
		return t.shape&shCode == 0 && (lockPlaces[t.low] || lockObjects[t.low] && k > 0 && toks[k-1].lex.bits&cDet != 0)
	})
}

// sentenceAbout reports a sentence with a word for which about holds and
// none of the words in veto.
func sentenceAbout(toks []token, veto map[string]bool, about func(k int) bool) bool {
	found := false
	for k := range toks {
		if veto[toks[k].low] {
			return false
		}
		found = found || about(k)
	}
	return found
}

// audienceListener reports a sentence about audio people listen to, with
// no word of code around ("register", "event", "callback").
func audienceListener(toks []token) bool {
	return sentenceAbout(toks, listenerCode, func(k int) bool { return audioWords[toks[k].low] })
}

// taughtClass reports a sentence about people taught or teaching
// ("Popular classes sell out within a day, and one in eight students later
// cancels"), or with a class of learners ("The director builds class
// lists"), with no word of code around ("instance", "method", "inherits",
// "the element's class list"): its class is a group of learners or a
// lesson.
func taughtClass(toks []token) bool {
	return sentenceAbout(toks, classCode, func(k int) bool {
		return teachingWords[toks[k].low] || k+1 < len(toks) && (toks[k].low == "class" || toks[k].low == "classes") && classGroups[toks[k+1].low]
	})
}

// teachingWords name people who learn, teach or compete, and what they
// learn or compete in.
var teachingWords = withWords(nil, "student", "students", "pupil", "pupils", "learner", "learners", "teacher", "teachers",
	"tutor", "tutors", "instructor", "instructors", "trainee", "trainees", "lesson", "lessons", "school", "schools",
	"studies", "teach", "teaches", "taught", "teaching", "enrol", "enroll", "enrols", "enrolls", "enrolled", "enrolment",
	"enrollment", "timetable", "timetables", "classroom", "classrooms",
	// a competition's classes: "Adjudicators write marks during each class"
	"adjudicator", "adjudicators", "competitor", "competitors", "entrant", "entrants", "contestant", "contestants",
	"festival", "festivals", "competition", "competitions")

// classGroups follow a class of learners: "class lists", "class size".
var classGroups = withWords(nil, "list", "lists", "roster", "rosters", "size", "sizes", "trip", "trips")

// classCode make a class one in code ("a helper class", "the class
// instance", "the element's class list"); not "code", which a school's
// "class code" is.
var classCode = withWords(nil, "instance", "instances", "instantiate", "instantiated", "method", "methods", "inherit",
	"inherits", "inheritance", "subclass", "subclasses", "superclass", "constructor", "abstract", "static", "interface",
	"interfaces", "namespace", "object", "objects", "derive", "derives", "singleton", "singletons", "api", "apis",
	"helper", "wrapper", "base", "utility", "sdk", "library", "module", "package", "compiler", "runtime",
	"element", "elements", "css", "dom", "html", "classlist", "stylesheet", "selector", "modifier", "styles", "toggle")

// codeBeside reports a code span or a CamelCase name next to token i
// ("the `Student` class", "the TermControl class").
func codeBeside(toks []token, i int) bool {
	return i > 0 && toks[i-1].shape&(shCode|shCamel) != 0 || i+1 < len(toks) && toks[i+1].shape&(shCode|shCamel) != 0
}

// audioWords make a listener one of an audience.
var audioWords = withWords(nil, "radio", "podcast", "podcasts", "episode", "episodes", "song", "songs", "music", "station",
	"stations", "broadcast", "broadcasts", "album", "albums", "playlist", "playlists", "show", "shows", "audio", "audiobook", "audiobooks", "dj", "djs")

// listenerCode make a listener one in code.
var listenerCode = withWords(nil, "register", "registers", "registered", "attach", "attaches", "attached", "event", "events",
	"callback", "callbacks", "handler", "handlers", "hook", "hooks", "socket", "port", "thread", "emit", "emits")

// lockPlaces are what a physical lock is on or opened with.
var lockPlaces = withWords(nil, "door", "doors", "keypad", "keypads", "keyless",
	"locker", "lockers", "vehicle", "vehicles", "car", "cars", "bike", "bikes", "padlock", "padlocks", "deadbolt",
	"deadbolts", "lockout", "lockouts", "locksmith", "locksmiths", "cabinet", "cabinets")

// lockObjects are physical only right after a determiner: "the key" but
// not "the idempotency key", "a feature gate".
var lockObjects = withWords(nil, "key", "keys", "gate", "gates")

// lockUse are what code does with a lock.
var lockUse = withWords(nil, "acquire", "acquires", "acquired", "acquiring", "take", "takes", "taken", "taking",
	"hold", "holds", "held", "holding", "release", "releases", "released", "releasing", "obtain", "obtains",
	"contention", "mutex", "distributed", "advisory", "lease", "leases", "row", "rows", "table", "tables",
	"transaction", "transactions", "thread", "threads", "goroutine", "goroutines", "database", "redis")

// screenInterfaces before "interface" make it one people look at.
var screenInterfaces = withWords(nil, "user", "web", "graphical", "visual", "browser")

// screenInterface reports a screen word at k before "interface": not in
// code and, inside the sentence, not capitalised ("the `User` interface",
// "implements the Browser interface" name a type), but for "Web".
func screenInterface(toks []token, k int) bool {
	t := toks[k]
	return screenInterfaces[t.low] && t.shape&(shCode|shCamel|shCaps) == 0 && (t.shape&shUpper == 0 || k == 0 || t.low == "web")
}

// diningWords before "table" make it one people sit at.
var diningWords = map[string]bool{
	"book": true, "books": true, "booked": true, "booking": true, "reserve": true, "reserves": true,
	"reserved": true, "reserving": true, "restaurant": true, "dining": true, "outdoor": true, "patio": true,
}

// fieldWork follow "field" when it means work done on site ("field test"),
// as people words and agentWords do ("field staff", "field technicians").
var fieldWork = map[string]bool{
	"test": true, "tests": true, "testing": true, "trial": true, "trials": true, "worker": true, "workers": true,
	"work": true, "visit": true, "visits": true, "tech": true, "techs": true, "service": true, "sales": true,
	"operations": true, "ops": true, "crew": true, "crews": true, "day": true, "days": true, "trip": true,
	"trips": true, "research": true, "study": true, "studies": true,
}

// inChart reports a sentence about a chart, whose columns are bars
// ("… are plotted in a separate column").
func inChart(toks []token, i int) bool {
	chart := false
	for k := max(0, i-6); k < len(toks) && k <= i+6; k++ {
		if toks[k].low == "table" || toks[k].low == "tables" || toks[k].low == "schema" {
			return false
		}
		chart = chart || chartWords[toks[k].low]
	}
	return chart
}

var chartWords = map[string]bool{
	"plotted": true, "plot": true, "plots": true, "stacked": true, "chart": true, "charts": true,
	"graph": true, "graphs": true, "histogram": true, "histograms": true,
}

// pageSides place a column on a page.
var pageSides = map[string]bool{"left": true, "right": true, "middle": true, "center": true, "centre": true, "side": true}

// waitVerbs take people queueing as their object.
var waitVerbs = map[string]bool{"stop": true, "stops": true, "start": true, "keep": true, "keeps": true, "avoid": true, "avoids": true, "spend": true, "spent": true}

// workQueues are the queues of work that people go through.
var workQueues = map[string]bool{"review": true, "moderation": true, "approval": true, "triage": true}

// gradeMark reports a number, a single capital letter or a Roman numeral
// after "class" ("Class 1 shipments", "class A", "Class II devices"): a
// grade, which no name in code can be (a class name does not start with a
// digit, and code names a class in backticks or CamelCase).
func gradeMark(t token) bool {
	if t.shape&shCode != 0 {
		return false
	}
	if t.shape&shNum != 0 {
		return true
	}
	switch t.raw {
	case "A", "B", "C", "D", "E", "F", "I", "II", "III", "IV", "V":
		return true
	}
	return false
}

// humanWork names the work before "worker" that makes the worker a person
// ("poll workers", "warehouse workers", "social workers"), not a process.
var humanWork = map[string]bool{
	"poll": true, "election": true, "farm": true, "warehouse": true, "social": true, "health": true,
	"healthcare": true, "care": true, "case": true, "gig": true, "dock": true, "sanitation": true,
	"construction": true, "factory": true, "shift": true, "hourly": true, "frontline": true,
	"front-line": true, "relief": true, "outreach": true, "community": true, "aid": true,
}

// pollPlaces follow "poll" when it is an election's ("poll workers", "the
// poll site").
var pollPlaces = map[string]bool{
	"worker": true, "workers": true, "site": true, "sites": true, "station": true, "stations": true,
	"place": true, "places": true, "book": true, "books": true, "pad": true, "pads": true,
}

// productClasses are the words before "class" that make it a grade of
// things or a lesson people book ("equipment class", "fare class", "yoga
// classes", "first class"), not a class in code.
var productClasses = map[string]bool{
	"equipment": true, "vehicle": true, "fare": true, "seat": true, "cabin": true, "travel": true,
	"ticket": true, "asset": true, "weight": true, "age": true, "risk": true, "licence": true,
	"license": true, "fitness": true, "yoga": true, "dance": true, "cooking": true, "swim": true,
	"economy": true, "business": true, "first": true, "premium": true, "tax": true, "insurance": true,
	"membership": true, "room": true, "book": true, "booked": true, "full": true, "group": true,
}

// productMethods are the nouns before "method" that make it a choice a
// user or customer makes, not a function in code.
var productMethods = map[string]bool{
	"payment": true, "payout": true, "billing": true, "shipping": true, "delivery": true,
	"contact": true, "communication": true, "sign-in": true, "signin": true, "login": true,
	"log-in": true, "authentication": true, "verification": true, "checkout": true,
}

// dottedAbbreviation reports a word of letters in dotted parts of one or
// two ("e.g", "i.e", "a.m", "p.m", "a.k.a", "ph.d"): an abbreviation, not a
// dotted identifier.
func dottedAbbreviation(w string) bool {
	if i := strings.LastIndexByte(w, '.'); i >= 0 && len(w)-i > 2 && fileExtensions[w[i+1:]] {
		return false // "db.js", "io.go": a file
	}
	for part := range strings.SplitSeq(strings.Trim(w, "."), ".") {
		if part == "" || len(part) > 2 || strings.IndexFunc(part, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
			return false
		}
	}
	return true
}

// plainIdentifiers: an identifier outside backticks (camelCase, snake_case, dotted) names code as a code span does.
func plainIdentifiers(s *sentenceState, ex *extraction) {
	toks, n, x := s.toks, len(s.toks), &ex.x
	for q := 0; q < n; q++ {
		sh := toks[q].shape
		// Only a dotted word can be a site name.
		if s.termAt(q) || sh&shDot != 0 && webName(toks[q].low) {
			continue // "OpenTelemetry", "Login.gov": product names, not identifiers
		}
		if sh&shCode == 0 && ((sh&shCamel != 0 && len(toks[q].raw) >= 6) || sh&shUnder != 0 || (sh&shDot != 0 && sh&shDigit == 0 && !dottedAbbreviation(toks[q].low))) {
			if x[fIdentPlain] == 0 {
				ex.sig(fIdentPlain, "identifier", toks[q].s, toks[q].e, toks[q].raw, "code")
			}
		}
	}
}

// forUser reports "for users", "for the clinicians" at token q: what is
// described is made for people, which is how a product is specified.
func forUser(toks []token, q int) bool {
	if toks[q].low != "for" {
		return false
	}
	p := q + 1
	if p < len(toks) && toks[p].lex.bits&cDet != 0 {
		p++
	}
	return p < len(toks) && toks[p].lex.bits&cUser != 0 && toks[p].lex.bits&(cWe|cI) == 0 && toks[p].low != "you"
}

// wayNouns name a way of doing something without saying which.
var wayNouns = map[string]bool{
	"way": true, "ways": true, "method": true, "methods": true, "approach": true, "solution": true,
	"mechanism": true, "means": true, "process": true, "framework": true, "design": true,
}

// wayTo reports "a way to …", "a simple mechanism for …", "a solution that
// allows …" at token q: the sentence names what is to become possible,
// which is a goal unless the rest names the design.
func wayTo(toks []token, q int) bool {
	n := len(toks)
	if !toks[q].in(inWayNouns) || q+1 >= n {
		return false
	}
	switch toks[q+1].low {
	case "to", "for":
	case "that", "which":
		if q+2 >= n || !enablingVerbs[toks[q+2].low] {
			return false
		}
	default:
		return false
	}
	for p := q - 1; p >= 0 && p >= q-3; p-- {
		switch toks[p].low {
		case "a", "an", "one", "some":
			return true
		}
	}
	return false
}

// wordCues reads the cues that lie in single words and their neighbours,
// in one pass over the words: documentation (in code or out), and outside
// code spans the reader addressed, metric shapes, context, modality,
// non-goals, what a choice costs (a risk), "going to" (the future) and
// the user's voice.
func wordCues(s *sentenceState, ex *extraction) {
	for q := range s.toks {
		t := &s.toks[q]
		// documentation is a deliverable for readers, not a part of the system
		if t.in(inDocsWords) {
			ex.x[fDocs] = 1
		}
		if t.shape&shCode != 0 {
			continue
		}
		// "you", "your": text written for the document's reader
		if t.in(inSecondPerson) {
			ex.x[fYou] = 1
		}
		metricCue(s, ex, q)
		if wayTo(s.toks, q) {
			ex.x[fWayTo] = 1
		}
		if forUser(s.toks, q) {
			ex.x[fForUser] = 1
		}
		// "it is the user's responsibility to …", "the responsibility of
		// the operator": a duty handed to people, as "users must …" is
		if t.low == "responsibility" && peopleOwn(s, q) {
			ex.x[fUserModal] = 1
		}
		// "Existing tokens must continue to work", "Approved reports
		// continue to sync to NetSuite": what carries on as it is today
		// is context or a constraint, not a change to build
		if carriesOn(s, q) || stillToday(s, q) || groupToday(s, q) || possibleToday(s, q) {
			ex.x[fCtx] = 1
		}
		// "This proposal does not …", "This BEP is not to …": what the
		// document declines to do is a non-goal (50 of 50 labelled)
		if documentDeclines(s.toks, q) {
			ex.x[fNongoal] = 1
		}
		if riskConstruction(s, q) {
			ex.x[fRisk] = 1
		}
		if goingTo(s.toks, q) {
			ex.x[fWill] = 1 // "We're going to have the client poll …" is "we will have …"
		}
		if shownOnScreen(s, q) {
			ex.x[fUIObject] = 1
		}
		if t.lex.bits == 0 {
			continue
		}
		contextCue(s, ex, q)
		if !peoplesFuture(s, q) {
			modalityCue(t, ex)
		}
		nonGoalCue(s, ex, q)
		userCue(s, ex, q)
	}
	termInContext(s, ex)
}

// metricCue: numbers with units or bounds, percentiles and metric words state a measurable target, not a design.
func metricCue(s *sentenceState, ex *extraction, q int) {
	toks, n, x, t := s.toks, len(s.toks), &ex.x, &s.toks[q]
	if t.shape&shNum != 0 {
		x[fNum] = 1
		if q+1 < n && toks[q+1].lex.bits&cUnit != 0 {
			x[fNumUnit] = 1
		}
		for p := q - 1; p >= 0 && p >= q-3; p-- {
			if toks[p].lex.bits&cBound != 0 {
				x[fBoundNum] = 1
			}
		}
	}
	if t.lex.bits&cMetric != 0 {
		x[fMetric] = 1
		if len(t.low) >= 3 && t.low[0] == 'p' && t.low[1] >= '0' && t.low[1] <= '9' {
			x[fPercentile] = 1
		}
	}
}

// participleAfterAdverb reports "used" at q after adverbs that follow a
// form of "be", a determiner or a word of degree: a participle ("is
// widely used", "are also used", "the most commonly used", "Most Recently
// Used order"), not the simple past after a subject ("We briefly used
// Kafka in 2021", "We subsequently used Kafka", "We therefore used a
// nightly cron job").
func participleAfterAdverb(toks []token, q int) bool {
	p := softAdverbsBefore(toks, q)
	if p < 0 || p == q-1 {
		return false
	}
	return toks[p].lex.bits&(cBe|cDet) != 0 || degreeWords[toks[p].low]
}

var degreeWords = withWords(nil, "most", "more", "least", "less")

// goingTo reports the future "going to" at q: after a form of be, fused
// ("we're", "I'm", "it's", "that's") or not, past the lexicon's adverbs
// ("we are also going to"; "probably" is not one), and not before a
// determiner ("we are going to the conference"; a place named without
// one, "going to Berlin", still reads as the future). "We're going with
// Postgres", a choice, has no "to".
func goingTo(toks []token, q int) bool {
	n := len(toks)
	if q < 0 || q+2 >= n || toks[q].low != "going" || toks[q+1].low != "to" || toks[q+2].lex.bits&cDet != 0 {
		return false
	}
	k := skipBack(toks, q, cAdverb)
	if k < 0 {
		return false
	}
	p := toks[k]
	return p.lex.bits&cBe != 0 || strings.HasSuffix(p.low, "'re") || strings.HasSuffix(p.low, "'m") || p.low == "it's" || p.low == "that's"
}

// costOfChoice reports "would require", "will complicate", "could
// increase" at q with no "we" or "I" before the modal: what a choice
// costs ("Using a separate bucket would require more sophisticated
// routing", "it will require work to be done"; see "A twenty-second set,
// …" in JUDGE.md), unless a gerund or something new follows as the thing
// required ("would require changing the analyzer rules", "will require a
// new module for parsing": the work itself, and as often the design as
// not), or a name or code ("will require Postgres").
func costOfChoice(toks []token, q int) bool {
	// only the modals of a consequence: "must require a valid token",
	// "admins can require 2FA" are requirements, "won't require a
	// migration" denies the cost
	if !costVerbs[toks[q].low] || q == 0 || !costModals[toks[q-1].low] || q > 1 && toks[q-2].lex.bits&(cWe|cI) != 0 {
		return false
	}
	k := q + 1
	for k < len(toks) && (toks[k].lex.bits&(cDet|cAdverb) != 0 || toks[k].low == "at" || toks[k].low == "least") {
		k++ // "(at least)": the tokenizer drops the brackets
	}
	if k >= len(toks) || strings.HasSuffix(toks[k].low, "ing") && !thingPronouns[toks[k].low] || toks[k].low == "new" ||
		toks[k].shape&(shUpper|shCaps|shCamel|shCode) != 0 {
		return false
	}
	if toks[q].low != "increase" {
		return true
	}
	// "will increase throughput", "will increase conversion" are the
	// gain sought; "will increase query time" a cost
	for p := k; p < len(toks) && p <= k+2; p++ {
		if increasedCosts[toks[p].low] {
			return true
		}
	}
	return false
}

// costVerbs say, after a modal of consequence, what a choice costs.
var costVerbs = withWords(nil, "require", "complicate", "increase")

// addedCost reports a cost added or increased, whatever the tense: "This
// increases the complexity and surface area of …", "could add a lot of
// time needed for simulation", "adding significant latency and CPU
// overhead". Not the verb of an order, at the sentence's start or after
// a label, an adverb, a lead-in or "let's" ("Add latency to the
// dashboard", "Step 3: add storage for attachments on the NFS volume",
// "Then add a delay between batches"); nor a cost word that names a part
// ("adds a latency histogram", "a cost center tag", "a unit of work
// abstraction"); nor, after "add", a datum put into a part ("adds the
// time of capture to every event", "adds errors to a `problems` array").
func addedCost(toks []token, q, start int) bool {
	n := len(toks)
	if !addOrIncrease[toks[q].low] || q == 0 || q == start {
		return false
	}
	for k := q + 1; k < n && k <= q+5; k++ {
		t := toks[k]
		if t.shape&shCode != 0 || t.lex.bits&(cArtifact|cSystem|cUI) != 0 && !increasedCosts[t.low] {
			return false
		}
		if !increasedCosts[t.low] {
			continue
		}
		if k+1 < n && (toks[k+1].shape&shCode != 0 || toks[k+1].lex.bits&(cArtifact|cSystem|cUI|cMetric) != 0 || costParts[toks[k+1].low]) {
			return false
		}
		if k+1 < n && compoundHead(toks, k+1) {
			return false
		}
		if addForms[toks[q].low] && datumCosts[t.low] && (toks[k-1].low == "the" || intoPart(toks, k+1)) {
			return false
		}
		return true
	}
	return false
}

// compoundHead reports a noun at k that a cost word before it modifies
// ("cost center", "work abstraction"): one character (a space) between,
// no word of grammar, no participle, no other cost ("maintenance work",
// "storage costs") and none of costHeads ("memory pressure").
func compoundHead(toks []token, k int) bool {
	t := toks[k]
	if toks[k-1].e != t.s-1 || t.lex.bits != 0 || increasedCosts[t.low] || costHeads[t.low] || t.shape&(shNum|shUpper) != 0 {
		return false
	}
	if prepositionsAndConjunctions[t.low] || relativeWords[t.low] || quantifiers[t.low] || strings.HasSuffix(t.low, "ed") || strings.HasSuffix(t.low, "ing") {
		return false
	}
	// "so", "while", "when", "if", "today" and "now" have lexicon bits
	// and "per" is a preposition: all are ruled out above
	switch t.low {
	case "than", "because", "since", "here", "there":
		return false
	}
	return true
}

// costHeads follow a cost word and still name a cost ("latency spikes").
var costHeads = withWords(nil, "pressure", "spike", "spikes", "penalty", "penalties", "hit", "hits", "debt", "creep", "overruns", "surface")

// datumCosts are cost words that are as often a datum a part carries.
var datumCosts = withWords(nil, "time", "times", "size", "errors", "work", "delay", "delays", "memory", "storage")

// intoPart reports "to" or "into" from k, before any other verb, and a
// part of the system, a data noun or code within three words after it
// ("to every event", "into a `problems` array", "to a per-tenant queue").
func intoPart(toks []token, k int) bool {
	n := len(toks)
	for ; k < n; k++ {
		if toks[k].low == "to" || toks[k].low == "into" {
			break
		}
		if toks[k].lex.bits&(cVerbBase|cVerb3|cModal|cWe) != 0 {
			return false
		}
	}
	for p := k + 1; p < n && p <= k+3; p++ {
		if toks[p].shape&shCode != 0 || toks[p].lex.bits&(cArtifact|cSystem|cUI) != 0 || dataNouns[toks[p].low] {
			return true
		}
	}
	return false
}

// dataNouns hold data that a datum is added to.
var dataNouns = withWords(nil, "entry", "entries", "row", "rows", "payload", "payloads", "body", "response", "responses", "request", "requests",
	"manifest", "span", "spans", "log", "logs", "line", "array", "list", "document", "documents", "message", "messages", "record", "records")

// addOrIncrease are the forms of "add" and "increase" that addedCost reads.
var addOrIncrease = withWords(addForms, "increase", "increases", "increasing")

var addForms = withWords(nil, "add", "adds", "adding")

// costParts after a cost word make it a part of the design ("a latency
// histogram", "an error budget", "a cost column").
var costParts = withWords(nil, "histogram", "histograms", "metric", "metrics", "field", "fields", "column", "columns",
	"series", "budget", "budgets", "limit", "limits", "header", "headers", "label", "labels", "table", "tables", "tracking", "estimate", "estimates",
	"balancer", "balancers", "balancing", "shedding", "test", "tests", "testing", "window", "windows", "zone", "zones", "queue", "queues",
	"item", "items", "order", "orders", "class", "classes", "account", "accounts", "bucket", "buckets", "layer", "layers", "backend", "backends",
	"cache", "caches", "pool", "pools", "tier", "tiers", "quota", "quotas")

// calendarSpan reports a stretch of the calendar that a preposition at q
// opens: "for six weeks", "for the first two weeks", "for the whole spring
// term", "over the summer", "until the end of April", "in May", "until
// Easter", "until Q3". A bare unit ("partitioned by month", "for each
// day") is a grouping, "twice in a month" a rate, "six months of past
// orders" and "two weeks of each month" amounts, and days, hours and
// minutes are as often a time to live ("cache it for 30 days") as a date;
// none counts (trialRun).
func calendarSpan(s *sentenceState, q int) bool {
	toks, n := s.toks, len(s.toks)
	if !spanOpeners[toks[q].low] || q > 0 && rateWords[toks[q-1].low] {
		return false
	}
	p := q + 1
	counted := false
	if p < n && toks[p].low == "the" {
		p, counted = p+1, true
	}
	// "the end of April", "the start of the spring term"
	if counted && p+1 < n && spanEdges[toks[p].low] && toks[p+1].low == "of" {
		p += 2
		if p < n && toks[p].low == "the" {
			p++
		}
	}
	// a count, and a season as one ("the spring term"), or a season alone
	// ("over the summer", "in summer, when …", "in the spring and summer");
	// not "the summer build", whose season names a kind of thing
	for p < n && (spanCounts[toks[p].low] || toks[p].shape&shNum != 0) {
		p, counted = p+1, true
	}
	if seasons[toks[p-1].low] && (p >= n || prepositionsAndConjunctions[toks[p].low] || marksBetween(s.in.Text, toks, p-1, p, ",;:()—–")) {
		return true
	}
	if p >= n {
		return false
	}
	t := toks[p]
	if calendarName(t) || t.raw != t.low && quarterName(t.low) {
		return true // named in capitals ("in May", "until Q3"; "who opts in may …" is a modal)
	}
	if !counted || !spanUnits[t.low] {
		return false
	}
	// "of" and what is measured: an amount ("six months of past orders"),
	// unless it names the date ("the first two weeks of April")
	if p+2 < n && toks[p+1].low == "of" {
		return calendarName(toks[p+2]) || toks[p+2].shape&shNum != 0
	}
	return true
}

// calendarName reports a month or a holiday named in capitals.
func calendarName(t token) bool { return t.raw != t.low && (monthNames[t.low] || holidays[t.low]) }

// quarterName reports a quarter of the year ("q3").
func quarterName(w string) bool { return len(w) == 2 && w[0] == 'q' && w[1] >= '1' && w[1] <= '4' }

var (
	// spanOpeners open a stretch of the calendar.
	spanOpeners = withWords(nil, "for", "until", "till", "through", "throughout", "in", "from", "during", "over", "by", "before", "after")
	// rateWords before an opener make a rate of it ("twice in a month").
	rateWords = withWords(nil, "once", "twice", "thrice", "times")
	// spanEdges name the edge of a stretch ("the end of April").
	spanEdges = withWords(nil, "end", "start", "beginning", "middle", "rest")
	// spanCounts count, place or qualify the unit of a stretch ("six
	// weeks", "the first month", "the whole spring term"); the seasons
	// among them may end it.
	spanCounts = withWords(seasons, "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve",
		"first", "second", "third", "next", "last", "final", "coming", "few", "several", "whole", "entire")
	// spanUnits are the units of a stretch of the calendar.
	spanUnits = withWords(nil, "week", "weeks", "month", "months", "term", "terms", "season", "seasons", "quarter", "quarters",
		"semester", "semesters", "fortnight", "year", "years", "holidays", "sprint", "sprints", "release", "releases")
	// seasons end a stretch ("over the summer").
	seasons = withWords(nil, "autumn", "fall", "spring", "summer", "winter")
	// holidays name a date of the calendar.
	holidays = withWords(nil, "easter", "christmas", "thanksgiving", "halloween")
)

// costModals say what a choice would bring about.
var costModals = withWords(nil, "would", "will", "could", "might")

// thingPronouns end in "-ing" and are no gerund. ingNotGerund holds them
// too, and more ("existing", "pending") that costOfChoice reads as gerunds.
var thingPronouns = withWords(nil, "something", "anything", "nothing", "everything")

// increasedCosts are what a choice increases or adds at a cost.
var increasedCosts = withWords(nil, "time", "times", "latency", "latencies", "cost", "costs", "load", "complexity", "overhead",
	"size", "risk", "risks", "memory", "storage", "toil", "maintenance", "burden", "bill", "spend", "delay", "delays",
	"contention", "footprint", "lag", "effort", "work", "churn", "errors")

// riskConstruction reports a risk that a phrase at q tells: what a choice
// costs or adds ("…, which increases storage costs") or a breaking change
// (wordCues, choosersHedge; a risk word alone is contextCue's).
func riskConstruction(s *sentenceState, q int) bool {
	t := &s.toks[q]
	return t.in(inCostVerbs) && (costOfChoice(s.toks, q) || addedCost(s.toks, q, s.start)) || breakingChange(s.toks, q)
}

// pastCue reports a word of the past at q: a past form or marker, but
// not "used" as in "used to", "are used" or "recently used" (contextCue,
// choosersHedge).
func pastCue(s *sentenceState, q int) bool {
	toks, n, t := s.toks, len(s.toks), &s.toks[q]
	return t.lex.bits&(cPast|cPastMarker) != 0 && !recentlyNamesList(s, q) && !(t.low == "used" && (q+1 < n && toks[q+1].low == "to" || q > 0 && (toks[q-1].lex.bits&cBe != 0 || participleAfterAdverb(toks, q) || recentlyNamesList(s, q-1))))
}

// contextCue: background, the past, problems, risks, goals and negation are not the design.
func contextCue(s *sentenceState, ex *extraction, q int) {
	x, t := &ex.x, &s.toks[q]
	b := t.lex.bits
	if b&cNeg != 0 && !defaultNone(s, q) {
		x[fNeg] = 1
	}
	if b&cContext != 0 {
		x[fCtx] = 1
	}
	if pastCue(s, q) {
		x[fPast] = 1
	}
	if b&cProblem != 0 {
		x[fProblem] = 1
	}
	if b&cRisk != 0 {
		x[fRisk] = 1
	}
	if b&cGoal != 0 {
		x[fGoalWord] = 1
	}
}

// recentlyNamesList reports "recently" that names a list or an order
// rather than a time: "Most Recently Used order", "least recently used
// keys", "Recently viewed items appear at the top" (opening the sentence
// or after a determiner, before a participle that modifies a noun).
func recentlyNamesList(s *sentenceState, q int) bool {
	toks, n := s.toks, len(s.toks)
	if toks[q].low != "recently" {
		return false
	}
	if q > 0 && (toks[q-1].low == "most" || toks[q-1].low == "least") {
		return true
	}
	// opening the sentence, after a verb that shows a list ("Show
	// recently viewed projects first"), or after a determiner
	opens := q <= s.start || q > 0 && (listVerbs[strings.TrimSuffix(toks[q-1].low, "s")] || toks[q-1].lex.bits&cDet != 0)
	if !opens || q+2 >= n || marksBetween(s.in.Text, toks, q, q+1, ",") {
		return false
	}
	next := &toks[q+1]
	return (participleShape(next) || next.lex.bits&cPart != 0) && toks[q+2].lex.bits&(cDet|cBe|cModal|cPronoun|cWe) == 0 && !prepositionsAndConjunctions[toks[q+2].low]
}

// listVerbs show a list ("Show recently viewed projects first", "The
// home screen shows recently viewed projects"), in the base form; a
// third-person "-s" is taken off before the lookup.
var listVerbs = withWords(nil, "show", "list", "display", "surface", "rank", "sort", "highlight", "pin", "keep")

// purposeClause returns the first token of a clause that gives the
// purpose of what comes before it ("…, so shoppers don't lose items",
// "so that …", "to avoid …", "to prevent …", "in order to …"), or
// len(toks).
func purposeClause(toks []token, start int) int {
	n := len(toks)
	for q := start + 2; q+1 < n; q++ {
		if toks[q].shape&shCode != 0 {
			continue
		}
		switch next := toks[q+1]; toks[q].low {
		case "so":
			if next.low == "that" || next.lex.bits&(cUser|cPronoun|cWe|cI|cDet) != 0 {
				return q
			}
			// "… so restaurant CSS cannot break it": a subject of its own
			// and a modal or a negation within four words
			for k := q + 2; k < n && k <= q+4 && toks[q+1].lex.bits&cAdverb == 0; k++ {
				if toks[k].lex.bits&(cModal|cNeg) != 0 {
					return q
				}
			}
		case "to":
			if next.low == "avoid" || next.low == "prevent" {
				return q
			}
		case "in":
			if next.low == "order" {
				return q
			}
		}
	}
	return n
}

// purposeOfOrder: "Store carts in DynamoDB so shoppers don't lose items"
// orders a design and says why; the problem it prevents is its purpose,
// not a problem the sentence describes, so purposeOfDesign reads the
// clause of an order that names its means (a term or code before the
// clause; "Log every access so that audits don't fail" names none and may
// be a requirement).
func purposeOfOrder(s *sentenceState, ex *extraction) {
	x := &ex.x
	if x[fImpDesign] == 0 && x[fImpUI] == 0 {
		return // an order to build, or to build a screen ("Rebuild the widget as …")
	}
	purposeOfDesign(s, ex, purposeClause(s.toks, s.start))
}

// purposeOfModalDesign: "The gate page should cache the day's list in
// localStorage so it keeps working when the tablet loses signal" prescribes
// a design with a modal and says why, as an order does (purposeOfOrder); it
// runs once the constructions have read the modal.
func purposeOfModalDesign(s *sentenceState, ex *extraction) {
	x := &ex.x
	if x[fModalDesign]+x[fModalBrand]+x[fModalBePart]+x[fWeModalDesign]+x[fWeWillDesign] == 0 {
		return
	}
	// the modal prescribes before the clause, and the clause follows the
	// design with no comma: "…, so there are no version dependencies" tells
	// a result, which may be the problem
	toks := s.toks
	purpose := purposeClause(toks, s.start)
	if commaBetween(s.in.Text, toks, purpose-1, purpose) {
		return
	}
	for q := s.start; q < purpose; q++ {
		if toks[q].shape&shCode == 0 && prescribingModals[toks[q].low] {
			purposeOfDesign(s, ex, purpose)
			return
		}
	}
}

// prescribingModals prescribe a design.
var prescribingModals = map[string]bool{"should": true, "must": true, "will": true, "shall": true, "we'll": true}

// purposeOfDesign drops the problem, negation, "can" and screen cues found
// only in the purpose clause of a design that names its means: "… a signed
// JWT so the booking page can skip the login step" says what the design
// is for, not what users can do.
func purposeOfDesign(s *sentenceState, ex *extraction, purpose int) {
	x := &ex.x
	if !s.namesMeans(s.start, purpose) || purpose == len(s.toks) || resultClause(s.toks, purpose) {
		return
	}
	// the problem, negation, "can" and screen words before the clause, as wordCues
	// reads them (outside code)
	var problemBefore, negBefore, canBefore, uiBefore bool
	for q := range purpose {
		if t := &s.toks[q]; t.shape&shCode == 0 {
			problemBefore = problemBefore || t.lex.bits&cProblem != 0
			negBefore = negBefore || t.lex.bits&cNeg != 0
			canBefore = canBefore || t.low == "can"
			uiBefore = uiBefore || screenObject(s, q)
		}
	}
	if !canBefore {
		x[fCan] = 0
	}
	if !uiBefore {
		x[fUIObject] = 0
	}
	if !problemBefore {
		x[fProblem], x[fTermProblem] = 0, 0
	}
	if !negBefore {
		x[fNeg], x[fTermNeg] = 0, 0
	}
}

// resultClause reports a clause from "so" at q whose own subject is a
// problem ("… stored in Redis so a Redis outage will sign every user
// out"): a consequence, maybe a risk, not what the design is for.
func resultClause(toks []token, q int) bool {
	if toks[q].low != "so" || q+1 < len(toks) && toks[q+1].low == "that" {
		return false // "so that" gives a purpose
	}
	for k := q + 1; k < len(toks) && k <= q+4; k++ {
		if toks[k].lex.bits&(cModal|cVerb3|cVerbBase|cBe|cNeg) != 0 {
			return false // the subject ends at its verb ("so shoppers don't lose items")
		}
		if toks[k].shape&shCode == 0 && toks[k].lex.bits&cProblem != 0 {
			return true
		}
	}
	return false
}

// choosersHedge: in "A potential option that was discussed was to combine
// …" and "One approach we could take would be to make an adapter …", the
// hedge, the possibility and the past tense belong to the naming of the
// course (impersonalProposal), not to the course: the sentence proposes a
// design as "One option is to …" does. Each such cue is dropped when no
// word outside that opening gives it, nor, for a risk, a cost after it
// ("…, which increases storage costs").
func choosersHedge(s *sentenceState, ex *extraction) {
	from, to := ex.chooser[0], ex.chooser[1]
	if to == 0 {
		return
	}
	toks := s.toks
	var risk, may, past bool // a cue given outside the opening
	for q := range toks {
		t := &toks[q]
		if q >= from && q < to || t.shape&shCode != 0 {
			continue
		}
		// as contextCue and wordCues read a risk
		risk = risk || t.lex.bits&cRisk != 0 || riskConstruction(s, q)
		may = may || possibilityCue(t.low) == fMay // as modalityCue reads it ("will" aside)
		past = past || pastCue(s, q)
	}
	x := &ex.x
	if !risk {
		x[fRisk] = 0
	}
	if !may {
		x[fMay] = 0
	}
	if !past {
		x[fPast] = 0
	}
}

// relativeClauseOfPlan: "In this KEP, we add a new field `policy` that
// allows users to specify what happens to pods that are not ready", "we
// propose to extend storage to support ST as something you can attach to a
// sample": the authors' plan (we propose, we add, a new field) says what is
// built, and a relative clause after a part of it tells what that part lets
// people do or which cases it covers. The people, "you", "can" and negation
// words found only in that clause do not make the plan a user's capability
// or a negated plan.
func relativeClauseOfPlan(s *sentenceState, ex *extraction) {
	x, toks := &ex.x, s.toks
	if x[fWePropose]+x[fWePresent]+x[fNewArtifact] == 0 || x[fNongoal] != 0 {
		return // no plan, or a declined one (a non-goal; a negated plan is read below)
	}
	plan, planStart := -1, -1 // where the first plan signal ends, and where it starts
	for _, g := range ex.sigs {
		if (g.feat == fWePropose || g.feat == fWePresent || g.feat == fNewArtifact) && (plan < 0 || g.end < plan) {
			plan, planStart = g.end, g.start
		}
	}
	planTok := 0
	for planTok+1 < len(toks) && toks[planTok].s < planStart {
		planTok++
	}
	r := -1
	for q := 1; q+1 < len(toks) && r < 0; q++ {
		if toks[q].s >= plan && toks[q].shape&shCode == 0 && relativeClauseAt(s, q) {
			r = q
		}
	}
	if r < 0 {
		return
	}
	// the clause ends where another begins ("…, and users can also
	// override it", "…; existing pods are not affected"); cues after it
	// are the main clause's again
	end := r + 1
	for end < len(toks) && !clauseEndsAt(s, r, end) {
		end++
	}
	before, within, after := cuesOfPeople(s, 0, r), cuesOfPeople(s, r, end), cuesOfPeople(s, end, len(toks))
	// a negation in the plan's own part of the sentence ("We do not add a
	// new field … that"), from the last comma before the plan, negates the
	// plan; one in a reason or a condition before it ("Because no API
	// exists, we add …") does not
	seg := planTok
	for seg > clauseStart(s, r) && !commaBetween(s.in.Text, toks, seg-1, seg) {
		seg--
	}
	if negatedIn(toks, seg, r, cNeg) {
		return
	}
	for i, f := range peopleCueFeats {
		if before[i] || after[i] || !within[i] {
			continue
		}
		if f == fNeg {
			if negatedIn(toks, r, end, cNeg|cProblem) {
				continue // "… that users cannot edit": a problem word too, which stays
			}
			x[fTermNeg] = 0
		}
		x[f] = 0
	}
}

// clauseEndsAt reports the end of a relative clause at token k: another
// clause (newClause), unless it is a second relative clause on the same
// part (", and that you can override", ", or which …"), a colon, or a
// dash that is no half of a pair within the clause (a pair holds an
// aside: "that users — typically cluster admins — can set"). The clause
// opens at token r.
func clauseEndsAt(s *sentenceState, r, k int) bool {
	toks, text := s.toks, s.in.Text
	if newClause(text, toks, k) {
		w := toks[k].low // "…, so that …" is a purpose, not a relative clause
		return !((w == "and" || w == "or" || w == "but") && k+1 < len(toks) && relativeWords[toks[k+1].low])
	}
	if marksBetween(text, toks, k-1, k, ":") {
		return true
	}
	if !marksBetween(text, toks, k-1, k, "\u2014\u2013") {
		return false
	}
	dashes := strings.Count(text[toks[r].s:], "\u2014") + strings.Count(text[toks[r].s:], "\u2013")
	return dashes < 2
}

// negatedIn reports a word outside code among tokens [from, to) with all
// of the classes in bits: a negation (cNeg), or one that is also a problem
// word (cNeg|cProblem: "cannot", "can't").
func negatedIn(toks []token, from, to int, bits uint64) bool {
	for q := from; q < to; q++ {
		if toks[q].lex.bits&bits == bits && toks[q].shape&shCode == 0 {
			return true
		}
	}
	return false
}

// peopleCueFeats are the cues cuesOfPeople tells apart.
var peopleCueFeats = [...]int{fYou, fUserModal, fAllowUser, fCan, fNeg}

// cuesOfPeople reports which of peopleCueFeats the tokens [from, to) give,
// read as wordCues reads them: "you", people with a modal, what allows
// people, "can", negation.
func cuesOfPeople(s *sentenceState, from, to int) (on [len(peopleCueFeats)]bool) {
	toks := s.toks
	for q := from; q < to; q++ {
		t := &toks[q]
		if t.shape&shCode != 0 {
			continue
		}
		b := t.lex.bits
		on[0] = on[0] || t.in(inSecondPerson)
		on[1] = on[1] || userModal(s, q, to)
		on[2] = on[2] || allowsUser(toks, q, to)
		on[3] = on[3] || possibilityCue(t.low) == fCan
		on[4] = on[4] || b&cNeg != 0
	}
	return
}

// relativeClauseAt reports a relative clause opening at token q after a
// part of the system: "that", "which" or "who" after code, a term or a
// word for an artifact or component ("a new field that …", "a hook,
// which …"), or people named after "something" or "anything" ("something
// you can attach").
func relativeClauseAt(s *sentenceState, q int) bool {
	toks := s.toks
	p := q - 1 // a comma is no token: "a hook, which …" reads the same
	part := toks[p].shape&shCode != 0 || s.termAt(p) || toks[p].lex.bits&(cArtifact|cSystem) != 0
	if relativeWords[toks[q].low] && toks[q].low != "whom" && toks[q].low != "whose" {
		return part
	}
	return thingPronouns[toks[q-1].low] && (toks[q].lex.bits&cUser != 0 || toks[q].in(inSecondPerson))
}

// reasonForChoice: "Use Twilio for SMS, since the support team already has
// a contract with them", "Host the dashboard on Heroku, because the team
// already uses it": a prescription that names its means and gives what is
// already in place as its reason. The context word
// in the reason clause tells why the choice is made, not that the sentence
// describes today, so it does not count unless one comes before the clause.
func reasonForChoice(s *sentenceState, ex *extraction) {
	x, toks := &ex.x, s.toks
	if x[fCtx] == 0 || x[fImpDesign]+x[fWeModalDesign]+x[fWeWillDesign]+x[fModalBrand]+x[fModalDesign]+x[fSysModal]+x[fChooseTerm]+x[fModalBePart]+x[fViaTerm] == 0 {
		return
	}
	r := -1
	for q := s.start + 3; q < len(toks) && r < 0; q++ {
		if (toks[q].low == "since" || toks[q].low == "because") && toks[q].shape&shCode == 0 {
			r = q
		}
	}
	if r < 0 || firstContextWord(s, r) < r {
		return // "Today we store sessions in Redis because …"
	}
	if s.namesMeans(s.start, r) {
		x[fCtx], x[fTermCtx] = 0, 0
	}
}

// carriedByNamedMeans: "Send those alerts through Firebase Cloud Messaging",
// "Push notifications are sent via SendGrid": a screen object carried by a
// named technology or identifier is what the means carries, and the
// sentence chooses the means (9 of the 12 labelled sentences with both are
// how). The screen object speaks for the user when no such means is named
// ("Users get alerts through the mobile app"), and when it stands after the
// means or in another clause ("Show a banner when the sync via Kafka
// fails", "… on the inbox icon; messages arrive via Twilio").
func carriedByNamedMeans(s *sentenceState, ex *extraction) {
	if ex.x[fUIObject] == 0 || ex.x[fViaTerm] == 0 {
		return
	}
	toks := s.toks
	// the first means named: the tokens its signal starts and ends at
	via, means := -1, -1
	if i := slices.IndexFunc(ex.sigs, func(r rawSignal) bool { return r.feat == fViaTerm }); i >= 0 {
		r := ex.sigs[i]
		for q := 0; q < len(toks) && means < 0; q++ {
			if toks[q].s == r.start {
				via = q
			}
			if toks[q].e == r.end {
				means = q
			}
		}
	}
	if via < 0 || means < 0 || !s.termAt(means) && !s.codeish(means) {
		return
	}
	carried := false
	for q := range toks {
		if !screenObject(s, q) && !shownOnScreen(s, q) {
			continue
		}
		if q > via {
			return
		}
		carried = true
		for k := q + 1; k <= via; k++ {
			if toks[k].lex.bits&cCond != 0 || newClause(s.in.Text, toks, k) {
				return
			}
		}
	}
	if carried {
		ex.x[fUIObject] = 0
	}
}

// firstContextWord returns the first context word outside code
// ("already", "today") before token end, or end; wordCues reads the same
// words for fCtx.
func firstContextWord(s *sentenceState, end int) int {
	for q := s.start; q < end; q++ {
		if s.toks[q].shape&shCode == 0 && s.toks[q].lex.bits&cContext != 0 {
			return q
		}
	}
	return end
}

// contextOfTheMeans: in an order, a context word after the means it names
// tells about the means ("Build it on the Next.js app the permits team
// already maintains", "Use Redis, which ops already runs"), not that the
// sentence describes today.
func contextOfTheMeans(s *sentenceState, ex *extraction) {
	x := &ex.x
	if x[fCtx] == 0 || x[fImpDesign] == 0 {
		return
	}
	if q := firstContextWord(s, len(s.toks)); q < len(s.toks) && s.namesMeans(s.start, q) {
		x[fCtx], x[fTermCtx] = 0, 0
	}
}

// termInContext: a term in a sentence of context, problems, the past or negation is mentioned, not chosen.
func termInContext(s *sentenceState, ex *extraction) {
	if !s.hasTerm {
		return
	}
	x := &ex.x
	for _, f := range [...][2]int{{fCtx, fTermCtx}, {fProblem, fTermProblem}, {fPast, fTermPast}, {fNeg, fTermNeg}} {
		if x[f[0]] != 0 {
			x[f[1]] = 1
		}
	}
}

// modalityCue: will, should, must, may and can tell a commitment from a requirement or a possibility.
func modalityCue(t *token, ex *extraction) {
	x := &ex.x
	switch t.low {
	case "will", "'ll", "we'll":
		x[fWill] = 1
	case "should":
		x[fShould] = 1
	case "must", "shall": // RFC 2119 requirement language
		// about code it is a contract on that code ("`path` must not start
		// with `/`"), not a requirement; codeSpans has set fCodeAny by now
		if x[fCodeAny] == 0 {
			x[fMust] = 1
		}
	case "able", "ability":
		x[fAbility] = 1
	default:
		if f := possibilityCue(t.low); f >= 0 {
			x[f] = 1
		}
	}
}

// possibility reports a modal of possibility.
func possibility(w string) bool { return possibilityCue(w) >= 0 }

// possibilityCue returns the cue a modal of possibility gives: "can" an
// ability, "may", "might" and "could" a hedge; -1 for any other word.
func possibilityCue(w string) int {
	switch w {
	case "can":
		return fCan
	case "may", "might", "could":
		return fMay
	}
	return -1
}

// nonGoalCue: what is out of scope or not a goal will not be built, however technical it reads.
func nonGoalCue(s *sentenceState, ex *extraction, q int) {
	toks, n, x, t := s.toks, len(s.toks), &ex.x, &s.toks[q]
	b := t.lex.bits
	if b&cScope != 0 {
		if t.low == "non-goal" || t.low == "non-goals" || t.low == "nongoal" || t.low == "out-of-scope" {
			x[fNongoal] = 1
		}
		for p := q - 1; p >= 0 && p >= q-4; p-- {
			if toks[p].lex.bits&cNeg != 0 || toks[p].low == "out" || toks[p].low == "outside" || toks[p].low == "beyond" {
				x[fNongoal] = 1
			}
		}
	}
	if b&cNeg != 0 && q+1 < n {
		if toks[q+1].low == "part" || toks[q+1].low == "a" && q+2 < n && toks[q+2].low == "goal" || toks[q+1].low == "goal" || toks[q+1].low == "proposing" || toks[q+1].low == "planning" || toks[q+1].low == "including" || toks[q+1].low == "included" || toks[q+1].low == "meant" || toks[q+1].low == "intended" {
			x[fNongoal] = 1
		}
	}
}

// documentDeclines reports the document itself at q, named after "this" or
// "the", with a negated "is", "does", "will" or "should" after it.
func documentDeclines(toks []token, q int) bool {
	n := len(toks)
	if !toks[q].in(inDocumentItself) || q == 0 || toks[q].shape&shCode != 0 || q+1 >= n {
		return false
	}
	if w := toks[q-1].low; w != "this" && w != "the" {
		return false
	}
	v := toks[q+1]
	if v.lex.bits&cNeg != 0 { // "doesn't", "isn't", "won't"
		return true
	}
	switch v.low {
	case "is", "does", "will", "should":
		return q+2 < n && toks[q+2].lex.bits&cNeg != 0
	}
	return false
}

// authorVerbs after "I" speak for the document's author, not a user.
var authorVerbs = map[string]bool{"propose": true, "suggest": true, "recommend": true, "think": true, "believe": true, "feel": true, "expect": true, "plan": true, "will": true, "intend": true, "prefer": true, "like": true, "support": true}

// authorSpeaks reports an "I" at q that is the document's author: a verb
// of proposing or preferring follows ("I propose", "I'd also like a …"),
// or the author asks the team ("I would really like us to …"); "I'd like
// to see …" is a user's wish.
func authorSpeaks(s *sentenceState, q int) bool {
	toks, n := s.toks, len(s.toks)
	v := authorVerb(toks, q)
	if v >= n {
		return false
	}
	if wishVerbs[toks[v].low] && v+1 < n && toks[v+1].low == "us" {
		return true
	}
	return authorVerbs[toks[v].low] && !(toks[v].low == "like" && v+1 < n && toks[v+1].low == "to")
}

// authorVerb returns the verb after "I" at q, past soft adverbs and
// "would" ("I'd also like", "I would really like").
func authorVerb(toks []token, q int) int {
	v := softAdverbs(toks, q+1)
	if v < len(toks) && toks[v].low == "would" {
		v = softAdverbs(toks, v+1)
	}
	return v
}

// carriesOn reports "continue(s) to" after a subject that is neither a
// part of the system nor the team: "The scheduler continues to poll the
// table", "We will continue to use Postgres" and the order "Continue to
// store sessions in Redis" still say how it works.
func carriesOn(s *sentenceState, q int) bool {
	toks := s.toks
	if w := toks[q].low; w != "continue" && w != "continues" || q+1 >= len(toks) || toks[q+1].low != "to" || q == s.start {
		return false
	}
	for p := s.start; p < q; p++ {
		if toks[p].lex.bits&(cSystem|cWe) != 0 || s.codeish(p) || s.termAt(p) {
			return false
		}
	}
	return true
}

// peoplesFuture reports "will" after "whoever", or after "who" that
// follows people or a preposition ("… around who will attend", "Customers
// who will be moved …", "those who will attend"): their future, not the
// system's. After a verb ("The scheduler decides who will be paged") the
// future is the system's.
func peoplesFuture(s *sentenceState, q int) bool {
	toks := s.toks
	if w := toks[q].low; w != "will" && w != "'ll" || q < 1 {
		return false
	}
	switch toks[q-1].low {
	case "whoever":
		return true
	case "who":
		if q < 2 {
			return false
		}
		p := &toks[q-2]
		return p.lex.bits&cUser != 0 || peopleHeadWords[p.low] || prepositions[p.low] || morePrepositions[p.low]
	}
	return false
}

// peopleHeadWords stand for people before "who" ("those who …").
var peopleHeadWords = withWords(nil, "those", "anyone", "everyone", "someone", "anybody", "everybody", "somebody")

// morePrepositions are the prepositions the prepositions list leaves out.
var morePrepositions = withWords(nil, "toward", "towards", "during", "around", "along", "against", "despite", "except", "inside",
	"throughout", "beside", "besides", "near", "past", "amongst", "regarding")

// stillToday reports "still" with no modal before it in its clause: "We
// still use pickle as the format", "Roughly 2,300 statements are still
// printed" tell how things are and stay. After a modal it says what a
// design keeps doing ("Validation will still reject the change", "It
// should still be possible to move this to Kafka"), and after an order, a
// want or "to" what is asked for ("Ensure uploads still succeed", "Users
// want the app to still work offline"), so it is no cue there; nor is a
// sentence's first word ("Still, …" concedes, "Still images …" are
// pictures) or "still" after an article ("the still image").
func stillToday(s *sentenceState, q int) bool {
	toks := s.toks
	if toks[q].low != "still" {
		return false
	}
	if q <= s.start || articles[toks[q-1].low] {
		return false // "Still, …", "Still images …", "the still image"
	}
	if clauseOrders[toks[s.start].low] {
		return false // an order: "Ensure uploads still succeed …", not "Support agents still process …"
	}
	for p := clauseStart(s, q); p < q; p++ {
		t := &toks[p]
		if t.shape&shCode == 0 && (t.lex.bits&cModal != 0 || wishVerbs[t.low] || t.low == "wants" || t.low == "to" && p == q-1) { // the modals hold "needs"
			return false
		}
	}
	return true
}

// defaultNone: "(default: none)", "defaults to none", "the default value
// is none": "none" is the value an option takes, not a negation. "By
// default, none of the events are sent" negates: "none of" and a comma or
// other mark between the words keep the negation.
func defaultNone(s *sentenceState, q int) bool {
	toks := s.toks
	if toks[q].low != "none" || q == 0 || q+1 < len(toks) && toks[q+1].low == "of" {
		return false
	}
	p := q - 1
	if (toks[p].low == "to" || toks[p].low == "is") && p > 0 {
		p--
	}
	if toks[p].low == "value" && p > 0 {
		p--
	}
	if toks[p].low != "default" && toks[p].low != "defaults" {
		return false
	}
	// no comma or semicolon between the words ("By default, none …")
	for k := p; k < q; k++ {
		if marksBetween(s.in.Text, toks, k, k+1, ",;") {
			return false
		}
	}
	return true
}

// breakingChange: "This will introduce a breaking change because …", "The
// removal of a special metric is a breaking change": what a change breaks
// is its risk (all four labelled sentences with it are what). Avoiding one
// is the purpose of a design ("To avoid a breaking change, this design
// reuses …"), and denying one a promise ("no breaking changes").
func breakingChange(toks []token, q int) bool {
	if toks[q].low != "breaking" || q+1 >= len(toks) || toks[q+1].low != "change" && toks[q+1].low != "changes" {
		return false
	}
	for p := max(0, q-4); p < q; p++ {
		if toks[p].lex.bits&cNeg != 0 {
			return false // "no breaking changes", "without breaking changes": a promise
		}
		switch toks[p].low {
		case "avoid", "avoids", "avoiding", "prevent", "prevents", "zero", "non":
			return false
		}
	}
	return true
}

// groupToday: a sentence whose subject is counted out of a group ("Many
// CLI tools only print color if …", "Most teams already store secrets in
// Vault", "Several major runtimes support RuntimeClass") tells how things
// are out there, not what to build: all 42 labelled sentences so opened
// are what. A change in its clause keeps the reading of a change (see
// plainRest).
func groupToday(s *sentenceState, q int) bool {
	toks := s.toks
	if q != s.start || !groupQuantifiers[toks[q].low] || q+1 >= len(toks) {
		return false
	}
	// "Most importantly, …", "Most recent events …", "Most of the time, …",
	// "Many thanks …": a word of manner, time or thanks, not a group
	next := toks[q+1].low
	if notAGroup[next] || next == "of" && q+3 < len(toks) && toks[q+2].low == "the" && toks[q+3].low == "time" {
		return false
	}
	return plainRest(s, q+1)
}

// possibleToday: "It is possible to ingest them as gauges and query them
// using `sum_over_time()`" tells what can be done today, as "can" does,
// not what to build; "It should be possible to …" asks for it, and "It is
// possible to add a new scope …" proposes (see plainRest).
func possibleToday(s *sentenceState, q int) bool {
	toks := s.toks
	if q != s.start || q+2 >= len(toks) || toks[q].low != "it" && toks[q].low != "it's" {
		return false
	}
	p := q + 1
	if toks[p].low == "is" { // "It's" is one token
		p++
	}
	if toks[p].low == "already" || toks[p].low == "also" || toks[p].low == "currently" || toks[p].low == "not" {
		p++
	}
	return p < len(toks) && (toks[p].low == "possible" || toks[p].low == "impossible") && plainRest(s, p+1)
}

// plainRest reports the sentence from token p on free of what makes a
// statement a change: a modal, "we", a plan word, a need or a passive
// ("Several unused methods will be removed", "Some methods need to be
// made public", "Most logs are migrated to …", "It is possible to add a
// new scope", "Many tools print color, so we will add a flag").
func plainRest(s *sentenceState, p int) bool {
	toks := s.toks
	if p >= len(toks) {
		return false
	}
	for ; p < len(toks); p++ {
		t := &toks[p]
		if t.shape&shCode != 0 {
			continue
		}
		if t.lex.bits&(cModal|cWe) != 0 || planWords[t.low] { // the modals hold "need" and "needs"
			return false
		}
		if t.lex.bits&cBe != 0 {
			// "are migrated", "are then removed": a passive, past a word of manner
			r := p + 1
			for r < len(toks) && r <= p+2 && (toks[r].lex.bits&cAdverb != 0 || strings.HasSuffix(toks[r].low, "ly")) {
				r++
			}
			if r < len(toks) && participleShape(&toks[r]) {
				return false
			}
		}
	}
	return true
}

// notAGroup follow "most" or "many" as words of manner, time or thanks
// ("Most importantly", "Most recent", "Many thanks"); "Most early adopters"
// and "Most family doctors" are groups, so no suffix test.
var notAGroup = withWords(nil, "importantly", "notably", "likely", "probably", "recently", "recent", "commonly", "frequently",
	"often", "usually", "typically", "significantly", "crucially", "critically", "interestingly", "surprisingly", "obviously",
	"especially", "particularly", "thanks")

// groupQuantifiers count a subject out of a group.
var groupQuantifiers = withWords(nil, "many", "most", "some", "several", "few", "various", "numerous")

// articles and possessives make the word after them an adjective ("the
// still image"); "This still requires …" is no such case.
var articles = withWords(nil, "the", "a", "an", "its", "their", "our", "his", "her", "my", "your")

// clauseOrders order that a clause hold ("Ensure uploads still succeed").
var clauseOrders = withWords(nil, "ensure", "verify", "check", "confirm", "guarantee", "require", "make")

// clauseStart returns the first token of the clause that holds token q:
// the sentence's start, or the token after which newClause begins one.
func clauseStart(s *sentenceState, q int) int {
	for k := q; k > s.start; k-- {
		if newClause(s.in.Text, s.toks, k) {
			return k
		}
	}
	return s.start
}

// peopleOwn reports people as the owner of the noun at q: a possessive
// before it ("the user's responsibility", "the operators' responsibility")
// or an "of" phrase after it ("the responsibility of the administrator"),
// with nothing negating it. A word that also names a component
// ("operator", "agent") or that modifies one ("the admin service") is no
// person here.
func peopleOwn(s *sentenceState, q int) bool {
	toks, text := s.toks, s.in.Text
	person := func(w string) bool {
		b := lexicon[w].bits
		return b&cUser != 0 && b&cSystem == 0 || agentWords[w]
	}
	for p := max(s.start, q-4); p < q; p++ {
		if toks[p].lex.bits&cNeg != 0 {
			return false
		}
	}
	if q > 0 {
		prev := toks[q-1]
		if w, ok := strings.CutSuffix(prev.low, "'s"); ok && person(w) {
			return true
		}
		// the tokenizer leaves the apostrophe of "operators'" out
		if rest := text[prev.e:toks[q].s]; (strings.HasPrefix(rest, "'") || strings.HasPrefix(rest, "\u2019")) && person(prev.low) {
			return true
		}
	}
	if q+2 < len(toks) && toks[q+1].low == "of" {
		p := q + 2
		if toks[p].lex.bits&cDet != 0 && p+1 < len(toks) {
			p++
		}
		return person(toks[p].low) && !(p+1 < len(toks) && toks[p+1].lex.bits&(cSystem|cArtifact) != 0)
	}
	return false
}

// softAdverbs returns the first token from q that is no softAdverb.
func softAdverbs(toks []token, q int) int {
	for q < len(toks) && softAdverb(toks[q]) {
		q++
	}
	return q
}

// softAdverbsBefore returns the last token before q that is no soft adverb, or -1.
func softAdverbsBefore(toks []token, q int) int {
	q--
	for q >= 0 && softAdverb(toks[q]) {
		q--
	}
	return q
}

// softAdverb reports an adverb that leaves the verb's sense as it is
// ("also", "really"); a negation does not.
func softAdverb(t token) bool {
	return t.lex.bits&cNeg == 0 && (t.lex.bits&cAdverb != 0 || len(t.low) > 4 && strings.HasSuffix(t.low, "ly"))
}

// relativeWords open a relative clause.
var relativeWords = map[string]bool{"which": true, "that": true, "who": true, "whom": true, "whose": true}

// newClause reports another clause starting at token k: after a
// semicolon, or after a comma or a dash before "and", "but", "then", "so",
// "while" or "or" ("… on the inbox icon, and messages arrive via Twilio").
// A list ("alerts, reminders and receipts") or an aside in parentheses or
// between dashes is none.
func newClause(text string, toks []token, k int) bool {
	if marksBetween(text, toks, k-1, k, ";") {
		return true
	}
	if !marksBetween(text, toks, k-1, k, ",\u2014\u2013") {
		return false
	}
	switch toks[k].low {
	case "and", "but", "then", "so", "while", "or":
		return true
	}
	return false
}

// frequencyWordList says how often things happen; the lexicon counts these
// words as words of today ("The replica often lags …"), and frequencyWords
// marks them for frequencyOfToday.
const frequencyWordList = "often sometimes rarely seldom frequently occasionally tend tends"

var frequencyWords = withWords(nil, strings.Fields(frequencyWordList)...)

// frequencyOfToday reports a word of frequency at q that tells how things
// are ("The replica often lags …", "Implementations tend to re-invent …").
// Not one that asks or sets a frequency ("how often", "how frequently",
// "as often as"), one a modal or "because" comes before in its clause
// ("will seldom be needed", "must poll frequently", "because they rarely
// change": a plan or a reason), one that opens a sentence or a name before a participle
// ("Frequently used filters …", "a Frequently Asked Questions page"), nor
// "tend" in its other sense ("Nurses tend patients").
func frequencyOfToday(text string, toks []token, q int) bool {
	w := toks[q].low
	// "tend to" a verb: "Nurses tend patients", "… tend to patients" are care
	if (w == "tend" || w == "tends") && (q+2 >= len(toks) || toks[q+1].low != "to" ||
		toks[q+2].lex.bits&(cDet|cUser|cSystem|cUI|cArtifact) != 0 || peopleWord(toks[q+2])) {
		return false
	}
	if q > 0 && (toks[q-1].low == "how" || toks[q-1].low == "as") {
		return false
	}
	// "Frequently used filters …", "a Frequently Asked Questions page"
	if q+1 < len(toks) && (toks[q+1].lex.bits&cPart != 0 || strings.HasSuffix(toks[q+1].low, "ed")) && (q == 0 || toks[q].shape&shUpper != 0) {
		return false
	}
	// a modal or "because" in its clause; "because of the migration" and
	// "since the redesign" give no reason clause
	for k := q - 1; k >= 0; k-- {
		if marksBetween(text, toks, k, k+1, ",;:") {
			break
		}
		if toks[k].lex.bits&cModal != 0 || toks[k].low == "because" && toks[k+1].low != "of" {
			return false
		}
	}
	return true
}

// shownOnScreen reports "show" after a modal ("Each order should show the
// couple, the date …", "Each suggestion will show the estimated savings"):
// what is shown is a screen's content, as "the page shows" is. All 9
// labelled sentences with a modal and "show" or "display" are what. Not
// "show up" (arrive), "show that" (prove) or "must not show".
func shownOnScreen(s *sentenceState, q int) bool {
	text, toks := s.in.Text, s.toks
	if toks[q].low != "show" || toks[q].shape&shCode != 0 || q+1 < len(toks) && (toks[q+1].low == "up" || toks[q+1].low == "that") {
		return false
	}
	m := skipBack(toks, q, cAdverb|cNeg)
	if m < 0 || toks[m].lex.bits&cModal == 0 {
		return false
	}
	for k := m; k < q; k++ {
		if toks[k].lex.bits&cNeg != 0 {
			return false // "must not show", "should also never show"
		}
	}
	// "The map will show depots using Mapbox GL": how it is shown is named
	for p := q + 1; p < len(toks); p++ {
		if toks[p].lex.bits&cCond != 0 || commaBetween(text, toks, p-1, p) {
			break
		}
		switch toks[p].low {
		case "using", "via", "through":
			// a named means, not "charges through the end of the period"
			if p+1 < len(toks) && (toks[p+1].shape&shUpper != 0 || partOfSystemWithin(s, p+1)) {
				return false
			}
		}
	}
	return true
}

// screenObject reports a screen object at q ("page", "alert", "report"),
// not data named after one ("report rows") or a word that qualifies a
// design ("the page cache").
func screenObject(s *sentenceState, q int) bool {
	return s.toks[q].lex.bits&cUI != 0 && !dataObject(s.toks, q) && !uiModifier(s.in.Text, s.toks, q)
}

// userCue: a user story (As a …, I want …, so that …), users who need or may, and screen elements speak for the user.
func userCue(s *sentenceState, ex *extraction, q int) {
	toks, n, x, t := s.toks, len(s.toks), &ex.x, &s.toks[q]
	b := t.lex.bits
	if screenObject(s, q) {
		x[fUIObject] = 1
	}
	if t.low == "so" && q+1 < n && toks[q+1].low == "that" {
		x[fSoThat] = 1
	}
	// user stories
	if t.low == "as" && q+2 < n && (toks[q+1].low == "a" || toks[q+1].low == "an") {
		for p := q + 2; p < n && p <= q+5; p++ {
			if toks[p].lex.bits&cUser != 0 {
				x[fUserStory] = 1
			}
		}
	}
	// "I" is a user telling a story, unless the author speaks: a verb of
	// proposing or preferring ("I propose", "I'd also like"), or a
	// relative clause ("…, which I support, …")
	if b&cI != 0 && !authorSpeaks(s, q) && !(q > 0 && relativeWords[toks[q-1].low] && !(q > 1 && toks[q-2].low == "so")) {
		x[fUserStory] = 1
	}
	if allowsUser(toks, q, n) {
		x[fAllowUser] = 1
	}
	if userModal(s, q, n) {
		x[fUserModal] = 1
	}
}

// allowsUser reports a word that allows people at q ("allows users to",
// "let operators"), the people within three words and before token to.
func allowsUser(toks []token, q, to int) bool {
	if toks[q].lex.bits&cAble == 0 || toks[q].low == "able" {
		return false
	}
	for p := q + 1; p < to && p <= q+3; p++ {
		if toks[p].lex.bits&cUser != 0 {
			return true
		}
	}
	return false
}

// userModal reports people at q followed, past adverbs, by a modal, a
// want or a need, or "are able", before token to ("users can", "operators
// want", "admins are able to").
func userModal(s *sentenceState, q, to int) bool {
	toks := s.toks
	if toks[q].lex.bits&cUser == 0 {
		return false
	}
	p := s.skipAdverbs(q + 1)
	if p >= to {
		return false
	}
	switch toks[p].low {
	case "want", "wants", "need", "needs":
		return true
	case "are":
		return p+1 < to && toks[p+1].low == "able"
	}
	return toks[p].lex.bits&cModal != 0
}

// codeSubject: code as the subject points to a design of that code, while "X is a …" defines a term rather than prescribing.
func codeSubject(s *sentenceState, ex *extraction) {
	toks, n, x := s.toks, len(s.toks), &ex.x
	if n == 0 {
		return
	}
	q := s.start
	if q < n && toks[q].lex.bits&cDet != 0 {
		q++
	}
	// definition: "<Term|Code|Name> [noun] [noun] is a/an/the ...":
	// the subject may run on for two plain words ("The JsonV3 keyfile
	// is a standard for …").
	if q < n && (s.termAt(q) || s.codeish(q) || toks[q].shape&shUpper != 0) {
		v := q + 1
		for v < n && v <= q+2 && toks[v].lex.bits&(cBe|cModal|cVerb3|cDet|cPronoun|cCond) == 0 && toks[v].shape&shUpper == 0 {
			v++
		}
		if v+1 < n && (toks[v].low == "is" || toks[v].low == "are") && toks[v+1].lex.bits&cDet != 0 {
			x[fDefinition] = 1
		}
	}
	// identity: "The main database is Postgres", "Our ILS is Polaris"
	// name what is in use, as a definition names a term; "will be
	// Postgres" would choose it.
	if x[fDefinition] == 0 && s.start < n && toks[s.start].lex.bits&cDet != 0 && (namesWhatIsUsed(s, s.start+1) || namesStack(s, s.start+1)) {
		x[fDefinition] = 1
	}
	// A term being defined is named, not designed: its shape ("The
	// ReminderPack bundle is a format …") does not make code the subject.
	if q < n && s.codeish(q) && x[fDefinition] == 0 {
		x[fFirstCode] = 1
	}
}

// namesWhatIsUsed reports whether a short subject from q is followed by
// "is" or "are" and a named technology or product that ends the clause:
// "[The] main target database is as always Postgres; …".
func namesWhatIsUsed(s *sentenceState, q int) bool {
	toks, n, text := s.toks, len(s.toks), s.in.Text
	v := copulaAfterShortSubject(s, q, false)
	if v < 0 {
		return false
	}
	r := s.skipAdverbs(v + 1)
	if r+1 < n && toks[r].low == "as" && toks[r+1].low == "always" {
		r += 2
	}
	if r >= n || !(s.brandAt(r) || toks[r].shape&shUpper != 0 && toks[r].lex.bits == 0) {
		return false
	}
	for r+1 < n && (s.brandAt(r+1) || toks[r+1].shape&(shUpper|shNum) != 0) && text[toks[r].e:toks[r+1].s] == " " {
		r++
	}
	return r+1 >= n || strings.ContainsAny(text[toks[r].e:toks[r+1].s], ",;:(")
}

// namesStack reports whether a short subject from q, with nothing new
// in it, is followed by "is" or "are", "built", "written" or "developed",
// "in", "with" or "on" and a named technology: "Our app is built in React
// Native" states what the product is made of today, a constraint the work
// lives with, while "The new dashboard is built with React" or "will be
// built with" chooses it.
func namesStack(s *sentenceState, q int) bool {
	toks, n := s.toks, len(s.toks)
	v := copulaAfterShortSubject(s, q, true)
	if v < 0 {
		return false
	}
	r := s.skipAdverbs(v + 1)
	if r+2 >= n || !stackVerbs[toks[r].low] {
		return false
	}
	p := toks[r+1].low
	return (p == "in" || p == "with" || p == "on") && s.brandAt(r+2)
}

var (
	stackVerbs = map[string]bool{"built": true, "written": true, "developed": true}
	// plannedWords make a subject something still to be built.
	plannedWords = map[string]bool{"new": true, "mvp": true, "prototype": true, "pilot": true, "poc": true, "beta": true}
)

// copulaAfterShortSubject returns the index of "is" or "are" after a
// subject of one to four plain words from q ("main target database",
// "StaffHub app"), or -1. No verb, pronoun, determiner or code may come
// between; with notNew, neither may a word that makes the subject a
// proposal ("new", "MVP", "prototype", "pilot").
func copulaAfterShortSubject(s *sentenceState, q int, notNew bool) int {
	toks, n := s.toks, len(s.toks)
	v := q
	for v < n && v <= q+3 && toks[v].low != "is" && toks[v].low != "are" {
		if toks[v].lex.bits&(cBe|cModal|cVerb3|cPronoun|cCond|cWe|cDet) != 0 || toks[v].shape&shCode != 0 || notNew && plannedWords[toks[v].low] {
			return -1
		}
		v++
	}
	if v == q || v >= n || toks[v].low != "is" && toks[v].low != "are" {
		return -1
	}
	return v
}

// conditional: "If/When …" states a behaviour, one of the code when the condition is about code or the system.
func conditional(s *sentenceState, ex *extraction) {
	toks, n, text := s.toks, len(s.toks), s.in.Text
	if n == 0 || toks[0].lex.bits&cCond == 0 || toks[0].low == "after" || toks[0].low == "before" {
		return
	}
	ex.x[fCond] = 1
	outage := outageCondition(s)
	for q := 1; q < n && q < 14; q++ {
		if s.codeish(q) || !outage && toks[q].lex.bits&cSystem != 0 && toks[q].lex.bits&cUser == 0 && !productFace[toks[q].low] {
			ex.sig(fCondCode, "conditional-behaviour", toks[0].s, toks[min(q, n-1)].e, text[toks[0].s:toks[min(q, n-1)].e], "code")
			break
		}
	}
}

// outageCondition reports a condition clause that a system is down,
// unavailable, offline or unreachable ("If the county GIS service is down,
// …"): what happens then is behaviour users meet when a dependency fails,
// not a condition in code. The clause ends at its first comma.
func outageCondition(s *sentenceState) bool {
	toks, text := s.toks, s.in.Text
	for q := 1; q < len(toks) && q < 14; q++ {
		if outageWords[toks[q].low] && (toks[q-1].lex.bits&cBe != 0 || linkingVerbs[toks[q-1].low]) {
			return true
		}
		if commaBetween(text, toks, q, q+1) {
			return false
		}
	}
	return false
}

var (
	outageWords  = map[string]bool{"down": true, "unavailable": true, "offline": true, "unreachable": true}
	linkingVerbs = map[string]bool{"goes": true, "go": true, "becomes": true, "become": true}
)

// verbAfterPronoun returns the word after a personal pronoun that opens
// the subject at start, past up to two adverbs, or -1: whatever word comes
// there is the verb ("We accomplish this by …", "We have chosen …", "I
// feel …"), though the lexicon knows only design verbs.
func verbAfterPronoun(toks []token, start int) int {
	n := len(toks)
	if start >= n || toks[start].lex.bits&(cWe|cI) == 0 && toks[start].low != "they" && toks[start].low != "you" {
		return -1
	}
	q := start + 1
	for q < n && q < start+3 && toks[q].lex.bits&cAdverb != 0 {
		q++
	}
	if q >= n || toks[q].lex.bits&cAdverb != 0 || toks[q].shape&shCode != 0 {
		return -1
	}
	return q
}

// verbAfterPluralSubject finds the design verb after a plural subject
// ("The entry scanners validate QR codes offline by checking an HMAC
// signature", "The sync workers pull jobs from a Redis list"): a present
// verb with no "-s" follows a plural noun, so the sentence has its verb
// and is no fragment. It also reports whether the subject itself names a
// part of the design. A part must be named in the subject or after the
// verb: "The librarians index new books by subject" and "Captains log
// each fish …" are people at work (or a heading-like line), whose design
// verbs read otherwise. A verb that is also a component noun ("The jobs
// queue fills up …", whose real verb the lexicon does not know) counts
// only before a determiner, a number, code, a named technology or another
// part of the design ("Workers store records in Postgres").
func verbAfterPluralSubject(s *sentenceState, start int) (int, bool) {
	toks := s.toks
	n := len(toks)
	q := start
	if q < n && toks[q].lex.bits&cDet != 0 {
		q++
	}
	for k := q; k < n && k < q+3; k++ {
		t := &toks[k]
		// a base form may modify the noun after it ("sync workers",
		// "log shippers"); any other verb form ends the search
		if t.lex.bits&(cVerb3|cPart|cGerund|cBe|cModal|cPast|cNeg|cCond|cAdverb|cDet|cPronoun) != 0 {
			return -1, false
		}
		if t.shape&shCode != 0 || !plainPlural(t.low) {
			continue
		}
		v := k + 1
		if v >= n || toks[v].lex.bits&cVerbBase == 0 {
			return -1, false
		}
		if toks[v].lex.bits&(cArtifact|cSystem) != 0 && !(v+1 < n && (toks[v+1].lex.bits&(cDet|cArtifact|cSystem) != 0 || toks[v+1].shape&shDigit != 0 || s.codeish(v+1) || s.meansAt(v+1))) {
			return -1, false
		}
		subject := designPartIn(s, start, v)
		if !subject && !designPartIn(s, v+1, n) {
			return -1, false
		}
		return v, subject
	}
	return -1, false
}

// designPartIn reports a part of the design among tokens [from, to): a
// technology, code, a component word, or an artifact. Unlike
// partOfSystemAfter, people, the product as its users meet it (app,
// system, driver: productFace) and the artifacts users meet as such
// (settings, options, fields, columns, records, messages …:
// userFacingParts) do not count.
func designPartIn(s *sentenceState, from, to int) bool {
	for p := from; p < to; p++ {
		t := &s.toks[p]
		if notPerson(s, p) && !productFace[t.low] || t.lex.bits&cArtifact != 0 && !userFacingParts[t.low] {
			return true
		}
	}
	return false
}

// plainPlural reports a word that reads as a plural noun, not a
// contraction ("Let's").
func plainPlural(w string) bool { return pluralNoun(w) && !strings.HasSuffix(w, "'s") }

// splitsUp reports "break" that splits something rather than fails:
// "break up `target` into …", "would break apart the exception group";
// "The widget breaks apart on mobile" fails.
func splitsUp(toks []token, q int) bool {
	switch toks[q].low {
	case "break", "breaks", "broken":
		return q+2 < len(toks) && (toks[q+1].low == "up" || toks[q+1].low == "apart") && !prepositions[toks[q+2].low]
	}
	return false
}

// nounModifier reports a word that modifies the noun after it within the
// subject ending before v: "User sessions are stored in Redis" is about
// sessions, "Buyer approval links are backed by …" about links, not about
// users.
func nounModifier(s *sentenceState, q, v int) bool {
	toks := s.toks
	if q+1 >= v {
		return false
	}
	for k := q + 1; k < v; k++ {
		t := toks[k]
		if t.lex.bits&(cBe|cModal|cVerb3|cPast|cDet|cPronoun|cCond|cUser|cWe|cAdverb|cNeg|cBound) != 0 || prepositionsAndConjunctions[t.low] || relativeWords[t.low] || strings.HasSuffix(t.low, "ing") || commaBetween(s.in.Text, toks, k-1, k) {
			return false
		}
	}
	return true
}

// thirdPersonShape reports a word in "-s" (not "-ss"): no order's verb,
// which is in the base form, but as often a plural noun ("shifts the
// coordinator creates are …", "Photos the rider takes when …").
func thirdPersonShape(w string) bool {
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !verbsLikeOtherForms[w]
}

// namesPeople reports a label that names people by its head word (the
// last word before a preposition or a parenthesis), a users' or a role's
// word ("Stewards:", "Volunteers:", "Stewards (for big events):"), or
// such a word before one of peopleHeads ("Steward leads:"): what follows
// is what they do ("Stewards: sign up for shifts, check in on the day"),
// as in a list of personas, not an order to the team. A thing named
// after people ("Volunteer rota:", "Note for admins:", "Impact on
// users:") and the people who build the product ("Backend team:",
// "Developers:") are no such label. (sentenceStart also wants a verb
// after the label, and the orders read it only where no technology or
// code is named: personaLabel.)
func namesPeople(text string, label []token) bool {
	h := len(label) - 1
	for k, t := range label {
		if prepositionsAndConjunctions[t.low] || k > 0 && strings.Contains(text[label[k-1].e:t.s], "(") {
			h = k - 1
			break
		}
	}
	if h < 0 {
		return false
	}
	for _, t := range label[:h+1] {
		if builderWords[t.low] {
			return false
		}
	}
	people := func(t token) bool { return t.shape&shCode == 0 && userOrRole(t) }
	return people(label[h]) || h > 0 && peopleHeads[label[h].low] && people(label[h-1])
}

// builderWords name the people who build the product, whose label heads
// the team's work, not a persona's.
var builderWords = withWords(nil, "developer", "developers", "engineer", "engineers", "engineering", "dev", "devs", "team", "teams",
	"backend", "frontend", "platform", "ops", "devops", "sre", "sres", "maintainer", "maintainers", "contributor", "contributors")

// personaLabel reports a people label (peopleLabel) before a sentence that
// names no technology and no code: "Stewards: sign up for shifts" is a
// persona's doing, "Admin: build the settings page with React" still an
// order.
func (s *sentenceState) personaLabel() bool {
	return s.peopleLabel && !s.hasTerm && len(s.in.Code) == 0
}

// condBetween reports a word of condition or time ("when", "if", "once",
// "while", …) between tokens from and to, outside code.
func condBetween(toks []token, from, to int) bool {
	for q := from + 1; q < to; q++ {
		if toks[q].lex.bits&cCond != 0 && toks[q].shape&shCode == 0 {
			return true
		}
	}
	return false
}

// plainImperative reports an order whose verb the lexicon does not know,
// so the sentence is no fragment: a first word with no class, neither a
// preposition nor an adverb nor a form that is mostly a noun's or a
// gerund's (a noun that is a verb as well may open it), then (past a particle) a determiner or "it" or "them": "Ship
// it as a static binary", "Package the CLI as a Docker image", "Roll out
// the new version with a canary". Whether it orders a design or a product
// step is for the other cues to tell.
func plainImperative(s *sentenceState) bool {
	return !s.in.Heading && !s.termAt(s.start) && orderShape(s.in.Text, s.toks, s.start)
}

// orderShape reports the shape plainImperative reads at k: a word with no
// class but a noun's, that is neither a preposition nor an adverb nor mostly
// a gerund's or a participle's form, then, past a particle and no comma, an
// order's object.
func orderShape(text string, toks []token, k int) bool {
	if k+1 >= len(toks) {
		return false
	}
	t := &toks[k]
	w := t.low
	// "put" is its own participle: the lexicon knows it as one only
	base := t.lex.bits&^cPart == 0 && t.lex.verb == w
	if t.lex.bits&^nounClasses != 0 && !base || t.shape&(shCode|shCaps|shDigit) != 0 || prepositionsAndConjunctions[w] || nonVerbOpeners[w] ||
		strings.HasSuffix(w, "'s") || !verbsLikeOtherForms[w] && (participleShape(t) || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ly")) {
		return false
	}
	p := k + 1
	if particles[toks[p].low] && p+1 < len(toks) {
		p++
	}
	// "Alice, the product manager …" is no order, nor "Revenue this
	// quarter"; "Dedupe these events …" is
	o := toks[p].low
	if demonstratives[o] && p+1 < len(toks) && timeNouns[toks[p+1].low] {
		return false
	}
	return (orderObjects[o] || demonstratives[o]) && !commaBetween(text, toks, k, p)
}

// demonstratives open an order's object ("Dedupe these events", "Debounce
// every keystroke") unless a time follows ("Revenue this quarter"); "each"
// and "all" follow a plural subject as often ("Payments each carry …").
var demonstratives = withWords(nil, "this", "these", "those", "every")

// timeNouns name a stretch of time.
var timeNouns = withWords(nil, "quarter", "quarters", "month", "months", "week", "weeks", "day", "days", "year", "years", "time",
	"morning", "evening", "night", "season", "term", "sprint", "weekend", "hour", "hours", "minute", "minutes", "release", "cycle",
	"round", "period")

// verbsLikeOtherForms end like a gerund, an adverb or a participle and are
// verbs ("Ping the endpoint …", "Supply the token …", "Embed the SDK …").
var verbsLikeOtherForms = withWords(nil, "ping", "bring", "string", "apply", "supply", "reply", "rely", "multiply", "fly", "embed", "shred")

// nounClasses are the word classes of nouns that are verbs as well
// ("Package the CLI …", "Queue the job …" when the lexicon knows no verb).
const nounClasses = cArtifact | cSystem | cUI | cMetric

// orderObjects open what an order acts on ("Ship it", "Package the CLI");
// demonstratives may too.
var orderObjects = withWords(nil, "a", "an", "the", "it", "them", "its", "their", "our")

// nonVerbOpeners open a sentence before a determiner without being a verb
// ("Here the …", "Toward the end …", "Maybe the same …"): the adverbs,
// conjunctions, prepositions and particles that neither the lexicon nor
// prepositionsAndConjunctions turns away already.
var nonVerbOpeners = withWords(morePrepositions,
	"but", "nor", "here", "there", "meanwhile", "finally", "third", "next", "last", "again", "yet", "both", "either",
	"even", "overall", "together", "alternatively", "moreover", "furthermore", "however", "nevertheless", "nonetheless",
	"ultimately", "since", "until", "whereas", "although", "though", "because", "where", "whether", "unlike", "plus",
	"minus", "thanks", "vs", "versus", "off", "up", "down", "almost", "maybe", "perhaps")

// subjectIsWho reports "who" at v-1 after the subject's noun: an
// appositive after a comma ("The tower captain, who …") or the noun
// phrase that opens the sentence, past a determiner ("Students who …",
// "The volunteers who …", "Tower captains who …").
func subjectIsWho(s *sentenceState, v int) bool {
	toks, start := s.toks, s.start
	w := v - 1
	if w <= start || toks[w].low != "who" {
		return false
	}
	if commaBetween(s.in.Text, toks, w-1, w) {
		return true
	}
	head := start
	if toks[head].lex.bits&cDet != 0 {
		head++
	}
	// the subject's noun, with up to three words before it that are
	// neither verbs nor prepositions ("Tower captains who …", "New ringers
	// who …"; not "The router chooses who …", "The list of ringers who …")
	if w-1 < head || w-head > 4 {
		return false
	}
	for p := head; p < w; p++ {
		if t := &toks[p]; t.lex.bits&(cVerb3|cPast|cBe|cModal|cChoose|cDet|cPronoun|cAdverb) != 0 || prepositionsAndConjunctions[t.low] {
			return false
		}
	}
	return true
}

// everydayVerbBeforeTerm returns a finite everyday verb, within the
// first five words after the sentence's start, that the other readings
// found no verb in, with a named technology or mechanism after it: "Texts
// go out through a Twilio Messaging Service …", "Ticket numbers come from
// a Postgres sequence …", "This goes through the Twilio API". Such a
// sentence is a statement, not a fragment, and its subject is read as
// any other's. A base form needs a plural noun or a personal pronoun
// before it ("Texts go", "They go"; not "the pass", "Employee pay"), and
// no verb after a relative word counts ("The service which takes …"). With no technology after the verb the sentence stays
// a fragment: the broader reading did no better on other documents. -1 if
// none.
func everydayVerbBeforeTerm(s *sentenceState) int {
	toks := s.toks
	if s.in.Heading {
		return -1
	}
	for q := s.start + 1; q < len(toks) && q <= s.start+4; q++ {
		w, prev := toks[q].low, &toks[q-1]
		if !everydayVerbs[w] && !everydayVerbs3[w] || relativeWords[prev.low] {
			continue
		}
		if everydayVerbs[w] && !(prev.lex.bits&(cWe|cI) != 0 || prev.low == "they" || prev.low == "you" || plainPlural(prev.low)) {
			continue
		}
		for p := q + 1; p < len(toks); p++ {
			if s.termAt(p) {
				return q
			}
		}
		return -1
	}
	return -1
}

// everydayVerbs and everydayVerbs3 are common verbs that are no design
// verbs, in the base and the third-person form; third-person forms that are
// as often plural nouns ("costs", "changes", "passes", "gains", "makes",
// "leaves") are not here, nor "have", whose statements describe a product
// ("Envoy has an `x-envoy-retry-on` header …").
var (
	everydayVerbs = withWords(nil, "go", "come", "keep", "take", "make", "give", "put", "bring", "live", "sit", "stand",
		"pass", "carry", "flow", "land", "begin", "happen", "belong", "depend", "rely", "arrive", "grow", "reach", "leave", "pay",
		"buy", "sell", "own", "tell", "ask", "apply", "involve", "include", "require", "seem", "appear", "exist", "occur", "differ",
		"vary", "walk", "meet", "earn", "spend", "receive", "enter", "know", "think", "feel", "believe", "expect", "hope", "gain")
	everydayVerbs3 = withWords(nil,
		"goes", "comes", "keeps", "takes", "gives", "puts", "brings", "lives", "sits", "carries", "flows", "begins",
		"happens", "belongs", "depends", "relies", "arrives", "grows", "reaches", "pays", "buys", "sells", "owns", "tells",
		"asks", "applies", "involves", "includes", "requires", "seems", "appears", "exists", "occurs", "differs", "varies",
		"earns", "spends", "receives", "enters", "knows", "thinks", "believes", "expects")
)

// productFace are the system words that name the product as its users
// meet it, or a person in the products that have drivers: a condition on
// them ("If the payment fails, the app offers another card") is behaviour
// users see, not a condition in code.
var productFace = map[string]bool{"app": true, "apps": true, "application": true, "applications": true, "system": true, "systems": true, "driver": true, "drivers": true}

// mainSubject: who does the main verb (users, the system, code, we, the proposal) tells a need from a design.
func mainSubject(s *sentenceState, ex *extraction) {
	toks, n, start, x := s.toks, len(s.toks), s.start, &ex.x
	// the tokens before the first finite verb
	v := -1
	for q := start; q < n; q++ {
		b := toks[q].lex.bits
		if toks[q].shape&shCode != 0 {
			continue
		}
		// "Users who skip the step …": the verb of a relative clause on
		// the subject ends the subject as well as a main verb would
		// "The foreman sees a printable schedule": a person in a role
		// before a verb the lexicon does not know as one
		if b&(cModal|cBe|cVerb3|cPast) != 0 && b&cArtifact == 0 || (q > start && (b&cVerbBase != 0 || wishVerbs[toks[q].low]) && toks[q-1].lex.bits&(cWe|cI|cUser|cPronoun) != 0) || q > start+1 && toks[q-1].low == "who" ||
			q > start && roleWords[toks[q-1].low] && unknownVerb3(s, q) {
			v = q
			break
		}
	}
	imperative := x[fImpDesign]+x[fImpOutcome]+x[fImpUI] > 0
	order := !imperative && plainImperative(s) // an order whose verb the lexicon does not know
	plain := false
	if order && !thirdPersonShape(toks[start].low) && condBetween(toks, start, v) {
		// "Take a row lock on the shift when a guide signs up": the first
		// verb found is in a clause of condition or time after the order
		plain = true
	} else if !imperative {
		if q := pastVerbAt(s.in.Text, toks, start, v); q > 0 {
			x[fPastSimple] = 1
			v = q // the subject ends at it
		}
		if v < 0 {
			v = verbAfterPronoun(toks, start)
		}
		if v < 0 {
			var component bool
			v, component = verbAfterPluralSubject(s, start)
			// "Workers pull jobs from a Redis list": parts of the system
			// doing a design verb, as "The worker polls …" is
			if v >= 0 && component {
				ex.sigw(fCompVerb3, "component-", toks[v].lex.verb, toks[v].s, toks[v].e, toks[v].raw, verbKind(toks[v].lex.verb))
			}
		}
		if v < 0 {
			if plain = order; !plain {
				v = everydayVerbBeforeTerm(s)
			}
		}
	}
	switch {
	case s.personaLabel():
		x[fSubjUser] = 1 // "Stewards: sign up for shifts …": the label is the subject
	case imperative:
		// no subject to speak of
	case plain:
		x[fImpPlain] = 1
	case v < 0:
		x[fFragment] = 1
	case v == start:
		x[fSubjOther] = 1
	default:
		f := fSubjOther
		for q := start; q < v; q++ {
			b := toks[q].lex.bits
			switch {
			case b&cWe != 0:
				f = fSubjWe
			case (b&cUser != 0 || roleSubject(s, q, v)) && f != fSubjWe && !nounModifier(s, q, v):
				f = fSubjUser
			case (s.codeish(q) || s.termAt(q)) && f == fSubjOther:
				f = fSubjCode
			case b&cSystem != 0 && (f == fSubjOther || f == fSubjThis):
				f = fSubjSystem
			case (b&cPronoun != 0 || toks[q].low == "proposal" || toks[q].low == "kep" || toks[q].low == "feature" || toks[q].low == "change") && f == fSubjOther:
				f = fSubjThis
			}
		}
		// "Peal conductors, who assemble a band …", "Students who leave …":
		// only people are "who", when it follows the subject's noun (after a
		// comma, or opening the sentence) rather than a verb the lexicon
		// does not know ("The router chooses who …") or an of-phrase
		if f == fSubjOther && subjectIsWho(s, v) {
			f = fSubjUser
		}
		x[f] = 1
	}
	if !imperative && !s.in.Heading && x[fPastSimple] == 0 && describesSystem(s) {
		x[fDescribes] = 1
	}
	if !imperative && !s.in.Heading && todayInMainClause(s) {
		x[fCtxMain] = 1
	}
}

// roleSubject reports a person named by a role (roleWords) that ends the
// subject before the verb at v, past an adverb at most ("The treasurer
// also sets …"), and heads it: not after "of" ("The list of students is
// cached …"), not before another noun, whose part it names ("Referee
// records are keyed by …"), and not as the last word of a name in
// capitals ("The Resource Librarian will detect …" names a component;
// "The Treasurer sets …" is a person).
func roleSubject(s *sentenceState, q, v int) bool {
	toks := s.toks
	if !roleWords[toks[q].low] || toks[q].shape&shCode != 0 {
		return false
	}
	if q > s.start {
		p := toks[q-1]
		if p.low == "of" || toks[q].shape&shUpper != 0 && p.shape&shUpper != 0 && p.lex.bits&cDet == 0 {
			return false
		}
	}
	return q+1 == v || q+2 == v && toks[q+1].lex.bits&cAdverb != 0
}

// unknownVerb3 reports at p a verb that the lexicon knows at most as a
// user's ("sees"), in the third person, before its object ("The foreman
// sees a printable schedule", "The registrar owns the loans process"): a
// lower-case word in "-s" (not "-ss") with no other class, then a
// determiner, a pronoun or a number, and no finite verb after it in its
// clause. (mainSubject passes no code here.)
func unknownVerb3(s *sentenceState, p int) bool {
	toks := s.toks
	if p+1 >= len(toks) {
		return false
	}
	t, next := toks[p], toks[p+1]
	if !(t.lex.bits&^cProductVerb == 0 && t.shape&shUpper == 0 && strings.HasSuffix(t.low, "s") && !strings.HasSuffix(t.low, "ss") &&
		(next.lex.bits&(cDet|cPronoun) != 0 || next.shape&shNum != 0)) {
		return false
	}
	// a plural noun has its verb after it: "The volunteer shifts this
	// week are kept in Redis"
	for r := p + 1; r < len(toks); r++ {
		if newClause(s.in.Text, toks, r) || relativeWords[toks[r].low] {
			break // "…, and the schedule is …", "… the boats that are due"
		}
		// (a word in "-s" after it may be a plural noun: "… with each
		// boat's lifting points")
		if toks[r].shape&shCode == 0 && toks[r].lex.bits&(cBe|cModal|cPast) != 0 {
			return false
		}
	}
	return true
}

// roleWords name people by the role they hold in an organisation ("The
// treasurer sets the concession prices", "The foreman sees a printable
// schedule"): what such a person does is the work the product serves, as
// what users do is (none of 87 labelled sentences opening with one is
// how). Words that also name parts of software ("driver", "client",
// "host", "worker", "tenant", "coordinator", "vendor", "guest", "parent",
// "supervisor") are not here.
var roleWords = withWords(nil, "treasurer", "treasurers", "foreman", "forewoman", "cheesemaker", "cheesemakers",
	"librarian", "librarians", "volunteer", "volunteers", "teacher", "teachers", "trainer", "trainers", "secretary",
	"receptionist", "receptionists", "cashier", "cashiers", "chef", "chefs", "instructor", "instructors", "coach",
	"coaches", "student", "students", "resident", "residents", "organiser", "organisers", "organizer", "organizers",
	"steward", "stewards", "warden", "wardens", "caretaker", "caretakers", "curator", "curators", "registrar",
	"registrars", "referee", "referees", "tutor", "tutors", "donor", "donors", "beekeeper", "beekeepers", "farmer",
	"farmers", "caseworker", "caseworkers", "physician", "physicians", "doctor", "doctors", "clerk", "clerks",
	"pharmacist", "pharmacists")

// userOrRole reports a word for users (the lexicon's) or for a person in
// a role (roleWords).
func userOrRole(t token) bool { return t.lex.bits&cUser != 0 || roleWords[t.low] }

// purposeOpenings: opening with a purpose, an activity or the proposal's benefit states a goal, whatever it names.
func purposeOpenings(s *sentenceState, ex *extraction) {
	toks, n, start, x := s.toks, len(s.toks), s.start, &ex.x
	// "To provide a way to …", "To let teams …": a purpose with no main
	// clause of its own ("To do this, we will …") is a goal or non-goal,
	// whatever it names.
	if start+1 < n && toks[start].low == "to" && toks[start+1].lex.bits&(cVerbBase|cOutcome) != 0 {
		purpose := true
		for q := start + 2; q < n && purpose; q++ {
			purpose = toks[q].lex.bits&(cWe|cModal|cI) == 0
		}
		if purpose {
			x[fToPurpose] = 1
		}
	}
	// "Supporting other execution modes …", "Providing a migration path for
	// users …": an activity named by a gerund, the way goal and non-goal
	// lists are written, rather than an order or a statement about the system.
	// Not a noun in -ing followed by its verb ("Logging is done by …"), not
	// a means ("Using a queue …", "Migrating to …") and not a design verb
	// ("Caching the page in Redis …"). Nor the first word of a noun
	// compound with its verb ("Shipping labels should be printed …").
	if start < n && !s.in.Heading {
		t := toks[start]
		if w := t.low; len(w) > 5 && strings.HasSuffix(w, "ing") && t.shape&(shCode|shCamel|shCaps) == 0 && !ingNotGerund[w] &&
			t.lex.bits&(cViaPrep|cChoose|cGerund) == 0 && (start+1 >= n || toks[start+1].lex.bits&(cModal|cBe|cVerb3|cPast) == 0) &&
			(start+2 >= n || toks[start+2].lex.bits&(cModal|cBe) == 0) && !compoundBeforePlural(s.in.Text, toks, start) {
			x[fGerundLead] = 1
		}
	}
	// "For example, …", "For instance, …", "e.g. …"
	// with its comma ("For example purposes, we store …" is no example),
	// and not before an order ("e.g. cache the page in Redis")
	if start+2 < n && toks[start].low == "for" && (toks[start+1].low == "example" || toks[start+1].low == "instance") && commaBetween(s.in.Text, toks, start+1, start+2) ||
		start+1 < n && strings.HasPrefix(toks[start].low, "e.g") && toks[start+1].lex.bits&cVerbBase == 0 {
		x[fExample] = 1
	}
	// "This will allow us to remove …", "It also lets operators dig into …",
	// "This will open up …": a pronoun standing for the proposal, then a verb
	// of enabling, states what the proposal is for.
	if start < n && (toks[start].low == "this" || toks[start].low == "it" || toks[start].low == "these" || toks[start].low == "that") {
		q := start + 1
		for q < n && toks[q].lex.bits&(cAdverb|cModal) != 0 {
			q++
		}
		if q < n && enablingVerbs[toks[q].low] {
			x[fBenefit] = 1
		}
	}
}

// compoundBeforePlural reports, after the word in "-ing" at k, two or
// three more words and a plural "are" or "were" (the caller turns away
// one right after the word or one word on): a noun compound and its verb
// ("Booking confirmation emails are sent through …", "Catering and bar
// licences are out of scope"), as a gerund with its object takes "is"
// ("Supporting multiple clusters is …"). A relative word or a comma ends
// the search ("Supporting users who are offline").
func compoundBeforePlural(text string, toks []token, k int) bool {
	for q := k + 1; q < len(toks) && q <= k+4; q++ {
		t := toks[q]
		if t.shape&shCode == 0 && (t.low == "are" || t.low == "were") {
			return true
		}
		if t.lex.bits&(cDet|cPronoun|cModal|cBe|cPast|cVerb3) != 0 || prepositionsAndConjunctions[t.low] && t.low != "and" ||
			relativeWords[t.low] || commaBetween(text, toks, q-1, q) {
			return false
		}
	}
	return false
}

// secondPersonWords address the reader.
var secondPersonWords = map[string]bool{
	"you": true, "your": true, "yours": true, "you're": true, "you'll": true, "you've": true, "yourself": true,
}

// readerFeatures detects text written for the reader rather than about the
// system (second person: UI copy, e-mail text, template instructions), UI
// flows written with arrows, and fragments that are not prose at all: values,
// paths and Title Case labels such as table cells.
func (j *Judge) readerFeatures(toks []token, start int, in Input, ex *extraction) {
	n := len(toks)
	x := &ex.x
	if (strings.IndexByte(in.Text, '>') >= 0 || strings.Contains(in.Text, "\u2192")) && uiPath(toks, in.Text) {
		x[fUIArrow] = 1
	}
	if n == 0 || in.Heading {
		return
	}
	alpha, title := 0, 0
	for q := 0; q < n; q++ {
		sh := toks[q].shape
		if sh&(shDigit|shSlash|shDot|shUnder|shCode) == 0 {
			alpha++
		}
		if sh&shUpper != 0 || toks[q].lex.bits&cDet != 0 || toks[q].low == "of" || toks[q].low == "and" || toks[q].low == "for" {
			title++
		}
	}
	if alpha*2 < n {
		x[fSymbolic] = 1
	}
	first := toks[start%n].lex.bits
	if n <= 5 && title == n && first&(cVerbBase|cOutcome|cChoose) == 0 && first&(cDet|cWe|cUser) == 0 {
		x[fTitleFragment] = 1
	}
}

// uiPath reports whether an arrow or " > " leads from one capitalised word
// to another, as a path through an interface is written ("Settings ->
// Notifications", "Home > Billing"); an arrow between code names, states
// or values ("server->client", "S1 → S2", "> 900") is not one.
func uiPath(toks []token, text string) bool {
	for q := 0; q+1 < len(toks); q++ {
		a, b := &toks[q], &toks[q+1]
		if !uiPathWord(a) || !uiPathWord(b) {
			continue
		}
		switch gap := strings.TrimSpace(text[a.e:b.s]); gap {
		case "->", "\u2192":
			return true
		case ">":
			if text[a.e] == ' ' && text[b.s-1] == ' ' {
				return true
			}
		}
	}
	return false
}

// uiPathWord: a word that can name a screen, menu or tab.
func uiPathWord(t *token) bool {
	return t.shape&shUpper != 0 && t.shape&(shCode|shDigit|shCaps|shCamel|shUnder|shDot) == 0
}

// pathCat returns the category index of the innermost heading of a
// section path that has one (-1 when none).
func (j *Judge) pathCat(path []string) int {
	for k := len(path) - 1; k >= 0; k-- {
		if c := j.sectionCat(path[k]); c >= 0 {
			return c
		}
	}
	return -1
}

// sectionCat returns the category index of a heading (-1 when none), cached.
func (j *Judge) sectionCat(h string) int {
	if c, ok := j.secCache.Load(h); ok {
		return c.(int)
	}
	c := -1
	if name := sectionCat(h); name != "" {
		c = secIndex[name]
	}
	j.secCache.Store(h, c)
	return c
}

func (j *Judge) partMatch(w string) *term {
	for _, sep := range "-/." {
		if i := strings.IndexRune(w, sep); i > 0 {
			if ts := j.voc.first[w[:i]]; len(ts) > 0 {
				for _, t := range ts {
					if len(t.toks) == 1 && t.tier != tierGeneric && !t.cased {
						return t
					}
				}
			}
			if ts := j.voc.first[w[i+1:]]; len(ts) > 0 && sep != '.' {
				for _, t := range ts {
					if len(t.toks) == 1 && t.tier != tierGeneric && !t.cased {
						return t
					}
				}
			}
		}
	}
	return nil
}

func kindIndex(k string) int {
	for i, kk := range Kinds {
		if kk == k {
			return i
		}
	}
	return 1
}

func capLog(v float64) float64 {
	switch {
	case v <= 0:
		return 0
	case v == 1:
		return 1
	case v == 2:
		return 1.5
	}
	return 2
}

func singularOr(w string) string {
	if a, _ := singular(w); a != "" && a != "statu" && a != "plugin" {
		return a
	}
	return w
}

func artifactKind(noun string) string {
	switch singularOr(noun) {
	case "field", "column", "table", "index", "indice", "model", "member", "property", "key", "struct", "schema", "record", "substate", "state", "status", "value", "format", "file", "object":
		return "data-model"
	case "flag", "option", "endpoint", "api", "parameter", "param", "header", "annotation", "subresource", "resource", "command", "label", "argument", "rpc", "verb", "operation", "sdk", "crd", "config", "configuration", "setting":
		return "api-shape"
	case "class", "method", "interface", "function", "type", "plugin", "library", "module", "package", "attribute", "enum", "hook", "variable", "serializer", "analyzer", "extension":
		return "code"
	case "binary", "launcher", "script":
		return "infra"
	}
	return "architecture"
}

func codeKind(f int) string {
	switch f {
	case fCodeFlag, fCodeKV:
		return "api-shape"
	case fCodeDotted:
		return "data-model"
	case fCodeFile, fCodeCmd:
		return "infra"
	}
	return "code"
}

// ingNotGerund are words ending in -ing that do not name an activity at the
// start of a sentence: adjectives, prepositions and nouns.
var ingNotGerund = map[string]bool{
	"existing": true, "following": true, "remaining": true, "incoming": true, "outgoing": true,
	"upcoming": true, "ongoing": true, "pending": true, "during": true, "according": true,
	"nothing": true, "something": true, "anything": true, "everything": true, "morning": true,
	"evening": true, "string": true, "ceiling": true, "underlying": true,
	"corresponding": true, "resulting": true, "matching": true, "missing": true, "leading": true,
}

// defersDecision reports a sentence that leaves a design decision to later
// or to the people who build it, which is what a PRD should do: "The exact
// format will be decided during implementation.", "The syntax is TBD.",
// "Implementation details are left to the runtime.", "an engineering design
// doc will explain how it is built". A deciding verb on its own is not enough
// ("The schema is defined in a CRD." prescribes one), so a passive deciding
// verb needs a word that names the later time or the builders.
func defersDecision(text string, toks []token) bool {
	n := len(toks)
	for q := 0; q < n; q++ {
		w := toks[q].low
		switch {
		case w == "tbd" || w == "tbc":
			return true
		case w == "to" && q+2 < n && toks[q+1].low == "be" && (toks[q+2].low == "determined" || toks[q+2].low == "decided" || toks[q+2].low == "confirmed"):
			return true
		case w == "design" && q+1 < n && (toks[q+1].low == "doc" || toks[q+1].low == "docs" || toks[q+1].low == "document"):
			return true
		case (w == "need" || w == "needs") && q+2 < n && toks[q+1].low == "to" && openDecision(toks, q+2) && peopleBefore(toks, q) && !decidedAtRunTime(text, toks, q):
			return true // "We will need to decide how this will look"
		case (w == "implementation" || w == "implementation-specific") && q+1 < n && (toks[q+1].low == "details" || toks[q+1].low == "detail"):
			for p := q + 2; p < n; p++ {
				if toks[p].in(inDeferOwners) || toks[p].low == "left" || toks[p].low == "up" || toks[p].low == "handled" || toks[p].low == "beyond" || toks[p].low == "outside" || toks[p].low == "out" {
					return true
				}
			}
		case toks[q].in(inDeferVerbs) && q > 0:
			p := q - 1
			for p > 0 && toks[p].lex.bits&cAdverb != 0 {
				p--
			}
			if toks[p].lex.bits&cBe == 0 {
				continue
			}
			for r := q + 1; r < n; r++ {
				// "discussed later in this document" points the reader on
				if toks[r].in(inDeferOwners) && !(r+2 < n && toks[r+1].low == "in" && (toks[r+2].low == "this" || toks[r+2].low == "the")) {
					return true
				}
			}
		}
	}
	return false
}

// openDecision reports a verb of deciding at q that opens a question ("decide
// how", "figure out which", "determine whether").
func openDecision(toks []token, q int) bool {
	p := q + 1
	switch toks[q].low {
	case "decide", "determine":
	case "figure", "work":
		if p >= len(toks) || toks[p].low != "out" {
			return false
		}
		p++
	default:
		return false
	}
	return p < len(toks) && questionWords[toks[p].low]
}

// peopleBefore reports "we", "I" or people right before token q, past
// modals and adverbs ("we will still need to …"): a question left to people,
// not a step a component takes.
func peopleBefore(toks []token, q int) bool {
	p := skipBack(toks, q, cModal|cAdverb)
	return p >= 0 && (toks[p].lex.bits&(cWe|cI) != 0 || peopleWord(toks[p]) || deciders[toks[p].low])
}

// deciders are the functions of a company that take decisions ("Legal will
// need to determine whether …").
var deciders = map[string]bool{
	"engineering": true, "legal": true, "security": true, "product": true, "design": true,
	"compliance": true, "finance": true, "ops": true, "operations": true,
}

// decidedAtRunTime reports a decision the system takes as it runs: after an
// opening condition ("When a node fails, we need to work out which shards
// it owned") or before a result clause that designs (", so the gateway
// caches …"; "so that" states a purpose instead).
func decidedAtRunTime(text string, toks []token, q int) bool {
	if toks[0].lex.bits&cCond != 0 || toks[0].low == "on" || toks[0].low == "during" {
		return true
	}
	for k := q + 1; k+1 < len(toks); k++ {
		if toks[k+1].low != "that" && designingResult(text, toks, k) {
			return true
		}
	}
	return false
}

// questionWords open an indirect question.
var questionWords = map[string]bool{"how": true, "whether": true, "if": true, "which": true, "what": true, "when": true, "where": true, "who": true}

// dataVerbs store, copy or transform data: an imperative with one of them is
// an order to the system even when its object is a page, a form or a message.
var dataVerbs = map[string]bool{
	"cache": true, "store": true, "persist": true, "index": true, "replicate": true, "shard": true, "partition": true,
	"queue": true, "enqueue": true, "encrypt": true, "compress": true, "serialize": true, "prefetch": true,
	"precompute": true, "memoize": true, "denormalize": true, "normalize": true, "backfill": true, "buffer": true,
	"flush": true, "batch": true, "hash": true, "migrate": true, "ingest": true, "etl": true, "offload": true,
}

// uiModifier reports a screen word that names which part of the system
// the next word is ("the notification controller", "the email service",
// "dashboard API"), not something users see. After a comma the screen is
// one of a list ("The UI, CLI should show …"), unless the list ends in a
// head noun they share ("the dashboard, API and worker services").
func uiModifier(text string, toks []token, q int) bool {
	if q+1 >= len(toks) {
		return false
	}
	if commaBetween(text, toks, q, q+1) {
		// walk the one-word items of the list
		r := q + 1
		for r+1 < len(toks) && (commaBetween(text, toks, r, r+1) || toks[r+1].low == "and" || toks[r+1].low == "or") {
			r++
			if toks[r].low == "and" || toks[r].low == "or" {
				r++
			}
		}
		return r+1 < len(toks) && toks[r+1].lex.bits&(cArtifact|cSystem) != 0 && toks[r+1].lex.bits&(cModal|cBe|cVerb3) == 0
	}
	next := toks[q+1]
	return next.lex.bits&(cArtifact|cSystem) != 0 && next.lex.bits&cUI == 0 && !userFacingParts[next.low]
}

// userFacingParts are artifact words users meet as such: "notification
// settings", "email options", "report format".
var userFacingParts = map[string]bool{
	"setting": true, "settings": true, "option": true, "options": true, "status": true, "type": true, "types": true,
	"format": true, "formats": true, "value": true, "values": true, "message": true, "messages": true, "record": true, "records": true,
	"field": true, "fields": true, "column": true, "columns": true, "component": true, "components": true, "header": true, "headers": true,
}

// dataObject reports a UI word that is the object of a data verb ("caching
// the rendered page", "stores each message"): there it names data, not
// something on screen.
func dataObject(toks []token, q int) bool {
	for p := q - 1; p >= 0 && p >= q-3; p-- {
		// a bare verb form right before the noun is a modifier ("index page")
		if dataVerbs[toks[p].lex.verb] && !(p == q-1 && toks[p].low == toks[p].lex.verb) {
			return true
		}
	}
	return false
}

// deferVerbs are the participles of deciding ("will be decided", "is still
// being worked out"); "worked" and "figured" stand for "worked out" and
// "figured out".
var deferVerbs = map[string]bool{
	"determined": true, "decided": true, "defined": true, "finalised": true, "finalized": true, "designed": true,
	"discussed": true, "settled": true, "worked": true, "figured": true, "clarified": true, "specified": true,
	"chosen": true, "agreed": true, "explored": true, "investigated": true, "revisited": true, "refined": true,
}

// docsWords name documentation written for readers.
var docsWords = map[string]bool{
	"documentation": true, "docs": true, "guide": true, "guides": true, "tutorial": true, "tutorials": true,
	"documented": true, "handbook": true, "faq": true, "walkthrough": true,
	"guideline": true, "guidelines": true,
}

// deferOwners name the later time or the people a decision is left to.
var deferOwners = map[string]bool{
	"later": true, "future": true, "follow-up": true, "followup": true, "subsequent": true, "separate": true,
	"implementation": true, "implementing": true, "implementers": true, "implementors": true, "engineering": true,
	"engineers": true, "phase": true, "milestone": true, "iteration": true, "time": true, "once": true, "separately": true,
}

// enablingVerbs say what something makes possible for someone.
var enablingVerbs = map[string]bool{
	"allow": true, "allows": true, "enable": true, "enables": true, "let": true, "lets": true,
	"give": true, "gives": true, "help": true, "helps": true, "open": true, "opens": true,
	"empower": true, "empowers": true, "unblock": true, "unblocks": true, "unlock": true, "unlocks": true,
}

// quotedProse reports whether the whole sentence sits inside inline code
// and reads as prose: at least four words, three in four of them plain
// words, one of them a function word. Commands, values and identifiers in
// backticks ("`kubectl get pods -n kube-system`", "`v1.4.2`") do not.
func quotedProse(in Input) bool {
	if len(in.Code) == 0 {
		return false
	}
	// The code ranges are in order: no letter or digit may stand between
	// them, before the first or after the last.
	from := 0
	for k := 0; k <= len(in.Code); k++ {
		to, next := len(in.Text), len(in.Text)
		if k < len(in.Code) {
			to, next = in.Code[k][0], in.Code[k][1]
		}
		for i := from; i < to; i++ {
			if isAlnum(in.Text[i]) {
				return false
			}
		}
		from = max(from, next)
	}
	words, plain, function := 0, 0, false
	for _, w := range strings.Fields(in.Text) {
		w = trimWord(w)
		if w == "" {
			continue
		}
		words++
		if isPlainWord(w) {
			plain++
		}
		if proseFunctionWords[strings.ToLower(w)] {
			function = true
		}
	}
	return words >= 4 && plain*4 >= words*3 && function
}

// insideParens reports whether a parenthesis is still open at the end of s:
// a colon there introduces an example ("records (ie: `a.b`)"), not a label.
func insideParens(s string) bool {
	return strings.LastIndexByte(s, '(') > strings.LastIndexByte(s, ')')
}

// interfaceText returns the token positions (the first 64) that lie inside
// interface text: one of the code spans uiSpans, which read as a label or
// message on screen ("`Source file`"), or a quotation in double quotes that
// reads so ("Search in Machinery", "Select a file..."). A term there names
// what the user sees.
func interfaceText(text string, uiSpans [][2]int, toks []token) uint64 {
	var mask uint64
	mark := func(s, e int) {
		for q := range toks {
			if q >= 64 || toks[q].s >= e {
				break
			}
			if toks[q].s >= s && toks[q].e <= e {
				mask |= 1 << uint(q)
			}
		}
	}
	for _, c := range uiSpans {
		mark(c[0], c[1])
	}
	curly := -1 // the next “ at or after i, once looked for; len(text) when none
	for i := 0; i < len(text); {
		open, close := "\"", "\""
		k := strings.IndexByte(text[i:], '"')
		if curly < i {
			// Looked for again only once passed: a text of many straight
			// quotes must not be scanned to its end for each one.
			curly = len(text)
			if c := strings.Index(text[i:], "\u201c"); c >= 0 {
				curly = i + c
			}
		}
		if curly < len(text) && (k < 0 || curly-i < k) {
			k, open, close = curly-i, "\u201c", "\u201d"
		}
		if k < 0 {
			break
		}
		s := i + k + len(open)
		e := strings.Index(text[s:], close)
		if e < 0 {
			break
		}
		if uiCopy(text[s : s+e]) {
			mark(s, s+e)
		}
		i = s + e + len(close)
	}
	return mask
}

// uiCopy reports whether inline code reads as interface text: two or more
// words, the first capitalised, every one a plain or upper-case word once
// punctuation is trimmed ("`Contact email address (optional)`"), or a
// capitalised piece of prose of four or more words, most of them plain, with
// a function word ("`Receive the latest updates about localization, …`").
// Commands ("`npm install`") start lower-case; identifiers, paths, flags and
// values are not plain words. Quotes around the whole text are the
// message's own ("`"AI is writing"`").
func uiCopy(c string) bool {
	c = unquote(c)
	c = strings.TrimRight(c, ".:!?…")
	if c == "" || c[0] < 'A' || c[0] > 'Z' || strings.IndexByte(c, ' ') < 0 {
		return false // one word: an identifier or titleWord's case
	}
	words := strings.Fields(c)
	if len(words) < 2 || sqlKeywords[words[0]] {
		return false
	}
	plain, function := 0, false
	for _, w := range words {
		w = trimWord(w)
		if w != "" && (isPlainWord(w) || isCapsWord(w) || placeholder(w)) {
			plain++
		}
		if proseFunctionWords[strings.ToLower(w)] {
			function = true
		}
	}
	return plain == len(words) || len(words) >= 4 && plain*4 >= len(words)*3 && function
}

// unquote removes one pair of quotation marks around the whole of c when
// none is left inside ("\"Saving…\"" but not "\"scope\": \"tab\"").
func unquote(c string) string {
	for _, q := range [][2]string{{`"`, `"`}, {"'", "'"}, {"“", "”"}, {"‘", "’"}} {
		if len(c) > len(q[0])+len(q[1]) && strings.HasPrefix(c, q[0]) && strings.HasSuffix(c, q[1]) {
			in := c[len(q[0]) : len(c)-len(q[1])]
			if !strings.ContainsAny(in, `"'“”‘’`) {
				return in
			}
		}
	}
	return c
}

// irregularPast are simple past forms that do not end in -ed.
var irregularPast = map[string]bool{
	"lost": true, "broke": true, "took": true, "went": true, "found": true, "saw": true, "made": true,
	"ran": true, "chose": true, "built": true, "wrote": true, "began": true, "led": true, "fell": true,
	"grew": true, "left": true, "kept": true, "sent": true, "spent": true, "told": true, "brought": true,
	"caught": true, "came": true, "became": true, "gave": true, "knew": true, "thought": true, "hit": true,
}

// pastVerbAt finds a simple past main verb right after the subject ("The
// outage lost carts", "Users reported slow pages"), before any other finite
// verb v, and not a participle: not after an auxiliary, not followed by
// "by" ("pods created by the controller") and not followed by a finite verb
// of its own ("data stored in Redis is replicated"). It returns 0 if none.
func pastVerbAt(text string, toks []token, start, v int) int {
	n := len(toks)
	for q := start + 1; q < n && q <= start+6; q++ {
		if v >= 0 && q >= v {
			return 0
		}
		t := toks[q]
		if t.shape&(shCode|shUpper|shCamel|shCaps) != 0 {
			continue
		}
		w := t.low
		if !(t.in(inIrregularPast) || edShape(w)) {
			continue
		}
		p := toks[q-1]
		if p.lex.bits&(cBe|cModal|cPast|cDet|cCond|cViaPrep) != 0 && p.lex.bits&(cWe|cI) == 0 {
			return 0
		}
		// "… in a Redis sorted set", "… into a ClickHouse materialized
		// view": a participle inside a noun phrase after a preposition
		if q >= start+3 && toks[q-2].lex.bits&cDet != 0 && prepositionsAndConjunctions[toks[q-3].low] {
			return 0
		}
		switch p.low {
		case "has", "have", "had", "to", "of", "in", "on", "for", "with", "as", "and", "or", "by", "from":
			return 0
		case "them", "us", "him", "me":
			// the object-only pronouns (objectPronouns less "it", "her"
			// and "you", which can be subjects or determiners): "We
			// propose having them posted to L1" is an object's
			// participle; "Batching them reduced write load" has a
			// gerund subject and a past main verb
			if !(q-2 == start && strings.HasSuffix(toks[start].low, "ing")) {
				return 0
			}
		}
		if strings.ContainsAny(text[p.e:t.s], ",;:(") {
			return 0 // "…`Config`, introduced in v1beta2, …"
		}
		if q-1 == start && p.lex.bits&cWe != 0 && designDecided(toks, q) && !storyTime(toks, start) {
			// "We decided to use string interning for all labels", "We
			// chose Storybook as the tool": the document's decision, as
			// "we propose" is; after a time or a comma ("During that
			// release we decided …", "In retrospect, we picked …") it
			// is a story, and so is a decision on scope or priority
			// ("We decided to limit the pilot to Ontario")
			return 0
		}
		if q+1 < n {
			switch toks[q+1].low {
			case "by", "in", "for", "with", "as", "at", "from", "on", "into", "under", "via", "using", "within":
				// a participle: "pods created by …", "a cluster configured for …"
				return 0
			}
		}
		// "We found that the algorithm we use … works well …": a finding
		// reported, whatever its clause says
		if q+1 < n && toks[q+1].low == "that" && findingVerbs[w] {
			return q
		}
		for r := q + 1; r < n; r++ {
			if toks[r].shape&shCode == 0 && toks[r].lex.bits&(cBe|cModal|cVerb3) != 0 {
				return 0
			}
		}
		return q
	}
	return 0
}

// designDecided reports a decision verb at q whose object is a design:
// "decided (or opted) to" and a design verb ("use", "adopt", "build" …)
// or "choose"; "chose" (or "picked", "selected", "settled on", "opted
// for") and a name or code.
func designDecided(toks []token, q int) bool {
	n, w := len(toks), toks[q].low
	if !decisionParticiples[w] && w != "chose" {
		return false
	}
	k := q + 1
	if k < n && toks[k].low == "to" && (w == "decided" || w == "opted") {
		return k+1 < n && (toks[k+1].lex.bits&cVerbBase != 0 && toks[k+1].lex.bits&cOutcome == 0 || decidedMeans[toks[k+1].low])
	}
	if k < n && (toks[k].low == "on" || toks[k].low == "for") {
		k++
	}
	for k < n && toks[k].lex.bits&cDet != 0 {
		k++
	}
	return k < n && (toks[k].raw != toks[k].low || toks[k].shape&shCode != 0)
}

// decidedMeans follow "decided to" as a design verb would: "choose" is
// none, and "use" loses its verb bits before "case" or "cases"
// (otherSense). "adopt", "build" and "implement" need no entry: they are
// design verbs.
var decidedMeans = withWords(nil, "use", "choose")

// storyTime reports a decision told as a story: "Initially we chose …",
// "Then we decided …" (adverbs of a sequence, which sentenceStart skips
// before "we"; "Instead, we chose …" is still the decision), "We chose
// Kafka in 2019", "We decided last year …", "… three years ago".
func storyTime(toks []token, start int) bool {
	for k := 0; k < start; k++ {
		if sequenceAdverbs[toks[k].low] {
			return true
		}
	}
	for k, t := range toks {
		if t.lex.bits&cPastMarker != 0 || t.low == "last" && k+1 < len(toks) && (toks[k+1].lex.bits&cUnit != 0 || lastTimes[toks[k+1].low]) {
			return true
		}
		if len(t.low) == 4 && t.shape&shNum != 0 && (strings.HasPrefix(t.low, "19") || strings.HasPrefix(t.low, "20")) {
			return true // a year
		}
	}
	return false
}

// sequenceAdverbs place a decision in a story.
var sequenceAdverbs = withWords(nil, "then", "eventually", "initially", "first")

// lastTimes after "last" say when, as "last year" does.
var lastTimes = withWords(nil, "quarter", "quarters", "release", "time", "summer", "winter", "spring", "fall", "autumn")

// findingVerbs report what someone found out, in the past tense.
var findingVerbs = map[string]bool{
	"found": true, "noticed": true, "observed": true, "saw": true, "learned": true, "learnt": true,
	"discovered": true, "realized": true, "realised": true, "measured": true, "heard": true, "identified": true,
}

// placeholder reports whether a word is a slot in a message template
// ("$LOCALE_NAME", "{count}", "%s"): the text around it is still copy.
func placeholder(w string) bool {
	switch {
	case len(w) > 1 && w[0] == '$':
		w = w[1:]
	case len(w) > 2 && w[0] == '{' && w[len(w)-1] == '}':
		w = w[1 : len(w)-1]
	case w == "%s" || w == "%d":
		return true
	default:
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i] | 0x20; (c < 'a' || c > 'z') && w[i] != '_' {
			return false
		}
	}
	return true
}

// emailAddress reports whether inline code is an e-mail address
// ("`team@example.org`"): a contact, not a part of the system.
func emailAddress(c string) bool {
	at := strings.IndexByte(c, '@')
	return at > 0 && strings.Count(c, "@") == 1 && strings.IndexByte(c[at:], '.') > 1 && !strings.ContainsAny(c, " /:()")
}

// trimWord strips the punctuation and quotes around a word of prose.
func trimWord(w string) string {
	return strings.TrimLeft(strings.TrimRight(w, ".,:;!?)\"'"), "(\"'")
}

// titleWord reports whether inline code is one capitalised plain word.
func titleWord(c string) bool {
	c = strings.TrimRight(c, ":")
	if len(c) < 2 || c[0] < 'A' || c[0] > 'Z' {
		return false
	}
	for i := 1; i < len(c); i++ {
		if c[i] < 'a' || c[i] > 'z' {
			return false
		}
	}
	return true
}

// sqlKeywords open a query, which is code even when it reads like words.
var sqlKeywords = map[string]bool{"SELECT": true, "INSERT": true, "UPDATE": true, "DELETE": true, "CREATE": true, "ALTER": true, "DROP": true, "WITH": true}

// isCapsWord: upper-case letters only ("SURE"), an apostrophe allowed.
func isCapsWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; (c < 'A' || c > 'Z') && c != '\'' {
			return false
		}
	}
	return w != ""
}

// isPlainWord: letters only, at most the first one upper-case, an
// apostrophe allowed ("doesn't").
func isPlainWord(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'a' && c <= 'z', c == '\'':
		case c >= 'A' && c <= 'Z' && i == 0:
		default:
			return false
		}
	}
	return true
}

var proseFunctionWords = map[string]bool{
	"the": true, "a": true, "an": true, "to": true, "is": true, "are": true, "you": true, "your": true,
	"of": true, "in": true, "with": true, "for": true, "be": true, "will": true, "must": true, "not": true,
	"this": true, "that": true, "it": true, "we": true, "our": true, "can": true, "has": true, "have": true,
	"was": true, "were": true, "please": true, "when": true, "if": true,
}

// presentStatives are present-tense verbs of having, supporting and
// behaving that the word classes do not list: the main verb of a
// description ("Envoy has a …", "Contour supports …").
var presentStatives = map[string]bool{
	"has": true, "have": true, "does": true, "do": true, "supports": true, "support": true, "follows": true,
	"follow": true, "includes": true, "include": true, "relies": true, "rely": true, "depends": true,
	"depend": true, "works": true, "work": true, "behaves": true, "behave": true, "tries": true, "lacks": true,
	"lack": true, "owns": true, "overlaps": true, "overlap": true, "provides": true, "provide": true,
	"offers": true, "offer": true, "requires": true, "require": true, "allows": true, "allow": true,
	"lets": true, "enables": true, "enable": true, "handles": true, "handle": true, "applies": true,
	"treats": true, "treat": true, "comes": true, "come": true, "ships": true, "keeps": true, "keep": true,
	"remains": true, "remain": true, "stays": true, "stay": true, "knows": true, "exists": true, "exist": true,
	"manages": true, "manage": true, "makes": true, "takes": true, "gives": true, "performs": true,
	"expects": true, "produces": true, "means": true, "decides": true, "controls": true, "describes": true,
	"ensures": true, "prevents": true, "operates": true, "acts": true, "matches": true, "determines": true,
}

// presentForms holds the words inPresentForms marks: presentStatives and
// the third-person present forms of the outcome verbs ("reduces",
// "improves", "focuses").
var presentForms = func() map[string]bool {
	m := maps.Clone(presentStatives)
	for _, v := range strings.Fields(outcomeVerbs) {
		m[v+"s"], m[v+"es"] = true, true
	}
	return m
}()

// describesSystem reports a sentence that describes a product as it is:
// its main-clause subject is a named product or project ("Envoy", "Apache
// Kafka") or "the" and a system component ("the kubelet", "the scheduler"),
// its main verb is in the simple present and is not a design verb or a
// passive ("has", "supports", "relies on", "is designed for"; not
// "stores", "is stored", "are produced with"),
// and nothing in it proposes anything: no modal, no "we", nothing
// new, no change, no order, no condition. The only how evidence left in such
// a sentence is the product it names and the parts of it the product has.
func describesSystem(s *sentenceState) bool {
	toks, n, start := s.toks, len(s.toks), s.start
	if start >= n || toks[start].lex.bits&cCond != 0 {
		return false
	}
	// nothing proposed, possible or personal ("I")
	for q := range toks {
		if t := &toks[q]; t.shape&shCode == 0 && (t.in(inProposalWords) || t.low == "can" || t.low == "may" || t.lex.bits&cI != 0) {
			return false
		}
	}
	// the main verb: the first finite verb after the subject
	v := -1
	for q := start + 1; q < n && q <= start+8; q++ {
		t := toks[q]
		if t.shape&shCode != 0 {
			continue
		}
		b := t.lex.bits
		if b&(cModal|cPast) != 0 || toks[q-1].low == "who" || toks[q-1].low == "which" || toks[q-1].low == "that" {
			return false
		}
		if b&cBe != 0 && b&cPast == 0 || b&cVerb3 != 0 && b&cArtifact == 0 ||
			t.in(inPresentForms) && toks[q-1].lex.bits&cDet == 0 && !prepositionsAndConjunctions[toks[q-1].low] {
			v = q
			break
		}
	}
	if v < 0 || toks[v].lex.bits&cVerb3 != 0 {
		return false // a design verb is evidence of its own ("the SDK flushes …")
	}
	switch toks[v].low {
	case "be", "been", "being", "get", "become":
		return false
	}
	if toks[v].lex.bits&cBe != 0 {
		p := v + 1
		for p < n && toks[p].lex.bits&(cAdverb|cNeg) != 0 {
			p++
		}
		if p < n && (toks[p].lex.bits&cPart != 0 || participleShape(&toks[p]) && !purposeAfter(toks, p+1)) {
			return false // a passive ("is stored in …", "are produced with a Jinja template")
		}
	}
	// the subject: a product or project name, or "the" and a system
	// component; a code name, an artifact ("the field") or a data store
	// ("the table") makes it a data model instead
	named := toks[start].shape&shUpper != 0 && toks[start].shape&(shCaps|shCamel) == 0 && toks[start].lex.bits == 0 && !pluralNoun(toks[start].low)
	for q := start; q < v; q++ {
		t := toks[q]
		b := t.lex.bits
		switch {
		case b&(cWe|cUser|cI) != 0 || b&cPronoun != 0 && q == start:
			return false
		case t.shape&(shCode|shCamel|shUnder|shDot) != 0 || b&cArtifact != 0 && b&cSystem == 0 || dataStores[t.low]:
			return false
		case q > start && quantifiers[toks[q-1].low]:
			// "Each Widget has …", "every Kafka topic": a kind of thing,
			// not a product; a name takes no quantifier
		case s.termAt(q), t.shape&shUpper != 0 && t.shape&shCaps == 0 && q > start:
			named = true
		case b&cSystem != 0 && toks[start].low == "the":
			named = true
		}
	}
	return named
}

// purposeAfter reports, at q past adverbs, what follows a participle that
// states what a product is for or how it is measured rather than how
// something is done ("Kafka is designed for …", "… is licensed per branch",
// "… is single-threaded and keeps …", "… are structured as key value
// stores"), or nothing at all.
func purposeAfter(toks []token, q int) bool {
	for q < len(toks) && toks[q].lex.bits&cAdverb != 0 {
		q++
	}
	if q >= len(toks) {
		return true
	}
	switch toks[q].low {
	case "for", "per", "and", "or", "as", "at", "under":
		return true
	}
	return false
}

// todayInMainClause reports a statement whose main clause holds a word of
// today ("already", "currently", "today", "usually") and that proposes
// nothing: no modal but "can", no word of a plan or a change. A word of
// today after a relative or subordinate word belongs to that clause ("the
// `yaml` package the CLI already depends on", "just as they are mounted
// today") and says nothing of the sentence; so does one in an opening
// clause ("Because billing already owns the data, the service reads …"),
// after which the main clause starts.
func todayInMainClause(s *sentenceState) bool {
	toks, n, start := s.toks, len(s.toks), s.start
	q := firstContextWord(s, n)
	if q == n {
		return false
	}
	// "the fines endpoint we already call": a word of today in a relative
	// clause with no relative word
	if q > 0 && toks[q-1].lex.bits&(cWe|cI|cPronoun) != 0 && reducedRelative(s, q-1) {
		return false
	}
	main := start
	// "As of v0.23.0, Flux does not …": "as of" opens no clause (the
	// token pass marks such an "as" a word of today)
	if subordinate(&toks[start]) && toks[start].lex.bits&cContext == 0 {
		main = -1
		for k := start; k+1 < n && main < 0; k++ {
			if commaBetween(s.in.Text, toks, k, k+1) {
				main = k + 1
			}
		}
		if main < 0 || q < main {
			return false
		}
	}
	hasCode := false
	for k := start; k < n; k++ {
		t := &toks[k]
		if t.shape&shCode != 0 {
			hasCode = true
			continue
		}
		if t.lex.bits&cModal != 0 && !todayModals[t.low] || planWords[t.low] {
			return false
		}
		if k > main && k < q && (relativeWords[t.low] || subordinate(t)) {
			return false
		}
		// "Deduplication already happens upstream, so the writer does a
		// plain INSERT …": a result clause that designs
		if k > q && designingResult(s.in.Text, toks, k) {
			return false
		}
	}
	// "The `/v2/export` endpoint typically responds within 200 ms by …":
	// how code usually behaves is its specification
	w := toks[q].low
	return !(hasCode && (w == "typically" || w == "usually"))
}

// designingResult reports ", so" at k opening a result clause that holds a
// design verb or code.
func designingResult(text string, toks []token, k int) bool {
	return toks[k].low == "so" && commaBetween(text, toks, k-1, k) && designAfter(toks, k)
}

// designAfter reports a design verb or code after token k.
func designAfter(toks []token, k int) bool {
	for r := k + 1; r < len(toks); r++ {
		if toks[r].lex.designVerb() || toks[r].shape&shCode != 0 {
			return true
		}
	}
	return false
}

// todayModals say what is possible today ("Today users can only export
// CSV"); every other modal looks ahead.
var todayModals = map[string]bool{"can": true, "cannot": true, "can't": true}

// planWords make a sentence about a plan or a change. They are the
// proposal words of frames.go less the modals, which todayInMainClause
// weighs itself, "we" and "our" ("Our data already lives in Snowflake"
// proposes nothing), and the participles of a change done, which describe
// today as often as a plan ("Traffic is currently split across two
// clusters").
var planWords = map[string]bool{
	"propose": true, "proposes": true, "proposed": true, "proposal": true, "plan": true, "plans": true, "instead": true, "going": true, "let's": true,
	"new": true, "add": true, "adds": true, "adding": true, "introduce": true, "introduces": true, "introducing": true, "change": true, "changes": true, "replace": true, "replaces": true,
}

// subordinate reports a word that opens a clause other than the main one:
// a condition word or one of subordinators.
func subordinate(t *token) bool { return t.lex.bits&cCond != 0 || subordinators[t.low] }

// subordinators open a subordinate clause; the condition words (cCond)
// do too.
var subordinators = map[string]bool{
	"where": true, "as": true, "because": true, "since": true, "than": true, "like": true, "so": true, "until": true, "whether": true,
}

// quantifiers introduce a kind of thing rather than a named one.
var quantifiers = map[string]bool{"a": true, "an": true, "each": true, "every": true, "any": true, "all": true, "no": true, "some": true, "one": true}

// dataStores hold data: a sentence about one describes a data model.
var dataStores = map[string]bool{"table": true, "tables": true, "database": true, "db": true, "cache": true, "queue": true, "store": true}
