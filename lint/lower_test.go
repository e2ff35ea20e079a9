package lint

import "testing"

func TestAppendLowerASCIIIsLowerASCII(t *testing.T) {
	var buf []byte
	texts := []string{"", "Hello WORLD", "Ünïcode Äb", "ok", "[X](Y) 42 Z"}
	for _, s := range texts {
		buf = AppendLowerASCII(buf, s)
	}
	want := ""
	for _, s := range texts {
		want += LowerASCII(s)
	}
	if string(buf) != want {
		t.Fatalf("AppendLowerASCII gave %q, want %q", buf, want)
	}
}
