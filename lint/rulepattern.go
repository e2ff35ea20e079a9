package lint

import (
	"errors"
	"path"
	"strings"
)

// Errors of MatchRules.
var (
	ErrMalformedRulePattern = errors.New("malformed pattern")
	ErrNoRuleMatches        = errors.New("matches no rule")
)

// IsRulePattern reports whether s names rules by pattern ("how-*",
// "structure-?oals") rather than naming one rule ID.
func IsRulePattern(s string) bool { return strings.ContainsAny(s, `*?[\`) }

// ValidRulePattern reports whether a pattern is well formed (path.Match
// syntax).
func ValidRulePattern(pattern string) bool {
	_, err := path.Match(pattern, "")
	return err == nil
}

// MatchRule reports whether pattern, a rule ID or a pattern in path.Match
// syntax, names the rule id. A malformed pattern names no rule.
func MatchRule(pattern, id string) bool {
	if pattern == id {
		return true
	}
	if !IsRulePattern(pattern) {
		return false
	}
	ok, err := path.Match(pattern, id)
	return ok && err == nil
}

// MatchRules returns the rule IDs among known that a pattern matches. A
// pattern that is malformed or matches nothing is an error, as an unknown
// rule ID is.
func MatchRules(pattern string, known []string) ([]string, error) {
	if !ValidRulePattern(pattern) {
		return nil, ErrMalformedRulePattern
	}
	var ids []string
	for _, id := range known {
		if MatchRule(pattern, id) {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil, ErrNoRuleMatches
	}
	return ids, nil
}
