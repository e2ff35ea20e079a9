package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const statsPRD = `# Cart

## Goals

We will add a new column to the carts table. Shoppers can pay as guests.

## Technical design

We will add a new column to the carts table.
`

func TestStatsFlag(t *testing.T) {
	path := filepath.Join(t.TempDir(), "prd.md")
	require.NoError(t, os.WriteFile(path, []byte(statsPRD), 0o644))

	out, _, code := prdlint(t, "", "lint", "--format", "json", path)
	assert.Equal(t, 1, code)
	var plain map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(out), &plain))
	assert.NotContains(t, plain, "stats", "the default JSON shape is unchanged")

	out, _, code = prdlint(t, "", "lint", "--format", "json", "--stats", path)
	assert.Equal(t, 1, code)
	var got struct {
		Diagnostics []struct {
			Line     int    `json:"line"`
			Category string `json:"category"`
		} `json:"diagnostics"`
		Stats struct {
			Files []struct {
				Path        string  `json:"path"`
				Sentences   int     `json:"sentences"`
				HowFindings int     `json:"howFindings"`
				HowShare    float64 `json:"howShare"`
				Sections    []struct {
					Section     string `json:"section"`
					Line        int    `json:"line"`
					Sentences   int    `json:"sentences"`
					HowFindings int    `json:"howFindings"`
				} `json:"sections"`
			} `json:"files"`
		} `json:"stats"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	var howLines []int
	for _, d := range got.Diagnostics {
		if d.Category == "how" {
			howLines = append(howLines, d.Line)
		}
	}
	assert.Equal(t, []int{5}, howLines, "the how-sentence under Technical design is not reported")
	require.Len(t, got.Stats.Files, 1)
	f := got.Stats.Files[0]
	assert.Equal(t, path, f.Path)
	assert.Equal(t, 3, f.Sentences)
	assert.Equal(t, 1, f.HowFindings)
	assert.Equal(t, 0.333, f.HowShare)
	require.Len(t, f.Sections, 2)
	assert.Equal(t, "Goals", f.Sections[0].Section)
	assert.Equal(t, 2, f.Sections[0].Sentences)
	assert.Equal(t, 1, f.Sections[0].HowFindings)
	assert.Equal(t, "Technical design", f.Sections[1].Section)
	assert.Equal(t, 7, f.Sections[1].Line)

	out, _, _ = prdlint(t, "", "lint", "--stats", path)
	assert.Contains(t, out, "file / section")
	assert.Regexp(t, `(?m)^  Goals +3 +2 +1 +50%$`, out)
	assert.Regexp(t, `(?m)^  Technical design +7 +1 +0 +0%$`, out)

	clean := filepath.Join(t.TempDir(), "clean.md")
	require.NoError(t, os.WriteFile(clean, []byte("Users can export reports.\n"), 0o644))
	out, _, code = prdlint(t, "", "lint", "--stats", "--quiet", clean)
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "file / section", "an explicit --stats prints its table even with --quiet")
}
