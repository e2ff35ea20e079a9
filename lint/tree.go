package lint

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// ParseTree parses src with the same parser and extensions as Parse and
// returns goldmark's tree with the Markdown that built it, so a renderer
// shows exactly the document the rules saw: every ast.Text segment holds
// the source offsets diagnostics are reported at. The tree's segments
// index src itself (a leading byte-order mark is blanked in a private copy,
// as Parse does, so offsets are unchanged).
func ParseTree(src []byte) (goldmark.Markdown, ast.Node) {
	md := newMarkdown()
	parsed := src
	if bytes.HasPrefix(src, utf8BOM) {
		parsed = append([]byte("   "), src[len(utf8BOM):]...)
	}
	root := md.Parser().Parse(text.NewReader(parsed), parser.WithContext(parser.NewContext()))
	return md, root
}
