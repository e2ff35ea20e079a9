package lint

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// markRule reports every sentence containing word, so tests know exactly
// which findings exist before suppression.
func markRule(id, word string, cat Category) *Rule {
	return &Rule{ID: id, Category: cat, Severity: SeverityWarning, Run: func(p *Pass) {
		for _, s := range p.Doc.Sentences() {
			if strings.Contains(s.Text, word) {
				p.ReportSentence(s, Finding{Message: id})
			}
		}
	}}
}

// findings lints src with rules a (sentences with "AAA") and b (sentences
// with "BBB"), of different categories so one sentence can carry both, and returns "rule@line" for each finding left.
func findings(t *testing.T, src string) []string {
	t.Helper()
	l := &Linter{Rules: []*Rule{markRule("a", "AAA", CategoryHow), markRule("b", "BBB", CategoryWhat)}, Filters: []Filter{Suppress}}
	res := l.LintSource("prd.md", []byte(src))
	require.Nil(t, res.Err)
	out := []string{}
	for _, d := range res.Diagnostics {
		out = append(out, fmt.Sprintf("%s@%d", d.Rule, d.Line))
	}
	return out
}

func TestSuppressDirectives(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{
			name: "no directive",
			src:  "AAA one.\n\nAAA BBB two.\n",
			want: []string{"a@1", "a@3", "b@3"},
		},
		{
			name: "disable all until enable",
			src:  "AAA one.\n\n<!-- prdlint-disable -->\n\nAAA BBB two.\n\n<!-- prdlint-enable -->\n\nAAA three.\n",
			want: []string{"a@1", "a@9"},
		},
		{
			name: "disable one rule",
			src:  "<!-- prdlint-disable b -->\n\nAAA BBB one.\n\nBBB two.\n",
			want: []string{"a@3"},
		},
		{
			name: "a rule pattern disables the rules it matches",
			src:  "<!-- prdlint-disable [a] -->\n\nAAA BBB one.\n\n<!-- prdlint-enable * -->\n\nAAA BBB two.\n",
			want: []string{"b@3", "a@7", "b@7"},
		},
		{
			name: "disable two rules, comma or space separated",
			src:  "<!-- prdlint-disable a,b -->\n\nAAA BBB one.\n\n<!-- prdlint-enable a b -->\n\nAAA BBB two.\n",
			want: []string{"a@7", "b@7"},
		},
		{
			name: "enable one rule inside disable all",
			src:  "<!-- prdlint-disable -->\n\n<!-- prdlint-enable b -->\n\nAAA BBB one.\n",
			want: []string{"b@5"},
		},
		{
			name: "disable-next-line silences only the next prose line",
			src:  "<!-- prdlint-disable-next-line -->\nAAA BBB one.\nAAA two.\n",
			want: []string{"a@3"},
		},
		{
			name: "disable-next-line skips blank lines to the next prose",
			src:  "<!-- prdlint-disable-next-line a -- reviewed with the platform team -->\n\n\nAAA BBB one.\n\nAAA two.\n",
			want: []string{"b@4", "a@6"},
		},
		{
			name: "disable-line at the end of a line",
			src:  "AAA one.\n\nAAA BBB two. <!-- prdlint-disable-line a -->\n\nAAA three.\n",
			want: []string{"a@1", "b@3", "a@5"},
		},
		{
			name: "disable-line on the last line of a wrapped sentence",
			src:  "AAA starts here\nand ends here. <!-- prdlint-disable-line -->\n\nAAA later.\n",
			want: []string{"a@4"},
		},
		{
			name: "disable-file anywhere, not undone by enable",
			src:  "AAA BBB one.\n\n<!-- prdlint-enable -->\n\nAAA two.\n\n<!-- prdlint-disable-file a -->\n",
			want: []string{"b@1"},
		},
		{
			name: "front matter disable",
			src:  "---\ntitle: Checkout\nprdlint:\n  disable: [b]\n---\n\nAAA BBB one.\n",
			want: []string{"a@7"},
		},
		{
			name: "unknown directive does nothing",
			src:  "<!-- prdlint-disabel -->\n\nAAA one.\n",
			want: []string{"a@3"},
		},
		{
			name: "other comments do nothing",
			src:  "<!-- TODO: prdlint-disable -->\n\nAAA one.\n",
			want: []string{"a@3"},
		},
		{
			name: "a directive in a code block is not a directive",
			src:  "```\n<!-- prdlint-disable -->\n```\n\nAAA one.\n",
			want: []string{"a@5"},
		},
		{
			name: "unknown rule ID silences nothing",
			src:  "<!-- prdlint-disable c -->\n\nAAA one.\n",
			want: []string{"a@3"},
		},
		{
			name: "a directive over two lines of a block quote",
			src:  "> <!-- prdlint-disable-next-line a\n> -->\n> AAA BBB one.\n\nAAA two.\n",
			want: []string{"b@3", "a@5"},
		},
		{
			name: "a directive opening on the next line of a block quote",
			src:  "> > <!--\n> > prdlint-disable-next-line b -->\n> > AAA BBB one.\n",
			want: []string{"a@3"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, findings(t, tt.src))
		})
	}
}

