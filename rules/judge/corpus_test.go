package judge

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestCorpusSpeed times Judge over every sentence of a Markdown corpus named
// by PRDLINT_CORPUS (a directory). Sentences are split naively (prose lines,
// ". " boundaries); only the Judge calls are timed. Skipped when unset.
func TestCorpusSpeed(t *testing.T) {
	dir := os.Getenv("PRDLINT_CORPUS")
	if dir == "" {
		t.Skip("PRDLINT_CORPUS not set")
	}
	var ins []Input
	bytes := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		bytes += len(b)
		inFence := false
		var section []string
		for _, line := range strings.Split(string(b), "\n") {
			l := strings.TrimSpace(line)
			if strings.HasPrefix(l, "```") {
				inFence = !inFence
				continue
			}
			if inFence || l == "" || strings.HasPrefix(l, "|") || strings.HasPrefix(l, "<") {
				continue
			}
			if strings.HasPrefix(l, "#") {
				h := strings.TrimSpace(strings.TrimLeft(l, "#"))
				section = append(section[:0:0], h)
				in := FromMarkdown(h)
				in.Heading = true
				ins = append(ins, in)
				continue
			}
			l = strings.TrimLeft(l, "-*+> ")
			for _, s := range strings.SplitAfter(l, ". ") {
				if s = strings.TrimSpace(s); s != "" {
					ins = append(ins, FromMarkdown(s, section...))
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	j := New(Options{})
	start := time.Now()
	j.Judge(Input{Text: "warm up"})
	load := time.Since(start)
	flagged := 0
	cpu0 := cpuTime()
	start = time.Now()
	show := os.Getenv("PRDLINT_CORPUS_SHOW") != ""
	for _, in := range ins {
		if v := j.Judge(in); v.Reported(in.Text) {
			flagged++
			if show {
				t.Logf("%.2f %-12s %s", v.How, v.Kind, in.Text)
			}
		}
	}
	el := time.Since(start)
	cpu := cpuTime() - cpu0
	t.Logf("%d MB: %d sentences; Judge CPU time %v (%.2f µs/sentence), wall %v; first call (lazy load) %v; flagged %d (%.1f%%)",
		bytes>>20, len(ins), cpu, float64(cpu.Nanoseconds())/1e3/float64(len(ins)), el, load, flagged, 100*float64(flagged)/float64(len(ins)))
}

// cpuTime is the process's user+system CPU time (robust on a busy machine).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
