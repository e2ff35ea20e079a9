package config

import (
	"bufio"
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// Bounds on a .prdlintignore file.
const (
	maxIgnoreSize     = 256 << 10
	maxIgnorePatterns = 5000
)

// ignorePattern is one .prdlintignore line.
type ignorePattern struct {
	pattern gitignore.Pattern
	src     Source
}

// ignored applies the .prdlintignore files from root down to dir to the
// file at abs, gitignore-style: deeper files and later lines win, and "!"
// re-includes. It returns the deciding line when the file is ignored.
func (l *Loader) ignored(abs, dir, root string) (*Source, error) {
	return l.matchIgnore(abs, dir, root, nil, func(d string) ([]ignorePattern, error) {
		return l.patternsIn(d, d, root, IgnoreName, func(e *dirEntry) *patternFile { return &e.ignore })
	})
}

// gitIgnored is ignored for the repository's own exclusions: the root's
// .git/info/exclude first, then the .gitignore files from root down to dir.
// Outside a repository it ignores nothing.
func (l *Loader) gitIgnored(abs, dir, root string) (*Source, error) {
	l.mu.Lock()
	repo := l.repos[root] // rootOf looked for .git already
	l.mu.Unlock()
	if !repo {
		// Not in a repository: git would read no .gitignore either.
		return nil, nil
	}
	// exclude's patterns are relative to the root, not to .git/info.
	first, err := l.patternsIn(filepath.Join(root, ".git", "info"), root, root, "exclude", func(e *dirEntry) *patternFile { return &e.git })
	if err != nil {
		return nil, err
	}
	return l.matchIgnore(abs, dir, root, first, func(d string) ([]ignorePattern, error) {
		return l.patternsIn(d, d, root, GitIgnoreName, func(e *dirEntry) *patternFile { return &e.git })
	})
}

// matchIgnore gathers the patterns of the directories from root down to
// dir after first, and returns the line that excludes abs, if one does:
// the last pattern that decides one of its directories or, failing that,
// the last one that decides the file.
func (l *Loader) matchIgnore(abs, dir, root string, first []ignorePattern, in func(dir string) ([]ignorePattern, error)) (*Source, error) {
	rel, inside := relSlash(root, abs)
	if !inside {
		return nil, nil
	}
	var dirs []string
	for d := dir; ; d = filepath.Dir(d) {
		dirs = append(dirs, d)
		if d == root || filepath.Dir(d) == d {
			break
		}
	}
	patterns := first
	for i := len(dirs) - 1; i >= 0; i-- {
		ps, err := in(dirs[i])
		if err != nil {
			return nil, err
		}
		patterns = append(patterns[:len(patterns):len(patterns)], ps...)
	}
	path := strings.Split(rel, "/")
	// As in git, a file whose directory is excluded stays excluded: no
	// pattern can re-include it.
	for n := 1; n < len(path); n++ {
		if src := lastMatch(patterns, path[:n], true); src != nil {
			return src, nil
		}
	}
	return lastMatch(patterns, path, false), nil
}

// lastMatch returns the line of the last pattern that decides path, when
// it excludes it.
func lastMatch(patterns []ignorePattern, path []string, isDir bool) *Source {
	for i := len(patterns) - 1; i >= 0; i-- {
		switch patterns[i].pattern.Match(path, isDir) {
		case gitignore.Exclude:
			return &patterns[i].src
		case gitignore.Include:
			return nil
		}
	}
	return nil
}

// patternsIn returns the patterns of the file name in dir, if any, relative
// to base, cached in the entry of dir that slot picks.
func (l *Loader) patternsIn(dir, base, root, name string, slot func(*dirEntry) *patternFile) ([]ignorePattern, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	pf := slot(l.entry(dir))
	if pf.read {
		return pf.patterns, pf.err
	}
	pf.read = true
	path := filepath.Join(dir, name)
	if !l.exists(path) {
		return nil, nil
	}
	display := l.display(path)
	data, err := l.readInside(path, root, maxIgnoreSize)
	if err != nil {
		pf.err = &Error{File: display, Reason: err.Error()}
		return nil, pf.err
	}
	var domain []string
	if rel, _ := relSlash(root, base); rel != "." {
		domain = strings.Split(rel, "/")
	}
	// git skips a leading byte-order mark, which would otherwise be part
	// of the first pattern
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), maxIgnoreSize)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		if len(pf.patterns) == maxIgnorePatterns {
			pf.err = &Error{File: display, Line: n, Column: 1, Reason: fmt.Sprintf("over %d patterns", maxIgnorePatterns)}
			return nil, pf.err
		}
		pf.patterns = append(pf.patterns, ignorePattern{
			pattern: gitignore.ParsePattern(line, domain),
			src:     Source{File: display, Line: n, Column: 1},
		})
	}
	return pf.patterns, nil
}
