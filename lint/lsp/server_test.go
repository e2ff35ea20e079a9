package lsp

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/prdlint/prdlint/lint"
)

// multibyte has a finding after a two-byte é and an astral-plane emoji
// (four UTF-8 bytes, two UTF-16 units, one code point) on its line.
const multibyte = "# Plan\n\nCafé 😀 notes. We pick Kafka now.\n"

func TestPositionEncodings(t *testing.T) {
	tests := []struct {
		name    string
		offered []string
		want    string
		rng     wireRange
	}{
		// "Café 😀 notes. " is 15 UTF-16 units, 18 bytes, 14 code points;
		// the sentence after it is 18 ASCII characters.
		{"default", nil, "utf-16", rng(2, 15, 2, 33)},
		{"utf-16 only", []string{"utf-16"}, "utf-16", rng(2, 15, 2, 33)},
		{"utf-8 offered", []string{"utf-16", "utf-8"}, "utf-8", rng(2, 18, 2, 36)},
		{"utf-32 offered", []string{"utf-32", "utf-16"}, "utf-32", rng(2, 14, 2, 32)},
		{"unknown only", []string{"utf-7"}, "utf-16", rng(2, 15, 2, 33)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := startServer(t, Options{Linter: kafkaLinter()})
			caps := c.initialize(tt.offered...)
			assert.Equal(t, tt.want, caps["positionEncoding"])
			c.open("file:///docs/plan.md", multibyte)
			got := c.diagnostics("file:///docs/plan.md")
			require.Len(t, got.Diagnostics, 1)
			assert.Equal(t, tt.rng, got.Diagnostics[0].Range)
		})
	}
}

func TestDiagnosticFields(t *testing.T) {
	c := startServer(t, Options{Linter: kafkaLinter()})
	caps := c.initialize()
	assert.Equal(t, map[string]any{"openClose": true, "change": float64(2)}, caps["textDocumentSync"], "incremental sync")
	c.open("file:///docs/plan.md", multibyte)
	got := c.diagnostics("file:///docs/plan.md")
	require.Len(t, got.Diagnostics, 1)
	d := got.Diagnostics[0]
	assert.Equal(t, "no-kafka", d.Code)
	assert.Equal(t, "prdlint", d.Source)
	assert.Equal(t, 2, d.Severity, "warning")
	assert.Equal(t, `Names "Kafka". What must the stream guarantee?`, d.Message)
	require.NotNil(t, d.CodeDescription)
	assert.Equal(t, "https://github.com/prdlint/prdlint#rule-no-kafka", d.CodeDescription.Href)
	require.NotNil(t, got.Version)
	assert.Equal(t, 1, *got.Version)
}

func TestIncrementalEdits(t *testing.T) {
	c := startServer(t, Options{Linter: kafkaLinter(), Debounce: 10 * time.Millisecond})
	c.initialize()
	uri := "file:///docs/plan.md"
	c.open(uri, "# Plan\n\n😀 We pick Kafka now.\nShoppers pay as guests.\n")
	require.Len(t, c.diagnostics(uri).Diagnostics, 1)

	// "Kafka" is UTF-16 characters 11 to 16 of line 2, after the emoji.
	c.change(uri, 2, rng(2, 11, 2, 16), "Pulsar")
	got := c.diagnostics(uri)
	assert.Empty(t, got.Diagnostics, "the edited sentence's finding is gone")
	assert.Equal(t, 2, *got.Version)
	assert.Equal(t, "# Plan\n\n😀 We pick Pulsar now.\nShoppers pay as guests.\n", c.text(uri))

	// An edit spanning a line break, then one inserting at the end.
	c.change(uri, 3, rng(2, 18, 3, 8), "soon. Kafka")
	got = c.diagnostics(uri)
	assert.Equal(t, "# Plan\n\n😀 We pick Pulsar soon. Kafka pay as guests.\n", c.text(uri))
	require.Len(t, got.Diagnostics, 1)
	assert.Equal(t, rng(2, 24, 2, 44), got.Diagnostics[0].Range)

	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 4},
		"contentChanges": []any{map[string]any{"text": "Whole new text.\n"}},
	})
	assert.Empty(t, c.diagnostics(uri).Diagnostics)
	assert.Equal(t, "Whole new text.\n", c.text(uri))

	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
	got = c.diagnostics(uri)
	assert.Empty(t, got.Diagnostics, "closing clears the document's diagnostics")
	assert.NotNil(t, got.Diagnostics, "as an empty list, not null")
}

