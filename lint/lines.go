package lint

import (
	"bytes"
	"encoding/binary"
	"math/bits"
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
	// runes[k] counts the code points in src[:k*runeStride], so a column
	// on a long line costs at most runeStride bytes of counting, not the
	// whole line: a one-megabyte line of short sentences would otherwise
	// take minutes.
	runes []int
}

// runeStride is the distance in bytes between the rune counts a lineIndex keeps.
const runeStride = 256

func newLineIndex(src []byte) lineIndex {
	starts := make([]int, 1, len(src)/40+1)
	if bytes.IndexByte(src, '\r') < 0 {
		// Only LF ends lines: the vectorised search finds them.
		for i := 0; ; {
			j := bytes.IndexByte(src[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
			starts = append(starts, i)
		}
	} else {
		for i, b := range src {
			if b == '\n' {
				starts = append(starts, i+1)
			} else if b == '\r' && (i+1 >= len(src) || src[i+1] != '\n') {
				// A lone CR (classic Mac endings) ends a line too.
				starts = append(starts, i+1)
			}
		}
	}
	runes := make([]int, 1, len(src)/runeStride+1)
	n := 0
	for i := runeStride; i <= len(src); i += runeStride {
		n += runeStarts(src[i-runeStride : i])
		runes = append(runes, n)
	}
	return lineIndex{src: src, starts: starts, bom: bytes.HasPrefix(src, utf8BOM), runes: runes}
}

// runeStarts counts the bytes of b that start a code point: for valid
// UTF-8, the number of code points, and unlike utf8.RuneCount it adds up
// over any split of b.
func runeStarts(b []byte) int {
	n := len(b)
	// Eight bytes at a time: a continuation byte is 10xxxxxx, so bit 7 of
	// each byte set and bit 6 (shifted up into bit 7) clear marks one.
	i := 0
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		n -= bits.OnesCount64(w &^ (w << 1) & 0x8080808080808080)
	}
	for _, c := range b[i:] {
		if c&0xC0 == 0x80 {
			n--
		}
	}
	return n
}

// runesBefore counts the code points in src[:off].
func (x lineIndex) runesBefore(off int) int {
	k := off / runeStride
	if k+1 < len(x.runes) && x.runes[k+1]-x.runes[k] == runeStride {
		// Every byte of this stride starts a code point (plain ASCII,
		// most of the time), so every byte before off does too.
		return x.runes[k] + off - k*runeStride
	}
	return x.runes[k] + runeStarts(x.src[k*runeStride:off])
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
	return i + 1, x.runesBefore(off) - x.runesBefore(from) + 1
}

// lastColumn is the code-point column of the last character of a 1-based
// line, its line break left out (0 for an empty line).
func (x lineIndex) lastColumn(line int) int {
	if line < 1 || line > len(x.starts) {
		return 0
	}
	end := len(x.src)
	if line < len(x.starts) {
		end = x.starts[line]
	}
	from := x.starts[line-1]
	for end > from && (x.src[end-1] == '\n' || x.src[end-1] == '\r') {
		end--
	}
	last := lastRuneStart(x.src, from, end)
	if end == from || line == 1 && x.bom && last < len(utf8BOM) {
		return 0
	}
	_, col := x.position(last)
	return col
}

// lastRuneStart is the offset of the first byte of the last character of
// src[from:end], no earlier than from. Columns count rune starts, so a
// stray continuation byte (invalid UTF-8) belongs to the character before
// it, but never to a line break: after one it stands in the next line's
// first column.
func lastRuneStart(src []byte, from, end int) int {
	last := end - 1
	for last > from && !utf8.RuneStart(src[last]) && src[last-1] != '\n' && src[last-1] != '\r' {
		last--
	}
	return last
}

// lineCount is the number of lines in the source.
func (x lineIndex) lineCount() int { return len(x.starts) }

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// loneCRToLF returns b with every CR that is not followed by LF turned
// into LF; it copies b first unless owned says b may be changed in place.
// CommonMark ends a line at a lone CR (classic Mac files) but goldmark
// does not, so without this a CR-only file is one long line: one
// paragraph, or one heading. The swap keeps every byte offset.
func loneCRToLF(b []byte, owned bool) []byte {
	first := bytes.IndexByte(b, '\r')
	if first < 0 {
		return b
	}
	for i := first; i < len(b); i++ {
		if b[i] != '\r' || i+1 < len(b) && b[i+1] == '\n' {
			continue
		}
		if !owned {
			b = append([]byte(nil), b...)
			owned = true
		}
		b[i] = '\n'
	}
	return b
}
