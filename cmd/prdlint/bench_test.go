package main

import (
	"runtime/debug"
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

// BenchmarkLintCorpusParallel is what the command does with the json
// and text formats: walk the directory, read and lint the files on every
// core, release each document once it is checked, with the garbage
// collector tuned as the command tunes it, and collect the report.
func BenchmarkLintCorpusParallel(b *testing.B) {
	dir := benchCorpusDir(b)
	_, total := loadBenchCorpus(b)
	l := benchLinter(0)
	l.DropDocuments = true
	gcPercent := debug.SetGCPercent(100) // reads the setting; put back at once
	debug.SetGCPercent(gcPercent)
	memLimit := debug.SetMemoryLimit(-1) // a negative limit only reads it
	defer func() {
		debug.SetGCPercent(gcPercent)
		debug.SetMemoryLimit(memLimit)
	}()
	tuneGC()
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		if rep := l.Lint([]string{dir}); len(rep.Files) == 0 {
			b.Fatal("no files linted")
		}
	}
}
