package lint

import (
	"slices"
	"sort"
	"strings"
)

// Rule is one named check. Rules are plain values: the engine calls Run
// once per document with a Pass, and the rule reports what it finds.
type Rule struct {
	// ID is stable: configuration, suppression comments and CI tooling
	// refer to it.
	ID       string
	Category Category
	// Severity is the default severity.
	Severity Severity
	// Summary is one line for rule lists.
	Summary string
	// Label is a short name for what the rule looks for, e.g. "Success
	// metrics": the report's structure checklist shows it for each rule of
	// CategoryStructure. Empty means the ID.
	Label string
	// Order places the rule in lists that follow a document's reading
	// order rather than rule IDs, such as the structure checklist: lower
	// first, ties by ID.
	Order int
	// Doc explains what the rule looks for and why it matters.
	Doc string
	// Bad and Good are example sentences: Bad ones are flagged, Good ones
	// say the same need without prescribing.
	Bad, Good []string
	// Options names the configuration keys the rule reads.
	Options []string
	// Run inspects pass.Doc and reports findings.
	Run func(pass *Pass)
}

// HomeURL is prdlint's home page, whose README documents every rule.
const HomeURL = "https://github.com/prdlint/prdlint"

// RuleURL links a rule ID to its own entry in the README's rule tables,
// which define the anchor "rule-ID" for each rule. Every output that links
// a rule uses it, so an editor, a code-scanning alert and a review comment
// open the same place.
func RuleURL(id string) string { return HomeURL + "#rule-" + id }

// Settings are the configuration values rules may read.
type Settings struct {
	// VocabularyAdd are extra terms to treat as implementation terms.
	VocabularyAdd []string
	// VocabularyRemove are terms to treat as product words.
	VocabularyRemove []string
	// MinConfidence drops findings less confident than this.
	MinConfidence float64
	// DesignSections are heading patterns that mark a section as design
	// space, where how-findings are welcome; nil means the defaults.
	DesignSections []string
	// DesignMode says what happens to how-findings in design sections:
	// "skip" (the default) or "info".
	DesignMode string
	// WhatSections are heading patterns that mark a section as stating
	// what by definition (non-goals, user stories, success metrics), where
	// how-findings are not reported; nil means the defaults.
	WhatSections []string
	// WhatMode says what happens to how-findings in those sections: "skip"
	// (the default) or "info".
	WhatMode string
	// RequireReason asks every suppression directive for a reason
	// (" -- why"): rules that report on directives find one without it.
	RequireReason bool
}

// Finding is what a rule reports; the engine adds path, positions and
// severity.
type Finding struct {
	// Message says what fired; Hint asks the what/why question instead.
	Message, Hint string
	Confidence    float64
	// Mark is the byte range of the sentence text that triggered the
	// finding, or nil.
	Mark []int
}

// Pass carries one document through one rule.
type Pass struct {
	Rule     *Rule
	Doc      *Document
	Settings *Settings
	report   func(Diagnostic)
	enabled  func(id string) bool
	// ruleIDs are the IDs of the linter's rules, sorted.
	ruleIDs []string
}

// RuleEnabled reports whether the rule with this ID runs on the document
// too (it is in the run and its severity here is not off): a rule that
// leaves a gap for another rule to report must report it itself when that
// rule is off.
func (p *Pass) RuleEnabled(id string) bool {
	return p.enabled != nil && p.enabled(id)
}

// RuleIDs returns the IDs of the rules of this run, sorted: every rule the
// linter holds, those the file's configuration turns off included, which a
// suppression directive may still name. The slice is the caller's own.
func (p *Pass) RuleIDs() []string { return slices.Clone(p.ruleIDs) }

// sortedRuleIDs lists the IDs of the rules of category cat (of every
// rule, for ""), sorted.
func sortedRuleIDs(rules []*Rule, cat Category) []string {
	ids := make([]string, 0, len(rules))
	for _, r := range rules {
		if cat == "" || r.Category == cat {
			ids = append(ids, r.ID)
		}
	}
	sort.Strings(ids)
	return ids
}

// ReportSentence reports a finding covering sentence s.
func (p *Pass) ReportSentence(s *Sentence, f Finding) {
	d := p.diagnostic(f)
	d.Line, d.Column, d.EndLine, d.EndColumn = s.Line, s.Column, s.EndLine, s.EndColumn
	d.Start, d.End = s.Start, s.End
	d.Sentence = s.Text
	d.Section = strings.Join(s.SectionPath(), " > ")
	if len(f.Mark) == 2 && f.Mark[0] >= 0 && f.Mark[1] > f.Mark[0] && f.Mark[1] <= len(s.Text) {
		d.Mark = f.Mark
	}
	p.report(d)
}

