package lint_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/prdlint/prdlint/lint"
	"github.com/prdlint/prdlint/lint/linttest"
)

// The benchmarks read the shared design-document corpus beside the
// repository; PRDLINT_CORPUS points elsewhere. They skip when it is absent.
const defaultBenchCorpus = "../../shared/corpus/keps"

func loadBenchCorpus(b *testing.B) ([]linttest.Source, int64) {
	return linttest.LoadCorpus(b, linttest.CorpusDir(b, defaultBenchCorpus))
}

func loadBenchFile(b *testing.B) linttest.Source {
	return linttest.LoadFile(b, linttest.CorpusDir(b, defaultBenchCorpus), linttest.BenchFile)
}

// floorParser is stock goldmark with the extensions Parse uses.
var floorParser = sync.OnceValue(func() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList)).Parser()
})

// goldmarkParse is the floor: goldmark alone, with the extensions Parse uses.
func goldmarkParse(src []byte) {
	floorParser().Parse(text.NewReader(src), parser.WithContext(parser.NewContext()))
}

func BenchmarkGoldmarkFile(b *testing.B) {
	f := loadBenchFile(b)
	b.SetBytes(int64(len(f.Src)))
	b.ReportAllocs()
	for b.Loop() {
		goldmarkParse(f.Src)
	}
}

func BenchmarkGoldmarkCorpus(b *testing.B) {
	files, total := loadBenchCorpus(b)
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			goldmarkParse(f.Src)
		}
	}
}

// BenchmarkParseFile is goldmark plus the engine's own work: prose
// blocks, source offsets and sentence segmentation.
func BenchmarkParseFile(b *testing.B) {
	f := loadBenchFile(b)
	b.SetBytes(int64(len(f.Src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := lint.Parse(f.Path, f.Src); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseCorpus(b *testing.B) {
	files, total := loadBenchCorpus(b)
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			lint.Parse(f.Path, f.Src) // front matter errors still yield a document
		}
	}
}

// BenchmarkDirectivesManyComments reads the directives of 20,000
// disable-line comments, one a line: directive parsing stays linear in the
// document (it once rescanned every sentence for each comment: 15 s here).
// The document is parsed once, outside the timing; each iteration forgets
// the memoised directives and reads them again.
func BenchmarkDirectivesManyComments(b *testing.B) {
	var src []byte
	src = append(src, "# PRD\n\n"...)
	for i := range 20000 {
		src = fmt.Appendf(src, "Shoppers pay as guests, case %d. <!-- prdlint-disable-line -->\n", i)
	}
	doc, err := lint.Parse("many.md", src)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		lint.ForgetMemos(doc)
		if len(lint.Directives(doc)) != 20000 {
			b.Fatal("directives lost")
		}
	}
}
