package lint

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"syscall"
	"unicode/utf8"

	"github.com/bmatcuk/doublestar/v4"
)

// DefaultMaxFileSize is the largest file linted unless configured otherwise.
const DefaultMaxFileSize = 16 << 20

// StdinPath is the path that stands for standard input on the command line.
const StdinPath = "-"

// Filter post-processes one document's diagnostics, e.g. to apply
// suppression comments. It must not reorder positions.
type Filter func(doc *Document, cfg *Config, diags []Diagnostic) []Diagnostic

// Linter runs rules over files.
type Linter struct {
	Rules []*Rule
	// ConfigFor returns the configuration for a file path; nil means
	// DefaultConfig for every file.
	ConfigFor func(path string) (*Config, error)
	// Filters run, in order, over each document's diagnostics.
	Filters []Filter
	// MaxFileSize is the size in bytes above which a file is reported and
	// skipped; 0 means DefaultMaxFileSize.
	MaxFileSize int64
	// Jobs is how many files are linted at once; 0 means one per CPU.
	Jobs int
	// Stdin is read for the path "-"; StdinName, when set, is the path
	// reported (and configured) for it.
	Stdin     io.Reader
	StdinName string
	// DropDocuments makes Lint release each file's Document once it is
	// checked (Result.Doc is nil), for callers that only read diagnostics:
	// memory then stays flat however many files are linted. Standard
	// input's document is kept, as it cannot be read again.
	DropDocuments bool
	// ForceExclude applies the configuration's ignores to files named on
	// the command line too, not only to directory walks: pre-commit names
	// every staged file, and a team's ignored drafts must not block it.
	ForceExclude bool
	// CheckFile, when set, is asked about each file named on the command
	// line before it is linted: a file it claims is not linted as
	// Markdown, and the error it returns, if any, is that file's error.
	// The command claims configuration files, so that a commit that
	// breaks .prdlint.yaml fails its own pre-commit check.
	CheckFile func(path string) (claimed bool, err error)
	// CheckSource is CheckFile for standard input, asked with the path
	// StdinName gives it and the text read: an editor that pipes its
	// buffer ("--stdin-filename .prdlint.yaml -") gets the configuration
	// checked, unsaved edits included, rather than linted as prose. A
	// claimed input is a file with no findings, or with the error.
	CheckSource func(path string, src []byte) (claimed bool, err error)

	// ruleIDs and directiveRuleIDs are the sorted IDs of Rules, and of
	// those of CategoryDirective; derived once, on first use, for every
	// document's check reads them.
	idsOnce                   sync.Once
	ruleIDs, directiveRuleIDs []string
}

// sortedIDs returns the sorted IDs of the linter's rules and of its
// directive rules.
func (l *Linter) sortedIDs() (all, directive []string) {
	l.idsOnce.Do(func() {
		l.ruleIDs = sortedRuleIDs(l.Rules, "")
		l.directiveRuleIDs = sortedRuleIDs(l.Rules, CategoryDirective)
	})
	return l.ruleIDs, l.directiveRuleIDs
}

// FileError is a file that could not be linted, and why.
type FileError struct {
	Path string
	Err  error
}

