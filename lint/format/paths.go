package format

import (
	"net/url"
	"path/filepath"
	"strings"

	"github.com/prdlint/prdlint/lint"
)

// rootRelative returns path relative to root with forward slashes, the way
// code-hosting tools name files in a repository. A path outside root is
// made absolute; with no root, paths are returned as they are, with
// forward slashes.
func rootRelative(root, path string) string {
	if root == "" || path == lint.StdinPath {
		return filepath.ToSlash(path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	if rel, ok := inside(root, abs); ok {
		return rel
	}
	// The same place may be spelt through a symbolic link on one side
	// (a linked working directory, macOS's /tmp): compare real paths.
	realRoot, err1 := filepath.EvalSymlinks(root)
	realAbs, err2 := filepath.EvalSymlinks(abs)
	if err1 == nil && err2 == nil {
		if rel, ok := inside(realRoot, realAbs); ok {
			return rel
		}
	}
	return filepath.ToSlash(abs)
}

// inside returns abs relative to root, with forward slashes, when it lies
// within root.
func inside(root, abs string) (string, bool) {
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// artifactURI is path as a URI reference: relative to root when the file is
// inside it, else an absolute file URI.
func artifactURI(root, path string) string {
	rel := rootRelative(root, path)
	if filepath.IsAbs(filepath.FromSlash(rel)) {
		return (&url.URL{Scheme: "file", Path: rel}).String()
	}
	return (&url.URL{Path: rel}).String()
}

// message is the finding's message without its hint, for formats that show
// the hint on its own.
func message(d *lint.Diagnostic) string {
	if d.Hint == "" {
		return d.Message
	}
	return strings.TrimSpace(strings.TrimSuffix(d.Message, d.Hint))
}

// documents maps each linted path to its parsed document, for formats that
// need the source (to count bytes rather than code points).
func documents(rep *lint.Report) map[string]*lint.Document {
	docs := map[string]*lint.Document{}
	for _, f := range rep.Files {
		if f.Doc != nil {
			docs[f.Path] = f.Doc
		}
	}
	return docs
}
