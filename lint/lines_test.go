package lint

import (
	"math/rand/v2"
	"testing"
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
