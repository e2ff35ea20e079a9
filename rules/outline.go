package rules

import (
	"regexp"
	"strings"

	"github.com/prdlint/prdlint/lint"
)

// topic is one thing a PRD is expected to cover.
type topic int

const (
	topicProblem topic = iota
	topicGoals
	topicNonGoals
	topicMetrics
	topicReliability
	topicSecurity
	topicMonitoring
	topicTestability
	// topicPRD marks the other headings PRDs are made of (requirements,
	// user stories, scope…): they cover nothing on the checklist but say
	// the document is a PRD.
	topicPRD
	topicCount
)

// topicHeadings are, per topic, the word sequences that mark a heading
// (normalised with lint.NormalizeHeading) as covering it when they occur
// anywhere in the heading: "Goals and success metrics" covers both.
var topicHeadings = [topicCount][]string{
	topicProblem: {"problem", "problems", "problem statement", "background", "motivation", "context",
		"why", "pain points", "pain point", "opportunity", "current state", "challenge", "challenges"},
	topicGoals: {"goal", "goals", "objective", "objectives", "aims", "outcomes", "desired outcomes",
		"okr", "okrs", "vision", "purpose", "bet", "the bet", "pitch", "the pitch", "what success looks like"},
	topicNonGoals: {"nongoal", "nongoals", "out of scope", "not in scope", "scope exclusions", "anti goals"},
	topicMetrics: {"success metrics", "metric", "metrics", "kpi", "kpis", "key performance indicators",
		"measuring success", "measures of success", "success criteria", "success", "okr", "okrs",
		"key results", "measurement", "how we measure", "what success looks like", "numbers we care about",
		// "How we'll know it worked" (normalised "how well know …"),
		// "How will we know it worked?"
		"how well know", "how we will know", "how we would know", "how wed know", "how will we know",
		"how we know", "how well measure"},
	topicReliability: {"reliability", "availability", "resilience", "resiliency", "durability",
		"disaster recovery", "business continuity", "slo", "slos", "sla", "slas", "service level",
		"service levels", "uptime", "failure modes", "fault tolerance", "error budget"},
	topicSecurity: {"security", "privacy", "compliance", "data protection", "authentication",
		"authorization", "authorisation", "permissions", "access control", "threat model", "abuse",
		"trust and safety", "access", "sign in", "login"},
	topicMonitoring: {"monitoring", "observability", "alerting", "alerts", "telemetry", "instrumentation",
		"logging", "operational readiness", "production readiness", "operations", "operability", "dashboards"},
	topicTestability: {"acceptance criteria", "acceptance tests", "testing", "test plan", "test strategy",
		"tests", "testability", "qa", "quality assurance", "verification", "validation", "definition of done"},
	topicPRD: {"requirements", "requirement", "user stories", "user story", "use cases", "use case",
		"personas", "users", "target users", "scope", "summary", "overview", "solution", "solution approach",
		"proposal", "assumptions", "risks", "open questions", "timeline", "milestones", "launch", "rollout",
		"dependencies", "features", "feature explanation", "hypothesis", "key decisions", "user experience",
		"user flow", "stakeholders", "release criteria", "constraints"},
}

