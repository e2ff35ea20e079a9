package lint

import (
	"fmt"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// ParseTimeout bounds the time goldmark may take over one file. Its
// parser is quadratic on a few inputs no document has in practice (tens
// of thousands of unclosed link destinations or brackets in one
// paragraph: 80 KB of "[a](" takes seconds, 800 KB takes many minutes);
// a well-formed 16 MiB document parses in about a second.
const ParseTimeout = 30 * time.Second

// errTooSlow explains a parse given up on.
type errTooSlow struct{ after time.Duration }

func (e errTooSlow) Error() string {
	return fmt.Sprintf("gave up parsing the Markdown after %v (the parser is quadratic on some inputs, e.g. thousands of unclosed links or brackets in one paragraph)", e.after)
}

// parseWithin parses src with md, giving up after timeout. A parse given
// up on cannot be stopped: it runs on, unobserved, until it ends or the
// process exits, which is what a command-line run does next.
func parseWithin(md goldmark.Markdown, src []byte, ctx parser.Context, timeout time.Duration) (ast.Node, error) {
	type result struct {
		root  ast.Node
		panic any
	}
	done := make(chan result, 1)
	go func() {
		// A panic in the parser is carried back to the caller's goroutine,
		// where Linter.LintSource turns it into an error for the file;
		// left here it would end the process.
		defer func() {
			if p := recover(); p != nil {
				done <- result{panic: p}
			}
		}()
		done <- result{root: md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))}
	}()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case r := <-done:
		if r.panic != nil {
			panic(r.panic)
		}
		return r.root, nil
	case <-timer.C:
		return nil, errTooSlow{timeout}
	}
}
