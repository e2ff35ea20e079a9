package rules

import (
	"fmt"
	"strings"

	"github.com/prdlint/prdlint/lint"
)

// exposure matches a sentence saying the product offers an API or data to
// people outside the team's own product: partners, third parties,
// external developers or systems. The first two patterns also need an
// exposing verb (exposureVerb), so "the public API of the client library"
// or "calls external APIs" (consumed, not offered) do not count.
var exposure = []struct {
	re       *wordPattern
	needVerb bool
}{
	// "offer partners a public API", "publish partner-facing webhooks"
	{mustWordPattern(`\b(?:public|partners?'?|partner-facing|developer-facing|customer-facing)\s+(?:[\w-]+\s+){0,2}?(?:apis?|endpoints?|webhooks?|sdks?|data feeds?|feeds?)\b`), true},
	// "expose the balance API to partners", "share order data with third parties"
	{mustWordPattern(`\b(?:apis?|endpoints?|webhooks?|sdks?|data|feeds?|exports?)\b[^.;:]{0,60}?\b(?:to|with)\s+(?:[\w-]+\s+){0,2}?(?:partners?|third[- ]part(?:y|ies)|external (?:users|developers|clients|systems|parties|services|apps|applications)|integrators)\b`), true},
	// "partners can query …"
	{mustWordPattern(`\b(?:partners?|third[- ]part(?:y|ies)|external (?:developers|clients|systems|apps|applications)|integrators)\s+(?:[\w-]+\s+){0,2}?(?:can|could|may|will be able to|must be able to|should be able to)\s+(?:call|query|access|fetch|retrieve|pull|read|integrate|subscribe|consume|download)\b`), false},
}

// exposureSet tests the exposure patterns in one pass over a sentence.
var exposureSet = func() *wordPatternSet {
	var patterns []*wordPattern
	for _, e := range exposure {
		patterns = append(patterns, e.re)
	}
	return newWordPatternSet(patterns...)
}()

// exposureVerb says the product gives something out.
var exposureVerb = mustWordPattern(`\b(?:expos\w*|offer\w*|provid\w*|publish\w*|launch\w*|shar\w*|send\w*|sync\w*|open\w* up|make\w* available|available to|give\w*|let\w*|allow\w*|through|via)\b`)

// negated marks a sentence that rules exposure out.
var negated = mustWordPattern(`\b(?:no|not|never|without|neither|nor)\b|n't\b`)

// exposureSentence returns the first sentence, outside non-goals, that
// says the product exposes an API or data to external users or partners.
func exposureSentence(o *outline) *lint.Sentence {
	found := make([]bool, len(exposure))
	for i, s := range o.sentences {
		if o.in(s, topicNonGoals) {
			continue
		}
		text := &o.lowered[i]
		clear(found)
		exposureSet.matchWords(text, found)
		for k, e := range exposure {
			if found[k] && (!e.needVerb || exposureVerb.matchWords(text)) {
				// Negation is tested last: its short words are in most
				// sentences, and few sentences get this far.
				if negated.matchWords(text) {
					break
				}
				return s
			}
		}
	}
	return nil
}

// StructureExternalAPI reports a PRD that exposes an API or data to
// external users or partners without security or reliability requirements.
func StructureExternalAPI() *lint.Rule {
	return &lint.Rule{
		ID:       "structure-external-api",
		Category: lint.CategoryStructure,
		Severity: lint.SeverityWarning,
		Summary:  "The PRD exposes an API or data to external users or partners but lacks security and/or reliability requirements",
		Label:    "External API",
		Order:    8,
		Doc: `Once partners or external developers call an API or receive data, its
access rules and its availability are promises that are hard to take back.
This rule finds a sentence saying the product offers an API, webhook, SDK,
feed or data to partners, third parties or external developers or systems
("Partners can query balances through a public API", "Order data is shared
with third-party carriers"; outside Non-goals, and not negated; a public
API merely mentioned or an external API consumed does not count), and reports when the PRD addresses
security/privacy, reliability/availability, or both, nowhere. The message
names what is missing and the line that exposes it. It is a warning even
though structure-security and structure-reliability are info: here the gap
is a risk, not a style question.
` + structureDoc,
		Bad:  []string{"Partners can query a shopper's points balance through a public API. (and no word on security or availability)"},
		Good: []string{"Only partners a shopper has linked can read that shopper's balance; the partner API is available 99.9% of each month."},
		Run: func(pass *lint.Pass) {
			if !StructureApplies(pass.Doc) {
				return
			}
			o := outlineOf(pass.Doc)
			if o.covered[topicSecurity] && o.covered[topicReliability] {
				return
			}
			s := exposureSentence(o)
			if s == nil {
				return
			}
			var missing, asks []string
			if !o.covered[topicSecurity] {
				missing = append(missing, "security")
				asks = append(asks, "who may call it and see what (authentication, authorisation, rate limits, which data leaves)")
			}
			if !o.covered[topicReliability] {
				missing = append(missing, "reliability")
				asks = append(asks, "what availability and error budget partners can count on, and what happens when it is down")
			}
			if len(missing) == 0 {
				return
			}
			pass.ReportTitle(lint.Finding{
				Message: fmt.Sprintf("The PRD exposes an API or data to external users or partners (line %d) but states no %s requirements.",
					s.Line, strings.Join(missing, " or ")),
				Hint: "State " + strings.Join(asks, "; and ") + ".",
			})
		},
	}
}
