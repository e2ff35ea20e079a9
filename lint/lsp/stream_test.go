package lsp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// framed gives body the header a client writes, with the Content-Length
// it declares.
func framed(length int, body string) string {
	return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", length, body)
}

// request is the compact body of a request with id.
func request(id int, method string, params any) string {
	b, err := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": id, "method": method, "params": params})
	if err != nil {
		panic(err)
	}
	return string(b)
}

// readStream reads every message in input until it ends, and the codes of
// the errors the stream answered with on the way.
func readStream(t *testing.T, input string) (ids []int, codes []int) {
	t.Helper()
	var out bytes.Buffer
	st := newStream(strings.NewReader(input), &out, nil, log.New(io.Discard, "", 0))
	done := make(chan error, 1)
	go func() {
		for {
			var m struct{ ID int }
			if err := st.ReadObject(&m); err != nil {
				done <- err
				return
			}
			ids = append(ids, m.ID)
		}
	}()
	select {
	case err := <-done:
		assert.ErrorIs(t, err, io.EOF)
	case <-time.After(5 * time.Second):
		t.Fatal("the stream is still reading after its input ended")
	}
	return ids, rejections(t, out.Bytes())
}

// rejections are the error codes of the replies a stream wrote, all with
// a null id.
func rejections(t *testing.T, out []byte) []int {
	t.Helper()
	var codes []int
	r := bufio.NewReader(bytes.NewReader(out))
	for {
		line, err := r.ReadString('\n')
		if err == io.EOF {
			return codes
		}
		require.NoError(t, err)
		n, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(line, "Content-Length: ")))
		require.NoError(t, err, "header %q", line)
		blank, _ := r.ReadString('\n')
		require.Equal(t, "\r\n", blank)
		body := make([]byte, n)
		_, err = io.ReadFull(r, body)
		require.NoError(t, err)
		var m struct {
			ID    json.RawMessage
			Error struct{ Code int }
		}
		require.NoError(t, json.Unmarshal(body, &m))
		require.Equal(t, "null", string(m.ID))
		codes = append(codes, m.Error.Code)
	}
}

func TestStreamFraming(t *testing.T) {
	one := request(1, "textDocument/hover", map[string]any{"position": map[string]int{"line": 0, "character": 0}})
	two := request(2, "shutdown", nil)
	cjk := request(7, "textDocument/didOpen", map[string]any{"textDocument": map[string]any{"text": "# 中文\n\nWe pick Kafka now.\n"}})
	var pretty bytes.Buffer
	require.NoError(t, json.Indent(&pretty, []byte(cjk), "", "  "))
	big := request(3, "textDocument/didOpen", map[string]any{
		"text": strings.Repeat("Shoppers pay as guests. ", 1000) + "Content-Length: 5\r\n\r\n{}",
	})
	parseError := []int{-32700}
	url := request(8, "textDocument/didChange", map[string]any{"text": "# " + strings.Repeat("é", 22) + "\n\nSee https://example.com"})

	tests := []struct {
		name  string
		input string
		ids   []int
		codes []int
	}{
		{"well-formed", framed(len(one), one) + framed(len(big), big) + framed(len(two), two), []int{1, 3, 2}, nil},
		{"other headers and any case", "content-length: " + strconv.Itoa(len(one)) + "\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" + one +
			"\r\n\r\nCONTENT-LENGTH:" + strconv.Itoa(len(two)) + "\n\n" + two, []int{1, 2}, nil},
		{"length in characters, not bytes", framed(utf8.RuneCountInString(cjk), cjk) + framed(len(one), one) + framed(len(two), two),
			[]int{1, 2}, parseError},
		{"too short, the rest on several lines", framed(pretty.Len()-30, pretty.String()) + framed(len(one), one) + framed(len(two), two),
			[]int{1, 2}, parseError},
		{"too short by one byte", framed(len(one)-1, one) + framed(len(two), two), []int{2}, parseError},
		// The tail left over holds a colon before the next header: it is
		// not taken for a header of another name.
		{"too short, a URL in the tail", framed(utf8.RuneCountInString(url), url) + framed(len(one), one) + framed(len(two), two),
			[]int{1, 2}, parseError},
		{"too long by a few bytes", framed(len(cjk)+5, cjk) + framed(len(one), one) + framed(len(two), two),
			[]int{1, 2}, parseError},
		{"too long by a whole message", framed(len(cjk)+len(framed(len(one), one))+12, cjk) + framed(len(one), one) + framed(len(two), two),
			[]int{1, 2}, parseError},
		{"too long, the rest of the input is shorter", framed(len(cjk)+5000, cjk) + framed(len(one), one) + framed(len(two), two),
			[]int{1, 2}, parseError},
		{"too long, then too short", framed(len(one)+7, one) + framed(len(cjk)-4, cjk) + framed(len(two), two),
			[]int{2}, []int{-32700, -32700}},
		{"over the size limit", framed(99999999999, one) + framed(len(two), two), []int{2}, parseError},
		{"length not a number", "Content-Length: 12x\r\n\r\n" + one + framed(len(two), two), []int{2}, parseError},
		{"garbage header", "X-Garbage\r\n\r\n" + framed(len(one), one), []int{1}, parseError},
		{"a long garbage line", strings.Repeat("x", 1<<20) + framed(len(one), one), []int{1}, nil},
		{"not JSON-RPC", framed(2, "[]") + framed(len(one), one), []int{1}, []int{-32600}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ids, codes := readStream(t, tt.input)
			assert.Equal(t, tt.ids, ids, "messages read")
			assert.Equal(t, tt.codes, codes, "errors answered")
		})
	}
}

