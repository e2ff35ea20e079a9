package judge

import "strings"

// A mention frame is wording that makes a sentence about a system a mention
// of it, whatever names and code spans follow: a description of today's
// system ("Currently, the kubelet …", "The current implementation … uses the
// `.spec.suspend` field."), a scope statement ("… is out of scope for this
// RFC.") or a pointer into the document ("This table shows …").
//
// The frames are rare, a few dozen of the labelled sentences, and nearly all
// of those are what; as learned cues they were outweighed by the code spans
// after them, so a frame instead moves the score by a fixed amount
// (frameWeight) after the model has weighed everything else.
type frame uint8

const (
	noFrame          frame = iota
	frameToday             // "Currently, …", "At present, …", "The existing …" with nothing proposed
	frameScope             // "… is out of scope", "… are beyond the scope of this KEP"
	frameDocument          // "This table shows …", "From the YAML above …", "This RFC represents …"
	frameShortcoming       // "A drawback of this approach is that …", "There is no support for …"
	frameRisk              // "This will likely cause …", "That could lead to …"
)

var frameNames = [...]string{"", "describes-today", "scope-statement", "points-into-document", "states-shortcoming", "states-risk"}

// frameWeight is the log-odds a frame takes off: a sentence the model is
// 0.96 sure of falls to 0.3, below the threshold.
const frameWeight = -4.0

// frameOf returns the mention frame of a sentence's tokens (of text) and
// the token range that shows it.
func frameOf(text string, toks []token) (frame, int, int) {
	if s, e := todayOpener(toks); e > 0 && !proposesAfterOpener(text, toks, e) {
		return frameToday, s, e
	}
	if s, e := scopeStatement(toks); e > 0 {
		return frameScope, s, e
	}
	if s, e := documentPointer(toks); e > 0 {
		return frameDocument, s, e
	}
	if s, e := shortcomingStatement(text, toks); e > 0 {
		return frameShortcoming, s, e
	}
	if s, e := hedgedConsequence(text, toks); e > 0 {
		return frameRisk, s, e
	}
	return noFrame, 0, 0
}

// lows is true when the tokens from i on read words, in order.
func lows(toks []token, i int, words ...string) bool {
	if i+len(words) > len(toks) {
		return false
	}
	for k, w := range words {
		if toks[i+k].shape&shCode != 0 || toks[i+k].low != w {
			return false
		}
	}
	return true
}

// todayAdverbs open a sentence about how things are now or were before.
var todayAdverbs = map[string]bool{
	"currently": true, "today": true, "presently": true, "historically": true,
	"nowadays": true, "previously": true, "traditionally": true,
}

// todayPhrases open one too ("According to the code, …" reports what a
// source says is so); "the current", "the existing" and "the legacy" only as the
// sentence's opening noun phrase ("The current implementation … uses …"),
// not after a verb ("Reuse the existing connection").
var todayPhrases = [][]string{
	{"at", "present"}, {"at", "the", "moment"}, {"right", "now"}, {"as", "of", "today"},
	{"as", "it", "stands"}, {"at", "this", "time"}, {"in", "today's"},
	{"the", "current"}, {"the", "existing"}, {"our", "current"}, {"our", "existing"}, {"the", "legacy"}, {"our", "legacy"},
	{"in", "the", "current"}, {"in", "the", "existing"}, {"under", "the", "current"},
	{"with", "the", "current"}, {"according", "to"}, {"at", "the", "time", "of", "writing"},
	{"at", "the", "time", "of", "this", "writing"}, {"as", "of", "this", "writing"}, {"at", "time", "of", "writing"},
}

func todayOpener(toks []token) (int, int) {
	if len(toks) == 0 {
		return 0, 0
	}
	if todayAdverbs[toks[0].low] && toks[0].shape&shCode == 0 {
		return 0, 1
	}
	for _, p := range todayPhrases {
		if lows(toks, 0, p...) {
			// "According to the design / this KEP, …" restates the proposal
			if p[0] == "according" && ownDocument(toks, len(p)) {
				return 0, 0
			}
			return 0, len(p)
		}
	}
	return 0, 0
}

// ownDocument reports the document itself or its design at toks[i:]:
// "this", "the design", "the KEP" (documentItself; not "the spec", which
// is as often another project's).
func ownDocument(toks []token, i int) bool {
	if i >= len(toks) {
		return false
	}
	if toks[i].low == "this" {
		return true // "our" proposes on its own
	}
	if toks[i].low != "the" || i+1 >= len(toks) {
		return false
	}
	w := toks[i+1].low
	return ownDesign[w] || documentItself[w] && w != "spec" && w != "specification"
}

