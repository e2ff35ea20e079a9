package lint

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

func TestParseGivesUp(t *testing.T) {
	// goldmark takes about half a second over this paragraph.
	slow := []byte("# Title\n\n" + strings.Repeat("[a](", 5000) + "\n")
	// a name of its own: a parse given up on in an earlier run of the
	// test may still run
	doc, err := parse(uniqueName("slow"), slow, 10*time.Millisecond)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "gave up parsing the Markdown after 10ms")
	assert.Empty(t, doc.Blocks, "nothing half-parsed is linted")

	doc, err = parse("fast.md", []byte("# Title\n\nUse Kafka.\n"), 10*time.Second)
	require.NoError(t, err)
	assert.Len(t, doc.Sentences(), 2)
}

// TestSlowParseIsNotRepeated: while a parse of a file that was given up
// on still runs, the file is not parsed again (a language server relints
// on every edit), and once it ends the file is parsed again.
func TestSlowParseIsNotRepeated(t *testing.T) {
	slow := []byte("# Title\n\n" + strings.Repeat("[a](", 5000) + "\n")
	name := uniqueName("again")
	_, err := parse(name, slow, time.Millisecond)
	require.ErrorContains(t, err, "gave up parsing")
	for range 5 {
		doc, err := parse(name, slow, time.Millisecond)
		require.ErrorContains(t, err, "an earlier version gave up after 1ms and is still running", "no parse is started")
		assert.Empty(t, doc.Blocks)
	}
	doc, err := parse(name, []byte("# Title\n\nUse Kafka.\n"), 10*time.Second)
	require.NoError(t, err, "another text of the file (the author fixed it) is parsed")
	assert.Len(t, doc.Sentences(), 2)
	_, err = parse(uniqueName("other"), []byte("# Title\n\nUse Kafka.\n"), 10*time.Second)
	require.NoError(t, err, "other files are parsed as usual")
	// once the abandoned parse ends (about half a second), the text is
	// parsed again
	require.Eventually(t, func() bool {
		abandoned.Lock()
		defer abandoned.Unlock()
		return abandoned.running[abandonedKey(name, slow)] == 0
	}, 30*time.Second, 10*time.Millisecond)
	_, err = parse(name, slow, time.Millisecond)
	require.ErrorContains(t, err, "gave up parsing")
}

// uniqueName is a file name no other test run uses.
func uniqueName(base string) string {
	return fmt.Sprintf("%s-%d.md", base, time.Now().UnixNano())
}

func TestNestingIsBounded(t *testing.T) {
	var src strings.Builder
	for i := range 200 {
		src.WriteString(strings.Repeat("  ", i) + "- level\n")
	}
	for i := 1; i <= 200; i++ {
		src.WriteString(strings.Repeat("> ", i) + "quote\n")
	}
	doc, err := Parse("deep.md", []byte(src.String()))
	require.NoError(t, err)
	maxQuote := 0
	for _, b := range doc.Blocks {
		maxQuote = max(maxQuote, b.Quote)
	}
	assert.Equal(t, MaxNesting, maxQuote, "block quotes deeper than MaxNesting are text")
	last := doc.Blocks[len(doc.Blocks)-1]
	assert.Contains(t, last.Text, "> quote", "the deeper markers are kept as text, not lost")
}

func TestLoneCR(t *testing.T) {
	doc, err := Parse("cr.md", []byte("# Goals\r\rOne.\r\r- Two.\r"))
	require.NoError(t, err)
	var kinds []BlockKind
	for _, b := range doc.Blocks {
		kinds = append(kinds, b.Kind)
	}
	assert.Equal(t, []BlockKind{BlockHeading, BlockParagraph, BlockParagraph}, kinds)
	assert.True(t, doc.Blocks[2].InList)
	assert.Equal(t, 5, doc.Blocks[2].Sentences[0].Line)
}

func TestLongLineColumns(t *testing.T) {
	// Multibyte text on a long line: columns count code points from the
	// start of the line, across the rune-count checkpoints.
	line := strings.Repeat("Ünïcödé wörds hère. ", 5000)
	doc, err := Parse("long.md", []byte("# T\n\n"+line+"\n"))
	require.NoError(t, err)
	ss := doc.Sentences()
	require.Len(t, ss, 5001)
	for i, s := range ss[1:] {
		assert.Equal(t, 3, s.Line)
		require.Equal(t, i*20+1, s.Column, "sentence %d", i)
		require.Equal(t, i*20+19, s.EndColumn, "sentence %d", i)
	}
}

// panicky is a block parser that panics on every line starting with '!'.
type panicky struct{ parser.BlockParser }

func (panicky) Trigger() []byte { return []byte{'!'} }
func (panicky) Open(ast.Node, text.Reader, parser.Context) (ast.Node, parser.State) {
	panic("parser bug")
}

func TestParserPanicReachesCaller(t *testing.T) {
	md := goldmark.New(goldmark.WithParserOptions(parser.WithBlockParsers(util.Prioritized(panicky{parser.NewParagraphParser()}, 0))))
	assert.PanicsWithValue(t, "parser bug", func() {
		_, _ = parseWithin(md, []byte("!boom\n"), parser.NewContext(), time.Second, "")
	})
}
