package lint

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNormalizeHeading(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Technical design", "technical design"},
		{"TECHNICAL DESIGN:", "technical design"},
		{"3.2 Technical Design", "technical design"},
		{"3.2. Technical design", "technical design"},
		{"IV. Appendix", "appendix"},
		{"A) Alternatives considered", "alternatives considered"},
		{"🛠️ Implementation details", "implementation details"},
		{"Design & Architecture", "design and architecture"},
		{"Goals + non-goals", "goals and nongoals"},
		{"Non-Goals", "nongoals"},
		{"Non goals", "nongoals"},
		{"What we're building", "what were building"},
		{"**Success metrics**", "success metrics"},
		{"VA.gov experience", "va gov experience"},
		{"A/B testing", "a b testing"},
		{"1 2 3", "3"},
		{"2024 roadmap", "2024 roadmap"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, NormalizeHeading(tt.in))
		})
	}
}

func TestDesignHeading(t *testing.T) {
	src := `# Architecture review tool

## Goals

Text.

## 4. Technical Design & Rollout

### Storage

Text.

## Implementation timeline

Text.

## Implementers' guide

Text.

## Appendix A: glossary

Text.
`
	doc, err := Parse("t.md", []byte(src))
	require.NoError(t, err)
	got := map[string]string{}
	for _, s := range doc.Sections {
		got[strings.Join(s.Path(), " > ")] = doc.DesignHeading(s, DefaultDesignSections())
	}
	assert.Equal(t, map[string]string{
		"Architecture review tool":                                           "",
		"Architecture review tool > Goals":                                   "",
		"Architecture review tool > 4. Technical Design & Rollout":           "4. Technical Design & Rollout",
		"Architecture review tool > 4. Technical Design & Rollout > Storage": "4. Technical Design & Rollout",
		"Architecture review tool > Implementation timeline":                 "Implementation timeline",
		"Architecture review tool > Implementers' guide":                     "",
		"Architecture review tool > Appendix A: glossary":                    "Appendix A: glossary",
	}, got)
}

func TestDesignHeadingWithoutSingleTitle(t *testing.T) {
	// Specs written with level-1 headings throughout: every one is a section.
	doc, err := Parse("t.md", []byte("# Summary\n\nText.\n\n# Implementation notes\n\nText.\n"))
	require.NoError(t, err)
	require.Len(t, doc.Sections, 2)
	assert.Empty(t, doc.DesignHeading(doc.Sections[0], DefaultDesignSections()))
	assert.Equal(t, "Implementation notes", doc.DesignHeading(doc.Sections[1], DefaultDesignSections()))
}

// howAndWhatPerSentence parses src and gives every non-heading sentence a
// how-finding and a what-finding, for the section filters to sort.
func howAndWhatPerSentence(t *testing.T, src string) (*Document, []Diagnostic) {
	t.Helper()
	doc, err := Parse("t.md", []byte(src))
	require.NoError(t, err)
	var diags []Diagnostic
	for _, s := range doc.Sentences() {
		if s.Block.Kind == BlockHeading {
			continue
		}
		diags = append(diags,
			Diagnostic{Line: s.Line, Start: s.Start, End: s.End, Category: CategoryHow, Severity: SeverityWarning, Message: "How."},
			Diagnostic{Line: s.Line, Start: s.Start, End: s.End, Category: CategoryWhat, Severity: SeverityWarning, Message: "What."})
	}
	return doc, diags
}

