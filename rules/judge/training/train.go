// Package training fits the sentence judge's model (package judge) to
// labelled sentences and measures it: logistic regression by Newton
// iterations, document-grouped cross-validation and the report that
// cmd/prdlint-train prints. The judge itself holds no learner, so none of
// this is linked into prdlint.
package training

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/prdlint/prdlint/rules/judge"
)

// featNames are the judge's fixed features; the first, the bias, is not
// penalised.
var (
	featNames = judge.FeatureNames()
	nFeat     = len(featNames)
)

// Example is one labelled sentence (the JSON Lines format of the evaluation
// and training files).
type Example struct {
	ID    string `json:"id"`    // unique within its file, for reports
	Text  string `json:"text"`  // the sentence, inline Markdown
	Label string `json:"label"` // "how" or "what"
	// Kind is the kind of implementation detail of a how sentence (one
	// of judge.Kinds) or the part of a PRD a what sentence is (goal,
	// requirement, context …), by which Metrics counts false alarms.
	Kind string `json:"kind"`
	// Doc names the document the sentence comes from: cross-validation
	// keeps a document's sentences in one fold ("" always trains).
	Doc     string `json:"doc"`
	Section string `json:"section"` // the heading above the sentence, if any
	// Weight scales the example's say in training (0 means 1).
	Weight float64 `json:"weight,omitempty"`
}

// Input returns the example as the engine would present it.
func (e Example) Input() judge.Input {
	var sec []string
	if e.Section != "" {
		sec = []string{e.Section}
	}
	return judge.FromMarkdown(e.Text, sec...)
}

// IsHow reports whether the example is labelled "how".
func (e Example) IsHow() bool { return e.Label == "how" }

// LoadExamples reads a JSON Lines file of examples.
func LoadExamples(path string) ([]Example, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Example
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" {
			continue
		}
		var e Example
		if err := json.Unmarshal([]byte(s), &e); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, line, err)
		}
		out = append(out, e)
	}
	return out, sc.Err()
}

// Metrics summarises a run over labelled examples.
type Metrics struct {
	// TP, FP, FN and TN count the how sentences reported and missed and
	// the what sentences reported and left alone.
	TP, FP, FN, TN int
	Precision      float64 // TP / (TP + FP)
	Recall         float64 // TP / (TP + FN)
	F1             float64 // the harmonic mean of Precision and Recall
	// FalseAlarm maps each "what" kind to [false alarms, sentences].
	FalseAlarm map[string][2]int
	// KindAccuracy is the share of true positives whose Kind matches the label.
	KindAccuracy float64
}

// Score returns the metrics of predictions (How values) against examples,
// each counted as the how rules report it (judge.ReportedAt): pointed
// says which verdicts have evidence to point to (nil: all of them).
func Score(exs []Example, how []float64, kinds []string, pointed []bool, threshold float64) Metrics {
	m := Metrics{FalseAlarm: map[string][2]int{}}
	kindOK := 0
	for i, e := range exs {
		pred := judge.ReportedAt(how[i], pointed == nil || pointed[i], threshold)
		switch {
		case e.IsHow() && pred:
			m.TP++
			if kinds != nil && kinds[i] == e.Kind {
				kindOK++
			}
		case e.IsHow():
			m.FN++
		case pred:
			m.FP++
		default:
			m.TN++
		}
		if !e.IsHow() {
			fa := m.FalseAlarm[e.Kind]
			fa[1]++
			if pred {
				fa[0]++
			}
			m.FalseAlarm[e.Kind] = fa
		}
	}
	if m.TP+m.FP > 0 {
		m.Precision = float64(m.TP) / float64(m.TP+m.FP)
	}
	if m.TP+m.FN > 0 {
		m.Recall = float64(m.TP) / float64(m.TP+m.FN)
	}
	if m.Precision+m.Recall > 0 {
		m.F1 = 2 * m.Precision * m.Recall / (m.Precision + m.Recall)
	}
	if m.TP > 0 {
		m.KindAccuracy = float64(kindOK) / float64(m.TP)
	}
	return m
}

// String formats the metrics on a few lines.
func (m Metrics) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "precision %.3f  recall %.3f  F1 %.3f  (tp %d fp %d fn %d tn %d)  kind accuracy %.2f\n",
		m.Precision, m.Recall, m.F1, m.TP, m.FP, m.FN, m.TN, m.KindAccuracy)
	keys := make([]string, 0, len(m.FalseAlarm))
	for k := range m.FalseAlarm {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	b.WriteString("false alarms:")
	for _, k := range keys {
		fa := m.FalseAlarm[k]
		name := k
		if name == "" {
			name = "unkinded" // what sentences labelled without a kind
		}
		fmt.Fprintf(&b, " %s %d/%d (%.0f%%)", name, fa[0], fa[1], 100*float64(fa[0])/float64(fa[1]))
	}
	b.WriteString("\n")
	return b.String()
}

// vec is a featurised example: its sentence as the judge sees it (the fixed
// features and the cue words) and its weight in training.
type vec struct {
	judge.Vec
	Weight float64 // the example's weight in training (0 means 1)
}

// vectors featurises examples with the default vocabulary.
func vectors(exs []Example) []vec {
	ins := make([]judge.Input, len(exs))
	for i, e := range exs {
		ins[i] = e.Input()
	}
	out := make([]vec, len(exs))
	for i, v := range judge.Vectors(ins) {
		out[i] = vec{Vec: v, Weight: exs[i].Weight}
	}
	return out
}