func TestDebounceCoalescesChanges(t *testing.T) {
	c := startServer(t, Options{Linter: kafkaLinter(), Debounce: 400 * time.Millisecond})
	c.initialize()
	uri := "file:///docs/plan.md"
	c.open(uri, "We pick Kafka now.\n")
	require.Len(t, c.diagnostics(uri).Diagnostics, 1)
	for v := 2; v <= 4; v++ {
		c.change(uri, v, rng(0, 0, 0, 0), "x")
	}
	got := c.diagnostics(uri)
	assert.Equal(t, 4, *got.Version, "one lint after the last of three quick changes")
	assert.Equal(t, rng(0, 0, 0, 21), got.Diagnostics[0].Range, "xxxWe pick Kafka now.")
}

func TestHover(t *testing.T) {
	c := startServer(t, Options{Linter: kafkaLinter()})
	c.initialize()
	uri := "file:///docs/plan.md"
	c.open(uri, multibyte)
	c.diagnostics(uri)

	var h struct {
		Contents struct{ Kind, Value string }
		Range    wireRange
	}
	c.callResult("textDocument/hover", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"position":     map[string]any{"line": 2, "character": 20},
	}, &h)
	assert.Equal(t, "markdown", h.Contents.Kind)
	assert.Contains(t, h.Contents.Value, "`no-kafka`")
	assert.Contains(t, h.Contents.Value, "**What/why:** What must the stream guarantee?")
	assert.Contains(t, h.Contents.Value, kafkaRule.Doc)
	assert.Contains(t, h.Contents.Value, "(https://github.com/prdlint/prdlint#rule-no-kafka)")
	assert.Equal(t, rng(2, 15, 2, 33), h.Range)

	m := c.call("textDocument/hover", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"position":     map[string]any{"line": 2, "character": 3},
	})
	assert.Nil(t, m.Error)
	assert.Equal(t, "null", string(m.Result), "no hover outside a finding")
}

func TestCodeAction(t *testing.T) {
	c := startServer(t, Options{Linter: kafkaLinter()})
	c.initialize("utf-8")
	uri := "file:///docs/plan.md"
	c.open(uri, "# Plan\n\n- Shoppers pay.\n  - We pick Kafka now.\n")
	c.diagnostics(uri)
	var actions []struct {
		Title       string
		Kind        string
		Diagnostics []struct{ Code string }
		Edit        struct {
			Changes map[string][]struct {
				Range   wireRange
				NewText string
			}
		}
	}
	c.callResult("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"range":        rng(3, 6, 3, 6),
		"context":      map[string]any{"diagnostics": []any{}},
	}, &actions)
	require.Len(t, actions, 1)
	a := actions[0]
	assert.Equal(t, "quickfix", a.Kind)
	assert.Contains(t, a.Title, "no-kafka")
	require.Len(t, a.Diagnostics, 1)
	assert.Equal(t, "no-kafka", a.Diagnostics[0].Code)
	require.Len(t, a.Edit.Changes[uri], 1)
	e := a.Edit.Changes[uri][0]
	assert.Equal(t, rng(3, 0, 3, 0), e.Range)
	assert.Equal(t, "  <!-- prdlint-disable-next-line no-kafka -->\n", e.NewText)

	c.callResult("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"range":        rng(2, 0, 2, 3),
		"context":      map[string]any{"diagnostics": []any{}},
	}, &actions)
	assert.Empty(t, actions, "no action away from a finding")

	c.callResult("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"range":        rng(3, 6, 3, 6),
		"context":      map[string]any{"diagnostics": []any{}, "only": []string{"refactor"}},
	}, &actions)
	assert.Empty(t, actions, "only quick fixes are offered")
}

