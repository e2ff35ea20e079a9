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
