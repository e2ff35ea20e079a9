package format

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"

	"github.com/prdlint/prdlint/lint"
)

// Text writes one finding per paragraph for people:
//
//	path:line:col: severity rule: message
//	    the sentence
//	        ^^^^^ the part that fired
//	    hint: the what/why question to answer instead
//
// followed by a summary line: files, findings, and findings by severity.
type Text struct{}

// Name implements Formatter.
func (Text) Name() string { return "text" }

// Description implements Formatter.
func (Text) Description() string { return "human-readable findings with the sentence in context" }

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiUnder  = "\x1b[4m"
)

const indent = "    "

// Format implements Formatter.
func (Text) Format(w io.Writer, rep *lint.Report, opts Options) error {
	if len(rep.Diagnostics) == 0 && opts.Quiet && !opts.Stats {
		return nil
	}
	bw := bufio.NewWriter(w)
	paint := func(code, s string) string {
		if !opts.Color || s == "" {
			return s
		}
		return code + s + ansiReset
	}
	counts := map[lint.Severity]int{}
	for i := range rep.Diagnostics {
		d := &rep.Diagnostics[i]
		if i > 0 {
			fmt.Fprintln(bw)
		}
		counts[d.Severity]++
		colour := ansiCyan
		switch d.Severity {
		case lint.SeverityError:
			colour = ansiRed + ansiBold
		case lint.SeverityWarning:
			colour = ansiYellow
		}
		fmt.Fprintf(bw, "%s:%d:%d: %s %s: %s\n", paint(ansiBold, visible(d.Path)), d.Line, d.Column,
			paint(colour, d.Severity.String()), paint(ansiDim, d.Rule), visible(message(d)))
		if d.Sentence != "" {
			s := strings.ReplaceAll(d.Sentence, "\t", " ")
			if len(d.Mark) == 2 {
				from, to := d.Mark[0], d.Mark[1]
				before, marked, after := visible(s[:from]), visible(s[from:to]), visible(s[to:])
				fmt.Fprintf(bw, "%s%s%s%s\n", indent, before, paint(ansiUnder+ansiBold, marked), after)
				pad := runewidth.StringWidth(before)
				carets := max(1, runewidth.StringWidth(marked))
				fmt.Fprintf(bw, "%s%s%s\n", indent, strings.Repeat(" ", pad), paint(colour, strings.Repeat("^", carets)))
			} else {
				fmt.Fprintf(bw, "%s%s\n", indent, visible(s))
			}
		}
		if d.Hint != "" {
			fmt.Fprintf(bw, "%s%s %s\n", indent, paint(ansiCyan, "hint:"), d.Hint)
		}
	}
	if opts.Stats {
		if len(rep.Diagnostics) > 0 {
			fmt.Fprintln(bw)
		}
		if err := writeStatsTable(bw, lint.ComputeStats(rep)); err != nil {
			return err
		}
	}
	if len(rep.Diagnostics) > 0 || opts.Stats {
		fmt.Fprintln(bw)
	}
	// A file with broken front matter is still linted, and still an error.
	linted, notLinted, withErrors := 0, 0, 0
	for _, f := range rep.Files {
		switch {
		case f.Err == nil:
			linted++
		case f.Linted:
			linted++
			withErrors++
		default:
			notLinted++
		}
	}
	fmt.Fprintf(bw, "%s, %s: %s, %s, %s",
		plural(linted, "file"), plural(len(rep.Diagnostics), "finding"),
		plural(counts[lint.SeverityError], "error"), plural(counts[lint.SeverityWarning], "warning"),
		plural(counts[lint.SeverityInfo], "info"))
	if withErrors > 0 {
		fmt.Fprintf(bw, "; %s linted despite an error", plural(withErrors, "file"))
	}
	if notLinted > 0 {
		fmt.Fprintf(bw, "; %s not linted", plural(notLinted, "file"))
	}
	fmt.Fprintln(bw)
	return bw.Flush()
}

// plural counts n of word in English: "1 file", "0 files", "2 files".
func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// visible shows control characters from a document as their Unicode
// pictures ("␛" for ESC), one column each, so a PRD cannot move the
// cursor, recolour or clear a terminal or CI log through prdlint's output.
func visible(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r < 0x20:
			return 0x2400 + r
		case r == 0x7f:
			return 0x2421
		case r >= 0x80 && r < 0xa0:
			return utf8.RuneError
		}
		return r
	}, s)
}

func isControl(r rune) bool { return r < 0x20 || r >= 0x7f && r < 0xa0 }