func TestMalformedInputKeepsTheSession(t *testing.T) {
	log := &syncBuffer{}
	c := startServer(t, Options{Linter: kafkaLinter(), Log: log})
	c.initialize()
	uri := "file:///docs/plan.md"
	c.open(uri, multibyte)
	c.diagnostics(uri)

	c.raw("Content-Length: 9\r\n\r\n{\"broken\"")
	m := <-c.nullIDs
	require.NotNil(t, m.Error)
	assert.Equal(t, -32700, m.Error.Code, "parse error")

	c.raw(frame(map[string]any{"neither": "request nor response"}))
	m = <-c.nullIDs
	assert.Equal(t, -32600, m.Error.Code, "invalid request")

	c.raw("X-Garbage\r\n\r\n")
	m = <-c.nullIDs
	assert.Equal(t, -32700, m.Error.Code, "no Content-Length")

	bad := c.call("textDocument/hover", "not an object")
	require.NotNil(t, bad.Error)
	assert.Equal(t, -32602, bad.Error.Code, "invalid params")

	unknown := c.call("textDocument/definitelyNot", map[string]any{})
	require.NotNil(t, unknown.Error)
	assert.Equal(t, -32601, unknown.Error.Code)
	dollar := c.call("$/definitelyNot", map[string]any{})
	require.NotNil(t, dollar.Error, "a $/ request is answered with an error, as the protocol asks")
	assert.Equal(t, -32601, dollar.Error.Code)
	c.notify("$/definitelyNot", map[string]any{})

	// Positions far outside the document are clamped, not fatal.
	c.change(uri, 2, rng(99, 99, 120, 0), " Kafka again.")
	assert.Len(t, c.diagnostics(uri).Diagnostics, 2)

	var h struct{ Contents struct{ Value string } }
	c.callResult("textDocument/hover", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"position":     map[string]any{"line": 2, "character": 20},
	}, &h)
	assert.Contains(t, h.Contents.Value, "no-kafka", "the session still answers")
	assert.Contains(t, log.String(), "not JSON", "malformed input is logged")
}

func TestShutdownAndExit(t *testing.T) {
	c := startServer(t, Options{Linter: kafkaLinter()})
	c.initialize()
	m := c.call("shutdown", nil)
	assert.Nil(t, m.Error)
	m = c.call("textDocument/hover", map[string]any{
		"textDocument": map[string]any{"uri": "file:///x.md"},
		"position":     map[string]any{"line": 0, "character": 0},
	})
	require.NotNil(t, m.Error, "requests after shutdown are refused")
	m = c.call("shutdown", nil)
	require.NotNil(t, m.Error, "a second shutdown too")
	assert.Equal(t, -32600, m.Error.Code)
	c.notify("exit", nil)
	assert.NoError(t, c.wait())

	c = startServer(t, Options{Linter: kafkaLinter()})
	c.initialize()
	c.notify("exit", nil)
	assert.ErrorIs(t, c.wait(), ErrNoShutdown)
}

func TestRequestBeforeInitialize(t *testing.T) {
	c := startServer(t, Options{Linter: kafkaLinter()})
	m := c.call("textDocument/hover", map[string]any{
		"textDocument": map[string]any{"uri": "file:///x.md"},
		"position":     map[string]any{"line": 0, "character": 0},
	})
	require.NotNil(t, m.Error)
	assert.Equal(t, -32002, m.Error.Code, "server not initialized")
	m = c.call("shutdown", nil)
	require.NotNil(t, m.Error, "shutdown too")
	assert.Equal(t, -32002, m.Error.Code)
	c.initialize()
	assert.Nil(t, c.call("shutdown", nil).Error, "the session can still begin")
}

// text is the server's copy of a document's text.
func (c *testClient) text(uri string) string {
	c.srv.mu.Lock()
	defer c.srv.mu.Unlock()
	if d := c.srv.docs[uri]; d != nil {
		return d.text
	}
	return ""
}

