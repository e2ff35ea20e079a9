package lint

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWalkSkippedDir(t *testing.T) {
	sep := string(filepath.Separator)
	tests := []struct{ path, want string }{
		{"docs/prd.md", ""},
		{"prd.md", ""},
		{"./docs/prd.md", ""},
		{"../docs/prd.md", ""},
		{"docs/vendor/x.md", "docs/vendor"},
		{"node_modules/pkg/README.md", "node_modules"},
		{"docs/.drafts/a/x.md", "docs/.drafts"},
		{".github/x.md", ".github"},
		{"docs/vendor/node_modules/x.md", "docs/vendor"},
		{"docs/.notes.md", ""}, // a dot-file is a file, which walks list
		{"vendor.md", ""},
		{"docs/vendors/x.md", ""},
		{sep + "srv/.cache/x.md", sep + "srv/.cache"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			assert.Equal(t, filepath.FromSlash(tt.want), WalkSkippedDir(filepath.FromSlash(tt.path)))
		})
	}
}

// TestCollectSkipsDependencyAndDotFolders: a walk does not enter vendor,
// node_modules or dot-folders below where it starts, but lists them when it
// starts inside one, and a file named on the command line is always listed.
func TestCollectSkipsDependencyAndDotFolders(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, p := range []string{"docs/prd.md", "docs/.notes.md", "docs/vendor/x.md", "docs/node_modules/pkg/y.md", "docs/.drafts/z.md"} {
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.FromSlash(p)), 0o755))
		require.NoError(t, os.WriteFile(filepath.FromSlash(p), []byte("Text.\n"), 0o644))
	}
	collect := func(paths ...string) []string {
		t.Helper()
		files, errs := (&Linter{}).Collect(paths)
		require.Empty(t, errs)
		out := []string{}
		for _, f := range files {
			out = append(out, filepath.ToSlash(f))
		}
		return out
	}
	assert.Equal(t, []string{"docs/.notes.md", "docs/prd.md"}, collect("docs"))
	assert.Equal(t, []string{"docs/.notes.md", "docs/prd.md"}, collect("."), "the start of a walk is never skipped, even \".\"")
	assert.Equal(t, []string{"docs/vendor/x.md"}, collect("docs/vendor"), "a walk that starts in a skipped folder lists it")
	assert.Equal(t, []string{"docs/.drafts/z.md"}, collect("docs/.drafts"))
	assert.Equal(t, []string{"docs/vendor/x.md", "docs/node_modules/pkg/y.md"}, collect("docs/vendor/x.md", "docs/node_modules/pkg/y.md"), "named files are listed")
}
