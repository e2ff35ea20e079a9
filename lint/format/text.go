package format

import (
	"bufio"
	"fmt"
	"io"

	"github.com/prdlint/prdlint/lint"
)

// Text writes one finding per paragraph for people:
//
//	path:line:col: severity rule: message
//	    the sentence, with the part that fired marked
//
// followed by a summary line.
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

// Format implements Formatter.
func (Text) Format(w io.Writer, rep *lint.Report, opts Options) error {
	bw := bufio.NewWriter(w)
	paint := func(code, s string) string {
		if !opts.Color {
			return s
		}
		return code + s + ansiReset
	}
	counts := map[lint.Severity]int{}
	for _, d := range rep.Diagnostics {
		counts[d.Severity]++
		sev := d.Severity.String()
		switch d.Severity {
		case lint.SeverityError:
			sev = paint(ansiRed+ansiBold, sev)
		case lint.SeverityWarning:
			sev = paint(ansiYellow, sev)
		default:
			sev = paint(ansiCyan, sev)
		}
		fmt.Fprintf(bw, "%s:%d:%d: %s %s: %s\n", paint(ansiBold, d.Path), d.Line, d.Column, sev, paint(ansiDim, d.Rule), d.Message)
		if d.Sentence != "" {
			s := d.Sentence
			if len(d.Mark) == 2 {
				s = s[:d.Mark[0]] + paint(ansiUnder+ansiBold, s[d.Mark[0]:d.Mark[1]]) + s[d.Mark[1]:]
			}
			fmt.Fprintf(bw, "    %s\n", s)
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
	if len(rep.Diagnostics) == 0 && opts.Quiet {
		return bw.Flush()
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
	fmt.Fprintf(bw, "%s, %s: %d error, %d warning, %d info\n",
		plural(files, "file"), plural(len(rep.Diagnostics), "finding"),
		counts[lint.SeverityError], counts[lint.SeverityWarning], counts[lint.SeverityInfo])
	return bw.Flush()
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