// TestStreamDoesNotWaitForAMissingBody: a Content-Length larger than the
// body that follows does not leave the next message unread while the
// input stays open, nor makes the stream allocate the declared length.
func TestStreamDoesNotWaitForAMissingBody(t *testing.T) {
	one := request(1, "textDocument/hover", map[string]any{})
	two := request(2, "shutdown", nil)
	tests := []struct {
		name   string
		length int
	}{
		{"a few kilobytes", len(one) + 5000},
		{"under the size limit", maxMessageSize - 1},
		{"over the size limit", 99999999999},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inR, inW := io.Pipe()
			defer inW.Close()
			var out syncBuffer
			st := newStream(inR, &out, inR, log.New(io.Discard, "", 0))
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			got := make(chan int, 1)
			go func() {
				var m struct{ ID int }
				if err := st.ReadObject(&m); err == nil {
					got <- m.ID
				}
			}()
			go func() {
				_, _ = io.WriteString(inW, framed(tt.length, one)+framed(len(two), two))
			}()
			select {
			case id := <-got:
				assert.Equal(t, 2, id, "the message after the bad one")
			case <-time.After(5 * time.Second):
				t.Fatal("the stream waits for a body the client never sends")
			}
			runtime.ReadMemStats(&after)
			assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(8<<20), "bytes allocated")
			assert.Equal(t, []int{-32700}, rejections(t, []byte(out.String())))
		})
	}
}

func TestStreamEndsWithItsInput(t *testing.T) {
	one := request(1, "shutdown", nil)
	tests := []struct {
		name  string
		input string
		want  error
	}{
		{"between messages", framed(len(one), one), io.EOF},
		{"inside a header", framed(len(one), one) + "Content-Len", io.EOF},
		{"inside a body", framed(len(one), one) + framed(len(one)+10, one), io.ErrUnexpectedEOF},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := newStream(strings.NewReader(tt.input), io.Discard, nil, log.New(io.Discard, "", 0))
			var m json.RawMessage
			require.NoError(t, st.ReadObject(&m))
			err := st.ReadObject(&m)
			assert.True(t, errors.Is(err, tt.want), "got %v", err)
		})
	}
}
