package judge

import (
	"slices"
	"strings"
	"sync"
)

// Word classes: a token's class bits come from one map lookup.
const (
	cModal       uint64 = 1 << iota // will, should, must, may, can, ...
	cFuture                         // will, 'll, shall, would, 'd
	cBe                             // is, are, be, been, gets, becomes, ...
	cPast                           // was, were, had, did, used
	cVerbBase                       // design verb, base form (add, store, ...)
	cVerb3                          // design verb, third person (adds, stores, ...)
	cPart                           // design verb, participle (added, stored, ...)
	cGerund                         // design verb, -ing form
	cOutcome                        // outcome verb, base form (increase, reduce, support, ...)
	cUser                           // people: users, customers, operators, ...
	cSystem                         // system component nouns: controller, server, SDK, ...
	cContext                        // currently, today, historically, often, ...: how things are or were
	cProblem                        // lack, hard, expensive, outage, ...
	cRisk                           // risk, might, potentially, ...
	cGoal                           // goal, objective, aim, want, ...
	cNeg                            // not, no, never, don't, ...
	cDet                            // a, an, the, this, ...
	cCond                           // if, when, whenever, once, ...
	cViaPrep                        // via, using, through, backed, atop, ...
	cChoose                         // use, adopt, choose, switch, leverage, ...
	cArtifact                       // field, column, flag, endpoint, class, ...
	cNew                            // new, additional, separate, dedicated, extra
	cMetric                         // latency, uptime, rate, throughput, ...
	cBound                          // less, most, least, below, under, within, ...
	cUnit                           // ms, seconds, minutes, %, ...
	cPropose                        // propose, proposes, proposal, introduces, ...
	cAdverb                         // also, then, just, only, periodically, ...
	cPronoun                        // it, they, this, which, that
	cAble                           // able, ability, allow, allows, enable, let, ...
	cWe                             // we
	cI                              // I
	cProductVerb                    // see, view, find, know, understand, browse, ... (user-facing)
	cPastMarker                     // ago, last, previously, yesterday, ...
	cScope                          // scope, non-goal, future, later, ...
	cUI                             // user-facing objects: page, dashboard, button, email, report, ...
	cMisc                           // function words some constructions compare against
)

// cDesignForms are the forms of a design verb (base, third person,
// participle, gerund).
const cDesignForms = cVerbBase | cVerb3 | cPart | cGerund

