package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/prdlint/prdlint/lint"
)

// changedLines keeps the findings a change introduced since a git
// revision, so a pull-request check on a long PRD shows what the change
// did: findings on changed lines, and findings elsewhere in a changed file
// that its copy in the revision does not have (a goals section that lost
// its metric, a document that lost its problem statement).
type changedLines struct {
	rev      string
	toplevel string
	// lintOld lints the revision's copy of a file as path; nil keeps only
	// findings on changed lines.
	lintOld func(path string, src []byte) []lint.Diagnostic
	// renamed maps a path in the working tree to the path it had in the
	// revision, for files git sees as renamed (both relative to toplevel);
	// read on first use.
	renamed map[string]string
}

// newChangedLines checks that the working directory is in a git repository
// and that rev names a commit.
func newChangedLines(rev string) (*changedLines, error) {
	top, err := git("rev-parse", "--show-toplevel")
	if err != nil {
		var ee *exec.Error
		var ge *gitError
		switch {
		case errors.As(err, &ee):
			return nil, fmt.Errorf("--new-from-rev needs git: %v", ee.Err)
		case errors.As(err, &ge) && ge.msg != "" && !strings.Contains(ge.msg, "not a git repository"):
			// Git's own reason: "detected dubious ownership…" in a
			// container whose user does not own the checkout.
			return nil, fmt.Errorf("--new-from-rev: %v", ge)
		}
		return nil, errors.New("--new-from-rev: not in a git repository")
	}
	if _, err := git("rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("--new-from-rev: unknown revision %q", rev)
	}
	return &changedLines{rev: rev, toplevel: strings.TrimSpace(string(top))}, nil
}

// git runs git with args in the working directory and returns its
// standard output.
func git(args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	// Paths are file names, not patterns: "a[1].md" must not match a1.md.
	cmd.Env = append(os.Environ(), "GIT_LITERAL_PATHSPECS=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var xe *exec.ExitError
		if errors.As(err, &xe) {
			msg := strings.TrimSpace(stderr.String())
			if i := strings.IndexByte(msg, '\n'); i >= 0 {
				msg = msg[:i]
			}
			return out, &gitError{code: xe.ExitCode(), msg: msg}
		}
		return out, err
	}
	return out, nil
}

type gitError struct {
	code int
	msg  string
}

func (e *gitError) Error() string {
	if e.msg == "" {
		return fmt.Sprintf("git exited with status %d", e.code)
	}
	return strings.TrimPrefix(e.msg, "fatal: ")
}

// apply drops the findings whose sentence touches no changed line. A file
// that cannot be diffed is reported as an error and keeps no findings.
// stdinName is the path standard input was linted as, or "" when it was
// not linted.
func (c *changedLines) apply(rep *lint.Report, stdinName string) {
	var diags []lint.Diagnostic
	for _, f := range rep.Files {
		if len(f.Diagnostics) == 0 {
			continue
		}
		var changed lineSet
		var oldSpec string
		var err error
		if f.Path == stdinName && f.Doc != nil {
			changed, oldSpec, err = c.sourceLines(f.Path, f.Doc.Source)
		} else {
			changed, oldSpec, err = c.fileLines(f.Path)
		}
		if err != nil {
			fe := &lint.FileError{Path: f.Path, Err: fmt.Errorf("--new-from-rev: %w", err)}
			if f.Err == nil {
				f.Err = fe
				rep.Errors = append(rep.Errors, fe)
			}
			f.Diagnostics = nil
			continue
		}
		var elsewhere []lint.Diagnostic
		kept := f.Diagnostics[:0]
		for _, d := range f.Diagnostics {
			if changed.any(d.Line, d.EndLine) {
				kept = append(kept, d)
			} else {
				elsewhere = append(elsewhere, d)
			}
		}
		if len(elsewhere) > 0 && c.lintOld != nil && changed.some() {
			kept = append(kept, c.newElsewhere(f.Path, oldSpec, elsewhere)...)
			lint.SortDiagnostics(kept)
		}
		f.Diagnostics = kept
		diags = append(diags, kept...)
	}
	lint.SortDiagnostics(diags)
	rep.Diagnostics = diags
}

// newElsewhere returns the findings, among those on unchanged lines of a
// changed file, that the revision's copy of the file (oldSpec) does not
// have: the same rule on the same sentence counts as the same finding,
// wherever the lines moved.
func (c *changedLines) newElsewhere(path, oldSpec string, ds []lint.Diagnostic) []lint.Diagnostic {
	old, err := git("show", oldSpec)
	if err != nil {
		return nil
	}
	type key struct{ rule, sentence string }
	had := map[key]int{}
	for _, d := range c.lintOld(path, old) {
		had[key{d.Rule, d.Sentence}]++
	}
	var out []lint.Diagnostic
	for _, d := range ds {
		k := key{d.Rule, d.Sentence}
		if had[k] > 0 {
			had[k]--
			continue
		}
		out = append(out, d)
	}
	return out
}

// diffArgs are the options of every diff: no colour, no external or
// text-conversion driver, and text even where .gitattributes says a
// Markdown file is binary ("-diff"), which would give no line numbers.
var diffArgs = []string{"diff", "--no-color", "--no-ext-diff", "--no-textconv", "--text", "--unified=0"}

