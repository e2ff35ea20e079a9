package lint

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMatchRule(t *testing.T) {
	tests := []struct {
		pattern, id string
		want        bool
	}{
		{"how-code", "how-code", true},
		{"how-code", "how-infra", false},
		{"how-*", "how-code", true},
		{"how-*", "what-goals-unmeasured", false},
		{"*", "bad-directive", true},
		{"structure-?oals", "structure-goals", true},
		{"how-[ai]*", "how-infra", true},
		{"how-[ai]*", "how-code", false},
		{"how-[", "how-[", true}, // an exact name matches itself
		{"how-[", "how-code", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, MatchRule(tt.pattern, tt.id), "%s ~ %s", tt.pattern, tt.id)
	}
	assert.True(t, IsRulePattern("how-*"))
	assert.False(t, IsRulePattern("how-code"))
	assert.True(t, ValidRulePattern("how-[ai]*"))
	assert.False(t, ValidRulePattern("how-["))
}

func TestMatchRules(t *testing.T) {
	known := []string{"bad-directive", "how-code", "how-infra"}
	ids, err := MatchRules("how-*", known)
	assert.NoError(t, err)
	assert.Equal(t, []string{"how-code", "how-infra"}, ids)
	_, err = MatchRules("spell-*", known)
	assert.ErrorIs(t, err, ErrNoRuleMatches)
	_, err = MatchRules("how-[", known)
	assert.ErrorIs(t, err, ErrMalformedRulePattern)
}
