// Command prdlint-train trains the sentence judge's model from labelled
// sentences (JSON Lines: id, text, label how|what, kind, doc, section) and
// writes it as JSON.
//
//	go run ./cmd/prdlint-train \
//	    -data rules/judge/testdata/train.jsonl,../shared/eval/extra.jsonl,../shared/eval/dev.jsonl \
//	    -eval ../shared/eval/dev.jsonl -out rules/judge/model.json
//
// With -corpus-labels, sentences of a Markdown corpus named by position
// (rules/judge/testdata/corpus-labels.tsv) are read from -corpus and
// added to the data; with -export they are written out as labelled JSON
// Lines instead (make eval-corpus scores them).
//
// Training is deterministic (Newton iterations, sorted dictionaries, folds by
// a hash of the document name). The judge package is internal to rules/, so
// this command runs the package's training entry point (TestTrainCommand)
// through "go test", passing the configuration in the environment.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
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
	threshold := flag.Float64("threshold", 0.525, "How threshold for the reported figures (the judge's DefaultThreshold)")
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
	if len(files) > 0 {
		p, n, err := writeCorpusExamples(files, *corpus)
		if err != nil {
			fmt.Fprintln(os.Stderr, "prdlint-train:", err)
			return 2
		}
		defer os.Remove(p)
		fmt.Printf("%d labelled corpus sentences read from %s\n", n, *corpus)
		data = append(data, p)
	}
	if len(data) == 0 {
		fmt.Fprintln(os.Stderr, "prdlint-train: no -data files")
		return 2
	}
	root, err := moduleRoot()
	if err != nil {
		fmt.Fprintln(os.Stderr, "prdlint-train:", err)
		return 1
	}
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
	env := append(os.Environ(),
		"PRDLINT_TRAIN_DATA="+strings.Join(paths, string(os.PathListSeparator)),
		"PRDLINT_TRAIN_L2="+strconv.FormatFloat(*l2, 'g', -1, 64),
		"PRDLINT_TRAIN_L2W="+strconv.FormatFloat(*l2w, 'g', -1, 64),
		"PRDLINT_TRAIN_MINCOUNT="+strconv.Itoa(*minCount),
		"PRDLINT_TRAIN_FOLDS="+strconv.Itoa(*folds),
		"PRDLINT_TRAIN_THRESHOLD="+strconv.FormatFloat(*threshold, 'g', -1, 64),
		"PRDLINT_TRAIN_SECTIONS="+*sections,
	)
	if *evalSections {
		env = append(env, "PRDLINT_TRAIN_EVAL_SECTIONS=1")
	}
	if *eval != "" {
		env = append(env, "PRDLINT_TRAIN_EVAL="+abs(*eval))
	}
	if *out != "" {
		env = append(env, "PRDLINT_TRAIN_OUT="+abs(*out))
	}
	if *verbose {
		env = append(env, "PRDLINT_TRAIN_VERBOSE=1")
	}
	cmd := exec.Command("go", trainTestArgs()...)
	cmd.Dir = root
	cmd.Env = env
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "prdlint-train:", err)
		return 1
	}
	return 0
}

// trainTestArgs are the go command's arguments that run the training entry
// point. Training with cross-validation takes minutes (over eight on a busy
// two-core machine), so go test's default ten-minute limit is lifted: a
// slow machine must not end a run that is only slow.
func trainTestArgs() []string {
	return []string{"test", "-count=1", "-timeout", "0", "-run", "^TestTrainCommand$", "-v", "./rules/judge/training"}
}

func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}
