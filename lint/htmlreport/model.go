package htmlreport

import (
	"fmt"
	"sort"
	"strings"

	"github.com/prdlint/prdlint/lint"
)

// finding is one diagnostic as the page shows it. IDs number the run's
// diagnostics from 1 in report order, which is the order of the JSON
// output, so finding N is the JSON output's diagnostic N-1.
type finding struct {
	ID       int
	Rule     string
	Category string
	Severity string
	// Class is the CSS class that colours the highlight: one per how-*
	// rule, one for what findings, one for anything else.
	Class        string
	Line, Column int
	// Reason is the message without the hint; Hint is the what/why question.
	Reason, Hint string
	Sentence     string
	Section      string
	// Placed is true when the finding covers a sentence highlighted in
	// the text; document-level findings (e.g. a missing section) are not.
	Placed bool
}

// Anchor is the id of the finding's first highlight.
func (f *finding) Anchor() string { return fmt.Sprintf("f%d", f.ID) }

// TipID is the id of the element that describes the finding.
func (f *finding) TipID() string { return fmt.Sprintf("tip-%d", f.ID) }

// document is one file's part of the page.
type document struct {
	Anchor string
	Path   string
	Title  string
	// Error is why the file could not be linted (or, with a document, why
	// part of it could not be read), or "".
	Error    string
	Rendered bool
	Body     any // template.HTML, set by the renderer
	Findings []*finding
	// Unplaced are the findings with no sentence to highlight.
	Unplaced  []*finding
	Sections  []sectionBar
	Checklist checklist
	Counts    []ruleCount
	// Sentences and HowSentences count the prose sentences (headings
	// excluded) and those with a how finding, as lint.ComputeStats does.
	Sentences, HowSentences int
	Gaps                    int
}

// HowPercent is the share of how-sentences, rounded.
func (d *document) HowPercent() int { return lint.HowPercent(d.HowSentences, d.Sentences) }

// sectionBar is the share of how-sentences in one top-level section
// (lint.SectionStats).
type sectionBar struct {
	Title     string
	Anchor    string
	Sentences int
	How       int
}

// Percent is the share of how-sentences, rounded.
func (s sectionBar) Percent() int { return lint.HowPercent(s.How, s.Sentences) }

// checklist is the structure checklist of one document.
type checklist struct {
	// Checked is false when no structure rule ran at all.
	Checked bool
	// NotPRD is set when the document is too short or not shaped like a
	// PRD for the checklist to apply.
	NotPRD bool
	Items  []checkItem
}

// checkItem is one expected part of a PRD: one structure rule of the run.
type checkItem struct {
	Label string
	Rule  string
	// State is "present", "gap" or "unchecked" (rule off, or the document
	// not held to the checklist).
	State    string
	Findings []*finding
}

// ruleCount is how many findings one rule made.
type ruleCount struct {
	Rule  string
	Class string
	Count int
}

// checklistRules are the structure rules of the run, one checklist item
// each, by Order and then ID: the page lists what the run can check, so a
// rule added to the set is listed and none is named here.
func checklistRules(rules []*lint.Rule) []*lint.Rule {
	var out []*lint.Rule
	for _, r := range rules {
		if r.Category == lint.CategoryStructure {
			out = append(out, r)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Order != out[j].Order {
			return out[i].Order < out[j].Order
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// styles assigns highlight classes: each how rule its own colour, in rule
// ID order, so the legend and the text agree.
type styles struct {
	how   []*lint.Rule
	class map[string]string
}

// paletteSize is the number of distinct how colours the stylesheet defines.
const paletteSize = 8

func newStyles(rules []*lint.Rule) *styles {
	s := &styles{class: map[string]string{}}
	for _, r := range rules {
		if r.Category == lint.CategoryHow {
			s.how = append(s.how, r)
		}
	}
	sort.Slice(s.how, func(i, j int) bool { return s.how[i].ID < s.how[j].ID })
	for i, r := range s.how {
		s.class[r.ID] = fmt.Sprintf("k%d", i%paletteSize)
	}
	return s
}

func (s *styles) classOf(rule string, cat lint.Category) string {
	if c, ok := s.class[rule]; ok {
		return c
	}
	switch cat {
	case lint.CategoryHow:
		return "k-other"
	case lint.CategoryWhat:
		return "what"
	}
	return "other"
}

// newFinding turns a diagnostic into a finding numbered id.
func newFinding(id int, d *lint.Diagnostic, st *styles) *finding {
	reason := strings.TrimSpace(d.Message)
	if d.Hint != "" {
		reason = strings.TrimSpace(strings.TrimSuffix(reason, d.Hint))
	}
	return &finding{
		ID:       id,
		Rule:     d.Rule,
		Category: string(d.Category),
		Severity: d.Severity.String(),
		Class:    st.classOf(d.Rule, d.Category),
		Line:     d.Line,
		Column:   d.Column,
		Reason:   reason,
		Hint:     d.Hint,
		Sentence: d.Sentence,
		Section:  d.Section,
		Placed:   d.End > d.Start,
	}
}

// summarize fills in the document's section bars, checklist and counts;
// code holds each heading's code spans (headingCode).
func summarize(doc *document, res *lint.Result, opts Options, code map[*lint.Section][][2]int, st *styles) {
	rules := opts.Rules
	if res.Doc != nil {
		// The engine's figures, so the page and --stats agree: prose
		// sentences only, headings excluded.
		fs := lint.FileStatsOf(res)
		doc.Sentences, doc.HowSentences = fs.Sentences, fs.How
		for _, ss := range fs.Sections {
			// the text before the first heading starts where the
			// document does
			bar := sectionBar{Title: "(before the first heading)", Anchor: doc.Anchor, Sentences: ss.Sentences, How: ss.How}
			if top := ss.Heading; top != nil {
				bar.Title = displayText(top.Title, code[top])
				bar.Anchor = sectionAnchor(doc.Anchor, top.Start)
			}
			doc.Sections = append(doc.Sections, bar)
		}
	}

	counts := map[string]int{}
	byRule := map[string][]*finding{}
	for _, f := range doc.Findings {
		counts[f.Rule]++
		byRule[f.Rule] = append(byRule[f.Rule], f)
	}
	for rule, n := range counts {
		cat := lint.Category(byRule[rule][0].Category)
		doc.Counts = append(doc.Counts, ruleCount{Rule: rule, Class: st.classOf(rule, cat), Count: n})
	}
	sortCounts(doc.Counts)

	cfg := res.Config
	if cfg == nil {
		cfg = lint.DefaultConfig()
	}
	applies := res.Doc != nil && (opts.ChecklistApplies == nil || opts.ChecklistApplies(res.Doc))
	if res.Doc != nil && !applies {
		doc.Checklist.NotPRD = true
	}
	for _, r := range checklistRules(rules) {
		label := r.Label
		if label == "" {
			label = r.ID
		}
		item := checkItem{Label: label, Rule: r.ID, State: "unchecked"}
		if cfg.SeverityOf(r) != lint.SeverityOff && applies {
			doc.Checklist.Checked = true
			item.State = "present"
			if fs := byRule[r.ID]; len(fs) > 0 {
				item.State = "gap"
				item.Findings = fs
				doc.Gaps++
			}
		}
		doc.Checklist.Items = append(doc.Checklist.Items, item)
	}
}

func sortCounts(cs []ruleCount) {
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].Count != cs[j].Count {
			return cs[i].Count > cs[j].Count
		}
		return cs[i].Rule < cs[j].Rule
	})
}

func sectionAnchor(docAnchor string, start int) string {
	return fmt.Sprintf("%s-s%d", docAnchor, start)
}