// ReportLine reports a finding about the document as a whole at the start
// of line (e.g. the title's line).
func (p *Pass) ReportLine(line int, text string, f Finding) {
	if line < 1 {
		line = 1
	}
	d := p.diagnostic(f)
	d.Line, d.Column = line, 1
	d.EndLine = line
	// The whole line: editors and code hosts underline what the range covers.
	d.EndColumn = max(1, p.Doc.lines.lastColumn(line))
	d.Sentence = text
	p.report(d)
}

// ReportTitle reports a finding about the document as a whole at its
// title: over the title heading's text, from its first character to its
// last as a sentence's finding spans it (not the "#" before it, nor the
// spaces after), or, with no heading, at the line TitleLine names.
func (p *Pass) ReportTitle(f Finding) {
	if h := p.Doc.titleHeading(); h != nil {
		for _, b := range p.Doc.Blocks {
			if b.Kind != BlockHeading || b.Section != h || len(b.Sentences) == 0 {
				continue
			}
			first, last := b.Sentences[0], b.Sentences[len(b.Sentences)-1]
			d := p.diagnostic(f)
			// no source range: like ReportLine's, the finding is about
			// the document, not a sentence whose findings are merged
			d.Line, d.Column, d.EndLine, d.EndColumn = first.Line, first.Column, last.EndLine, last.EndColumn
			// a stray continuation byte (invalid UTF-8, which a run
			// refuses before linting) counts with the character before it
			d.EndColumn = min(d.EndColumn, max(1, p.Doc.lines.lastColumn(d.EndLine)))
			if d.Line == d.EndLine {
				d.Column = min(d.Column, d.EndColumn)
			}
			d.Sentence = h.Title // as TitleLine has it
			p.report(d)
			return
		}
	}
	line, text := p.Doc.TitleLine()
	p.ReportLine(line, text, f)
}

// ReportRange reports a finding covering source bytes [start, end) that
// are not a sentence, such as a rule ID in a suppression comment. It is
// positioned as a sentence is: Line and Column at its first character,
// EndLine and EndColumn at its last. The range is cut to the source, and
// line breaks at either end are left out, as they are of sentences; an
// empty range stands at start, at most at its line's last column.
func (p *Pass) ReportRange(start, end int, f Finding) {
	src := p.Doc.Source
	start = min(max(start, 0), len(src))
	end = min(max(end, start), len(src))
	for end > start && (src[end-1] == '\n' || src[end-1] == '\r') {
		end--
	}
	for start < end && (src[start] == '\n' || src[start] == '\r') {
		start++
	}
	d := p.diagnostic(f)
	d.Start, d.End = start, end
	d.Sentence = string(src[start:end])
	d.Line, d.Column = p.Doc.Position(start)
	if end == start {
		d.Column = min(d.Column, max(1, p.Doc.lines.lastColumn(d.Line)))
		d.EndLine, d.EndColumn = d.Line, d.Column
	} else {
		d.EndLine, d.EndColumn = p.Doc.Position(lastRuneStart(src, start, end))
	}
	if len(f.Mark) == 2 && f.Mark[0] >= 0 && f.Mark[1] > f.Mark[0] && f.Mark[1] <= len(d.Sentence) {
		d.Mark = f.Mark
	}
	p.report(d)
}

// ReportDirective reports a finding about a suppression directive as a
// whole: over its comment, or, for the front matter's, over the key's name
// (or the front matter's opening line, when the key has no line of its
// own) with no source range, as the key is no comment that a directive
// could sit in.
func (p *Pass) ReportDirective(dir *Directive, f Finding) {
	if c := dir.Comment; c.End > c.Start {
		p.ReportRange(c.Start, c.End, f)
		return
	}
	if dir.keyEnd <= dir.keyStart {
		p.ReportLine(dir.Comment.Line, FrontMatterKey, f)
		return
	}
	d := p.diagnostic(f)
	d.Sentence = FrontMatterKey
	d.Line, d.Column = p.Doc.Position(dir.keyStart)
	d.EndLine, d.EndColumn = p.Doc.Position(dir.keyEnd - 1)
	p.report(d)
}

func (p *Pass) diagnostic(f Finding) Diagnostic {
	msg := f.Message
	if f.Hint != "" {
		msg = strings.TrimSpace(msg + " " + f.Hint)
	}
	c := f.Confidence
	if c <= 0 || c > 1 {
		c = 1
	}
	return Diagnostic{
		Path:       p.Doc.Path,
		Rule:       p.Rule.ID,
		Category:   p.Rule.Category,
		Severity:   p.Rule.Severity,
		Message:    msg,
		Hint:       f.Hint,
		Confidence: round3(c),
	}
}

func round3(x float64) float64 {
	return float64(int(x*1000+0.5)) / 1000
}

// SortRules orders rules by ID.
func SortRules(rules []*Rule) {
	sort.Slice(rules, func(i, j int) bool { return rules[i].ID < rules[j].ID })
}