// topicMentions are, per topic, the words that show a sentence addresses
// it. They are generous on purpose: a structure finding says something is
// missing, so any plausible mention counts as covering it.
var topicMentions = [topicCount]*wordPattern{
	topicProblem:     mustWordPattern(`\b(?:problems?|pain ?points?|struggl\w*|frustrat\w*|unable to|cannot|can't|currently|today\b|last (?:year|quarter|month|season)|complain\w*|costs? us|motivation|challeng\w*)`),
	topicGoals:       mustWordPattern(`\b(?:goals?|objectives?|aims? to|in order to|so that|we (?:want|need|expect|aim|intend|hope)|outcomes?|` + targetChange + `)\b`),
	topicMetrics:     mustWordPattern(`\b(?:success (?:metrics?|criteria|measures?)|metrics?|kpis?|okrs?|key results?|north[- ]star|measured? by|we will (?:measure|track)|conversion rate|adoption rate|retention rate|nps|csat|` + targetChange + `)\b`),
	topicReliability: mustWordPattern(`\b(?:availability|highly available|always available|uptime|downtime|outages?|reliab\w*|resilien\w*|durab\w*|fault[- ]toleran\w*|fail ?over|disaster recovery|rpo|rto|slos?|slas?|error budgets?|data loss|redundan\w*|backups?|recover\w*|degrad\w*|available (?:at least )?\d+|available\b[^.]{0,40}\d{2}\.\d+|available\b[^.]{0,40}\d{2} ?percent|loses? no|works? offline|working offline|(?:is|are|goes|go|went|while|when|if) offline|offline (?:mode|support|use|first|access)|no (?:connection|connectivity|signal|network)|(?:loses?|lost|drops?|dropped|regain\w*) ` + lostLink + `|(?:connection|connectivity|internet|wi-?fi|signal|network) drops|without losing|is never lost|are never lost|is down|are down|goes down|go down|went down|unavailable|maintenance windows?|fall ?back|fails? to|idempoten\w*|arrives? late|(?:zones?|regions?|nodes?|data ?cent(?:er|re)s?|servers?|dependenc(?:y|ies)) (?:fails?|failures?|goes down|go down|(?:is|are) (?:down|lost)))\b`),
	topicSecurity:    mustWordPattern(`\b(?:secur\w*|privacy|private|personal data|personally identifiable|pii|gdpr|ccpa|hipaa|soc ?2|pci|encrypt\w*|authenticat\w*|authori[sz]\w*|access control|permissions?|role-based|rbac|consent|least privilege|audit (?:logs?|trails?)|vulnerab\w*|threats?|fraud\w*|abuse|complian\w*|credentials?|secrets?|(?:kept|retained|stored|deleted) (?:for|after) (?:at most |up to |no more than )?\d+|retention (?:period|polic\w*|of)|data retention|only\b[^.;]{0,60}\bcan (?:see|read|view|access|edit|change|delete|call)|who (?:can|may) (?:see|read|view|access|edit|change|delete|call)|sso|single sign-on|two-factor|2fa|mfa|multi-factor|one-time (?:codes?|passwords?)|pins?|passwords?|tamper\w*|stolen|bad actors?|bots?|spoof\w*|impersonat\w*|signed (?:links?|urls?|tokens?)|(?:visible|available|shown|accessible) only to|only (?:be )?visible|not (?:visible|available|shown) (?:to|for)|access (?:is )?(?:limited|restricted))\b`),
	topicMonitoring:  mustWordPattern(`\b(?:monitor\w*|observab\w*|alert(?:s|ing|ed)?|dashboards?|telemetry|instrument\w*|logging|logs|tracing|traces|on-?call|paged?|paging|slis?|health checks?)\b`),
	topicTestability: mustWordPattern(`\b(?:acceptance (?:criteri\w*|tests?)|tests?|testing|testable|testability|test plan|verif\w*|qa|quality assurance|definition of done)\b|\bgiven\b.+\bwhen\b.+\bthen\b`),
}

// lostLink is the link a device loses and regains: "the connection",
// "its signal", "wi-fi". (After the verb only: an alternative that opens
// with an optional word has no leading literal for the prefilter.)
const lostLink = `(?:the |its |their )?(?:connection|connectivity|internet|wi-?fi|signal|network)`

// targetChange is a number that moves from a baseline to a target ("from
// 214 to under 50", "drop by 50%", "cut … in half"): a measurable goal,
// which counts as a goal and as a success metric wherever it is written.
const targetChange = `from \d[\d,.]*%? to (?:under |below |over |above |at least |at most )?\d+|(?:drops?|falls?|rises?|grows?|increases?|decreases?|cuts?|reduces?|shrinks?|improves?) (?:by|to) (?:at least |under |below |over |above )?\d+|(?:cut|reduce)s? \w+(?: \w+)? (?:in half|by half)`