func (e *FileError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// Locator is implemented by an error that knows where it points: a line
// and column (in code points) of a file of its own, such as a
// configuration error in .prdlint.yaml, or, with an empty path, of the
// linted file itself, such as invalid UTF-8.
type Locator interface {
	Location() (path string, line, column int)
}

// Location is where a file's error points: the place a Locator in its
// chain names (a broken .prdlint.yaml's line and column, or a line and
// column of the linted file itself), with ok true; else the linted file's
// first line, with ok false. Formats that annotate files put the error
// there, so a pull request shows it on the line to fix.
func (e *FileError) Location() (path string, line, column int, ok bool) {
	var l Locator
	if errors.As(e.Err, &l) {
		p, ln, col := l.Location()
		if p == "" {
			p = e.Path
		}
		return p, max(ln, 1), max(col, 1), true
	}
	return e.Path, 1, 1, false
}

// Result is one file's outcome.
type Result struct {
	Path        string
	Doc         *Document
	Config      *Config
	Diagnostics []Diagnostic
	Err         *FileError
	// Linted says the rules ran over the file: true beside an Err that
	// reports broken front matter, whose prose is still linted.
	Linted bool
}

// Report is the outcome of one run over many files.
type Report struct {
	// Files are the results in path order, one per file linted or failed.
	Files []*Result
	// Diagnostics are all findings, sorted by path, line and column.
	Diagnostics []Diagnostic
	// Errors are the files that could not be read or linted.
	Errors []*FileError
}

// Failing counts the diagnostics at or above their file's fail level.
func (r *Report) Failing() int {
	n := 0
	for _, f := range r.Files {
		for i := range f.Diagnostics {
			if f.Fails(&f.Diagnostics[i]) {
				n++
			}
		}
	}
	return n
}

// Fails reports whether d, a finding of this file, is at or above the
// file's fail level (the default one when the result carries no
// configuration), so that it makes the run fail.
func (r *Result) Fails(d *Diagnostic) bool {
	level := defaultFailLevel
	if r.Config != nil {
		level = r.Config.FailLevel
	}
	return level > SeverityOff && d.Severity >= level
}

// ExitCode is 2 when any file could not be linted, 1 when a finding is at
// or above the fail level, else 0.
func (r *Report) ExitCode() int {
	switch {
	case len(r.Errors) > 0:
		return 2
	case r.Failing() > 0:
		return 1
	}
	return 0
}

// Lint expands paths (files, directories walked for *.md and *.markdown,
// and "-" for standard input), lints every file and collects the results.
// It never stops at a bad file: the error is recorded and the rest are
// still linted.
func (l *Linter) Lint(paths []string) *Report {
	files, checked, errs := l.collect(paths)
	results := make([]*Result, len(files))
	jobs := l.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				res := l.lintPath(files[i])
				if l.DropDocuments && files[i] != StdinPath {
					res.Doc = nil
				}
				results[i] = res
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()

	rep := &Report{Files: checked}
	for _, e := range errs {
		rep.Files = append(rep.Files, &Result{Path: e.Path, Err: e})
	}
	for _, r := range results {
		if r != nil {
			rep.Files = append(rep.Files, r)
		}
	}
	sort.SliceStable(rep.Files, func(i, j int) bool { return rep.Files[i].Path < rep.Files[j].Path })
	for _, r := range rep.Files {
		if r.Err != nil {
			rep.Errors = append(rep.Errors, r.Err)
		}
		rep.Diagnostics = append(rep.Diagnostics, r.Diagnostics...)
	}
	SortDiagnostics(rep.Diagnostics)
	return rep
}

// SortDiagnostics sorts by path, line, column and rule.
func SortDiagnostics(ds []Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].Less(&ds[j]) })
}

// collect expands the command-line paths into the files to lint, in a
// stable order, and the paths that could not be used. The files
// CheckFile claims are apart: each is a result of its own, with no
// finding and the check's error if any, as a claimed standard input is
// (see lintPath), so a checked file counts as a file in every format
// whether it is named or piped.
func (l *Linter) collect(paths []string) (files []string, checked []*Result, errs []*FileError) {
	// "./a.md", "a.md", "../docs/a.md" from docs, a walk's "docs/a.md"
	// for "./docs/a.md" and a path through a linked directory are one
	// file, its key: linted once, under the first spelling met.
	seen := map[string]bool{}
	addKey := func(p, key string) {
		if !seen[key] {
			seen[key] = true
			files = append(files, p)
		}
	}
	add := func(p string) {
		key := p
		if p != StdinPath {
			key = ResolvedPath(p)
		}
		addKey(p, key)
	}
	for _, p := range paths {
		if p == StdinPath {
			if !l.ForceExclude || l.StdinName == "" || !l.ignored(l.StdinName) {
				add(p)
			}
			continue
		}
		info, err := os.Stat(p)
		if errors.Is(err, fs.ErrNotExist) && IsPathPattern(p) {
			found, unreadable, err := globMarkdown(p)
			for _, e := range unreadable {
				// a broken link the configuration ignores is no concern
				if !l.ignored(e.Path) {
					errs = append(errs, e)
				}
			}
			if err == nil {
				err = keptError(l.addUnignored(found, add), len(found), errNoMatch, "it matches")
			}
			if err != nil {
				errs = append(errs, &FileError{Path: p, Err: err})
			}
			continue
		}
		if err != nil {
			errs = append(errs, &FileError{Path: p, Err: Reason(err)})
			continue
		}
		if !info.IsDir() {
			key := ResolvedPath(p)
			if seen[key] {
				// Named twice: linted, or checked, once.
				continue
			}
			if l.CheckFile != nil {
				if claimed, err := l.CheckFile(p); claimed {
					seen[key] = true
					checked = append(checked, checkedResult(p, err))
					continue
				}
			}
			if !l.ForceExclude || !l.ignored(p) {
				addKey(p, key)
			}
			continue
		}
		var found []string
		root := p
		if li, err := os.Lstat(p); err == nil && li.Mode()&fs.ModeSymlink != 0 {
			// A named link to a directory is walked as that directory
			// (WalkDir alone would see one link and list nothing); links
			// met inside a walk are still not followed.
			root = p + string(filepath.Separator)
		}
		walkErr := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &FileError{Path: path, Err: Reason(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if path != root && skipDir(d.Name()) {
					return fs.SkipDir
				}
				return nil
			}
			if IsMarkdownName(d.Name()) {
				switch ok, err := isRegularFile(path, d); {
				case err != nil:
					if !l.ignored(path) {
						errs = append(errs, &FileError{Path: path, Err: err})
					}
				case ok:
					found = append(found, path)
				}
			}
			return nil
		})
		if walkErr != nil {
			errs = append(errs, &FileError{Path: p, Err: Reason(walkErr)})
		}
		sort.Strings(found)
		kept := l.addUnignored(found, add)
		if walkErr == nil {
			if err := keptError(kept, len(found), ErrNoMarkdown, "under it"); err != nil {
				errs = append(errs, &FileError{Path: p, Err: err})
			}
		}
	}
	return files, checked, errs
}

// addUnignored adds the files that configuration does not ignore, and
// says how many it added.
func (l *Linter) addUnignored(found []string, add func(string)) int {
	kept := 0
	for _, f := range found {
		if !l.ignored(f) {
			add(f)
			kept++
		}
	}
	return kept
}

// keptError is the error of a directory or pattern that yields nothing to
// lint, none when it kept a file: none when it found nothing, else that
// configuration ignores the files found, which are where says ("under
// it"). That is a mistake (a wrong path, an ignore glob that takes
// everything), not a clean run: a hook or CI job that lints nothing must
// not pass.
func keptError(kept, found int, none error, where string) error {
	switch {
	case kept > 0:
		return nil
	case found == 0:
		return none
	case found == 1:
		return fmt.Errorf("the one Markdown file %s is ignored by configuration", where)
	}
	return fmt.Errorf("all %d Markdown files %s are ignored by configuration", found, where)
}

// errNoMatch is the reason given for a pattern that names no Markdown file.
var errNoMatch = errors.New("no Markdown file (*.md, *.markdown) matches this pattern; ** skips dot folders, node_modules and vendor")

// IsPathPattern reports whether a path that names nothing is a pattern
// that Lint expands: "*", "?", "[" or "{" in it.
func IsPathPattern(p string) bool { return strings.ContainsAny(p, "*?[{") }