// A finding about the document as a whole has no byte offsets; its line
// and columns place it. Severities follow the file's configuration.
func TestLineFindingsAndSeverity(t *testing.T) {
	titleRule := &lint.Rule{
		ID: "title-says-plan", Category: lint.CategoryStructure, Severity: lint.SeverityInfo,
		Run: func(p *lint.Pass) {
			title, line := p.Doc.Title()
			p.ReportLine(line, "# "+title, lint.Finding{Message: "The title is vague."})
		},
	}
	l := &lint.Linter{
		Rules: []*lint.Rule{kafkaRule, titleRule},
		ConfigFor: func(string) (*lint.Config, error) {
			c := lint.DefaultConfig()
			c.Rules = map[string]lint.Severity{"no-kafka": lint.SeverityError}
			return c, nil
		},
	}
	c := startServer(t, Options{Linter: l})
	c.initialize()
	c.open("file:///docs/plan.md", "Intro.\n\n# Plän\n\nWe pick Kafka now.\n")
	got := c.diagnostics("file:///docs/plan.md")
	require.Len(t, got.Diagnostics, 2)
	assert.Equal(t, "title-says-plan", got.Diagnostics[0].Code)
	assert.Equal(t, rng(2, 0, 2, 6), got.Diagnostics[0].Range)
	assert.Equal(t, 3, got.Diagnostics[0].Severity, "info is Information")
	assert.Equal(t, 1, got.Diagnostics[1].Severity, "configured as an error")
}

func TestFileErrorIsShown(t *testing.T) {
	l := &lint.Linter{
		Rules: []*lint.Rule{kafkaRule},
		ConfigFor: func(string) (*lint.Config, error) {
			return nil, errors.New(".prdlint.yaml: line 3: unknown rule \"nope\"")
		},
	}
	c := startServer(t, Options{Linter: l})
	c.initialize()
	c.open("file:///docs/plan.md", "We pick Kafka now.\n")
	got := c.diagnostics("file:///docs/plan.md")
	require.Len(t, got.Diagnostics, 1)
	assert.Equal(t, 1, got.Diagnostics[0].Severity)
	assert.Equal(t, ".prdlint.yaml: line 3: unknown rule \"nope\"", got.Diagnostics[0].Message)
	assert.Equal(t, rng(0, 0, 0, 0), got.Diagnostics[0].Range)
}

// TestReopenedDocumentGetsNoStaleDiagnostics: a lint of a document's text
// that finishes after the document was closed and opened again with other
// text is never published as the new text's diagnostics.
func TestReopenedDocumentGetsNoStaleDiagnostics(t *testing.T) {
	started, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	slow := *kafkaRule
	slow.Run = func(p *lint.Pass) {
		if strings.Contains(string(p.Doc.Source), "old") {
			once.Do(func() { close(started) })
			<-release
		}
		kafkaRule.Run(p)
	}
	c := startServer(t, Options{Linter: &lint.Linter{Rules: []*lint.Rule{&slow}}})
	c.initialize()
	uri := "file:///docs/plan.md"
	c.open(uri, "The old plan picks Kafka.\n")
	<-started // the first lint is under way
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
	assert.Empty(t, c.diagnostics(uri).Diagnostics, "cleared on close")
	c.open(uri, "Shoppers keep their carts.\n")
	assert.Empty(t, c.diagnostics(uri).Diagnostics, "the new text")
	close(release)
	select {
	case m := <-c.notes:
		t.Fatalf("a stale lint was published: %s %s", m.Method, m.Params)
	case <-time.After(300 * time.Millisecond):
	}
}

