package lsp

import (
	"sort"
	"sync"
	"unicode/utf8"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// Encoding is how a position's character offset counts within a line, as
// negotiated through general.positionEncodings (LSP 3.17).
type Encoding string

// The position encodings of LSP 3.17. UTF-16 is the protocol's default and
// the one every client supports.
const (
	UTF8  Encoding = "utf-8"
	UTF16 Encoding = "utf-16"
	UTF32 Encoding = "utf-32"
)

// chooseEncoding picks the encoding for a session from the client's list.
// UTF-8 comes first because the engine reports byte offsets; UTF-16 is
// the answer when the client offers nothing we know.
func chooseEncoding(offered []string) Encoding {
	has := map[string]bool{}
	for _, e := range offered {
		has[e] = true
	}
	for _, e := range []Encoding{UTF8, UTF32} {
		if has[string(e)] {
			return e
		}
	}
	return UTF16
}

// units is the number of code units rune r, decoded from n bytes, takes in
// encoding enc. In UTF-8 that is n: an invalid byte (RuneError from one
// byte) is one unit, a U+FFFD written out in the text three.
func (enc Encoding) units(r rune, n int) int {
	switch enc {
	case UTF8:
		return n
	case UTF32:
		return 1
	}
	if r >= 0x10000 {
		return 2 // a surrogate pair
	}
	return 1
}

// text is a document's content with the start of each line, where a line
// ends at "\n", "\r\n" or a lone "\r" as the protocol defines.
type text struct {
	src    string
	starts []int

	mu  sync.Mutex
	cps map[Encoding][]checkpoint // built on first use, per encoding
}

// checkpoint is the first character start at or after a multiple of
// unitStride bytes, and the code units of the text before it.
type checkpoint struct{ off, units int }

// unitStride is the distance in bytes between checkpoints: a position
// costs at most this much decoding, however long its line (a paragraph on
// one line of a megabyte, with thousands of findings, took a minute).
const unitStride = 256

func newText(src string) *text {
	starts := make([]int, 1, len(src)/40+1)
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				continue
			}
			starts = append(starts, i+1)
		}
	}
	return &text{src: src, starts: starts}
}

// lineEnd is the byte offset where line i's content ends, before its
// line terminator.
func (t *text) lineEnd(i int) int {
	if i+1 >= len(t.starts) {
		return len(t.src)
	}
	end := t.starts[i+1] - 1
	if end > t.starts[i] && t.src[end] == '\n' && t.src[end-1] == '\r' {
		end--
	}
	return end
}

// lineOf is the 0-based line holding byte offset off.
func (t *text) lineOf(off int) int {
	return sort.Search(len(t.starts), func(i int) bool { return t.starts[i] > off }) - 1
}

// position converts a byte offset into a protocol position in enc. An
// offset inside a line terminator or a character snaps to its start.
func (t *text) position(off int, enc Encoding) protocol.Position {
	off = max(0, min(off, len(t.src)))
	line := t.lineOf(off)
	from := t.starts[line]
	off = min(off, t.lineEnd(line))
	char := t.unitsBefore(off, enc) - t.unitsBefore(from, enc)
	return protocol.Position{Line: uint32(line), Character: uint32(char)}
}

// unitsBefore counts the code units of the characters that end at or
// before off (a character off falls inside is left out). Decoding starts
// at the last checkpoint, which is a character start as decoding from the
// start of the text finds them.
func (t *text) unitsBefore(off int, enc Encoding) int {
	cps := t.checkpoints(enc)
	k := min(off/unitStride, len(cps)-1)
	for k > 0 && cps[k].off > off {
		k--
	}
	i, units := cps[k].off, cps[k].units
	for i < off {
		r, n := utf8.DecodeRuneInString(t.src[i:])
		if i+n > off {
			break
		}
		units += enc.units(r, n)
		i += n
	}
	return units
}

// checkpoints returns the text's checkpoints in enc, building them once.
func (t *text) checkpoints(enc Encoding) []checkpoint {
	t.mu.Lock()
	defer t.mu.Unlock()
	if cps, ok := t.cps[enc]; ok {
		return cps
	}
	cps := make([]checkpoint, 0, len(t.src)/unitStride+2)
	units := 0
	for i := 0; i < len(t.src); {
		for len(cps)*unitStride <= i {
			cps = append(cps, checkpoint{i, units})
		}
		r, n := utf8.DecodeRuneInString(t.src[i:])
		units += enc.units(r, n)
		i += n
	}
	for len(cps)*unitStride <= len(t.src) {
		cps = append(cps, checkpoint{len(t.src), units})
	}
	if t.cps == nil {
		t.cps = map[Encoding][]checkpoint{}
	}
	t.cps[enc] = cps
	return cps
}

// offset converts a protocol position in enc into a byte offset. Lines past
// the end give the end of the text; a character past the end of its line
// gives the line's end (as the protocol asks); one inside a character
// (half a surrogate pair) gives that character's start.
func (t *text) offset(p protocol.Position, enc Encoding) int {
	if int(p.Line) >= len(t.starts) {
		return len(t.src)
	}
	i, end := t.starts[p.Line], t.lineEnd(int(p.Line))
	for char := 0; i < end; {
		r, n := utf8.DecodeRuneInString(t.src[i:])
		char += enc.units(r, n)
		if char > int(p.Character) {
			break
		}
		i += n
	}
	return i
}

// lineColumnOffset converts the engine's 1-based line and code-point column
// (which skips a leading byte-order mark) into a byte offset.
func (t *text) lineColumnOffset(line, col int) int {
	if line < 1 {
		return 0
	}
	if line > len(t.starts) {
		return len(t.src)
	}
	i, end := t.starts[line-1], t.lineEnd(line-1)
	if line == 1 && len(t.src) >= 3 && t.src[:3] == "\uFEFF" {
		i = 3
	}
	for n := 1; n < col && i < end; n++ {
		_, w := utf8.DecodeRuneInString(t.src[i:])
		i += w
	}
	return i
}

// rangeOf converts a byte range into a protocol range in enc.
func (t *text) rangeOf(start, end int, enc Encoding) protocol.Range {
	return protocol.Range{Start: t.position(start, enc), End: t.position(end, enc)}
}
