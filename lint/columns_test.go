package lint

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestByteColumn(t *testing.T) {
	src := []byte("ab\ncafé 𐐀 ok\r\nlast")
	doc := &Document{Source: src, lines: newLineIndex(src)}
	tests := []struct {
		line, col, want int
	}{
		{1, 1, 1},
		{1, 3, 3}, // just past "ab": the exclusive end of the line
		{2, 1, 1},
		{2, 4, 4},   // é starts at byte 4
		{2, 5, 6},   // the space after é (2 bytes)
		{2, 6, 7},   // 𐐀
		{2, 7, 11},  // after 𐐀 (4 bytes)
		{2, 99, 14}, // clamped before the CRLF
		{3, 2, 2},
		{9, 4, 4}, // no such line: unchanged
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, doc.ByteColumn(tt.line, tt.col), "line %d col %d", tt.line, tt.col)
	}

	bom := append([]byte{0xEF, 0xBB, 0xBF}, "Hi"...)
	doc = &Document{Source: bom, lines: newLineIndex(bom)}
	assert.Equal(t, 4, doc.ByteColumn(1, 1), "the byte-order mark is three bytes of the line")
}
