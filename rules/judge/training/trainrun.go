package training

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"sort"
	"strings"

	"github.com/prdlint/prdlint/rules/judge"
)

// TrainConfig drives a training run (see cmd/prdlint-train).
type TrainConfig struct {
	Data []string // JSON Lines files to train the final model on
	// Examples are more examples to train on, after Data's (the corpus
	// sentences labelled by position, read by the caller).
	Examples []Example
	// Eval optionally names one of Data (or another file) to report on: a model
	// trained on Data without it is scored on it, and document-grouped
	// cross-validation over Data ∪ Eval is scored on its sentences.
	Eval      string
	Train     TrainOptions
	Folds     int     // folds for document-grouped cross-validation
	Threshold float64 // threshold for reported figures
	Out       string  // model file to write ("" = do not write)
	Verbose   bool    // print each error of the held-out run
	// Sections says how the heading above each labelled sentence is used in
	// training: SectionsKeep (as labelled), SectionsDrop (never) or
	// SectionsBoth (each sentence with a heading is learned with and without
	// it; the default). Sentences in a real PRD carry their heading, but a sentence pasted
	// on its own (the scorer's one-paragraph-per-sentence file, an editor
	// buffer with no headings) does not; a model that leans on headings it
	// was trained with misjudges those.
	Sections string
	// EvalSections scores the evaluation sentences with their heading; by
	// default they are scored without one, the way the scorer presents them.
	EvalSections bool
}

// Values of TrainConfig.Sections.
const (
	SectionsKeep = "keep"
	SectionsDrop = "drop"
	SectionsBoth = "both"
)

// forTraining applies the Sections mode to labelled sentences.
func (cfg TrainConfig) forTraining(exs []Example) []Example {
	switch cfg.Sections {
	case SectionsDrop:
		return withoutSections(exs)
	case SectionsBoth:
		out := append([]Example(nil), exs...)
		for _, e := range exs {
			if e.Section != "" {
				e.Section = ""
				out = append(out, e)
			}
		}
		return out
	}
	return exs
}

// forEval presents evaluation sentences the way they are scored.
func (cfg TrainConfig) forEval(exs []Example) []Example {
	if cfg.EvalSections {
		return exs
	}
	return withoutSections(exs)
}

func withoutSections(exs []Example) []Example {
	out := make([]Example, len(exs))
	for i, e := range exs {
		e.Section = ""
		out[i] = e
	}
	return out
}

// CorpusDocPrefix starts the Doc of a sentence labelled in the corpus by
// position (cmd/prdlint-train -corpus-labels).
const CorpusDocPrefix = "corpus:"

func loadAll(paths []string) ([]Example, error) {
	var out []Example
	for _, p := range paths {
		exs, err := LoadExamples(p)
		if err != nil {
			return nil, err
		}
		out = append(out, exs...)
	}
	return out, nil
}

func labels(exs []Example) []bool {
	ys := make([]bool, len(exs))
	for i, e := range exs {
		ys[i] = e.IsHow()
	}
	return ys
}

func foldOf(doc string, k int) int {
	h := fnv.New32a()
	h.Write([]byte(doc))
	return int(h.Sum32() % uint32(k))
}