var classWords = []struct {
	bits  uint64
	words string
}{
	{cModal, "will 'll shall should must may might can could would 'd need needs cannot can't won't shouldn't wouldn't mustn't"},
	{cFuture, "will 'll shall would 'd won't going"},
	{cBe, "is are be been being was were gets get got becomes become isn't aren't remains remain stays stay"},
	{cPast, "was were had did used wasn't weren't didn't hadn't"},
	{cNeg, "not no never don't doesn't won't isn't aren't can't cannot shouldn't wouldn't didn't wasn't weren't without none neither nor nothing hasn't haven't"},
	{cDet, "a an the this that these those each every all any some its their our his her"},
	{cCond, "if when whenever once unless upon after before while"},
	{cViaPrep, "via using through backed atop behind utilizing utilising leveraging"},
	{cChoose, "use uses used using adopt adopts adopted adopting choose chooses chose chosen choosing select selected pick picked switch switched switching migrate migrated migrating leverage leverages leveraged utilize utilizes utilized utilise utilises utilised rely relies built written implemented replace replaced go going based reuse reuses reused reusing"},
	{cArtifact, "field fields column columns table tables flag flags option options endpoint endpoints api apis resource resources class classes method methods interface interfaces function functions parameter parameters param params annotation annotations attribute attributes enum enums struct structs type types controller controllers service services plugin plugins command commands script scripts index indexes indices queue queues topic topics model models member members property properties config configuration setting settings label labels key keys mechanism mechanisms launcher subresource subresources crd crds cache caches job jobs worker workers library libraries module modules package packages header headers event events hook hooks variable variables binary binaries component components file files format formats value values substate substates object objects record records schema schemas interface extension argument arguments serializer analyzer sdk endpoint_ rpc verb verbs operation operations message messages state states status"},
	{cNew, "new additional separate dedicated extra another"},
	{cMetric, "latency latencies uptime availability rate rates throughput qps rps p50 p75 p90 p95 p99 p999 percentile percentage percent kpi kpis okr okrs slo slos sla slas median average time times duration count counts number error errors success adoption conversion retention satisfaction nps score"},
	{cBound, "less fewer more most least below under above over within exceed exceeds exceeding max maximum min minimum lower higher greater"},
	{cUnit, "ms millisecond milliseconds s sec secs second seconds minute minutes min mins hour hours day days week weeks month months year years % percent gb mb kb tb gib mib rps qps x sprint sprints"},
	{cPropose, "propose proposes proposed proposing proposal introduce introduces introducing suggest suggests recommend recommends plan plans intend intends decided decide"},
	{cAdverb, "also then just only periodically automatically eventually additionally simply first initially optionally instead still now always never further directly explicitly internally actually therefore thus hence consequently subsequently accordingly"},
	{cPronoun, "it they this which that these those he she"},
	{cAble, "able ability allow allows allowing enable enables enabling let lets letting empower empowers capability"},
	{cWe, "we we'll we'd we're we've"},
	{cI, "i i'd i'm i've"},
	{cProductVerb, "see sees view views find finds know knows understand understands browse browses discover discovers access accesses learn learns feel feels trust trusts complete completes sign signs apply applies submit submits receive receives get gets choose chooses"},
	{cPastMarker, "ago previously yesterday historically originally formerly earlier recently"},
	{cScope, "scope out-of-scope non-goal non-goals nongoal future later deferred excluded followup follow-up"},
	{cUI, "page pages screen screens dashboard dashboards button buttons ui ux view views tab tabs form forms email emails notification notifications report reports banner banners dialog wizard menu link links checkbox checkboxes toggle widget widgets tooltip digest alert alerts onboarding guide guidance documentation docs tutorial walkthrough prompt prompts warning warnings homepage portal dropdown drop-down input textbox placeholder click clicked clicking visible displayed display icon icons heading title subtitle sidebar infobar toolbar navbar panel card cards modal popup pop-up tooltip screenshot mockup mockups wireframe wireframes copy cta label labels chart charts graph graphs avatar theme themes"},
	{cMisc, "and 'd 'll 're a able an are as backed based be become beyond built by can change choose choosing chose feature get goal going have implemented in included including intended is kep like meant need needs non-goal non-goals nongoal on opted out outside part planning powered prefer proposal proposing selected shall so that to used want wants we'd we'll will wish with would written each expect hope aim"},
	{cUser, "user users customer customers operator operators admin admins administrator administrators developer developers veteran veterans people person team teams manager managers maintainer maintainers contributor contributors author authors reviewer reviewers member members visitor visitors buyer buyers seller sellers shopper shoppers patient patients owner owners stakeholder stakeholders end-user end-users employee employees staff you everyone anyone someone engineer engineers admins localizers translators applicants applicant caregiver caregivers agent agents clinician clinicians nurse nurses courier couriers rider riders designer designers analyst analysts dispatcher dispatchers"},
	{cSystem, "controller controllers server servers service services sdk sdks client clients scheduler kubelet plugin plugins daemon daemons worker workers job jobs script scripts backend frontend proxy gateway component components module modules library handler handlers collector exporter runtime compiler analyzer loader manager engine store database db cache queue table system apiserver agent process processes driver pipeline operator reconciler webhook cli binary node nodes app application"},
	{cContext, "currently today historically originally presently already previously traditionally typically usually nowadays formerly " + frequencyWordList},
	{cProblem, "lack lacks lacking cannot can't hard harder difficult expensive costly slow slower confusing confused painful fails failed fail failure failures outage outages incident incidents broken break breaks bug bugs problem problems suffers suffer error-prone prone overkill frustrating frustrated impossible unable unclear lost lose loses losing loss wasted wastes waste struggle struggles complex complicated cumbersome tedious inconsistent unreliable vulnerable vulnerabilities missing exhaust exhausts crash crashes crashed timeouts churn abandon abandoned pain confusion burden errors issue issues wrong poor poorly limited limitation limitations inefficient delays delay delayed damage damages exposure complexity overhead insufficient inadequate excessive bloat bloated fragile brittle prohibitive prohibitively"},
	{cRisk, "risk risks risky might could potentially potential drawback drawbacks concern concerns threat threats attack downside downsides tradeoff trade-off otherwise accidentally inadvertently unintended unintentionally faulty malicious misconfigured misconfiguration abuse exploit possibility possibilities careful caution"},
	{cGoal, "goal goals objective objectives aim aims want wants wish wishes outcome outcomes benefit benefits desire improve improves aiming targeting"},
}

