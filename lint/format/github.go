package format

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/prdlint/prdlint/lint"
)

// GitHub writes one GitHub Actions workflow command per finding, which the
// runner turns into an annotation on the pull request's diff:
//
//	::warning file=docs/prd.md,line=3,endLine=3,col=1,endColumn=44,title=how-data-model::message
//
// Errors become ::error, warnings ::warning and infos ::notice. Paths are
// relative to Options.Root, the repository root the runner resolves them
// against.
type GitHub struct{}

// Name implements Formatter.
func (GitHub) Name() string { return "github" }

// Description implements Formatter.
func (GitHub) Description() string {
	return "GitHub Actions workflow commands (pull request annotations)"
}

func githubCommand(s lint.Severity) string {
	switch s {
	case lint.SeverityError:
		return "error"
	case lint.SeverityWarning:
		return "warning"
	}
	return "notice"
}

// Format implements Formatter.
func (GitHub) Format(w io.Writer, rep *lint.Report, opts Options) error {
	bw := bufio.NewWriter(w)
	for i := range rep.Diagnostics {
		d := &rep.Diagnostics[i]
		props := []string{
			"file=" + escapeProperty(rootRelative(opts.Root, d.Path)),
			fmt.Sprintf("line=%d", d.Line),
			fmt.Sprintf("endLine=%d", d.EndLine),
		}
		// GitHub only honours columns on a single-line annotation.
		if d.Line == d.EndLine {
			props = append(props, fmt.Sprintf("col=%d", d.Column), fmt.Sprintf("endColumn=%d", d.EndColumn))
		}
		props = append(props, "title="+escapeProperty(d.Rule))
		fmt.Fprintf(bw, "::%s %s::%s\n", githubCommand(d.Severity), strings.Join(props, ","), escapeData(d.Message))
	}
	// An error is annotated where it points: a broken configuration file
	// at its own line, once however many files it kept from being linted;
	// invalid UTF-8 at its line of the file.
	seen := map[string]bool{}
	for _, e := range rep.Errors {
		path, line, col, located := e.Location()
		props := "file=" + escapeProperty(rootRelative(opts.Root, path))
		if located {
			props += fmt.Sprintf(",line=%d,col=%d", line, col)
		}
		cmd := fmt.Sprintf("::error %s,title=prdlint::%s\n", props, escapeData(e.Err.Error()))
		if !seen[cmd] {
			seen[cmd] = true
			bw.WriteString(cmd)
		}
	}
	return bw.Flush()
}

// The escapes of the Actions toolkit (@actions/core command.ts), built
// once: a message's, and a property's, which adds ':' and ',' (they
// separate properties).
var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// escapeData escapes a command's message. The runner reads commands as
// UTF-8, so a file name that is not gets U+FFFD (see utf8Text).
func escapeData(s string) string { return dataEscaper.Replace(utf8Text(s)) }

// escapeProperty escapes a command property's value.
func escapeProperty(s string) string { return propertyEscaper.Replace(utf8Text(s)) }