// trainKinds fits one-vs-rest kind models on the "how" examples.
func trainKinds(vs []vec, exs []Example, o TrainOptions) map[string]judge.Weights {
	var hv []vec
	var hk []string
	for i, e := range exs {
		if e.IsHow() && slices.Contains(judge.Kinds, e.Kind) {
			hv = append(hv, vs[i])
			hk = append(hk, e.Kind)
		}
	}
	out := map[string]judge.Weights{}
	for _, k := range judge.Kinds {
		ys := make([]bool, len(hk))
		for i := range hk {
			ys[i] = hk[i] == k
		}
		ko := o
		ko.L2 *= kindRegScale
		ko.L2Words *= kindRegScale
		out[k] = trainLR(hv, ys, ko)
	}
	return out
}

// TrainOptions are the settings of the logistic regressions a training run
// fits (the how model and the kind models): how hard weights are pulled to
// zero, and which cue words are learned at all.
type TrainOptions struct {
	L2       float64 // penalty on fixed features
	L2Words  float64 // penalty on cue-word features
	MinCount int     // a cue word must occur in at least this many training sentences
	NoWords  bool    // train fixed features only
}

// trainLR fits L2-regularised logistic regression by Newton iterations
// (deterministic: the word dictionary is sorted). The bias is not penalised.
func trainLR(vs []vec, ys []bool, o TrainOptions) judge.Weights {
	df := map[string]int{}
	if !o.NoWords {
		for _, v := range vs {
			seen := map[string]bool{}
			for _, w := range v.Words {
				if !seen[w] {
					seen[w] = true
					df[w]++
				}
			}
		}
	}
	var words []string
	for w, c := range df {
		if c >= o.MinCount {
			words = append(words, w)
		}
	}
	sort.Strings(words)
	widx := map[string]int{}
	for i, w := range words {
		widx[w] = nFeat + i
	}
	d := nFeat + len(words)
	type sp struct {
		idx []int
		val []float64
	}
	rows := make([]sp, len(vs))
	for i, v := range vs {
		var r sp
		for k, x := range v.X {
			if x != 0 {
				r.idx = append(r.idx, k)
				r.val = append(r.val, x)
			}
		}
		cnt := map[int]float64{}
		for _, w := range v.Words {
			if k, ok := widx[w]; ok {
				cnt[k]++
			}
		}
		ks := make([]int, 0, len(cnt))
		for k := range cnt {
			ks = append(ks, k)
		}
		sort.Ints(ks)
		for _, k := range ks {
			r.idx = append(r.idx, k)
			r.val = append(r.val, cnt[k])
		}
		rows[i] = r
	}
	pen := make([]float64, d)
	for k := 1; k < d; k++ {
		if k < nFeat {
			pen[k] = o.L2
		} else {
			pen[k] = o.L2Words
		}
	}
	w := make([]float64, d)
	for iter := 0; iter < 30; iter++ {
		g := make([]float64, d)
		h := make([][]float64, d)
		for i := range h {
			h[i] = make([]float64, d)
		}
		for i, r := range rows {
			z := 0.0
			for a, k := range r.idx {
				z += w[k] * r.val[a]
			}
			p := sigmoid(z)
			y := 0.0
			if ys[i] {
				y = 1
			}
			res, s := p-y, p*(1-p)
			if wt := vs[i].Weight; wt != 0 {
				res, s = wt*res, wt*s
			}
			for a, ka := range r.idx {
				va := r.val[a]
				g[ka] += res * va
				for b, kb := range r.idx {
					h[ka][kb] += s * va * r.val[b]
				}
			}
		}
		for k := 0; k < d; k++ {
			g[k] += pen[k] * w[k]
			h[k][k] += pen[k] + 1e-6
		}
		step := solve(h, g)
		maxStep := 0.0
		for k := range w {
			w[k] -= step[k]
			maxStep = math.Max(maxStep, math.Abs(step[k]))
		}
		if maxStep < 1e-6 {
			break
		}
	}
	out := judge.Weights{W: w[:nFeat], Words: map[string]float64{}}
	for i, word := range words {
		if v := w[nFeat+i]; math.Abs(v) >= 1e-3 {
			out.Words[word] = v
		}
	}
	return out
}

// solve solves A x = b by Gaussian elimination with partial pivoting.
func solve(a [][]float64, b []float64) []float64 {
	n := len(b)
	m := make([][]float64, n)
	for i := range m {
		m[i] = append(append([]float64(nil), a[i]...), b[i])
	}
	for c := 0; c < n; c++ {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(m[r][c]) > math.Abs(m[p][c]) {
				p = r
			}
		}
		m[c], m[p] = m[p], m[c]
		if math.Abs(m[c][c]) < 1e-12 {
			continue
		}
		for r := c + 1; r < n; r++ {
			f := m[r][c] / m[c][c]
			if f == 0 {
				continue
			}
			for k := c; k <= n; k++ {
				m[r][k] -= f * m[c][k]
			}
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		if math.Abs(m[r][r]) < 1e-12 {
			continue
		}
		s := m[r][n]
		for k := r + 1; k < n; k++ {
			s -= m[r][k] * x[k]
		}
		x[r] = s / m[r][r]
	}
	return x
}

// kindRegScale multiplies the penalties for the kind models (fewer examples).
var kindRegScale = 4.0

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }
