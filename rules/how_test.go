package rules

import (
	"testing"

	"github.com/prdlint/prdlint/rules/judge"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/prdlint/prdlint/lint"
)

func check(t *testing.T, src string, rs ...*lint.Rule) []lint.Diagnostic {
	t.Helper()
	doc, err := lint.Parse("t.md", []byte(src))
	require.NoError(t, err)
	l := &lint.Linter{Rules: rs}
	return l.Check(doc, lint.DefaultConfig())
}

func howFindings(ds []lint.Diagnostic) []lint.Diagnostic {
	var out []lint.Diagnostic
	for _, d := range ds {
		if d.Category == lint.CategoryHow {
			out = append(out, d)
		}
	}
	return out
}

// TestHowRuleExamples holds every how-* rule to its own documentation: its
// bad examples are reported (by the how rules together, once each) and its
// good examples are not.
func TestHowRuleExamples(t *testing.T) {
	all := All()
	for _, r := range all {
		if r.Category != lint.CategoryHow {
			continue
		}
		t.Run(r.ID, func(t *testing.T) {
			require.NotEmpty(t, r.Bad)
			require.NotEmpty(t, r.Good)
			require.NotEmpty(t, r.Doc)
			for _, bad := range r.Bad {
				ds := howFindings(check(t, bad+"\n", all...))
				if assert.Len(t, ds, 1, "bad example not reported once: %q", bad) {
					assert.Equal(t, 1, ds[0].Line)
					assert.NotEmpty(t, ds[0].Hint)
					assert.Greater(t, ds[0].Confidence, 0.0)
				}
			}
			for _, good := range r.Good {
				assert.Empty(t, howFindings(check(t, good+"\n", all...)), "good example reported: %q", good)
			}
		})
	}
}

// TestHowMentionsAreNotPrescriptions covers sentences that name technology
// without prescribing it, and prescriptions that name none.
func TestHowMentionsAreNotPrescriptions(t *testing.T) {
	tests := []struct {
		sentence string
		how      bool
	}{
		{"Last quarter's Redis outage lost carts for 4,000 shoppers.", false},
		{"Today carts live in one Redis node, which is why one crash wiped them.", false},
		{"The main target database is Postgres; other engines may not be supported.", false},
		{"Checkout p99 latency stays below 300 ms.", false},
		{"The export must keep working with existing v1 API clients.", false},
		{"Users can export reports as CSV.", false},
		{"Replacing the payment provider is out of scope.", false},
		{"Add a version column to the carts table.", true},
		{"We will replicate the carts table to a hot standby.", true},
		{"Use Kafka to stream cart changes to the analytics service.", true},
		{"A new field `requiresApproval` should be added to the status list items.", true},
	}
	all := All()
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			ds := howFindings(check(t, tt.sentence+"\n", all...))
			if tt.how {
				assert.Len(t, ds, 1)
			} else {
				assert.Empty(t, ds)
			}
		})
	}
}

func TestHowMessageNamesEvidenceAndAsks(t *testing.T) {
	ds := howFindings(check(t, "Use Kafka to stream cart changes to the analytics service.\n", All()...))
	require.Len(t, ds, 1)
	d := ds[0]
	assert.Contains(t, d.Message, "?", "the message asks the what/why question")
	require.Len(t, d.Mark, 2)
	assert.NotEmpty(t, d.Sentence[d.Mark[0]:d.Mark[1]])
	assert.Contains(t, d.Message, d.Sentence[d.Mark[0]:d.Mark[1]], "the message names what fired")
}

func TestAllRulesAreDocumented(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range All() {
		assert.Regexp(t, `^[a-z]+(-[a-z]+)*$`, r.ID)
		assert.False(t, seen[r.ID], "duplicate rule ID %s", r.ID)
		seen[r.ID] = true
		assert.NotEmpty(t, r.Summary, r.ID)
		assert.NotEmpty(t, r.Doc, r.ID)
		assert.NotNil(t, r.Run, r.ID)
		assert.NotEqual(t, lint.SeverityOff, r.Severity, r.ID)
	}
}

