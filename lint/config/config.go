// Package config loads prdlint's YAML configuration (.prdlint.yaml or
// .prdlint.yml) and .prdlintignore files, and works out the configuration
// of each linted file.
//
// For a file, configuration files are looked for in its directory and each
// parent up to the repository root (the nearest directory holding .git,
// else the filesystem root); they apply from the outermost to the nearest,
// so the nearest wins, and a file with "root: true" stops the search. Each
// file's overrides apply right after its own top-level keys. Globs are
// relative to the directory of the file that holds them.
package config

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/prdlint/prdlint/lint"
)

// Names of the files the Loader looks for.
const (
	FileName    = ".prdlint.yaml"
	AltFileName = ".prdlint.yml"
	IgnoreName  = ".prdlintignore"
	// GitIgnoreName files apply to directory walks when gitignore is on.
	GitIgnoreName = ".gitignore"
)

// Options choose where configuration comes from.
type Options struct {
	// KnownRules are the rule IDs configuration may name.
	KnownRules []string
	// VocabularyKinds are the kinds a vocabulary term may be given as a
	// prefix ("data-model:ledger"); nil accepts any.
	VocabularyKinds []string
	// VocabularyHas says whether a term is in the built-in vocabulary, so
	// that a vocabulary.remove term that is neither there nor added by a
	// configuration is an error rather than a silent no-op; nil accepts
	// any.
	VocabularyHas func(term string) bool
	// File, when set, is the one configuration file used for every linted
	// file instead of discovered ones (.prdlintignore files still apply).
	File string
	// NoConfig ignores every configuration and ignore file.
	NoConfig bool
	// WorkDir is the directory relative paths are resolved against and
	// shown from; empty means the current directory.
	WorkDir string
	// AbsolutePaths names configuration and ignore files by their
	// absolute paths in errors and sources instead of relative to
	// WorkDir: for a process whose working directory means nothing to
	// whoever reads them, such as a language server an editor started.
	AbsolutePaths bool
}

// Loader finds, parses and caches configuration. It is safe for
// concurrent use: the linter asks for many files at once.
type Loader struct {
	opts     Options
	explicit *file
	// overlay holds texts, by absolute path, read instead of the files
	// on disk: the one CheckSource checks. Set before first use only.
	overlay map[string][]byte
	// realWork is Options.WorkDir with symbolic links resolved.
	realWork string

	mu      sync.Mutex
	dirs    map[string]*dirEntry
	roots   map[string]string
	repos   map[string]bool // the roots rootOf found by their .git
	realDir map[string]string
}

// dirEntry caches what one directory holds: its configuration file and its
// ignore patterns, or the error reading them.
type dirEntry struct {
	cfg     *file
	cfgErr  error
	cfgDone bool
	ignore  patternFile // its .prdlintignore
	git     patternFile // its .gitignore (or, for .git/info, exclude)
}

// patternFile is one ignore file's patterns, or the error reading it, once
// read.
type patternFile struct {
	patterns []ignorePattern
	err      error
	read     bool
}

// NewLoader returns a Loader; with Options.File set, it reads that file
// at once so a bad one is reported before anything is linted.
func NewLoader(opts Options) (*Loader, error) {
	if opts.WorkDir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, fmt.Errorf("cannot find the current directory: %w", err)
		}
		opts.WorkDir = wd
	}
	l := blankLoader(opts)
	if opts.File != "" && !opts.NoConfig {
		abs := l.abs(opts.File)
		name := opts.File // as given, unless absolute paths are asked for
		if opts.AbsolutePaths {
			name = abs
		}
		data, err := readLimited(abs, maxFileSize)
		if err != nil {
			return nil, &Error{File: name, Reason: err.Error()}
		}
		// its directory as Resolve sees files: links resolved, or its
		// globs would never hold a file reached through one
		f, err := parseFile(name, l.realPath(filepath.Dir(abs)), data, opts.KnownRules, opts.VocabularyKinds)
		if err != nil {
			return nil, err
		}
		l.explicit = f
	}
	return l, nil
}

// blankLoader is a Loader for opts that has read nothing yet.
func blankLoader(opts Options) *Loader {
	realWork, err := filepath.EvalSymlinks(opts.WorkDir)
	if err != nil {
		realWork = opts.WorkDir
	}
	// the working directory is resolved once, for realPath too
	realDir := map[string]string{opts.WorkDir: realWork, realWork: realWork}
	return &Loader{opts: opts, realWork: realWork, dirs: map[string]*dirEntry{}, roots: map[string]string{}, repos: map[string]bool{}, realDir: realDir}
}