// Train runs a training configuration and returns a human-readable report.
func Train(cfg TrainConfig) (string, error) {
	if cfg.Folds == 0 {
		cfg.Folds = 10
	}
	switch cfg.Sections {
	case "":
		cfg.Sections = SectionsBoth
	case SectionsKeep, SectionsDrop, SectionsBoth:
	default:
		return "", fmt.Errorf("sections %q: want %s, %s or %s", cfg.Sections, SectionsKeep, SectionsDrop, SectionsBoth)
	}
	var rep strings.Builder
	var trainPaths []string
	for _, p := range cfg.Data {
		if cfg.Eval == "" || !samePath(p, cfg.Eval) {
			trainPaths = append(trainPaths, p)
		}
	}
	finalWithEval := len(trainPaths) < len(cfg.Data)
	train, err := loadAll(trainPaths)
	if err != nil {
		return "", err
	}
	train = append(train, cfg.Examples...)
	fmt.Fprintf(&rep, "training sentences without the eval file: %d (%d how); sections: %s in training, eval with sections: %v\n",
		len(train), count(labels(train)), cfg.Sections, cfg.EvalSections)
	var eval []Example
	if cfg.Eval != "" {
		if eval, err = LoadExamples(cfg.Eval); err != nil {
			return "", err
		}
		// 1. trained without the eval file, scored on it
		tr := cfg.forTraining(train)
		xt := vectors(tr)
		w := trainLR(xt, labels(tr), cfg.Train)
		w.Kinds = trainKinds(xt, tr, cfg.Train)
		evalIn := cfg.forEval(eval)
		how, kinds, pointed := predictAll(w, evalIn)
		m := Score(eval, how, kinds, pointed, cfg.Threshold)
		fmt.Fprintf(&rep, "\n## trained without %s, scored on it (threshold %.2f)\n%s", baseName(cfg.Eval), cfg.Threshold, m)
		rep.WriteString(sweep(eval, how, pointed))
		if cfg.Verbose {
			rep.WriteString(errorsList(w, evalIn, how, pointed, cfg.Threshold))
		}
		// 2. document-grouped k-fold CV over eval ∪ data (sentences without a doc always train)
		all := append(append([]Example(nil), train...), eval...)
		allIn := cfg.forEval(all)
		oof := make([]float64, len(all))
		oofKind := make([]string, len(all))
		oofPointed := make([]bool, len(all))
		for f := 0; f < cfg.Folds; f++ {
			var fe []Example
			for _, e := range all {
				if e.Doc == "" || foldOf(e.Doc, cfg.Folds) != f {
					fe = append(fe, e)
				}
			}
			fe = cfg.forTraining(fe)
			xs := vectors(fe)
			wf := trainLR(xs, labels(fe), cfg.Train)
			wf.Kinds = trainKinds(xs, fe, cfg.Train)
			jf := judge.JudgeWith(wf, judge.Options{})
			for i, e := range allIn {
				if e.Doc != "" && foldOf(e.Doc, cfg.Folds) == f {
					in := e.Input()
					v := jf.Judge(in)
					oof[i], oofKind[i], oofPointed[i] = v.How, v.Kind, v.Pointed(in.Text)
				}
			}
		}
		n0 := len(train)
		me := Score(eval, oof[n0:], oofKind[n0:], oofPointed[n0:], cfg.Threshold)
		fmt.Fprintf(&rep, "\n## %d-fold cross-validation grouped by document, train+%s; figures on %s's sentences\n%s",
			cfg.Folds, baseName(cfg.Eval), baseName(cfg.Eval), me)
		rep.WriteString(sweep(eval, oof[n0:], oofPointed[n0:]))
		if cfg.Verbose {
			for i, e := range eval {
				p := oof[n0+i]
				reported := judge.ReportedAt(p, oofPointed[n0+i], cfg.Threshold)
				switch {
				case !e.IsHow() && reported:
					fmt.Fprintf(&rep, "CV FALSE %.2f %s [%s] %s\n", p, e.Kind, e.Section, e.Text)
				case e.IsHow() && !reported:
					fmt.Fprintf(&rep, "CV MISS %.2f %s [%s] %s\n", p, e.Kind, e.Section, e.Text)
				}
			}
		}
		// Sentences of the corpus labels (read by position, see
		// cmd/prdlint-train) are reported apart from the annotated files.
		scoreIf := func(keep func(Example) bool) (Metrics, int) {
			var exs []Example
			var how []float64
			var kinds []string
			var pointed []bool
			for i, e := range all {
				if keep(e) {
					exs, how, kinds, pointed = append(exs, e), append(how, oof[i]), append(kinds, oofKind[i]), append(pointed, oofPointed[i])
				}
			}
			return Score(exs, how, kinds, pointed, cfg.Threshold), len(exs)
		}
		isCorpus := func(e Example) bool { return strings.HasPrefix(e.Doc, CorpusDocPrefix) }
		ma, n := scoreIf(func(e Example) bool { return e.Doc != "" && !isCorpus(e) })
		fmt.Fprintf(&rep, "same CV, all %d labelled sentences with a document (corpus labels apart):\n%s", n, ma)
		if mc, n := scoreIf(isCorpus); n > 0 {
			fmt.Fprintf(&rep, "same CV, the %d corpus-labelled sentences:\n%s", n, mc)
		}
		if finalWithEval {
			train = all
		}
	}
	tr := cfg.forTraining(train)
	xt := vectors(tr)
	yt := labels(tr)
	w := trainLR(xt, yt, cfg.Train)
	w.Kinds = trainKinds(xt, tr, cfg.Train)
	how, kinds, pointed := predictAll(w, cfg.forEval(train))
	fmt.Fprintf(&rep, "\n## final model (%d sentences, %d how) on its own training data (optimistic)\n%s", len(train), count(labels(train)), Score(train, how, kinds, pointed, cfg.Threshold))
	if cfg.Out != "" {
		m := w.Model(cfg.Threshold, map[string]any{
			"l2": cfg.Train.L2, "l2_words": cfg.Train.L2Words, "min_count": cfg.Train.MinCount, "sentences": len(train), "how": count(labels(train)),
			"sections": cfg.Sections,
		})
		b, err := json.MarshalIndent(m, "", " ")
		if err != nil {
			return "", err
		}
		if err := os.WriteFile(cfg.Out, append(b, '\n'), 0o644); err != nil {
			return "", err
		}
		fmt.Fprintf(&rep, "wrote %s\n", cfg.Out)
	}
	rep.WriteString("\nweights:\n")
	type kv struct {
		k string
		v float64
	}
	var ws []kv
	for i, v := range w.W {
		ws = append(ws, kv{featNames[i], v})
	}
	for k, v := range w.Words {
		ws = append(ws, kv{"w:" + k, v})
	}
	sort.Slice(ws, func(a, b int) bool { return ws[a].k < ws[b].k })
	sort.SliceStable(ws, func(a, b int) bool { return ws[a].v > ws[b].v })
	for _, p := range ws {
		fmt.Fprintf(&rep, "  %-22s %+.2f\n", p.k, p.v)
	}
	return rep.String(), nil
}

