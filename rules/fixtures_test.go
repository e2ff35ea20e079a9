package rules_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/prdlint/prdlint/lint"
	"github.com/prdlint/prdlint/rules"
)

// lintFixture lints testdata/structure/name with every rule and the
// design-section filter, as the command does.
func lintFixture(t *testing.T, name string, settings lint.Settings) []lint.Diagnostic {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "testdata", "structure", name))
	require.NoError(t, err)
	l := &lint.Linter{
		Rules:     rules.All(),
		Filters:   []lint.Filter{lint.DesignSectionFilter},
		ConfigFor: func(string) (*lint.Config, error) { c := lint.DefaultConfig(); c.Settings = settings; return c, nil },
	}
	res := l.LintSource(name, src)
	require.Nil(t, res.Err)
	return res.Diagnostics
}

func byRule(ds []lint.Diagnostic, rule string) []lint.Diagnostic {
	var out []lint.Diagnostic
	for _, d := range ds {
		if d.Rule == rule {
			out = append(out, d)
		}
	}
	return out
}

func onLine(ds []lint.Diagnostic, line int, cat lint.Category) []lint.Diagnostic {
	var out []lint.Diagnostic
	for _, d := range ds {
		if d.Line == line && d.Category == cat {
			out = append(out, d)
		}
	}
	return out
}

// The loyalty-points PRD writes the same how-sentence under Goals (line
// 18) and under "5. 🛠️ Technical Design:" (lines 32 and 33, and 37 in a
// subsection); states a vague quality requirement (line 28); exposes a
// partner API (line 17); and has no success metrics and no word on
// security.
func TestLoyaltyPointsFixture(t *testing.T) {
	ds := lintFixture(t, "loyalty-points.md", lint.Settings{})

	goals := onLine(ds, 18, lint.CategoryHow)
	require.Len(t, goals, 1, "the how-sentence under Goals is flagged")
	assert.Equal(t, lint.SeverityWarning, goals[0].Severity)
	assert.Equal(t, "Loyalty points for partner stores > 2. Goals", goals[0].Section)
	for _, line := range []int{32, 33, 37} {
		assert.Empty(t, onLine(ds, line, lint.CategoryHow), "no how-finding in the design section at line %d", line)
	}

	vague := byRule(ds, "what-unmeasured-quality")
	require.Len(t, vague, 1)
	assert.Equal(t, 28, vague[0].Line)
	assert.Equal(t, lint.CategoryWhat, vague[0].Category)
	assert.Contains(t, vague[0].Message, `("fast", "scalable", "highly available")`)

	metrics := byRule(ds, "structure-success-metrics")
	require.Len(t, metrics, 1)
	assert.Equal(t, 6, metrics[0].Line, "reported at the title line")
	assert.Equal(t, "Loyalty points for partner stores", metrics[0].Sentence)
	assert.Contains(t, metrics[0].Message, "No success metrics")

	security := byRule(ds, "structure-security")
	require.Len(t, security, 1)
	assert.Equal(t, 6, security[0].Line)
	assert.Contains(t, security[0].Message, "Security and privacy are never addressed")

	api := byRule(ds, "structure-external-api")
	require.Len(t, api, 1)
	assert.Contains(t, api[0].Message, "(line 17) but states no security requirements")

	for _, covered := range []string{"structure-problem", "structure-goals", "structure-reliability", "structure-testability"} {
		assert.Empty(t, byRule(ds, covered), covered)
	}
}

func TestLoyaltyPointsFixtureDesignInfo(t *testing.T) {
	ds := lintFixture(t, "loyalty-points.md", lint.Settings{DesignMode: "info"})
	require.Len(t, onLine(ds, 18, lint.CategoryHow), 1)
	assert.Equal(t, lint.SeverityWarning, onLine(ds, 18, lint.CategoryHow)[0].Severity)
	for _, line := range []int{32, 37} {
		got := onLine(ds, line, lint.CategoryHow)
		require.Len(t, got, 1, "line %d is reported at info", line)
		assert.Equal(t, lint.SeverityInfo, got[0].Severity)
		assert.Contains(t, got[0].Message, `"5. 🛠️ Technical Design:" is a design section`)
	}
}

func TestCompleteFixture(t *testing.T) {
	ds := lintFixture(t, "complete.md", lint.Settings{})
	doc, err := lint.Parse("complete.md", mustRead(t, "complete.md"))
	require.NoError(t, err)
	require.True(t, rules.StructureApplies(doc), "the checklist applies, and passes")
	assert.Empty(t, ds, "a complete PRD in what/why language has no finding")
}

func TestNoteFixture(t *testing.T) {
	ds := lintFixture(t, "note.md", lint.Settings{})
	doc, err := lint.Parse("note.md", mustRead(t, "note.md"))
	require.NoError(t, err)
	assert.False(t, rules.StructureApplies(doc))
	for _, d := range ds {
		assert.NotEqual(t, lint.CategoryStructure, d.Category, "a note is not held to the checklist")
	}
	require.Len(t, byRule(ds, "what-unmeasured-quality"), 1, "sentence rules still apply")
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "testdata", "structure", name))
	require.NoError(t, err)
	return src
}
