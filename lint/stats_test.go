package lint

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// kafkaRule reports every sentence that names Kafka as a how-finding and
// every sentence that says "fast" as a what-finding.
func kafkaRule() *Rule {
	return &Rule{ID: "t", Category: CategoryHow, Severity: SeverityWarning, Run: func(p *Pass) {
		for _, s := range p.Doc.Sentences() {
			if strings.Contains(s.Text, "Kafka") {
				p.ReportSentence(s, Finding{Message: "how"})
				// A second finding on the same sentence counts once.
				p.ReportSentence(s, Finding{Message: "again"})
			}
		}
	}}
}

func fastRule() *Rule {
	return &Rule{ID: "w", Category: CategoryWhat, Severity: SeverityWarning, Run: func(p *Pass) {
		for _, s := range p.Doc.Sentences() {
			if strings.Contains(s.Text, "fast") {
				p.ReportSentence(s, Finding{Message: "what"})
			}
		}
	}}
}

func TestComputeStats(t *testing.T) {
	src := `Intro before any heading. Use Kafka.

# Cart

## Goals

Carts must be fast. Use Kafka for carts.

### Nested

Use Kafka here too. Plain words.

## Empty

## Technical design

Use Kafka.
`
	l := &Linter{Rules: []*Rule{kafkaRule(), fastRule()}, Filters: []Filter{DesignSectionFilter}}
	res := l.LintSource("a.md", []byte(src))
	require.Nil(t, res.Err)
	rep := &Report{Files: []*Result{res, {Path: "broken.md", Err: &FileError{Path: "broken.md"}}}, Diagnostics: res.Diagnostics}
	st := ComputeStats(rep)
	require.Len(t, st.Files, 1, "files that could not be parsed are left out")
	f := st.Files[0]
	assert.Equal(t, "a.md", f.Path)
	assert.Equal(t, Count{Sentences: 7, How: 3, HowShare: 0.429}, f.Count)
	heading := map[string]*Section{}
	for _, s := range res.Doc.Sections {
		heading[s.Title] = s
	}
	assert.Equal(t, []SectionStats{
		{Section: "", Line: 1, Count: Count{Sentences: 2, How: 1, HowShare: 0.5}},
		{Section: "Goals", Line: 5, Heading: heading["Goals"], Count: Count{Sentences: 4, How: 2, HowShare: 0.5}},
		// Dropped by the design filter: not counted.
		{Section: "Technical design", Line: 15, Heading: heading["Technical design"], Count: Count{Sentences: 1, How: 0, HowShare: 0}},
	}, f.Sections)
	assert.Equal(t, f.Count, st.Total)

	// In info mode the design-section finding is kept, and counted.
	l.ConfigFor = func(string) (*Config, error) {
		c := DefaultConfig()
		c.Settings.DesignMode = DesignModeInfo
		return c, nil
	}
	res = l.LintSource("a.md", []byte(src))
	st = ComputeStats(&Report{Files: []*Result{res}})
	assert.Equal(t, 4, st.Total.How)
}

func TestComputeStatsEmpty(t *testing.T) {
	st := ComputeStats(&Report{})
	assert.Equal(t, []FileStats{}, st.Files)
	assert.Equal(t, Count{}, st.Total)
}

func TestComputeStatsTableCells(t *testing.T) {
	src := `# Plan

| Item | Owner | Notes |
| --- | --- | --- |
| Carts | Dana | Carts must stay fast for shoppers. |
| Queue | Lee | Kafka |
`
	l := &Linter{Rules: []*Rule{kafkaRule()}}
	res := l.LintSource("a.md", []byte(src))
	require.Nil(t, res.Err)
	st := ComputeStats(&Report{Files: []*Result{res}})
	// Label cells (Item, Owner, Carts, Dana…) are not prose; the long
	// note is, and so is the one-word cell with a how-finding.
	assert.Equal(t, Count{Sentences: 2, How: 1, HowShare: 0.5}, st.Total)
}

// TestLabelCell: a table cell of fewer than three words is a label; a
// cell of more is prose, every sentence of it, however short.
func TestLabelCell(t *testing.T) {
	tests := []struct {
		cell string
		want []bool // per sentence of the cell
	}{
		{cell: "Owner", want: []bool{true}},
		{cell: "P0 blocker", want: []bool{true}},
		{cell: "Yes. No.", want: []bool{true, true}},
		{cell: "Shoppers can pay as guests.", want: []bool{false}},
		{cell: "Shoppers can pay as guests. Required.", want: []bool{false, false}},
	}
	for _, tt := range tests {
		t.Run(tt.cell, func(t *testing.T) {
			doc, err := Parse("a.md", []byte("| Item | Notes |\n| --- | --- |\n| x | "+tt.cell+" |\n"))
			require.NoError(t, err)
			var got []bool
			for _, s := range doc.Sentences() {
				if s.Block.Text == tt.cell {
					got = append(got, labelCell(s))
				}
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestHowPercent: whole percent, half rounded up, as --stats and the
// report both print it.
func TestHowPercent(t *testing.T) {
	for _, tt := range []struct{ how, sentences, want int }{
		{0, 0, 0}, {1, 8, 13}, {1, 3, 33}, {2, 3, 67}, {1, 200, 1}, {3, 3, 100},
	} {
		assert.Equal(t, tt.want, HowPercent(tt.how, tt.sentences), "%d of %d", tt.how, tt.sentences)
	}
}