func TestDesignSectionFilter(t *testing.T) {
	src := `Use Kafka before any heading.

# Cart

## Goals

Use Kafka for carts.

## Technical design

Use Kafka for carts.

## Custom space

Use Kafka for carts.
`
	doc, diags := howAndWhatPerSentence(t, src)
	lines := func(ds []Diagnostic) []string {
		var out []string
		for _, d := range ds {
			out = append(out, fmt.Sprintf("%s@%d:%s", d.Category, d.Line, d.Severity))
		}
		return out
	}
	tests := []struct {
		name     string
		settings Settings
		want     []string
	}{
		{"defaults skip", Settings{}, []string{
			"how@1:warning", "what@1:warning", "how@7:warning", "what@7:warning", "what@11:warning", "how@15:warning", "what@15:warning"}},
		{"info mode", Settings{DesignMode: "info"}, []string{
			"how@1:warning", "what@1:warning", "how@7:warning", "what@7:warning", "how@11:info", "what@11:warning", "how@15:warning", "what@15:warning"}},
		{"custom list replaces defaults", Settings{DesignSections: []string{"custom space"}}, []string{
			"how@1:warning", "what@1:warning", "how@7:warning", "what@7:warning", "how@11:warning", "what@11:warning", "what@15:warning"}},
		{"empty list turns it off", Settings{DesignSections: []string{}}, []string{
			"how@1:warning", "what@1:warning", "how@7:warning", "what@7:warning", "how@11:warning", "what@11:warning", "how@15:warning", "what@15:warning"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := append([]Diagnostic(nil), diags...)
			out := DesignSectionFilter(doc, &Config{Settings: tt.settings}, in)
			assert.Equal(t, tt.want, lines(out))
		})
	}
	t.Run("info note names the section", func(t *testing.T) {
		in := append([]Diagnostic(nil), diags...)
		out := DesignSectionFilter(doc, &Config{Settings: Settings{DesignMode: "info"}}, in)
		var notes []string
		for _, d := range out {
			if d.Severity == SeverityInfo {
				notes = append(notes, d.Message)
			}
		}
		assert.Equal(t, []string{`How. (Reported as info: "Technical design" is a design section.)`}, notes)
	})
	t.Run("info note goes before the hint", func(t *testing.T) {
		var in []Diagnostic
		for _, d := range diags {
			d.Message, d.Hint = d.Message+" Why?", "Why?"
			in = append(in, d)
		}
		out := DesignSectionFilter(doc, &Config{Settings: Settings{DesignMode: "info"}}, in)
		var notes []string
		for _, d := range out {
			if d.Severity == SeverityInfo {
				notes = append(notes, d.Message)
				assert.True(t, strings.HasSuffix(d.Message, " "+d.Hint), "the message still ends with its hint")
			}
		}
		assert.Equal(t, []string{`How. (Reported as info: "Technical design" is a design section.) Why?`}, notes)
	})
}

func TestWhatSectionFilter(t *testing.T) {
	src := `# Cart

## Goals

Use Kafka for carts.

## Non-Goals

Use Kafka for carts.

### Story 2: returning shoppers

Use Kafka for carts.

## Success Metrics

Use Kafka for carts.

## Parking lot

Use Kafka for carts.
`
	doc, diags := howAndWhatPerSentence(t, src)
	hows := func(ds []Diagnostic) []string {
		var out []string
		for _, d := range ds {
			if d.Category == CategoryHow {
				out = append(out, fmt.Sprintf("%d:%s", d.Line, d.Severity))
			}
		}
		return out
	}
	tests := []struct {
		name     string
		settings Settings
		want     []string
	}{
		// Goals and the unknown heading keep their findings; Non-Goals, a
		// story nested under it and Success Metrics lose theirs.
		{"defaults skip", Settings{}, []string{"5:warning", "21:warning"}},
		{"info mode", Settings{WhatMode: "info"}, []string{"5:warning", "9:info", "13:info", "17:info", "21:warning"}},
		{"custom list replaces defaults", Settings{WhatSections: []string{"Parking lot"}}, []string{"5:warning", "9:warning", "13:warning", "17:warning"}},
		{"empty list turns it off", Settings{WhatSections: []string{}}, []string{"5:warning", "9:warning", "13:warning", "17:warning", "21:warning"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := append([]Diagnostic(nil), diags...)
			out := WhatSectionFilter(doc, &Config{Settings: tt.settings}, in)
			assert.Equal(t, tt.want, hows(out))
			assert.Len(t, out, len(tt.want)+5, "what-findings all pass")
		})
	}
	t.Run("a confident finding under a metrics heading is kept at info", func(t *testing.T) {
		// Success Metrics at line 17; Non-Goals at line 9, where a
		// design-worded non-goal stays a non-goal
		with := func(metric float64) []Diagnostic {
			in := append([]Diagnostic(nil), diags...)
			for i := range in {
				switch in[i].Line {
				case 17:
					in[i].Confidence = metric
				case 9:
					in[i].Confidence = 1
				}
			}
			return in
		}
		kept := WhatSectionFilter(doc, &Config{}, with(MetricSectionKeep))
		assert.Equal(t, []string{"5:warning", "17:info", "21:warning"}, hows(kept))
		for _, d := range kept {
			if d.Severity == SeverityInfo {
				assert.Equal(t, `How. (Reported as info: "Success Metrics" states what, but this sentence designs how it is measured.)`, d.Message)
			}
		}
		assert.Equal(t, []string{"5:warning", "21:warning"}, hows(WhatSectionFilter(doc, &Config{}, with(MetricSectionKeep-0.01))))
		// design sections drop confident findings too: design is their place
		out := hows(DesignSectionFilter(doc, &Config{Settings: Settings{DesignSections: []string{"Success metrics"}}}, with(1)))
		assert.NotContains(t, out, "17:info")
		assert.NotContains(t, out, "17:warning")
	})
	t.Run("info note names the section", func(t *testing.T) {
		in := append([]Diagnostic(nil), diags...)
		out := WhatSectionFilter(doc, &Config{Settings: Settings{WhatMode: "info", WhatSections: []string{"Success metrics"}}}, in)
		var notes []string
		for _, d := range out {
			if d.Severity == SeverityInfo {
				notes = append(notes, d.Message)
			}
		}
		assert.Equal(t, []string{`How. (Reported as info: "Success Metrics" states what, not how.)`}, notes)
	})
}

