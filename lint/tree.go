package lint

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
)

// ParseTree parses src with the same parser and extensions as Parse and
// returns goldmark's tree with a Markdown of its own that built it (the
// caller may configure its renderer), so a renderer
// shows exactly the document the rules saw: every ast.Text segment holds
// the source offsets diagnostics are reported at. Markdown goldmark cannot
// parse within ParseTimeout gives an empty document.
func ParseTree(src []byte) (goldmark.Markdown, ast.Node) {
	md, root, _, err := parseTree(src, ParseTimeout, true, "")
	if err != nil {
		root = ast.NewDocument()
	}
	return md, root
}