// Design verbs: verbs that describe building or operating software. Their
// inflections are generated. Each carries the kind it most often points to.
var designVerbs = map[string]string{
	"add": "", "introduce": "", "create": "", "implement": "code", "store": "data-model", "persist": "data-model",
	"cache": "architecture", "migrate": "data-model", "replace": "", "use": "tech-choice", "utilize": "tech-choice",
	"utilise": "tech-choice", "leverage": "tech-choice", "adopt": "tech-choice", "refactor": "code", "expose": "api-shape",
	"move": "", "rename": "code", "deprecate": "api-shape", "define": "", "extend": "code", "modify": "code", "wrap": "code",
	"query": "data-model", "call": "code", "invoke": "code", "emit": "architecture", "publish": "architecture",
	"subscribe": "architecture", "consume": "architecture", "poll": "architecture", "queue": "architecture",
	"enqueue": "architecture", "dequeue": "architecture", "batch": "architecture", "shard": "architecture",
	"replicate": "architecture", "partition": "data-model", "index": "data-model", "serialize": "code",
	"deserialize": "code", "marshal": "code", "unmarshal": "code", "parse": "code", "encode": "code", "decode": "code",
	"encrypt": "architecture", "hash": "code", "spawn": "architecture", "fork": "architecture", "schedule": "architecture",
	"run": "architecture", "deploy": "infra", "install": "infra", "mount": "infra", "configure": "api-shape",
	"set": "code", "register": "code", "inject": "code", "generate": "code", "compute": "code", "aggregate": "data-model",
	"buffer": "architecture", "flush": "architecture", "sync": "architecture", "synchronize": "architecture",
	"write": "data-model", "read": "architecture", "fetch": "architecture", "load": "code", "watch": "architecture",
	"trigger": "architecture", "patch": "api-shape", "log": "code", "record": "data-model", "drop": "architecture",
	"route": "architecture", "redirect": "architecture", "forward": "architecture", "split": "code", "merge": "code", "convert": "code",
	"build": "", "rewrite": "code", "port": "code", "wire": "code", "hook": "code", "listen": "architecture",
	"notify": "architecture", "lock": "architecture", "retry": "architecture", "throttle": "architecture",
	"debounce": "architecture", "evict": "architecture", "invalidate": "architecture", "compress": "architecture",
	"upload": "architecture", "send": "architecture", "return": "api-shape", "accept": "api-shape", "check": "code",
	"look": "code", "update": "data-model", "delete": "data-model", "remove": "", "gather": "architecture",
	"maintain": "architecture", "hold": "data-model", "point": "data-model", "map": "data-model", "join": "data-model",
	"insert": "data-model", "upsert": "data-model", "select": "data-model", "iterate": "code", "default": "api-shape",
	"annotate": "api-shape", "gate": "code", "allocate": "architecture", "instruct": "architecture",
	"assign": "code", "initialize": "code", "instantiate": "code", "override": "code", "pull": "code", "push": "architecture",
	"dispatch": "architecture", "broadcast": "architecture", "handle": "code", "validate": "code", "reconcile": "architecture",
	"embed": "code", "bundle": "infra", "host": "infra", "containerize": "infra", "provision": "infra",
	"scale": "infra", "expire": "architecture", "track": "data-model", "reference": "data-model", "contain": "data-model",
	"encapsulate": "code", "delegate": "code", "mark": "data-model", "tag": "data-model", "represent": "data-model",
	"specify": "api-shape", "derive": "code", "flag": "code", "wrap-up": "", "obsolete": "data-model",
	"sign": "architecture", "verify": "code", "authenticate": "architecture", "proxy": "architecture",
	"offload": "architecture", "precompute": "architecture", "prefetch": "architecture", "memoize": "architecture",
	"ingest": "architecture", "stream": "architecture", "export": "", "import": "", "etl": "architecture",
	"denormalize": "data-model", "normalize": "data-model", "backfill": "data-model", "purge": "data-model",
	"serve": "architecture", "render": "code", "compile": "code", "transpile": "code", "lint": "code",
}

