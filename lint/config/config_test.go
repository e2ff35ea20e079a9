package config

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/prdlint/prdlint/lint"
)

var knownRules = []string{"bad-directive", "how-api-shape", "how-architecture", "how-code", "how-data-model", "how-infra", "how-tech-choice"}

// fixtureRepo copies testdata/config/tree into a fresh repository (a
// directory holding .git) and returns its path.
func fixtureRepo(t *testing.T) string {
	t.Helper()
	src := filepath.Join("..", "..", "testdata", "config", "tree")
	dst := t.TempDir()
	require.NoError(t, os.CopyFS(dst, os.DirFS(src)))
	require.NoError(t, os.Mkdir(filepath.Join(dst, ".git"), 0o755))
	return dst
}

func newTestLoader(t *testing.T, dir string, opts Options) *Loader {
	t.Helper()
	opts.WorkDir = dir
	if opts.KnownRules == nil {
		opts.KnownRules = knownRules
	}
	l, err := NewLoader(opts)
	require.NoError(t, err)
	return l
}

func terms(vs []Value[string]) []string {
	out := []string{}
	for _, v := range vs {
		out = append(out, v.Value)
	}
	return out
}

func TestDiscoveryAndMerging(t *testing.T) {
	repo := fixtureRepo(t)
	l := newTestLoader(t, repo, Options{})
	tests := []struct {
		path          string
		files         []string
		failLevel     lint.Severity
		rules         map[string]lint.Severity
		minConfidence float64
		add, remove   []string
		headings      []string
		mode          string
	}{
		{
			path:      "prd.md",
			files:     []string{".prdlint.yaml"},
			failLevel: lint.SeverityError,
			rules:     map[string]lint.Severity{"how-infra": lint.SeverityOff, "how-code": lint.SeverityError},
			add:       []string{"Zephyr", "Atlas"}, remove: []string{},
			mode: "",
		},
		{
			// The nearer file wins key by key; vocabulary accumulates and
			// a nearer remove undoes a parent's add.
			path:      "team/prd.md",
			files:     []string{".prdlint.yaml", "team/.prdlint.yaml"},
			failLevel: lint.SeverityError,
			rules:     map[string]lint.Severity{"how-infra": lint.SeverityOff, "how-code": lint.SeverityWarning},
			add:       []string{"Zephyr", "Orbit"}, remove: []string{"Atlas"},
			headings: []string{"Design", "Technical approach"},
			mode:     DesignModeInfo,
		},
		{
			// A directory without configuration inherits; team's override
			// for sub/*.md applies after team's own keys.
			path:      "team/sub/x.md",
			files:     []string{".prdlint.yaml", "team/.prdlint.yaml"},
			failLevel: lint.SeverityWarning,
			rules:     map[string]lint.Severity{"how-infra": lint.SeverityOff, "how-code": lint.SeverityWarning},
			add:       []string{"Zephyr", "Orbit"}, remove: []string{"Atlas"},
			headings: []string{"Design", "Technical approach"},
			mode:     DesignModeInfo,
		},
		{
			path:          "rfcs/one.md",
			files:         []string{".prdlint.yaml"},
			failLevel:     lint.SeverityError,
			rules:         map[string]lint.Severity{"how-infra": lint.SeverityOff, "how-code": lint.SeverityError, "how-architecture": lint.SeverityInfo},
			minConfidence: 0.5,
			add:           []string{"Zephyr", "Atlas"}, remove: []string{},
			mode: "",
		},
		{
			// root: true stops the search; .prdlint.yml is read too.
			path:      "isolated/prd.md",
			files:     []string{"isolated/.prdlint.yml"},
			failLevel: lint.SeverityInfo,
			rules:     map[string]lint.Severity{},
			add:       []string{}, remove: []string{},
			mode: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			e, err := l.Resolve(tt.path)
			require.NoError(t, err)
			assert.Equal(t, tt.files, e.Files)
			c := e.Config()
			assert.Equal(t, tt.failLevel, c.FailLevel)
			got := c.Rules
			if got == nil {
				got = map[string]lint.Severity{}
			}
			assert.Equal(t, tt.rules, got)
			assert.Equal(t, tt.minConfidence, c.Settings.MinConfidence)
			assert.Equal(t, tt.add, terms(e.VocabularyAdd))
			assert.Equal(t, tt.remove, terms(e.VocabularyRemove))
			assert.Equal(t, tt.headings, c.Settings.DesignSections)
			assert.Equal(t, tt.mode, c.Settings.DesignMode)
			assert.False(t, c.Ignored)
		})
	}
}

func TestRulePatterns(t *testing.T) {
	off, info, errSev := lint.SeverityOff, lint.SeverityInfo, lint.SeverityError
	tests := []struct {
		name, yaml string
		want       map[string]lint.Severity
	}{
		{
			name: "a pattern sets every rule it matches",
			yaml: "rules:\n  how-*: off\n",
			want: map[string]lint.Severity{"how-api-shape": off, "how-architecture": off, "how-code": off, "how-data-model": off, "how-infra": off, "how-tech-choice": off},
		},
		{
			name: "a rule named exactly wins over a pattern after it",
			yaml: "rules:\n  how-code: error\n  how-*: off\n  \"*\": info\n",
			want: map[string]lint.Severity{"bad-directive": info, "how-api-shape": info, "how-architecture": info, "how-code": errSev, "how-data-model": info, "how-infra": info, "how-tech-choice": info},
		},
		{
			name: "between patterns the later wins",
			yaml: "rules:\n  how-*: off\n  how-[ai]*: info\n",
			want: map[string]lint.Severity{"how-api-shape": info, "how-architecture": info, "how-code": off, "how-data-model": off, "how-infra": info, "how-tech-choice": off},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			repo := t.TempDir()
			require.NoError(t, os.Mkdir(filepath.Join(repo, ".git"), 0o755))
			write(t, repo, FileName, tt.yaml)
			e, err := newTestLoader(t, repo, Options{}).Resolve("prd.md")
			require.NoError(t, err)
			assert.Equal(t, tt.want, e.Config().Rules)
		})
	}
	t.Run("a nearer file's exact rule overrides a parent's pattern", func(t *testing.T) {
		repo := t.TempDir()
		require.NoError(t, os.Mkdir(filepath.Join(repo, ".git"), 0o755))
		write(t, repo, FileName, "rules:\n  how-*: off\n")
		write(t, repo, "team/"+FileName, "rules:\n  how-infra: error\n")
		e, err := newTestLoader(t, repo, Options{}).Resolve("team/prd.md")
		require.NoError(t, err)
		assert.Equal(t, errSev, e.Config().Rules["how-infra"])
		assert.Equal(t, off, e.Config().Rules["how-code"])
		assert.Equal(t, ".prdlint.yaml:2:10", e.Rules["how-code"].Source.String(), "the pattern's value is the source")
	})
}