// TestBrokenFramingKeepsTheSession sends a message with a wrong
// Content-Length, then valid requests: the bad message gets a parse error
// and each valid request after it its own answer.
func TestBrokenFramingKeepsTheSession(t *testing.T) {
	cjkOpen := mustMarshal(map[string]any{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": map[string]any{
		"textDocument": map[string]any{"uri": "file:///docs/lost.md", "languageId": "markdown", "version": 1, "text": "# 中文\n\nWe pick Kafka now.\n"},
	}})
	// The test client expects no answer to id 99: it fails the test if
	// the server answers a request whose framing was wrong.
	lost := mustMarshal(map[string]any{"jsonrpc": "2.0", "id": 99, "method": "textDocument/hover", "params": map[string]any{
		"textDocument": map[string]any{"uri": "file:///docs/plan.md"},
		"position":     map[string]any{"line": 2, "character": 20},
	}})
	tests := []struct {
		name    string
		broken  string
		rejects int
	}{
		{"length in characters, not bytes", framed(utf8.RuneCountInString(cjkOpen), cjkOpen), 1},
		{"too short", framed(len(lost)-10, lost), 1},
		{"too long by a few bytes", framed(len(lost)+5, lost), 1},
		{"too long into the next body", framed(len(lost)+60, lost), 1},
		{"too long past the next message", framed(len(lost)+5000, lost), 1},
		{"far too long", framed(99999999999, lost), 1},
		{"not a number", "Content-Length: many\r\n\r\n" + lost, 1},
		{"too short, then too long", framed(len(cjkOpen)-4, cjkOpen) + framed(len(lost)+60, lost), 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := startServer(t, Options{Linter: kafkaLinter()})
			c.initialize()
			uri := "file:///docs/plan.md"
			c.open(uri, multibyte)
			require.Len(t, c.diagnostics(uri).Diagnostics, 1)

			c.raw(tt.broken)
			for range 2 {
				var h struct {
					Contents struct{ Value string }
					Range    wireRange
				}
				c.callResult("textDocument/hover", map[string]any{
					"textDocument": map[string]any{"uri": uri},
					"position":     map[string]any{"line": 2, "character": 20},
				}, &h)
				assert.Contains(t, h.Contents.Value, "no-kafka")
				assert.Equal(t, rng(2, 15, 2, 33), h.Range)
			}
			c.open("file:///docs/cjk.md", "# 中文\n\nWe pick Kafka now.\n")
			got := c.diagnostics("file:///docs/cjk.md")
			require.Len(t, got.Diagnostics, 1)
			assert.Equal(t, rng(2, 0, 2, 18), got.Diagnostics[0].Range)

			require.Len(t, c.nullIDs, tt.rejects, "errors with a null id")
			for range tt.rejects {
				m := <-c.nullIDs
				require.NotNil(t, m.Error)
				assert.Equal(t, -32700, m.Error.Code, "parse error")
			}
			m := c.call("shutdown", nil)
			assert.Nil(t, m.Error)
			assert.Equal(t, "null", string(m.Result))
			c.notify("exit", nil)
			assert.NoError(t, c.wait())
		})
	}
}

// TestSecondInitializeIsRefused: initialize may be sent once; a second one
// is an invalid request that changes nothing and ends nothing.
func TestSecondInitializeIsRefused(t *testing.T) {
	c := startServer(t, Options{Linter: kafkaLinter()})
	caps := c.initialize("utf-8")
	assert.Equal(t, "utf-8", caps["positionEncoding"])

	m := c.call("initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": map[string]any{
		"general": map[string]any{"positionEncodings": []string{"utf-32"}},
	}})
	require.NotNil(t, m.Error)
	assert.Equal(t, -32600, m.Error.Code, "invalid request")
	assert.Empty(t, m.Result)

	uri := "file:///docs/plan.md"
	c.open(uri, multibyte)
	got := c.diagnostics(uri)
	require.Len(t, got.Diagnostics, 1)
	assert.Equal(t, rng(2, 18, 2, 36), got.Diagnostics[0].Range, "still in UTF-8")

	var h struct{ Contents struct{ Value string } }
	c.callResult("textDocument/hover", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"position":     map[string]any{"line": 2, "character": 20},
	}, &h)
	assert.Contains(t, h.Contents.Value, "no-kafka", "the session goes on")
	assert.Nil(t, c.call("shutdown", nil).Error)
}

