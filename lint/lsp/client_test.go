package lsp

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/prdlint/prdlint/lint"
)

// testClient drives a Server over pipes the way an editor does: framed
// JSON-RPC on the server's input, and every frame the server writes parsed
// strictly, so anything but protocol on its output fails the test.
type testClient struct {
	t      *testing.T
	srv    *Server
	in     *io.PipeWriter
	nextID int
	// done is closed when Serve returns, with its error in serveErr.
	done     chan struct{}
	serveErr error

	mu        sync.Mutex
	responses map[string]chan wireMessage
	notes     chan wireMessage
	nullIDs   chan wireMessage
}

type wireMessage struct {
	ID     json.RawMessage `json:"id,omitempty"`
	Method string          `json:"method,omitempty"`
	Params json.RawMessage `json:"params,omitempty"`
	Result json.RawMessage `json:"result,omitempty"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

// syncBuffer is a log the server and the test can share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func startServer(t *testing.T, o Options) *testClient {
	t.Helper()
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	if o.Log == nil {
		o.Log = &syncBuffer{}
	}
	c := &testClient{
		t:         t,
		srv:       New(o),
		in:        inW,
		done:      make(chan struct{}),
		responses: map[string]chan wireMessage{},
		notes:     make(chan wireMessage, 100),
		nullIDs:   make(chan wireMessage, 10),
	}
	go func() {
		c.serveErr = c.srv.Serve(context.Background(), inR, outW)
		outW.Close()
		close(c.done)
	}()
	go c.read(outR)
	t.Cleanup(func() {
		inW.Close()
		select {
		case <-c.done:
		case <-time.After(5 * time.Second):
			t.Error("the server did not stop when its input closed")
		}
	})
	return c
}

// wait returns Serve's error once it has returned.
func (c *testClient) wait() error {
	c.t.Helper()
	select {
	case <-c.done:
		return c.serveErr
	case <-time.After(5 * time.Second):
		c.t.Fatal("the server is still running")
	}
	return nil
}

// read parses the server's output frame by frame.
func (c *testClient) read(out io.Reader) {
	r := bufio.NewReader(out)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		n, ok := strings.CutPrefix(line, "Content-Length: ")
		if !ok {
			c.t.Errorf("server wrote %q where a header belongs", line)
			return
		}
		length, err := strconv.Atoi(strings.TrimSpace(n))
		if err != nil {
			c.t.Errorf("bad Content-Length %q", n)
			return
		}
		if blank, _ := r.ReadString('\n'); blank != "\r\n" {
			c.t.Errorf("header not followed by a blank line: %q", blank)
			return
		}
		body := make([]byte, length)
		if _, err := io.ReadFull(r, body); err != nil {
			return
		}
		var m wireMessage
		if err := json.Unmarshal(body, &m); err != nil {
			c.t.Errorf("server wrote a body that is not JSON: %s", body)
			return
		}
		switch {
		case m.Method != "":
			c.notes <- m
		case string(m.ID) == "null":
			c.nullIDs <- m
		default:
			c.mu.Lock()
			ch := c.responses[string(m.ID)]
			c.mu.Unlock()
			if ch == nil {
				c.t.Errorf("response to no request: %s", body)
				continue
			}
			ch <- m
		}
	}
}

// raw writes bytes to the server's input as they are.
func (c *testClient) raw(s string) {
	c.t.Helper()
	_, err := io.WriteString(c.in, s)
	require.NoError(c.t, err)
}

func frame(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(b), b)
}

func (c *testClient) notify(method string, params any) {
	c.t.Helper()
	c.raw(frame(map[string]any{"jsonrpc": "2.0", "method": method, "params": params}))
}

// call sends a request and waits for its response.
func (c *testClient) call(method string, params any) wireMessage {
	c.t.Helper()
	ch := c.callAsync(method, params)
	select {
	case m := <-ch:
		return m
	case <-time.After(10 * time.Second):
		c.t.Fatalf("no response to %s", method)
	}
	return wireMessage{}
}

// callAsync sends a request and returns the channel its response will
// come on, without waiting for it.
func (c *testClient) callAsync(method string, params any) <-chan wireMessage {
	c.t.Helper()
	c.mu.Lock()
	c.nextID++
	id := c.nextID
	ch := make(chan wireMessage, 1)
	c.responses[strconv.Itoa(id)] = ch
	c.mu.Unlock()
	c.raw(frame(map[string]any{"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
	return ch
}

// callResult sends a request, requires success and decodes the result.
func (c *testClient) callResult(method string, params, result any) {
	c.t.Helper()
	m := c.call(method, params)
	require.Nil(c.t, m.Error, "%s failed", method)
	require.NoError(c.t, json.Unmarshal(m.Result, result))
}

type publishedDiagnostics struct {
	URI         string `json:"uri"`
	Version     *int   `json:"version"`
	Diagnostics []struct {
		Range           wireRange `json:"range"`
		Severity        int       `json:"severity"`
		Code            string    `json:"code"`
		Source          string    `json:"source"`
		Message         string    `json:"message"`
		CodeDescription *struct {
			Href string `json:"href"`
		} `json:"codeDescription"`
	} `json:"diagnostics"`
}

type wirePosition struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

type wireRange struct {
	Start wirePosition `json:"start"`
	End   wirePosition `json:"end"`
}

func rng(l1, c1, l2, c2 int) wireRange {
	return wireRange{wirePosition{l1, c1}, wirePosition{l2, c2}}
}

// diagnostics waits for the next diagnostics published for uri.
func (c *testClient) diagnostics(uri string) publishedDiagnostics {
	c.t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case m := <-c.notes:
			if m.Method != "textDocument/publishDiagnostics" {
				continue
			}
			var p publishedDiagnostics
			require.NoError(c.t, json.Unmarshal(m.Params, &p))
			if p.URI == uri {
				return p
			}
		case <-deadline:
			c.t.Fatalf("no diagnostics published for %s", uri)
		}
	}
}

// initialize runs the handshake, offering the given position encodings.
func (c *testClient) initialize(encodings ...string) map[string]any {
	c.t.Helper()
	caps := map[string]any{
		"textDocument": map[string]any{"hover": map[string]any{"contentFormat": []string{"markdown", "plaintext"}}},
	}
	if encodings != nil {
		caps["general"] = map[string]any{"positionEncodings": encodings}
	}
	var res struct {
		Capabilities map[string]any `json:"capabilities"`
	}
	c.callResult("initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": caps}, &res)
	c.notify("initialized", map[string]any{})
	return res.Capabilities
}

func (c *testClient) open(uri, text string) {
	c.t.Helper()
	c.notify("textDocument/didOpen", map[string]any{
		"textDocument": map[string]any{"uri": uri, "languageId": "markdown", "version": 1, "text": text},
	})
}

// change sends one incremental edit replacing r with text.
func (c *testClient) change(uri string, version int, r wireRange, text string) {
	c.t.Helper()
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": version},
		"contentChanges": []any{map[string]any{"range": r, "text": text}},
	})
}

// kafkaRule reports every sentence that names Kafka: a stand-in for the
// real rules whose findings these tests can predict exactly.
var kafkaRule = &lint.Rule{
	ID:       "no-kafka",
	Category: lint.CategoryHow,
	Severity: lint.SeverityWarning,
	Summary:  "names Kafka",
	Doc:      "Reports sentences that name Kafka, the broker.",
	Run: func(p *lint.Pass) {
		for _, s := range p.Doc.Sentences() {
			if i := strings.Index(s.Text, "Kafka"); i >= 0 {
				p.ReportSentence(s, lint.Finding{
					Message:    `Names "Kafka".`,
					Hint:       "What must the stream guarantee?",
					Confidence: 0.9,
					Mark:       []int{i, i + 5},
				})
			}
		}
	},
}

func kafkaLinter() *lint.Linter { return &lint.Linter{Rules: []*lint.Rule{kafkaRule}} }
