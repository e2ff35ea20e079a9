package format

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"github.com/prdlint/prdlint/lint"
)

// diagnosticsHead is how encoding/json, indented by two spaces, opens a
// jsonReport whose diagnostics list is empty.
const diagnosticsHead = "{\n  \"diagnostics\": []"

// encodeReport writes out as encoding/json would with two-space indent and
// no HTML escaping, byte for byte, but one diagnostic at a time: a whole
// repository's findings are tens of megabytes of JSON, which the standard
// encoder would build in memory twice (encoded, then indented) before
// writing a byte.
func encodeReport(w io.Writer, out jsonReport) error {
	diags := out.Diagnostics
	// Everything but the diagnostics, encoded the standard way.
	out.Diagnostics = []lint.Diagnostic{}
	var rest bytes.Buffer
	if err := newJSONEncoder(&rest, "").Encode(out); err != nil {
		return err
	}
	if !bytes.HasPrefix(rest.Bytes(), []byte(diagnosticsHead)) {
		// The diagnostics are no longer the first member: no splicing.
		out.Diagnostics = diags
		return newJSONEncoder(w, "").Encode(out)
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(diagnosticsHead[:len(diagnosticsHead)-1])
	var item bytes.Buffer
	enc := newJSONEncoder(&item, "    ")
	for i := range diags {
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n    ")
		item.Reset()
		if err := enc.Encode(&diags[i]); err != nil {
			return err
		}
		bw.Write(bytes.TrimSuffix(item.Bytes(), []byte("\n")))
	}
	if len(diags) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteByte(']')
	bw.Write(rest.Bytes()[len(diagnosticsHead):])
	return bw.Flush()
}

func newJSONEncoder(w io.Writer, prefix string) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	return enc
}