func TestHowMessageEvidenceAndHint(t *testing.T) {
	s := &lint.Sentence{Text: "Each request is answered from the nearest copy."}
	spec := howSpec{kind: "architecture", named: `Names %q.`, reason: `Constructs %q.`, question: "Own question?"}
	tests := []struct {
		name     string
		signals  []judge.Signal
		wantMsg  string
		wantMark []int
	}{
		{"no signal", nil, wholeWording, nil},
		{"only a signal that is not local", []judge.Signal{{Name: "will", Start: -1, End: -1, Text: "will", Weight: 1}}, wholeWording, nil},
		{"a local term", []judge.Signal{{Name: "term:copy", Start: 42, End: 46, Text: "copy", Kind: spec.kind, Weight: 1}},
			`Names "copy".`, []int{42, 46}},
		{"a local construction", []judge.Signal{{Name: "passive-answer", Start: 5, End: 25, Text: "request is answered", Kind: spec.kind, Weight: 1}},
			`Constructs "request is answered".`, []int{5, 25}},
		{"a name before a construction, and a short construction before a clause", []judge.Signal{
			{Name: "conditional", Start: 0, End: 45, Text: "Each request is answered from the nearest co", Kind: spec.kind, Weight: 2},
			{Name: "passive-answer", Start: 5, End: 24, Text: "request is answered", Kind: spec.kind, Weight: 1.5},
			{Name: "identifier", Start: 42, End: 46, Text: "copy", Kind: "code", Weight: 0.5},
		}, `Constructs "copy".`, []int{42, 46}},
		{"only a long clause: quoted and marked by its opening words", []judge.Signal{
			{Name: "conditional", Start: 0, End: 46, Text: "Each request is answered from the nearest copy", Kind: spec.kind, Weight: 2},
		}, `Constructs "Each request is answered from the…".`, []int{0, 33}},
		{"a new artifact before the verb that orders it", []judge.Signal{
			{Name: "imperative-answer", Start: 5, End: 24, Text: "request is answered", Kind: "", Weight: 2},
			{Name: "new-copy", Start: 34, End: 46, Text: "nearest copy", Kind: "data-model", Weight: 0.5},
		}, `Constructs "nearest copy".`, []int{34, 46}},
		{"a condition the system reacts to", []judge.Signal{
			{Name: "conditional-behaviour", Start: 0, End: 12, Text: "Each request", Kind: spec.kind, Weight: 1.2},
		}, `Spells out how the system reacts ("Each request").`, []int{0, 12}},
		{"a short construction before a long one", []judge.Signal{
			{Name: "conditional", Start: 0, End: 45, Text: "Each request is answered from the nearest co", Kind: spec.kind, Weight: 2},
			{Name: "passive-answer", Start: 5, End: 24, Text: "request is answered", Kind: spec.kind, Weight: 1.5},
		}, `Constructs "request is answered".`, []int{5, 24}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg, hint, mark := spec.message(s, judge.Verdict{How: 0.9, Kind: spec.kind, Signals: tt.signals})
			assert.Equal(t, tt.wantMsg, msg)
			assert.Equal(t, tt.wantMark, mark)
			if mark == nil {
				assert.Equal(t, wholeWordingQuestion, hint, "no evidence says which kind of design this is")
			} else {
				assert.Equal(t, spec.question, hint)
			}
		})
	}
}

// TestUnpointedFindingsNeedMoreConfidence: a sentence the judge puts
// between the threshold and judge.UnpointedThreshold with nothing to point
// to is not reported; one with evidence is. The sentences are picked by
// their verdicts, so the test needs at least one of each in the band.
func TestUnpointedFindingsNeedMoreConfidence(t *testing.T) {
	candidates := []string{
		"Home and renters claims will keep using the existing phone flow.",
		"Each branch signs off that its migrated accounts are complete before the new check is switched on there.",
		"Each purchase is rounded up to the next whole dollar.",
		"The refund will be processed on the next business day.",
		"Each tenant gets its own namespace in the production cluster.",
		"Version the events API under `/v3` and keep `/v2` for a year.",
	}
	j := judge.New(judge.Options{})
	var unpointed, pointed int
	for _, text := range candidates {
		in := judge.FromMarkdown(text)
		v := j.Judge(in)
		if v.How < judge.DefaultThreshold || v.How >= judge.UnpointedThreshold {
			continue
		}
		reported := len(howFindings(check(t, text+"\n", All()...))) > 0
		if v.Pointed(in.Text) {
			pointed++
			assert.True(t, reported, "%.3f with evidence: %q", v.How, text)
		} else {
			unpointed++
			assert.False(t, reported, "%.3f with nothing to point to: %q", v.How, text)
		}
	}
	require.Positive(t, unpointed, "no candidate without evidence between %.3f and %.2f: add one", judge.DefaultThreshold, judge.UnpointedThreshold)
	require.Positive(t, pointed, "no candidate with evidence between %.3f and %.2f: add one", judge.DefaultThreshold, judge.UnpointedThreshold)
}

