package main

import (
	"bufio"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/prdlint/prdlint/lint"
	"github.com/prdlint/prdlint/rules"
)

// readmeRuleAnchors counts the rule anchors (<a id="rule-ID"></a>) the
// README defines.
func readmeRuleAnchors(t *testing.T) map[string]int {
	t.Helper()
	readme, err := os.ReadFile(filepath.Join(repoRoot(t), "README.md"))
	require.NoError(t, err)
	anchors := map[string]int{}
	for _, m := range regexp.MustCompile(`<a id="(rule-[^"]+)"></a>`).FindAllStringSubmatch(string(readme), -1) {
		anchors[m[1]]++
	}
	return anchors
}

// fragment is the anchor a link opens.
func fragment(t *testing.T, link string) string {
	t.Helper()
	u, err := url.Parse(link)
	require.NoError(t, err)
	require.Equal(t, lint.HomeURL, u.Scheme+"://"+u.Host+u.Path, "%s links to the README", link)
	return u.Fragment
}

// TestRuleLinksOpenTheRulesREADMEEntry: the README defines one anchor per
// rule, and every rule link prdlint writes (SARIF helpUri, the rdjsonl
// code URL, the language server's codeDescription, all from lint.RuleURL)
// opens its rule's anchor.
func TestRuleLinksOpenTheRulesREADMEEntry(t *testing.T) {
	anchors := readmeRuleAnchors(t)
	ids := map[string]bool{}
	for _, r := range rules.All() {
		ids[r.ID] = true
		a := fragment(t, lint.RuleURL(r.ID))
		assert.Equal(t, 1, anchors[a], "README defines the anchor %q once", a)
	}
	for a := range anchors {
		assert.True(t, ids[strings.TrimPrefix(a, "rule-")], "README anchor %q names no rule", a)
	}

	t.Chdir(repoRoot(t))
	out, stderr, _ := prdlint(t, "", "lint", "--format", "sarif", "testdata/prds/checkout.md")
	require.Empty(t, stderr)
	var log sarifLog
	require.NoError(t, json.Unmarshal([]byte(out), &log))
	require.Len(t, log.Runs[0].Tool.Driver.Rules, len(rules.All()))
	for _, r := range log.Runs[0].Tool.Driver.Rules {
		assert.Equal(t, "rule-"+r.ID, fragment(t, r.HelpURI), "SARIF help for %s", r.ID)
	}

	out, stderr, _ = prdlint(t, "", "lint", "--format", "rdjsonl", "testdata/prds/checkout.md")
	require.Empty(t, stderr)
	sc := bufio.NewScanner(strings.NewReader(out))
	n := 0
	for sc.Scan() {
		var d struct{ Code struct{ Value, URL string } }
		require.NoError(t, json.Unmarshal(sc.Bytes(), &d))
		assert.Equal(t, "rule-"+d.Code.Value, fragment(t, d.Code.URL), "rdjsonl code of %s", d.Code.Value)
		assert.Equal(t, 1, anchors["rule-"+d.Code.Value])
		n++
	}
	assert.Positive(t, n, "checkout.md has findings")
}
