package lint

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type span struct {
	Text                             string
	Line, Column, EndLine, EndColumn int
}

func spans(t *testing.T, src string) []span {
	t.Helper()
	doc, err := Parse("t.md", []byte(src))
	require.NoError(t, err)
	var out []span
	for _, s := range doc.Sentences() {
		out = append(out, span{s.Text, s.Line, s.Column, s.EndLine, s.EndColumn})
	}
	return out
}

func TestSentencePositions(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []span
	}{
		{"paragraph", "One here. Two there.\n",
			[]span{{"One here.", 1, 1, 1, 9}, {"Two there.", 1, 11, 1, 20}}},
		{"soft line break joins a sentence", "We will\nreplicate it.\n",
			[]span{{"We will replicate it.", 1, 1, 2, 13}}},
		{"a code span is never split", "- Subtitle: `Enter an e-mail. It will appear on your profile.` Then save. Done.\n",
			[]span{{"Subtitle: Enter an e-mail. It will appear on your profile.", 1, 3, 1, 61}, {"Then save.", 1, 64, 1, 73}, {"Done.", 1, 75, 1, 79}}},
		{"a code span ending in a period ends no sentence when the text goes on", "Show the banner `Payment failed. Try again.` to the shopper. Then log it.\n",
			[]span{{"Show the banner Payment failed. Try again. to the shopper.", 1, 1, 1, 60}, {"Then log it.", 1, 62, 1, 73}}},
		{"but it may before a capital", "Run `make test.` Then deploy.\n",
			[]span{{"Run make test.", 1, 1, 1, 15}, {"Then deploy.", 1, 18, 1, 29}}},
		{"heading", "## Goals and non-goals\n",
			[]span{{"Goals and non-goals", 1, 4, 1, 22}}},
		{"nested list", "- a\n  - b\n    - Use Kafka now.\n",
			[]span{{"a", 1, 3, 1, 3}, {"b", 2, 5, 2, 5}, {"Use Kafka now.", 3, 7, 3, 20}}},
		{"block quote", "> > Add a column.\n",
			[]span{{"Add a column.", 1, 5, 1, 17}}},
		{"table cells", "| A | B |\n|---|---|\n| x | Use Redis. |\n",
			[]span{{"A", 1, 3, 1, 3}, {"B", 1, 7, 1, 7}, {"x", 3, 3, 3, 3}, {"Use Redis.", 3, 7, 3, 16}}},
		{"multibyte before", "Résumé — für alle. Use Kafka.\n",
			[]span{{"Résumé — für alle.", 1, 1, 1, 18}, {"Use Kafka.", 1, 20, 1, 29}}},
		{"a stray continuation byte is a character of its own", "Add\n\xa9\n",
			[]span{{"Add \xa9", 1, 1, 2, 1}}},
		{"multibyte last character", "## Über uns — Ziele ✓\n",
			[]span{{"Über uns — Ziele ✓", 1, 4, 1, 21}}},
		{"CRLF", "# T\r\n\r\nUse Kafka.\r\nThen Redis.\r\n",
			[]span{{"T", 1, 3, 1, 3}, {"Use Kafka.", 3, 1, 3, 10}, {"Then Redis.", 4, 1, 4, 11}}},
		{"CRLF sentence across lines", "We will\r\nreplicate it.\r\n",
			[]span{{"We will replicate it.", 1, 1, 2, 13}}},
		{"tab inside a line", "-\tUse\tKafka.\n",
			[]span{{"Use\tKafka.", 1, 3, 1, 12}}},
		{"emphasis and link text", "We **must** use [Kafka](http://k.io/use-redis).\n",
			[]span{{"We must use Kafka.", 1, 1, 1, 47}}},
		{"code span kept, backticks not", "Add a `guest_token` column.\n",
			[]span{{"Add a guest_token column.", 1, 1, 1, 27}}},
		{"abbreviations do not end sentences", "Use a cache, e.g. Redis vs. Memcached, in the U.S. region at 99.95% and v1.2 with p99 of 300 ms. Next.\n",
			[]span{{"Use a cache, e.g. Redis vs. Memcached, in the U.S. region at 99.95% and v1.2 with p99 of 300 ms.", 1, 1, 1, 96}, {"Next.", 1, 98, 1, 102}}},
		{"a period after a code span or a dotted name ends a sentence", "Read `config.yaml`. Then start (see `a.b`). Serve example.com. Ship v1.21. Next.\n",
			[]span{{"Read config.yaml.", 1, 1, 1, 19}, {"Then start (see a.b).", 1, 21, 1, 43}, {"Serve example.com.", 1, 45, 1, 62}, {"Ship v1.21.", 1, 64, 1, 74}, {"Next.", 1, 76, 1, 80}}},
		{"single-letter abbreviations stay inside", "A Ph.D. Student at 9 a.m. Monday uses e.g. Redis.\n",
			[]span{{"A Ph.D. Student at 9 a.m. Monday uses e.g. Redis.", 1, 1, 1, 49}}},
		{"e.g. before a capital does not end a sentence", "It is faster than e.g. Translation models. Next.\n",
			[]span{{"It is faster than e.g. Translation models.", 1, 1, 1, 42}, {"Next.", 1, 44, 1, 48}}},
		{"eg., ie. and nr. do not end a sentence", "A hook (ie. a post-start hook) runs, eg. kubelet and nr. 5 jobs.\n",
			[]span{{"A hook (ie. a post-start hook) runs, eg. kubelet and nr. 5 jobs.", 1, 1, 1, 64}}},
		{"task list checkbox is not prose", "- [ ] Use Kafka.\n- [x] Done.\n",
			[]span{{"Use Kafka.", 1, 7, 1, 16}, {"Done.", 2, 7, 2, 11}}},
		{"a quotation is never split", "It holds several fields: \"`a.b`. `c.d`. E.g.: `e.f`.\" Next. He said \u201cStop. Now.\u201d Then.\n",
			[]span{{"It holds several fields: \"a.b. c.d. E.g.: e.f.\"", 1, 1, 1, 53}, {"Next.", 1, 55, 1, 59}, {"He said \u201cStop. Now.\u201d", 1, 61, 1, 80}, {"Then.", 1, 82, 1, 86}}},
		{"an unclosed quotation mark joins nothing", "The screen is 5\" wide. Use Kafka. Then Redis.\n",
			[]span{{"The screen is 5\" wide.", 1, 1, 1, 22}, {"Use Kafka.", 1, 24, 1, 33}, {"Then Redis.", 1, 35, 1, 45}}},
		{"quotation marks in code spans do not count", "Set `x=\"a`. Use Kafka. Then `\"` ends.\n",
			[]span{{"Set x=\"a.", 1, 1, 1, 11}, {"Use Kafka.", 1, 13, 1, 22}, {"Then \" ends.", 1, 24, 1, 37}}},
		{"byte-order mark", "\xEF\xBB\xBF# Title\n\nUse Kafka.\n",
			[]span{{"Title", 1, 3, 1, 7}, {"Use Kafka.", 3, 1, 3, 10}}},
		{"byte-order mark before an indented heading", "\xEF\xBB\xBF # Title\n\n   - Use Kafka.\n",
			[]span{{"Title", 1, 4, 1, 8}, {"Use Kafka.", 3, 6, 3, 15}}},
		{"CR only", "First line.\rUse Kafka.\r",
			[]span{{"First line.", 1, 1, 1, 11}, {"Use Kafka.", 2, 1, 2, 10}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, spans(t, tt.src))
		})
	}
}