// globMarkdown expands a pattern ("docs/**/*.md") the shell left alone,
// as it does when quoted, on Windows, or in the Action's path list, into
// the Markdown files it matches, sorted, and the folders it could not
// read. As in a directory walk, links to folders are not followed,
// folders walks skip (dot folders, node_modules, vendor) are not entered
// by a wildcard, and a folder that cannot be read is an error naming it;
// the pattern's own leading folders may be anything.
func globMarkdown(pattern string) (found []string, unreadable []*FileError, err error) {
	base, rest := doublestar.SplitPattern(filepath.ToSlash(filepath.Clean(pattern)))
	fsys := &globFS{FS: os.DirFS(base), base: base}
	matches, err := doublestar.Glob(fsys, rest, doublestar.WithFilesOnly(), doublestar.WithNoFollow())
	if err != nil {
		return nil, nil, fmt.Errorf("not a valid pattern: %w", err)
	}
	for _, m := range matches {
		// m is relative to base, in slashes
		if !IsMarkdownName(path.Base(m)) || hasSkippedDir(path.Dir(m)) {
			continue
		}
		m = filepath.Join(filepath.FromSlash(base), filepath.FromSlash(m))
		// A link to a folder or a device is no file to lint; a link
		// that leads nowhere is an error, as in a walk; a file that
		// cannot be looked at is kept, for its read to say why.
		info, err := os.Stat(m)
		if err == nil && !info.Mode().IsRegular() {
			continue
		}
		if err != nil {
			if li, lerr := os.Lstat(m); lerr == nil && li.Mode()&fs.ModeSymlink != 0 {
				unreadable = append(unreadable, &FileError{Path: m, Err: brokenLink(err)})
				continue
			}
		}
		found = append(found, m)
	}
	sort.Strings(found)
	return found, append(fsys.unreadable, unreadable...), nil
}

// globFS is the folder a pattern is matched in, as doublestar reads it.
// doublestar passes over a folder it cannot read in silence; globFS
// records it, as a walk reports it, and does not read the folders a walk
// skips, where no match would be kept.
type globFS struct {
	fs.FS
	// base is the folder FS reads, in the pattern's slashes.
	base       string
	unreadable []*FileError
}

// ReadDir implements fs.ReadDirFS.
func (g *globFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if hasSkippedDir(name) {
		return nil, nil
	}
	entries, err := fs.ReadDir(g.FS, name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR) {
		g.record(name, err)
	}
	return entries, err
}

// Stat implements fs.StatFS. doublestar stats the literal parts of a
// pattern ("docs/*/prd.md") instead of reading their folder: a folder it
// may not search fails that way.
func (g *globFS) Stat(name string) (fs.FileInfo, error) {
	info, err := fs.Stat(g.FS, name)
	if errors.Is(err, fs.ErrPermission) && !hasSkippedDir(path.Dir(name)) {
		g.record(name, err)
	}
	return info, err
}

// record notes a folder or file that could not be read, once however
// often the pattern leads to it.
func (g *globFS) record(name string, err error) {
	p := filepath.FromSlash(path.Join(g.base, name))
	if !slices.ContainsFunc(g.unreadable, func(e *FileError) bool { return e.Path == p }) {
		g.unreadable = append(g.unreadable, &FileError{Path: p, Err: Reason(err)})
	}
}

// hasSkippedDir reports whether a slash-separated folder path holds a
// folder a walk skips.
func hasSkippedDir(dir string) bool {
	for _, name := range strings.Split(dir, "/") {
		if name != "" && name != "." && skipDir(name) {
			return true
		}
	}
	return false
}

// ErrNoMarkdown is the reason given for a directory with no Markdown file
// to lint.
var ErrNoMarkdown = errors.New("no Markdown file (*.md, *.markdown) under it; walks skip dot folders, node_modules and vendor")

// isRegularFile reports whether a walk's entry is a regular file or a
// link to one: a linked PRD is linted like any other, while links to
// directories are not followed, so a walk cannot loop.
func isRegularFile(path string, d fs.DirEntry) (bool, error) {
	if d.Type().IsRegular() {
		return true, nil
	}
	if d.Type()&fs.ModeSymlink == 0 {
		return false, nil
	}
	info, err := os.Stat(path)
	if err != nil {
		return false, brokenLink(err)
	}
	return info.Mode().IsRegular(), nil
}

// brokenLink is the error of a link named like a Markdown file that leads
// nowhere (dangling, or a loop): reported, not passed over in silence, as
// the same link named on the command line is.
func brokenLink(err error) error {
	return fmt.Errorf("broken symbolic link: %w", Reason(err))
}

// ignored reports whether configuration ignores a file found in a
// directory walk. A file whose configuration cannot be loaded is kept, so
// the error is reported when it is linted.
func (l *Linter) ignored(path string) bool {
	if l.ConfigFor == nil {
		return false
	}
	c, err := l.ConfigFor(path)
	return err == nil && c != nil && c.Ignored
}

