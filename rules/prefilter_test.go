package rules

import (
	"regexp/syntax"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// perl parses expr as package regexp does.
func perl(t *testing.T, expr string) *syntax.Regexp {
	t.Helper()
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	return re
}

func TestStartsAtWordBoundary(t *testing.T) {
	assert.True(t, startsAtWordBoundary(perl(t, `\b(?:a|b)`)))
	assert.True(t, startsAtWordBoundary(perl(t, `\ba|\bb`)))
	assert.False(t, startsAtWordBoundary(perl(t, `\ba|b`)))
	assert.False(t, startsAtWordBoundary(perl(t, `n't\b`)))
	assert.NotNil(t, topicMentions[topicSecurity].byFirst, "the topic patterns use the word-start test")
}

func TestLeadingLiterals(t *testing.T) {
	assert.Equal(t, []string{"problem", "pain", "cannot"}, leadingLiterals(perl(t, `\b(?:problems?|pain ?points?|cannot)`)))
	assert.Nil(t, leadingLiterals(perl(t, `(?:^|\s)\d|%`)), "an alternative starting with a class has no literal")
	assert.Nil(t, leadingLiterals(perl(t, `(?i)\bslo`)), "case folding is not a literal")
	assert.Equal(t, []string{"p50", "p99"}, leadingLiterals(perl(t, `\bp(?:50|99)\b`)))
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
	patterns = append(patterns, negated, exposureVerb, measurableWords, requirementModal, nonGoalWords)
	for _, e := range exposure {
		patterns = append(patterns, e.re)
	}
	for _, p := range patterns {
		for _, text := range texts {
			lt, _ := lowered(text, nil)
			assert.Equal(t, p.re.MatchString(text), p.MatchString(text), "%s on %q", p.re, text)
			assert.Equal(t, p.re.MatchString(text), p.matchWords(&lt), "%s on %q, word starts", p.re, text)
		}
	}
}

func TestWordPatternSetAgreesWithPatterns(t *testing.T) {
	texts := []string{"", "users cannot find their carts today, which is a problem",
		"the service must stay available; we alert on-call and add tests", "non-goals: security",
		"given a cart when it is saved then it syncs", "okrs and kpis", "testing testability"}
	patterns := append(topicMentions[:], negated, nil, measurableWords)
	set := newWordPatternSet(patterns...)
	for _, text := range texts {
		lt, _ := lowered(text, nil)
		found := make([]bool, len(patterns))
		set.matchWords(&lt, found)
		for k, p := range patterns {
			assert.Equal(t, p != nil && p.re.MatchString(text), found[k], "pattern %d on %q", k, text)
		}
	}
}

func TestAssertsLineStart(t *testing.T) {
	assert.True(t, assertsLineStart(perl(t, `\ba|^b`)))
	assert.True(t, assertsLineStart(perl(t, `\b(?:a|\Ab)`)))
	assert.False(t, assertsLineStart(perl(t, `\b(?:a|b)$`)))
	assert.Nil(t, mustWordPattern(`\b(?:a|^b)`).byFirst, "a pattern asserting a line start is tried on the whole text")
}

func TestLowered(t *testing.T) {
	lt, buf := lowered("Partners' API-v2 é Go", []int32{7})
	assert.Equal(t, "partners' api-v2 é go", lt.low)
	assert.Equal(t, []int32{0, 10, 14, 20}, lt.starts)
	assert.Equal(t, []int32{7, 0, 10, 14, 20}, buf)
}

func TestLoweredAllAgreesWithLowered(t *testing.T) {
	texts := []string{"Partners' API-v2 é Go", "", "ALL CAPS", "already lower", "Mixed_Case 42x"}
	all := loweredAll(texts)
	for i, text := range texts {
		one, _ := lowered(text, nil)
		assert.Equal(t, one.low, all[i].low)
		assert.Equal(t, len(one.starts), len(all[i].starts), "%q", text)
		for k := range one.starts {
			assert.Equal(t, one.starts[k], all[i].starts[k])
		}
	}
}

func TestHeadingTopicsAgreesWithPhraseSearch(t *testing.T) {
	for _, h := range []string{"", "goals", "goals and success metrics", "non goals", "nongoals",
		"key performance indicators kpis", "how we measure success", "out of scope items", "scope",
		"a  b goals", " security ", "trust and safety", "uptime", "xgoals goalsx"} {
		padded := " " + h + " "
		got := headingTopics(h)
		for tp := topic(0); tp < topicCount; tp++ {
			want := false
			for _, p := range topicHeadings[tp] {
				want = want || strings.Contains(padded, " "+p+" ")
			}
			assert.Equal(t, want, got[tp], "%q, topic %d", h, tp)
		}
	}
}

func TestSecondBytes(t *testing.T) {
	var sb secondBytes
	sb.add("secur")
	sb.add("x")
	assert.True(t, sb.mayStart("security"))
	assert.True(t, sb.mayStart("sequel"), "a test on two bytes only")
	assert.False(t, sb.mayStart("should"))
	assert.True(t, sb.mayStart("s"), "one byte is let through when any anchor starts with it")
	assert.True(t, sb.mayStart("xylophone"), "a one-byte anchor lets every word through")
	assert.True(t, sb.mayStart("x"))
	assert.False(t, sb.mayStart("q"))
}

// TestTopicPatternsUseThePrefilter: every topic pattern keeps the word-start
// prefilter; a pattern that loses it (an alternative opening with an
// optional word, say) runs its regular expression at every word of every
// sentence.
func TestTopicPatternsUseThePrefilter(t *testing.T) {
	for i, p := range topicMentions {
		if p != nil {
			assert.NotNil(t, p.byFirst, "topic %d", i)
		}
	}
}