func TestNotProse(t *testing.T) {
	src := "---\ntitle: Use Kafka\n---\n\n```\nUse Redis.\n```\n\n    Use MySQL.\n\n<div>\nUse Mongo.\n</div>\n\n<!-- Use Cassandra. -->\n\nSee <https://use-kafka.example> now.\n\n![Use Kafka](x.png)\n"
	doc, err := Parse("t.md", []byte(src))
	require.NoError(t, err)
	var texts []string
	for _, s := range doc.Sentences() {
		texts = append(texts, s.Text)
	}
	assert.Equal(t, []string{"See   now."}, texts)
	assert.Equal(t, "Use Kafka", doc.Meta["title"])
	require.Len(t, doc.Comments, 1)
	assert.Equal(t, "Use Cassandra.", doc.Comments[0].Text)
	assert.Equal(t, 15, doc.Comments[0].Line)
}

// TestSentenceEndsPunktMisreads: where the tokenizer ends a sentence
// that goes on, or runs one into the next, real PRD sentences are cut as
// they read.
func TestSentenceEndsPunktMisreads(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"lower case after a closing bracket", "We need this (iterations, new features, etc.) to improve this product.\n",
			[]string{"We need this (iterations, new features, etc.) to improve this product."}},
		{"lower case after a closing quote", "It is hard (ie not wanting to lose money!) play a role. We got \u201cWhat might I be eligible for?\u201d to action on it.\n",
			[]string{"It is hard (ie not wanting to lose money!) play a role.", "We got \u201cWhat might I be eligible for?\u201d to action on it."}},
		{"a code span in brackets", "The root is written as (`.`) should they wish to.\n", []string{"The root is written as (.) should they wish to."}},
		{"a code span after a bracket starts a sentence", "We use Kafka (the broker). `npm` is what we use.\n",
			[]string{"We use Kafka (the broker).", "npm is what we use."}},
		{"an enumerator in bold", "**1. Track prereq changes.** Then more.\n", []string{"1. Track prereq changes.", "Then more."}},
		{"numbered steps in a sentence", "It involves: 1.) setting up a proxy 2.) fetching results.\n", []string{"It involves: 1.) setting up a proxy 2.) fetching results."}},
		{"a word in capitals", "This is used across the VA. Each administration has its own.\n",
			[]string{"This is used across the VA.", "Each administration has its own."}},
		{"etc. before a capital", "We also list apps, etc. Future versions differ.\n", []string{"We also list apps, etc.", "Future versions differ."}},
		{"No. as an answer, and as a number", "No. It is the opposite. See item No. 5 for details.\n",
			[]string{"No.", "It is the opposite.", "See item No. 5 for details."}},
		{"dotted capitals stay whole", "This happens in the U.S. Army sometimes.\n", []string{"This happens in the U.S. Army sometimes."}},
		{"a hard line break before a capital", "Translation phases  \nTranslation goes through four phases:\n",
			[]string{"Translation phases", "Translation goes through four phases:"}},
		{"labels on lines of their own", "Daily: 6 AM UTC\\\nWeekly: Fridays 6 AM UTC\n", []string{"Daily: 6 AM UTC", "Weekly: Fridays 6 AM UTC"}},
		{"a hard line break before lower case", "Shoppers pay  \nas guests.\n", []string{"Shoppers pay as guests."}},
		{"a <br> between lines", "Patched for scale-down<br />The downward API volume is new.\n",
			[]string{"Patched for scale-down", "The downward API volume is new."}},
		{"a <br> inside a sentence", "Shoppers pay<br>as guests.\n", []string{"Shoppers pay as guests."}},
		{"a GitHub alert's marker", "> [!WARNING]\n> Multi-proof overhead is high.\n", []string{"Multi-proof overhead is high."}},
		{"a marker on a line of its own", "> [!NOTE]  \n> Keywords are defined below.\n", []string{"Keywords are defined below."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("t.md", []byte(tt.src))
			require.NoError(t, err)
			var got []string
			for _, s := range doc.Sentences() {
				got = append(got, s.Text)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestTableOfContentsIsNotProse: a paragraph that is only a link to a
// place in the same document (a table of contents entry, in a list or a
// task list) holds no sentence; a link with words around it, or to
// another document, is prose.
func TestTableOfContentsIsNotProse(t *testing.T) {
	src := "# Plan\n\n- [Goals](#goals)\n  - [Use Kafka for streams](#use-kafka)\n- [ ] [Use Redis](#redis)\n" +
		"- [Use Kafka](https://kafka.apache.org) for streams.\n- See [the goals](#goals).\n- [Design](design.md)\n\n## Goals\n\nShoppers pay.\n"
	doc, err := Parse("t.md", []byte(src))
	require.NoError(t, err)
	var texts []string
	for _, s := range doc.Sentences() {
		texts = append(texts, s.Text)
	}
	assert.Equal(t, []string{"Plan", "Use Kafka for streams.", "See the goals.", "Design", "Goals", "Shoppers pay."}, texts)
}

func TestThematicBreakAfterTitleIsNotFrontMatter(t *testing.T) {
	doc, err := Parse("t.md", []byte("# Title\n---\n\n## Problem\n\nCarts get lost.\n\n---\n\nMore.\n"))
	require.NoError(t, err)
	var texts []string
	for _, s := range doc.Sentences() {
		texts = append(texts, s.Text)
	}
	assert.Equal(t, []string{"Title", "Problem", "Carts get lost.", "More."}, texts)
	assert.Nil(t, doc.Meta)
}

// TestFrontMatterFound: front matter is kept out of the prose and decoded
// after a byte-order mark, with trailing spaces on its delimiter lines, with
// CRLF endings and in TOML; an opening "---" that nothing closes is a
// thematic break, not front matter swallowing the document.
func TestFrontMatterFound(t *testing.T) {
	tests := []struct {
		name, src string
		meta      map[string]any
		sentences []string
		line      int // of the last sentence
	}{
		{"YAML", "---\ntitle: Checkout\n---\n\nCarts get lost.\n", map[string]any{"title": "Checkout"}, []string{"Carts get lost."}, 5},
		{"after a byte-order mark", "\xEF\xBB\xBF---\ntitle: Checkout\n---\n\nCarts get lost.\n", map[string]any{"title": "Checkout"}, []string{"Carts get lost."}, 5},
		{"trailing spaces", "---  \ntitle: Checkout\n--- \t\n\nCarts get lost.\n", map[string]any{"title": "Checkout"}, []string{"Carts get lost."}, 5},
		{"CRLF", "---\r\ntitle: Checkout\r\n---\r\n\r\nCarts get lost.\r\n", map[string]any{"title": "Checkout"}, []string{"Carts get lost."}, 5},
		{"TOML", "+++\ntitle = \"Checkout\"\n+++\n\nCarts get lost.\n", map[string]any{"title": "Checkout"}, []string{"Carts get lost."}, 5},
		{"a longer run is a thematic break", "-----\n\nCarts get lost.\n\n-----\n", nil, []string{"Carts get lost."}, 3},
		{"never closed", "---\n\n# Title\n\nWe will use Kafka to stream events.\n", nil, []string{"Title", "We will use Kafka to stream events."}, 5},
		{"a description that is not front matter", "# Title\n---\n\nCarts get lost.\n", nil, []string{"Title", "Carts get lost."}, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("t.md", []byte(tt.src))
			require.NoError(t, err)
			assert.Equal(t, tt.meta, doc.Meta)
			var texts []string
			for _, s := range doc.Sentences() {
				texts = append(texts, s.Text)
			}
			assert.Equal(t, tt.sentences, texts)
			last := doc.Sentences()[len(doc.Sentences())-1]
			line, _ := doc.Position(last.Start)
			assert.Equal(t, tt.line, line)
		})
	}
}

// TestFrontMatterErrors: a front matter that does not decode is one line
// of error, with line numbers counted in the file, and the document is
// still parsed.
func TestFrontMatterErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
		line            int // where the error points, for formats that annotate lines
	}{
		{"duplicate YAML key", "---\ntitle: a\ntitle: b\n---\n\nCarts get lost.\n",
			`front matter: yaml: unmarshal errors: line 3: mapping key "title" already defined at line 2`, 3},
		{"broken YAML", "---\nowner: pm\n  title: x\n---\n\nCarts get lost.\n",
			"front matter: yaml: line 3: mapping values are not allowed in this context", 3},
		{"duplicate TOML key", "+++\ntitle = \"a\"\ntitle = \"b\"\n+++\n\nCarts get lost.\n",
			`front matter: toml: line 3 (last key "title"): Key 'title' has already been defined.`, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("t.md", []byte(tt.src))
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
			path, line, col, ok := (&FileError{Path: "t.md", Err: err}).Location()
			assert.True(t, ok, "the error knows its line")
			assert.Equal(t, "t.md", path)
			assert.Equal(t, tt.line, line)
			assert.Equal(t, 1, col)
			require.NotNil(t, doc)
			require.Len(t, doc.Sentences(), 1)
			assert.Equal(t, "Carts get lost.", doc.Sentences()[0].Text)
		})
	}
}