// topicMentionSet tests every topic's mentions in one pass.
var topicMentionSet = newWordPatternSet(topicMentions[:]...)

// nonGoalWords hides "non-goals" from the goals pattern; its word-start
// test finds the few sentences that have them.
var nonGoalWords = mustWordPattern(`\bnon[- ]?goals?\b`)

// placeholder is a section body that says nothing yet.
var placeholder = regexp.MustCompile(`^\W*(?:tbd|tbc|todo|to do|to be (?:determined|defined|decided|written|confirmed)|coming soon|wip)\W*$`)

// headingTopics returns the topics the normalised heading h names.
func headingTopics(h string) (ts [topicCount]bool) {
	named := topicHeadingPhrases.in(h)
	for t := range ts {
		ts[t] = named&(1<<t) != 0
	}
	return ts
}

// topicHeadingPhrases are topicHeadings, one group per topic.
var topicHeadingPhrases = newPhraseSet(topicHeadings[:]...)

// phraseSet finds phrases in a normalised heading: a phrase is there when
// it is a run of whole words of the heading, as if " "+phrase+" " were
// searched for in " "+heading+" ". Looking each run of up to maxWords
// words up in a map costs a few lookups per word, where searching for
// every phrase cost one substring search per phrase per heading.
type phraseSet struct {
	// groups maps a phrase to a bit per group that lists it.
	groups   map[string]uint32
	maxWords int
}

// newPhraseSet makes the phraseSet of at most 32 groups of phrases; a
// phrase is words separated by single spaces.
func newPhraseSet(groups ...[]string) phraseSet {
	if len(groups) > 32 {
		panic("newPhraseSet: more than 32 groups")
	}
	ps := phraseSet{groups: map[string]uint32{}}
	for g, phrases := range groups {
		for _, p := range phrases {
			ps.groups[p] |= 1 << g
			ps.maxWords = max(ps.maxWords, strings.Count(p, " ")+1)
		}
	}
	return ps
}

// in returns the bits of the groups with a phrase in heading h.
func (ps phraseSet) in(h string) uint32 {
	var found uint32
	for start := 0; start < len(h); {
		end := start
		for n := 0; n < ps.maxWords && end < len(h); n++ {
			if n > 0 {
				end++ // past the space after the previous word
			}
			if sp := strings.IndexByte(h[end:], ' '); sp >= 0 {
				end += sp
			} else {
				end = len(h)
			}
			found |= ps.groups[h[start:end]]
		}
		next := strings.IndexByte(h[start:], ' ')
		if next < 0 {
			break
		}
		start += next + 1
	}
	return found
}

// outline is what the structure and what-rules know about a document's
// sections, computed once per document.
type outline struct {
	doc *lint.Document
	// sentences are the prose sentences (headings excluded); lowered
	// holds their texts lower-cased, in the same order.
	sentences []*lint.Sentence
	lowered   []lowerText
	// headings maps each section to the topics its own heading names.
	headings map[*lint.Section][topicCount]bool
	// covered says which topics the document addresses, by a heading
	// with real content under it or by a sentence that mentions them.
	covered [topicCount]bool
	// sections counts the headings, the title's excepted; prdHeadings
	// counts those that name a PRD topic.
	sections, prdHeadings int
	// marked is true when the title or front matter says it is a PRD.
	marked bool
}

type outlineKey struct{}

func outlineOf(doc *lint.Document) *outline {
	return doc.Memo(outlineKey{}, func() any { return buildOutline(doc) }).(*outline)
}