// ownDesign name the design a document proposes.
var ownDesign = map[string]bool{"design": true, "proposed": true, "plan": true, "solution": true}

// proposalWords say that something is being proposed, planned or required;
// with any of them after the opener, "Currently" sets up a change ("Currently
// X; we will add Y") rather than describing what is.
var proposalWords = map[string]bool{
	"will": true, "would": true, "should": true, "must": true, "shall": true, "could": true, "might": true,
	"propose": true, "proposes": true, "proposed": true, "proposal": true, "plan": true, "need": true, "needs": true,
	"new": true, "add": true, "adds": true, "adding": true, "introduce": true, "introduces": true, "introduced": true,
	"we": true, "we'll": true, "we're": true, "our": true, "instead": true, "going": true, "let's": true,
	"it'll": true, "they'll": true,
	// a change done to what exists: "The existing field is made mutable."
	"made": true, "changed": true, "extended": true, "modified": true, "replaced": true, "removed": true,
	"deprecated": true, "renamed": true, "updated": true, "change": true, "changes": true,
	"migrated": true, "moved": true, "split": true, "merged": true, "converted": true, "dropped": true,
	"deleted": true, "rewritten": true, "refactored": true, "reworked": true, "redesigned": true,
	"retired": true, "altered": true, "adjusted": true, "adapted": true, "reused": true, "repurposed": true,
	"switched": true, "upgraded": true, "sharded": true, "partitioned": true, "restructured": true,
	"reorganized": true, "reorganised": true, "backfilled": true, "extracted": true,
}

func proposes(toks []token) bool { return proposesBut(toks, "") }

// proposesBut is proposes with one word not counted.
func proposesBut(toks []token, skip string) bool {
	for i := range toks {
		if toks[i].shape&shCode == 0 && toks[i].in(inProposalWords) && toks[i].low != skip && !changesNoun(toks, i) {
			return true
		}
	}
	return false
}

// pastAdverbs open a sentence about how things were done before: in the
// opener's clause "would" tells what used to happen ("Previously, the
// base rollup would hash all the effects to one value"), and proposes
// nothing; after that clause it proposes as anywhere ("Historically,
// reports were built by hand; a nightly job would render them …").
var pastAdverbs = map[string]bool{"previously": true, "historically": true, "traditionally": true}

// proposesAfterOpener reports a proposal after the today opener that ends
// at e.
func proposesAfterOpener(text string, toks []token, e int) bool {
	if !pastAdverbs[toks[0].low] {
		return proposes(toks[e:])
	}
	b := e + 1
	for b < len(toks) && !newClause(text, toks, b) {
		b++
	}
	return proposesBut(toks[e:min(b, len(toks))], "would") || b < len(toks) && proposes(toks[b:])
}

// changesNoun reports "change" or "changes" as the object of a verb
// ("The current deployment model is to merge changes into the `master`
// branch to get changes deployed …"): a thing done today, not a change
// proposed to it. "This change", "with this change" and "the change" name
// the proposal.
func changesNoun(toks []token, i int) bool {
	if i == 0 || toks[i].low != "change" && toks[i].low != "changes" {
		return false
	}
	w := toks[i-1].low
	return toks[i-1].lex.bits&cVerbBase != 0 || everydayVerbs[w] || w == "get"
}

// scopeStatement finds "is/are [adverb] out of scope", "… outside (of) the
// scope", "… beyond the scope", "… not in scope", "… a non-goal".
func scopeStatement(toks []token) (int, int) {
	for i := 0; i < len(toks); i++ {
		if !toks[i].in(inScopeVerbs) {
			continue
		}
		j := i + 1
		for j < len(toks) && (toks[j].low == "currently" || toks[j].low == "explicitly" || toks[j].low == "intentionally" ||
			toks[j].low == "deliberately" || toks[j].low == "also" || toks[j].low == "considered" || toks[j].low == "therefore") {
			j++
		}
		for _, p := range scopePhrases {
			if lows(toks, j, p...) && (p[0] != "outside" && p[0] != "beyond" || ofTheWork(toks, j+len(p))) {
				return i, j + len(p)
			}
		}
	}
	return 0, 0
}

// scopeVerbs open a scope statement.
var scopeVerbs = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "remain": true, "remains": true, "seems": true, "seem": true,
}

// scopePhrases follow the verb of a scope statement.
var scopePhrases = [][]string{
	{"out", "of", "scope"}, {"out-of-scope"}, {"outside", "the", "scope"}, {"outside", "of", "the", "scope"},
	{"beyond", "the", "scope"}, {"not", "in", "scope"}, {"a", "non-goal"}, {"not", "a", "goal"},
}

