package lsp

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

func pos(line, char uint32) protocol.Position { return protocol.Position{Line: line, Character: char} }

func TestTextLines(t *testing.T) {
	// LF, CRLF and a lone CR all end a line.
	x := newText("ab\r\ncd\ref\ngh")
	assert.Equal(t, []int{0, 4, 7, 10}, x.starts)
	assert.Equal(t, 2, x.lineEnd(0), "the CR of a CRLF is not content")
	assert.Equal(t, 6, x.lineEnd(1))
	assert.Equal(t, 12, x.lineEnd(3))
	assert.Equal(t, pos(1, 1), x.position(5, UTF16))
	assert.Equal(t, pos(0, 2), x.position(3, UTF16), "inside a CRLF snaps to the line's end")
	assert.Equal(t, 7, x.offset(pos(2, 0), UTF16))
	assert.Equal(t, 2, x.offset(pos(0, 40), UTF16), "past the line's end gives the line's end")
	assert.Equal(t, 12, x.offset(pos(9, 0), UTF16), "past the last line gives the end")
}

func TestPositionRoundTrip(t *testing.T) {
	// é is 2 bytes and 1 UTF-16 unit; 😀 is 4 bytes and 2 units; 中 is 3
	// bytes and 1 unit.
	x := newText("é😀中x\n")
	tests := []struct {
		enc   Encoding
		chars []uint32 // the position of each character's start, then the end
	}{
		{UTF8, []uint32{0, 2, 6, 9, 10}},
		{UTF16, []uint32{0, 1, 3, 4, 5}},
		{UTF32, []uint32{0, 1, 2, 3, 4}},
	}
	offsets := []int{0, 2, 6, 9, 10}
	for _, tt := range tests {
		for i, off := range offsets {
			assert.Equal(t, pos(0, tt.chars[i]), x.position(off, tt.enc), "%s offset %d", tt.enc, off)
			assert.Equal(t, off, x.offset(pos(0, tt.chars[i]), tt.enc), "%s character %d", tt.enc, tt.chars[i])
		}
	}
	assert.Equal(t, 2, x.offset(pos(0, 2), UTF16), "half a surrogate pair is the emoji's start")
	assert.Equal(t, 2, x.offset(pos(0, 4), UTF8), "inside a UTF-8 sequence is the character's start")
	assert.Equal(t, pos(0, 1), x.position(4, UTF16), "an offset inside a character snaps to its start")
}

// TestReplacementCharacter: a U+FFFD written in the text is three UTF-8
// units, an invalid byte (decoded as U+FFFD too) one.
func TestReplacementCharacter(t *testing.T) {
	x := newText("\ufffd\xffx\n")
	offsets := []int{0, 3, 4, 5}
	tests := []struct {
		enc   Encoding
		chars []uint32
	}{
		{UTF8, []uint32{0, 3, 4, 5}},
		{UTF16, []uint32{0, 1, 2, 3}},
		{UTF32, []uint32{0, 1, 2, 3}},
	}
	for _, tt := range tests {
		for i, off := range offsets {
			assert.Equal(t, pos(0, tt.chars[i]), x.position(off, tt.enc), "%s offset %d", tt.enc, off)
			assert.Equal(t, off, x.offset(pos(0, tt.chars[i]), tt.enc), "%s character %d", tt.enc, tt.chars[i])
		}
	}
}

func TestLineColumnOffset(t *testing.T) {
	x := newText("\uFEFFab\ncé d\n")
	assert.Equal(t, 3, x.lineColumnOffset(1, 1), "columns skip the byte-order mark")
	assert.Equal(t, 9, x.lineColumnOffset(2, 3), "code points, not bytes")
	assert.Equal(t, 11, x.lineColumnOffset(2, 99), "clamped to the line's end")
}

func TestChooseEncoding(t *testing.T) {
	assert.Equal(t, UTF16, chooseEncoding(nil))
	assert.Equal(t, UTF8, chooseEncoding([]string{"utf-16", "utf-32", "utf-8"}))
	assert.Equal(t, UTF32, chooseEncoding([]string{"utf-32", "utf-16"}))
	assert.Equal(t, UTF16, chooseEncoding([]string{"latin-1"}))
}

// TestPositionMatchesScanningTheLine checks the checkpointed conversion
// against decoding each line from its start, on random texts with long
// lines, multibyte and astral characters, written U+FFFD and invalid bytes.
func TestPositionMatchesScanningTheLine(t *testing.T) {
	pieces := []string{"a", "é", "中", "😀", "\ufffd", "\xff", "\xe4\xb8", "\n", "\r\n", "\r", " ", "word "}
	naive := func(x *text, off int, enc Encoding) protocol.Position {
		off = max(0, min(off, len(x.src)))
		line := x.lineOf(off)
		from := x.starts[line]
		off = min(off, x.lineEnd(line))
		char := 0
		for i := from; i < off; {
			r, n := utf8.DecodeRuneInString(x.src[i:])
			if i+n > off {
				break
			}
			char += enc.units(r, n)
			i += n
		}
		return protocol.Position{Line: uint32(line), Character: uint32(char)}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 40 {
		var b strings.Builder
		for range rng.IntN(2000) {
			p := pieces[rng.IntN(len(pieces))]
			if strings.ContainsAny(p, "\r\n") && rng.IntN(8) != 0 {
				p = "x" // mostly long lines
			}
			b.WriteString(p)
		}
		x := newText(b.String())
		for _, enc := range []Encoding{UTF8, UTF16, UTF32} {
			for off := 0; off <= len(x.src)+1; off++ {
				require.Equal(t, naive(x, off, enc), x.position(off, enc), "%s offset %d of %q", enc, off, x.src)
			}
		}
	}
}

// BenchmarkPositionsOnOneLongLine converts the ranges of 20,000 findings
// on one 900 KB line, as a paragraph written on a single line gives: each
// costs a bounded amount of decoding, not a scan from the line's start.
func BenchmarkPositionsOnOneLongLine(b *testing.B) {
	var sb strings.Builder
	var starts []int
	for i := 0; sb.Len() < 900_000; i++ {
		starts = append(starts, sb.Len())
		fmt.Fprintf(&sb, "We will store carts in Postgres number %d. ", i)
	}
	src := sb.String()
	for b.Loop() {
		x := newText(src)
		for _, off := range starts[:min(len(starts), 20000)] {
			x.rangeOf(off, off+40, UTF16)
		}
	}
}
