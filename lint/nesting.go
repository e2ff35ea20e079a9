package lint

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// MaxNesting is how many block quotes and list items may contain one
// another. goldmark re-reads each line once per open container, so a file
// nested thousands deep would take minutes to parse (the cost grows with
// the cube of the depth). Deeper markers are read as plain text instead:
// the prose is still linted, only the extra nesting is lost. Real
// documents stay far below this.
const MaxNesting = 32

// blockParsers are goldmark's default block parsers with the container
// parsers (block quotes and lists) bounded to MaxNesting.
func blockParsers() []util.PrioritizedValue {
	list, quote := parser.NewListParser(), parser.NewBlockquoteParser()
	ps := parser.DefaultBlockParsers()
	for i, p := range ps {
		if bp, ok := p.Value.(parser.BlockParser); ok && (bp == list || bp == quote) {
			ps[i].Value = nestingLimit{bp}
		}
	}
	return ps
}

// nestingLimit refuses to open a container inside MaxNesting others.
type nestingLimit struct {
	parser.BlockParser
}

func (n nestingLimit) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if nesting(parent) >= MaxNesting {
		return nil, parser.NoChildren
	}
	return n.BlockParser.Open(parent, reader, pc)
}

// nesting counts the block quotes and list items around n, n included.
func nesting(n ast.Node) int {
	d := 0
	for ; n != nil; n = n.Parent() {
		switch n.Kind() {
		case ast.KindBlockquote, ast.KindListItem:
			d++
		}
	}
	return d
}
