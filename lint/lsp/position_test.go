package lsp

import (
	"testing"

	"github.com/stretchr/testify/assert"
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