func mustMarshal(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// locatedError is an error at a line and column of a file, as a
// configuration error is: "file:line:col: reason", or "file: reason" for
// the file as a whole (line 0).
type locatedError struct {
	path         string
	line, column int
	reason       string
}

func (e *locatedError) Error() string {
	if e.line == 0 {
		return e.path + ": " + e.reason
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.path, e.line, e.column, e.reason)
}

func (e *locatedError) Location() (string, int, int) {
	return e.path, max(e.line, 1), max(e.column, 1)
}

// checkConfigs claims documents named .prdlint.yaml and answers with err.
func checkConfigs(err error) func(string, []byte) (bool, error) {
	return func(path string, _ []byte) (bool, error) {
		return filepath.Base(path) == ".prdlint.yaml", err
	}
}

// TestCheckedDocuments: a document the linter's CheckSource claims (a
// configuration file) is checked, not linted as prose: no findings, its
// error at its own line and column, or at the top when the error is
// elsewhere or has no place.
func TestCheckedDocuments(t *testing.T) {
	config := filepath.FromSlash("/docs/.prdlint.yaml")
	// Line 2's "Z" is code point 17, UTF-16 unit 17 after the emoji's
	// two; the line is 24 units long. Both lines name Kafka.
	text := "vocabulary: # Kafka\n  add: [Kafka, 😀Zephyr]\n"
	tests := []struct {
		name    string
		uri     string
		err     error
		want    []wireRange
		message string
		code    string
	}{
		{name: "valid", uri: "file:///docs/.prdlint.yaml"},
		{name: "an error in the document", uri: "file:///docs/.prdlint.yaml",
			err:  &locatedError{config, 2, 17, `unknown term "Zephyr"`},
			want: []wireRange{rng(1, 17, 1, 24)}, message: `unknown term "Zephyr"`},
		{name: "an error about the document as a whole", uri: "file:///docs/.prdlint.yaml",
			err:  &locatedError{config, 0, 0, "file is over the limit"},
			want: []wireRange{rng(0, 0, 0, 19)}, message: "file is over the limit"},
		{name: "an error in another file", uri: "file:///docs/.prdlint.yaml",
			err:  &locatedError{filepath.FromSlash("/.prdlint.yaml"), 2, 3, `unknown rule "nope"`},
			want: []wireRange{rng(0, 0, 0, 0)}, message: filepath.FromSlash("/.prdlint.yaml") + `:2:3: unknown rule "nope"`},
		{name: "an error with no place", uri: "file:///docs/.prdlint.yaml",
			err:  errors.New("cannot read the directory"),
			want: []wireRange{rng(0, 0, 0, 0)}, message: "cannot read the directory"},
		{name: "a document not claimed is linted", uri: "file:///docs/plan.md",
			err:  errors.New("never shown"),
			want: []wireRange{rng(0, 0, 1, 24)}, code: "no-kafka"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := startServer(t, Options{Linter: checkingLinter(checkConfigs(tt.err))})
			c.initialize()
			c.open(tt.uri, text)
			got := c.diagnostics(tt.uri)
			require.NotNil(t, got.Diagnostics, "an empty list, not null")
			require.Len(t, got.Diagnostics, len(tt.want))
			for i, d := range got.Diagnostics {
				assert.Equal(t, tt.want[i], d.Range)
				assert.Equal(t, tt.code, d.Code)
				assert.Equal(t, "prdlint", d.Source)
				if tt.code == "" {
					assert.Equal(t, 1, d.Severity, "an error")
					assert.Equal(t, tt.message, d.Message)
				}
			}
		})
	}
}

// TestCheckedDocumentEdits: the check reads the editor's text, unsaved
// edits included, and its errors get neither hover nor quick fix.
func TestCheckedDocumentEdits(t *testing.T) {
	var mu sync.Mutex
	var seen []string
	// The check fails at the first "bad" in the text.
	check := func(path string, src []byte) (bool, error) {
		mu.Lock()
		seen = append(seen, string(src))
		mu.Unlock()
		for i, line := range strings.Split(string(src), "\n") {
			if col := strings.Index(line, "bad"); col >= 0 {
				return true, &locatedError{path, i + 1, utf8.RuneCountInString(line[:col]) + 1, "bad value"}
			}
		}
		return true, nil
	}
	c := startServer(t, Options{Linter: checkingLinter(check), Debounce: 10 * time.Millisecond})
	c.initialize()
	uri := "file:///docs/.prdlintignore"
	c.open(uri, "drafts/\n*.tmp\n")
	assert.Empty(t, c.diagnostics(uri).Diagnostics)

	c.change(uri, 2, rng(1, 0, 1, 0), "é bad ")
	got := c.diagnostics(uri)
	assert.Equal(t, 2, *got.Version)
	require.Len(t, got.Diagnostics, 1)
	assert.Equal(t, rng(1, 2, 1, 11), got.Diagnostics[0].Range)
	assert.Equal(t, "bad value", got.Diagnostics[0].Message)
	mu.Lock()
	assert.Equal(t, "drafts/\né bad *.tmp\n", seen[len(seen)-1], "the edited text, not a file on disk")
	mu.Unlock()

	m := c.call("textDocument/hover", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"position":     map[string]any{"line": 1, "character": 3},
	})
	assert.Nil(t, m.Error)
	assert.Equal(t, "null", string(m.Result), "no hover on a configuration error")
	var actions []any
	c.callResult("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"range":        rng(1, 3, 1, 3),
		"context":      map[string]any{"diagnostics": []any{}},
	}, &actions)
	assert.Empty(t, actions, "no quick fix for a configuration error")

	c.change(uri, 3, rng(1, 2, 1, 6), "")
	got = c.diagnostics(uri)
	assert.Equal(t, 3, *got.Version)
	assert.Empty(t, got.Diagnostics, "fixed")
}

