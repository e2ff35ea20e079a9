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
	"slices"
	"strconv"
	"strings"

	"github.com/prdlint/prdlint/lint"
)

// changedLines keeps the findings a change introduced since a git
// revision, so a pull-request check on a long PRD shows what the change
// did. A file the revision does not have is new throughout; a file it has
// unchanged keeps nothing; a changed file keeps the findings that the
// revision's copy of it, linted the same way, does not have. A finding is
// the same as an old one when its rule, severity and sentence are (for a
// finding about the whole document, its rule and severity): so a finding
// the change caused on an untouched line (a goal list whose metric was
// deleted) is kept, and a paragraph that was only moved or re-wrapped
// reports nothing.
type changedLines struct {
	rev string
	// top is the repository's top-level directory, symbolic links
	// resolved; git runs there, so every path it reads or prints is
	// relative to it.
	top string
	// lintOld lints the revision's copy of a file as path; nil, or an old
	// copy that cannot be linted, falls back to keeping the findings on
	// changed lines.
	lintOld func(path string, src []byte) *lint.Result
	// inRev holds the paths of the revision's files, and changed maps
	// each path git sees changed since it to the path it had there ("" for
	// a file added to the index); both are read on first use, with one git
	// command each, so unchanged files cost no git call.
	inRev   map[string]bool
	changed map[string]string
	// otherRepo caches, by directory, the top of another git repository
	// an untracked file's directory lies in ("" for none), so that a new
	// folder of files costs one git call.
	otherRepo map[string]string
}

// newChangedLines checks that the working directory is in a git repository
// and that rev names a commit.
func newChangedLines(rev string) (*changedLines, error) {
	top, err := git("", "rev-parse", "--show-toplevel")
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
	if _, err := git("", "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("--new-from-rev: unknown revision %q", rev)
	}
	return &changedLines{rev: rev, top: lint.ResolvedPath(strings.TrimSpace(string(top)))}, nil
}

// git runs git with args in dir ("" for the working directory) and
// returns its standard output.
func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
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

// apply keeps, in each file of rep, the findings the change introduced. A
// file that cannot be compared is reported as an error and keeps no
// findings. stdinName is the path standard input was linted as, or ""
// when it was not linted.
func (c *changedLines) apply(rep *lint.Report, stdinName string) {
	var diags []lint.Diagnostic
	for _, f := range rep.Files {
		if len(f.Diagnostics) == 0 {
			continue
		}
		kept, err := c.introduced(f, f.Path == stdinName && f.Doc != nil)
		if err != nil {
			fe := &lint.FileError{Path: f.Path, Err: fmt.Errorf("--new-from-rev: %w", err)}
			if f.Err == nil {
				f.Err = fe
				rep.Errors = append(rep.Errors, fe)
			}
			f.Diagnostics = nil
			continue
		}
		f.Diagnostics = kept
		diags = append(diags, kept...)
	}
	lint.SortDiagnostics(diags)
	rep.Diagnostics = diags
}

// introduced returns the findings of f that the change introduced;
// stdin says f was read from standard input, so its text is f.Doc's, not
// the file's on disk.
func (c *changedLines) introduced(f *lint.Result, stdin bool) ([]lint.Diagnostic, error) {
	rel, err := c.rootRel(f.Path)
	if err != nil {
		return nil, err
	}
	oldPath := rel
	if !stdin {
		var state fileState
		state, oldPath, err = c.stateOf(f.Path, rel)
		switch {
		case err != nil:
			return nil, err
		case state == unchangedFile:
			return nil, nil
		case state == newFile:
			return f.Diagnostics, nil
		}
	}
	old, err := git(c.top, "show", c.rev+":"+oldPath)
	if err != nil {
		return f.Diagnostics, nil // standard input named as a file the revision lacks
	}
	if c.lintOld != nil {
		if res := c.lintOld(f.Path, old); res.Err == nil || res.Linted {
			return notIn(f.Diagnostics, res.Diagnostics), nil
		}
	}
	// The old copy could not be linted (it was not valid UTF-8, say):
	// what lies on changed lines is what is new.
	var lines lineRanges
	if stdin {
		lines, err = c.sourceLines(old, f.Doc.Source)
	} else {
		lines, err = c.fileLines(oldPath, rel)
	}
	if err != nil {
		return nil, err
	}
	var kept []lint.Diagnostic
	for _, d := range f.Diagnostics {
		if lines.any(d.Line, d.EndLine) {
			kept = append(kept, d)
		}
	}
	return kept, nil
}

// notIn returns the findings of cur that old does not have. A finding
// matches one of old's with the same rule, severity and sentence, in the
// same section if one there is left, else in any (a paragraph moved to
// another section is not new); a finding about the whole document, whose
// "sentence" is the title, matches on rule and severity alone, so editing
// the title does not report the document's gaps again.
func notIn(cur, old []lint.Diagnostic) []lint.Diagnostic {
	type key struct {
		rule     string
		severity lint.Severity
		sentence string
		section  string
	}
	keyOf := func(d *lint.Diagnostic, inSection bool) key {
		k := key{rule: d.Rule, severity: d.Severity}
		if d.Category != lint.CategoryStructure {
			k.sentence = d.Sentence
			if inSection {
				k.section = d.Section
			}
		}
		return k
	}
	exact, loose := map[key]int{}, map[key]int{}
	for i := range old {
		exact[keyOf(&old[i], true)]++
		loose[keyOf(&old[i], false)]++
	}
	// Exact matches first, so that of two identical sentences the one in
	// the section that had the finding is the one taken as old.
	matched := make([]bool, len(cur))
	for i := range cur {
		k := keyOf(&cur[i], true)
		if exact[k] > 0 {
			exact[k]--
			loose[keyOf(&cur[i], false)]--
			matched[i] = true
		}
	}
	var out []lint.Diagnostic
	for i := range cur {
		if matched[i] {
			continue
		}
		if k := keyOf(&cur[i], false); loose[k] > 0 {
			loose[k]--
			continue
		}
		out = append(out, cur[i])
	}
	return out
}

