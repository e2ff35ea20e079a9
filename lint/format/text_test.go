package format_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/prdlint/prdlint/lint"
	"github.com/prdlint/prdlint/lint/format"
)

func TestTextMarksTheSentenceAndHints(t *testing.T) {
	rep, opts := lintTestFiles(t)
	out := render(t, "text", rep, opts)
	assert.NotContains(t, out, "\x1b[", "no colour unless asked")
	blocks := strings.Split(strings.TrimSuffix(out, "\n"), "\n\n")
	require.Len(t, blocks, 6, "five findings and the summary")

	// The carets sit under the marked word, counted in display cells: the
	// two wide characters before "Kafka" take two cells each.
	assert.Equal(t, strings.Join([]string{
		"docs/prd.md:8:3: error test-kafka: Names Kafka.",
		"    表格 Use Kafka to stream.",
		"             ^^^^^",
		"    hint: What must it achieve?",
	}, "\n"), blocks[4])
	assert.Equal(t, strings.Join([]string{
		"docs/prd.md:3:17: warning test-column: Names \"column\" at 100%: tables, rows & <keys>.",
		"    Ünïcode 𐐀 then we add a column to carts.",
		"                            ^^^^^^",
		"    hint: What must it achieve?",
	}, "\n"), blocks[2], "the message is shown without the hint, which has its own line")
	assert.Equal(t, "3 files, 5 findings: 1 error, 3 warnings, 1 info", blocks[5])
}

func TestTextColourAndQuiet(t *testing.T) {
	rep, opts := lintTestFiles(t)
	opts.Color = true
	out := render(t, "text", rep, opts)
	assert.Contains(t, out, "\x1b[4m\x1b[1mKafka\x1b[0m", "the marked part is underlined")
	assert.Contains(t, out, "\x1b[31m\x1b[1merror\x1b[0m")

	opts.Color = false
	opts.Quiet = true
	assert.NotEmpty(t, render(t, "text", rep, opts), "--quiet still prints findings")
	clean := &lint.Report{Files: []*lint.Result{{Path: "clean.md"}}}
	assert.Empty(t, render(t, "text", clean, opts), "--quiet prints nothing when clean")
	opts.Quiet = false
	assert.Equal(t, "1 file, 0 findings: 0 errors, 0 warnings, 0 infos\n", render(t, "text", clean, opts))

	clean.Errors = []*lint.FileError{{Path: "bad.md", Err: assert.AnError}}
	clean.Files = append(clean.Files, &lint.Result{Path: "bad.md", Err: clean.Errors[0]})
	assert.Equal(t, "1 file, 0 findings: 0 errors, 0 warnings, 0 infos; 1 file not linted\n", render(t, "text", clean, opts))
}

// TestControlCharactersFromTheDocument: control characters in a sentence
// are shown as their pictures in text (one column each, so the carets stay
// under the mark) and replaced in JUnit's character data, which XML does
// not allow them in.
func TestControlCharactersFromTheDocument(t *testing.T) {
	sentence := "We will use Kafka\x01 to \x1b[31mstream\x0c events."
	d := lint.Diagnostic{
		Path: "prd.md", Line: 3, Column: 1, EndLine: 3, EndColumn: 42,
		Rule: "how-tech-choice", Category: lint.CategoryHow, Severity: lint.SeverityWarning,
		Message: "Names \"Kafka\x01\".", Sentence: sentence, Mark: []int{12, 18},
	}
	rep := &lint.Report{Diagnostics: []lint.Diagnostic{d}, Files: []*lint.Result{{Path: "prd.md", Diagnostics: []lint.Diagnostic{d}}}}

	out := render(t, "text", rep, format.Options{})
	assert.NotContains(t, out, "\x1b")
	assert.NotContains(t, out, "\x01")
	lines := strings.Split(out, "\n")
	require.GreaterOrEqual(t, len(lines), 3)
	assert.Equal(t, "prd.md:3:1: warning how-tech-choice: Names \"Kafka\u2401\".", lines[0])
	assert.Equal(t, "    We will use Kafka\u2401 to \u241b[31mstream\u240c events.", lines[1])
	assert.Equal(t, "                ^^^^^^", lines[2], "one caret a character, the picture included")

	doc := parseJUnit(t, render(t, "junit", rep, format.Options{}))
	require.Len(t, doc.Suites, 1)
	require.Len(t, doc.Suites[0].Cases, 1)
	body := doc.Suites[0].Cases[0].Failure.Body
	assert.Contains(t, body, "We will use Kafka\uFFFD to \uFFFD[31mstream\uFFFD events.")
}

// TestTextSummaryCountsReadAsEnglish: every count in the summary line
// agrees in number with its noun, one or many.
func TestTextSummaryCountsReadAsEnglish(t *testing.T) {
	finding := func(sev lint.Severity) lint.Diagnostic {
		return lint.Diagnostic{Path: "a.md", Line: 1, Column: 1, EndLine: 1, EndColumn: 1, Rule: "r", Severity: sev, Message: "m."}
	}
	tests := []struct {
		name       string
		severities []lint.Severity
		files      []*lint.Result
		want       string
	}{
		{"none", nil, []*lint.Result{{Path: "a.md"}}, "1 file, 0 findings: 0 errors, 0 warnings, 0 infos"},
		{"one of each", []lint.Severity{lint.SeverityError, lint.SeverityWarning, lint.SeverityInfo}, []*lint.Result{{Path: "a.md"}},
			"1 file, 3 findings: 1 error, 1 warning, 1 info"},
		{"several", []lint.Severity{lint.SeverityWarning, lint.SeverityWarning, lint.SeverityInfo, lint.SeverityInfo},
			[]*lint.Result{{Path: "a.md"}, {Path: "b.md"}}, "2 files, 4 findings: 0 errors, 2 warnings, 2 infos"},
		{"one finding", []lint.Severity{lint.SeverityError}, []*lint.Result{{Path: "a.md"}},
			"1 file, 1 finding: 1 error, 0 warnings, 0 infos"},
		{"files with errors", nil, []*lint.Result{
			{Path: "a.md", Err: &lint.FileError{Path: "a.md", Err: assert.AnError}, Linted: true},
			{Path: "b.md", Err: &lint.FileError{Path: "b.md", Err: assert.AnError}, Linted: true},
			{Path: "c.md", Err: &lint.FileError{Path: "c.md", Err: assert.AnError}},
		}, "2 files, 0 findings: 0 errors, 0 warnings, 0 infos; 2 files linted despite an error; 1 file not linted"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := &lint.Report{Files: tt.files}
			for _, s := range tt.severities {
				rep.Diagnostics = append(rep.Diagnostics, finding(s))
			}
			out := render(t, "text", rep, format.Options{})
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			assert.Equal(t, tt.want, lines[len(lines)-1])
		})
	}
}
