package lsp

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"strconv"
	"strings"
	"sync"

	"github.com/sourcegraph/jsonrpc2"
)

// maxMessageSize bounds one message's body so a bad Content-Length cannot
// make the server allocate without limit.
const maxMessageSize = 64 << 20

// stream frames JSON-RPC messages with Content-Length headers, like
// jsonrpc2.VSCodeObjectCodec, but survives bad input: a message that is not
// JSON or not a JSON-RPC message is answered with a parse or
// invalid-request error and skipped, and a garbled header is skipped up to
// the next blank line. Only the end of input or a broken pipe ends the
// connection, where jsonrpc2's own codec would close it at the first bad
// byte.
type stream struct {
	r   *bufio.Reader
	w   io.Writer
	c   io.Closer
	log *log.Logger

	mu sync.Mutex // serialises writes: replies and published diagnostics
}

func newStream(in io.Reader, out io.Writer, closer io.Closer, logger *log.Logger) *stream {
	return &stream{r: bufio.NewReader(in), w: out, c: closer, log: logger}
}

// WriteObject writes one framed message in a single write.
func (s *stream) WriteObject(obj any) error {
	body, err := json.Marshal(obj)
	if err != nil {
		return err
	}
	msg := make([]byte, 0, len(body)+32)
	msg = fmt.Appendf(msg, "Content-Length: %d\r\n\r\n", len(body))
	msg = append(msg, body...)
	s.mu.Lock()
	defer s.mu.Unlock()
	_, err = s.w.Write(msg)
	return err
}

// ReadObject reads the next well-formed message into v, answering and
// skipping malformed ones.
func (s *stream) ReadObject(v any) error {
	for {
		body, err := s.readFrame()
		if err != nil {
			return err
		}
		if body == nil {
			continue
		}
		if !json.Valid(body) {
			s.log.Printf("skipping a message that is not JSON (%d bytes)", len(body))
			s.reject(jsonrpc2.CodeParseError, "parse error: the message is not JSON")
			continue
		}
		if err := json.Unmarshal(body, v); err != nil {
			s.log.Printf("skipping a message that is not JSON-RPC: %v", err)
			s.reject(jsonrpc2.CodeInvalidRequest, "invalid request: "+err.Error())
			continue
		}
		return nil
	}
}

// reject answers a message that could not be read, with a null id as
// JSON-RPC 2.0 asks.
func (s *stream) reject(code int64, msg string) {
	resp := map[string]any{
		"jsonrpc": "2.0",
		"id":      nil,
		"error":   map[string]any{"code": code, "message": msg},
	}
	if err := s.WriteObject(resp); err != nil {
		s.log.Printf("writing an error reply: %v", err)
	}
}

// readFrame reads one header block and its body. A header block without a
// usable Content-Length gives a nil body and no error.
func (s *stream) readFrame() ([]byte, error) {
	length := -1
	sawHeader := false
	for {
		line, err := s.r.ReadString('\n')
		if err != nil {
			if err == io.EOF && strings.TrimSpace(line) != "" {
				s.log.Printf("input ended inside a message header")
			}
			return nil, err
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			if !sawHeader {
				continue // blank lines between messages
			}
			break
		}
		sawHeader = true
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			s.log.Printf("skipping a malformed header line %q", truncate(line, 80))
			continue
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			n, err := strconv.Atoi(strings.TrimSpace(value))
			if err != nil || n < 0 || n > maxMessageSize {
				s.log.Printf("skipping a message with Content-Length %q", truncate(value, 40))
				length = -1
				continue
			}
			length = n
		}
	}
	if length < 0 {
		s.log.Printf("skipping a header block without a valid Content-Length")
		s.reject(jsonrpc2.CodeParseError, "parse error: no valid Content-Length header")
		return nil, nil
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(s.r, body); err != nil {
		return nil, err
	}
	return body, nil
}

// Close closes the underlying connection.
func (s *stream) Close() error {
	if s.c == nil {
		return nil
	}
	return s.c.Close()
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
