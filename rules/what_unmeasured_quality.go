package rules

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/prdlint/prdlint/lint"
)

// qualityKind groups quality words by the target that would make them
// checkable.
type qualityKind int

const (
	qualitySpeed qualityKind = iota
	qualityScale
	qualityAvailability
)

// qualityAsk is, per kind, the target the hint asks for.
var qualityAsk = [...]string{
	qualitySpeed:        "p95/p99 latency under the expected load",
	qualityScale:        "throughput and peak load (requests per second, concurrent users, data volume)",
	qualityAvailability: "availability % per month and RPO/RTO",
}

// qualityAdjectives are the predicate adjectives of a vague quality claim,
// with their kind.
var qualityAdjectives = map[string]qualityKind{
	"fast": qualitySpeed, "quick": qualitySpeed, "speedy": qualitySpeed, "snappy": qualitySpeed,
	"performant": qualitySpeed, "responsive": qualitySpeed, "instant": qualitySpeed,
	"instantaneous": qualitySpeed, "low-latency": qualitySpeed, "low latency": qualitySpeed,
	"scalable": qualityScale, "elastic": qualityScale,
	"highly available": qualityAvailability, "always available": qualityAvailability,
	"highly reliable": qualityAvailability, "resilient": qualityAvailability, "fault-tolerant": qualityAvailability,
	"fault tolerant": qualityAvailability, "durable": qualityAvailability, "always on": qualityAvailability,
	"always-on": qualityAvailability,
}

// qualityNouns are noun phrases that name a quality as something to
// provide ("must provide high availability").
var qualityNouns = map[string]qualityKind{
	"low latency": qualitySpeed, "high performance": qualitySpeed, "good performance": qualitySpeed,
	"minimal latency": qualitySpeed,
	"scalability":     qualityScale, "high throughput": qualityScale,
	"high availability": qualityAvailability, "minimal downtime": qualityAvailability,
	"fault tolerance": qualityAvailability, "high reliability": qualityAvailability,
}

const (
	qualityDegree = `(?:(?:very|highly|extremely|really|super|sufficiently|reasonably|blazingly|lightning)\s+)?`
	qualityAdj    = `(fast|quick|speedy|snappy|performant|responsive|instant|instantaneous|low[- ]latency|scalable|elastic|highly available|always available|always[- ]on|highly reliable|resilient|fault[- ]tolerant|durable)\b`
	qualityNoun   = `(low latency|high performance|good performance|minimal latency|high throughput|high availability|minimal downtime|fault tolerance|high reliability)`
)

// qualityStems are stems of every word qualityAdj, qualityNoun and
// scaleVerb match.
var qualityStems = []string{"fast", "quick", "speedy", "snappy", "performan", "responsive", "instant",
	"latency", "scal", "elastic", "available", "always", "reliab", "resilient", "tolerant", "durable",
	"throughput", "availability", "downtime"}

var (
	// requirementModal is what makes a sentence a requirement. Plain
	// "will" is left out: "it will be fast" describes more often than it
	// requires. Its word-start test rules out cheaply the many sentences
	// that require nothing.
	requirementModal = mustWordPattern(`\b(?:must|shall|should|needs? to|has to|have to|(?:is|are) (?:required|expected) to|will need to|ought to)\b`)
	// predictionModal is "should" used as a forecast: "so it should be
	// quick", "which should be fast".
	predictionModal = regexp.MustCompile(`\b(?:it|this|that|which|these|those)\s+should\b`)
	// negatedModal is a requirement ruled out ("need not be real-time").
	negatedModal = regexp.MustCompile(`\b(?:must|shall|should|need|needs|does|do|will|has|have|is|are)(?:\s+not|n't)\b`)
	// qualityPredicate is the modal's own predicate: "must be fast",
	// "should always be very fast, scalable and highly available",
	// "needs to remain responsive".
	qualityPredicate = regexp.MustCompile(`^\s+(?:(?:always|also|still|generally|equally)\s+)?(?:be|remain|stay|feel)\s+` + qualityDegree + qualityAdj +
		`((?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)` + qualityDegree + qualityAdj + `)*)`)
	qualityListItem = regexp.MustCompile(`(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)` + qualityDegree + qualityAdj)
	// qualityNounPhrase is "provide high availability", "support low latency".
	qualityNounPhrase = regexp.MustCompile(`\b` + qualityNoun + `\b`)
	// scaleVerb is "must scale", "should scale well", "needs to scale with
	// demand"; not "should scale with transaction volume", which states a
	// relation, nor "should scale up as fast as possible", which describes
	// behaviour.
	scaleVerb = regexp.MustCompile(`^\s+scale` +
		`(?:\s+(?:well|easily|horizontally|seamlessly|effortlessly))?` +
		`(?:\s*(?:[.,;!]|$)|\s+(?:and|with (?:demand|growth|traffic|usage|load)\b))`)
	// leadingQuality is a bare list item under a requirements heading:
	// "Fast, scalable and highly available."
	leadingQuality = regexp.MustCompile(`^` + qualityDegree + qualityAdj +
		`((?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)` + qualityDegree + qualityAdj + `)*)\W*$`)
)

