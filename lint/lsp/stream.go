package lsp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/sourcegraph/jsonrpc2"
)

// maxMessageSize bounds one message's body. A larger Content-Length is not
// believed: the message is answered with a parse error at once, without
// reading or allocating its body, which is then skipped as garbage up to
// the next Content-Length header.
const maxMessageSize = 64 << 20

// maxHeaderLine bounds how much of a header line without an end is kept:
// a real header is far shorter, so of a longer line, such as a body read
// as headers, only the tail that may hold the start of the next message's
// Content-Length header is kept.
const maxHeaderLine = 1 << 10

// contentLength starts the one header the framing needs, in lower case;
// header names are compared without regard to case.
var contentLength = []byte("content-length:")

// contentLengthName is the header's name, without the colon.
var contentLengthName = contentLength[:len(contentLength)-1]

// stream frames JSON-RPC messages with Content-Length headers, like
// jsonrpc2.VSCodeObjectCodec, but survives bad input: a message that is not
// JSON or not a JSON-RPC message is answered with a parse or
// invalid-request error and skipped, and a garbled header is skipped up to
// the next blank line. A wrong Content-Length costs only its own message:
// the reader finds the next message's header wherever the bad length left
// it (see readFrame). Only the end of input or a broken pipe ends the
// connection, where jsonrpc2's own codec would close it at the first bad
// byte.
type stream struct {
	r   *bufio.Reader
	w   io.Writer
	c   io.Closer
	log *log.Logger

	// pending holds bytes to read again before r: the part of a body
	// read with a wrong Content-Length that starts the next message.
	pending []byte
	// line gathers a header line longer than r's buffer.
	line []byte

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
			if i := resumeAt(body); i >= 0 {
				// The Content-Length was too long and the body took in
				// the start of the next message: read it again.
				s.log.Printf("reading the next message from inside the skipped one, %d bytes in", i)
				s.unread(body[i:])
			}
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
// usable Content-Length, or a body found to be shorter than its
// Content-Length, is answered here and gives a nil body and no error.
//
// A wrong Content-Length leaves the reader out of step with the client,
// and a compact JSON body holds no line break, so what is left of one
// message runs into the next message's header on one line. The reader falls back in
// step thus:
//
//   - Too short (a length counted in characters rather than bytes): the
//     body is cut, is not JSON and gets a parse error; its tail is read
//     as a header line that is not a header but ends in a Content-Length
//     header, where reading resumes (embeddedHeader).
//   - Too long: the body takes in the start of the next message. If the
//     bytes read are complete and not JSON, they get a parse error and
//     are read again from the next message's header, whole or cut off at
//     their end (resumeAt). If the body is still waiting for bytes,
//     readBody stops it as soon as the bytes it holds contain a
//     Content-Length header line, which no JSON text can hold; so the bad
//     message is answered when the client sends its next message, and
//     that message is read. Until then the reader waits, as a body may
//     legitimately arrive slowly.
//   - Over maxMessageSize or not a number: the header block gets a parse
//     error at once and the body is read as header lines, up to the next
//     Content-Length header.
func (s *stream) readFrame() ([]byte, error) {
	length := -1
	problem := "no valid Content-Length header"
	sawHeader := false
	for {
		line, err := s.readLine()
		if err != nil {
			if err == io.EOF && len(bytes.TrimSpace(line)) > 0 {
				s.log.Printf("input ended inside a message header")
			}
			return nil, err
		}
		line = bytes.TrimRight(line, "\r\n")
		if len(line) == 0 {
			if !sawHeader {
				continue // blank lines between messages
			}
			break
		}
		sawHeader = true
		if i := embeddedHeader(line); i > 0 {
			s.log.Printf("skipping %d bytes before a Content-Length header", i)
			line = line[i:]
			length, problem = -1, "no valid Content-Length header"
		}
		name, value, ok := bytes.Cut(line, []byte(":"))
		name = bytes.TrimSpace(name)
		if !ok || !isToken(name) {
			s.log.Printf("skipping a malformed header line %q", truncate(string(line), 80))
			continue
		}
		if !equalFold(name, contentLengthName) {
			continue // other headers, such as Content-Type
		}
		value = bytes.TrimSpace(value)
		n, err := strconv.Atoi(string(value))
		switch {
		case err != nil && isDigits(value), err == nil && n > maxMessageSize:
			s.log.Printf("skipping a message with Content-Length %s, over the limit of %d bytes", truncate(string(value), 40), maxMessageSize)
			length, problem = -1, fmt.Sprintf("Content-Length %s is over the limit of %d bytes", truncate(string(value), 40), maxMessageSize)
		case err != nil || n < 0:
			s.log.Printf("skipping a message with Content-Length %q", truncate(string(value), 40))
			length, problem = -1, "no valid Content-Length header"
		default:
			length = n
		}
	}
	if length < 0 {
		s.log.Printf("skipping a header block without a valid Content-Length")
		s.reject(jsonrpc2.CodeParseError, "parse error: "+problem)
		return nil, nil
	}
	body, next, err := s.readBody(length)
	if err != nil {
		return nil, err
	}
	if next >= 0 {
		s.log.Printf("skipping a message with Content-Length %d: the next message's header starts %d bytes into it", length, next)
		s.reject(jsonrpc2.CodeParseError, "parse error: the message is shorter than its Content-Length")
		s.unread(body[next:])
		return nil, nil
	}
	return body, nil
}

// readLine returns the next line with its line break, or what is left of
// the input at its end; it is valid until the next read. Of a line longer
// than maxHeaderLine only the last maxHeaderLine bytes and the final
// fragment read are kept, which holds any header line that ends it.
func (s *stream) readLine() ([]byte, error) {
	if len(s.pending) > 0 {
		if i := bytes.IndexByte(s.pending, '\n'); i >= 0 {
			line := s.pending[:i+1]
			s.pending = s.pending[i+1:]
			return line, nil
		}
		s.line = append(s.line[:0], s.pending...)
		s.pending = nil
	} else {
		line, err := s.r.ReadSlice('\n')
		if err != bufio.ErrBufferFull {
			return line, err
		}
		s.line = append(s.line[:0], line...)
	}
	for {
		if len(s.line) > maxHeaderLine {
			s.line = append(s.line[:0], s.line[len(s.line)-maxHeaderLine:]...)
		}
		frag, err := s.r.ReadSlice('\n')
		s.line = append(s.line, frag...)
		if err != bufio.ErrBufferFull {
			return s.line, err
		}
	}
}

// readBody reads a body of n bytes. Whenever it has to wait for more, it
// first looks for a Content-Length header line among the bytes it holds:
// if there is one, the Content-Length was too long and next is where that
// header starts; otherwise next is -1. The body grows as bytes arrive, so
// a Content-Length that overstates the body costs no memory.
func (s *stream) readBody(n int) (body []byte, next int, err error) {
	body = make([]byte, 0, min(n, 64<<10))
	if len(s.pending) > 0 {
		k := min(n, len(s.pending))
		body = append(body, s.pending[:k]...)
		s.pending = s.pending[k:]
	}
	checked := 0
	for len(body) < n {
		if s.r.Buffered() == 0 {
			if i := findHeader(body, checked); i >= 0 {
				return body, i, nil
			}
			checked = len(body)
		}
		if len(body) == cap(body) {
			body = slices.Grow(body, min(n-len(body), len(body)))
		}
		k, err := s.r.Read(body[len(body):min(cap(body), n)])
		body = body[:len(body)+k]
		if err != nil {
			if err == io.EOF {
				s.log.Printf("input ended inside a message body")
				err = io.ErrUnexpectedEOF
			}
			return nil, -1, err
		}
	}
	return body, -1, nil
}

// unread puts b back in front of the input.
func (s *stream) unread(b []byte) {
	s.pending = append(append(make([]byte, 0, len(b)+len(s.pending)), b...), s.pending...)
}

// embeddedHeader returns where a Content-Length header starts inside a
// line that is not a header itself, such as the tail of a body cut short
// run together with the next message's header; or 0 if the line is a
// header, -1 if it is neither. A name that only ends in Content-Length
// is taken for such a run: no other header is named so.
func embeddedHeader(line []byte) int {
	// A body's tail that holds a colon ("…https://example.com\"}}") run
	// together with the next header would otherwise read as a header of
	// another name: a Content-Length with a number after it, past the
	// line's start, is the header to resume at, whatever comes before.
	i := lastIndexFold(line, contentLength)
	if i > 0 && isDigits(bytes.TrimSpace(line[i+len(contentLength):])) {
		return i
	}
	name, value, ok := bytes.Cut(line, []byte(":"))
	if name = bytes.TrimSpace(name); ok && isToken(name) {
		cl := contentLengthName
		if len(name) < len(cl) || !equalFold(name[len(name)-len(cl):], cl) {
			return 0 // another header
		}
		if len(name) == len(cl) && isDigits(bytes.TrimSpace(value)) {
			return 0
		}
	}
	return i
}

// findHeader returns where the first Content-Length header line ending
// in b[from:] starts, or -1. A JSON text holds no such line: its letters
// would have to be inside a string, which cannot hold a line break.
func findHeader(b []byte, from int) int {
	for from < len(b) {
		j := bytes.IndexByte(b[from:], '\n')
		if j < 0 {
			return -1
		}
		j += from
		from = j + 1
		k := j
		if k > 0 && b[k-1] == '\r' {
			k--
		}
		k = skipBack(b, k, isBlank)
		d := skipBack(b, k, isDigit)
		if d == k {
			continue
		}
		k = skipBack(b, d, isBlank)
		if start := k - len(contentLength); start >= 0 && equalFold(b[start:k], contentLength) {
			return start
		}
	}
	return -1
}

// resumeAt returns where, in a body that is not JSON, the next message
// starts, or -1: at its first Content-Length header line, or at a
// Content-Length header, or the start of one, that the body ends with.
func resumeAt(body []byte) int {
	if i := findHeader(body, 0); i >= 0 {
		return i
	}
	tail := max(0, len(body)-maxHeaderLine)
	if i := lastIndexFold(body[tail:], contentLength); i >= 0 {
		rest := body[tail+i+len(contentLength):]
		if skipBack(rest, len(rest), func(c byte) bool { return isBlank(c) || isDigit(c) || c == '\r' }) == 0 {
			return tail + i
		}
	}
	for k := min(len(contentLength)-1, len(body)); k > 0; k-- {
		if equalFold(body[len(body)-k:], contentLength[:k]) {
			return len(body) - k
		}
	}
	return -1
}

// skipBack returns the start of the run of bytes matching ok that ends at
// b[end].
func skipBack(b []byte, end int, ok func(byte) bool) int {
	for end > 0 && ok(b[end-1]) {
		end--
	}
	return end
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isDigits(b []byte) bool {
	return len(b) > 0 && skipBack(b, len(b), isDigit) == 0
}

// isToken reports whether b is an HTTP token, as a header name is.
func isToken(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || isDigit(c) || strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0) {
			return false
		}
	}
	return true
}

// equalFold compares b with lower, in lower case, ignoring ASCII case.
func equalFold(b, lower []byte) bool {
	if len(b) != len(lower) {
		return false
	}
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// lastIndexFold is bytes.LastIndex ignoring ASCII case; lower is in lower
// case.
func lastIndexFold(b, lower []byte) int {
	for i := len(b) - len(lower); i >= 0; i-- {
		if equalFold(b[i:i+len(lower)], lower) {
			return i
		}
	}
	return -1
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
