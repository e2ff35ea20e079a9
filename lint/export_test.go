package lint

// ForgetMemos drops what Memo cached for d, so that a benchmark can time
// work done once per document over and over on a single parse.
func ForgetMemos(d *Document) { d.cache = nil }