func TestRequireReason(t *testing.T) {
	repo := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(repo, ".git"), 0o755))
	write(t, repo, FileName, "directives:\n  require-reason: true\noverrides:\n  - files: [\"drafts/**\"]\n    directives:\n      require-reason: false\n")
	l := newTestLoader(t, repo, Options{})
	e, err := l.Resolve("prd.md")
	require.NoError(t, err)
	assert.True(t, e.Config().Settings.RequireReason)
	assert.Equal(t, ".prdlint.yaml:2:19", e.RequireReason.Source.String())
	e, err = l.Resolve("drafts/x.md")
	require.NoError(t, err)
	assert.False(t, e.Config().Settings.RequireReason, "an override turns it off")
}

func TestSources(t *testing.T) {
	repo := fixtureRepo(t)
	e, err := newTestLoader(t, repo, Options{}).Resolve("team/sub/x.md")
	require.NoError(t, err)
	assert.Equal(t, "team/.prdlint.yaml:11:17", e.FailLevel.Source.String(), "the override's value")
	assert.Equal(t, ".prdlint.yaml:4:14", e.Rules["how-infra"].Source.String())
	assert.Equal(t, "team/.prdlint.yaml:2:13", e.Rules["how-code"].Source.String())
	assert.Equal(t, "default", e.MinConfidence.Source.String())
	assert.Equal(t, ".prdlint.yaml:7:9", e.VocabularyAdd[0].Source.String())
}

func TestDiscoveryStopsAtRepositoryRoot(t *testing.T) {
	outer := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(outer, FileName), []byte("fail-level: info\n"), 0o644))
	repo := filepath.Join(outer, "repo")
	require.NoError(t, os.MkdirAll(filepath.Join(repo, ".git"), 0o755))
	e, err := newTestLoader(t, repo, Options{}).Resolve("docs/prd.md")
	require.NoError(t, err)
	assert.Empty(t, e.Files, "a configuration above the repository root does not apply")
	assert.Equal(t, lint.SeverityWarning, e.FailLevel.Value)

	// Without .git the search goes on up to the filesystem root.
	plain := filepath.Join(outer, "plain")
	require.NoError(t, os.MkdirAll(plain, 0o755))
	e, err = newTestLoader(t, plain, Options{}).Resolve("prd.md")
	require.NoError(t, err)
	assert.Equal(t, lint.SeverityInfo, e.FailLevel.Value)
}

func TestIgnore(t *testing.T) {
	repo := fixtureRepo(t)
	l := newTestLoader(t, repo, Options{})
	tests := []struct {
		path    string
		ignored bool
		source  string
	}{
		{"prd.md", false, ""},
		{"archive/old.md", true, ".prdlint.yaml:9:5"},
		{"archive/deep/er/old.md", true, ".prdlint.yaml:9:5"},
		{"generated/gen.md", true, ".prdlintignore:2:1"},
		{"team/generated/gen.md", true, ".prdlintignore:2:1"},
		{"x.tmp.md", true, ".prdlintignore:3:1"},
		{"keep.tmp.md", false, ""},
		{"rfcs/one.md", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			e, err := l.Resolve(tt.path)
			require.NoError(t, err)
			assert.Equal(t, tt.ignored, e.Config().Ignored)
			if tt.ignored {
				assert.Equal(t, tt.source, e.Ignored.Source.String())
			}
		})
	}
}

// TestIgnoreFileAfterByteOrderMark: as git does, a byte-order mark opening
// an ignore file is not part of its first pattern.
func TestIgnoreFileAfterByteOrderMark(t *testing.T) {
	repo := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(repo, ".git"), 0o755))
	write(t, repo, IgnoreName, "\xEF\xBB\xBFdrafts/\n")
	e, err := newTestLoader(t, repo, Options{}).Resolve("drafts/a.md")
	require.NoError(t, err)
	assert.True(t, e.Ignored.Value)
}

func TestExplicitAndNoConfig(t *testing.T) {
	repo := fixtureRepo(t)
	l := newTestLoader(t, repo, Options{File: "isolated/.prdlint.yml"})
	e, err := l.Resolve("team/prd.md")
	require.NoError(t, err)
	assert.Equal(t, []string{"isolated/.prdlint.yml"}, e.Files, "--config replaces discovery")
	assert.Equal(t, lint.SeverityInfo, e.FailLevel.Value)
	e, err = l.Resolve("generated/gen.md")
	require.NoError(t, err)
	assert.True(t, e.Ignored.Value, ".prdlintignore still applies with --config")

	l = newTestLoader(t, repo, Options{NoConfig: true})
	for _, p := range []string{"team/prd.md", "generated/gen.md", "archive/old.md"} {
		e, err := l.Resolve(p)
		require.NoError(t, err)
		assert.Empty(t, e.Files)
		assert.Equal(t, lint.DefaultConfig(), e.Config(), p)
	}

	_, err = NewLoader(Options{WorkDir: repo, File: "missing.yaml", KnownRules: knownRules})
	assert.EqualError(t, err, "missing.yaml: no such file or directory")
}

func TestStdinIsConfiguredFromWorkDir(t *testing.T) {
	repo := fixtureRepo(t)
	e, err := newTestLoader(t, filepath.Join(repo, "team"), Options{}).Resolve(lint.StdinPath)
	require.NoError(t, err)
	assert.Equal(t, lint.SeverityWarning, e.Config().Rules["how-code"])
	assert.False(t, e.Ignored.Value)
}

// TestUnreadableYAMLIsPlaced: a control character or a byte that is not
// UTF-8, of which the YAML library names no place, is reported where it is.
func TestUnreadableYAMLIsPlaced(t *testing.T) {
	for src, want := range map[string]string{
		"fail-level: warning\nrules: \x01\n":     "c.yaml:2:8: invalid YAML: control characters are not allowed",
		"fail-level: warning\nrules: caf\xe9\n":  "c.yaml:2:11: invalid YAML: not valid UTF-8",
		"# caf\u00e9\nfail-level: warning\x00\n": "c.yaml:2:20: invalid YAML: control characters are not allowed",
	} {
		_, err := parseFile("c.yaml", t.TempDir(), []byte(src), nil, nil)
		require.Error(t, err, "%q", src)
		assert.Equal(t, want, err.Error(), "%q", src)
	}
}

