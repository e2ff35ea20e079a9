package lint

import "strings"

// Stats summarises how much of each file prescribes implementation.
type Stats struct {
	// Files are per-file summaries in the report's path order.
	Files []FileStats `json:"files"`
	// Total sums every file.
	Total Count `json:"total"`
}

// Count is a number of prose sentences and how many of them have a
// how-finding.
type Count struct {
	Sentences int `json:"sentences"`
	How       int `json:"howFindings"`
	// HowShare is How / Sentences, rounded to 3 decimals; 0 when there
	// are no sentences.
	HowShare float64 `json:"howShare"`
}

// HowPercent is the share of how-sentences in whole percent, half
// rounded up (1 of 8 is 13%): the figure --stats and the report print.
func HowPercent(how, sentences int) int {
	if sentences <= 0 {
		return 0
	}
	return (200*how + sentences) / (2 * sentences)
}

func (c *Count) add(o Count) {
	c.Sentences += o.Sentences
	c.How += o.How
}

func (c *Count) finish() {
	c.HowShare = 0
	if c.Sentences > 0 {
		c.HowShare = round3(float64(c.How) / float64(c.Sentences))
	}
}

// FileStats is one file's summary, overall and per top-level section.
type FileStats struct {
	Path string `json:"path"`
	Count
	Sections []SectionStats `json:"sections"`
}

// SectionStats is the summary of one top-level section (see Section.Top)
// with everything nested in it. Text before the first heading has an
// empty Section and line 1.
type SectionStats struct {
	Section string `json:"section"`
	Line    int    `json:"line"`
	// Heading is the top-level section itself, nil for text before the
	// first heading; not part of the JSON output.
	Heading *Section `json:"-"`
	Count
}

// ComputeStats counts, per file and per top-level section, the prose
// sentences (headings and label cells excluded, see labelCell) and
// those with at least one how-finding
// in the report, so the share is never above 1. Findings a filter dropped
// (e.g. in design sections) are not counted; those kept at info are.
// Files that could not be parsed are left out.
func ComputeStats(rep *Report) *Stats {
	st := &Stats{Files: []FileStats{}}
	for _, res := range rep.Files {
		if res.Doc == nil {
			continue
		}
		fs := FileStatsOf(res)
		st.Total.add(fs.Count)
		st.Files = append(st.Files, fs)
	}
	st.Total.finish()
	return st
}

// FileStatsOf is one file's summary as ComputeStats counts it, for a
// result whose document was parsed (res.Doc is not nil). A top-level
// section with no prose sentence has no entry.
func FileStatsOf(res *Result) FileStats {
	how := map[int]bool{}
	for _, d := range res.Diagnostics {
		if d.Category == CategoryHow && d.End > d.Start {
			how[d.Start] = true
		}
	}
	fs := FileStats{Path: res.Path, Sections: []SectionStats{}}
	index := map[*Section]int{}
	title := res.Doc.TitleSection()
	for _, s := range res.Doc.Sentences() {
		if s.Block.Kind == BlockHeading || labelCell(s) && !how[s.Start] {
			continue
		}
		var top *Section
		if sec := s.Section(); sec != nil {
			top = sec.Top(title)
		}
		i, ok := index[top]
		if !ok {
			ss := SectionStats{Line: 1, Heading: top}
			if top != nil {
				ss.Section, ss.Line = top.Title, top.Line
			}
			i = len(fs.Sections)
			index[top] = i
			fs.Sections = append(fs.Sections, ss)
		}
		c := Count{Sentences: 1}
		if how[s.Start] {
			c.How = 1
		}
		fs.Sections[i].add(c)
		fs.Count.add(c)
	}
	for i := range fs.Sections {
		fs.Sections[i].finish()
	}
	fs.Count.finish()
	return fs
}

// minCellWords is the fewest words a table cell's sentence needs to count
// as prose. Cells such as "Yes", "P0" or "Owner" are labels: counted, a
// table-heavy document would look like mostly clean prose.
const minCellWords = 3

// labelCell reports whether sentence s is a table cell of fewer than
// minCellWords words: a label, not prose the how-share counts, unless it
// has a how-finding (see FileStatsOf), so no finding is left out of the
// share. The cell's words are counted, not the sentence's: a short
// sentence in a cell of prose ("… an account. Required.") is prose.
func labelCell(s *Sentence) bool {
	return s.Block.Kind == BlockTableCell && len(strings.Fields(s.Block.Text)) < minCellWords
}
