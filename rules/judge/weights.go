package judge

import "math"

// What the learner (package training) needs of the judge: sentences as the
// model sees them, a Judge built from weights it trained, and the weights
// written in the model file's format.

// FeatureNames returns the names of the fixed features, in the order of
// Vec.X and Weights.W. The first is "bias", which is 1 for every sentence.
func FeatureNames() []string { return append([]string(nil), featNames...) }

// Vec is a sentence as the model weighs it: the fixed features and the cue
// words.
type Vec struct {
	X     []float64 // the fixed features, in FeatureNames order
	Words []string  // every cue word the sentence offers a model, "^word" for the sentence's first word
}

// Vectors featurises sentences with the default vocabulary, recording every
// cue word a model could learn (not only those the embedded model weighs).
func Vectors(ins []Input) []Vec {
	j := New(Options{})
	j.init()
	j.training = true
	out := make([]Vec, len(ins))
	for i, in := range ins {
		var ex extraction
		j.extract(in, &ex, nil, nil)
		v := Vec{X: make([]float64, nFeat), Words: append([]string(nil), ex.words...)}
		copy(v.X, ex.x[:])
		out[i] = v
	}
	return out
}

// Weights is a trained model: fixed-feature weights and cue-word weights,
// and optionally one-vs-rest kind models (by kind, see Kinds).
type Weights struct {
	W     []float64          // the fixed features' weights, in FeatureNames order
	Words map[string]float64 // the cue words' weights, by Vec.Words entry
	Kinds map[string]Weights // the kind models by kind, or nil
}

// JudgeWith returns a Judge that uses weights w instead of the embedded
// model. Like the model file, it keeps the kind models' weights to four
// decimals.
func JudgeWith(w Weights, opts Options) *Judge {
	var a [nFeat]float64
	copy(a[:], w.W)
	return newWithWeights(opts, a, w.Words, kindModelFrom(kindsMap(w)))
}

// Model returns w as the model file holds it (weights by name, rounded to
// four decimals, zeros left out), with the threshold and notes given.
func (w Weights) Model(threshold float64, notes map[string]any) Model {
	return Model{Version: 1, Weights: weightsMap(w), Kinds: kindsMap(w), Threshold: threshold, Notes: notes}
}

// weightsMap converts weights to the model file's map.
func weightsMap(w Weights) map[string]float64 {
	m := map[string]float64{}
	for i, v := range w.W {
		if v != 0 {
			m[featNames[i]] = math.Round(v*1e4) / 1e4
		}
	}
	for k, v := range w.Words {
		if r := math.Round(v*1e4) / 1e4; r != 0 {
			m["w:"+k] = r
		}
	}
	return m
}

// kindsMap converts kind models to the model file's map.
func kindsMap(w Weights) map[string]map[string]float64 {
	if len(w.Kinds) == 0 {
		return nil
	}
	out := map[string]map[string]float64{}
	for k, kw := range w.Kinds {
		out[k] = weightsMap(kw)
	}
	return out
}
