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
	var patterns []ignorePattern
	for i := len(dirs) - 1; i >= 0; i-- {
		ps, err := l.ignoreIn(dirs[i], root)
		if err != nil {
			return nil, err
		}
		patterns = append(patterns, ps...)
	}
	path := strings.Split(rel, "/")
	for i := len(patterns) - 1; i >= 0; i-- {
		switch patterns[i].pattern.Match(path, false) {
		case gitignore.Exclude:
			return &patterns[i].src, nil
		case gitignore.Include:
			return nil, nil
		}
	}
	return nil, nil
}

// ignoreIn returns the patterns of dir's .prdlintignore, if any.
func (l *Loader) ignoreIn(dir, root string) ([]ignorePattern, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	e := l.entry(dir)
	if e.ignoreOK {
		return e.ignore, e.ignoreErr
	}
	e.ignoreOK = true
	path := filepath.Join(dir, IgnoreName)
	if !exists(path) {
		return nil, nil
	}
	display := l.display(path)
	data, err := l.readInside(path, root, maxIgnoreSize)
	if err != nil {
		e.ignoreErr = &Error{File: display, Line: 1, Column: 1, Reason: err.Error()}
		return nil, e.ignoreErr
	}
	var domain []string
	if rel, _ := relSlash(root, dir); rel != "." {
		domain = strings.Split(rel, "/")
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), maxIgnoreSize)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		if len(e.ignore) == maxIgnorePatterns {
			e.ignoreErr = &Error{File: display, Line: n, Column: 1, Reason: fmt.Sprintf("over %d patterns", maxIgnorePatterns)}
			return nil, e.ignoreErr
		}
		e.ignore = append(e.ignore, ignorePattern{
			pattern: gitignore.ParsePattern(line, domain),
			src:     Source{File: display, Line: n, Column: 1},
		})
	}
	return e.ignore, nil
}
