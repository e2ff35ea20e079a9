package lsp

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/prdlint/prdlint/lint"
)

// TestSuppressionKeepsTheDocument applies the quick fix to each kind of
// block and checks where the comment lands and that the engine still sees
// the same blocks, with the comment where the suppression looks for it.
func TestSuppressionKeepsTheDocument(t *testing.T) {
	tests := []struct {
		name, src, want, directive string
	}{
		{"paragraph", "# Plan\n\nWe pick Kafka now.\n",
			"# Plan\n\n<!-- prdlint-disable-next-line no-kafka -->\nWe pick Kafka now.\n", "prdlint-disable-next-line"},
		{"heading", "# Kafka plan\n\nText.\n",
			"<!-- prdlint-disable-next-line no-kafka -->\n# Kafka plan\n\nText.\n", "prdlint-disable-next-line"},
		{"nested list item", "- Shoppers pay.\n  - We pick Kafka now.\n",
			"- Shoppers pay.\n  <!-- prdlint-disable-next-line no-kafka -->\n  - We pick Kafka now.\n", "prdlint-disable-next-line"},
		{"tab-indented ordered item", "1. Shoppers pay.\n\t1. We pick Kafka now.\n",
			"1. Shoppers pay.\n\t<!-- prdlint-disable-next-line no-kafka -->\n\t1. We pick Kafka now.\n", "prdlint-disable-next-line"},
		{"block quote", "> We pick Kafka now.\n",
			"> <!-- prdlint-disable-next-line no-kafka -->\n> We pick Kafka now.\n", "prdlint-disable-next-line"},
		{"list in a quote", "> - We pick Kafka now.\n",
			"> <!-- prdlint-disable-next-line no-kafka -->\n> - We pick Kafka now.\n", "prdlint-disable-next-line"},
		{"CRLF", "Intro.\r\n\r\nWe pick Kafka now.\r\n",
			"Intro.\r\n\r\n<!-- prdlint-disable-next-line no-kafka -->\r\nWe pick Kafka now.\r\n", "prdlint-disable-next-line"},
		{"CRLF, the last line without a break", "Intro.\r\n\r\nWe pick Kafka now.",
			"Intro.\r\n\r\n<!-- prdlint-disable-next-line no-kafka -->\r\nWe pick Kafka now.", "prdlint-disable-next-line"},
		{"paragraph continuation", "Shoppers pay.\nWe pick Kafka now.\n",
			"Shoppers pay.\nWe pick Kafka now. <!-- prdlint-disable-line no-kafka -->\n", "prdlint-disable-line"},
		{"table cell", "| Need | Notes |\n|---|---|\n| Pay | We pick Kafka now. |\n",
			"| Need | Notes |\n|---|---|\n| Pay | We pick Kafka now. <!-- prdlint-disable-line no-kafka --> |\n", "prdlint-disable-line"},
	}
	l := kafkaLinter()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := l.LintSource("x.md", []byte(tt.src))
			require.Len(t, before.Diagnostics, 1)
			f := &before.Diagnostics[0]
			x := newText(tt.src)
			for _, enc := range []Encoding{UTF8, UTF16} {
				edit, directive, ok := suppression(x, before.Doc, f, enc)
				require.True(t, ok)
				assert.Equal(t, tt.directive, directive)
				start := x.offset(edit.Range.Start, enc)
				require.Equal(t, start, x.offset(edit.Range.End, enc), "an insertion")
				got := tt.src[:start] + edit.NewText + tt.src[start:]
				assert.Equal(t, tt.want, got, enc)
			}

			after := l.LintSource("x.md", []byte(tt.want))
			require.Len(t, after.Diagnostics, 1)
			assert.Equal(t, blockShape(before.Doc), blockShape(after.Doc), "same blocks, lists and quotes")
			require.Len(t, after.Doc.Comments, 1)
			c := after.Doc.Comments[0]
			assert.Contains(t, c.Text, tt.directive+" no-kafka")
			if tt.directive == "prdlint-disable-next-line" {
				assert.Equal(t, after.Diagnostics[0].Line-1, c.EndLine, "the comment is on the line above")
				assert.False(t, c.Inline)
			} else {
				assert.Equal(t, after.Diagnostics[0].Line, c.Line, "the comment is on the finding's line")
			}
		})
	}
}

// TestNoSuppressionWhereItWouldBreak: no quick fix is offered where the
// comment could not silence the finding or would change the document.
func TestNoSuppressionWhereItWouldBreak(t *testing.T) {
	tests := []struct{ name, src string }{
		{"inside a code span", "The plan is fine.\nWe pick `Kafka\nnow` for it.\n"},
		{"after a backslash hard break", "The plan is fine.\nWe pick Kafka now.\\\nThen more.\n"},
		{"after a two-space hard break", "The plan is fine.\nWe pick Kafka now.  \nThen more.\n"},
	}
	l := kafkaLinter()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := l.LintSource("x.md", []byte(tt.src))
			require.Len(t, res.Diagnostics, 1)
			_, _, ok := suppression(newText(tt.src), res.Doc, &res.Diagnostics[0], UTF16)
			assert.False(t, ok)
		})
	}

	src := "---\ntitle: Plan\n---\n\nWe pick Kafka now.\n"
	res := l.LintSource("x.md", []byte(src))
	require.Len(t, res.Diagnostics, 1)
	directive := res.Diagnostics[0]
	directive.Category, directive.Line = lint.CategoryDirective, 5
	_, _, ok := suppression(newText(src), res.Doc, &directive, UTF16)
	assert.False(t, ok, "a directive problem")
	inFrontMatter := res.Diagnostics[0]
	inFrontMatter.Line = 2
	_, _, ok = suppression(newText(src), res.Doc, &inFrontMatter, UTF16)
	assert.False(t, ok, "a finding in the front matter")
	_, _, ok = suppression(newText(src), res.Doc, &res.Diagnostics[0], UTF16)
	assert.True(t, ok, "the prose below it")
}

type shape struct {
	kind   lint.BlockKind
	inList bool
	quote  int
	text   string
}

func blockShape(d *lint.Document) []shape {
	var out []shape
	for _, b := range d.Blocks {
		out = append(out, shape{b.Kind, b.InList, b.Quote, strings.TrimSpace(b.Text)})
	}
	return out
}
