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

// changedLines keeps only findings on lines changed since a git revision,
// so a pull-request check on a long PRD shows what the change introduced.
type changedLines struct {
	rev string
}

// newChangedLines checks that the working directory is in a git repository
// and that rev names a commit.
func newChangedLines(rev string) (*changedLines, error) {
	if _, err := git("rev-parse", "--show-toplevel"); err != nil {
		var ee *exec.Error
		if errors.As(err, &ee) {
			return nil, fmt.Errorf("--new-from-rev needs git: %v", ee.Err)
		}
		return nil, errors.New("--new-from-rev: not in a git repository")
	}
	if _, err := git("rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("--new-from-rev: unknown revision %q", rev)
	}
	return &changedLines{rev: rev}, nil
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
		var err error
		if f.Path == stdinName && f.Doc != nil {
			changed, err = c.sourceLines(f.Path, f.Doc.Source)
		} else {
			changed, err = c.fileLines(f.Path)
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
		kept := f.Diagnostics[:0]
		for _, d := range f.Diagnostics {
			if changed.any(d.Line, d.EndLine) {
				kept = append(kept, d)
			}
		}
		f.Diagnostics = kept
		diags = append(diags, kept...)
	}
	lint.SortDiagnostics(diags)
	rep.Diagnostics = diags
}

// fileLines diffs the file on disk against the revision; a file the
// revision does not have is changed throughout.
func (c *changedLines) fileLines(path string) (lineSet, error) {
	spec, err := c.revPath(path)
	if err != nil {
		return nil, err
	}
	if _, err := git("cat-file", "-e", spec); err != nil {
		return allLines{}, nil
	}
	out, err := git("diff", "--no-color", "--no-ext-diff", "--no-textconv", "--unified=0", c.rev, "--", path)
	if err != nil {
		return nil, err
	}
	return parseHunks(out), nil
}

// sourceLines diffs text that is not on disk (standard input, linted as
// path) against the revision's copy of path.
func (c *changedLines) sourceLines(path string, src []byte) (lineSet, error) {
	spec, err := c.revPath(path)
	if err != nil {
		return nil, err
	}
	old, err := git("show", spec)
	if err != nil {
		return allLines{}, nil
	}
	dir, err := os.MkdirTemp("", "prdlint-diff-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	if err := os.WriteFile(a, old, 0o600); err != nil {
		return nil, err
	}
	if err := os.WriteFile(b, src, 0o600); err != nil {
		return nil, err
	}
	out, err := git("diff", "--no-index", "--no-color", "--no-ext-diff", "--no-textconv", "--unified=0", "--", a, b)
	var ge *gitError
	if err != nil && !(errors.As(err, &ge) && ge.code == 1) { // 1: the inputs differ
		return nil, err
	}
	return parseHunks(out), nil
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
}

// allLines is a file that is new since the revision.
type allLines struct{}

func (allLines) any(int, int) bool { return true }

// lineRanges are the new-side ranges of a diff's hunks, [from, to] inclusive.
type lineRanges [][2]int

func (r lineRanges) any(from, to int) bool {
	for _, h := range r {
		if h[0] <= to && from <= h[1] {
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
		if count > 0 {
			r = append(r, [2]int{start, start + count - 1})
		}
	}
	return r
}
