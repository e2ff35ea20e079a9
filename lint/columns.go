package lint

import "unicode/utf8"

// ByteColumn converts a 1-based code-point column on a 1-based line into
// the 1-based UTF-8 byte column of the same character, for formats that
// count bytes (reviewdog's). Bytes are counted from the start of the line
// as stored, so on the first line a byte-order mark counts. A column past
// the end of the line maps to the byte just after it, which is what an
// exclusive end position needs.
func (d *Document) ByteColumn(line, col int) int {
	x := d.lines
	if line < 1 || line > len(x.starts) {
		return col
	}
	from := x.starts[line-1]
	end := len(x.src)
	if line < len(x.starts) {
		end = x.starts[line]
	}
	// The line break is not a column.
	for end > from && (x.src[end-1] == '\n' || x.src[end-1] == '\r') {
		end--
	}
	i := from
	if line == 1 && x.bom {
		i += len(utf8BOM)
	}
	for n := 1; n < col && i < end; n++ {
		_, size := utf8.DecodeRune(x.src[i:end])
		i += size
	}
	return i - from + 1
}