// qualityHeadings are the section headings under which a bare quality
// list item is a requirement.
var qualityHeadings = []string{"requirements", "requirement", "nfr", "nfrs", "nonfunctional", "quality attributes",
	"performance", "scalability", "reliability", "availability", "service levels", "slos"}

// qualityTerm is one vague quality word found in a sentence.
type qualityTerm struct {
	start, end int
	kind       qualityKind
}

// vagueQualities returns the vague quality claims of a requirement
// sentence, in order; none when the sentence states a measurable target.
// lt is text lowered.
func vagueQualities(text string, lt *lowerText, underRequirements bool) []qualityTerm {
	// Patterns match low, which has text's byte offsets; text keeps its
	// case for telling proper nouns apart.
	low := lt.low
	// A claim is made by a requirement modal or by a bare item under a
	// requirements heading; most sentences are neither.
	if !underRequirements && !requirementModal.matchWords(lt) {
		return nil
	}
	// Every claim below needs one of these words: most sentences have
	// none, and this test is far cheaper than the patterns.
	if !containsAny(low, qualityStems) || isMeasurableLower(lt) {
		return nil
	}
	var terms []qualityTerm
	add := func(start, end int, table map[string]qualityKind) {
		word := strings.ToLower(strings.Join(strings.Fields(text[start:end]), " "))
		kind, ok := table[word]
		if !ok {
			kind, ok = table[strings.ReplaceAll(word, "-", " ")]
		}
		if !ok || properNoun(text, start) || compoundAfter(text, start, end) {
			return
		}
		terms = append(terms, qualityTerm{start, end, kind})
	}
	addList := func(m []int) {
		add(m[2], m[3], qualityAdjectives)
		if m[4] >= 0 {
			for _, l := range qualityListItem.FindAllStringSubmatchIndex(low[m[4]:m[5]], -1) {
				add(m[4]+l[2], m[4]+l[3], qualityAdjectives)
			}
		}
	}

	modals := requirementModal.re.FindAllStringIndex(low, -1)
	switch {
	case len(modals) > 0:
		if negatedModal.MatchString(low) || predictionModal.MatchString(low) {
			return nil
		}
		for _, modal := range modals {
			rest := modal[1]
			if m := qualityPredicate.FindStringSubmatchIndex(low[rest:]); m != nil {
				for i := range m {
					if m[i] >= 0 {
						m[i] += rest
					}
				}
				addList(m)
			}
			if m := scaleVerb.FindStringIndex(low[rest:]); m != nil {
				at := rest + strings.Index(low[rest:rest+m[1]], "scale")
				terms = append(terms, qualityTerm{at, at + len("scale"), qualityScale})
			}
		}
		for _, m := range qualityNounPhrase.FindAllStringSubmatchIndex(low[modals[0][1]:], -1) {
			add(modals[0][1]+m[2], modals[0][1]+m[3], qualityNouns)
		}
	case underRequirements:
		if m := leadingQuality.FindStringSubmatchIndex(low); m != nil {
			addList(m)
		}
	}
	return dedupeTerms(terms)
}

// properNoun reports whether the word at i is capitalised mid-sentence,
// as in a product name ("Fast Pair").
func properNoun(text string, i int) bool {
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsUpper(r)
}

