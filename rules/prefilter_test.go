package rules

import (
	"regexp/syntax"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestStartsAtWordBoundary(t *testing.T) {
	assert.True(t, startsAtWordBoundary(syntax.Perl, `\b(?:a|b)`))
	assert.True(t, startsAtWordBoundary(syntax.Perl, `\ba|\bb`))
	assert.False(t, startsAtWordBoundary(syntax.Perl, `\ba|b`))
	assert.False(t, startsAtWordBoundary(syntax.Perl, `n't\b`))
	assert.NotNil(t, topicMentions[topicSecurity].byFirst, "the topic patterns use the word-start test")
}

func TestLeadingLiterals(t *testing.T) {
	assert.Equal(t, []string{"problem", "pain", "cannot"}, leadingLiterals(`\b(?:problems?|pain ?points?|cannot)`))
	assert.Nil(t, leadingLiterals(`(?:^|\s)\d|%`), "an alternative starting with a class has no literal")
	assert.Nil(t, leadingLiterals(`(?i)\bslo`), "case folding is not a literal")
	assert.Equal(t, []string{"p50", "p99"}, leadingLiterals(`\bp(?:50|99)\b`))
}

// TestWordPatternAgreesWithRegexp checks the prefilter never changes an
// answer: every pattern it guards matches exactly as the plain regexp.
func TestWordPatternAgreesWithRegexp(t *testing.T) {
	texts := []string{
		"", "users cannot find their carts today, which is a problem",
		"the service must stay available during deploys (99.95% uptime)",
		"we will measure conversion rate and nps", "partners can query the public api",
		"no data is shared", "given a cart when it is saved then it syncs",
		"tbd", "p99 latency below 300 ms", "an unrelated sentence about colour themes",
		"nonsecure unproblematic xgoals", "it isn't shared", "double-check: partners' data",
	}
	var patterns []*wordPattern
	for _, p := range topicMentions {
		if p != nil {
			patterns = append(patterns, p)
		}
	}
	patterns = append(patterns, negated, exposureVerb, measurableWords)
	for _, e := range exposure {
		patterns = append(patterns, e.re)
	}
	for _, p := range patterns {
		for _, text := range texts {
			assert.Equal(t, p.re.MatchString(text), p.MatchString(text), "%s on %q", p.re, text)
		}
	}
}
