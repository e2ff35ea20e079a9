package format

import (
	"fmt"
	"io"
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/prdlint/prdlint/lint"
)

// untitled names the text before a file's first heading.
const untitled = "(before the first heading)"

// writeStatsTable writes the --stats table: one row per file, then one
// indented row per top-level section, then a total when there are several
// files. Names are left-aligned, numbers right-aligned. Paths and headings
// are shown with control characters made visible, as in the text format.
func writeStatsTable(w io.Writer, st *lint.Stats) error {
	type row struct {
		name, line string
		c          lint.Count
	}
	var rows []row
	for _, f := range st.Files {
		rows = append(rows, row{Visible(f.Path), "", f.Count})
		for _, s := range f.Sections {
			name := s.Section
			if name == "" {
				name = untitled
			}
			rows = append(rows, row{"  " + Visible(name), fmt.Sprint(s.Line), s.Count})
		}
	}
	if len(st.Files) > 1 {
		rows = append(rows, row{"total", "", st.Total})
	}
	const header = "file / section"
	// display width, so that wide (CJK) characters keep the columns aligned
	width := runewidth.StringWidth(header)
	for _, r := range rows {
		width = max(width, runewidth.StringWidth(r.name))
	}
	pad := func(s string) string { return s + strings.Repeat(" ", width-runewidth.StringWidth(s)) }
	if _, err := fmt.Fprintf(w, "%s  %5s  %9s  %5s  %9s\n", pad(header), "line", "sentences", "how", "how-share"); err != nil {
		return err
	}
	for _, r := range rows {
		if _, err := fmt.Fprintf(w, "%s  %5s  %9d  %5d  %9s\n", pad(r.name), r.line, r.c.Sentences, r.c.How, fmt.Sprintf("%d%%", lint.HowPercent(r.c.How, r.c.Sentences))); err != nil {
			return err
		}
	}
	return nil
}
