// Package format writes a lint.Report in the formats prdlint supports.
// Formatters are registered by name in All; each writes the same findings
// at the same positions.
package format

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/prdlint/prdlint/lint"
)

// Options tune a formatter's output.
type Options struct {
	// Color allows ANSI colour (text format only).
	Color bool
	// Quiet prints nothing when there is nothing to report.
	Quiet bool
	// Rules are all the rules known to the run, for formats that carry
	// rule metadata.
	Rules []*lint.Rule
	// Root is the directory paths are made relative to, where a format
	// needs it.
	Root string
	// ToolVersion is prdlint's version, for formats that record it.
	ToolVersion string
	// Stats asks for per-file and per-section summaries where supported.
	Stats bool
}

// Formatter writes a report.
type Formatter interface {
	Name() string
	// Description is one line for --help.
	Description() string
	Format(w io.Writer, rep *lint.Report, opts Options) error
}

// All returns every formatter, sorted by name.
func All() []Formatter {
	fs := []Formatter{Checkstyle{}, GitHub{}, JSON{}, JUnit{}, RDJSONL{}, SARIF{}, Text{}}
	sort.Slice(fs, func(i, j int) bool { return fs[i].Name() < fs[j].Name() })
	return fs
}

// Names returns the name of every formatter, sorted.
func Names() []string {
	var names []string
	for _, f := range All() {
		names = append(names, f.Name())
	}
	return names
}

// Lookup returns the formatter called name.
func Lookup(name string) (Formatter, error) {
	for _, f := range All() {
		if f.Name() == name {
			return f, nil
		}
	}
	return nil, fmt.Errorf("unknown format %q (want one of %s)", name, strings.Join(Names(), ", "))
}
