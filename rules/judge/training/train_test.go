package training

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/prdlint/prdlint/rules/judge"
)

// smallSet writes a few labelled sentences from each named document as
// JSON Lines, to a file of the name given, and returns its path.
func smallSet(t *testing.T, name string, docs ...string) string {
	t.Helper()
	how := []struct{ text, kind string }{
		{"We will use RabbitMQ to deliver the order events.", "tech-choice"},
		{"Carts are stored in a `carts` table keyed by user ID.", "data-model"},
		{"Add a `POST /v1/refunds` endpoint that takes the order ID.", "api-shape"},
		{"The checkout service calls the payment service over gRPC.", "architecture"},
		{"Deploy the worker as a Kubernetes CronJob.", "infra"},
		{"Add a `retryCount` field to the `Job` struct.", "code"},
	}
	what := []struct{ text, kind string }{
		{"Guests can pay without creating an account.", "requirement"},
		{"Checkout abandonment falls from 18% to 9% within a quarter.", "goal"},
		{"Shoppers lose their cart when they switch devices.", "problem"},
		{"As a buyer, I want to see the delivery date before I pay.", "user-story"},
		{"Refunds reach the customer within five working days.", "requirement"},
		{"We do not change how sellers are paid.", "non-goal"},
	}
	var b strings.Builder
	line := func(id, text, label, kind, doc, section string) {
		e := Example{ID: id, Text: text, Label: label, Kind: kind, Doc: doc, Section: section}
		j, err := json.Marshal(e)
		require.NoError(t, err)
		b.Write(j)
		b.WriteByte('\n')
	}
	for _, doc := range docs {
		for i, s := range how {
			line(fmt.Sprintf("%s-how-%d", doc, i), s.text, "how", s.kind, doc, "Design")
		}
		for i, s := range what {
			line(fmt.Sprintf("%s-what-%d", doc, i), s.text, "what", s.kind, doc, "Requirements")
		}
	}
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, []byte(b.String()), 0o644))
	return p
}

// TestTrain runs a whole training configuration in process: held-out and
// cross-validated figures, the final model, and a model file that the
// judge reads back; two runs write the same bytes.
func TestTrain(t *testing.T) {
	train := smallSet(t, "train.jsonl", "a", "b", "c")
	eval := smallSet(t, "eval.jsonl", "d", "e")
	run := func(out string) string {
		rep, err := Train(TrainConfig{
			Data: []string{train, eval}, Eval: eval, Out: out,
			Train:     TrainOptions{L2: 1, L2Words: 4, MinCount: 3},
			Folds:     2,
			Threshold: judge.DefaultThreshold,
		})
		require.NoError(t, err)
		return rep
	}
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
	rep := run(a)
	for _, want := range []string{
		"training sentences without the eval file: 36 (18 how); sections: both in training, eval with sections: false\n",
		"## trained without eval.jsonl, scored on it (threshold 0.53)",
		"## 2-fold cross-validation grouped by document, train+eval.jsonl; figures on eval.jsonl's sentences",
		"same CV, all 60 labelled sentences with a document",
		"## final model (60 sentences, 30 how)",
		"wrote " + a + "\n",
		"\nweights:\n",
	} {
		assert.Contains(t, rep, want)
	}
	run(b)
	ja, err := os.ReadFile(a)
	require.NoError(t, err)
	jb, err := os.ReadFile(b)
	require.NoError(t, err)
	assert.Equal(t, string(ja), string(jb), "training is deterministic")

	var m judge.Model
	require.NoError(t, json.Unmarshal(ja, &m))
	assert.Equal(t, 1, m.Version)
	assert.Equal(t, judge.DefaultThreshold, m.Threshold)
	assert.Contains(t, m.Weights, "bias")
	assert.Len(t, m.Kinds, len(judge.Kinds))
	assert.Equal(t, "both", m.Notes["sections"])
	assert.EqualValues(t, 60, m.Notes["sentences"])
}

// TestTrainSectionsMode: an unknown -sections value is an error, not a
// silent default.
func TestTrainSectionsMode(t *testing.T) {
	_, err := Train(TrainConfig{Data: []string{smallSet(t, "train.jsonl", "a")}, Sections: "sometimes"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `sections "sometimes": want keep, drop or both`)
}

// TestLoadExamplesNamesTheLine: a malformed line is reported by file and
// line number.
func TestLoadExamplesNamesTheLine(t *testing.T) {
	p := filepath.Join(t.TempDir(), "bad.jsonl")
	require.NoError(t, os.WriteFile(p, []byte(`{"id":"a","text":"Users pay once.","label":"what"}`+"\n\n{oops\n"), 0o644))
	_, err := LoadExamples(p)
	require.Error(t, err)
	assert.Contains(t, err.Error(), p+":3:")
}

// TestErrorsListNamesCueWords: the -v listing of an error gives the cue
// words' contributions beside the fixed features', as an error is often
// the words'.
func TestErrorsListNamesCueWords(t *testing.T) {
	ex := Example{Text: "We will use RabbitMQ to deliver the order events.", Label: "what", Kind: "context", Doc: "d"}
	vec := judge.Vectors([]judge.Input{ex.Input()})[0]
	require.NotEmpty(t, vec.Words)
	word := vec.Words[0]
	w := judge.Weights{W: make([]float64, len(featNames)), Words: map[string]float64{word: 1.5}}
	out := errorsList(w, []Example{ex}, []float64{0.9}, nil, 0.5)
	assert.True(t, strings.HasPrefix(out, "FALSE 0.90 what/context"), out)
	assert.Contains(t, out, "word:"+word+"+1.5")

	// A right verdict is not listed.
	assert.Empty(t, errorsList(w, []Example{ex}, []float64{0.1}, nil, 0.5))
}

// TestMetricsStringNamesEveryKind keeps a what sentence labelled without a
// kind visible in the false-alarm line under a name of its own.
func TestMetricsStringNamesEveryKind(t *testing.T) {
	m := Metrics{FalseAlarm: map[string][2]int{"": {1, 4}, "goal": {0, 2}}}
	assert.Contains(t, m.String(), "false alarms: unkinded 1/4 (25%) goal 0/2 (0%)\n")
}

// TestScoreCountsAsReported: the figures count a verdict with nothing to
// point to as the how rules report it, from judge.UnpointedThreshold.
func TestScoreCountsAsReported(t *testing.T) {
	exs := []Example{{Text: "a", Label: "how"}, {Text: "b", Label: "how"}, {Text: "c", Label: "what", Kind: "goal"}}
	how := []float64{0.55, 0.55, 0.55}
	all := Score(exs, how, nil, nil, judge.DefaultThreshold)
	assert.Equal(t, 2, all.TP)
	assert.Equal(t, 1, all.FP)
	gated := Score(exs, how, nil, []bool{true, false, false}, judge.DefaultThreshold)
	assert.Equal(t, 1, gated.TP)
	assert.Equal(t, 1, gated.FN)
	assert.Equal(t, 0, gated.FP)
	assert.Equal(t, [2]int{0, 1}, gated.FalseAlarm["goal"])
	// from UnpointedThreshold up, evidence does not matter
	high := Score(exs, []float64{judge.UnpointedThreshold, 0.9, 0.9}, nil, []bool{false, false, false}, judge.DefaultThreshold)
	assert.Equal(t, 2, high.TP)
	assert.Equal(t, 1, high.FP)
}
