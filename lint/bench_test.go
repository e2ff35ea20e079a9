package lint

import (
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"go.abhg.dev/goldmark/frontmatter"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// The benchmarks read the shared design-document corpus beside the
// repository; PRDLINT_CORPUS points elsewhere. They skip when it is absent.
const (
	defaultBenchCorpus = "../../shared/corpus/keps"
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

// loadBenchCorpus reads every Markdown file of the corpus into memory so
// the benchmarks time the work, not the disk.
func loadBenchCorpus(b *testing.B) ([]benchSource, int64) {
	b.Helper()
	dir := benchCorpusDir(b)
	var out []benchSource
	var total int64
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !IsMarkdownName(d.Name()) {
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

func loadBenchFile(b *testing.B) benchSource {
	b.Helper()
	path := filepath.Join(benchCorpusDir(b), benchFile)
	src, err := os.ReadFile(path)
	if err != nil {
		b.Skipf("%s: %v", path, err)
	}
	return benchSource{path, src}
}

// floorParser is stock goldmark with the extensions Parse uses.
var floorParser = sync.OnceValue(func() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, &frontmatter.Extender{})).Parser()
})

// goldmarkParse is the floor: goldmark alone, with the extensions Parse uses.
func goldmarkParse(src []byte) {
	floorParser().Parse(text.NewReader(src), parser.WithContext(parser.NewContext()))
}

func BenchmarkGoldmarkFile(b *testing.B) {
	f := loadBenchFile(b)
	b.SetBytes(int64(len(f.src)))
	b.ReportAllocs()
	for b.Loop() {
		goldmarkParse(f.src)
	}
}

func BenchmarkGoldmarkCorpus(b *testing.B) {
	files, total := loadBenchCorpus(b)
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			goldmarkParse(f.src)
		}
	}
}

// BenchmarkParseFile is goldmark plus the engine's own work: prose
// blocks, source offsets and sentence segmentation.
func BenchmarkParseFile(b *testing.B) {
	f := loadBenchFile(b)
	b.SetBytes(int64(len(f.src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(f.path, f.src); err != nil {
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
			Parse(f.path, f.src) // front matter errors still yield a document
		}
	}
}