func TestErrors(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "config", "bad")
	tests := []struct{ file, want string }{
		{"invalid-yaml.yaml", "2:1: invalid YAML: did not find expected key"},
		{"unclosed.yaml", "1:1: invalid YAML: did not find expected ',' or ']'"},
		{"top-list.yaml", "1:1: configuration must be a mapping, not a list"},
		{"unknown-key.yaml", `2:1: unknown key "vocab" in configuration (did you mean "vocabulary"?)`},
		{"unknown-rule.yaml", `3:3: unknown rule "how-data-modle" (did you mean "how-data-model"?)`},
		{"unknown-rule-no-suggestion.yaml", `2:3: unknown rule "spelling"`},
		{"require-reason-string.yaml", `2:19: directives.require-reason must be true or false, not "yes"`},
		{"rule-pattern-no-match.yaml", `2:3: rule pattern "spell-*": matches no rule`},
		{"rule-pattern-malformed.yaml", `2:3: rule pattern "how-[": malformed pattern`},
		{"rule-pattern-shadowed.yaml", `3:3: rules: pattern "how-[ac]*" changes nothing: every rule it matches is set by name, and a name wins over a pattern`},
		{"unknown-vocabulary-key.yaml", `3:3: unknown key "delete" in vocabulary`},
		{"duplicate-key.yaml", `3:3: duplicate key "how-infra"`},
		{"fail-level-number.yaml", "1:13: fail-level must be off, info, warning or error, not a number"},
		{"bad-severity.yaml", `2:14: rules.how-infra must be off, info, warning or error, not "fatal"`},
		{"min-confidence-string.yaml", `1:17: min-confidence must be a number from 0 to 1, not "high"`},
		{"min-confidence-range.yaml", "1:17: min-confidence must be a number from 0 to 1, not 1.5"},
		{"rules-list.yaml", "1:8: rules must be a mapping, not a list"},
		{"term-mapping.yaml", "4:7: vocabulary.add must be a list of strings, not a mapping"},
		{"root-string.yaml", `1:7: root must be true or false, not "yes"`},
		{"design-mode.yaml", `2:9: design-sections.mode must be skip or info, not "fast"`},
		{"what-mode.yaml", `2:9: what-sections.mode must be skip or info, not "loud"`},
		{"invalid-glob.yaml", `3:5: ignore: invalid glob "docs/[a-"`},
		{"absolute-glob.yaml", `1:10: ignore: glob "/abs/**" must be a slash-separated path relative to the configuration file`},
		{"override-no-files.yaml", "2:5: overrides entry needs files: [glob, ...]"},
		{"override-unknown-key.yaml", `3:5: unknown key "ignore" in overrides entry`},
		{"alias.yaml", "3:8: YAML aliases (*name) are not supported in configuration"},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			seen[tt.file] = true
			_, err := NewLoader(Options{WorkDir: dir, File: tt.file, KnownRules: knownRules})
			require.Error(t, err)
			var ce *Error
			require.ErrorAs(t, err, &ce)
			assert.Equal(t, tt.file+":"+tt.want, err.Error())
			assert.NotContains(t, err.Error(), "\n", "one line")
		})
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	require.NoError(t, err)
	for _, f := range files {
		assert.True(t, seen[filepath.Base(f)], "fixture %s has no test case", f)
	}
}

// write creates repo/name, and its directories, holding data.
func write(t *testing.T, repo, name, data string) {
	t.Helper()
	p := filepath.Join(repo, name)
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
}

func TestDiscoveredErrors(t *testing.T) {
	t.Run("both names in one directory", func(t *testing.T) {
		repo := fixtureRepo(t)
		write(t, repo, "team/.prdlint.yml", "fail-level: info\n")
		_, err := newTestLoader(t, repo, Options{}).Resolve("team/prd.md")
		assert.EqualError(t, err, "team/.prdlint.yml:1:1: both .prdlint.yaml and .prdlint.yml are in this directory; keep one")
	})
	t.Run("a nested error names the nested file", func(t *testing.T) {
		repo := fixtureRepo(t)
		write(t, repo, "team/sub/.prdlint.yaml", "rules:\n  how-infr: off\n")
		l := newTestLoader(t, repo, Options{})
		_, err := l.Resolve("team/sub/x.md")
		assert.EqualError(t, err, `team/sub/.prdlint.yaml:2:3: unknown rule "how-infr" (did you mean "how-infra"?)`)
		_, err = l.Resolve("team/prd.md")
		assert.NoError(t, err, "files above the broken configuration are unaffected")
	})
	t.Run("a link out of the repository", func(t *testing.T) {
		repo := fixtureRepo(t)
		outside := filepath.Join(t.TempDir(), "secret.yaml")
		require.NoError(t, os.WriteFile(outside, []byte("fail-level: info\n"), 0o644))
		require.NoError(t, os.Symlink(outside, filepath.Join(repo, "isolated", FileName+"-link")))
		require.NoError(t, os.Remove(filepath.Join(repo, "isolated", AltFileName)))
		require.NoError(t, os.Rename(filepath.Join(repo, "isolated", FileName+"-link"), filepath.Join(repo, "isolated", FileName)))
		_, err := newTestLoader(t, repo, Options{}).Resolve("isolated/prd.md")
		assert.EqualError(t, err, "isolated/.prdlint.yaml: is a link to a file outside the repository")
	})
	t.Run("not a regular file", func(t *testing.T) {
		repo := fixtureRepo(t)
		require.NoError(t, os.Mkdir(filepath.Join(repo, "rfcs", FileName), 0o755))
		_, err := newTestLoader(t, repo, Options{}).Resolve("rfcs/one.md")
		assert.EqualError(t, err, "rfcs/.prdlint.yaml: not a regular file")
	})
}

