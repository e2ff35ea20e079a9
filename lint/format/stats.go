package format

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/prdlint/prdlint/lint"
)

// untitled names the text before a file's first heading.
const untitled = "(before the first heading)"

// writeStatsTable writes the --stats table: one row per file, then one
// indented row per top-level section, then a total when there are several
// files. Names are left-aligned, numbers right-aligned.
func writeStatsTable(w io.Writer, st *lint.Stats) error {
	type row struct {
		name, line string
		c          lint.Count
	}
	var rows []row
	for _, f := range st.Files {
		rows = append(rows, row{f.Path, "", f.Count})
		for _, s := range f.Sections {
			name := s.Section
			if name == "" {
				name = untitled
			}
			rows = append(rows, row{"  " + name, fmt.Sprint(s.Line), s.Count})
		}
	}
	if len(st.Files) > 1 {
		rows = append(rows, row{"total", "", st.Total})
	}
	const header = "file / section"
	width := utf8.RuneCountInString(header)
	for _, r := range rows {
		width = max(width, utf8.RuneCountInString(r.name))
	}
	pad := func(s string) string { return s + strings.Repeat(" ", width-utf8.RuneCountInString(s)) }
	if _, err := fmt.Fprintf(w, "%s  %5s  %9s  %5s  %9s\n", pad(header), "line", "sentences", "how", "how-share"); err != nil {
		return err
	}
	for _, r := range rows {
		if _, err := fmt.Fprintf(w, "%s  %5s  %9d  %5d  %9s\n", pad(r.name), r.line, r.c.Sentences, r.c.How, percent(r.c.HowShare)); err != nil {
			return err
		}
	}
	return nil
}

func percent(share float64) string {
	return fmt.Sprintf("%.0f%%", share*100)
}
