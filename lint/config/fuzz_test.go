package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzParseFile feeds arbitrary bytes to the configuration parser, as a
// .prdlint.yaml from a pull request would be. It must never panic or hang,
// and every rejection must be one "file:line:col: reason" line.
func FuzzParseFile(f *testing.F) {
	for _, dir := range []string{"../../testdata/config/bad", "../../testdata/config/tree"} {
		_ = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (strings.HasSuffix(path, ".yaml") || strings.HasSuffix(path, ".yml")) {
				if b, err := os.ReadFile(path); err == nil {
					f.Add(b)
				}
			}
			return nil
		})
	}
	f.Add([]byte(starterFuzzSeed))
	f.Add([]byte("rules: {how-infra: off}\nvocabulary: {add: [a, b], remove: [c]}\n"))
	f.Add([]byte("a: &x [*x]\n"))
	f.Add([]byte(strings.Repeat("[", 5000)))
	known := []string{"how-infra", "how-code", "what-unmeasured-quality"}
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		_, err := parseFile(".prdlint.yaml", "/repo", data, known, []string{"tech-choice", "data-model"})
		if d := time.Since(start); d > 5*time.Second {
			t.Fatalf("parsing %d bytes took %v", len(data), d)
		}
		if err == nil {
			return
		}
		var ce *Error
		if !errors.As(err, &ce) {
			t.Fatalf("rejection is not a positioned config error: %T %v", err, err)
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, ".prdlint.yaml:") || strings.Contains(msg, "\n") {
			t.Fatalf("rejection is not one file:line:col line: %q", msg)
		}
	})
}

const starterFuzzSeed = `fail-level: warning
min-confidence: 0.5
design-sections:
  headings: [Design]
  mode: info
ignore: ["drafts/**"]
overrides:
  - files: ["rfcs/**"]
    rules: {how-code: info}
`
