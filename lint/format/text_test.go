package format_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
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

	doc := parseXML[junitDoc](t, render(t, "junit", rep, format.Options{}))
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

// textExcerpt renders one finding on sentence, marked at mark (nil for
// none), and returns its sentence line and its caret line ("" when there
// is none), without their indent.
func textExcerpt(t *testing.T, sentence string, mark []int) (line, carets string) {
	t.Helper()
	d := lint.Diagnostic{
		Path: "prd.md", Line: 1, Column: 1, EndLine: 1, EndColumn: utf8.RuneCountInString(sentence),
		Rule: "how-tech-choice", Severity: lint.SeverityWarning, Message: "Names it.", Sentence: sentence, Mark: mark,
	}
	rep := &lint.Report{Diagnostics: []lint.Diagnostic{d}, Files: []*lint.Result{{Path: "prd.md", Diagnostics: []lint.Diagnostic{d}}}}
	lines := strings.Split(render(t, "text", rep, format.Options{}), "\n")
	require.GreaterOrEqual(t, len(lines), 3)
	line = strings.TrimPrefix(lines[1], "    ")
	if strings.Contains(lines[2], "^") {
		carets = strings.TrimPrefix(lines[2], "    ")
	}
	return line, carets
}

// TestTextExcerptOfALongSentence: a one-line sentence of 1.3 MB prints as
// an excerpt of at most 320 runes of context around the mark, cut between
// words with an ellipsis, and the carets stay under the mark.
func TestTextExcerptOfALongSentence(t *testing.T) {
	filler := strings.Repeat("shoppers want a faster checkout ", 20000)
	sentence := filler + "so use Kafka to stream " + filler
	from := strings.Index(sentence, "Kafka")
	line, carets := textExcerpt(t, sentence, []int{from, from + len("Kafka")})

	assert.Less(t, len(line), 2000, "the sentence line is bounded")
	assert.True(t, strings.HasPrefix(line, "… "), "cut between words, with an ellipsis: %q", line)
	assert.True(t, strings.HasSuffix(line, " …"), "cut between words, with an ellipsis: %q", line)
	context := utf8.RuneCountInString(line) - len("Kafka") - 2
	assert.LessOrEqual(t, context, 320)
	assert.Greater(t, context, 280, "the bound is used, not wasted")
	assert.Contains(t, sentence, strings.Trim(line, "…"), "the excerpt is a piece of the sentence")
	assert.Equal(t, strings.Repeat(" ", runewidth.StringWidth("…")+strings.Index(line, "Kafka")-len("…"))+"^^^^^", carets,
		"the ellipsis's columns, then one per character before the mark")
}

// TestTextExcerpts: a sentence is printed whole unless its context is
// longer than the bound, and cut only where it is; the carets stay under
// the mark in display columns, however the sentence is cut.
func TestTextExcerpts(t *testing.T) {
	words := func(n int) string { return strings.TrimSpace(strings.Repeat("word ", n)) }
	wide := strings.Repeat("表格", 400) // no spaces: cut between runes
	tests := []struct {
		name          string
		sentence      string
		mark          string // "" for none
		whole         bool
		leading, tail bool // ellipsis before, after
	}{
		{"ordinary", "We will use Kafka to stream cart changes.", "Kafka", true, false, false},
		{"320 runes of context", words(30) + " Kafka " + words(33), "Kafka", true, false, false},
		{"mark near the start", "Use Kafka " + words(200), "Kafka", false, false, true},
		{"mark near the end", words(200) + " with Kafka.", "Kafka", false, true, false},
		{"nothing marked", words(200), "", false, false, true},
		{"short nothing marked", "Shoppers can pay as guests.", "", true, false, false},
		{"wide characters", wide + "Kafka" + wide, "Kafka", false, true, true},
		{"long mark", "Use " + strings.Repeat("x", 1000) + " now.", strings.Repeat("x", 1000), false, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var mark []int
			if tt.mark != "" {
				i := strings.Index(tt.sentence, tt.mark)
				mark = []int{i, i + len(tt.mark)}
			}
			line, carets := textExcerpt(t, tt.sentence, mark)
			if tt.whole {
				assert.Equal(t, tt.sentence, line)
			}
			assert.Equal(t, tt.leading, strings.HasPrefix(line, "…"), "ellipsis before: %q", line)
			assert.Equal(t, tt.tail, strings.HasSuffix(line, "…"), "ellipsis after: %q", line)
			assert.LessOrEqual(t, utf8.RuneCountInString(line), 320+len("Kafka")+2)
			assert.Contains(t, tt.sentence, strings.Trim(line, "…"), "the excerpt is a piece of the sentence")
			assert.NotContains(t, line, "……")
			const bound, slack = 320, 20 // the documented bound, and how far a cut may back off to a space
			if !tt.whole && len(tt.mark) < bound {
				// What one side does not need goes to the other: a cut
				// excerpt shows nearly the whole bound of context.
				context := utf8.RuneCountInString(strings.Trim(line, "…")) - utf8.RuneCountInString(tt.mark)
				assert.GreaterOrEqual(t, context, bound-2*slack, "context shown: %q", line)
			}
			if tt.mark == "" {
				assert.Empty(t, carets)
				return
			}
			// The carets start under the mark's first character and span
			// the shown part of it, counted in display cells.
			at := strings.Index(line, tt.mark[:5])
			require.GreaterOrEqual(t, at, 0)
			pad := runewidth.StringWidth(line[:at])
			assert.Equal(t, strings.Repeat(" ", pad), carets[:pad])
			n := strings.Count(carets, "^")
			assert.Equal(t, strings.Repeat("^", n), carets[pad:])
			under := line[at:]
			for i := range under {
				if runewidth.StringWidth(under[:i]) == n {
					under = under[:i]
					break
				}
			}
			assert.True(t, strings.HasPrefix(tt.mark, under), "the carets are under the mark and nothing else: %q", under)
			assert.Positive(t, n)
		})
	}
}