// ofTheWork is true when the scope at toks[i:] is the document's or the
// work's ("outside the scope of this KEP", "… beyond the scope." at the end)
// and not a system's ("outside the scope of the Summary API").
func ofTheWork(toks []token, i int) bool {
	if i >= len(toks) || lows(toks, i, "of", "this") || lows(toks, i, "for", "this") || lows(toks, i, "here") {
		return true
	}
	if lows(toks, i, "of", "the") && i+2 < len(toks) {
		switch toks[i+2].low {
		case "kep", "proposal", "rfc", "document", "design", "doc", "work", "effort", "project", "initial", "first", "current", "mvp", "spec", "enhancement", "feature":
			return true
		}
	}
	return false
}

var documentParts = map[string]bool{
	"table": true, "page": true, "section": true, "diagram": true, "figure": true, "example": true,
	"list": true, "chart": true, "image": true, "screenshot": true, "graph": true, "snippet": true,
}

// documentVerbs say what a part of the document does; not "contains",
// which a database table does too (documentPointer takes "contains" after
// the other parts: "This page contains …").
var documentVerbs = map[string]bool{
	"shows": true, "show": true, "lists": true, "describes": true, "illustrates": true,
	"depicts": true, "summarizes": true, "summarises": true, "outlines": true, "gives": true,
	"demonstrates": true, "captures": true,
}

// documentPointer finds an opening that points at a part of the document:
// "This table shows …", "The diagram below illustrates …", "From the YAML
// above we can see …", "This page contains …", or at the document itself:
// "This RFC represents …".
func documentPointer(toks []token) (int, int) {
	if len(toks) < 3 {
		return 0, 0
	}
	// "The table shows …" may be a database table: a bare "the" points
	// into the text only with "below" or "above" after the part.
	i, placed := 0, false
	switch {
	case lows(toks, 0, "this"), lows(toks, 0, "these"):
		i, placed = 1, true
	case lows(toks, 0, "the", "following"), lows(toks, 0, "the", "above"), lows(toks, 0, "the", "below"):
		i, placed = 2, true
	case lows(toks, 0, "from", "the"):
		switch toks[2].low {
		case "yaml", "example", "table", "diagram", "figure", "output", "above", "screenshot":
			return 0, 3
		}
		return 0, 0
	case lows(toks, 0, "the"):
		i = 1
	default:
		return 0, 0
	}
	if i == 1 && toks[i].shape&shCode == 0 && toks[i].in(inDocumentItself) {
		// "This RFC represents an evolving consensus …", "This document
		// discusses …": the document speaking of itself, unless it goes
		// on to propose ("This proposal describes a new field …").
		if j := i + 1; j < len(toks) && (selfVerbs[toks[j].low] || productDocs[toks[i].low] && productDocVerbs[toks[j].low]) && !proposes(toks[j+1:]) {
			return 0, j + 1
		}
		return 0, 0
	}
	if !documentParts[trimPlural(toks[i].low)] || toks[i].shape&shCode != 0 {
		return 0, 0
	}
	j := i + 1
	if part := trimPlural(toks[i].low); placed && j < len(toks) && toks[j].low == "contains" && part != "table" && part != "list" {
		return 0, j + 1 // "This page contains …"; a table contains rows
	}
	if j < len(toks) && (toks[j].low == "below" || toks[j].low == "above") {
		j, placed = j+1, true
	}
	if placed && j < len(toks) && documentVerbs[toks[j].low] {
		return 0, j + 1
	}
	return 0, 0
}

// documentItself names the document a sentence is in.
var documentItself = map[string]bool{
	"document": true, "doc": true, "rfc": true, "kep": true, "proposal": true, "spec": true, "specification": true,
	"otep": true, "rfd": true, "enhancement": true, "adr": true, "prd": true, "tep": true, "bep": true, "writeup": true,
	"memo": true, "brief": true, "one-pager": true,
}

// productDocs name a document about a product rather than its design: what
// one proposes, defines or describes ("This memo proposes a referee
// assignment tool inside the League Hub app …", "This PRD defines the
// requirements for …") is the product, unless the rest of the sentence
// proposes a design of its own ("… we add a `referee_id` column").
// Each is also in documentItself, which the check reads first.
var productDocs = map[string]bool{"prd": true, "memo": true, "brief": true, "one-pager": true}

var productDocVerbs = map[string]bool{
	"proposes": true, "describes": true, "defines": true, "outlines": true, "specifies": true,
	"introduces": true, "presents": true, "asks": true, "requests": true, "sets": true,
}