func TestLimits(t *testing.T) {
	dir := t.TempDir()
	var many strings.Builder
	many.WriteString("vocabulary:\n  add:\n")
	for i := 0; i <= maxTerms; i++ {
		fmt.Fprintf(&many, "    - term%d\n", i)
	}
	deep := "a:" + strings.Repeat(" [", maxDepth+2) + strings.Repeat("]", maxDepth+2) + "\n"
	tests := []struct{ name, data, want string }{
		{"too big", "rules: {}\n" + strings.Repeat("# padding\n", maxFileSize/10+1), "over the 262144-byte limit"},
		{"too many terms", many.String(), fmt.Sprintf("%d:7: vocabulary has over %d terms", maxTerms+3, maxTerms)},
		{"too deep", deep, "configuration nests deeper than 16 levels"},
		{"long term", "vocabulary:\n  add: [" + strings.Repeat("x", maxTermLen+1) + "]\n", "2:9: vocabulary.add: term is over 100 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".yaml")
			require.NoError(t, os.WriteFile(p, []byte(tt.data), 0o644))
			_, err := NewLoader(Options{WorkDir: dir, File: filepath.Base(p), KnownRules: knownRules})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestStarterLoads(t *testing.T) {
	rules := []*lint.Rule{{ID: "how-infra", Severity: lint.SeverityWarning}, {ID: "how-code", Severity: lint.SeverityError}}
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, FileName), Starter(rules), 0o644))
	l, err := NewLoader(Options{WorkDir: dir, File: FileName, KnownRules: []string{"how-infra", "how-code"}})
	require.NoError(t, err)
	e, err := l.Resolve("prd.md")
	require.NoError(t, err)
	assert.Empty(t, e.Rules, "rules keep their defaults: none is set by name")
	assert.Equal(t, lint.SeverityWarning, e.FailLevel.Value)
	assert.Empty(t, e.FailLevel.Source.File, "a default, not a value the file sets")
}

// TestNestedStarterInherits: a starter written below a configured
// directory (prdlint init docs/prds) changes nothing: every setting still
// comes from the parent file.
func TestNestedStarterInherits(t *testing.T) {
	rules := []*lint.Rule{{ID: "how-infra", Severity: lint.SeverityWarning}}
	repo := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(repo, ".git"), 0o755))
	write(t, repo, FileName, "fail-level: off\nmin-confidence: 0.9\ngitignore: true\ndirectives:\n  require-reason: true\n"+
		"design-sections:\n  mode: info\nwhat-sections:\n  mode: info\n")
	write(t, repo, "docs/prds/"+FileName, string(Starter(rules)))
	l := newTestLoader(t, repo, Options{KnownRules: []string{"how-infra"}})
	e, err := l.Resolve(filepath.Join(repo, "docs", "prds", "a.md"))
	require.NoError(t, err)
	for name, src := range map[string]Source{
		"fail-level": e.FailLevel.Source, "min-confidence": e.MinConfidence.Source, "gitignore": e.Gitignore.Source,
		"require-reason": e.RequireReason.Source, "design-sections.mode": e.DesignMode.Source, "what-sections.mode": e.WhatMode.Source,
	} {
		assert.Equal(t, FileName, src.File, "%s comes from the parent", name)
	}
	assert.Equal(t, lint.SeverityOff, e.FailLevel.Value)
}

// TestStarterLeavesPatternsToTheUser: a pattern added under the starter's
// rules: applies to every rule it matches. Had the starter named every rule,
// the names would win over the pattern and it would change nothing.
func TestStarterLeavesPatternsToTheUser(t *testing.T) {
	rules := []*lint.Rule{
		{ID: "how-infra", Severity: lint.SeverityWarning},
		{ID: "how-code", Severity: lint.SeverityError},
		{ID: "structure-goals", Severity: lint.SeverityWarning},
	}
	starter := string(Starter(rules))
	require.Contains(t, starter, "\nrules:\n")
	edited := strings.Replace(starter, "\nrules:\n", "\nrules:\n  how-*: off\n  structure-*: info\n", 1)
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, FileName), []byte(edited), 0o644))
	l, err := NewLoader(Options{WorkDir: dir, File: FileName, KnownRules: []string{"how-infra", "how-code", "structure-goals"}})
	require.NoError(t, err, edited)
	e, err := l.Resolve("prd.md")
	require.NoError(t, err)
	assert.Equal(t, map[string]lint.Severity{"how-infra": lint.SeverityOff, "how-code": lint.SeverityOff, "structure-goals": lint.SeverityInfo}, e.Config().Rules)
}

// TestStarterExamplesLoadWhenUncommented: the starter's commented examples
// are what a team turns on first; removing their "#" gives a valid file
// that does what the example says.
func TestStarterExamplesLoadWhenUncommented(t *testing.T) {
	rules := []*lint.Rule{{ID: "how-architecture", Severity: lint.SeverityWarning}, {ID: "how-code", Severity: lint.SeverityError}}
	var b strings.Builder
	// block is the commented-out settings block the line is in: the
	// design-sections one is uncommented, the others left as they are.
	block := ""
	for _, line := range strings.Split(string(Starter(rules)), "\n") {
		switch {
		case line == "":
			block = ""
		case line == "# design-sections:" || line == "# what-sections:" || line == "# directives:":
			block = line[2:]
			if block == "design-sections:" {
				line = block
			}
		case block == "design-sections:" && !strings.HasPrefix(line, "#   # "): // not a comment in it
			line = line[2:]
		case block == "" && strings.HasPrefix(line, "#  "): // a list item under a key
			line = line[1:]
		}
		b.WriteString(line + "\n")
	}
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, FileName), []byte(b.String()), 0o644))
	l, err := NewLoader(Options{WorkDir: dir, File: FileName, KnownRules: []string{"how-architecture", "how-code"}})
	require.NoError(t, err, b.String())
	e, err := l.Resolve("rfcs/a.md")
	require.NoError(t, err)
	c := e.Config()
	assert.Equal(t, lint.SeverityInfo, c.Rules["how-architecture"], "the override example applies")
	assert.Equal(t, []string{"Design", "Technical approach"}, c.Settings.DesignSections)
	e, err = l.Resolve("drafts/x.md")
	require.NoError(t, err)
	assert.True(t, e.Ignored.Value, "the ignore example applies")
	e, err = l.Resolve("prd.md")
	require.NoError(t, err)
	assert.Equal(t, map[string]lint.Severity{"how-architecture": lint.SeverityWarning, "how-code": lint.SeverityError}, e.Config().Rules,
		"the commented rules are the defaults, each set by name once uncommented")
	assert.Equal(t, ".prdlint.yaml", e.Rules["how-code"].Source.File)
}

// TestWhatSections checks the what-sections key: its own headings and mode,
// apart from design-sections, overridden per file, with sources.
func TestWhatSections(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, FileName, "what-sections:\n  headings: [Non-goals, Parking lot]\n  mode: info\n"+
		"overrides:\n  - files: [\"specs/**\"]\n    what-sections:\n      headings: []\n")
	l := newTestLoader(t, dir, Options{})
	e, err := l.Resolve("prd.md")
	require.NoError(t, err)
	c := e.Config()
	assert.Equal(t, []string{"Non-goals", "Parking lot"}, c.Settings.WhatSections)
	assert.Equal(t, DesignModeInfo, c.Settings.WhatMode)
	assert.Nil(t, c.Settings.DesignSections, "design-sections keeps its defaults")
	assert.Equal(t, "", c.Settings.DesignMode)
	assert.Equal(t, FileName+":2:13", e.WhatSections.Source.String())

	e, err = l.Resolve("specs/a.md")
	require.NoError(t, err)
	c = e.Config()
	assert.Equal(t, []string{}, c.Settings.WhatSections, "an empty list turns the sections off")
	assert.Equal(t, DesignModeInfo, c.Settings.WhatMode)
}