// againVerbs do again or ahead of time what a design verb does ("Rebuild
// the tab as …", "Pre-aggregate metrics into …"): prefixed form -> design
// verb, whose kind they take. "restore", "reset" and "resend" are not
// here: users ask them of a product.
var againVerbs = map[string]string{
	"rebuild": "build", "reimplement": "implement", "re-implement": "implement", "rearchitect": "build",
	"re-architect": "build", "redeploy": "deploy", "reindex": "index", "re-index": "index", "reshard": "shard",
	"repartition": "partition", "rerun": "run", "re-run": "run", "reroute": "route", "rewire": "wire",
	"rehash": "hash", "re-encrypt": "encrypt", "reencrypt": "encrypt", "preaggregate": "aggregate",
	"pre-aggregate": "aggregate", "pre-compute": "precompute", "prerender": "render", "pre-render": "render",
	"pre-fetch": "prefetch", "prepopulate": "backfill", "pre-populate": "backfill",
}

// phrasalSenses: a particle after these design verbs makes a verb of
// another sense ("called out in the notes" is mentioned, "look into" is
// investigate, "ran into limits" is met, "drop off" is leave, "read out the
// results" is announce): design verb
// -> those particles. Particles that keep the design sense ("look up",
// "set up", "call into") are not listed, nor "check out": an opening "Check
// out the template" is an order to the reader, read as "Check" is.
var phrasalSenses = map[string][]string{
	"call": {"out"}, "point": {"out"}, "map": {"out"}, "set": {"out"},
	"hold": {"off"}, "look": {"into", "forward"}, "run": {"into", "out", "short", "low"}, "drop": {"off", "out"},
	"wrap": {"up"}, "push": {"back"}, "track": {"down"}, "read": {"out"},
	// "use cases" are a noun
	"use": {"case", "cases"},
}

// otherSense reports whether the design verb form at toks[i] takes another
// sense from the particle after it (see phrasalSenses).
func otherSense(toks []token, i int) bool {
	if i+1 >= len(toks) || !toks[i].lex.designVerb() || !slices.Contains(phrasalSenses[toks[i].lex.verb], toks[i+1].low) {
		return false
	}
	// "Use CASE expressions in the query", "use case when …": SQL's CASE
	return toks[i].lex.verb != "use" || toks[i+1].raw == toks[i+1].low && !(toks[i+1].low == "case" && i+2 < len(toks) && caseFollowers[toks[i+2].low])
}

// caseFollowers come after SQL's CASE ("CASE WHEN …", "case
// expressions").
var caseFollowers = map[string]bool{"when": true, "expression": true, "expressions": true, "statement": true, "statements": true, "clause": true, "clauses": true}

// Irregular design-verb forms: form -> (base, class).
var irregular = map[string][2]string{
	"written": {"write", "part"}, "wrote": {"write", "part"}, "built": {"build", "part"}, "ran": {"run", "part"},
	"held": {"hold", "part"}, "sent": {"send", "part"}, "read": {"read", "part"}, "set": {"set", "part"},
	"rewritten": {"rewrite", "part"}, "split": {"split", "part"}, "forked": {"fork", "part"},
	"run": {"run", "part"}, "hidden": {"hide", "part"}, "kept": {"keep", "part"}, "put": {"put", "part"},
	"made": {"make", "part"}, "done": {"do", "part"}, "rebuilt": {"build", "part"},
}