// fileLines diffs the file on disk against the revision and names the
// revision's copy of it ("REV:./path"); a file the revision does not have,
// under this name or one git sees it renamed from, is changed throughout.
func (c *changedLines) fileLines(path string) (lineSet, string, error) {
	spec, err := c.revPath(path)
	if err != nil {
		return nil, "", err
	}
	if _, err := git("cat-file", "-e", spec); err == nil {
		out, err := git(append(diffArgs, c.rev, "--", path)...)
		if err != nil {
			return nil, "", err
		}
		return parseHunks(out), spec, nil
	}
	oldPath, err := c.renamedFrom(path)
	if err != nil || oldPath == "" {
		return allLines{}, "", err
	}
	// Both names in the pathspec, so that git pairs them as a rename and
	// numbers the hunks by the new file's lines.
	oldRel, err := c.workRel(oldPath)
	if err != nil {
		return nil, "", err
	}
	out, err := git(append(diffArgs, "-M", c.rev, "--", oldRel, path)...)
	if err != nil {
		return nil, "", err
	}
	return parseHunks(out), c.rev + ":" + oldPath, nil
}

// renamedFrom is the path, relative to the repository root, that path had
// in the revision when git sees the file as renamed since; "" when not.
func (c *changedLines) renamedFrom(path string) (string, error) {
	if c.renamed == nil {
		out, err := git("diff", "--no-color", "--name-status", "-z", "-M", "--diff-filter=R", c.rev)
		if err != nil {
			return "", err
		}
		c.renamed = parseRenames(out)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(c.toplevel, abs)
	if err != nil {
		return "", err
	}
	return c.renamed[filepath.ToSlash(rel)], nil
}

// parseRenames reads "git diff --name-status -z" output: for each rename,
// "R<score>", the old path and the new one, each ended by NUL; it maps new
// to old.
func parseRenames(out []byte) map[string]string {
	m := map[string]string{}
	fields := strings.Split(string(out), "\x00")
	for i := 0; i+2 < len(fields); {
		if strings.HasPrefix(fields[i], "R") {
			m[fields[i+2]] = fields[i+1]
			i += 3
			continue
		}
		i += 2
	}
	return m
}

// workRel turns a path relative to the repository root into one relative
// to the working directory, as pathspecs are read.
func (c *changedLines) workRel(rootRel string) (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	return filepath.Rel(wd, filepath.Join(c.toplevel, filepath.FromSlash(rootRel)))
}

// sourceLines diffs text that is not on disk (standard input, linted as
// path) against the revision's copy of path, which it names.
func (c *changedLines) sourceLines(path string, src []byte) (lineSet, string, error) {
	spec, err := c.revPath(path)
	if err != nil {
		return nil, "", err
	}
	old, err := git("show", spec)
	if err != nil {
		return allLines{}, "", nil
	}
	dir, err := os.MkdirTemp("", "prdlint-diff-")
	if err != nil {
		return nil, "", err
	}
	defer os.RemoveAll(dir)
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	if err := os.WriteFile(a, old, 0o600); err != nil {
		return nil, "", err
	}
	if err := os.WriteFile(b, src, 0o600); err != nil {
		return nil, "", err
	}
	out, err := git(append(diffArgs, "--no-index", "--", a, b)...)
	var ge *gitError
	if err != nil && !(errors.As(err, &ge) && ge.code == 1) { // 1: the inputs differ
		return nil, "", err
	}
	return parseHunks(out), spec, nil
}

// revPath names path in the revision: "REV:./path", which git resolves
// from the working directory.
func (c *changedLines) revPath(path string) (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(wd, abs)
	if err != nil {
		return "", err
	}
	return c.rev + ":./" + filepath.ToSlash(rel), nil
}

// lineSet says which lines of a file changed.
type lineSet interface {
	// any reports whether a line in [from, to] changed.
	any(from, to int) bool
	// some reports whether the file changed at all, deletions included.
	some() bool
}

// allLines is a file that is new since the revision.
type allLines struct{}

func (allLines) any(int, int) bool { return true }
func (allLines) some() bool        { return true }

// lineRanges are the new-side ranges of a diff's hunks, [from, to]
// inclusive; a hunk that only deletes is an empty range after the line it
// follows (from = to + 1), which holds no line but marks a change.
type lineRanges [][2]int

func (r lineRanges) some() bool { return len(r) > 0 }

func (r lineRanges) any(from, to int) bool {
	for _, h := range r {
		if h[0] <= h[1] && h[0] <= to && from <= h[1] {
			return true
		}
	}
	return false
}

var hunkHeader = regexp.MustCompile(`^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@`)

// parseHunks reads the "@@ -a,b +c,d @@" headers of a unified diff with no
// context; a hunk that only deletes (d = 0) changes no line of the new file.
func parseHunks(diff []byte) lineRanges {
	var r lineRanges
	sc := bufio.NewScanner(bytes.NewReader(diff))
	sc.Buffer(make([]byte, 64*1024), len(diff)+1)
	for sc.Scan() {
		m := hunkHeader.FindSubmatch(sc.Bytes())
		if m == nil {
			continue
		}
		start, _ := strconv.Atoi(string(m[1]))
		count := 1
		if len(m[2]) > 0 {
			count, _ = strconv.Atoi(string(m[2]))
		}
		// A deletion ("+c,0") is kept as the empty range [c+1, c]: no
		// finding lies on it, but the file changed.
		if count > 0 {
			r = append(r, [2]int{start, start + count - 1})
		} else {
			r = append(r, [2]int{start + 1, start})
		}
	}
	return r
}