// TestFrontMatterTooBig: front matter over the limit is not decoded (a
// clear error), and the prose below it is still read.
func TestFrontMatterTooBig(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\n")
	for i := 0; b.Len() < MaxFrontMatterSize+10; i++ {
		fmt.Fprintf(&b, "k%d: value %d\n", i, i)
	}
	b.WriteString("---\n\nCarts get lost.\n")
	doc, err := Parse("t.md", []byte(b.String()))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "KiB limit; not read")
	assert.Nil(t, doc.Meta)
	require.Len(t, doc.Sentences(), 1)
	assert.Equal(t, "Carts get lost.", doc.Sentences()[0].Text)
}

func TestSections(t *testing.T) {
	doc, err := Parse("t.md", []byte("# PRD\n\nIntro.\n\n## Goals\n\n### Latency\n\nFast.\n\n## Design\n\nUse Kafka.\n"))
	require.NoError(t, err)
	var paths [][]string
	for _, s := range doc.Sentences() {
		paths = append(paths, s.SectionPath())
	}
	assert.Equal(t, [][]string{
		{"PRD"}, {"PRD"}, {"PRD", "Goals"}, {"PRD", "Goals", "Latency"}, {"PRD", "Goals", "Latency"}, {"PRD", "Design"}, {"PRD", "Design"},
	}, paths)
	title, line := doc.Title()
	assert.Equal(t, "PRD", title)
	assert.Equal(t, 1, line)
	last := doc.Sentences()[4].Section()
	assert.Equal(t, "Goals", last.Top(doc.TitleSection()).Title)
}

