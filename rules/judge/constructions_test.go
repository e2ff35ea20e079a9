package judge

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestRepresentedAs: a thing given a form after "be" is the design's data
// model; "as" that names no form ("as long as", "as defined in …") and a
// form with no "be" before it are not read.
func TestRepresentedAs(t *testing.T) {
	j := New(Options{})
	j.init()
	read := func(text string) bool { return hasRawSignal(j, text, fVerbMeans, "represented-as") }
	for _, text := range []string{
		`An "environment" is represented as a branch in a git repo.`,
		"T-value is encoded as a hexadecimal string of up to 14 digits.",
		"User interactions are modeled as spans instead of transactions.",
		"The verification steps will be modelled as a workflow, so that a seller can come back later.",
		"Each rule is internally serialized as JSON.",
		"Each rule is serialized internally as JSON.",
		"Swaps are implemented as a state machine with four states.",
	} {
		assert.True(t, read(text), "form: %q", text)
	}
	for _, text := range []string{
		"Field validation must be implemented as defined in the API guidelines.",
		"Records are persisted as long as the law requires.",
		"The check is implemented as described above.",
		"Prices expressed as a percentage confuse buyers.",
		"The `encoded as` option is ignored.",
		"Each name is `serialized` as a token.",
		"The limit is represented by a number.",
		"The report is represented as well as the dashboard.",
	} {
		assert.False(t, read(text), "no form: %q", text)
	}
}