// selfVerbs say what a document does besides pointing: it discusses,
// covers or represents something.
var selfVerbs = map[string]bool{
	"contains": true, "represents": true, "discusses": true, "covers": true, "explains": true, "examines": true,
	"focuses": true, "reviews": true, "explores": true, "details": true, "documents": true, "collects": true,
}

func trimPlural(w string) string {
	if len(w) > 3 && w[len(w)-1] == 's' {
		return w[:len(w)-1]
	}
	return w
}

// shortcomingStatement finds a statement whose subject is a shortcoming,
// its verb a form of "be" ("A drawback of this approach is that every
// export writes a second copy …", "The problems with option 2 are …"), or
// one that opens with an absence ("There is no in-box support for HMAC
// …"; after "Currently, …" only where the description-of-today frame does
// not apply, as when the sentence goes on to propose): what it names is
// what falls short. A participle after the verb says what is done about it ("The
// problem is solved by adding a cache …"), and a proposal after it ("…;
// we propose a webhook instead") proposes.
func shortcomingStatement(text string, toks []token) (int, int) {
	n := len(toks)
	i := openingAdverbs(toks, nil)
	if i+2 >= n {
		return 0, 0
	}
	be := -1
	if lows(toks, i, "there") {
		if toks[i+1].lex.bits&cBe != 0 && (toks[i+2].low == "no" || toks[i+2].low == "not") {
			be = i + 1
		}
	} else {
		be = shortcomingSubject(toks, i)
	}
	if be < 0 {
		return 0, 0
	}
	after := softAdverbs(toks, be+1)
	if after < n && (toks[after].lex.bits&(cPart|cPast) != 0 || toks[after].low == "being" || strings.HasSuffix(toks[after].low, "ed") && after+1 < n && prepositions[toks[after+1].low]) {
		return 0, 0
	}
	for k := be + 1; k < n; k++ {
		if toks[k].shape&shCode == 0 && shortcomingAnswers[toks[k].low] {
			return 0, 0
		}
	}
	if answeredAfter(text, toks, be+1) {
		return 0, 0
	}
	return i, be + 1
}

// answeredAfter reports a clause of its own after token from that designs
// or proposes, and so answers the shortcoming or risk before it: "There is
// no message broker; the worker polls the orders table", "One of the risks
// is stale prices, so the service caches them in Redis".
func answeredAfter(text string, toks []token, from int) bool {
	for k := from; k+1 < len(toks); k++ {
		if strings.Contains(text[toks[k].e:toks[k+1].s], ";") || commaBetween(text, toks, k, k+1) && clauseLinks[toks[k+1].low] {
			// the first such clause runs to the end: later ones are inside it
			return proposes(toks[k+1:]) || designVerbIn(toks[k+1:])
		}
	}
	return false
}

// designVerbIn reports a design verb's third person or participle outside code.
func designVerbIn(toks []token) bool {
	for i := range toks {
		if toks[i].shape&shCode == 0 && toks[i].lex.bits&(cVerb3|cPart) != 0 {
			return true
		}
	}
	return false
}

// clauseLinks open a clause of its own after a comma.
var clauseLinks = map[string]bool{"so": true, "and": true, "but": true, "then": true, "thus": true, "hence": true, "therefore": true, "instead": true}

// shortcomingSubject returns the verb after a subject from token i whose
// head is a shortcoming noun ("The main problem with …", "One of the
// drawbacks of …"), or -1.
func shortcomingSubject(toks []token, i int) int {
	n := len(toks)
	if lows(toks, i, "one", "of", "the") {
		i += 3
	}
	for q := i; q < n && q <= i+4; q++ {
		if toks[q].shape&shCode != 0 {
			return -1
		}
		if !shortcomingNouns[toks[q].low] {
			// only determiners and adjectives before the noun: "If an
			// issue is found, …" opens a condition
			if toks[q].lex.bits&^(cDet|cAdverb|cBound|cMisc) != 0 {
				return -1
			}
			continue
		}
		if q+1 < n && toks[q+1].lex.bits&cBe != 0 {
			return q + 1 // "The downside is …"
		}
		if q+1 >= n || !shortcomingLinks[toks[q+1].low] {
			return -1
		}
		// "… with this approach are", "… of this solution is"
		for k := q + 2; k < n && k <= q+10; k++ {
			b := toks[k].lex.bits
			if b&cBe != 0 {
				return k
			}
			if b&(cModal|cVerb3|cPast|cWe|cI) != 0 {
				return -1
			}
		}
		return -1
	}
	return -1
}

// shortcomingAnswers propose what to do about a shortcoming ("…; we
// propose a webhook instead"). "Introducing ambiguity" is more of it.
var shortcomingAnswers = map[string]bool{
	"propose": true, "proposes": true, "proposed": true, "proposing": true, "suggest": true, "suggests": true,
	"recommend": true, "recommends": true, "instead": true,
}

// shortcomingNouns name a shortcoming of a design or of the present state.
var shortcomingNouns = map[string]bool{
	"problem": true, "problems": true, "issue": true, "issues": true, "downside": true, "downsides": true,
	"drawback": true, "drawbacks": true, "disadvantage": true, "disadvantages": true, "risk": true, "risks": true,
	"concern": true, "concerns": true, "challenge": true, "challenges": true, "limitation": true, "limitations": true,
	"caveat": true, "caveats": true,
}

// shortcomingLinks follow a shortcoming noun within the subject ("the
// problem with …", "a drawback of …", "the risk here is …").
var shortcomingLinks = map[string]bool{"with": true, "of": true, "here": true, "in": true, "for": true}

// hedgedConsequence finds an opening that weighs what something may bring
// about: "This will likely cause `staging` and `dev` to diverge …", "This
// potentially might cause permission denied errors …", "That could lead
// to …". Its subject points back at something already said; a modal of
// doubt or a hedge makes the consequence a risk, where "This flag will
// cause the action to pull …" states the design. A new part as the
// consequence ("This may result in a new `benchmarking` repo …") and a
// design that answers the risk in a clause of its own ("This could cause
// duplicate payments, so the worker stores an idempotency key in Redis")
// are read as the design: no frame.
func hedgedConsequence(text string, toks []token) (int, int) {
	n := len(toks)
	i := openingAdverbs(toks, linkingAdverbs)
	if i >= n || !backPointers[toks[i].low] {
		return 0, 0
	}
	s := i
	i++
	// "This approach", "That change"
	for k := 0; k < 2 && i < n && toks[i].shape&shCode == 0 && toks[i].lex.bits&(cModal|cAdverb) == 0 && !riskHedges[toks[i].low]; k++ {
		i++
	}
	doubt := false
	for ; i < n && (toks[i].lex.bits&(cModal|cAdverb) != 0 || riskHedges[toks[i].low]) && toks[i].lex.bits&cNeg == 0; i++ {
		if doubtModals[toks[i].low] || riskHedges[toks[i].low] {
			doubt = true
		}
	}
	if !doubt || i >= n || !consequenceVerbs[toks[i].low] {
		return 0, 0
	}
	// "result in a new …", "lead to a separate …": the outcome is a part
	// added ("cause new sessions to be written twice" is not)
	if k := i + 1; k+1 < n && (toks[k].low == "in" || toks[k].low == "to") {
		k++
		if toks[k].lex.bits&cDet != 0 && k+1 < n {
			k++
		}
		if newParts[toks[k].low] {
			return 0, 0
		}
	}
	if answeredAfter(text, toks, i+1) {
		return 0, 0
	}
	return s, i + 1
}

// openingAdverbs returns the first token past the adverbs and words of
// context that open a sentence ("Unfortunately, …", "Currently, …"), and
// past the words of also.
func openingAdverbs(toks []token, also map[string]bool) int {
	i := 0
	for i < len(toks) && (toks[i].lex.bits&(cAdverb|cContext) != 0 || also[toks[i].low]) && toks[i].shape&shCode == 0 {
		i++
	}
	return i
}

// linkingAdverbs join a sentence to the one before it ("However, this
// could …").
var linkingAdverbs = map[string]bool{
	"however": true, "unfortunately": true, "moreover": true, "furthermore": true,
	"otherwise": true, "again": true, "and": true, "but": true,
}

// backPointers open a sentence about something said before it; not "it":
// "It may cause the worker to retry …" as often tells what the design does.
var backPointers = map[string]bool{"this": true, "that": true, "these": true, "those": true, "doing": true}

// doubtModals and riskHedges make a consequence one that may come; "can"
// tells what something is able to do ("It can result in each shard being
// rebalanced …").
var (
	doubtModals = map[string]bool{"could": true, "might": true, "may": true}
	riskHedges  = map[string]bool{"likely": true, "probably": true, "potentially": true, "possibly": true}
)

// consequenceVerbs bring something about.
var consequenceVerbs = map[string]bool{
	"cause": true, "lead": true, "result": true, "break": true, "confuse": true, "surprise": true,
	"harm": true, "hurt": true, "degrade": true, "overload": true, "mislead": true,
}

// newParts name a part added to the system.
var newParts = map[string]bool{"new": true, "additional": true, "separate": true}