// TestSectionTopWithoutTitle: with several level-1 headings the document
// has no title, and each level-1 heading is a top-level section.
func TestSectionTopWithoutTitle(t *testing.T) {
	doc, err := Parse("t.md", []byte("# Part A\n\nIntro.\n\n## A1\n\nMore.\n\n# Part B\n\n## B1\n\nLast.\n"))
	require.NoError(t, err)
	require.Nil(t, doc.TitleSection())
	var tops []string
	for _, s := range doc.Sentences() {
		if s.Block.Kind != BlockHeading {
			tops = append(tops, s.Section().Top(doc.TitleSection()).Title)
		}
	}
	assert.Equal(t, []string{"Part A", "Part A", "Part B"}, tops)
	fs := FileStatsOf(&Result{Path: "t.md", Doc: doc})
	var rows []string
	for _, ss := range fs.Sections {
		rows = append(rows, fmt.Sprintf("%s %d", ss.Section, ss.Sentences))
	}
	assert.Equal(t, []string{"Part A 2", "Part B 1"}, rows)
}

func TestCheckText(t *testing.T) {
	assert.ErrorContains(t, CheckText([]byte("a\x00b")), "binary")
	assert.EqualError(t, CheckText([]byte("ok\nab\xffc")), "invalid UTF-8 at line 2, column 3")
	assert.NoError(t, CheckText([]byte("ünïcode")))
}