// IsMarkdownName reports whether a file name has a Markdown extension.
func IsMarkdownName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".md" || ext == ".markdown"
}

// skipDir reports whether a directory walk skips a folder of this name:
// dependencies (vendor, node_modules) hold other projects' Markdown, and
// dot-folders (.git, .github, .venv) hold tooling, not PRDs. The folder a
// walk starts from is never skipped.
func skipDir(name string) bool {
	return name == "node_modules" || name == "vendor" || (strings.HasPrefix(name, ".") && name != "." && name != "..")
}

// WalkSkippedDir returns the leading part of path that ends in the first
// folder a directory walk skips (see skipDir), such as "docs/vendor" for
// "docs/vendor/x.md", or "" when no folder on path is one. A walk started
// from above that folder does not list the file; one started inside it,
// or naming the file, does.
func WalkSkippedDir(path string) string {
	dir := filepath.Dir(filepath.Clean(path))
	if dir == "." || dir == string(filepath.Separator) {
		return ""
	}
	parts := strings.Split(dir, string(filepath.Separator))
	for i, name := range parts {
		if skipDir(name) {
			return strings.Join(parts[:i+1], string(filepath.Separator))
		}
	}
	return ""
}

// Reason turns an OS error into a short reason without repeating the
// path, for one-line messages that name the file themselves.
func Reason(err error) error {
	if err == nil {
		return nil
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such file or directory")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied")
	}
	return err
}

func (l *Linter) lintPath(path string) *Result {
	display := path
	if path == StdinPath && l.StdinName != "" {
		display = l.StdinName
	}
	src, err := l.read(path)
	if err != nil {
		return &Result{Path: display, Err: &FileError{Path: display, Err: err}}
	}
	if path == StdinPath && l.CheckSource != nil {
		if claimed, err := l.CheckSource(display, src); claimed {
			return checkedResult(display, err)
		}
	}
	return l.LintSource(display, src)
}

// checkedResult is the result of a file that CheckFile or CheckSource
// claimed: no finding, and the check's error if any.
func checkedResult(path string, err error) *Result {
	res := &Result{Path: path}
	if err != nil {
		res.Err = &FileError{Path: path, Err: err}
	}
	return res
}

func (l *Linter) read(path string) ([]byte, error) {
	limit := l.MaxFileSize
	if limit <= 0 {
		limit = DefaultMaxFileSize
	}
	var r io.Reader
	if path == StdinPath {
		if l.Stdin == nil {
			return nil, errors.New("no standard input")
		}
		r = l.Stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, Reason(err)
		}
		defer f.Close()
		info, err := f.Stat()
		if err != nil {
			return nil, Reason(err)
		}
		if info.IsDir() {
			return nil, errors.New("is a directory")
		}
		if info.Size() > limit {
			return nil, fmt.Errorf("file is %s, over the %s limit (raise it with --max-file-size)", byteSize(info.Size()), byteSize(limit))
		}
		r = f
	}
	src, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, Reason(err)
	}
	if int64(len(src)) > limit {
		return nil, fmt.Errorf("input is over the %s limit (raise it with --max-file-size)", byteSize(limit))
	}
	return src, nil
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// CheckText rejects input that is not text: a NUL byte means a binary
// file, and invalid UTF-8 is an *EncodingError at its line and column.
func CheckText(src []byte) error {
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return errors.New("binary file (contains a NUL byte), not Markdown")
	}
	if !utf8.Valid(src) {
		for i := 0; i < len(src); {
			r, n := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && n <= 1 {
				x := newLineIndex(src)
				line, col := x.position(i)
				return &EncodingError{Line: line, Column: col, ByteColumn: i - x.starts[line-1] + 1}
			}
			i += n
		}
	}
	return nil
}

// EncodingError is input that is not UTF-8: the place of its first
// invalid byte.
type EncodingError struct {
	// Line and Column are 1-based; Column counts code points, as findings'
	// columns do.
	Line, Column int
	// ByteColumn is the same place as a 1-based byte column, counted as
	// Document.ByteColumn counts, for formats that count bytes (reviewdog's):
	// without a parsed document they could not convert Column.
	ByteColumn int
}

