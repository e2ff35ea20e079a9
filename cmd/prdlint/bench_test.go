package main

import (
	"testing"

	"github.com/prdlint/prdlint/lint"
	"github.com/prdlint/prdlint/lint/linttest"
	"github.com/prdlint/prdlint/rules"
)

// The benchmarks read the shared design-document corpus beside the
// repository; PRDLINT_CORPUS points elsewhere. They skip when it is absent.
// Compare them with the parse-only floor in package lint.
const defaultBenchCorpus = "../../../shared/corpus/keps"

func benchCorpusDir(b *testing.B) string { return linttest.CorpusDir(b, defaultBenchCorpus) }

func loadBenchCorpus(b *testing.B) ([]linttest.Source, int64) {
	return linttest.LoadCorpus(b, benchCorpusDir(b))
}

func benchLinter(jobs int) *lint.Linter {
	return &lint.Linter{Rules: rules.All(), Jobs: jobs}
}

// BenchmarkLintFile is the full lint of one in-memory file: parse,
// segmentation, every rule, filters and sorting.
func BenchmarkLintFile(b *testing.B) {
	f := linttest.LoadFile(b, benchCorpusDir(b), linttest.BenchFile)
	l := benchLinter(1)
	b.SetBytes(int64(len(f.Src)))
	b.ReportAllocs()
	for b.Loop() {
		l.LintSource(f.Path, f.Src)
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
			l.LintSource(f.Path, f.Src)
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
