package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// CheckSource of a file reached through a linked directory must check
// the text given, not the copy on disk.
func TestCheckSourceThroughLink(t *testing.T) {
	base := t.TempDir()
	repo := filepath.Join(base, "repo")
	require.NoError(t, os.MkdirAll(filepath.Join(repo, ".git"), 0o755))
	write(t, repo, "real/"+FileName, "fail-level: error\n") // valid on disk
	write(t, repo, "real/"+IgnoreName, "*.gen.md\n")        // valid on disk
	require.NoError(t, os.Symlink("real", filepath.Join(repo, "alias")))
	builtin := func(term string) bool { return strings.EqualFold(term, "chart") }
	l := newTestLoader(t, repo, Options{VocabularyHas: builtin})
	bad := []byte("vocabulary:\n  remove: [workspace]\n")
	many := []byte(strings.Repeat("*.gen.md\n", maxIgnorePatterns+1))
	assert.Error(t, l.CheckSource(filepath.Join("real", FileName), bad), "direct remove")
	assert.Error(t, l.CheckSource(filepath.Join("alias", FileName), bad), "linked remove")
	assert.Error(t, l.CheckSource(filepath.Join("real", IgnoreName), many), "direct ignore")
	assert.Error(t, l.CheckSource(filepath.Join("alias", IgnoreName), many), "linked ignore")
}
