package lint

import (
	"os"
	"path/filepath"
	"strings"
)

// ResolvedPath is the absolute, link-free path of the file path reaches,
// however it is spelt: "a.md", "./a.md", an absolute path, a path through
// a symbolic link to a directory ("dl/../a.md" goes where the kernel would
// take it), or a link, dangling or not, to the file, also when the
// working directory is reached through a link. Two paths name one
// file when their ResolvedPaths are equal. A path whose folder does not
// exist yet (a new file named on standard input) is resolved in its
// nearest existing parent.
func ResolvedPath(path string) string {
	p := path
	if !filepath.IsAbs(p) {
		// From the working directory as reached, so that a link on the
		// way to it is resolved too; not Join, which would resolve ".."
		// in path as text.
		if wd, err := os.Getwd(); err == nil {
			p = wd + string(filepath.Separator) + p
		}
	}
	for range 40 { // as many links as the kernel follows
		if real, err := filepath.EvalSymlinks(p); err == nil {
			return absPath(real)
		}
		dir, base := splitLast(p)
		realDir, err := filepath.EvalSymlinks(dir)
		if err != nil {
			if dir == p {
				break
			}
			return filepath.Join(ResolvedPath(dir), base)
		}
		p = filepath.Join(realDir, base)
		info, err := os.Lstat(p)
		if err != nil || info.Mode()&os.ModeSymlink == 0 {
			return absPath(p)
		}
		target, err := os.Readlink(p)
		if err != nil {
			return absPath(p)
		}
		if !filepath.IsAbs(target) {
			// Not Join: it would resolve ".." in the target as text.
			target = realDir + string(filepath.Separator) + target
		}
		p = target
	}
	return absPath(p)
}

// splitLast splits p at its last separator without cleaning it, so that a
// ".." after a symbolic link is left for EvalSymlinks to resolve.
func splitLast(p string) (dir, base string) {
	i := strings.LastIndexByte(p, filepath.Separator)
	switch {
	case i < 0:
		return ".", p
	case i == 0:
		return string(filepath.Separator), p[1:]
	}
	return p[:i], p[i+1:]
}

func absPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return filepath.Clean(p)
}
