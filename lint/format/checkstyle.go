package format

import (
	"encoding/xml"
	"io"

	"github.com/prdlint/prdlint/lint"
)

// Checkstyle writes Checkstyle XML, which Jenkins (Warnings NG), reviewdog
// (-f=checkstyle) and many CI dashboards read: one <file> per linted file,
// one <error> per finding.
type Checkstyle struct{}

// Name implements Formatter.
func (Checkstyle) Name() string { return "checkstyle" }

// Description implements Formatter.
func (Checkstyle) Description() string { return "Checkstyle XML (Jenkins, reviewdog)" }

// checkstyleReport is the document: <checkstyle><file><error/></file></checkstyle>.
type checkstyleReport struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr,omitempty"`
	Column   int    `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// Format implements Formatter.
func (Checkstyle) Format(w io.Writer, rep *lint.Report, _ Options) error {
	out := checkstyleReport{Version: "4.3"}
	for _, f := range rep.Files {
		cf := checkstyleFile{Name: f.Path}
		if f.Err != nil {
			e := checkstyleError{Severity: "error", Message: f.Err.Err.Error(), Source: "prdlint"}
			// An error at a place in this file (invalid UTF-8) is reported
			// there; a place in another file (a broken .prdlint.yaml) has
			// no <file> here, and its message names it.
			if path, line, col, located := f.Err.Location(); located && path == f.Path {
				e.Line, e.Column = line, col
			}
			cf.Errors = append(cf.Errors, e)
		}
		for _, d := range f.Diagnostics {
			cf.Errors = append(cf.Errors, checkstyleError{
				Line:     d.Line,
				Column:   d.Column,
				Severity: d.Severity.String(),
				Message:  d.Message,
				Source:   d.Rule,
			})
		}
		out.Files = append(out.Files, cf)
	}
	return writeXML(w, out)
}

// writeXML writes an XML declaration and v, indented, ending in a newline.
func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