type fileState int

const (
	changedFile fileState = iota
	unchangedFile
	newFile
)

// stateOf says whether the file at path (rel from the top) is new,
// unchanged or changed since the revision, and the path it had there.
func (c *changedLines) stateOf(path, rel string) (fileState, string, error) {
	if c.inRev == nil {
		if err := c.readTrees(); err != nil {
			return 0, "", err
		}
	}
	if old, ok := c.changed[rel]; ok {
		if old == "" || !c.inRev[old] {
			return newFile, "", nil
		}
		return changedFile, old, nil
	}
	if c.inRev[rel] {
		return unchangedFile, rel, nil
	}
	// Not in the revision and not changed: untracked, which is new, or in
	// a repository of its own, which git here cannot compare.
	if top := c.otherRepoOf(filepath.Dir(path)); top != "" {
		return 0, "", fmt.Errorf("in another git repository (%s), which the revision does not cover", top)
	}
	return newFile, "", nil
}

// otherRepoOf returns the top of the git repository dir lies in when it
// is not this one, or "".
func (c *changedLines) otherRepoOf(dir string) string {
	if top, ok := c.otherRepo[dir]; ok {
		return top
	}
	other := ""
	if out, err := git(dir, "rev-parse", "--show-toplevel"); err == nil {
		if top := strings.TrimSpace(string(out)); lint.ResolvedPath(top) != c.top {
			other = top
		}
	}
	if c.otherRepo == nil {
		c.otherRepo = map[string]string{}
	}
	c.otherRepo[dir] = other
	return other
}

// readTrees lists the revision's files and what changed since it, renames
// included, each with one git command.
func (c *changedLines) readTrees() error {
	out, err := git(c.top, "ls-tree", "-r", "-z", "--name-only", "--full-tree", c.rev)
	if err != nil {
		return err
	}
	c.inRev = map[string]bool{}
	for _, p := range strings.Split(string(out), "\x00") {
		if p != "" {
			c.inRev[p] = true
		}
	}
	out, err = git(c.top, "diff", "--no-color", "--no-ext-diff", "--no-relative", "--name-status", "-z", "-M", c.rev)
	if err != nil {
		return err
	}
	c.changed = parseNameStatus(out)
	return nil
}

// parseNameStatus reads "git diff --name-status -z" output into a map from
// each changed path to the path it had before: itself when modified, the
// old name when renamed or copied, "" when added. Deleted paths are left
// out: nothing of theirs is linted.
func parseNameStatus(out []byte) map[string]string {
	m := map[string]string{}
	fields := strings.Split(string(out), "\x00")
	for i := 0; i < len(fields) && fields[i] != ""; {
		status := fields[i]
		switch {
		case strings.HasPrefix(status, "R") || strings.HasPrefix(status, "C"):
			if i+2 < len(fields) {
				m[fields[i+2]] = fields[i+1]
			}
			i += 3
		case i+1 < len(fields):
			switch status {
			case "A":
				m[fields[i+1]] = ""
			case "D":
			default:
				m[fields[i+1]] = fields[i+1]
			}
			i += 2
		default:
			i++
		}
	}
	return m
}

// rootRel names path relative to the repository's top, symbolic links
// resolved, so that a link, a linked working directory or macOS's /tmp
// name the file git tracks.
func (c *changedLines) rootRel(path string) (string, error) {
	rel, err := filepath.Rel(c.top, lint.ResolvedPath(path))
	if err != nil {
		return "", err
	}
	rel = filepath.ToSlash(rel)
	if rel == ".." || strings.HasPrefix(rel, "../") {
		return "", fmt.Errorf("outside the repository at %s", c.top)
	}
	return rel, nil
}

// diffArgs are the options of every diff: no colour, no external or
// text-conversion driver, and text even where .gitattributes says a
// Markdown file is binary ("-diff"), which would give no line numbers.
var diffArgs = []string{"diff", "--no-color", "--no-ext-diff", "--no-textconv", "--text", "--unified=0"}

// fileLines diffs the file at rel (from the top) against its copy at
// oldPath in the revision.
func (c *changedLines) fileLines(oldPath, rel string) (lineRanges, error) {
	// Both names, so that git pairs a renamed file with its old copy and
	// numbers the hunks by the new file's lines.
	paths := []string{rel}
	if oldPath != rel {
		paths = append(paths, oldPath)
	}
	out, err := git(c.top, slices.Concat(diffArgs, []string{"-M", c.rev, "--"}, paths)...)
	if err != nil {
		return nil, err
	}
	return parseHunks(out), nil
}

// sourceLines diffs text that is not on disk (standard input) against the
// revision's copy, old.
func (c *changedLines) sourceLines(old, src []byte) (lineRanges, error) {
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
	out, err := git("", slices.Concat(diffArgs, []string{"--no-index", "--", a, b})...)
	var ge *gitError
	if err != nil && !(errors.As(err, &ge) && ge.code == 1) { // 1: the inputs differ
		return nil, err
	}
	return parseHunks(out), nil
}

// lineRanges are the new-side ranges of a diff's hunks, [from, to]
// inclusive: the lines of a file that changed.
type lineRanges [][2]int

// any reports whether a line in [from, to] changed.
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
