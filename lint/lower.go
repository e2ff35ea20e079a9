package lint

// LowerASCII lower-cases the ASCII letters of s and leaves every other
// byte as it is, so offsets into the result are offsets into s. Rules
// match lower-case patterns against it: Go's case-insensitive regular
// expressions fold case rune by rune, which costs far more.
func LowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// AppendLowerASCII appends s lower-cased as LowerASCII does to dst, so
// many texts can share one allocation.
func AppendLowerASCII(dst []byte, s string) []byte {
	dst = append(dst, s...)
	tail := dst[len(dst)-len(s):]
	for i, c := range tail {
		if c >= 'A' && c <= 'Z' {
			tail[i] = c + 'a' - 'A'
		}
	}
	return dst
}
