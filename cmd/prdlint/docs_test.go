package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/prdlint/prdlint/lint"
	"github.com/prdlint/prdlint/rules"
)

// TestExplainSilenceSnippetWorks: the comment `prdlint explain RULE` offers
// to silence one finding does silence it. Put above each of the rule's bad
// examples, it leaves none of the rule's findings and is itself reported
// by nothing. For bad-directive the finding is about a comment on a line of
// its own, which holds no prose.
func TestExplainSilenceSnippetWorks(t *testing.T) {
	dir := t.TempDir()
	rulesAt := func(t *testing.T, src string) []string {
		t.Helper()
		p := filepath.Join(dir, "prd.md")
		require.NoError(t, os.WriteFile(p, []byte(src), 0o644))
		out, stderr, _ := prdlint(t, "", "lint", "--no-config", "--format", "json", p)
		var got jsonOut
		require.NoError(t, json.Unmarshal([]byte(out), &got), stderr)
		found := []string{}
		for _, d := range got.Diagnostics {
			found = append(found, fmt.Sprintf("%d %s", d.Line, d.Rule))
		}
		return found
	}
	for _, r := range rules.All() {
		t.Run(r.ID, func(t *testing.T) {
			if r.Category == lint.CategoryStructure {
				t.Skip("its examples describe whole documents rather than quote them")
			}
			_, snippet, ok := strings.Cut(explain(r), "\nSilence one finding:\n")
			require.True(t, ok)
			snippet = strings.TrimSpace(snippet)
			require.Equal(t, 1, strings.Count(snippet, "\n")+1, "one comment line: %q", snippet)
			for _, bad := range r.Bad {
				before := rulesAt(t, bad+"\n")
				require.True(t, hasRule(before, r.ID), "the bad example is reported: %q %v", bad, before)
				after := rulesAt(t, snippet+"\n"+bad+"\n")
				assert.False(t, hasRule(after, r.ID), "%q above %q leaves %v", snippet, bad, after)
				for _, f := range after {
					assert.NotEqual(t, "1 bad-directive", f, "the snippet itself is reported")
				}
			}
		})
	}
}

func hasRule(found []string, id string) bool {
	for _, f := range found {
		if strings.HasSuffix(f, " "+id) {
			return true
		}
	}
	return false
}

// TestReadmeSilencesBadDirective: the README's way of keeping a comment
// bad-directive reports leaves no finding.
func TestReadmeSilencesBadDirective(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	require.NoError(t, err)
	_, after, ok := strings.Cut(string(readme), "`prdlint-disable-next-line bad-directive` on the line above:\n\n```markdown\n")
	require.True(t, ok)
	sample, _, ok := strings.Cut(after, "```")
	require.True(t, ok)
	lines := strings.Split(strings.TrimSpace(sample), "\n")
	require.Len(t, lines, 2)

	out, stderr, code := prdlint(t, lines[1]+"\n", "lint", "--no-config", "--format", "json", "-")
	assert.Equal(t, 1, code, stderr)
	assert.Contains(t, out, `"rule": "bad-directive"`, "the kept comment is one the rule reports")
	out, stderr, code = prdlint(t, sample, "lint", "--no-config", "--format", "json", "-")
	assert.Equal(t, 0, code, stderr)
	assert.NotContains(t, out, `"rule"`, "the sample leaves no finding")
}
