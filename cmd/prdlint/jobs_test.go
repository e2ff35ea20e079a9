package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// jobsFixture writes a directory of PRDs of very different sizes, so files
// finish out of order on several workers, plus one file that cannot be
// linted; it adds the example PRDs, and the shared real PRDs when present.
func jobsFixture(t *testing.T) []string {
	t.Helper()
	root := repoRoot(t)
	dir := t.TempDir()
	example, err := os.ReadFile(filepath.Join(root, "testdata", "prds", "checkout.md"))
	require.NoError(t, err)
	long := strings.Repeat("We will add a new column to the carts table. Shoppers can pay as guests. Use Kafka to stream cart changes.\n\n", 400)
	files := map[string]string{
		"a-long.md":          "# Long\n\n" + long,
		"b-short.md":         "# Short\n\nUse Kafka to stream cart changes.\n",
		"c/clean.md":         "# Clean\n\nShoppers can pay as guests.\n",
		"c/d-example.md":     string(example),
		"c/e-binary.md":      "# Binary\x00\n",
		"f-long-again.md":    "# Again\n\n" + long + string(example),
		"g-no-findings.md":   "# Goals\n\nShoppers can pay as guests.\n",
		"h-example-copy.md":  string(example),
		"i-front-matter.md":  "---\ntitle: [unclosed\n---\n\nWe will add a new column to the carts table.\n",
		"j-table.markdown":   "| Need | Note |\n|---|---|\n| Use Redis. | Shoppers can pay as guests. |\n",
		"k-example-third.md": string(example),
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	}
	args := []string{dir, filepath.Join(root, "testdata", "prds")}
	if shared := filepath.Join(root, "..", "shared", "corpus", "prds"); dirExists(shared) {
		args = append(args, shared)
	}
	return args
}

func dirExists(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}

// Output must not depend on how many files are linted at once.
func TestOutputIndependentOfJobs(t *testing.T) {
	paths := jobsFixture(t)
	for _, format := range []string{"json", "text"} {
		t.Run(format, func(t *testing.T) {
			base := append([]string{"lint", "--no-color", "--format", format}, paths...)
			out1, err1, code1 := prdlint(t, "", append([]string{base[0], "-j", "1"}, base[1:]...)...)
			require.Contains(t, out1, "b-short.md")
			require.Contains(t, err1, "e-binary.md")
			require.Equal(t, 2, code1)
			for _, jobs := range []string{"2", "4", "0"} {
				out, errOut, code := prdlint(t, "", append([]string{base[0], "-j", jobs}, base[1:]...)...)
				assert.Equal(t, out1, out, "stdout with -j %s", jobs)
				assert.Equal(t, err1, errOut, "stderr with -j %s", jobs)
				assert.Equal(t, code1, code, "exit code with -j %s", jobs)
			}
		})
	}
}
