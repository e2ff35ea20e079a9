package format_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/prdlint/prdlint/lint"
)

// reportSchema compiles report.schema.json, the published shape of the
// json format.
func reportSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("report.schema.json")
	require.NoError(t, err)
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	require.NoError(t, c.AddResource("report.schema.json", doc))
	s, err := c.Compile("report.schema.json")
	require.NoError(t, err)
	return s
}

func validateReport(t *testing.T, s *jsonschema.Schema, name, out string) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	require.NoError(t, err, name)
	assert.NoError(t, s.Validate(inst), name)
}

// TestJSONMatchesSchema: what the json format writes, with errors and
// statistics, and the example PRDs' golden reports, validate against the
// published schema; and the schema rejects what a consumer must not see.
func TestJSONMatchesSchema(t *testing.T) {
	s := reportSchema(t)
	// Found before lintTestFiles changes the working directory.
	golden, err := filepath.Glob(filepath.Join("..", "..", "testdata", "golden", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, golden)
	for i, p := range golden {
		golden[i], err = filepath.Abs(p)
		require.NoError(t, err)
	}
	rep, opts := lintTestFiles(t)
	validateReport(t, s, "findings", render(t, "json", rep, opts))

	rep.Errors = append(rep.Errors, &lint.FileError{Path: "bad.md", Err: &lint.EncodingError{Line: 3, Column: 14}})
	opts.Stats = true
	validateReport(t, s, "errors and stats", render(t, "json", rep, opts))
	validateReport(t, s, "nothing found", render(t, "json", &lint.Report{}, opts))

	for _, p := range golden {
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		validateReport(t, s, p, string(b))
	}

	for name, bad := range map[string]string{
		"no diagnostics":      `{}`,
		"column 0":            `{"diagnostics": [{"path": "a.md", "line": 1, "column": 0, "endLine": 1, "endColumn": 2, "rule": "how-code", "category": "how", "severity": "warning", "message": "m", "sentence": "s", "confidence": 0.5}]}`,
		"severity off":        `{"diagnostics": [{"path": "a.md", "line": 1, "column": 1, "endLine": 1, "endColumn": 2, "rule": "how-code", "category": "how", "severity": "off", "message": "m", "sentence": "s", "confidence": 0.5}]}`,
		"confidence over one": `{"diagnostics": [{"path": "a.md", "line": 1, "column": 1, "endLine": 1, "endColumn": 2, "rule": "how-code", "category": "how", "severity": "info", "message": "m", "sentence": "s", "confidence": 1.5}]}`,
		"unknown member":      `{"diagnostics": [], "extra": 1}`,
		"empty errors":        `{"diagnostics": [], "errors": []}`,
		"error on two lines":  `{"diagnostics": [], "errors": [{"path": "a.md", "message": "front matter:\nline 2"}]}`,
	} {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		require.NoError(t, err, name)
		assert.Error(t, s.Validate(inst), name)
	}
}

// TestSchemaNamesEveryDiagnosticField: a member added to lint.Diagnostic's
// JSON must be added to the schema too, and the schema names no member
// the type does not have.
func TestSchemaNamesEveryDiagnosticField(t *testing.T) {
	b, err := os.ReadFile("report.schema.json")
	require.NoError(t, err)
	var doc struct {
		Defs struct {
			Diagnostic struct {
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"diagnostic"`
		} `json:"$defs"`
	}
	require.NoError(t, json.Unmarshal(b, &doc))
	var inSchema []string
	for k := range doc.Defs.Diagnostic.Properties {
		inSchema = append(inSchema, k)
	}
	var inType []string
	typ := reflect.TypeFor[lint.Diagnostic]()
	for i := range typ.NumField() {
		name, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			inType = append(inType, name)
		}
	}
	sort.Strings(inSchema)
	sort.Strings(inType)
	assert.Equal(t, inType, inSchema)
}
