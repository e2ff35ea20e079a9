// Package linttest checks the invariants of the engine's output, for
// tests and fuzz targets of any package: every position inside the
// document, in order and consistent with the line index.
package linttest

import (
	"bytes"
	"fmt"
	"testing"
	"unicode/utf8"

	"github.com/prdlint/prdlint/lint"
)

// CheckDocument fails t when doc breaks an invariant of Parse's output.
func CheckDocument(t testing.TB, doc *lint.Document) {
	t.Helper()
	n := len(doc.Source)
	lines := doc.LineCount()
	prevStart := -1
	for i, s := range doc.Sentences() {
		if s.Text == "" {
			t.Fatalf("sentence %d is empty", i)
		}
		if s.Start < 0 || s.End > n || s.Start >= s.End {
			t.Fatalf("sentence %d %q spans [%d,%d) of a %d-byte source", i, s.Text, s.Start, s.End, n)
		}
		if s.Start < prevStart {
			t.Fatalf("sentence %d %q starts at %d, before the previous one at %d", i, s.Text, s.Start, prevStart)
		}
		prevStart = s.Start
		if s.Line < 1 || s.Column < 1 || s.EndLine < s.Line || s.EndLine > lines || s.EndColumn < 1 {
			t.Fatalf("sentence %d %q at %d:%d-%d:%d in %d lines", i, s.Text, s.Line, s.Column, s.EndLine, s.EndColumn, lines)
		}
		if s.Line == s.EndLine && s.EndColumn < s.Column {
			t.Fatalf("sentence %d %q ends at column %d before it starts at %d", i, s.Text, s.EndColumn, s.Column)
		}
		if l, c := doc.Position(s.Start); l != s.Line || c != s.Column {
			t.Fatalf("sentence %d %q is at %d:%d but its start offset %d is at %d:%d", i, s.Text, s.Line, s.Column, s.Start, l, c)
		}
		if utf8.Valid(doc.Source) && !utf8.ValidString(s.Text) {
			t.Fatalf("sentence %d %q is not valid UTF-8 although the source is", i, s.Text)
		}
		for _, c := range s.Code {
			if c[0] < 0 || c[1] > len(s.Text) || c[0] >= c[1] {
				t.Fatalf("sentence %d %q has code span %v outside its text", i, s.Text, c)
			}
		}
	}
	for i, c := range doc.Comments {
		if c.Start < 0 || c.End > n || c.Start >= c.End || c.Line < 1 || c.EndLine < c.Line || c.EndLine > lines {
			t.Fatalf("comment %d %q spans [%d,%d) lines %d-%d of a %d-byte, %d-line source", i, c.Text, c.Start, c.End, c.Line, c.EndLine, n, lines)
		}
	}
	for i, s := range doc.Sections {
		if s.Line < 1 || s.Line > lines || s.Level < 1 || s.Level > 6 || s.Start < 0 || s.Start > n {
			t.Fatalf("section %d %q at line %d, level %d, offset %d", i, s.Title, s.Line, s.Level, s.Start)
		}
	}
}

// CheckDiagnostics fails t when a diagnostic of doc lies outside it, is
// inconsistent with the line index, or is out of order.
func CheckDiagnostics(t testing.TB, doc *lint.Document, diags []lint.Diagnostic) {
	t.Helper()
	n := len(doc.Source)
	lines := doc.LineCount()
	var lastColumn func(line int) int
	for i, d := range diags {
		where := func() string {
			return fmt.Sprintf("diagnostic %d (%s at %d:%d-%d:%d, bytes [%d,%d) of %d, %d lines)", i, d.Rule, d.Line, d.Column, d.EndLine, d.EndColumn, d.Start, d.End, n, lines)
		}
		if d.Path != doc.Path || d.Rule == "" || d.Message == "" {
			t.Fatalf("%s: path %q, rule %q, message %q", where(), d.Path, d.Rule, d.Message)
		}
		if d.Severity <= lint.SeverityOff || d.Severity > lint.SeverityError || d.Confidence <= 0 || d.Confidence > 1 {
			t.Fatalf("%s: severity %v, confidence %v", where(), d.Severity, d.Confidence)
		}
		if d.Line < 1 || d.Column < 1 || d.EndLine < d.Line || d.EndLine > lines || d.EndColumn < 1 ||
			d.Line == d.EndLine && d.EndColumn < d.Column {
			t.Fatalf("%s: position outside the document or reversed", where())
		}
		if lastColumn == nil {
			lastColumn = lastColumns(doc)
		}
		if last := max(1, lastColumn(d.EndLine)); d.EndColumn > last {
			t.Fatalf("%s: ends past its line's last column, %d", where(), last)
		}
		if d.End > d.Start {
			if d.Start < 0 || d.End > n {
				t.Fatalf("%s: source span outside the document", where())
			}
			if l, c := doc.Position(d.Start); l != d.Line || c != d.Column {
				t.Fatalf("%s: start offset is at %d:%d", where(), l, c)
			}
		}
		if d.Mark != nil && (len(d.Mark) != 2 || d.Mark[0] < 0 || d.Mark[1] <= d.Mark[0] || d.Mark[1] > len(d.Sentence)) {
			t.Fatalf("%s: mark %v outside the %d-byte sentence", where(), d.Mark, len(d.Sentence))
		}
		if i > 0 && d.Less(&diags[i-1]) {
			t.Fatalf("%s: sorts before the diagnostic above it", where())
		}
	}
}

// lastColumns returns a function giving the code-point column of the last
// character of a 1-based line of doc (0 for an empty line): its code
// points, counted as the engine counts them, without its line break or,
// on the first line, a byte-order mark. Lines end at LF, CRLF and a lone
// CR, as the engine's do.
func lastColumns(doc *lint.Document) func(line int) int {
	src := doc.Source
	starts := []int{0}
	for i, b := range src {
		if b == '\n' || b == '\r' && (i+1 == len(src) || src[i+1] != '\n') {
			starts = append(starts, i+1)
		}
	}
	return func(line int) int {
		if line < 1 || line > len(starts) {
			return 0
		}
		from, end := starts[line-1], len(src)
		if line < len(starts) {
			end = starts[line]
		}
		if line == 1 && bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")) {
			from = min(3, end)
		}
		n := 0
		for _, b := range bytes.TrimRight(src[from:end], "\r\n") {
			if utf8.RuneStart(b) {
				n++
			}
		}
		return n
	}
}
