package format

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRootRelativeThroughSymlinks: a file inside the repository is named
// relative to its root however either is spelt: through a linked
// directory on one side or the other.
func TestRootRelativeThroughSymlinks(t *testing.T) {
	base := t.TempDir()
	repo := filepath.Join(base, "repo")
	require.NoError(t, os.MkdirAll(filepath.Join(repo, "docs"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(repo, "docs", "a.md"), []byte("x\n"), 0o644))
	link := filepath.Join(base, "link")
	require.NoError(t, os.Symlink(repo, link))

	assert.Equal(t, "docs/a.md", rootRelative(repo, filepath.Join(repo, "docs", "a.md")))
	assert.Equal(t, "docs/a.md", rootRelative(link, filepath.Join(repo, "docs", "a.md")), "root spelt through the link")
	assert.Equal(t, "docs/a.md", rootRelative(repo, filepath.Join(link, "docs", "a.md")), "file spelt through the link")
	outside := filepath.Join(base, "elsewhere.md")
	require.NoError(t, os.WriteFile(outside, []byte("x\n"), 0o644))
	assert.Equal(t, filepath.ToSlash(outside), rootRelative(repo, outside), "a file outside stays absolute")
}