func (l *Loader) abs(path string) string {
	if filepath.IsAbs(path) {
		return filepath.Clean(path)
	}
	return filepath.Join(l.opts.WorkDir, path)
}

// display is how a path is shown: relative to the working directory, or
// absolute with Options.AbsolutePaths.
func (l *Loader) display(abs string) string {
	if l.opts.AbsolutePaths {
		return abs
	}
	rel, err := filepath.Rel(l.opts.WorkDir, abs)
	if err != nil {
		return abs
	}
	// Paths are found through real directories (realPath): one under a
	// working directory reached through a link is shown from the real one.
	if rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		if l.realWork != l.opts.WorkDir {
			if r, err := filepath.Rel(l.realWork, abs); err == nil {
				return r
			}
		}
	}
	return rel
}

// Value is one effective configuration value and where it came from.
type Value[T any] struct {
	Value  T
	Source Source
}

// Effective is the configuration of one file, each value with its source.
type Effective struct {
	// Path is the file it applies to.
	Path string
	// Files are the configuration files that apply, outermost first.
	Files         []string
	FailLevel     Value[lint.Severity]
	MinConfidence Value[float64]
	// Rules holds the severities configuration sets; rules not in it keep
	// their default.
	Rules            map[string]Value[lint.Severity]
	VocabularyAdd    []Value[string]
	VocabularyRemove []Value[string]
	// DesignSections is nil when not configured (the built-in headings).
	DesignSections Value[[]string]
	// DesignMode is "" when not configured (skip).
	DesignMode Value[string]
	// WhatSections is nil when not configured (the built-in headings).
	WhatSections Value[[]string]
	// WhatMode is "" when not configured (skip).
	WhatMode Value[string]
	// RequireReason says whether suppression directives must give a
	// reason after " -- ".
	RequireReason Value[bool]
	// Gitignore says whether directory walks also skip what .gitignore
	// files exclude (off unless configured).
	Gitignore Value[bool]
	// Ignored says whether directory walks skip the file; its source is
	// the glob, .prdlintignore or .gitignore line that decided.
	Ignored Value[bool]

	// undoesAdd holds the removed terms (lower case, no kind) that took
	// back a term an outer file or an earlier key added.
	undoesAdd map[string]bool
}

func defaults(path string) *Effective {
	return &Effective{
		Path:      path,
		FailLevel: Value[lint.Severity]{Value: lint.DefaultConfig().FailLevel},
		Rules:     map[string]Value[lint.Severity]{},
	}
}

// Config returns the configuration the linter uses.
func (e *Effective) Config() *lint.Config {
	c := lint.DefaultConfig()
	c.FailLevel = e.FailLevel.Value
	if len(e.Rules) > 0 {
		c.Rules = make(map[string]lint.Severity, len(e.Rules))
		for id, v := range e.Rules {
			c.Rules[id] = v.Value
		}
	}
	c.Settings.MinConfidence = e.MinConfidence.Value
	for _, t := range e.VocabularyAdd {
		c.Settings.VocabularyAdd = append(c.Settings.VocabularyAdd, t.Value)
	}
	for _, t := range e.VocabularyRemove {
		c.Settings.VocabularyRemove = append(c.Settings.VocabularyRemove, t.Value)
	}
	c.Settings.DesignSections = slices.Clone(e.DesignSections.Value)
	c.Settings.DesignMode = e.DesignMode.Value
	c.Settings.WhatSections = slices.Clone(e.WhatSections.Value)
	c.Settings.WhatMode = e.WhatMode.Value
	c.Settings.RequireReason = e.RequireReason.Value
	c.Ignored = e.Ignored.Value
	return c
}

