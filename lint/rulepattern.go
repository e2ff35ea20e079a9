package lint

import (
	"path"
	"strings"
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