// TestInvalidUTF8IsLocated: invalid UTF-8 is an error that knows its line,
// its column in code points (the byte-order mark is not a column) and in
// bytes (counted from the line as stored, the mark included).
func TestInvalidUTF8IsLocated(t *testing.T) {
	tests := []struct {
		name, src                string
		line, column, byteColumn int
	}{
		{"first byte", "\xff", 1, 1, 1},
		{"after wide characters", "# T\n\nÜber 表 \xffc\n", 3, 8, 11},
		{"after a byte-order mark", "\ufeffab\xff", 1, 3, 6},
		{"CRLF and lone CR endings", "a\r\nb\rcd\xfe", 3, 3, 3},
		{"a truncated sequence", "ok\nÜ\xc3", 2, 2, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckText([]byte(tt.src))
			var enc *EncodingError
			require.ErrorAs(t, err, &enc)
			assert.Equal(t, EncodingError{Line: tt.line, Column: tt.column, ByteColumn: tt.byteColumn}, *enc)
			path, line, col, ok := (&FileError{Path: "a.md", Err: err}).Location()
			assert.True(t, ok, "the error knows where it is")
			assert.Equal(t, []any{"a.md", tt.line, tt.column}, []any{path, line, col}, "in the linted file itself")
		})
	}
}

type otherFileError struct{}

func (otherFileError) Error() string { return ".prdlint.yaml:4:2: bad" }
func (otherFileError) Location() (string, int, int) {
	return ".prdlint.yaml", 4, 2
}

func TestFileErrorLocation(t *testing.T) {
	tests := []struct {
		name         string
		err          error
		path         string
		line, column int
		located      bool
	}{
		{"no position", errors.New("permission denied"), "a.md", 1, 1, false},
		{"in another file", fmt.Errorf("config: %w", otherFileError{}), ".prdlint.yaml", 4, 2, true},
		{"in the file", &EncodingError{Line: 3, Column: 5, ByteColumn: 7}, "a.md", 3, 5, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path, line, col, ok := (&FileError{Path: "a.md", Err: tt.err}).Location()
			assert.Equal(t, []any{tt.path, tt.line, tt.column, tt.located}, []any{path, line, col, ok})
		})
	}
}