// Resolve works out the configuration of the file at path ("-" is
// standard input, configured from the working directory). The file need
// not exist.
func (l *Loader) Resolve(path string) (*Effective, error) {
	e := defaults(path)
	if l.opts.NoConfig {
		return e, nil
	}
	stdin := path == lint.StdinPath
	abs := l.abs(path)
	dir := filepath.Dir(abs)
	if stdin {
		dir = l.opts.WorkDir
	}
	// Configuration belongs to where the file is, not to how its path is
	// spelt: through a linked directory (or a working directory reached
	// through one) it is the real directory's.
	if real := l.realPath(dir); real != dir {
		dir = real
		if !stdin {
			abs = filepath.Join(real, filepath.Base(abs))
		}
	}
	root := l.rootOf(dir)

	files := []*file{l.explicit}
	if l.explicit == nil {
		files = files[:0]
		for d := dir; ; {
			f, err := l.configIn(d, root)
			if err != nil {
				return nil, err
			}
			if f != nil {
				files = append(files, f)
				if f.root {
					break
				}
			}
			parent := filepath.Dir(d)
			if d == root || parent == d {
				break
			}
			d = parent
		}
		slices.Reverse(files)
	}
	for _, f := range files {
		e.Files = append(e.Files, f.path)
		rel, inside := relSlash(f.dir, abs)
		e.apply(&f.settings)
		if f.gitignore != nil {
			e.Gitignore = Value[bool]{f.gitignore.Value, f.gitignore.Src}
		}
		if stdin || !inside {
			continue
		}
		for _, g := range f.ignore {
			if globMatch(g.Value, rel) {
				e.Ignored = Value[bool]{true, g.Src}
			}
		}
		for i := range f.overrides {
			o := &f.overrides[i]
			if slices.ContainsFunc(o.files, func(g located[string]) bool { return globMatch(g.Value, rel) }) {
				e.apply(&o.settings)
			}
		}
	}
	if !stdin && !e.Ignored.Value {
		ig, err := l.ignored(abs, dir, root)
		if err != nil {
			return nil, err
		}
		if ig != nil {
			e.Ignored = Value[bool]{true, *ig}
		}
	}
	if !stdin && !e.Ignored.Value && e.Gitignore.Value {
		ig, err := l.gitIgnored(abs, dir, root)
		if err != nil {
			return nil, err
		}
		if ig != nil {
			e.Ignored = Value[bool]{true, *ig}
		}
	}
	// Checked for an ignored file too: walks skip it, but named on the
	// command line it is linted, with these settings.
	if err := l.checkRemoved(e); err != nil {
		return nil, err
	}
	return e, nil
}

// IsConfigName reports whether a file's base name is one of the files
// configuration is read from (.prdlint.yaml, .prdlint.yml, .prdlintignore).
func IsConfigName(base string) bool {
	return base == FileName || base == AltFileName || base == IgnoreName
}

// CheckDir loads the configuration and ignore files that apply to files in
// dir and returns the first error a file there would meet: what a change to
// one of them must not break, checked before any PRD is linted with it.
func (l *Loader) CheckDir(dir string) error {
	// Resolve reads everything that applies to a file in dir (the file
	// need not exist), and checks its removes even where an ignore glob
	// takes that file out of walks.
	dir = l.realPath(l.abs(dir))
	probe := filepath.Join(dir, "prdlint-config-check.md")
	e, err := l.Resolve(probe)
	if err != nil {
		return err
	}
	if e.Ignored.Value {
		// Resolve stops at a configuration's ignore glob before it reads
		// the .prdlintignore files; they are checked all the same.
		if _, err := l.ignored(l.abs(probe), dir, l.rootOf(dir)); err != nil {
			return err
		}
	}
	// An override applies only to the files its globs match, which the
	// probe need not be: each is checked as if it matched.
	f, err := l.configIn(dir, l.rootOf(dir))
	if err != nil || f == nil {
		return err
	}
	for i := range f.overrides {
		e, err := l.Resolve(probe)
		if err != nil {
			return err
		}
		e.apply(&f.overrides[i].settings)
		if err := l.checkRemoved(e); err != nil {
			return err
		}
	}
	return nil
}

// CheckSource is CheckDir for the directory of the configuration or
// ignore file at path (see IsConfigName) as if that file held src, such
// as the text an editor holds, unsaved edits included. The files around
// it are read from disk afresh; what l has cached is neither used nor
// changed.
func (l *Loader) CheckSource(path string, src []byte) error {
	if !IsConfigName(filepath.Base(path)) {
		return fmt.Errorf("%s is not a configuration file (%s, %s or %s)", path, FileName, AltFileName, IgnoreName)
	}
	abs := l.abs(path)
	c := blankLoader(l.opts)
	// keyed as Resolve will look the file up: in its real directory
	dir := c.realPath(filepath.Dir(abs))
	c.explicit, c.overlay = l.explicit, map[string][]byte{filepath.Join(dir, filepath.Base(abs)): src}
	return c.CheckDir(dir)
}

