package lint

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
)

// DefaultDesignSections are the headings that mark a section as design
// space by default: the parts of a spec where the team writes down how it
// will build the thing, and where how-findings would only be noise. A
// pattern matches a heading whose normalised words begin with the
// pattern's, so "Implementation" also covers "Implementation timeline".
func DefaultDesignSections() []string {
	return []string{
		"Technical design",
		"Technical considerations",
		"Technical approach",
		"Technical details",
		"Technical notes",
		"Tech design",
		"System design",
		"Implementation",
		"Implementation details",
		"Implementation notes",
		"Implementation plan",
		"Architecture",
		"Design details",
		"Detailed design",
		"Alternatives",
		"Alternatives considered",
		"Appendix",
		"Appendices",
	}
}

// DefaultWhatSections are the headings that mark a section as stating
// what by definition: scope left out, user stories and the product's
// success metrics. A how-finding there is almost always a false alarm: 93
// of the 94 labelled real sentences under such headings are what (a
// non-goal names what will not be built; a story names a need; a KPI
// names a target).
func DefaultWhatSections() []string {
	what := []string{
		"Non-goals",
		"Non-goal",
		"Out of scope",
		"Not in scope",
		"User stories",
		"User story",
		"Stories",
		"Story",
	}
	return append(what, metricHeadings...)
}

// metricHeadings are the what sections of DefaultWhatSections that name
// targets. A non-goal phrased as a design is still a non-goal and a story
// still a need, but a metric whose sentence designs its own pipeline is a
// design decision made for the team.
var metricHeadings = []string{
	"Success metrics",
	"Success criteria",
	"Key performance indicators",
	"KPIs",
	"KPI",
	"OKRs",
	"Objectives and key results",
	"Key results",
}

// metricPatterns are metricHeadings and a plain "Metrics" heading,
// normalised once for sectionFilter.
var metricPatterns = sync.OnceValue(func() []string {
	return normalizedPatterns(append(slices.Clone(metricHeadings), "Metrics"))
})

// Design modes: what happens to how-findings inside design sections.
const (
	DesignModeSkip = "skip"
	DesignModeInfo = "info"
)

var (
	// headingNumber is a leading outline number: "3.", "3.2", "3.2.1)",
	// "IV.", "A)" or "a."; a year ("2024 roadmap") is not one.
	headingNumber = regexp.MustCompile(`^(?:\d{1,3}(?:\.\d+)*[.)]?|[ivxlc]+[.)]|[a-z][.)])\s+`)
	// nonPrefix joins "non-" to its word so that "Non-goals" never reads
	// as "goals".
	nonPrefix = regexp.MustCompile(`\bnon[-‐‑– ]+`)
)

// NormalizeHeading reduces a heading to lower-case words separated by
// single spaces, so that variants compare equal: "3.2 Technical Design &
// Architecture:" and "🛠 technical design and architecture" both become
// "technical design and architecture". It drops outline numbers,
// punctuation, emoji and other symbols, reads "&" and "+" as "and", keeps
// "non-" joined to its word ("nongoals") and deletes apostrophes.
func NormalizeHeading(h string) string {
	s := strings.ToLower(strings.TrimSpace(h))
	if strings.Contains(s, "non") {
		s = nonPrefix.ReplaceAllString(s, "non")
	}
	if plainWords(s) {
		return s // as normalizeWords would leave it
	}
	return normalizeWords(s)
}

// normalizeWords is NormalizeHeading's work on a lower-cased heading with
// "non-" joined: symbols, spacing and outline numbers.
func normalizeWords(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&' || r == '+':
			b.WriteString(" and ")
		case r == '\'' || r == '’' || r == '‘':
			// "What we're building" keeps "were" as one word.
		case r == '.' || r == ')':
			// Kept so outline numbers can be recognised below.
			b.WriteRune(r)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	s = strings.Join(strings.Fields(b.String()), " ")
	for mayOpenWithNumber(s) {
		loc := headingNumber.FindStringIndex(s)
		if loc == nil {
			break
		}
		s = s[loc[1]:]
	}
	// Without a "." or ")" left, s is already single-spaced words.
	if strings.ContainsAny(s, ".)") {
		s = strings.Join(strings.Fields(strings.NewReplacer(".", " ", ")", " ").Replace(s)), " ")
	}
	return s
}

// plainWords reports whether s is lower-case ASCII words separated by
// single spaces, which normalizeWords has nothing to do to: most
// headings, once lower-cased.
func plainWords(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z':
		case c == ' ' && i > 0 && i < len(s)-1 && s[i-1] != ' ':
		default:
			return false
		}
	}
	return true
}

// mayOpenWithNumber is the cheap test before headingNumber, for the
// single-spaced words NormalizeHeading leaves: every match is a whole first
// word and the space after it, and that word starts with a digit or ends
// with "." or ")". Most headings open with a plain word and skip the regexp.
func mayOpenWithNumber(s string) bool {
	sp := strings.IndexByte(s, ' ')
	if sp <= 0 {
		return false
	}
	return s[0] >= '0' && s[0] <= '9' || s[sp-1] == '.' || s[sp-1] == ')'
}

// headingStartsWith reports whether the normalised heading h begins with
// the normalised words of pattern p.
func headingStartsWith(h, p string) bool {
	return p != "" && (h == p || strings.HasPrefix(h, p+" "))
}

