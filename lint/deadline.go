package lint

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"sync"
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

// errStillParsing: a parse of an earlier version of the file was given up
// on and still runs.
type errStillParsing struct{ after time.Duration }

func (e errStillParsing) Error() string {
	return fmt.Sprintf("not parsed: the parse of an earlier version gave up after %v and is still running (the parser is quadratic on some inputs, e.g. thousands of unclosed links or brackets in one paragraph)", e.after)
}

// abandonedKey names a file's text: its path and a hash of its bytes.
func abandonedKey(path string, src []byte) string {
	h := fnv.New64a()
	h.Write(src)
	return path + "\x00" + strconv.FormatUint(h.Sum64(), 16)
}

// abandoned counts, by key (a file's path and text), the parses given up on that
// still run. A long-running process (the language server, which relints a
// file on every edit) would otherwise pile up one CPU-bound parse per
// edit of a pathological file.
var abandoned = struct {
	sync.Mutex
	running map[string]int
}{running: map[string]int{}}

// parseWithin parses src with md, giving up after timeout. A parse given
// up on cannot be stopped: it runs on, unobserved, until it ends or the
// process exits, which is what a command-line run does next. While one
// given up on for key (unless key is empty) and the same text still runs,
// that text is not parsed again; another text of the file is (the author
// may have fixed it).
func parseWithin(md goldmark.Markdown, src []byte, ctx parser.Context, timeout time.Duration, key string) (ast.Node, error) {
	textKey := "" // abandonedKey(key, src), computed only when needed
	if key != "" {
		abandoned.Lock()
		n := 0
		if len(abandoned.running) > 0 {
			textKey = abandonedKey(key, src)
			n = abandoned.running[textKey]
		}
		abandoned.Unlock()
		if n > 0 {
			return nil, errStillParsing{timeout}
		}
	}
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
		if key != "" {
			if textKey == "" {
				textKey = abandonedKey(key, src)
			}
			abandoned.Lock()
			abandoned.running[textKey]++
			abandoned.Unlock()
			go func() {
				<-done
				abandoned.Lock()
				if abandoned.running[textKey]--; abandoned.running[textKey] == 0 {
					delete(abandoned.running, textKey)
				}
				abandoned.Unlock()
			}()
		}
		return nil, errTooSlow{timeout}
	}
}
