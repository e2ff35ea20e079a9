package rules

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/prdlint/prdlint/lint"
	"github.com/prdlint/prdlint/lint/linttest"
)

// badDirectiveLinter lints with every rule of the package, all but
// bad-directive turned off: directives may name any of them, and only
// bad-directive reports.
func badDirectiveLinter(requireReason bool) *lint.Linter {
	cfg := lint.DefaultConfig()
	cfg.Settings.RequireReason = requireReason
	cfg.Rules = map[string]lint.Severity{}
	for _, r := range All() {
		if r.ID != "bad-directive" {
			cfg.Rules[r.ID] = lint.SeverityOff
		}
	}
	return &lint.Linter{
		Rules:     All(),
		Filters:   []lint.Filter{lint.Suppress},
		ConfigFor: func(string) (*lint.Config, error) { return cfg, nil },
	}
}

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
			name: "an unknown rule ending in a multi-byte character",
			src:  "<!-- prdlint-disable how-infrá -->\n",
			want: []want{{1, 22, 30, `Unknown rule "how-infrá" (did you mean "how-infra"?); this directive does not silence it.`}},
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
			want: []want{{3, 1, 34, `Unknown directive "prdlint-disabel" (did you mean "prdlint-disable"?).`}},
		},
		{
			name: "disable-line with no prose on its line",
			src:  "<!-- prdlint-disable-line -->\nText.\n",
			want: []want{{1, 1, 29, "prdlint-disable-line silences the line it ends, and this line holds no prose (use prdlint-disable-next-line above a line)."}},
		},
		{
			name: "disable-next-line at the end",
			src:  "Text.\n\n<!-- prdlint-disable-next-line -->\n",
			want: []want{{3, 1, 34, "No prose follows this prdlint-disable-next-line."}},
		},
		{
			name: "disable-next-line bad-directive silences a bad comment on the next line",
			src:  "<!-- prdlint-disable-next-line bad-directive -- read by the import script -->\n<!-- prdlint-disable-line how-infra -->\nText.\n",
		},
		{
			name: "blank lines before the bad comment are skipped, as before prose",
			src:  "<!-- prdlint-disable-next-line bad-directive -->\n\n<!-- prdlint-disabel how-infra -->\n",
		},
		{
			name: "a disable-next-line for every rule reaches the comment too",
			src:  "<!-- prdlint-disable-next-line -->\n<!-- prdlint-disabel how-infra -->\nText.\n",
		},
		{
			name: "only the first comment line after it",
			src:  "<!-- prdlint-disable-next-line bad-* -->\n<!-- prdlint-disabel how-infra -->\n<!-- prdlint-disabel how-code -->\n",
			want: []want{{3, 1, 33, `Unknown directive "prdlint-disabel" (did you mean "prdlint-disable"?).`}},
		},
		{
			name: "not past the next prose line",
			src:  "<!-- prdlint-disable-next-line bad-directive -->\nText.\n\n<!-- prdlint-disabel how-infra -->\n",
			want: []want{{4, 1, 34, `Unknown directive "prdlint-disabel" (did you mean "prdlint-disable"?).`}},
		},
		{
			name: "a disable-next-line for another rule does not reach the comment",
			src:  "<!-- prdlint-disable-next-line how-infra -->\n<!-- prdlint-disabel how-infra -->\nText.\n",
			want: []want{{2, 1, 34, `Unknown directive "prdlint-disabel" (did you mean "prdlint-disable"?).`}},
		},
		{
			name: "a finding about the disable-next-line itself stays",
			src:  "<!-- prdlint-disable-next-line bad-directive how-infr -->\n<!-- prdlint-disabel how-infra -->\n",
			want: []want{{1, 46, 53, `Unknown rule "how-infr" (did you mean "how-infra"?); this directive does not silence it.`}},
		},
		{
			name: "disable-next-line bad-directive with neither prose nor a comment after it",
			src:  "Text.\n\n<!-- prdlint-disable-next-line bad-directive -->\n",
			want: []want{{3, 1, 48, "No prose follows this prdlint-disable-next-line."}},
		},
		{
			name: "unknown rule on a block quote's second line",
			src:  "> <!-- prdlint-disable-next-line\n> how-infrastructure -->\n> Shoppers pay.\n",
			want: []want{{2, 3, 20, `Unknown rule "how-infrastructure" (did you mean "how-infra"?); this directive does not silence it.`}},
		},
		{
			name: "unknown rule in a nested block quote, the comment opening on the line above",
			src:  "> > <!--\n> > prdlint-disable-next-line how-code,how-infr -->\n> > Shoppers pay.\n",
			want: []want{{2, 40, 47, `Unknown rule "how-infr" (did you mean "how-infra"?); this directive does not silence it.`}},
		},
		{
			name: "front matter unknown rule",
			src:  "---\ntitle: T\nprdlint:\n  disable: [how-inf]\n---\n\nText.\n",
			want: []want{{3, 1, 7, `Unknown rule "how-inf" (did you mean "how-infra"?); this directive does not silence it.`}},
		},
		{
			name: "TOML front matter table",
			src:  "+++\ntitle = \"T\"\n\n[prdlint]\ndisable = [\"how-inf\"]\n+++\n\nText.\n",
			want: []want{{4, 2, 8, `Unknown rule "how-inf" (did you mean "how-infra"?); this directive does not silence it.`}},
		},
		{
			name: "TOML front matter inline table, one finding for each unknown rule",
			src:  "+++\ntitle = \"T\"\nprdlint = {disable = [\"how-inf\", \"how-cod\"]}\n+++\n\nText.\n",
			want: []want{
				{3, 1, 7, `Unknown rule "how-cod" (did you mean "how-code"?); this directive does not silence it.`},
				{3, 1, 7, `Unknown rule "how-inf" (did you mean "how-infra"?); this directive does not silence it.`},
			},
		},
		{
			name: "TOML front matter dotted key",
			src:  "+++\n  prdlint.disable = \"how-inf\"\n+++\n",
			want: []want{{2, 3, 9, `Unknown rule "how-inf" (did you mean "how-infra"?); this directive does not silence it.`}},
		},
		{
			name: "TOML front matter key that is no table",
			src:  "+++\nprdlint = \"off\"\n+++\n",
			want: []want{{2, 1, 7, `Front matter "prdlint" must be {disable: [rule, ...], reason: text}.`}},
		},
		{
			name: "YAML front matter key quoted",
			src:  "---\n'prdlint': {disable: how-inf}\n---\n",
			want: []want{{2, 2, 8, `Unknown rule "how-inf" (did you mean "how-infra"?); this directive does not silence it.`}},
		},
		{
			name: "front matter key without a line of its own: the opening line",
			src:  "---\n{title: T, prdlint: {disable: [how-inf]}}\n---\n",
			want: []want{{1, 1, 3, `Unknown rule "how-inf" (did you mean "how-infra"?); this directive does not silence it.`}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := badDirectiveLinter(false).LintSource("prd.md", []byte(tt.src))
			require.Nil(t, res.Err)
			linttest.CheckDiagnostics(t, res.Doc, res.Diagnostics)
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
		res := badDirectiveLinter(requireReason).LintSource("prd.md", []byte(src))
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
	res := badDirectiveLinter(true).LintSource("prd.md", []byte(withReason))
	require.Nil(t, res.Err)
	for _, d := range res.Diagnostics {
		assert.NotEqual(t, 3, d.Line, "front matter reason: counts")
	}
}

// TestBadDirectiveKnowsTheLinterRules: the rule IDs a directive may name
// are those of the rules the linter runs, whatever this package holds.
func TestBadDirectiveKnowsTheLinterRules(t *testing.T) {
	custom := &lint.Rule{ID: "team-glossary", Category: lint.CategoryWhat, Severity: lint.SeverityInfo, Run: func(*lint.Pass) {}}
	every := "<!-- prdlint-disable"
	for _, r := range All() {
		every += " " + r.ID
	}
	every += " -->\n"
	tests := []struct {
		name  string
		rules []*lint.Rule
		src   string
		want  []string
	}{
		{"every rule of the package", All(), every, nil},
		{"a rule of the package the linter does not run", []*lint.Rule{BadDirective(), HowInfra()}, "<!-- prdlint-disable how-infra how-code -->\n", []string{`Unknown rule "how-code"`}},
		{"a rule pattern matching only rules the linter does not run", []*lint.Rule{BadDirective(), HowInfra()}, "<!-- prdlint-disable how-* structure-* -->\n", []string{`Rule pattern "structure-*" matches no rule`}},
		{"a rule of the linter from elsewhere", []*lint.Rule{BadDirective(), custom}, "<!-- prdlint-disable team-glossary -->\n", nil},
		{"the closest rule the linter runs", []*lint.Rule{BadDirective(), custom}, "<!-- prdlint-disable team-glosary -->\n", []string{`Unknown rule "team-glosary" (did you mean "team-glossary"?)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := &lint.Linter{Rules: tt.rules}
			res := l.LintSource("prd.md", []byte(tt.src))
			require.Nil(t, res.Err)
			var got []string
			for _, d := range res.Diagnostics {
				if d.Rule == "bad-directive" {
					msg, _, _ := strings.Cut(d.Message, ";")
					got = append(got, msg)
				}
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestBadDirectiveExamples holds the rule to its documentation: each bad
// example is reported, and no good one is, the way of keeping a comment the
// rule reports included.
func TestBadDirectiveExamples(t *testing.T) {
	r := BadDirective()
	require.NotEmpty(t, r.Bad)
	require.NotEmpty(t, r.Good)
	l := &lint.Linter{Rules: All(), Filters: []lint.Filter{lint.Suppress}}
	findings := func(src string) []lint.Diagnostic {
		res := l.LintSource("prd.md", []byte(src+"\n"))
		require.Nil(t, res.Err)
		var out []lint.Diagnostic
		for _, d := range res.Diagnostics {
			if d.Rule == r.ID {
				out = append(out, d)
			}
		}
		return out
	}
	for _, bad := range r.Bad {
		assert.NotEmpty(t, findings(bad), "bad example not reported: %q", bad)
	}
	for _, good := range r.Good {
		assert.Empty(t, findings(good), "good example reported: %q", good)
	}
	assert.Contains(t, r.Good, "<!-- prdlint-disable-next-line bad-directive -- our docs build reads it -->\n<!-- prdlint-owner: payments -->")
	assert.NotEmpty(t, findings("<!-- prdlint-owner: payments -->"), "the comment that example keeps is one the rule reports")
}
