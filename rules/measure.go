package rules

import "regexp"

// measurable matches a statement that carries a target someone can check:
// a number standing on its own (not the "2" of "v2" or "S3"), a
// percentage, a percentile, a named objective (SLO, SLA, RPO, RTO), "four
// nines", a rate, or a number word with a unit ("within a second").
var measurable = regexp.MustCompile(`(?i)` +
	`(?:^|[\s(~<>≤≥=±$€£:,/])\d` +
	`|%` +
	`|\bp(?:50|75|90|95|99|999)\b|\bpercentile` +
	`|\b(?:slo|sla|sli|rpo|rto)s?\b|\bnines\b` +
	`|\bper (?:second|minute|hour|day|week|month|request|user)\b|\b(?:qps|rps|tps)\b` +
	`|\b(?:a|an|one|two|three|four|five|ten|twenty|thirty|fifty|hundred|thousand|million|half)\s+` +
	`(?:milliseconds?|seconds?|minutes?|hours?|days?|weeks?|months?|requests?|users?|times)\b` +
	`|\b(?:zero|no)\s+(?:data loss|downtime)\b` +
	`|\b(?:double|doubles|halve|halves|twice|triple)\b`)

// isMeasurable reports whether text states a checkable target.
func isMeasurable(text string) bool { return measurable.MatchString(text) }