// TestHowTodayParagraph: a paragraph that opens by describing today's
// system goes on describing it until a sentence proposes something, and so
// do the items of a list it leads into with a colon; other blocks start
// afresh.
func TestHowTodayParagraph(t *testing.T) {
	const design = "The controller polls the `jobs` table every 10 minutes."
	lines := func(ds []lint.Diagnostic) []int {
		out := []int{}
		for _, d := range howFindings(ds) {
			out = append(out, d.Line)
		}
		return out
	}
	tests := []struct {
		name, src string
		want      []int
	}{
		{"alone", design + "\n", []int{1}},
		{"after a description of today", "Currently, the sync job runs once a night. " + design + "\n", []int{}},
		{"after a proposal in the paragraph", "Currently, the sync job runs once a night.\nWe will add a `retry_at` column to the jobs table.\n" + design + "\n", []int{2, 3}},
		{"in the next paragraph", "Currently, the sync job runs once a night.\n\n" + design + "\n", []int{3}},
		{"in a list the description leads into", "Currently, the sync works like this:\n\n- " + design + "\n- " + design + "\n", []int{}},
		{"in a list a proposal leads into", "We will change the sync:\n\n- " + design + "\n", []int{3}},
		{"in a list after a description that does not lead into it", "Currently, the sync job runs once a night.\n\n- " + design + "\n", []int{3}},
		{"after a description, a pointer for the reader", "Currently, the sync job runs once a night. See below. The controller polls the `jobs` table every 10 minutes.\n", []int{}},
		{"after a description, an order", "Currently, the sync job runs once a night. Store the jobs in a Redis cluster.\n", []int{1}},
		{"in a list a description leads into, orders", "Today the sync is slow. To fix it:\n\n- Use Kafka for the order events.\n- Store sessions in a Redis cluster.\n", []int{3, 4}},
		{"in a list item that proposes", "Currently, the sync works like this:\n\n- " + design + " We will add a `retry_at` column to the jobs table.\n", []int{3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, lines(check(t, tt.src, All()...)))
		})
	}
}

// TestHowHeadingsAreTopics checks that a heading is never reported as a
// prescription, however it is worded, while the same words as a sentence
// under it are.
func TestHowHeadingsAreTopics(t *testing.T) {
	all := All()
	for _, words := range []string{
		"How we'll build it (rough)",
		"Use Redis for sessions",
		"Option 2: a Kafka topic per tenant",
	} {
		assert.Empty(t, howFindings(check(t, "# Carts\n\n## "+words+"\n\nText.\n", all...)), "heading reported: %q", words)
		assert.Empty(t, howFindings(check(t, "# Carts\n\n**"+words+"**\n\nText.\n", all...)), "bold label reported: %q", words)
	}
	// a sentence in bold is still a sentence
	assert.Len(t, howFindings(check(t, "# Carts\n\n**Use Redis for sessions.**\n", all...)), 1)
	ds := howFindings(check(t, "# Carts\n\n## Design\n\nUse Redis for sessions.\n", all...))
	if assert.Len(t, ds, 1) {
		assert.Equal(t, 5, ds[0].Line)
	}
}

// TestHowTitleIsNoSection checks that the document's title does not stand
// for the section of the sentences below it: a title that names an API
// weighs like any other, while a level-1 heading among several, or a title
// that calls the document a design, still places what follows it.
func TestHowTitleIsNoSection(t *testing.T) {
	all := All()
	const body = "\n\n## Team and timing\n\nStore each key's last use in Redis.\n"
	confidence := func(src string) float64 {
		ds := howFindings(check(t, src, all...))
		require.Len(t, ds, 1, src)
		return ds[0].Confidence
	}
	plain := confidence("# Partner keys" + body)
	assert.Equal(t, plain, confidence("# Partner API keys"+body))
	assert.Equal(t, plain, confidence("# Partner keys: security notes"+body))
	// several level-1 headings are sections, and the design one weighs
	sections := "# Background\n\nText.\n\n# Design" + body
	assert.Greater(t, confidence(sections), confidence("# Background\n\nText.\n\n# Partner keys"+body))
	// a title that says the document is a design places all of it there
	assert.Greater(t, confidence("# Partner keys: technical design"+body), plain)
}

// TestHowQuestionsAsk checks that an open question is never reported as a
// prescription, while the same design stated is.
func TestHowQuestionsAsk(t *testing.T) {
	all := All()
	for _, md := range []string{
		"Will the partner API support webhooks, or do we need to poll?",
		"Should we store sessions in Redis?",
		"**Should the cache live in Redis or in Memcached?**",
		"Do we shard the `orders` table by tenant (\"one shard per region?\")?",
	} {
		assert.Empty(t, howFindings(check(t, "# Carts\n\n"+md+"\n", all...)), "question reported: %q", md)
	}
	assert.Len(t, howFindings(check(t, "# Carts\n\nWe will store sessions in Redis.\n", all...)), 1)
}
