package punkt

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/data"
)

// The compiled tables must stay equal to the model the library ships; after
// a library upgrade this fails until go generate is run.
func TestEnglishMatchesLibraryModel(t *testing.T) {
	b, err := data.Asset("data/english.json")
	require.NoError(t, err)
	want, err := sentences.LoadTraining(b)
	require.NoError(t, err)
	assert.Equal(t, want, English())
}

// Callers add abbreviations to their copy; that must not leak into the next.
func TestEnglishReturnsFreshCopies(t *testing.T) {
	a := English()
	a.AbbrevTypes.Add("zzz")
	assert.False(t, English().AbbrevTypes.Has("zzz"))
}

func BenchmarkEnglish(b *testing.B) {
	for b.Loop() {
		English()
	}
}

func BenchmarkLoadTrainingJSON(b *testing.B) {
	for b.Loop() {
		raw, err := data.Asset("data/english.json")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := sentences.LoadTraining(raw); err != nil {
			b.Fatal(err)
		}
	}
}
