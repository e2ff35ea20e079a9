package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/prdlint/prdlint/lint"
	"github.com/prdlint/prdlint/rules"
)

// The benchmarks read the shared design-document corpus beside the
// repository; PRDLINT_CORPUS points elsewhere. They skip when it is absent.
// Compare them with the parse-only floor in package lint.
const (
	defaultBenchCorpus = "../../../shared/corpus/keps"
	// benchFile is an 8 KB design document, the size of a typical PRD.
	benchFile = "sig-architecture/1333-conformance-without-beta/README.md"
)

type benchSource struct {
	path string
	src  []byte
}

func benchCorpusDir(b *testing.B) string {
	b.Helper()
	dir := os.Getenv("PRDLINT_CORPUS")
	if dir == "" {
		dir = defaultBenchCorpus
	}
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("corpus %s not found (set PRDLINT_CORPUS): %v", dir, err)
	}
	return dir
}

func loadBenchCorpus(b *testing.B) ([]benchSource, int64) {
	b.Helper()
	var out []benchSource
	var total int64
	err := filepath.WalkDir(benchCorpusDir(b), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !lint.IsMarkdownName(d.Name()) {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		out = append(out, benchSource{path, src})
		total += int64(len(src))
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out, total
}

func benchLinter(jobs int) *lint.Linter {
	return &lint.Linter{Rules: rules.All(), Jobs: jobs}
}

// BenchmarkLintFile is the full lint of one in-memory file: parse,
// segmentation, every rule, filters and sorting.
func BenchmarkLintFile(b *testing.B) {
	path := filepath.Join(benchCorpusDir(b), benchFile)
	src, err := os.ReadFile(path)
	if err != nil {
		b.Skipf("%s: %v", path, err)
	}
	l := benchLinter(1)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		l.LintSource(path, src)
	}
}

// BenchmarkLintCorpus is the full lint of the in-memory corpus on one
// goroutine, the counterpart of BenchmarkParseCorpus in package lint.
func BenchmarkLintCorpus(b *testing.B) {
	files, total := loadBenchCorpus(b)
	l := benchLinter(1)
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			l.LintSource(f.path, f.src)
		}
	}
}

// BenchmarkLintCorpusParallel is what the command does: walk the
// directory, read and lint the files on every core, collect the report.
func BenchmarkLintCorpusParallel(b *testing.B) {
	dir := benchCorpusDir(b)
	_, total := loadBenchCorpus(b)
	l := benchLinter(0)
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		if rep := l.Lint([]string{dir}); len(rep.Files) == 0 {
			b.Fatal("no files linted")
		}
	}
}