func (e *EncodingError) Error() string {
	return fmt.Sprintf("invalid UTF-8 at line %d, column %d", e.Line, e.Column)
}

// Location implements Locator: a place in the linted file itself.
func (e *EncodingError) Location() (path string, line, column int) {
	return "", e.Line, e.Column
}

// LintSource lints one document held in memory; path is what findings
// report and what configuration is looked up for.
func (l *Linter) LintSource(path string, src []byte) (res *Result) {
	res = &Result{Path: path}
	defer func() {
		if p := recover(); p != nil {
			res.Diagnostics = nil
			res.Err = &FileError{Path: path, Err: fmt.Errorf("internal error: %v", p)}
		}
	}()
	cfg := DefaultConfig()
	if l.ConfigFor != nil {
		c, err := l.ConfigFor(path)
		if err != nil {
			res.Err = &FileError{Path: path, Err: err}
			return res
		}
		if c != nil {
			cfg = c
		}
	}
	res.Config = cfg
	if err := CheckText(src); err != nil {
		res.Err = &FileError{Path: path, Err: err}
		return res
	}
	doc, err := Parse(path, src)
	if err != nil {
		res.Err = &FileError{Path: path, Err: err}
		// The prose is still linted: broken front matter is not a reason
		// to drop the findings below it.
	}
	res.Doc = doc
	res.Diagnostics = l.Check(doc, cfg)
	res.Linted = true
	return res
}

// Check runs the rules over a parsed document under cfg and returns the
// filtered, sorted diagnostics.
func (l *Linter) Check(doc *Document, cfg *Config) []Diagnostic {
	var diags []Diagnostic
	enabled := func(id string) bool {
		for _, r := range l.Rules {
			if r.ID == id {
				return cfg.SeverityOf(r) != SeverityOff
			}
		}
		return false
	}
	ids, directive := l.sortedIDs()
	// Directives read the rules that report on them, whatever their IDs.
	doc.directiveRules = directive
	for _, r := range l.Rules {
		sev := cfg.SeverityOf(r)
		if sev == SeverityOff {
			continue
		}
		rule := *r
		rule.Severity = sev
		pass := &Pass{Rule: &rule, Doc: doc, Settings: &cfg.Settings, enabled: enabled, ruleIDs: ids, report: func(d Diagnostic) {
			diags = append(diags, d)
		}}
		r.Run(pass)
	}
	if min := cfg.Settings.MinConfidence; min > 0 {
		kept := diags[:0]
		for _, d := range diags {
			if d.Confidence >= min {
				kept = append(kept, d)
			}
		}
		diags = kept
	}
	for _, f := range l.Filters {
		diags = f(doc, cfg, diags)
	}
	// After the filters: a finding a directive silences must not hide
	// another rule's finding on the same sentence.
	diags = onePerSentence(diags)
	SortDiagnostics(diags)
	// The rules' shared work is done; kept, it would hold a judgement of
	// every sentence for as long as the document lives.
	doc.cache = nil
	return diags
}

// onePerSentence keeps, for each sentence and category, the most confident
// finding (on a tie, the lowest rule ID) in the place of the first one:
// one sentence that prescribes implementation is one finding, whichever
// rules saw it. Findings that cover no sentence (End <= Start) are all
// kept. It reuses diags' array: a finding is written at or before its own
// place, over one already read.
func onePerSentence(diags []Diagnostic) []Diagnostic {
	type key struct {
		start, end int
		cat        Category
	}
	best := make(map[key]int, len(diags))
	out := diags[:0]
	for _, d := range diags {
		if d.End <= d.Start {
			out = append(out, d)
			continue
		}
		k := key{d.Start, d.End, d.Category}
		if i, ok := best[k]; ok {
			if d.Confidence > out[i].Confidence || d.Confidence == out[i].Confidence && d.Rule < out[i].Rule {
				out[i] = d
			}
			continue
		}
		best[k] = len(out)
		out = append(out, d)
	}
	return out
}
