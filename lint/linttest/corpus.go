package linttest

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/prdlint/prdlint/lint"
)

// BenchFile is an 8 KB design document of the corpus, the size of a
// typical PRD.
const BenchFile = "sig-architecture/1333-conformance-without-beta/README.md"

// Source is one file held in memory.
type Source struct {
	Path string
	Src  []byte
}

// CorpusDir is the benchmark corpus: PRDLINT_CORPUS, else def (the shared
// design-document corpus beside the repository, relative to the calling
// package). It skips tb when the directory is absent.
func CorpusDir(tb testing.TB, def string) string {
	tb.Helper()
	dir := os.Getenv("PRDLINT_CORPUS")
	if dir == "" {
		dir = def
	}
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("corpus %s not found (set PRDLINT_CORPUS): %v", dir, err)
	}
	return dir
}

// LoadFile reads one file of the corpus, skipping tb when it is absent.
func LoadFile(tb testing.TB, dir, name string) Source {
	tb.Helper()
	path := filepath.Join(dir, name)
	src, err := os.ReadFile(path)
	if err != nil {
		tb.Skipf("%s: %v", path, err)
	}
	return Source{path, src}
}

// LoadCorpus reads every Markdown file under dir into memory, in path
// order, so benchmarks time the work and not the disk; it returns the
// files and their total size.
func LoadCorpus(tb testing.TB, dir string) ([]Source, int64) {
	tb.Helper()
	var out []Source
	var total int64
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !lint.IsMarkdownName(d.Name()) {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		out = append(out, Source{path, src})
		total += int64(len(src))
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, total
}

// AddFuzzSeeds adds the example PRDs in prds and the given shapes to a
// fuzz corpus.
func AddFuzzSeeds(f *testing.F, prds string, shapes ...string) {
	f.Helper()
	files, err := filepath.Glob(filepath.Join(prds, "*.md"))
	if err != nil || len(files) == 0 {
		f.Fatalf("no seed PRDs in %s: %v", prds, err)
	}
	for _, p := range files {
		src, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	for _, s := range shapes {
		f.Add([]byte(s))
	}
}