// TestHeadingOpeningWithAutolink: an autolink leaves no text of its own,
// and the heading still starts on its own line, so sections stay in order
// and each sentence stays in its own section.
func TestHeadingOpeningWithAutolink(t *testing.T) {
	src := "# Title\n\n## Requirements\n\nWe will use Kafka.\n\n## <https://example.com> Architecture\n\nShoppers pay as guests.\n"
	doc, err := Parse("t.md", []byte(src))
	require.NoError(t, err)
	require.Len(t, doc.Sections, 3)
	arch := doc.Sections[2]
	assert.Equal(t, "Architecture", arch.Title)
	assert.Equal(t, 7, arch.Line)
	for i := 1; i < len(doc.Sections); i++ {
		assert.Less(t, doc.Sections[i-1].Start, doc.Sections[i].Start, "sections in source order")
	}
	kafka := doc.Sentences()[2]
	require.Equal(t, "We will use Kafka.", kafka.Text)
	assert.Equal(t, "Requirements", doc.SectionAt(kafka.Start).Title)
}

// TestMayOpenWithNumber checks the quick test against headingNumber: it
// may let through a heading the regexp then rejects, never the reverse.
// The headings are random single-spaced words of the bytes that matter.
func TestMayOpenWithNumber(t *testing.T) {
	const alphabet = "0123456789.)ivxlcaz "
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		b := make([]byte, 1+rng.IntN(12))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		s := strings.Join(strings.Fields(string(b)), " ")
		if headingNumber.MatchString(s) && !mayOpenWithNumber(s) {
			t.Fatalf("%q opens with a number, mayOpenWithNumber says no", s)
		}
	}
}

// TestPlainWordsAreNormal checks that normalizeWords leaves what
// plainWords passes as it is, on random texts of the bytes that matter.
func TestPlainWordsAreNormal(t *testing.T) {
	const alphabet = "abinoz  -.)1&'"
	rng := rand.New(rand.NewPCG(3, 4))
	plain := 0
	for range 200000 {
		b := make([]byte, rng.IntN(12))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		if s := string(b); plainWords(s) {
			plain++
			if got := normalizeWords(s); got != s {
				t.Fatalf("plainWords(%q), but normalizeWords makes it %q", s, got)
			}
		}
	}
	assert.Greater(t, plain, 1000, "plain texts tried")
}

func TestTitleSection(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"one level-1 heading first", "# Partner API keys\n\n## Goals\n\nText.\n", "Partner API keys"},
		{"front matter before it", "---\ntitle: x\n---\n# Partner API keys\n\nText.\n", "Partner API keys"},
		{"level-1 headings as sections", "# Background\n\nText.\n\n# Design\n\nText.\n", ""},
		{"a level-2 heading first", "## Summary\n\nText.\n\n# Design\n\nText.\n", ""},
		{"no level-1 heading", "## Summary\n\nText.\n", ""},
		{"no heading", "Text.\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("prd.md", []byte(tt.src))
			require.NoError(t, err)
			got := ""
			if s := doc.TitleSection(); s != nil {
				got = s.Title
			}
			assert.Equal(t, tt.want, got)
		})
	}
}