func TestConcurrentResolve(t *testing.T) {
	repo := fixtureRepo(t)
	l := newTestLoader(t, repo, Options{})
	var paths []string
	require.NoError(t, fs.WalkDir(os.DirFS(repo), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			paths = append(paths, p)
		}
		return err
	}))
	require.NotEmpty(t, paths)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, p := range paths {
				_, err := l.Resolve(p)
				assert.NoError(t, err)
			}
		}()
	}
	wg.Wait()
}

// BenchmarkResolve is the per-file cost of configuration once the
// directory's files are cached: the linter pays it twice per walked file.
func BenchmarkResolve(b *testing.B) {
	src := filepath.Join("..", "..", "testdata", "config", "tree")
	dst := b.TempDir()
	require.NoError(b, os.CopyFS(dst, os.DirFS(src)))
	require.NoError(b, os.Mkdir(filepath.Join(dst, ".git"), 0o755))
	l, err := NewLoader(Options{WorkDir: dst, KnownRules: knownRules})
	require.NoError(b, err)
	for b.Loop() {
		if _, err := l.Resolve("team/sub/x.md"); err != nil {
			b.Fatal(err)
		}
	}
}

// TestGitignore: with gitignore on, directory walks also skip what the
// repository's .gitignore files and .git/info/exclude exclude; without it,
// they are not read at all.
func TestGitignore(t *testing.T) {
	repo := t.TempDir()
	write := func(rel, data string) {
		t.Helper()
		p := filepath.Join(repo, filepath.FromSlash(rel))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
	}
	write(".git/info/exclude", "# local\nscratch.md\n")
	write(".gitignore", "site/\n*.gen.md\n!site/keep.md\n")
	write("docs/.gitignore", "drafts/\n!keep.gen.md\n!drafts/final.md\n")

	tests := []struct {
		path   string
		source string // "" when not ignored
	}{
		{"prd.md", ""},
		{"scratch.md", ".git/info/exclude:2:1"},
		{"site/index.md", ".gitignore:1:1"},
		{"site/deep/page.md", ".gitignore:1:1"},
		{"api.gen.md", ".gitignore:2:1"},
		{"docs/a.gen.md", ".gitignore:2:1"},
		{"docs/keep.gen.md", ""}, // re-included by the nearer file
		{"docs/drafts/x.md", "docs/.gitignore:1:1"},
		{"drafts/x.md", ""}, // docs/.gitignore does not reach outside docs
		// A file in an excluded directory cannot be re-included (git's rule).
		{"site/keep.md", ".gitignore:1:1"},
		{"docs/drafts/final.md", "docs/.gitignore:1:1"},
	}
	on := func(t *testing.T, l *Loader) {
		for _, tt := range tests {
			e, err := l.Resolve(tt.path)
			require.NoError(t, err, tt.path)
			assert.Equal(t, tt.source != "", e.Config().Ignored, tt.path)
			if tt.source != "" {
				assert.Equal(t, filepath.FromSlash(tt.source), e.Ignored.Source.String(), tt.path)
			}
		}
	}

	t.Run("off by default", func(t *testing.T) {
		l := newTestLoader(t, repo, Options{})
		for _, tt := range tests {
			e, err := l.Resolve(tt.path)
			require.NoError(t, err)
			assert.False(t, e.Config().Ignored, tt.path)
			assert.False(t, e.Gitignore.Value)
		}
	})
	t.Run("on", func(t *testing.T) {
		write(".prdlint.yaml", "gitignore: true\n")
		l := newTestLoader(t, repo, Options{})
		on(t, l)
		e, err := l.Resolve("prd.md")
		require.NoError(t, err)
		assert.Equal(t, ".prdlint.yaml:1:12", e.Gitignore.Source.String())
	})
	t.Run("a nearer file turns it off", func(t *testing.T) {
		write(".prdlint.yaml", "gitignore: true\n")
		write("docs/.prdlint.yaml", "gitignore: false\n")
		t.Cleanup(func() { _ = os.Remove(filepath.Join(repo, "docs", ".prdlint.yaml")) })
		l := newTestLoader(t, repo, Options{})
		e, err := l.Resolve("docs/drafts/x.md")
		require.NoError(t, err)
		assert.False(t, e.Config().Ignored)
		e, err = l.Resolve("site/index.md")
		require.NoError(t, err)
		assert.True(t, e.Config().Ignored)
	})
	t.Run("outside a repository", func(t *testing.T) {
		plain := t.TempDir()
		require.NoError(t, os.WriteFile(filepath.Join(plain, ".gitignore"), []byte("*.md\n"), 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(plain, ".prdlint.yaml"), []byte("gitignore: true\n"), 0o644))
		e, err := newTestLoader(t, plain, Options{}).Resolve("prd.md")
		require.NoError(t, err)
		assert.True(t, e.Gitignore.Value)
		assert.False(t, e.Config().Ignored, "without .git no .gitignore applies")
	})
	t.Run("not a boolean", func(t *testing.T) {
		write(".prdlint.yaml", "gitignore: yes please\n")
		l := newTestLoader(t, repo, Options{})
		_, err := l.Resolve("prd.md")
		require.Error(t, err)
		assert.Contains(t, err.Error(), ".prdlint.yaml:1:12")
	})
}

