package judge

import "unsafe"

type span struct{ s, e int }

// Token shape bits.
const (
	shCode   = 1 << iota // inside an inline code span
	shCamel              // lowerUpper inside the word (camelCase, PascalCase with 2+ humps)
	shCaps               // ALLCAPS (2+ letters)
	shUpper              // starts with an upper-case letter
	shDigit              // contains a digit
	shNum                // is a number
	shDot                // internal dot
	shUnder              // underscore
	shHyphen             // internal hyphen
	shSlash              // internal slash
	shCall               // immediately followed by "("
	shColon              // immediately followed by ":" (or by "):")
)

type token struct {
	s, e  int
	raw   string // original text
	low   string // lower-cased text (apostrophes normalised)
	shape int
	lex   lexEntry
	we    *wordEntry
}

var wordByte = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c >= 0x80
	}
	return
}()

// isWordByte reports whether c continues a token: an ASCII letter, digit
// or underscore, or any byte of a multibyte character.
func isWordByte(c byte) bool { return wordByte[c] }

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// tokenize splits text into word spans. Internal ".", "-", "/", "'" (and the
// curly apostrophe) are kept when surrounded by word characters; trailing
// "+" and "#" are kept after letters (c++, c#); "%" is its own token.
func tokenize(text string, buf []span) []span {
	out := buf[:0]
	n := len(text)
	i := 0
	for i < n {
		c := text[i]
		if c == '%' {
			out = append(out, span{i, i + 1})
			i++
			continue
		}
		if !wordByte[c] || c >= 0x80 && isPunctUTF8(text, i) {
			if c >= 0x80 {
				// A truncated sequence must not step past the end.
				i = min(i+utf8Len(c), n)
			} else {
				i++
			}
			continue
		}
		start := i
		for i < n {
			c = text[i]
			if c < 0x80 && wordByte[c] {
				i++
				continue
			}
			if c >= 0x80 && !isPunctUTF8(text, i) {
				i = min(i+utf8Len(c), n)
				continue
			}
			if (c == '.' || c == '-' || c == '/' || c == '\'') && i+1 < n && isAlnum(text[i+1]) && i > start {
				i++
				continue
			}
			// curly apostrophe U+2019 inside a word
			if c == 0xE2 && i+3 < n && text[i+1] == 0x80 && text[i+2] == 0x99 && isAlnum(text[i+3]) {
				i += 3
				continue
			}
			if (c == '+' || c == '#') && i > start {
				j := i
				for j < n && (text[j] == '+' || text[j] == '#') {
					j++
				}
				if j == n || !isWordByte(text[j]) {
					i = j
				}
			}
			break
		}
		out = append(out, span{start, i})
	}
	return out
}

func utf8Len(c byte) int {
	switch {
	case c >= 0xF0:
		return 4
	case c >= 0xE0:
		return 3
	case c >= 0xC0:
		return 2
	}
	return 1
}

// isPunctUTF8 reports whether a multi-byte rune at i is punctuation we treat
// as a separator (dashes, quotes, arrows, bullets, emoji ranges).
func isPunctUTF8(text string, i int) bool {
	c := text[i]
	if c < 0x80 {
		return false
	}
	if c == 0xE2 { // U+2000..U+2FFF: general punctuation, arrows, symbols
		return true
	}
	if c >= 0xF0 { // emoji and other astral symbols
		return true
	}
	if c == 0xC2 && i+1 < len(text) && text[i+1] < 0xC0 { // Latin-1 punctuation (nbsp, «, », ·)
		return true
	}
	return false
}

func shapeOf(w string) int {
	sh := 0
	letters, uppers := 0, 0
	digits := 0
	prevLower := false
	for k := 0; k < len(w); k++ {
		c := w[k]
		switch {
		case c >= 'a' && c <= 'z':
			letters++
			prevLower = true
			continue
		case c >= 'A' && c <= 'Z':
			letters++
			uppers++
			if prevLower {
				sh |= shCamel
			}
			if k == 0 {
				sh |= shUpper
			}
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			sh |= shDot
		case c == '_':
			sh |= shUnder
		case c == '-':
			sh |= shHyphen
		case c == '/':
			sh |= shSlash
		}
		prevLower = false
	}
	if uppers >= 2 && uppers == letters {
		sh |= shCaps
	}
	if digits > 0 {
		sh |= shDigit
		if letters == 0 {
			sh |= shNum
		}
	}
	return sh
}

// lowerInto lower-cases ASCII letters of s into buf and returns the result as
// a string sharing buf's memory (valid until buf is reused).
func lowerInto(s string, buf []byte) (string, []byte) {
	hasUpper := false
	for k := 0; k < len(s); k++ {
		if c := s[k]; c >= 'A' && c <= 'Z' {
			hasUpper = true
			break
		}
	}
	if !hasUpper {
		return s, buf
	}
	buf = append(buf[:0], s...)
	for k, c := range buf {
		if c >= 'A' && c <= 'Z' {
			buf[k] = c + 'a' - 'A'
		}
	}
	return unsafe.String(&buf[0], len(buf)), buf
}
