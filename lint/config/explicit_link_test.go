package config

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/prdlint/prdlint/lint"
)

// --config FILE with overrides and ignore globs, run from a working
// directory reached through a link (macOS: /tmp -> /private/tmp).
func TestExplicitConfigThroughLinkedWorkDir(t *testing.T) {
	base := t.TempDir()
	repo := filepath.Join(base, "repo")
	require.NoError(t, os.MkdirAll(filepath.Join(repo, ".git"), 0o755))
	write(t, repo, "ci.yaml", "ignore: [\"drafts/**\"]\noverrides:\n  - files: [\"docs/**\"]\n    fail-level: off\n")
	write(t, repo, "docs/a.md", "Text.\n")
	write(t, repo, "drafts/b.md", "Text.\n")
	link := filepath.Join(base, "link")
	require.NoError(t, os.Symlink("repo", link))
	for _, wd := range []string{repo, link} {
		l := newTestLoader(t, wd, Options{File: "ci.yaml"})
		e, err := l.Resolve("docs/a.md")
		require.NoError(t, err)
		assert.Equal(t, lint.SeverityOff, e.FailLevel.Value, "override, workdir %s", wd)
		e, err = l.Resolve("drafts/b.md")
		require.NoError(t, err)
		assert.True(t, e.Ignored.Value, "ignore glob, workdir %s", wd)
	}
}