// predictAll judges exs with w: each How, kind, and whether the verdict
// has evidence to point to (judge.Verdict.Pointed).
func predictAll(w judge.Weights, exs []Example) ([]float64, []string, []bool) {
	j := judge.JudgeWith(w, judge.Options{})
	how := make([]float64, len(exs))
	kinds := make([]string, len(exs))
	pointed := make([]bool, len(exs))
	for i, e := range exs {
		in := e.Input()
		v := j.Judge(in)
		how[i], kinds[i], pointed[i] = v.How, v.Kind, v.Pointed(in.Text)
	}
	return how, kinds, pointed
}

func sweep(exs []Example, how []float64, pointed []bool) string {
	var b strings.Builder
	b.WriteString("threshold sweep:")
	for _, t := range []float64{0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7} {
		m := Score(exs, how, nil, pointed, t)
		fmt.Fprintf(&b, "  %.2f: P %.2f R %.2f F1 %.2f", t, m.Precision, m.Recall, m.F1)
	}
	b.WriteString("\n")
	return b.String()
}

// errorsList lists the misses and false alarms among exs at threshold t
// (judge.ReportedAt, pointed nil meaning all pointed), each with the fixed
// features that weighed in, strongest first.
func errorsList(w judge.Weights, exs []Example, how []float64, pointed []bool, t float64) string {
	reported := func(i int) bool { return judge.ReportedAt(how[i], pointed == nil || pointed[i], t) }
	var b strings.Builder
	var wrong []int
	var ins []judge.Input
	for i, e := range exs {
		if reported(i) != e.IsHow() {
			wrong = append(wrong, i)
			ins = append(ins, e.Input())
		}
	}
	// one featurising Judge for all of them
	vecs := judge.Vectors(ins)
	for j, i := range wrong {
		e := exs[i]
		tag := "MISS"
		if reported(i) {
			tag = "FALSE"
		}
		vec := vecs[j]
		type c struct {
			n string
			v float64
		}
		var cs []c
		for k, v := range vec.X {
			if v != 0 && k != 0 { // not the bias
				cs = append(cs, c{featNames[k], v * w.W[k]})
			}
		}
		// The cue words count too: an error is often theirs.
		for _, word := range vec.Words {
			if v := w.Words[word]; v != 0 {
				cs = append(cs, c{"word:" + word, v})
			}
		}
		sort.Slice(cs, func(a, b int) bool { return abs(cs[a].v) > abs(cs[b].v) })
		var names []string
		for _, x := range cs {
			names = append(names, fmt.Sprintf("%s%+.1f", x.n, x.v))
		}
		fmt.Fprintf(&b, "%s %.2f %s/%s [%s] %s | %s\n", tag, how[i], e.Label, e.Kind, e.Section, e.Text, strings.Join(names, " "))
	}
	return b.String()
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

func count(ys []bool) int {
	n := 0
	for _, y := range ys {
		if y {
			n++
		}
	}
	return n
}

func baseName(p string) string {
	if i := strings.LastIndexAny(p, "/\\"); i >= 0 {
		return p[i+1:]
	}
	return p
}

func samePath(a, b string) bool {
	return strings.TrimPrefix(a, "./") == strings.TrimPrefix(b, "./")
}