// compoundAfter reports whether the word ending at i goes on as a compound
// that is no quality claim: "fast-follow", "fast track", "quick start".
func compoundAfter(text string, start, i int) bool {
	rest := strings.ToLower(text[i:])
	if strings.EqualFold(text[start:i], "responsive") && strings.HasPrefix(rest, " to ") {
		// "responsive to API changes" is about reacting, not speed.
		return true
	}
	for _, p := range []string{"-", " follow", " track", " start", " win", " wins", " fix", " fixes", " links", " link", " reply", " replies", " action", " actions", " filter", " filters", " search"} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

func dedupeTerms(ts []qualityTerm) []qualityTerm {
	var out []qualityTerm
	seen := map[int]bool{}
	for _, t := range ts {
		if !seen[t.start] {
			seen[t.start] = true
			out = append(out, t)
		}
	}
	// Source order, so the message lists words as the author wrote them.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].start < out[j-1].start; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// WhatUnmeasuredQuality reports a quality requirement with no measurable
// target.
func WhatUnmeasuredQuality() *lint.Rule {
	return &lint.Rule{
		ID:       "what-unmeasured-quality",
		Category: lint.CategoryWhat,
		Severity: lint.SeverityWarning,
		Summary:  "Quality requirement with no measurable target (fast, scalable, highly available…)",
		Doc: `"Must be fast" cannot be designed for, tested or traded off: the team
needs a number. This rule reports a requirement that asks for speed, scale
or availability in words — fast, responsive, performant, scalable, highly
available, highly reliable, resilient, low latency, high availability — and
states no target anywhere in the sentence: no number, percentage,
percentile, rate, "within a second", SLO, RPO or RTO. A requirement is a
modal whose own predicate is the quality ("must be fast", "should remain
responsive", "must scale", "needs to provide high availability"), or a list
item under a Requirements, Non-functional requirements or Performance
heading that is only the quality words ("- Fast, scalable and highly
available."). The words elsewhere in a sentence ("must load fast", "- Fast
search.") are not judged: too often they describe rather than require, and
the rule keeps to claims it can read for certain. The hint asks for the
target that fits the words used.

Not reported: negated requirements ("need not be real-time"), non-goals,
compounds such as "fast-follow" or "quick start", capitalised product
names, and sentences that only use the words in passing ("Users can
quickly find…").`,
		Bad: []string{
			"The points service must be fast, scalable and highly available.",
			"Search should provide low latency for all shoppers.",
		},
		Good: []string{
			"Points balance requests complete within 200 ms at p95 at 2,000 requests per second; the service is available 99.9% of each month.",
			"We plan a fast-follow release for gift cards.",
		},
		Run: func(pass *lint.Pass) {
			o := outlineOf(pass.Doc)
			under := underQualityHeadings{}
			for i, s := range o.sentences {
				if o.in(s, topicNonGoals) {
					continue
				}
				terms := vagueQualities(s.Text, &o.lowered[i], under.in(s.Section()))
				if len(terms) == 0 {
					continue
				}
				var words, asks []string
				asked := map[qualityKind]bool{}
				for _, t := range terms {
					words = append(words, fmt.Sprintf("%q", s.Text[t.start:t.end]))
					if !asked[t.kind] {
						asked[t.kind] = true
						asks = append(asks, qualityAsk[t.kind])
					}
				}
				pass.ReportSentence(s, lint.Finding{
					Message:    fmt.Sprintf("Quality requirement without a measurable target (%s).", strings.Join(words, ", ")),
					Hint:       "What is the target: " + strings.Join(asks, "; ") + "?",
					Confidence: 0.8,
					Mark:       []int{terms[0].start, terms[0].end},
				})
			}
		},
	}
}

// underQualityHeadings remembers, per section, whether its heading or an
// enclosing one makes a bare list item a requirement: each heading is
// looked at once, not once per section below it.
type underQualityHeadings map[*lint.Section]bool

func (u underQualityHeadings) in(sec *lint.Section) bool {
	if sec == nil {
		return false
	}
	v, ok := u[sec]
	if !ok {
		v = qualityHeadingPhrases.in(sec.NormalizedTitle()) != 0 || u.in(sec.Parent)
		u[sec] = v
	}
	return v
}

var qualityHeadingPhrases = newPhraseSet(qualityHeadings)
