package lint

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestRuneStartsCountsByteByByte checks the eight-bytes-at-a-time count
// against the plain one, on every length and alignment of random bytes.
func TestRuneStartsCountsByteByByte(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	src := make([]byte, 300)
	for i := range src {
		src[i] = byte(rng.UintN(256))
	}
	src = append(src, "héllo wörld ✓ 😀 done"...)
	for from := 0; from < 9; from++ {
		for to := from; to <= len(src); to++ {
			want := 0
			for _, c := range src[from:to] {
				if c&0xC0 != 0x80 {
					want++
				}
			}
			if got := runeStarts(src[from:to]); got != want {
				t.Fatalf("runeStarts(src[%d:%d]) = %d, want %d", from, to, got, want)
			}
		}
	}
}

// TestRunesBeforeCountsEveryOffset checks the shortcut for strides of
// single-byte code points against counting, on text mixing both.
func TestRunesBeforeCountsEveryOffset(t *testing.T) {
	src := []byte(strings.Repeat("plain ascii text ", 40) + "é✓" + strings.Repeat("x", 300) + "😀 end")
	x := newLineIndex(src)
	for off := 0; off <= len(src); off++ {
		if got, want := x.runesBefore(off), runeStarts(src[:off]); got != want {
			t.Fatalf("runesBefore(%d) = %d, want %d", off, got, want)
		}
	}
}

// TestLineStarts covers both ways of finding line starts: LF only, and
// with CRs (CRLF or lone).
func TestLineStarts(t *testing.T) {
	tests := []struct {
		src  string
		want []int
	}{
		{"", []int{0}},
		{"a", []int{0}},
		{"a\nbc\n", []int{0, 2, 5}},
		{"\n\nx", []int{0, 1, 2}},
		{"a\r\nb\rc\n\r", []int{0, 3, 5, 7, 8}},
	}
	for _, tt := range tests {
		got := newLineIndex([]byte(tt.src)).starts
		if len(got) != len(tt.want) {
			t.Fatalf("%q: starts %v, want %v", tt.src, got, tt.want)
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Fatalf("%q: starts %v, want %v", tt.src, got, tt.want)
			}
		}
	}
}

// TestLastColumn: a line's last column is that of its last character,
// however many bytes it takes, with no line break and no byte-order mark.
func TestLastColumn(t *testing.T) {
	tests := []struct {
		name string
		src  string
		line int
		want int
	}{
		{"ASCII", "abc\nde\n", 1, 3},
		{"second line", "abc\nde\n", 2, 2},
		{"empty line", "abc\n\nde\n", 2, 0},
		{"after the last line break", "abc\n", 2, 0},
		{"ends in a two-byte character", "Café\n", 1, 4},
		{"ends in a four-byte character", "ok 😀\r\n", 1, 4},
		{"CRLF", "ab\r\ncd\r\n", 1, 2},
		{"lone CR", "ab\rcd\r", 2, 2},
		{"after a byte-order mark", "\xEF\xBB\xBFab\n", 1, 2},
		{"only a byte-order mark", "\xEF\xBB\xBF\nab\n", 1, 0},
		{"no such line", "ab\n", 5, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, newLineIndex([]byte(tt.src)).lastColumn(tt.line))
		})
	}
}

// TestLastRuneStart: the last character of a span starts at its rune's
// first byte; a stray continuation byte (invalid UTF-8) belongs to the
// character before it, as columns count rune starts, but not to a line
// break.
func TestLastRuneStart(t *testing.T) {
	for _, tt := range []struct {
		src        string
		from, want int
	}{
		{"abc", 0, 2},
		{"abé", 0, 2},
		{"a✓", 0, 1},
		{"ab\xa9", 0, 1},
		{"é\xa9", 0, 0},
		{"a\n\xa9", 0, 2},
		{"a\r\n\xa9\xa9", 0, 3},
		{"\xa9\xa9", 1, 1},
	} {
		assert.Equal(t, tt.want, lastRuneStart([]byte(tt.src), tt.from, len(tt.src)), "%q", tt.src)
	}
}
