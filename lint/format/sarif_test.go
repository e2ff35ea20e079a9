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

	"github.com/prdlint/prdlint/lint"
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
			RuleID    string                `json:"ruleId"`
			RuleIndex int                   `json:"ruleIndex"`
			Level     string                `json:"level"`
			Message   struct{ Text string } `json:"message"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct{ URI string } `json:"artifactLocation"`
					Region           struct {
						StartLine, StartColumn, EndLine, EndColumn int
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
		} `json:"results"`
		Invocations []struct {
			ExecutionSuccessful        bool `json:"executionSuccessful"`
			ToolExecutionNotifications []struct {
				Level   string
				Message struct{ Text string }
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
	} `json:"runs"`
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
