package rules

import "github.com/prdlint/prdlint/lint"

// structureDoc is the part of every structure-* rule's doc that says when
// the checklist applies and how a topic is recognised.
const structureDoc = `
A topic counts as covered when a heading names it (with common synonyms;
case, numbering, punctuation and emoji do not matter) and something other
than "TBD" is written under it, or when any sentence mentions it. The rule
only says "missing" when nothing plausible is there.

The checklist applies to PRD-shaped documents only: at least 8 prose
sentences, at least 3 headings besides the title, and at least 2 headings
PRDs are made of (Problem, Goals, Requirements, User stories, Success
metrics…) or a title or front-matter "type" that says PRD. Notes,
one-pagers, READMEs and meeting logs are not held to it. The finding is
reported at the title's line.`

// structureSpec is one item of the PRD checklist: a topic the document
// must address somewhere.
type structureSpec struct {
	id, summary, doc string
	// label names the item in the report's checklist; order places it
	// there, in the order a PRD usually covers its topics.
	label         string
	order         int
	severity      lint.Severity
	topic         topic
	bad, good     []string
	message, hint string
}

func (s structureSpec) rule() *lint.Rule {
	return &lint.Rule{
		ID:       s.id,
		Category: lint.CategoryStructure,
		Severity: s.severity,
		Summary:  s.summary,
		Label:    s.label,
		Order:    s.order,
		Doc:      s.doc + "\n" + structureDoc,
		Bad:      s.bad,
		Good:     s.good,
		Run:      s.run,
	}
}

func (s structureSpec) run(pass *lint.Pass) {
	if !StructureApplies(pass.Doc) || outlineOf(pass.Doc).covered[s.topic] {
		return
	}
	pass.ReportTitle(lint.Finding{Message: s.message, Hint: s.hint})
}
