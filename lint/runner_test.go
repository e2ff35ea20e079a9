package lint

import (
	"os"
	"path/filepath"
	"strings"
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
		files, errs := collectFiles(&Linter{}, paths)
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

// TestCollectExpandsPatterns: a path that names nothing but holds a
// pattern ("docs/**/*.md", quoted, or from a list no shell expands) is
// expanded as a walk would list files: Markdown only, no skipped folder
// entered by a wildcard, configured ignores applied; a pattern that yields
// nothing to lint, or does not parse, is an error naming it.
func TestCollectExpandsPatterns(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, p := range []string{
		"docs/a.md", "docs/b.markdown", "docs/notes.txt", "docs/sub/c.md", "docs/sub/draft-d.md",
		"docs/vendor/x.md", "docs/node_modules/pkg/y.md", "docs/.drafts/z.md", ".github/e.md",
		"docs/[literal].md",
	} {
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.FromSlash(p)), 0o755))
		require.NoError(t, os.WriteFile(filepath.FromSlash(p), []byte("Text.\n"), 0o644))
	}
	ignoreDrafts := func(path string) (*Config, error) {
		c := DefaultConfig()
		c.Ignored = strings.Contains(filepath.Base(path), "draft")
		return c, nil
	}
	tests := []struct {
		name    string
		pattern string
		want    []string
		err     string
	}{
		{name: "one folder", pattern: "docs/*.md", want: []string{"docs/[literal].md", "docs/a.md"}},
		{name: "every depth, ignores applied", pattern: "docs/**/*.md", want: []string{"docs/[literal].md", "docs/a.md", "docs/sub/c.md"}},
		{name: "alternatives", pattern: "docs/*.{md,markdown}", want: []string{"docs/[literal].md", "docs/a.md", "docs/b.markdown"}},
		{name: "only Markdown", pattern: "docs/*", want: []string{"docs/[literal].md", "docs/a.md", "docs/b.markdown"}},
		{name: "a skipped folder named outright", pattern: ".github/*.md", want: []string{".github/e.md"}},
		{name: "a skipped folder named outright, deeper", pattern: "docs/vendor/*.md", want: []string{"docs/vendor/x.md"}},
		{name: "an existing name is a file, not a pattern", pattern: "docs/[literal].md", want: []string{"docs/[literal].md"}},
		{name: "no Markdown matches", pattern: "docs/*.txt", err: "docs/*.txt: no Markdown file (*.md, *.markdown) matches this pattern"},
		{name: "nothing matches", pattern: "specs/**/*.md", err: "specs/**/*.md: no Markdown file"},
		{name: "every match ignored", pattern: "docs/sub/draft-*.md", err: "docs/sub/draft-*.md: the one Markdown file it matches is ignored by configuration"},
		{name: "not a pattern", pattern: "docs/[a.md", err: "docs/[a.md: not a valid pattern"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files, errs := collectFiles(&Linter{ConfigFor: ignoreDrafts}, []string{filepath.FromSlash(tt.pattern)})
			if tt.err != "" {
				require.Len(t, errs, 1)
				assert.Contains(t, filepath.ToSlash(errs[0].Error()), tt.err)
				assert.Empty(t, files)
				return
			}
			require.Empty(t, errs)
			got := []string{}
			for _, f := range files {
				got = append(got, filepath.ToSlash(f))
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// collectFiles is collect with the errors of the files CheckFile claims
// among the others, as a command line lists them.
func collectFiles(l *Linter, paths []string) ([]string, []*FileError) {
	files, checked, errs := l.collect(paths)
	for _, r := range checked {
		if r.Err != nil {
			errs = append(errs, r.Err)
		}
	}
	return files, errs
}