// TestConfigSilentNoOps: settings that would silently do nothing are
// errors: globs that can never match, and a second YAML document.
func TestConfigSilentNoOps(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"./ glob", "ignore: [\"./drafts/**\"]\n", `.prdlint.yaml:1:10: ignore: glob "./drafts/**" must not start with ./ or hold ..: it matches paths below the configuration file's directory, such as "drafts/**"`},
		{"../ glob", "ignore: [\"../drafts/**\"]\n", `glob "../drafts/**" must not start with ./ or hold ..`},
		{".. inside a glob", "overrides:\n  - files: [\"a/../b/*.md\"]\n    fail-level: off\n", `overrides.files: glob "a/../b/*.md" must not start with ./ or hold ..`},
		{"dot glob", "ignore: [\".\"]\n", `.prdlint.yaml:1:10: ignore: glob "." has an empty or "." segment, which no path has; write it as "**"`},
		{"dot segment", "ignore: [\"drafts/./**\"]\n", `glob "drafts/./**" has an empty or "." segment, which no path has; write it as "drafts/**"`},
		{"empty segment", "overrides:\n  - files: [\"drafts//*.md\"]\n    fail-level: off\n", `overrides.files: glob "drafts//*.md" has an empty or "." segment, which no path has; write it as "drafts/*.md"`},
		{"second document", "fail-level: warning\n---\nfail-level: off\n", `.prdlint.yaml:3:1: configuration holds a second YAML document (after a "---"), which would be ignored; keep one`},
		{"pattern shadowed by names in an override", "overrides:\n  - files: [\"rfcs/**\"]\n    rules:\n      how-*: off\n      how-api-shape: info\n      how-architecture: info\n      how-code: info\n      how-data-model: info\n      how-infra: info\n      how-tech-choice: info\n",
			`.prdlint.yaml:4:7: rules: pattern "how-*" changes nothing: every rule it matches is set by name`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			repo := t.TempDir()
			require.NoError(t, os.Mkdir(filepath.Join(repo, ".git"), 0o755))
			require.NoError(t, os.WriteFile(filepath.Join(repo, FileName), []byte(tt.src), 0o644))
			_, err := newTestLoader(t, repo, Options{}).Resolve("prd.md")
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	for _, ok := range []string{"---\nfail-level: info\n", "fail-level: info\n---\n", "ignore: [\"drafts/**\", \"**/.../x.md\"]\n",
		// A pattern that sets one rule not named is not a no-op, and a name
		// in another file does not shadow a pattern in this one.
		"rules:\n  how-[ac]*: off\n  how-api-shape: info\n  how-code: info\n",
		"rules:\n  how-code: info\noverrides:\n  - files: [\"rfcs/**\"]\n    rules:\n      how-c*: off\n",
	} {
		repo := t.TempDir()
		require.NoError(t, os.Mkdir(filepath.Join(repo, ".git"), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(repo, FileName), []byte(ok), 0o644))
		_, err := newTestLoader(t, repo, Options{}).Resolve("prd.md")
		assert.NoError(t, err, "%q", ok)
	}
}

// TestVocabularyKindsMerge: a nearer file's term replaces an outer one
// whatever kind either is written with, and undoes an outer removal.
func TestVocabularyKindsMerge(t *testing.T) {
	repo := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(repo, ".git"), 0o755))
	require.NoError(t, os.MkdirAll(filepath.Join(repo, "sub"), 0o755))
	write := func(rel, src string) {
		require.NoError(t, os.WriteFile(filepath.Join(repo, rel), []byte(src), 0o644))
	}
	write(FileName, "vocabulary:\n  add: [\"data-model:ledger\"]\n  remove: [Zephyr]\n")
	write("sub/"+FileName, "vocabulary:\n  add: [\"code:ledger\", \"infra:zephyr\"]\n")
	e, err := newTestLoader(t, repo, Options{}).Resolve("sub/prd.md")
	require.NoError(t, err)
	assert.Equal(t, []string{"code:ledger", "infra:zephyr"}, terms(e.VocabularyAdd))
	assert.Empty(t, terms(e.VocabularyRemove))
}

