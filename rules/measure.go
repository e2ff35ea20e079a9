package rules

import (
	"regexp"
	"strings"
)

// measurableNumber, measurableWords and measurableAmount match a statement that carries a target someone can check:
// a number standing on its own (not the "2" of "v2" or "S3"), a
// percentage, a percentile, a named objective (SLO, SLA, RPO, RTO), "four
// nines", a rate, or a number word with a unit ("within a second").
// Like every pattern in this package it is written in lower case and
// matched against lint.LowerASCII text: case-insensitive matching costs Go's
// regexp engine a case fold per rune, and these run on every sentence.
var (
	measurableNumber = regexp.MustCompile(`(?:^|[\s(~<>≤≥=±$€£:,/])\d|%`)
	measurableWords  = mustWordPattern(`\bp(?:50|75|90|95|99|999)\b|\bpercentile` +
		`|\b(?:slo|sla|sli|rpo|rto)s?\b|\bnines\b` +
		`|\bper (?:second|minute|hour|day|week|month|request|user)\b|\b(?:qps|rps|tps)\b` +
		`|\b(?:zero|no)\s+(?:data loss|downtime)\b` +
		`|\b(?:double|doubles|halve|halves|twice|triple)\b`)
	// measurableAmount is a number word with a unit; units is the cheap
	// test in front of it (its alternatives start with common words).
	measurableAmount = regexp.MustCompile(`\b(?:a|an|one|two|three|four|five|ten|twenty|thirty|fifty|hundred|thousand|million|half)\s+` +
		`(?:milliseconds?|seconds?|minutes?|hours?|days?|weeks?|months?|requests?|users?|times)\b`)
	units = []string{"second", "minute", "hour", "day", "week", "month", "request", "user", "times"}
)

// isMeasurable reports whether text states a checkable target.
func isMeasurable(text string) bool {
	lt, _ := lowered(text, nil)
	return isMeasurableLower(&lt)
}

// isMeasurableLower is isMeasurable on a lowered text.
func isMeasurableLower(t *lowerText) bool {
	low := t.low
	if strings.ContainsAny(low, "0123456789%") && measurableNumber.MatchString(low) {
		return true
	}
	return measurableWords.matchWords(t) || containsAny(low, units) && measurableAmount.MatchString(low)
}