// TestCodeSpanAcrossLines: a line break inside a code span is one space in
// the sentence, as any line break is, with LF or CRLF endings.
func TestCodeSpanAcrossLines(t *testing.T) {
	for _, nl := range []string{"\n", "\r\n"} {
		src := "We will use `Kafka" + nl + "streams` to stream events." + nl
		doc, err := Parse("t.md", []byte(src))
		require.NoError(t, err)
		require.Len(t, doc.Sentences(), 1)
		s := doc.Sentences()[0]
		assert.Equal(t, "We will use Kafka streams to stream events.", s.Text, "%q", nl)
		require.Len(t, s.Code, 1)
		assert.Equal(t, "Kafka streams", s.Text[s.Code[0][0]:s.Code[0][1]])
		assert.Equal(t, 1, s.Line)
		assert.Equal(t, 2, s.EndLine)
	}
}

// TestTitleLineIsNeverInFrontMatter: findings about the whole document go
// to the title heading's line, else to the first line after the front
// matter, so a suppression comment above them cannot break it.
func TestTitleLineIsNeverInFrontMatter(t *testing.T) {
	tests := []struct {
		name, src, title string
		line             int
		frontMatter      []int // lines in it
	}{
		{"heading", "# Checkout\n\nText.\n", "Checkout", 1, nil},
		{"front matter title and a heading: the heading's line and text", "---\ntitle: Guest checkout\n---\n\n## Goals\n\n# Checkout\n", "Checkout", 7, []int{1, 2, 3}},
		{"front matter title, no heading", "---\ntitle: Guest checkout\n---\nText.\n", "Guest checkout", 4, []int{1, 2, 3}},
		{"only front matter", "---\ntitle: Guest checkout\n---\n", "Guest checkout", 4, []int{1, 2, 3}},
		{"nothing", "", "", 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("t.md", []byte(tt.src))
			require.NoError(t, err)
			line, text := doc.TitleLine()
			assert.Equal(t, tt.title, text)
			assert.Equal(t, tt.line, line)
			for l := 1; l <= doc.LineCount(); l++ {
				assert.Equal(t, slices.Contains(tt.frontMatter, l), doc.InFrontMatter(l), "line %d", l)
			}
		})
	}
}

// TestLabelParagraphs checks which paragraphs read as headings in all but
// name: strong emphasis and nothing else, with no sentence end.
func TestLabelParagraphs(t *testing.T) {
	for _, tt := range []struct {
		md    string
		label bool
	}{
		{"**FR-1 and FR-2: Queue visibility**", true},
		{"- **Option 2: a queue per tenant**", true},
		{"__Rollout__", true},
		{"**Use Redis for sessions.**", false},
		{"**Note:** sessions live in Redis", false},
		{"Sessions live in **Redis**", false},
		{"*Queue visibility*", false},
		{"**Queue** **visibility**", false},
	} {
		doc, err := Parse("t.md", []byte(tt.md+"\n"))
		require.NoError(t, err)
		require.Len(t, doc.Blocks, 1, tt.md)
		assert.Equal(t, tt.label, doc.Blocks[0].Label, tt.md)
	}
}

// TestTableHeaderCellsAreLabels checks that a header cell with no sentence
// end names its column, like a heading, while body cells and a header cell
// that is a sentence stay prose.
func TestTableHeaderCellsAreLabels(t *testing.T) {
	doc, err := Parse("t.md", []byte("| Measure | How we'll check | Store drafts in Redis. |\n|---|---|---|\n| Sign-ins | We'll compare sign-ins with the gate log | Done. |\n"))
	require.NoError(t, err)
	got := map[string]bool{}
	for _, b := range doc.Blocks {
		require.Equal(t, BlockTableCell, b.Kind)
		got[b.Text] = b.Label
	}
	assert.Equal(t, map[string]bool{
		"Measure": true, "How we'll check": true, "Store drafts in Redis.": false,
		"Sign-ins": false, "We'll compare sign-ins with the gate log": false, "Done.": false,
	}, got)
	// A table of two columns whose header row is its first entry: the long
	// cell is content.
	doc, err = Parse("t.md", []byte("| Decision | Store sessions in Redis with a TTL of one day |\n|---|---|\n| Owner | Platform team |\n"))
	require.NoError(t, err)
	require.Len(t, doc.Blocks, 4)
	assert.True(t, doc.Blocks[0].Label)
	assert.False(t, doc.Blocks[1].Label, doc.Blocks[1].Text)
}