// checkRemoved refuses a vocabulary.remove term that changes nothing: not
// in the built-in vocabulary and not taking back a term a configuration
// added. It is usually a typo, a plural ("charts" for "chart"), or a
// product word the vocabulary never had.
func (l *Loader) checkRemoved(e *Effective) error {
	if l.opts.VocabularyHas == nil {
		return nil
	}
	for _, t := range e.VocabularyRemove {
		name := TermName(t.Value)
		if l.opts.VocabularyHas(name) || e.undoesAdd[strings.ToLower(name)] {
			continue
		}
		hint := ""
		for _, suffix := range []string{"es", "s"} {
			if single := strings.TrimSuffix(name, suffix); single != name && l.opts.VocabularyHas(single) {
				hint = fmt.Sprintf(" (did you mean %q? plurals are matched)", single)
				break
			}
		}
		return &Error{File: t.Source.File, Line: t.Source.Line, Column: t.Source.Column,
			Reason: fmt.Sprintf("vocabulary.remove: %q is not in the built-in vocabulary%s and no configuration adds it, so removing it changes nothing; prdlint config vocabulary lists the terms", t.Value, hint)}
	}
	return nil
}

// apply lays s over e.
func (e *Effective) apply(s *settings) {
	for _, id := range s.ruleOrder {
		r := s.rules[id]
		e.Rules[id] = Value[lint.Severity]{r.Value, r.Src}
	}
	if s.failLevel != nil {
		e.FailLevel = Value[lint.Severity]{s.failLevel.Value, s.failLevel.Src}
	}
	if s.minConfidence != nil {
		e.MinConfidence = Value[float64]{s.minConfidence.Value, s.minConfidence.Src}
	}
	// A term added here is no longer removed, and the other way round, so
	// a nearer file can undo a parent's choice.
	for _, t := range s.vocabAdd {
		e.VocabularyRemove = withoutTerm(e.VocabularyRemove, t.Value)
		e.VocabularyAdd = append(withoutTerm(e.VocabularyAdd, t.Value), Value[string]{t.Value, t.Src})
	}
	for _, t := range s.vocabRemove {
		if slices.ContainsFunc(e.VocabularyAdd, sameTerm(t.Value)) {
			if e.undoesAdd == nil {
				e.undoesAdd = map[string]bool{}
			}
			e.undoesAdd[strings.ToLower(TermName(t.Value))] = true
		}
		e.VocabularyAdd = withoutTerm(e.VocabularyAdd, t.Value)
		e.VocabularyRemove = append(withoutTerm(e.VocabularyRemove, t.Value), Value[string]{t.Value, t.Src})
	}
	if s.headings != nil {
		e.DesignSections = Value[[]string]{slices.Clone(s.headings.Value), s.headings.Src}
	}
	if s.mode != nil {
		e.DesignMode = Value[string]{s.mode.Value, s.mode.Src}
	}
	if s.whatHeadings != nil {
		e.WhatSections = Value[[]string]{slices.Clone(s.whatHeadings.Value), s.whatHeadings.Src}
	}
	if s.whatMode != nil {
		e.WhatMode = Value[string]{s.whatMode.Value, s.whatMode.Src}
	}
	if s.requireReason != nil {
		e.RequireReason = Value[bool]{s.requireReason.Value, s.requireReason.Src}
	}
}

// withoutTerm drops term from ts, whatever kind either is written with
// ("code:ledger" replaces "data-model:ledger" and undoes removing "ledger").
func withoutTerm(ts []Value[string], term string) []Value[string] {
	return slices.DeleteFunc(ts, sameTerm(term))
}

// sameTerm matches the values that name term, whatever kind either is
// written with.
func sameTerm(term string) func(Value[string]) bool {
	name := TermName(term)
	return func(v Value[string]) bool { return strings.EqualFold(TermName(v.Value), name) }
}

// TermName is a vocabulary term as the vocabulary knows it: without its
// "kind:" prefix or its "=" case mark ("=Zephyr" and "code:Zephyr" name
// the term "Zephyr" removes).
func TermName(t string) string {
	if _, rest, ok := splitKind(t); ok && rest != "" {
		t = rest // "code: widgetron" as the judge reads it
	}
	return strings.TrimPrefix(strings.TrimSpace(t), "=")
}

