package rules

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/prdlint/prdlint/lint"
)

func TestBadDirective(t *testing.T) {
	type want struct {
		line, col, endCol int
		message           string
	}
	tests := []struct {
		name, src string
		want      []want
	}{
		{
			name: "valid directives",
			src:  "<!-- prdlint-disable-next-line how-infra -- asked by ops -->\nShoppers pay.\n\nText. <!-- prdlint-disable-line -->\n\n<!-- prdlint-enable how-infra,how-code -->\n",
		},
		{
			name: "unknown rule, spanning the ID",
			src:  "<!-- prdlint-disable how-infra how-infrastructure -->\n",
			want: []want{{1, 32, 49, `Unknown rule "how-infrastructure" (did you mean "how-infra"?); this directive does not silence it.`}},
		},
		{
			name: "each unknown rule",
			src:  "Text. <!-- prdlint-disable-line foo,bar -->\n",
			want: []want{
				{1, 33, 35, `Unknown rule "foo"; this directive does not silence it.`},
				{1, 37, 39, `Unknown rule "bar"; this directive does not silence it.`},
			},
		},
		{
			name: "rule patterns: one matching, one matching nothing, one malformed",
			src:  "Text. <!-- prdlint-disable-line how-* spell-* how-[ -->\n",
			want: []want{
				{1, 39, 45, `Rule pattern "spell-*" matches no rule; this directive silences nothing.`},
				{1, 47, 51, `Malformed rule pattern "how-["; this directive silences nothing.`},
			},
		},
		{
			name: "unknown directive",
			src:  "# T\n\n<!-- prdlint-disabel how-infra -->\n",
			want: []want{{3, 1, 34, `unknown directive "prdlint-disabel" (did you mean "prdlint-disable"?).`}},
		},
		{
			name: "disable-line with no prose on its line",
			src:  "<!-- prdlint-disable-line -->\nText.\n",
			want: []want{{1, 1, 29, "prdlint-disable-line silences the line it ends, and this line holds no prose (use prdlint-disable-next-line above a line)."}},
		},
		{
			name: "disable-next-line at the end",
			src:  "Text.\n\n<!-- prdlint-disable-next-line -->\n",
			want: []want{{3, 1, 34, "no prose follows this prdlint-disable-next-line."}},
		},
		{
			name: "front matter unknown rule",
			src:  "---\ntitle: T\nprdlint:\n  disable: [how-inf]\n---\n\nText.\n",
			want: []want{{3, 1, 7, `Unknown rule "how-inf" (did you mean "how-infra"?); this directive does not silence it.`}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := &lint.Linter{Rules: []*lint.Rule{BadDirective()}, Filters: []lint.Filter{lint.Suppress}}
			res := l.LintSource("prd.md", []byte(tt.src))
			require.Nil(t, res.Err)
			got := []want{}
			for _, d := range res.Diagnostics {
				assert.Equal(t, "bad-directive", d.Rule)
				assert.Equal(t, lint.CategoryDirective, d.Category)
				got = append(got, want{d.Line, d.Column, d.EndColumn, d.Message})
			}
			if tt.want == nil {
				tt.want = []want{}
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestBadDirectiveRequireReason(t *testing.T) {
	src := "---\ntitle: T\nprdlint:\n  disable: [how-code]\n---\n\n" +
		"<!-- prdlint-disable how-infra -->\n\n" + // line 7: no reason
		"<!-- prdlint-disable-next-line how-infra -- the vendor is contractual -->\nText.\n\n" +
		"<!-- prdlint-enable how-infra -->\n\n" + // an enable needs no reason
		"Text. <!-- prdlint-disable-line -- -->\n" // line 14: an empty reason is none
	lintWith := func(requireReason bool) []int {
		cfg := lint.DefaultConfig()
		cfg.Settings.RequireReason = requireReason
		l := &lint.Linter{
			Rules:     []*lint.Rule{BadDirective()},
			Filters:   []lint.Filter{lint.Suppress},
			ConfigFor: func(string) (*lint.Config, error) { return cfg, nil },
		}
		res := l.LintSource("prd.md", []byte(src))
		require.Nil(t, res.Err)
		lines := []int{}
		for _, d := range res.Diagnostics {
			assert.Contains(t, d.Message, "no reason")
			lines = append(lines, d.Line)
		}
		return lines
	}
	assert.Equal(t, []int{}, lintWith(false), "off by default")
	assert.Equal(t, []int{3, 7, 14}, lintWith(true), "front matter, a disable and a disable-line without a reason")

	withReason := strings.Replace(src, "disable: [how-code]", "disable: [how-code]\n  reason: generated file", 1)
	l := &lint.Linter{Rules: []*lint.Rule{BadDirective()}, ConfigFor: func(string) (*lint.Config, error) {
		c := lint.DefaultConfig()
		c.Settings.RequireReason = true
		return c, nil
	}}
	res := l.LintSource("prd.md", []byte(withReason))
	require.Nil(t, res.Err)
	for _, d := range res.Diagnostics {
		assert.NotEqual(t, 3, d.Line, "front matter reason: counts")
	}
}

func TestBadDirectiveKnowsEveryRule(t *testing.T) {
	src := "<!-- prdlint-disable"
	for _, r := range All() {
		src += " " + r.ID
	}
	src += " -->\n"
	l := &lint.Linter{Rules: []*lint.Rule{BadDirective()}}
	res := l.LintSource("prd.md", []byte(src))
	require.Nil(t, res.Err)
	assert.Empty(t, res.Diagnostics)
}
