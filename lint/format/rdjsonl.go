package format

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/reviewdog/reviewdog/proto/rdf"
	"google.golang.org/protobuf/encoding/protojson"

	"github.com/prdlint/prdlint/lint"
)

// RDJSONL writes reviewdog's diagnostic format as JSON lines (reviewdog
// -f=rdjsonl): one rdf.Diagnostic per finding. Its columns count UTF-8
// bytes and its end is exclusive, so positions are converted from the
// source.
type RDJSONL struct{}

// Name implements Formatter.
func (RDJSONL) Name() string { return "rdjsonl" }

// Description implements Formatter.
func (RDJSONL) Description() string { return "reviewdog diagnostic format, one JSON object per line" }

func rdSeverity(s lint.Severity) rdf.Severity {
	switch s {
	case lint.SeverityError:
		return rdf.Severity_ERROR
	case lint.SeverityWarning:
		return rdf.Severity_WARNING
	case lint.SeverityInfo:
		return rdf.Severity_INFO
	}
	return rdf.Severity_UNKNOWN_SEVERITY
}

// Format implements Formatter. A file that could not be linted (or was
// linted despite an error, such as broken front matter) is an ERROR
// diagnostic with no code, at the place the error names or else at the
// file's first line, so that a pipeline into reviewdog shows it too.
func (RDJSONL) Format(w io.Writer, rep *lint.Report, _ Options) error {
	docs := documents(rep)
	bw := bufio.NewWriter(w)
	var line bytes.Buffer
	var msgs []*rdf.Diagnostic
	seen := map[string]bool{}
	for _, f := range rep.Files {
		if f.Err == nil {
			continue
		}
		what := "not linted: "
		if f.Linted {
			what = "linted despite an error: " // broken front matter
		}
		// A broken configuration file is reported at its own line, once
		// however many files it kept from being linted; invalid UTF-8 at
		// its line and byte column of the file.
		path, line, col, _ := f.Err.Location()
		var enc *lint.EncodingError
		switch {
		case errors.As(f.Err, &enc):
			col = enc.ByteColumn
		case path != f.Err.Path:
			col = 0 // its column counts characters, rdjsonl's bytes: the line is enough
		}
		msg := utf8Text(what + f.Err.Err.Error())
		key := fmt.Sprintf("%s\x00%d\x00%s", path, line, msg)
		if seen[key] {
			continue
		}
		seen[key] = true
		msgs = append(msgs, &rdf.Diagnostic{
			Message:  msg,
			Location: &rdf.Location{Path: utf8Text(path), Range: &rdf.Range{Start: &rdf.Position{Line: int32(line), Column: int32(col)}}},
			Severity: rdf.Severity_ERROR,
			Source:   &rdf.Source{Name: "prdlint", Url: lint.HomeURL},
		})
	}
	for i := range rep.Diagnostics {
		d := &rep.Diagnostics[i]
		start := &rdf.Position{Line: int32(d.Line), Column: int32(d.Column)}
		end := &rdf.Position{Line: int32(d.EndLine), Column: int32(d.EndColumn + 1)}
		if doc := docs[d.Path]; doc != nil {
			start.Column = int32(doc.ByteColumn(d.Line, d.Column))
			end.Column = int32(doc.ByteColumn(d.EndLine, d.EndColumn+1))
		}
		msgs = append(msgs, &rdf.Diagnostic{
			Message:  utf8Text(d.Message),
			Location: &rdf.Location{Path: utf8Text(d.Path), Range: &rdf.Range{Start: start, End: end}},
			Severity: rdSeverity(d.Severity),
			Source:   &rdf.Source{Name: "prdlint", Url: lint.HomeURL},
			Code:     &rdf.Code{Value: d.Rule, Url: lint.RuleURL(d.Rule)},
		})
	}
	for _, msg := range msgs {
		b, err := protojson.Marshal(msg)
		if err != nil {
			return err
		}
		// protojson varies its whitespace on purpose; compacting makes
		// the output byte-stable.
		line.Reset()
		if err := json.Compact(&line, b); err != nil {
			return err
		}
		line.WriteByte('\n')
		if _, err := bw.Write(line.Bytes()); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// utf8Text makes s valid UTF-8, as protobuf strings and GitHub's workflow
// commands must be: a file name that is not (Linux allows any bytes) gets
// U+FFFD for each bad byte run, as the JSON format writes it.
func utf8Text(s string) string {
	return strings.ToValidUTF8(s, "\uFFFD")
}