// checkingLinter is kafkaLinter with check as its CheckSource.
func checkingLinter(check func(path string, src []byte) (bool, error)) *lint.Linter {
	l := kafkaLinter()
	l.CheckSource = check
	return l
}

// slowRule is a rule that, on a document holding "SLOW", waits until
// release is called; running counts the lints waiting in it, most the most
// at once. Should a request hold up the connection, the slow lint ends
// anyway after 10 s, and the test's checks fail instead of it hanging.
type slowRule struct {
	rule          *lint.Rule
	release       func()
	running, most atomic.Int32
}

func newSlowRule(t *testing.T) *slowRule {
	sr := &slowRule{}
	ch := make(chan struct{})
	sr.release = sync.OnceFunc(func() { close(ch) })
	watchdog := time.AfterFunc(10*time.Second, sr.release)
	t.Cleanup(func() { watchdog.Stop() })
	sr.rule = &lint.Rule{
		ID: "slow", Category: lint.CategoryHow, Severity: lint.SeverityWarning, Doc: "Takes its time.",
		Run: func(p *lint.Pass) {
			if !strings.Contains(string(p.Doc.Source), "SLOW") {
				return
			}
			n := sr.running.Add(1)
			defer sr.running.Add(-1)
			for m := sr.most.Load(); n > m && !sr.most.CompareAndSwap(m, n); m = sr.most.Load() {
			}
			<-ch
		},
	}
	return sr
}

// TestSlowDocumentHoldsUpNoOther: while a document's lint is slow (a text
// goldmark takes long over), a hover on it waits on its own and other
// documents are still answered; edits to it start no second lint of it,
// and once the slow lint ends the last text is linted and published.
func TestSlowDocumentHoldsUpNoOther(t *testing.T) {
	slow := newSlowRule(t)
	running, most, releaseAll := &slow.running, &slow.most, slow.release
	c := startServer(t, Options{Linter: &lint.Linter{Rules: []*lint.Rule{kafkaRule, slow.rule}}, Debounce: time.Millisecond})
	c.initialize()
	fast, slowURI := "file:///docs/fast.md", "file:///docs/slow.md"
	c.open(fast, "We pick Kafka now.\n")
	require.Len(t, c.diagnostics(fast).Diagnostics, 1)

	c.open(slowURI, "SLOW. We pick Kafka now.\n")
	require.Eventually(t, func() bool { return running.Load() == 1 }, 10*time.Second, time.Millisecond)
	for v := 2; v <= 5; v++ {
		c.change(slowURI, v, rng(1, 0, 1, 0), "Kafka again.\n")
		time.Sleep(10 * time.Millisecond) // past the debounce: each edit is due for a lint
	}
	slowHover := c.callAsync("textDocument/hover", map[string]any{
		"textDocument": map[string]any{"uri": slowURI},
		"position":     map[string]any{"line": 0, "character": 10},
	})
	var h struct{ Contents struct{ Value string } }
	c.callResult("textDocument/hover", map[string]any{
		"textDocument": map[string]any{"uri": fast},
		"position":     map[string]any{"line": 0, "character": 10},
	}, &h)
	assert.Contains(t, h.Contents.Value, "no-kafka", "another document is answered while one is slow")
	select {
	case <-slowHover:
		t.Fatal("the hover on the slow document was answered before its lint ended")
	default:
	}
	assert.Equal(t, int32(1), most.Load(), "one lint of the slow document at a time")

	releaseAll()
	m := <-slowHover
	require.Nil(t, m.Error)
	assert.Contains(t, string(m.Result), "no-kafka", "answered from the lint of the text current then")
	for {
		got := c.diagnostics(slowURI)
		if got.Version != nil && *got.Version == 5 {
			assert.Len(t, got.Diagnostics, 5, "the last text: its first sentence and four edits")
			break
		}
	}
	assert.Equal(t, int32(1), most.Load())
}

