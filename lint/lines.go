package lint

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// lineIndex maps byte offsets in a source to 1-based lines and columns.
// Columns count Unicode code points; a tab is one column, and a CR before
// the LF of a CRLF ending is never part of a column because sentences end
// before it.
type lineIndex struct {
	src    []byte
	starts []int // byte offset of the start of each line
	bom    bool  // the source starts with a UTF-8 byte-order mark
}

func newLineIndex(src []byte) lineIndex {
	starts := make([]int, 1, len(src)/40+1)
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		} else if b == '\r' && (i+1 >= len(src) || src[i+1] != '\n') {
			// A lone CR (classic Mac endings) ends a line too.
			starts = append(starts, i+1)
		}
	}
	return lineIndex{src: src, starts: starts, bom: bytes.HasPrefix(src, utf8BOM)}
}

// position returns the 1-based line and code-point column of offset off.
func (x lineIndex) position(off int) (line, col int) {
	if off < 0 {
		off = 0
	}
	if off > len(x.src) {
		off = len(x.src)
	}
	i := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off }) - 1
	from := x.starts[i]
	if i == 0 && x.bom && off >= len(utf8BOM) {
		// Editors do not show the byte-order mark as a column.
		from = len(utf8BOM)
	}
	return i + 1, utf8.RuneCount(x.src[from:off]) + 1
}

// lineCount is the number of lines in the source.
func (x lineIndex) lineCount() int { return len(x.starts) }

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}