// relSlash returns target relative to base with slashes, and whether it
// lies inside base.
func relSlash(base, target string) (string, bool) {
	rel, err := filepath.Rel(base, target)
	if err != nil {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	if rel == ".." || strings.HasPrefix(rel, "../") {
		return rel, false
	}
	return rel, true
}

// globMatch matches a configuration glob against a slash path relative to
// the configuration's directory. A glob that matches a directory matches
// everything under it, so "drafts" and "drafts/" cover drafts/a/b.md.
func globMatch(glob, rel string) bool {
	glob = strings.TrimSuffix(glob, "/")
	for p := rel; p != "." && p != ""; {
		if ok, _ := doublestar.Match(glob, p); ok {
			return true
		}
		i := strings.LastIndexByte(p, '/')
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return false
}

// rootOf returns the repository root above dir: the nearest directory
// holding .git, else the filesystem root.
func (l *Loader) rootOf(dir string) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var walked []string
	root := ""
	for d := dir; ; {
		if r, ok := l.roots[d]; ok {
			root = r
			break
		}
		walked = append(walked, d)
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			root = d
			l.repos[d] = true
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			root = d
			break
		}
		d = parent
	}
	for _, d := range walked {
		l.roots[d] = root
	}
	return root
}

func (l *Loader) entry(dir string) *dirEntry {
	e := l.dirs[dir]
	if e == nil {
		e = &dirEntry{}
		l.dirs[dir] = e
	}
	return e
}

// configIn returns the configuration file in dir, or nil.
func (l *Loader) configIn(dir, root string) (*file, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	e := l.entry(dir)
	if e.cfgDone {
		return e.cfg, e.cfgErr
	}
	e.cfgDone = true
	var found []string
	for _, name := range []string{FileName, AltFileName} {
		p := filepath.Join(dir, name)
		if l.exists(p) {
			found = append(found, p)
		}
	}
	switch len(found) {
	case 0:
		return nil, nil
	case 2:
		e.cfgErr = &Error{File: l.display(found[1]), Line: 1, Column: 1,
			Reason: fmt.Sprintf("both %s and %s are in this directory; keep one", FileName, AltFileName)}
		return nil, e.cfgErr
	}
	display := l.display(found[0])
	data, err := l.readInside(found[0], root, maxFileSize)
	if err != nil {
		e.cfgErr = &Error{File: display, Reason: err.Error()}
		return nil, e.cfgErr
	}
	f, err := parseFile(display, dir, data, l.opts.KnownRules, l.opts.VocabularyKinds)
	if err != nil {
		e.cfgErr = err
		return nil, err
	}
	e.cfg = f
	return f, nil
}

// realPath is dir with symbolic links resolved, or dir itself when it
// cannot be resolved (it does not exist: an unsaved buffer's).
func (l *Loader) realPath(dir string) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.realPathLocked(dir)
}

// realPathLocked is realPath for a caller that holds l.mu.
func (l *Loader) realPathLocked(dir string) string {
	real, ok := l.realDir[dir]
	if !ok {
		var err error
		if real, err = filepath.EvalSymlinks(dir); err != nil {
			real = dir
		}
		// a real path resolves to itself: asked again by it, no second look
		l.realDir[dir], l.realDir[real] = real, real
	}
	return real
}

// readInside reads a discovered file, which must be a regular file that,
// symbolic links followed, lies inside root: a configuration that came
// with a pull request must not make prdlint read elsewhere. A text in the
// overlay is taken instead, within the same limit.
func (l *Loader) readInside(path, root string, limit int64) ([]byte, error) {
	if data, ok := l.overlay[path]; ok {
		if int64(len(data)) > limit {
			return nil, overLimit(limit)
		}
		return data, nil
	}
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return nil, lint.Reason(err)
	}
	if _, inside := relSlash(l.realPathLocked(root), real); !inside {
		return nil, errors.New("is a link to a file outside the repository")
	}
	return readLimited(real, limit)
}

// readLimited reads a regular file of at most limit bytes.
func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, lint.Reason(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, lint.Reason(err)
	}
	if !info.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, lint.Reason(err)
	}
	if int64(len(data)) > limit {
		return nil, overLimit(limit)
	}
	return data, nil
}

func overLimit(limit int64) error {
	return fmt.Errorf("file is over the %d-byte limit", limit)
}

// exists reports whether there is a file at path, on disk or in the
// overlay.
func (l *Loader) exists(path string) bool {
	if _, ok := l.overlay[path]; ok {
		return true
	}
	_, err := os.Lstat(path)
	return err == nil
}
