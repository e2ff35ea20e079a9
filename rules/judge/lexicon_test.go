package judge

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAgainVerbs: a verb that redoes a design verb's work is that verb in
// every form, with its kind; the ones users ask of a product are not.
func TestAgainVerbs(t *testing.T) {
	lex := buildLexicon()
	for _, c := range []struct {
		form string
		bits uint64
		verb string
	}{
		{"rebuild", cVerbBase, "build"},
		{"reindexes", cVerb3, "index"},
		{"pre-aggregated", cPart, "aggregate"},
		{"rebuilt", cPart, "build"},
		{"re-encrypting", cGerund, "encrypt"},
	} {
		e, ok := lex[c.form]
		require.True(t, ok, c.form)
		assert.NotZero(t, e.bits&c.bits, "%s: form", c.form)
		assert.Equal(t, c.verb, e.verb, "%s: design verb", c.form)
	}
	for _, w := range []string{"restore", "reset", "resend"} {
		assert.Zero(t, lex[w].bits&(cVerbBase|cVerb3|cPart|cGerund), "%s is asked of a product, not a design verb", w)
	}
}