// IsTitleSection reports whether s is the document's title heading: the
// only level-1 heading, when it opens the document's sections. Matching
// section headings skips it, so a product called "Architecture review"
// does not turn its whole PRD into design space.
func (d *Document) IsTitleSection(s *Section) bool {
	if s == nil || s.Level != 1 || s.Parent != nil || len(d.Sections) == 0 || d.Sections[0] != s {
		return false // checked first: callers ask about every section
	}
	n := 0
	for _, x := range d.Sections {
		if x.Level == 1 {
			n++
		}
	}
	return n == 1
}

// SectionAt returns the section that holds source offset off: the last
// heading at or before it, or nil before the first heading.
func (d *Document) SectionAt(off int) *Section {
	i := sort.Search(len(d.Sections), func(i int) bool { return d.Sections[i].Start > off })
	if i == 0 {
		return nil
	}
	return d.Sections[i-1]
}

// DesignHeading returns the heading on the path of section s (the title
// excepted) that matches one of patterns (design headings, or any other
// list of heading patterns), or "".
func (d *Document) DesignHeading(s *Section, patterns []string) string {
	return d.matchingHeading(s, normalizedPatterns(patterns))
}

// normalizedPatterns normalises heading patterns once for every section
// they are matched against.
func normalizedPatterns(patterns []string) []string {
	var norm []string
	for _, p := range patterns {
		if n := NormalizeHeading(p); n != "" {
			norm = append(norm, n)
		}
	}
	return norm
}

// matchingHeading is DesignHeading with its patterns normalised.
func (d *Document) matchingHeading(s *Section, norm []string) string {
	for x := s; x != nil; x = x.Parent {
		if d.IsTitleSection(x) {
			continue
		}
		h := x.NormalizedTitle()
		for _, p := range norm {
			if headingStartsWith(h, p) {
				return x.Title
			}
		}
	}
	return ""
}

// DesignSectionFilter drops how-findings inside design sections (see
// DefaultDesignSections and Settings.DesignSections) or, with
// Settings.DesignMode "info", keeps them at severity info with a note
// naming the section. Findings of other categories, and how-findings
// everywhere else, pass unchanged.
func DesignSectionFilter(doc *Document, cfg *Config, diags []Diagnostic) []Diagnostic {
	patterns := cfg.Settings.DesignSections
	if patterns == nil {
		patterns = DefaultDesignSections()
	}
	return sectionFilter(doc, diags, patterns, cfg.Settings.DesignMode, "is a design section", 0)
}

// WhatSectionFilter drops how-findings inside sections that state what by
// definition (see DefaultWhatSections and Settings.WhatSections) or, with
// Settings.WhatMode "info", keeps them at severity info with a note naming
// the section. In a section of success metrics (metricHeadings, or "Metrics"), a
// finding at confidence MetricSectionKeep or more is kept at info either
// way: a metric whose sentence designs its own pipeline ("… sent through
// Segment as a new `step_completed` event") is still a design decision
// made for the team, and none of the labelled what sentences under such
// headings reaches it.
func WhatSectionFilter(doc *Document, cfg *Config, diags []Diagnostic) []Diagnostic {
	patterns := cfg.Settings.WhatSections
	if patterns == nil {
		patterns = DefaultWhatSections()
	}
	return sectionFilter(doc, diags, patterns, cfg.Settings.WhatMode, "states what, not how", MetricSectionKeep)
}

// MetricSectionKeep is the confidence from which a how-finding in a
// section of success metrics is kept at info rather than dropped.
const MetricSectionKeep = 0.95

// sectionFilter drops, or with mode "info" demotes, the how-findings in
// sections whose heading path matches patterns; with keep above 0, those
// at confidence keep or more in a section of metrics are demoted whatever
// the mode.
func sectionFilter(doc *Document, diags []Diagnostic, patterns []string, mode, why string, keep float64) []Diagnostic {
	if doc == nil || len(doc.Sections) == 0 || len(patterns) == 0 {
		return diags
	}
	// One lookup per section, not per finding, and the patterns
	// normalised once.
	var norm []string
	matched := map[*Section]string{}
	headingOf := func(s *Section) string {
		h, ok := matched[s]
		if !ok {
			if norm == nil {
				norm = normalizedPatterns(patterns)
			}
			h = doc.matchingHeading(s, norm)
			matched[s] = h
		}
		return h
	}
	kept := diags[:0]
	for _, d := range diags {
		if d.Category != CategoryHow || d.End <= d.Start {
			kept = append(kept, d)
			continue
		}
		sec := doc.SectionAt(d.Start)
		h := headingOf(sec)
		if h == "" {
			kept = append(kept, d)
			continue
		}
		var note string
		switch {
		case strings.EqualFold(mode, DesignModeInfo):
			note = fmt.Sprintf("(Reported as info: %q %s.)", h, why)
		case keep > 0 && d.Confidence >= keep && doc.matchingHeading(sec, metricPatterns()) != "":
			note = fmt.Sprintf("(Reported as info: %q states what, but this sentence designs how it is measured.)", h)
		default:
			continue
		}
		d.Severity = SeverityInfo
		// The note goes before the hint, which ends a message so that
		// formats showing the hint on its own line can cut it off.
		base, hint := d.Message, ""
		if d.Hint != "" && strings.HasSuffix(d.Message, d.Hint) {
			base, hint = strings.TrimSuffix(d.Message, d.Hint), d.Hint
		}
		d.Message = strings.TrimSpace(strings.TrimSpace(base) + " " + note + " " + hint)
		kept = append(kept, d)
	}
	return kept
}
