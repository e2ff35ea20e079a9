package training

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/prdlint/prdlint/rules/judge"
)

// TestTrainCommand runs a training configuration passed through the
// environment by cmd/prdlint-train. It is skipped in ordinary test runs.
func TestTrainCommand(t *testing.T) {
	data := os.Getenv("PRDLINT_TRAIN_DATA")
	if data == "" {
		t.Skip("PRDLINT_TRAIN_DATA not set (run cmd/prdlint-train)")
	}
	cfg := TrainConfig{
		Data:    strings.Split(data, string(os.PathListSeparator)),
		Eval:    os.Getenv("PRDLINT_TRAIN_EVAL"),
		Out:     os.Getenv("PRDLINT_TRAIN_OUT"),
		Verbose: os.Getenv("PRDLINT_TRAIN_VERBOSE") == "1",
		Train: TrainOptions{
			L2:       envFloat("PRDLINT_TRAIN_L2", 1),
			L2Words:  envFloat("PRDLINT_TRAIN_L2W", 4),
			MinCount: int(envFloat("PRDLINT_TRAIN_MINCOUNT", 3)),
			NoWords:  os.Getenv("PRDLINT_TRAIN_NOWORDS") == "1",
		},
		Folds:        int(envFloat("PRDLINT_TRAIN_FOLDS", 10)),
		Threshold:    envFloat("PRDLINT_TRAIN_THRESHOLD", judge.DefaultThreshold),
		Sections:     os.Getenv("PRDLINT_TRAIN_SECTIONS"),
		EvalSections: os.Getenv("PRDLINT_TRAIN_EVAL_SECTIONS") == "1",
	}
	rep, err := Train(cfg)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Print(rep)
}

func envFloat(k string, def float64) float64 {
	if v, err := strconv.ParseFloat(os.Getenv(k), 64); err == nil {
		return v
	}
	return def
}

// TestTrainingThresholdIsTheJudges: cmd/prdlint-train cannot import this
// internal package, so its -threshold default and the Makefile's
// TRAIN_THRESHOLD repeat DefaultThreshold; this keeps the copies equal, so
// the figures training reports are the figures the rules give.
func TestTrainingThresholdIsTheJudges(t *testing.T) {
	want := strconv.FormatFloat(judge.DefaultThreshold, 'g', -1, 64)
	main, err := os.ReadFile("../../../cmd/prdlint-train/main.go")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(main), `flag.Float64("threshold", `+want+`,`) {
		t.Errorf("cmd/prdlint-train/main.go: the -threshold default is not %s", want)
	}
	mk, err := os.ReadFile("../../../Makefile")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(mk), "TRAIN_THRESHOLD ?= "+want+"\n") {
		t.Errorf("Makefile: TRAIN_THRESHOLD is not %s", want)
	}
}