func buildOutline(doc *lint.Document) *outline {
	o := &outline{doc: doc, headings: map[*lint.Section][topicCount]bool{}}
	for _, s := range doc.Sections {
		var ts [topicCount]bool
		if !doc.IsTitleSection(s) {
			ts = headingTopics(s.NormalizedTitle())
			o.sections++
			if ts != ([topicCount]bool{}) {
				o.prdHeadings++
			}
		}
		o.headings[s] = ts
	}
	title, _ := doc.Title()
	o.marked = prdMarker.MatchString(lint.LowerASCII(title))
	if v, ok := doc.Meta["type"].(string); ok && prdMarker.MatchString(lint.LowerASCII(v)) {
		o.marked = true
	}

	var texts []string
	for _, s := range doc.Sentences() {
		if s.Block.Kind != lint.BlockHeading {
			o.sentences = append(o.sentences, s)
			texts = append(texts, s.Text)
		}
	}
	o.lowered = loweredAll(texts)
	for i, s := range o.sentences {
		lt := &o.lowered[i]
		low := lt.low
		if placeholder.MatchString(low) {
			continue
		}
		// A heading counts once something real is written under it;
		// under says which topics the sentence's headings name (what
		// o.in reads, in one walk).
		var under [topicCount]bool
		for x := s.Section(); x != nil; x = x.Parent {
			for t, named := range o.headings[x] {
				if named {
					under[t], o.covered[t] = true, true
				}
			}
		}
		// A label opening the sentence ("Why now: breweries lose 3% of
		// their kegs", "**Goal:** …") names a topic as a heading does.
		if c := strings.IndexByte(low, ':'); c > 0 && c < 40 && strings.Count(low[:c], " ") < 4 && !placeholder.MatchString(low[c+1:]) {
			for t, named := range headingTopics(lint.NormalizeHeading(low[:c])) {
				if named && topic(t) != topicNonGoals {
					o.covered[t] = true
				}
			}
		}
		text := lt
		if nonGoalWords.matchWords(lt) {
			wt, _ := lowered(nonGoalWords.re.ReplaceAllString(low, ""), nil)
			text = &wt
		}
		topicMentionSet.matchWords(text, o.covered[:])
		// A measurable goal is a success metric in all but name, and a
		// measurable target under a metrics heading a goal.
		inGoals := under[topicGoals] && !under[topicNonGoals]
		inMetrics := under[topicMetrics]
		if (inGoals || inMetrics) && isMeasurableLower(lt) {
			o.covered[topicMetrics] = o.covered[topicMetrics] || inGoals
			o.covered[topicGoals] = o.covered[topicGoals] || inMetrics
		}
	}
	return o
}

// prdMarker recognises a title or document type that declares a PRD.
var prdMarker = regexp.MustCompile(`\b(?:prd|product requirements?|requirements document|product outline|product spec(?:ification)?|product brief)\b`)

// in reports whether sentence s sits in a section whose heading, or an
// enclosing heading (the title excepted), names topic t.
func (o *outline) in(s *lint.Sentence, t topic) bool {
	for x := s.Section(); x != nil; x = x.Parent {
		if o.headings[x][t] {
			return true
		}
	}
	return false
}

// Thresholds of StructureApplies.
const (
	minStructureSentences = 8
	minStructureSections  = 3
	minPRDHeadings        = 2
)

// StructureApplies reports whether doc is held to the PRD checklist of the
// structure-* rules: it has at least 8 prose sentences, at least 3
// headings besides its title, and the shape of a PRD — at least 2 headings
// that PRDs are made of (Problem, Goals, Requirements, User stories,
// Success metrics…) or a title or front-matter "type" that says it is a
// PRD. A note, a one-pager under a couple of headings, a README or a
// meeting log is not held to a full PRD's checklist.
func StructureApplies(doc *lint.Document) bool {
	if doc == nil {
		return false
	}
	o := outlineOf(doc)
	return len(o.sentences) >= minStructureSentences &&
		o.sections >= minStructureSections &&
		(o.prdHeadings >= minPRDHeadings || o.marked)
}