// TestVocabularyRemoveMustChangeSomething: a removed term that is neither
// built in nor added by a configuration is an error at its position (a
// typo or a plural would otherwise silently do nothing); taking back a term
// an outer file added is fine.
func TestVocabularyRemoveMustChangeSomething(t *testing.T) {
	builtin := func(term string) bool { return strings.EqualFold(term, "chart") || strings.EqualFold(term, "kafka") }
	dir := t.TempDir()
	write(t, dir, FileName, "vocabulary:\n  add: [Zephyr, \"data-model:ledger\"]\n")
	write(t, dir, "ok/"+FileName, "vocabulary:\n  remove: [zephyr, Chart, \"code:kafka\", ledger]\n")
	write(t, dir, "typo/"+FileName, "vocabulary:\n  remove: [kafka, workspace]\n")
	write(t, dir, "plural/"+FileName, "vocabulary:\n  remove: [charts]\n")
	l := newTestLoader(t, dir, Options{VocabularyHas: builtin})

	e, err := l.Resolve("ok/prd.md")
	require.NoError(t, err)
	assert.Empty(t, e.VocabularyAdd, "the nearer file took back both added terms")
	assert.Len(t, e.VocabularyRemove, 4)

	_, err = l.Resolve("typo/prd.md")
	require.Error(t, err)
	assert.Equal(t, `typo/.prdlint.yaml:2:19: vocabulary.remove: "workspace" is not in the built-in vocabulary and no configuration adds it, so removing it changes nothing; prdlint config vocabulary lists the terms`, err.Error())

	_, err = l.Resolve("plural/prd.md")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"charts" is not in the built-in vocabulary (did you mean "chart"? plurals are matched)`)

	// Without a vocabulary to check against, any term is accepted.
	_, err = newTestLoader(t, dir, Options{}).Resolve("typo/prd.md")
	require.NoError(t, err)
}

// TestVocabularyRemoveEdges: "code: widgetron" names the term as the judge
// reads it, and a remove carried only by ignored files is not checked.
func TestVocabularyRemoveEdges(t *testing.T) {
	builtin := func(string) bool { return false }
	dir := t.TempDir()
	write(t, dir, FileName, "vocabulary:\n  add: [widgetron]\n  remove: [\"code: widgetron\"]\n"+
		"ignore: [\"drafts/**\"]\noverrides:\n  - files: [\"drafts/**\"]\n    vocabulary:\n      remove: [gizmo]\n")
	l := newTestLoader(t, dir, Options{VocabularyHas: builtin})
	e, err := l.Resolve("prd.md")
	require.NoError(t, err, "the remove takes back the added term")
	assert.Empty(t, e.VocabularyAdd)
	// a case-sensitive term is taken back by its plain name, and the
	// other way round
	write(t, dir, "cased/"+FileName, "vocabulary:\n  add: [\"=Zephyr\"]\n")
	write(t, dir, "cased/a/"+FileName, "vocabulary:\n  remove: [Zephyr]\n")
	e, err = l.Resolve("cased/a/prd.md")
	require.NoError(t, err, "the remove takes back the case-sensitive term")
	assert.Empty(t, e.VocabularyAdd)
	write(t, dir, "cased/b/"+FileName, "vocabulary:\n  add: [zephyr]\n")
	e, err = l.Resolve("cased/b/prd.md")
	require.NoError(t, err)
	assert.Equal(t, []string{"zephyr"}, terms(e.VocabularyAdd), "the nearer add replaces the case-sensitive one")
	// an ignored file is checked too: named on the command line, it is
	// linted with a remove that changes nothing
	_, err = l.Resolve("drafts/x.md")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `vocabulary.remove: "gizmo" is not in the built-in vocabulary`)

	write(t, dir, "bad/"+FileName, "vocabulary:\n  add: [\"datamodel: ledger\"]\n")
	_, err = NewLoader(Options{WorkDir: dir, File: filepath.Join("bad", FileName), KnownRules: knownRules, VocabularyKinds: []string{"data-model", "code"}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `unknown kind "datamodel"`)
}

// TestAbsolutePaths: with AbsolutePaths, errors and sources name
// configuration and ignore files by absolute path whatever the working
// directory; without it, relative to the working directory as before.
func TestAbsolutePaths(t *testing.T) {
	repo := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(repo, ".git"), 0o755))
	write(t, repo, "bad/"+FileName, "rules:\n  how-infr: off\n")
	write(t, repo, "both/"+FileName, "fail-level: info\n")
	write(t, repo, "both/"+AltFileName, "fail-level: info\n")
	write(t, repo, "remove/"+FileName, "vocabulary:\n  remove: [widgetron]\n")
	write(t, repo, "ok/"+FileName, "fail-level: error\n")
	write(t, repo, "ok/"+IgnoreName, "*.gen.md\n")
	workDir := t.TempDir() // elsewhere, as an editor's server's may be
	fromWork := func(p string) string {
		rel, err := filepath.Rel(workDir, filepath.Join(repo, p))
		require.NoError(t, err)
		return rel
	}
	// file is the configuration file each error names, below repo.
	tests := []struct{ name, path, file, wantErr string }{
		{"parse error", "bad/prd.md", "bad/" + FileName, `%s:2:3: unknown rule "how-infr" (did you mean "how-infra"?)`},
		{"both names", "both/prd.md", "both/" + AltFileName, "%s:1:1: both .prdlint.yaml and .prdlint.yml are in this directory; keep one"},
		{"vocabulary remove", "remove/prd.md", "remove/" + FileName, `%s:2:12: vocabulary.remove: "widgetron" is not in the built-in vocabulary`},
	}
	for _, abs := range []bool{false, true} {
		show := fromWork
		if abs {
			show = func(p string) string { return filepath.Join(repo, p) }
		}
		for _, tt := range tests {
			t.Run(fmt.Sprintf("%s absolute=%v", tt.name, abs), func(t *testing.T) {
				l := newTestLoader(t, workDir, Options{AbsolutePaths: abs, VocabularyHas: func(string) bool { return false }})
				_, err := l.Resolve(filepath.Join(repo, tt.path))
				require.Error(t, err)
				assert.Contains(t, err.Error(), fmt.Sprintf(tt.wantErr, show(tt.file)))
				var ce *Error
				require.ErrorAs(t, err, &ce)
				assert.Equal(t, show(tt.file), ce.File)
			})
		}
		t.Run(fmt.Sprintf("sources absolute=%v", abs), func(t *testing.T) {
			l := newTestLoader(t, workDir, Options{AbsolutePaths: abs})
			e, err := l.Resolve(filepath.Join(repo, "ok", "x.gen.md"))
			require.NoError(t, err)
			assert.Equal(t, []string{show("ok/" + FileName)}, e.Files)
			assert.Equal(t, show("ok/"+FileName), e.FailLevel.Source.File)
			assert.Equal(t, show("ok/"+IgnoreName), e.Ignored.Source.File)
		})
		t.Run(fmt.Sprintf("explicit file absolute=%v", abs), func(t *testing.T) {
			rel := fromWork("bad/" + FileName)
			_, err := NewLoader(Options{WorkDir: workDir, File: rel, KnownRules: knownRules, AbsolutePaths: abs})
			var ce *Error
			require.ErrorAs(t, err, &ce)
			want := rel // as given
			if abs {
				want = filepath.Join(repo, "bad", FileName)
			}
			assert.Equal(t, want, ce.File)
		})
	}
}

// TestCheckSource checks a configuration or ignore file from the text an
// editor holds, with the files around it read from disk, as CheckDir
// checks the disk copy.
func TestCheckSource(t *testing.T) {
	manyPatterns := strings.Repeat("*.gen.md\n", maxIgnorePatterns+1)
	tests := []struct {
		name string
		disk map[string]string // files below the repository
		path string            // the file checked, below the repository
		src  string
		want string // the error, "" for none
	}{
		{name: "valid text over a broken disk copy", disk: map[string]string{"team/" + FileName: "rules: [\n"},
			path: "team/" + FileName, src: "fail-level: error\n"},
		{name: "broken text over a valid disk copy", disk: map[string]string{"team/" + FileName: "fail-level: error\n"},
			path: "team/" + FileName, src: "fail-level: error\nrules:\n  how-infr: off\n",
			want: `team/.prdlint.yaml:3:3: unknown rule "how-infr" (did you mean "how-infra"?)`},
		{name: "not saved yet", path: "team/" + FileName, src: "fail_level: error\n",
			want: `team/.prdlint.yaml:1:1: unknown key "fail_level" in configuration (did you mean "fail-level"?)`},
		{name: "invalid YAML", path: "team/" + FileName, src: "rules:\n  how-infra: [off\n",
			want: `team/.prdlint.yaml:1:1: invalid YAML: did not find expected ',' or ']'`},
		{name: "unknown rule in an override", path: "team/" + FileName,
			src:  "overrides:\n  - files: [\"drafts/**\"]\n    rules:\n      how-cod: off\n",
			want: `team/.prdlint.yaml:4:7: unknown rule "how-cod" (did you mean "how-code"?)`},
		{name: "a remove in an override that changes nothing", path: "team/" + FileName,
			src:  "overrides:\n  - files: [\"drafts/**\"]\n    vocabulary:\n      remove: [workspace]\n",
			want: `team/.prdlint.yaml:4:16: vocabulary.remove: "workspace" is not in the built-in vocabulary`},
		{name: "unknown vocabulary kind", path: "team/" + FileName, src: "vocabulary:\n  add: [\"datamodel:ledger\"]\n",
			want: `team/.prdlint.yaml:2:9: vocabulary.add: unknown kind "datamodel" in "datamodel:ledger"`},
		{name: "a kind with no term", path: "team/" + FileName, src: "vocabulary:\n  add: [Zephyr, \"data-model:\"]\n",
			want: `team/.prdlint.yaml:2:17: vocabulary.add: "data-model:" names no term (a term needs a letter or a digit)`},
		{name: "the case mark with no term", path: "team/" + FileName, src: "vocabulary:\n  add: [\"code: =\"]\n",
			want: `team/.prdlint.yaml:2:9: vocabulary.add: "code: =" names no term (a term needs a letter or a digit)`},
		{name: "a term of punctuation", path: "team/" + FileName, src: "vocabulary:\n  remove: [\"=\", \"--\"]\n",
			want: `team/.prdlint.yaml:2:12: vocabulary.remove: "=" names no term (a term needs a letter or a digit)`},
		{name: "invalid ignore glob", path: "team/" + FileName, src: "ignore: [\"a/[\"]\n",
			want: `team/.prdlint.yaml:1:10: ignore: invalid glob "a/["`},
		{name: "a remove that takes back a parent's add", disk: map[string]string{FileName: "vocabulary:\n  add: [Zephyr]\n"},
			path: "team/" + FileName, src: "vocabulary:\n  remove: [zephyr]\n"},
		{name: "a broken parent", disk: map[string]string{FileName: "rules:\n  how-infr: off\n"},
			path: "team/" + FileName, src: "fail-level: error\n",
			want: `.prdlint.yaml:2:3: unknown rule "how-infr" (did you mean "how-infra"?)`},
		{name: "the other name on disk beside it", disk: map[string]string{"team/" + FileName: "{}\n"},
			path: "team/" + AltFileName, src: "{}\n",
			want: "team/.prdlint.yml:1:1: both .prdlint.yaml and .prdlint.yml are in this directory; keep one"},
		{name: "the alternative name alone", path: "team/" + AltFileName, src: "rules:\n  how-infr: off\n",
			want: `team/.prdlint.yml:2:3: unknown rule "how-infr" (did you mean "how-infra"?)`},
		{name: "valid ignore file", disk: map[string]string{"team/" + IgnoreName: strings.Repeat("x\n", maxIgnorePatterns+1)},
			path: "team/" + IgnoreName, src: "*.gen.md\n!keep.gen.md\n"},
		{name: "ignore file over its pattern limit", path: "team/" + IgnoreName, src: manyPatterns,
			want: fmt.Sprintf("team/.prdlintignore:%d:1: over %d patterns", maxIgnorePatterns+1, maxIgnorePatterns)},
		{name: "ignore file over its size limit", path: "team/" + IgnoreName, src: strings.Repeat("#", maxIgnoreSize+1),
			want: fmt.Sprintf("team/.prdlintignore: file is over the %d-byte limit", maxIgnoreSize)},
		{name: "ignore file in a directory a configuration's glob ignores", disk: map[string]string{FileName: "ignore: [\"team/**\"]\n"},
			path: "team/" + IgnoreName, src: manyPatterns,
			want: fmt.Sprintf("team/.prdlintignore:%d:1: over %d patterns", maxIgnorePatterns+1, maxIgnorePatterns)},
		{name: "ignore file beside a broken configuration", disk: map[string]string{"team/" + FileName: "rules: 3\n"},
			path: "team/" + IgnoreName, src: "*.gen.md\n",
			want: "team/.prdlint.yaml:1:8: rules must be a mapping, not a number"},
		{name: "not a configuration file", path: "team/prd.md", src: "# Plan\n",
			want: "team/prd.md is not a configuration file (.prdlint.yaml, .prdlint.yml or .prdlintignore)"},
	}
	builtin := func(term string) bool { return strings.EqualFold(term, "chart") }
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			repo := t.TempDir()
			require.NoError(t, os.Mkdir(filepath.Join(repo, ".git"), 0o755))
			require.NoError(t, os.Mkdir(filepath.Join(repo, "team"), 0o755))
			for p, data := range tt.disk {
				write(t, repo, p, data)
			}
			l := newTestLoader(t, repo, Options{VocabularyHas: builtin, VocabularyKinds: []string{"data-model", "code"}})
			err := l.CheckSource(tt.path, []byte(tt.src))
			if tt.want == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), tt.want), "want %q, got %q", tt.want, err)
		})
	}
}

// TestCheckSourceLeavesTheCache: checking a text neither reads the
// Loader's cached copy of the file nor leaves the text behind for what
// the Loader resolves afterwards.
func TestCheckSourceLeavesTheCache(t *testing.T) {
	repo := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(repo, ".git"), 0o755))
	write(t, repo, FileName, "fail-level: error\n")
	l := newTestLoader(t, repo, Options{})
	e, err := l.Resolve("prd.md")
	require.NoError(t, err)
	require.Equal(t, lint.SeverityError, e.FailLevel.Value)

	assert.Error(t, l.CheckSource(FileName, []byte("fail-level: fatal\n")), "the text, not the cached file")
	assert.NoError(t, l.CheckSource(FileName, []byte("fail-level: info\n")))
	e, err = l.Resolve("prd.md")
	require.NoError(t, err)
	assert.Equal(t, lint.SeverityError, e.FailLevel.Value, "the file on disk, not the text checked")
}

// TestConfigurationFollowsTheRealDirectory: a file reached through a
// linked directory, or from a working directory reached through one, is
// configured as the file it is, however its path is spelt.
func TestConfigurationFollowsTheRealDirectory(t *testing.T) {
	base := t.TempDir()
	repo := filepath.Join(base, "repo")
	require.NoError(t, os.MkdirAll(filepath.Join(repo, ".git"), 0o755))
	write(t, repo, "deep/"+FileName, "fail-level: off\n")
	write(t, repo, "deep/real/x.md", "Text.\n")
	require.NoError(t, os.Symlink(filepath.Join("deep", "real"), filepath.Join(repo, "alias")))
	l := newTestLoader(t, repo, Options{})
	for _, p := range []string{"deep/real/x.md", "alias/x.md", "alias/../deep/real/x.md"} {
		e, err := l.Resolve(p)
		require.NoError(t, err, p)
		assert.Equal(t, lint.SeverityOff, e.FailLevel.Value, p)
		assert.Equal(t, filepath.Join("deep", FileName), e.FailLevel.Source.File, p)
	}

	// a working directory reached through a link from outside the
	// repository, where a configuration file above the link must not apply
	write(t, base, "links/"+FileName, "fail-level: error\n")
	require.NoError(t, os.Symlink(filepath.Join("..", "repo", "deep"), filepath.Join(base, "links", "docs")))
	l = newTestLoader(t, filepath.Join(base, "links", "docs"), Options{})
	e, err := l.Resolve(filepath.Join("real", "x.md"))
	require.NoError(t, err)
	assert.Equal(t, lint.SeverityOff, e.FailLevel.Value)
	assert.Equal(t, FileName, e.FailLevel.Source.File, "shown from the real working directory")
}
