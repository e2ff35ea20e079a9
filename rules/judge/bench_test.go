package judge

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

func benchInputs(b *testing.B) []Input {
	ins := trainInputs(b, "testdata/train.jsonl")
	for _, c := range judgeCases {
		ins = append(ins, FromMarkdown(c.md, c.section...))
	}
	// a few headings, fragments and long sentences
	ins = append(ins,
		Input{Text: "Design Details", Heading: true},
		Input{Text: "Non-Goals", Heading: true},
		Input{Text: "p99 < 300 ms"},
		FromMarkdown("Introduce a new kubelet config parameter, `MemorySwap`, which configures how much swap workloads can use on the node, and document the `--fail-swap-on` interaction for operators who run mixed fleets with and without swap enabled across several releases."),
	)
	return ins
}

// BenchmarkJudge measures one Judge call over a few hundred varied sentences.
func BenchmarkJudge(b *testing.B) {
	ins := benchInputs(b)
	j := New(Options{})
	j.Judge(ins[0])
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		j.Judge(ins[i%len(ins)])
	}
}

// BenchmarkLoad measures building the shared state from the embedded files
// (model and vocabulary), i.e. the cold-start cost paid once per process.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		var m Model
		if err := json.Unmarshal(modelJSON, &m); err != nil {
			b.Fatal(err)
		}
		terms := parseVocab(vocabText)
		weightsFrom(m.Weights)
		kindModelFrom(m.Kinds)
		buildVocab(terms, Options{})
	}
}

// BenchmarkJudgeRunawaySentence judges one 230 KB "sentence" of product
// names (a pasted list with no full stop): signals are de-duplicated and
// sorted in n log n, not compared pairwise (a megabyte took 20 s).
func BenchmarkJudgeRunawaySentence(b *testing.B) {
	judgeOne(b, "We will use "+strings.Repeat("Kafka Redis PostgreSQL ", 10000))
}

// BenchmarkJudgeRunawayLocks judges a run-on "sentence" of 10,000 locks
// and doors: what only the whole sentence says (physicalLock) is read
// once, not once a lock.
func BenchmarkJudgeRunawayLocks(b *testing.B) {
	judgeOne(b, "Orders "+strings.Repeat("lock door ", 10000))
}

// BenchmarkJudgeRunawayAgents and BenchmarkJudgeRunawayReleases: the
// sentence-wide readings behind each "agent" and each "Starting with v6"
// are made once a sentence, not once a word (each took seconds on a
// run-on "sentence" of 20,000 when they scanned the sentence per word).
func BenchmarkJudgeRunawayAgents(b *testing.B) {
	judgeOne(b, "The "+strings.Repeat("agent ", 20000))
}

func BenchmarkJudgeRunawayReleases(b *testing.B) {
	judgeOne(b, strings.Repeat("starting with v6 ", 20000))
}

// judgeOne judges one Markdown sentence for as long as the benchmark runs.
func judgeOne(b *testing.B, md string) {
	j := New(Options{})
	in := FromMarkdown(md)
	for b.Loop() {
		j.Judge(in)
	}
}

// trainInputs reads the sentences of a labelled JSON Lines file (the
// format package training loads) as the engine presents them.
func trainInputs(b *testing.B, path string) []Input {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var ins []Input
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var e struct {
			Text    string `json:"text"`
			Section string `json:"section"`
		}
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			b.Fatal(err)
		}
		var sec []string
		if e.Section != "" {
			sec = []string{e.Section}
		}
		ins = append(ins, FromMarkdown(e.Text, sec...))
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	return ins
}