// directiveRule reports every directive as a whole, "problem" when it has
// one, else "ok".
func directiveRule(id string, cat Category) *Rule {
	return &Rule{ID: id, Category: cat, Severity: SeverityWarning, Run: func(p *Pass) {
		for _, d := range Directives(p.Doc) {
			msg := "ok"
			if d.Problem != "" {
				msg = "problem"
			}
			p.ReportDirective(&d, Finding{Message: msg})
		}
	}}
}

// TestDirectiveCategoryRulesReachTheNextComment: a prdlint-disable-next-line
// that names a rule of CategoryDirective, whatever its ID, also reaches the
// directive comment on the first line after it that holds one; for a rule
// of another category, whatever its ID, it does not.
func TestDirectiveCategoryRulesReachTheNextComment(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{
			name: "a directive rule is silenced on the next comment",
			src:  "<!-- prdlint-disable-next-line check -->\n<!-- prdlint-bogus -->\nText.\n",
			want: []string{"bad-directive@1 ok", "check@1 ok", "bad-directive@2 problem"},
		},
		{
			name: "by a rule pattern too",
			src:  "<!-- prdlint-disable-next-line ch* -->\n<!-- prdlint-bogus -->\nText.\n",
			want: []string{"bad-directive@1 ok", "check@1 ok", "bad-directive@2 problem"},
		},
		{
			name: "a rule of another category is not, whatever its ID",
			src:  "<!-- prdlint-disable-next-line bad-directive -->\n<!-- prdlint-bogus -->\nText.\n",
			want: []string{"bad-directive@1 ok", "check@1 ok", "bad-directive@2 problem", "check@2 problem"},
		},
		{
			name: "with no prose after it, a disable-next-line for a directive rule applies to the comment",
			src:  "Text.\n\n<!-- prdlint-disable-next-line check -->\n<!-- prdlint-bogus -->\n",
			want: []string{"bad-directive@3 ok", "check@3 ok", "bad-directive@4 problem"},
		},
		{
			name: "with no prose after it, a disable-next-line for another rule applies to nothing",
			src:  "Text.\n\n<!-- prdlint-disable-next-line bad-directive -->\n<!-- prdlint-bogus -->\n",
			want: []string{"bad-directive@3 problem", "check@3 problem", "bad-directive@4 problem", "check@4 problem"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := &Linter{Rules: []*Rule{directiveRule("check", CategoryDirective), directiveRule("bad-directive", CategoryWhat)}, Filters: []Filter{Suppress}}
			res := l.LintSource("prd.md", []byte(tt.src))
			require.Nil(t, res.Err)
			got := []string{}
			for _, d := range res.Diagnostics {
				got = append(got, fmt.Sprintf("%s@%d %s", d.Rule, d.Line, d.Message))
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestDirectivesParse(t *testing.T) {
	src := "# T\n\n<!--  prdlint-disable-next-line how-infra,how-code  -- asked by ops -->\nText here.\n\nMore. <!-- prdlint-disable-line -->\n\n<!-- prdlint-disable-line -->\n\n<!-- prdlint-disabel x -->\n"
	doc, err := Parse("prd.md", []byte(src))
	require.NoError(t, err)
	ds := Directives(doc)
	require.Len(t, ds, 4)

	assert.Equal(t, DirectiveDisableNextLine, ds[0].Kind)
	assert.Equal(t, []string{"how-infra", "how-code"}, ds[0].Rules)
	assert.Equal(t, "asked by ops", ds[0].Reason)
	assert.Equal(t, 4, ds[0].Target)
	for i, id := range ds[0].Rules {
		off := ds[0].RuleOffsets[i]
		assert.Equal(t, id, src[off:off+len(id)], "offset of %s", id)
	}
	assert.Empty(t, ds[0].Problem)

	assert.Equal(t, DirectiveDisableLine, ds[1].Kind)
	assert.Nil(t, ds[1].Rules, "no rule named means every rule")
	assert.Equal(t, 6, ds[1].Target)
	assert.Empty(t, ds[1].Problem)

	assert.Contains(t, ds[2].Problem, "holds no prose", "a disable-line on a line of its own silences nothing")
	assert.Equal(t, DirectiveUnknown, ds[3].Kind)
	assert.Contains(t, ds[3].Problem, `did you mean "prdlint-disable"?`)
}

// onlyDirective parses src and returns its one suppression directive,
// failing the test unless there is exactly one.
func onlyDirective(t *testing.T, src string) Directive {
	t.Helper()
	doc, err := Parse("prd.md", []byte(src))
	require.NoError(t, err)
	ds := Directives(doc)
	require.Len(t, ds, 1)
	return ds[0]
}

// TestDirectiveRuleOffsetsInBlockQuotes checks that each rule ID's offset
// points at the ID in the source, also when block-quote markers open the
// comment's later lines and are not part of its text.
func TestDirectiveRuleOffsetsInBlockQuotes(t *testing.T) {
	tests := []struct {
		name, src string
		rules     []string
	}{
		{"one line", "> <!-- prdlint-disable-next-line how-infra -->\n> Text.\n", []string{"how-infra"}},
		{"ID on the second line", "> <!-- prdlint-disable-next-line\n> how-infrastructure -->\n> Text.\n", []string{"how-infrastructure"}},
		{"IDs on several lines", "> <!-- prdlint-disable-next-line a,\n>   b\n>c -->\n> Text.\n", []string{"a", "b", "c"}},
		{"nested quotes", "> > <!--\n> > prdlint-disable-next-line how-code,how-infr -->\n> > Text.\n", []string{"how-code", "how-infr"}},
		{"nested quotes without spaces", ">> <!-- prdlint-disable\n>>how-code -->\n", []string{"how-code"}},
		{"a tab after the marker", ">\t<!-- prdlint-disable\n>\thow-code -->\n", []string{"how-code"}},
		{"CRLF endings", "> <!-- prdlint-disable\r\n> how-code -->\r\n", []string{"how-code"}},
		{"lone CR endings", "> <!-- prdlint-disable\r> how-code -->\r> Text.\r", []string{"how-code"}},
		{"a multi-byte character before the ID", "> <!-- prdlint-disable-next-line é\n> how-code -->\n> Text.\n", []string{"é", "how-code"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := onlyDirective(t, tt.src)
			assert.Equal(t, tt.rules, d.Rules)
			require.Len(t, d.RuleOffsets, len(d.Rules))
			for i, id := range d.Rules {
				off := d.RuleOffsets[i]
				require.True(t, off >= 0 && off+len(id) <= len(tt.src), "offset %d of %s", off, id)
				assert.Equal(t, id, tt.src[off:off+len(id)], "offset of %s", id)
			}
		})
	}
}

func TestFrontMatterDirectiveProblems(t *testing.T) {
	tests := []struct {
		name, meta, problem string
		rules               []string
	}{
		{"list", "prdlint:\n  disable: [a, b]\n", "", []string{"a", "b"}},
		{"one string", "prdlint:\n  disable: a\n", "", []string{"a"}},
		{"not a mapping", "prdlint: off\n", "must be {disable", []string{}},
		{"unknown key", "prdlint:\n  disabled: [a]\n", `did you mean "disable"?`, []string{}},
		// With several unknown keys the message names the first in order,
		// the same on every run.
		{"unknown keys", "prdlint:\n  zeta: 1\n  beta: 2\n  alpha: 3\n  disable: [a]\n", "unknown front matter key prdlint.alpha;", []string{"a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := onlyDirective(t, "---\ntitle: x\n"+tt.meta+"---\n\nText.\n")
			assert.Equal(t, DirectiveDisableFile, d.Kind)
			assert.Equal(t, tt.rules, d.Rules, "a malformed key never silences every rule")
			assert.Equal(t, 3, d.Comment.Line)
			if tt.problem == "" {
				assert.Empty(t, d.Problem)
			} else {
				assert.Contains(t, d.Problem, tt.problem)
			}
		})
	}
}

// TestFrontMatterDirectiveLine: the front matter directive stands on the
// line of its key, in YAML and in TOML, or on the opening line when the key
// has no line of its own.
func TestFrontMatterDirectiveLine(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		rules     []string
	}{
		{"YAML", "---\ntitle: x\nprdlint:\n  disable: [a]\n---\n\nText.\n", 3, []string{"a"}},
		{"YAML, quoted key", "---\ntitle: x\n\"prdlint\" :\n  disable: [a]\n---\n", 3, []string{"a"}},
		{"YAML, a nested key of that name is not it", "---\nother:\n  prdlint: x\nprdlint:\n  disable: [a]\n---\n", 4, []string{"a"}},
		{"YAML, a longer key name is not it", "---\nprdlints: 1\n'prdlint-x': 2\nprdlint:\n  disable: [a]\n---\n", 4, []string{"a"}},
		{"YAML flow mapping", "---\n{title: x, prdlint: {disable: [a]}}\n---\n", 1, []string{"a"}},
		{"YAML after a byte-order mark", "\xEF\xBB\xBF---\ntitle: x\nprdlint:\n  disable: [a]\n---\n", 3, []string{"a"}},
		{"YAML, CRLF endings", "---\r\ntitle: x\r\nprdlint:\r\n  disable: [a]\r\n---\r\n", 3, []string{"a"}},
		{"TOML table", "+++\ntitle = \"x\"\n\n[prdlint]\ndisable = [\"a\"]\n+++\n\nText.\n", 4, []string{"a"}},
		{"TOML table, spaced and quoted", "+++\ntitle = \"x\"\n  [ \"prdlint\" ]\ndisable = [\"a\"]\n+++\n", 3, []string{"a"}},
		{"TOML inline table", "+++\ntitle = \"x\"\nprdlint = {disable = [\"a\"]}\n+++\n", 3, []string{"a"}},
		{"TOML dotted key", "+++\ntitle = \"x\"\nprdlint.disable = [\"a\"]\nprdlint.reason = \"generated\"\n+++\n", 3, []string{"a"}},
		{"TOML sub-table", "+++\ntitle = \"x\"\n[prdlint.extra]\n[other]\nprdlint = 1\n+++\n", 3, []string{}},
		{"TOML, a key of another table is not it", "+++\n[other]\nprdlint = 1\n[prdlint]\ndisable = \"a\"\n+++\n", 4, []string{"a"}},
		{"TOML, lone CR endings", "+++\rtitle = \"x\"\r[prdlint]\rdisable = [\"a\"]\r+++\r", 3, []string{"a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := onlyDirective(t, tt.src)
			assert.Equal(t, DirectiveDisableFile, d.Kind)
			assert.Equal(t, tt.rules, d.Rules)
			assert.Equal(t, tt.line, d.Comment.Line)
		})
	}
}

func TestSuggest(t *testing.T) {
	ids := []string{"how-infra", "how-code", "how-data-model"}
	tests := []struct{ word, want string }{
		{"how-infr", "how-infra"},
		{"how-data-modle", "how-data-model"},
		{"HOW-CODE", "how-code"},
		{"infra", "how-infra"},
		{"how-infrastructure", "how-infra"},
		{"spelling", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Suggest(tt.word, ids), tt.word)
	}
}

// TestSuppressIndexMatchesDirectScan checks the per-rule index against
// reading every directive for each finding, on random documents of
// directives and findings.
func TestSuppressIndexMatchesDirectScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	forms := []string{
		"<!-- prdlint-disable %s -->", "<!-- prdlint-enable %s -->", "<!-- prdlint-disable-next-line %s -->",
		"AAA %s <!-- prdlint-disable-line %s -->", "<!-- prdlint-disable -->", "<!-- prdlint-enable -->",
		"<!-- prdlint-disable-next-line -->", "<!-- prdlint-nonsense %s -->", "<!-- prdlint-disable-line %s -->",
	}
	names := []string{"a", "b", "c", "[ab]", "*", "bad-directive", "bad-*"}
	for range 200 {
		var src strings.Builder
		for range 1 + rng.IntN(30) {
			switch rng.IntN(3) {
			case 0:
				f := forms[rng.IntN(len(forms))]
				n := names[rng.IntN(len(names))]
				src.WriteString(strings.ReplaceAll(f, "%s", n))
			case 1:
				src.WriteString("AAA BBB one.")
			default:
				src.WriteString("Plain text.")
			}
			if rng.IntN(2) == 0 {
				src.WriteString("\n\n")
			} else {
				src.WriteString("\n")
			}
		}
		doc, err := Parse("prd.md", []byte(src.String()))
		require.NoError(t, err)
		// As in a check whose bad-directive rule reports on directives.
		doc.directiveRules = []string{"bad-directive"}
		ds := Directives(doc)
		idx := newSuppressIndex(ds)
		var diags []Diagnostic
		for _, s := range doc.Sentences() {
			for _, rule := range []string{"a", "b", "c"} {
				diags = append(diags, Diagnostic{Rule: rule, Line: s.Line, EndLine: s.EndLine, Start: s.Start, End: s.End})
			}
		}
		for _, c := range doc.Comments {
			diags = append(diags, Diagnostic{Rule: "bad-directive", Line: c.Line, EndLine: c.EndLine, Start: c.Start, End: c.End})
		}
		for i := range diags {
			require.Equal(t, suppressed(ds, &diags[i]), idx.suppressed(&diags[i]), "%q: %+v", src.String(), diags[i])
		}
	}
}
