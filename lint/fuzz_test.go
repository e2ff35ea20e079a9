package lint_test

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/prdlint/prdlint/lint"
	"github.com/prdlint/prdlint/lint/linttest"
)

// fuzzShapes are hand-picked shapes (byte-order mark, CR and CRLF
// endings, front matter, tables, deep nesting, HTML comments, tabs inside
// block quotes) added to the example PRDs as fuzz seeds.
var fuzzShapes = []string{
	"",
	"\xEF\xBB\xBF# Title\n\nUse Kafka.\n",
	"First line.\rUse Kafka.\r",
	"# T\r\n\r\nUse Kafka.\r\nThen\nRedis.\r",
	"---\ntitle: x\n---\n",
	"---\n: [\n---\nWe will add a column.\n",
	"| A | B |\n|---|---|\n| x | Use Redis. |\n",
	"> > - 1. > Use Kafka. Then Redis.\n",
	">\t# x\n>\tUse Kafka.\n",
	"> <!-- prdlint-disable-next-line\n> how-infrastructure -->\n> Use Kafka.\n",
	"> > <!--\r\n> >prdlint-disable a,\r>  b -->\r\n",
	"a <!-- x --> b <!--\n- c -->\n<!-- d",
	"We **must** use [Kafka](http://k.io) `code` and ![img](x.png) <http://a.b>.\n",
	"Résumé — für alle. Use Kafka in the U.S. at 300 ms. Next.\n",
	"Setext\n===\n\n    code\n\n```\nfence\n",
}

// FuzzParse checks that any byte string parses into a document whose
// sentences and comments lie inside the source, in order, with positions
// that agree with the line index, and that parsing is deterministic.
func FuzzParse(f *testing.F) {
	linttest.AddFuzzSeeds(f, filepath.Join("..", "testdata", "prds"), fuzzShapes...)
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, _ := lint.Parse("f.md", src)
		linttest.CheckDocument(t, doc)
		for _, d := range lint.Directives(doc) {
			for i, id := range d.Rules {
				// A rule ID with a place in the source is found there.
				if start := d.RuleOffsets[i]; start >= 0 {
					if end := start + len(id); end > len(src) || string(src[start:end]) != id {
						t.Fatalf("rule ID %q of the directive %q is at [%d,%d) of the source", id, d.Comment.Text, start, end)
					}
				}
			}
		}
		again, _ := lint.Parse("f.md", src)
		if !reflect.DeepEqual(sentenceSpans(doc), sentenceSpans(again)) {
			t.Fatalf("two parses of the same source differ")
		}
	})
}

type sentenceSpan struct {
	Text                                         string
	Start, End, Line, Column, EndLine, EndColumn int
}

func sentenceSpans(doc *lint.Document) []sentenceSpan {
	var out []sentenceSpan
	for _, s := range doc.Sentences() {
		out = append(out, sentenceSpan{s.Text, s.Start, s.End, s.Line, s.Column, s.EndLine, s.EndColumn})
	}
	return out
}