// TestUntitledDocumentIsPlacedInTheWorkspace: a document with no path of
// its own ("untitled:Untitled-1") is configured as if it were in the
// workspace's folder, whatever directory the server runs in.
func TestUntitledDocumentIsPlacedInTheWorkspace(t *testing.T) {
	root := t.TempDir()
	var seen []string
	var mu sync.Mutex
	linter := &lint.Linter{Rules: []*lint.Rule{kafkaRule}, ConfigFor: func(path string) (*lint.Config, error) {
		mu.Lock()
		seen = append(seen, path)
		mu.Unlock()
		c := lint.DefaultConfig()
		if strings.HasPrefix(path, root+string(filepath.Separator)) {
			c.Rules = map[string]lint.Severity{"no-kafka": lint.SeverityOff} // the workspace's configuration
		}
		return c, nil
	}}
	rootURI := "file://" + filepath.ToSlash(root)
	if !strings.HasPrefix(rootURI, "file:///") {
		rootURI = "file:///" + strings.TrimPrefix(rootURI, "file://")
	}
	for _, tt := range []struct {
		name   string
		params map[string]any
	}{
		{"workspace folders", map[string]any{"processId": nil, "rootUri": nil, "capabilities": map[string]any{},
			"workspaceFolders": []any{map[string]any{"uri": rootURI, "name": "specs"}}}},
		{"root URI", map[string]any{"processId": nil, "rootUri": rootURI, "capabilities": map[string]any{}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := startServer(t, Options{Linter: linter})
			var res map[string]any
			c.callResult("initialize", tt.params, &res)
			c.notify("initialized", map[string]any{})
			c.open("untitled:Untitled-1", "We pick Kafka now.\n")
			assert.Empty(t, c.diagnostics("untitled:Untitled-1").Diagnostics, "configured from the workspace")
			mu.Lock()
			last := seen[len(seen)-1]
			mu.Unlock()
			assert.Equal(t, root, filepath.Dir(last))
		})
	}
	c := startServer(t, Options{Linter: linter})
	c.initialize() // no workspace: the URI as it is
	c.open("untitled:Untitled-1", "We pick Kafka now.\n")
	assert.Len(t, c.diagnostics("untitled:Untitled-1").Diagnostics, 1)
}

// TestAnswerForAChangedTextIsRefused: a hover sent before an edit and
// answered only after the server read that edit would speak of a text the
// client did not ask about; it is refused as ContentModified.
func TestAnswerForAChangedTextIsRefused(t *testing.T) {
	slow := newSlowRule(t)
	releaseAll := slow.release
	c := startServer(t, Options{Linter: &lint.Linter{Rules: []*lint.Rule{kafkaRule, slow.rule}}, Debounce: time.Hour})
	c.initialize()
	uri := "file:///docs/a.md"
	c.open(uri, "SLOW. We pick Kafka now.\n")
	hover := c.callAsync("textDocument/hover", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"position":     map[string]any{"line": 0, "character": 16}, // on "Kafka"
	})
	c.change(uri, 2, rng(0, 0, 0, 0), "A plain line.\n\n")
	c.callResult("textDocument/hover", map[string]any{ // the change is read
		"textDocument": map[string]any{"uri": "file:///docs/other.md"},
		"position":     map[string]any{"line": 0, "character": 0},
	}, new(any))
	releaseAll()
	m := <-hover
	require.NotNil(t, m.Error, "result: %s", m.Result)
	assert.Equal(t, -32801, m.Error.Code, "content modified")

	// with no change in between, the same hover is answered
	var h struct{ Contents struct{ Value string } }
	c.callResult("textDocument/hover", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"position":     map[string]any{"line": 2, "character": 16},
	}, &h)
	assert.Contains(t, h.Contents.Value, "no-kafka")
}
