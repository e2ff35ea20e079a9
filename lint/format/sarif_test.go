package format_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/prdlint/prdlint/lint"
	"github.com/prdlint/prdlint/lint/format"
)

// sarifSchemaPath is the SARIF 2.1.0 schema in the shared data beside the
// repository; PRDLINT_SARIF_SCHEMA overrides it.
func sarifSchemaPath(t *testing.T) string {
	if p := os.Getenv("PRDLINT_SARIF_SCHEMA"); p != "" {
		return p
	}
	// Found from this file, not the working directory, which tests change.
	_, self, _, ok := runtime.Caller(0)
	require.True(t, ok)
	return filepath.Join(filepath.Dir(self), "..", "..", "..", "shared", "schemas", "sarif-schema-2.1.0.json")
}

type sarifLog struct {
	Runs []struct {
		ColumnKind string `json:"columnKind"`
		Tool       struct {
			Driver struct {
				Name    string `json:"name"`
				Version string `json:"version"`
				Rules   []struct {
					ID               string                `json:"id"`
					HelpURI          string                `json:"helpUri"`
					ShortDescription struct{ Text string } `json:"shortDescription"`
					FullDescription  struct{ Text string } `json:"fullDescription"`
					Help             struct {
						Text     string `json:"text"`
						Markdown string `json:"markdown"`
					} `json:"help"`
					DefaultConfiguration struct{ Level string } `json:"defaultConfiguration"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID              string                `json:"ruleId"`
			PartialFingerprints map[string]string     `json:"partialFingerprints"`
			RuleIndex           int                   `json:"ruleIndex"`
			Level               string                `json:"level"`
			Message             struct{ Text string } `json:"message"`
			Locations           []sarifLocation       `json:"locations"`
		} `json:"results"`
		Invocations []struct {
			ExecutionSuccessful        bool `json:"executionSuccessful"`
			ToolExecutionNotifications []struct {
				Level     string
				Message   struct{ Text string }
				Locations []sarifLocation
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
	} `json:"runs"`
}

type sarifLocation struct {
	PhysicalLocation struct {
		ArtifactLocation struct{ URI string } `json:"artifactLocation"`
		Region           struct {
			StartLine, StartColumn, EndLine, EndColumn int
		} `json:"region"`
	} `json:"physicalLocation"`
}

func validateSARIF(t *testing.T, out string) {
	t.Helper()
	path := sarifSchemaPath(t)
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		t.Skipf("SARIF schema not found at %s (set PRDLINT_SARIF_SCHEMA): schema validation skipped", path)
	}
	require.NoError(t, err)
	defer f.Close()
	schemaDoc, err := jsonschema.UnmarshalJSON(f)
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.AssertFormat() // artifact URIs must be valid URI references
	require.NoError(t, c.AddResource("sarif-schema-2.1.0.json", schemaDoc))
	schema, err := c.Compile("sarif-schema-2.1.0.json")
	require.NoError(t, err)
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	require.NoError(t, err)
	require.NoError(t, schema.Validate(inst))
}

func TestSARIFValidAndMatchesJSON(t *testing.T) {
	rep, opts := lintTestFiles(t)
	out := render(t, "sarif", rep, opts)
	validateSARIF(t, out)

	var log sarifLog
	require.NoError(t, json.Unmarshal([]byte(out), &log))
	require.Len(t, log.Runs, 1)
	run := log.Runs[0]
	assert.Equal(t, "unicodeCodePoints", run.ColumnKind)
	assert.Equal(t, "prdlint", run.Tool.Driver.Name)
	assert.Equal(t, "v1.2.3", run.Tool.Driver.Version)

	rules := run.Tool.Driver.Rules
	require.Len(t, rules, 3)
	for i, r := range opts.Rules {
		got := rules[i]
		assert.Equal(t, r.ID, got.ID)
		assert.Equal(t, r.Summary, got.ShortDescription.Text)
		assert.Equal(t, r.Doc, got.FullDescription.Text)
		assert.Contains(t, got.Help.Text, r.Bad[0])
		assert.Contains(t, got.Help.Markdown, r.Good[0])
	}
	assert.Equal(t, []string{"warning", "error", "note"},
		[]string{rules[0].DefaultConfiguration.Level, rules[1].DefaultConfiguration.Level, rules[2].DefaultConfiguration.Level})

	// Position for position with the JSON output.
	var js struct{ Diagnostics []lint.Diagnostic }
	require.NoError(t, json.Unmarshal([]byte(render(t, "json", rep, opts)), &js))
	require.Len(t, run.Results, len(js.Diagnostics))
	levels := map[string]string{"error": "error", "warning": "warning", "info": "note"}
	for i, d := range js.Diagnostics {
		r := run.Results[i]
		require.Len(t, r.Locations, 1)
		loc := r.Locations[0].PhysicalLocation
		assert.Equal(t, d.Rule, r.RuleID)
		assert.Equal(t, d.Rule, rules[r.RuleIndex].ID, "ruleIndex points at the rule")
		assert.Equal(t, levels[d.Severity.String()], r.Level)
		assert.Equal(t, d.Message, r.Message.Text)
		assert.Equal(t, strings.ReplaceAll(d.Path, " ", "%20"), loc.ArtifactLocation.URI)
		assert.Equal(t, d.Line, loc.Region.StartLine)
		assert.Equal(t, d.Column, loc.Region.StartColumn)
		assert.Equal(t, d.EndLine, loc.Region.EndLine)
		assert.Equal(t, d.EndColumn+1, loc.Region.EndColumn, "SARIF's endColumn is exclusive")
	}
	require.Len(t, run.Invocations, 1)
	assert.True(t, run.Invocations[0].ExecutionSuccessful)
}

func TestSARIFURIsAreRelativeToTheRoot(t *testing.T) {
	rep, opts := lintTestFiles(t)
	// Linted from a subdirectory of the repository: paths in the report
	// are relative to the working directory, URIs to the root.
	sub := filepath.Join(opts.Root, "docs")
	t.Chdir(sub)
	for i := range rep.Diagnostics {
		rep.Diagnostics[i].Path = strings.TrimPrefix(rep.Diagnostics[i].Path, "docs/")
	}
	out := render(t, "sarif", rep, opts)
	assert.Contains(t, out, `"uri": "docs/prd.md"`)
	assert.Contains(t, out, `"uri": "docs/other%20notes.md"`)

	// A file outside the root is named by an absolute file URI.
	opts.Root = filepath.Join(opts.Root, "elsewhere")
	out = render(t, "sarif", rep, opts)
	assert.Contains(t, out, `"uri": "file://`+filepath.ToSlash(sub)+`/prd.md"`)
	validateSARIF(t, out)
}

func TestSARIFReportsFilesThatFailed(t *testing.T) {
	rep, opts := lintTestFiles(t)
	fe := &lint.FileError{Path: "docs/missing.md", Err: os.ErrNotExist}
	rep.Errors = append(rep.Errors, fe)
	out := render(t, "sarif", rep, opts)
	validateSARIF(t, out)
	var log sarifLog
	require.NoError(t, json.Unmarshal([]byte(out), &log))
	inv := log.Runs[0].Invocations[0]
	assert.False(t, inv.ExecutionSuccessful)
	require.Len(t, inv.ToolExecutionNotifications, 1)
	assert.Equal(t, "error", inv.ToolExecutionNotifications[0].Level)
	assert.Equal(t, "file does not exist", inv.ToolExecutionNotifications[0].Message.Text)
}

// TestSARIFFingerprintsFollowTheSentence: code scanning matches alerts
// across runs by partialFingerprints, so a finding keeps its fingerprint
// when lines are added above it or its paragraph is re-wrapped, and two
// findings never share one, even on the same sentence written twice.
func TestSARIFFingerprintsFollowTheSentence(t *testing.T) {
	fingerprints := func(src string) []string {
		dir := t.TempDir()
		require.NoError(t, os.WriteFile(filepath.Join(dir, "prd.md"), []byte(src), 0o644))
		t.Chdir(dir)
		l := &lint.Linter{Rules: testRules()}
		rep := l.Lint([]string{"prd.md"})
		require.Empty(t, rep.Errors)
		out := render(t, "sarif", rep, format.Options{Rules: l.Rules, Root: dir})
		validateSARIF(t, out)
		var log sarifLog
		require.NoError(t, json.Unmarshal([]byte(out), &log))
		var fps []string
		for _, r := range log.Runs[0].Results {
			fp := r.PartialFingerprints["prdlintFinding/v1"]
			require.Len(t, fp, 32)
			fps = append(fps, fp)
		}
		return fps
	}
	base := fingerprints("# PRD\n\nWe add a column to carts.\n\nThen we use Kafka.\n\nWe add a column to carts.\n")
	require.Len(t, base, 3)
	assert.NotEqual(t, base[0], base[2], "the same sentence twice: two alerts")
	assert.Equal(t, base, fingerprints("# PRD\n\nA new paragraph of context.\n\nWe add a column\nto carts.\n\nThen we use Kafka.\n\nWe add a column to carts.\n"),
		"lines added above and a re-wrapped sentence keep the fingerprints")
	changed := fingerprints("# PRD\n\nWe add a column to orders.\n\nThen we use Kafka.\n\nWe add a column to carts.\n")
	assert.NotEqual(t, base[0], changed[0], "another sentence is another alert")
	assert.Equal(t, base[1], changed[1])
}

// TestSARIFHelpShowsExamplesAsWritten: rule help is Markdown that code
// scanning renders, so each example is a fenced block holding it exactly,
// headings, HTML comments and backticks included.
func TestSARIFHelpShowsExamplesAsWritten(t *testing.T) {
	rule := &lint.Rule{
		ID: "test-examples", Category: lint.CategoryStructure, Severity: lint.SeverityInfo,
		Summary: "Examples", Doc: "Examples of every shape.",
		Bad:  []string{"## Goals\n\n- Fast checkout.", "<!-- prdlint-disable-next-line how-code -->"},
		Good: []string{"Use ```` `code` ```` spans.", "Plain."},
		Run:  func(*lint.Pass) {},
	}
	out := render(t, "sarif", &lint.Report{}, format.Options{Rules: []*lint.Rule{rule}})
	validateSARIF(t, out)
	var log sarifLog
	require.NoError(t, json.Unmarshal([]byte(out), &log))
	help := log.Runs[0].Tool.Driver.Rules[0].Help

	src := []byte(help.Markdown)
	var blocks []string
	require.NoError(t, ast.Walk(goldmark.New().Parser().Parse(text.NewReader(src)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if fb, ok := n.(*ast.FencedCodeBlock); ok && entering {
			var b strings.Builder
			for i := 0; i < fb.Lines().Len(); i++ {
				seg := fb.Lines().At(i)
				b.Write(seg.Value(src))
			}
			blocks = append(blocks, strings.TrimSuffix(b.String(), "\n"))
		}
		return ast.WalkContinue, nil
	}))
	assert.Equal(t, append(append([]string{}, rule.Bad...), rule.Good...), blocks)
	assert.Contains(t, help.Text, "\n  ## Goals\n  \n  - Fast checkout.", "plain-text help indents every line of an example")
}
