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
// A very long sentence is shown as an excerpt around the part that fired
// (see excerpt).
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
		fmt.Fprintf(bw, "%s:%d:%d: %s %s: %s\n", paint(ansiBold, Visible(d.Path)), d.Line, d.Column,
			paint(colour, d.Severity.String()), paint(ansiDim, d.Rule), Visible(message(d)))
		if d.Sentence != "" {
			if len(d.Mark) == 2 {
				b, m, a := excerpt(d.Sentence, d.Mark[0], d.Mark[1])
				before, marked, after := shown(b), shown(m), shown(a)
				fmt.Fprintf(bw, "%s%s%s%s\n", indent, before, paint(ansiUnder+ansiBold, marked), after)
				pad := runewidth.StringWidth(before)
				carets := max(1, runewidth.StringWidth(marked))
				fmt.Fprintf(bw, "%s%s%s\n", indent, strings.Repeat(" ", pad), paint(colour, strings.Repeat("^", carets)))
			} else {
				b, m, a := excerpt(d.Sentence, 0, 0)
				fmt.Fprintf(bw, "%s%s\n", indent, shown(b+m+a))
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

// excerptRunes bounds the context the text format prints around a
// sentence's mark, in runes: a sentence is a line of a terminal or a CI
// log, and a 1 MB one (a generated table flattened into one paragraph)
// would bury every other finding. Nearly every sentence of a real PRD is
// shorter, and is printed whole.
const excerptRunes = 320

// wordSlack is how many runes a cut may give up to fall between words
// rather than inside one.
const wordSlack = 20

// excerpt splits sentence s around its mark, the bytes [from, to), into
// the text before it, the mark and the text after it, keeping at most
// excerptRunes runes of context: half on each side, and what one side
// does not need goes to the other. A cut side gets an ellipsis. A mark
// longer than the bound is cut too, and nothing after it is shown. With
// nothing marked (from == to == 0) the sentence's start is kept.
func excerpt(s string, from, to int) (before, marked, after string) {
	before, marked, after = s[:from], s[from:to], s[to:]
	nb, na := runesUpTo(before, excerptRunes), runesUpTo(after, excerptRunes)
	if nb+na <= excerptRunes && runesUpTo(marked, excerptRunes) <= excerptRunes {
		return before, marked, after
	}
	if m, cut := head(marked, excerptRunes); cut {
		return ellipsisBefore(tail(before, excerptRunes/2)), m, "…"
	}
	keepBefore := min(nb, max(excerptRunes/2, excerptRunes-na))
	return ellipsisBefore(tail(before, keepBefore)), marked, ellipsisAfter(head(after, excerptRunes-keepBefore))
}

func ellipsisBefore(kept string, cut bool) string {
	if cut {
		return "…" + kept
	}
	return kept
}

func ellipsisAfter(kept string, cut bool) string {
	if cut {
		return kept + "…"
	}
	return kept
}

// runesUpTo counts the runes of s, stopping once there are more than
// limit: a sentence may be megabytes long.
func runesUpTo(s string, limit int) int {
	n := 0
	for range s {
		n++
		if n > limit {
			break
		}
	}
	return n
}

// head keeps the first n runes of s, then backs off to the last space
// among the final wordSlack of them, so the cut falls between words. cut
// reports whether anything was left out.
func head(s string, n int) (kept string, cut bool) {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	if i >= len(s) {
		return s, false
	}
	if j := strings.LastIndexByte(s[:i], ' '); j >= 0 && runesUpTo(s[j+1:i], wordSlack) <= wordSlack {
		i = j + 1 // the space stays, so an ellipsis stands apart
	}
	return s[:i], true
}

// tail keeps the last n runes of s, moving on to the first space among
// the first wordSlack of them.
func tail(s string, n int) (kept string, cut bool) {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	if i <= 0 {
		return s, false
	}
	if j := strings.IndexByte(s[i:], ' '); j >= 0 && runesUpTo(s[i:i+j], wordSlack) <= wordSlack {
		i += j
	}
	return s[i:], true
}

// shown is sentence text as the text format prints it: a tab is one
// space, so the carets below count it as one column, and control
// characters are visible.
func shown(s string) string { return Visible(strings.ReplaceAll(s, "\t", " ")) }

// Visible shows control characters from a document as their Unicode
// pictures ("␛" for ESC), one column each, so a PRD cannot move the
// cursor, recolour or clear a terminal or CI log through prdlint's output,
// and an error line on stderr stays one line whatever a path holds.
func Visible(s string) string {
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