// Outcome verbs: imperatives that state a goal rather than a mechanism.
const outcomeVerbs = "increase reduce decrease improve support provide allow enable give simplify help make ensure let offer deliver minimize maximize prevent avoid keep understand measure encourage streamline concentrate focus empower lower raise achieve meet protect guarantee preserve reach discover find see enhance promote grow attract retain drive boost eliminate clarify unify standardize standardise communicate educate inform guide identify determine establish"

type lexEntry struct {
	bits uint64
	verb string // base form for design verbs
}

// designVerb reports whether the entry is a form of a design verb.
func (l lexEntry) designVerb() bool { return l.verb != "" && l.bits&cDesignForms != 0 }

var (
	lexOnce sync.Once
	lexicon map[string]lexEntry
	// britishForms maps each British form of a design verb to the American
	// form ("serialised" to "serialized"), so that both share its cue-word
	// weights; filled with the lexicon.
	britishForms = map[string]string{}
)

// addInflections adds the forms of the verb spelled base as forms of the
// design verb canonical ("serialise" as "serialize") and returns them in a
// fixed order, so that two spellings of one verb line up form by form.
func addInflections(m map[string]lexEntry, base, canonical string) []string {
	var forms []string
	add := func(w string, b uint64) {
		e := m[w]
		e.bits |= b
		if e.verb == "" {
			e.verb = canonical
		}
		m[w] = e
		forms = append(forms, w)
	}
	add(base, cVerbBase)
	stem := base
	last := base[len(base)-1]
	// third person
	switch {
	case strings.HasSuffix(base, "y") && !strings.ContainsRune("aeiou", rune(base[len(base)-2])):
		add(base[:len(base)-1]+"ies", cVerb3)
	case strings.HasSuffix(base, "s") || strings.HasSuffix(base, "sh") || strings.HasSuffix(base, "ch") || strings.HasSuffix(base, "x") || strings.HasSuffix(base, "z"):
		add(base+"es", cVerb3)
	default:
		add(base+"s", cVerb3)
	}
	// past participle and gerund
	switch {
	case last == 'e':
		add(base+"d", cPart)
		stem = base[:len(base)-1]
		add(stem+"ing", cGerund)
	case last == 'y' && !strings.ContainsRune("aeiou", rune(base[len(base)-2])):
		add(base[:len(base)-1]+"ied", cPart)
		add(base+"ing", cGerund)
	default:
		add(base+"ed", cPart)
		add(base+"ing", cGerund)
		// consonant doubling for short verbs (drop -> dropped, map -> mapped)
		if len(base) <= 4 && strings.ContainsRune("aeiou", rune(base[len(base)-2])) && !strings.ContainsRune("aeiouwxy", rune(last)) {
			d := base + string(last)
			add(d+"ed", cPart)
			add(d+"ing", cGerund)
		}
	}
	return forms
}

func buildLexicon() map[string]lexEntry {
	lexOnce.Do(func() { lexicon = makeLexicon() })
	return lexicon
}

func makeLexicon() map[string]lexEntry {
	m := make(map[string]lexEntry, 4096)
	for _, cw := range classWords {
		for _, w := range strings.Fields(cw.words) {
			e := m[w]
			e.bits |= cw.bits
			m[w] = e
		}
	}
	for v := range designVerbs {
		us := addInflections(m, v, v)
		// British spellings: serialise, normalise, analyse
		if uk, ok := britishSpelling(v); ok {
			if _, listed := designVerbs[uk]; !listed {
				for i, f := range addInflections(m, uk, v) {
					britishForms[f] = us[i]
				}
			}
		}
	}
	for f, v := range againVerbs {
		addInflections(m, f, v)
	}
	for f, bc := range irregular {
		e := m[f]
		e.bits |= cPart
		if e.verb == "" {
			e.verb = bc[0]
		}
		m[f] = e
	}
	for _, w := range strings.Fields(outcomeVerbs) {
		e := m[w]
		e.bits |= cOutcome
		m[w] = e
	}
	return m
}

// verbKind returns the kind a design verb points to ("" when undecided).
func verbKind(base string) string { return designVerbs[base] }
