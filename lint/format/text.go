package format

import (
	"bufio"
	"fmt"
	"io"
	"strings"

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
		fmt.Fprintf(bw, "%s:%d:%d: %s %s: %s\n", paint(ansiBold, d.Path), d.Line, d.Column,
			paint(colour, d.Severity.String()), paint(ansiDim, d.Rule), message(d))
		if d.Sentence != "" {
			s := strings.ReplaceAll(d.Sentence, "\t", " ")
			if len(d.Mark) == 2 {
				from, to := d.Mark[0], d.Mark[1]
				fmt.Fprintf(bw, "%s%s%s%s\n", indent, s[:from], paint(ansiUnder+ansiBold, s[from:to]), s[to:])
				pad := runewidth.StringWidth(s[:from])
				carets := max(1, runewidth.StringWidth(s[from:to]))
				fmt.Fprintf(bw, "%s%s%s\n", indent, strings.Repeat(" ", pad), paint(colour, strings.Repeat("^", carets)))
			} else {
				fmt.Fprintf(bw, "%s%s\n", indent, s)
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
	files := 0
	for _, f := range rep.Files {
		if f.Err == nil {
			files++
		}
	}
	fmt.Fprintf(bw, "%s, %s: %d error, %d warning, %d info",
		plural(files, "file"), plural(len(rep.Diagnostics), "finding"),
		counts[lint.SeverityError], counts[lint.SeverityWarning], counts[lint.SeverityInfo])
	if n := len(rep.Errors); n > 0 {
		fmt.Fprintf(bw, "; %s not linted", plural(n, "file"))
	}
	fmt.Fprintln(bw)
	return bw.Flush()
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
