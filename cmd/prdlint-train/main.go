// Command prdlint-train trains the sentence judge's model from labelled
// sentences (JSON Lines: id, text, label how|what, kind, doc, section) and
// writes it as JSON.
//
//	go run ./cmd/prdlint-train \
//	    -data rules/judge/testdata/train.jsonl,rules/judge/testdata/written-prds.jsonl,../shared/eval/extra.jsonl,../shared/eval/dev.jsonl \
//	    -eval ../shared/eval/dev.jsonl -out rules/judge/model.json
//
// With -corpus-labels, sentences of a Markdown corpus named by position
// (rules/judge/testdata/corpus-labels.tsv) are read from -corpus and
// added to the data; with -export they are written out as labelled JSON
// Lines instead (make eval-corpus scores them).
//
// Training is deterministic (Newton iterations, sorted dictionaries, folds by
// a hash of the document name); it runs in this process, through package
// rules/judge/training.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/prdlint/prdlint/rules/judge"
	"github.com/prdlint/prdlint/rules/judge/training"
)

type list []string

func (l *list) String() string { return strings.Join(*l, ",") }

func (l *list) Set(s string) error {
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			*l = append(*l, p)
		}
	}
	return nil
}

func main() { os.Exit(run()) }

func run() int {
	var data list
	flag.Var(&data, "data", "labelled JSON Lines files to train on (comma-separated or repeated; extra arguments are added too)")
	eval := flag.String("eval", "", "file to report on: scored by a model trained without it, and by document-grouped cross-validation")
	out := flag.String("out", "", "model file to write (e.g. rules/judge/model.json); empty = report only")
	l2 := flag.Float64("l2", 1, "L2 penalty on the fixed features")
	l2w := flag.Float64("l2w", 4, "L2 penalty on the cue-word features")
	minCount := flag.Int("mincount", 3, "minimum number of training sentences a cue word must occur in")
	folds := flag.Int("folds", 10, "folds for document-grouped cross-validation")
	threshold := flag.Float64("threshold", judge.DefaultThreshold, "How threshold for the reported figures (the judge's DefaultThreshold)")
	verbose := flag.Bool("v", false, "list every error of the held-out run")
	sections := flag.String("sections", "both", "how the heading above each labelled sentence is used in training: keep, drop, or both (with and without)")
	evalSections := flag.Bool("eval-sections", false, "score evaluation sentences with their heading (the scorer presents them without)")
	var corpusLabels list
	flag.Var(&corpusLabels, "corpus-labels", "labels of corpus sentences, by position (see corpus.go), as FILE or FILE=WEIGHT (comma-separated or repeated); the sentences are read from -corpus")
	corpus := flag.String("corpus", "../shared/corpus", "the corpus directory that -corpus-labels refers to")
	corpusWeight := flag.Float64("corpus-weight", 1, "training weight of each -corpus-labels sentence whose file names none (the -data files' sentences weigh 1)")
	export := flag.String("export", "", "write the -corpus-labels sentences as labelled JSON Lines to this file (for the scorer, or as training data with their -corpus-weight) and exit")
	flag.Parse()
	data = append(data, flag.Args()...)
	if *corpusWeight <= 0 {
		fmt.Fprintln(os.Stderr, "prdlint-train: -corpus-weight must be positive")
		return 2
	}
	files, err := weightedFiles(corpusLabels, *corpusWeight)
	if err != nil {
		fmt.Fprintln(os.Stderr, "prdlint-train:", err)
		return 2
	}
	if *export != "" {
		if len(files) == 0 {
			fmt.Fprintln(os.Stderr, "prdlint-train: -export needs -corpus-labels")
			return 2
		}
		n, err := exportCorpusExamples(files, *corpus, *export)
		if err != nil {
			fmt.Fprintln(os.Stderr, "prdlint-train:", err)
			return 2
		}
		fmt.Printf("wrote %d labelled corpus sentences to %s\n", n, *export)
		return 0
	}
	var corpusExs []training.Example
	if len(files) > 0 {
		if corpusExs, err = corpusExamples(files, *corpus); err != nil {
			fmt.Fprintln(os.Stderr, "prdlint-train:", err)
			return 2
		}
		fmt.Printf("%d labelled corpus sentences read from %s\n", len(corpusExs), *corpus)
	}
	if len(data) == 0 && len(corpusExs) == 0 {
		fmt.Fprintln(os.Stderr, "prdlint-train: no -data files")
		return 2
	}
	// Absolute paths: -eval names one of the -data files however each is
	// spelt, and the report names the model file it writes in full.
	abs := func(p string) string {
		a, err := filepath.Abs(p)
		if err != nil {
			return p
		}
		return a
	}
	var paths []string
	for _, p := range data {
		paths = append(paths, abs(p))
	}
	cfg := training.TrainConfig{
		Data:     paths,
		Examples: corpusExs,
		Verbose:  *verbose,
		Train: training.TrainOptions{
			L2:       *l2,
			L2Words:  *l2w,
			MinCount: *minCount,
		},
		Folds:        *folds,
		Threshold:    *threshold,
		Sections:     *sections,
		EvalSections: *evalSections,
	}
	if *eval != "" {
		cfg.Eval = abs(*eval)
	}
	if *out != "" {
		cfg.Out = abs(*out)
	}
	rep, err := training.Train(cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "prdlint-train:", err)
		return 1
	}
	fmt.Print(rep)
	return 0
}
