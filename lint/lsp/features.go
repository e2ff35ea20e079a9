package lsp

import (
	"fmt"
	"strings"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/prdlint/prdlint/lint"
)

// hover explains the findings under the cursor: what fired, the what/why
// question to answer instead, and the rule's documentation.
func (s *Server) hover(_ *glsp.Context, p *protocol.HoverParams) (*protocol.Hover, error) {
	l := s.lintCurrent(p.TextDocument.URI)
	if l == nil {
		return nil, nil
	}
	s.mu.Lock()
	enc, markdown := s.encoding, s.markdown
	s.mu.Unlock()
	off := l.text.offset(p.Position, enc)
	var parts []string
	var hit *protocol.Range
	for i, f := range l.findings {
		if f == nil {
			continue
		}
		start, end := byteRange(l.text, f)
		if off < start || off > end {
			continue // the cursor just after the last character still counts
		}
		if hit == nil {
			r := l.diags[i].Range
			hit = &r
		}
		parts = append(parts, s.explain(f, markdown))
	}
	if len(parts) == 0 {
		return nil, nil
	}
	kind := protocol.MarkupKindPlainText
	sep := "\n\n"
	if markdown {
		kind = protocol.MarkupKindMarkdown
		sep = "\n\n---\n\n"
	}
	return &protocol.Hover{
		Contents: protocol.MarkupContent{Kind: kind, Value: strings.Join(parts, sep)},
		Range:    hit,
	}, nil
}

// explain renders one finding for a hover.
func (s *Server) explain(f *lint.Diagnostic, markdown bool) string {
	what := strings.TrimSpace(strings.TrimSuffix(f.Message, f.Hint))
	var b strings.Builder
	if markdown {
		fmt.Fprintf(&b, "**prdlint** `%s` (%s)\n\n%s", f.Rule, f.Severity, what)
		if f.Hint != "" {
			fmt.Fprintf(&b, "\n\n**What/why:** %s", f.Hint)
		}
	} else {
		fmt.Fprintf(&b, "prdlint %s (%s)\n\n%s", f.Rule, f.Severity, what)
		if f.Hint != "" {
			fmt.Fprintf(&b, "\n\nWhat/why: %s", f.Hint)
		}
	}
	if r := s.rules[f.Rule]; r != nil {
		if r.Doc != "" {
			fmt.Fprintf(&b, "\n\n%s", strings.TrimSpace(r.Doc))
		} else if r.Summary != "" {
			fmt.Fprintf(&b, "\n\nReports a sentence that %s.", r.Summary)
		}
	}
	if markdown && f.Rule != "" {
		fmt.Fprintf(&b, "\n\n[%s documentation](%s)", f.Rule, s.docURL(f.Rule))
	}
	return b.String()
}

// codeAction offers, for each finding in the requested range, a quick fix
// that suppresses it with an inline comment.
func (s *Server) codeAction(_ *glsp.Context, p *protocol.CodeActionParams) (any, error) {
	if len(p.Context.Only) > 0 {
		wanted := false
		for _, k := range p.Context.Only {
			if k == protocol.CodeActionKindQuickFix || strings.HasPrefix(string(protocol.CodeActionKindQuickFix), string(k)+".") {
				wanted = true
			}
		}
		if !wanted {
			return []protocol.CodeAction{}, nil
		}
	}
	l := s.lintCurrent(p.TextDocument.URI)
	if l == nil {
		return []protocol.CodeAction{}, nil
	}
	s.mu.Lock()
	enc := s.encoding
	s.mu.Unlock()
	from, to := l.text.offset(p.Range.Start, enc), l.text.offset(p.Range.End, enc)
	if to < from {
		from, to = to, from
	}
	actions := []protocol.CodeAction{}
	kind := protocol.CodeActionKindQuickFix
	for i, f := range l.findings {
		if f == nil || f.Rule == "" {
			continue
		}
		start, end := byteRange(l.text, f)
		if start > to || end < from {
			continue
		}
		edit, how, ok := suppression(l.text, l.res.Doc, f, enc)
		if !ok {
			continue
		}
		actions = append(actions, protocol.CodeAction{
			Title:       fmt.Sprintf("Disable %s for this line (%s)", f.Rule, how),
			Kind:        &kind,
			Diagnostics: []protocol.Diagnostic{l.diags[i]},
			Edit: &protocol.WorkspaceEdit{
				Changes: map[protocol.DocumentUri][]protocol.TextEdit{p.TextDocument.URI: {edit}},
			},
		})
	}
	return actions, nil
}

// suppression is the edit that silences finding f, and the directive it
// uses.
//
// It inserts "<!-- prdlint-disable-next-line RULE -->" on its own line
// above the line the finding starts on, repeating that line's leading
// indentation and block-quote markers, so the comment stays inside the same
// block quote and, above a list item, sits at the item's indentation (a
// nested item keeps its parent; a top-level list is split in two around
// the comment, which renders the same). A line of its own would split a
// paragraph or end a table, so for a sentence that starts on a paragraph's
// continuation line it appends "<!-- prdlint-disable-line RULE -->" to that
// line instead, and for a table cell it puts that comment in the cell,
// right after the sentence.
//
// There is no such edit (ok is false) for a problem with a directive, which
// wants the comment fixed rather than a second comment above it; for a
// finding in the front matter, which a comment would break; and where the
// appended comment would fall inside a code span or undo a hard line break.
func suppression(t *text, doc *lint.Document, f *lint.Diagnostic, enc Encoding) (edit protocol.TextEdit, how string, ok bool) {
	if f.Category == lint.CategoryDirective || doc != nil && doc.InFrontMatter(f.Line) {
		return protocol.TextEdit{}, "", false
	}
	start, end := byteRange(t, f)
	line := t.lineOf(start)
	lineStart, lineEnd := t.starts[line], t.lineEnd(line)
	if b := blockAt(doc, start); b != nil && len(b.Sentences) > 0 {
		inline := ""
		at := 0
		switch {
		case b.Kind == lint.BlockTableCell:
			inline, at = "prdlint-disable-line", end
		case t.lineOf(b.Sentences[0].Start) != line:
			inline, at = "prdlint-disable-line", lineEnd
			if insideCode(b, at) || endsWithHardBreak(t.src[lineStart:lineEnd]) {
				return protocol.TextEdit{}, "", false
			}
		}
		if inline != "" {
			pos := t.position(at, enc)
			return protocol.TextEdit{
				Range:   protocol.Range{Start: pos, End: pos},
				NewText: " <!-- " + inline + " " + f.Rule + " -->",
			}, inline, true
		}
	}
	// the line's own break; the last line, which may have none, takes the
	// one before it, so a CRLF document gets no bare LF
	eol := lineBreak(t, line)
	if eol == "" && line > 0 {
		eol = lineBreak(t, line-1)
	}
	if eol == "" {
		eol = "\n"
	}
	pos := protocol.Position{Line: uint32(line), Character: 0}
	return protocol.TextEdit{
		Range:   protocol.Range{Start: pos, End: pos},
		NewText: containerPrefix(t.src[lineStart:lineEnd]) + "<!-- prdlint-disable-next-line " + f.Rule + " -->" + eol,
	}, "prdlint-disable-next-line", true
}

// lineBreak is the line break that ends 0-based line, "" when it has none.
func lineBreak(t *text, line int) string {
	end := t.lineEnd(line)
	switch {
	case end+1 < len(t.src) && t.src[end] == '\r' && t.src[end+1] == '\n':
		return "\r\n"
	case end < len(t.src) && (t.src[end] == '\r' || t.src[end] == '\n'):
		return t.src[end : end+1]
	}
	return ""
}

// insideCode reports whether source offset off falls inside one of b's
// code spans (after its first character, up to its closing backtick).
func insideCode(b *lint.Block, off int) bool {
	for _, c := range b.Code {
		if c[1] <= c[0] {
			continue
		}
		if b.SourceOffset(c[0]) < off && off <= b.SourceOffset(c[1]-1) {
			return true
		}
	}
	return false
}

// endsWithHardBreak reports whether a line ends with a Markdown hard line
// break: a backslash or two spaces.
func endsWithHardBreak(line string) bool {
	line = strings.TrimRight(line, "\r")
	return strings.HasSuffix(line, "\\") || strings.HasSuffix(line, "  ")
}

// containerPrefix is the start of a line up to its content: indentation
// and block-quote markers, stopping before a list marker.
func containerPrefix(line string) string {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t' || line[i] == '>') {
		i++
	}
	return line[:i]
}

// blockAt is the prose block with a sentence starting at or covering
// offset off, or nil.
func blockAt(doc *lint.Document, off int) *lint.Block {
	if doc == nil {
		return nil
	}
	for _, b := range doc.Blocks {
		for _, s := range b.Sentences {
			if s.Start <= off && off < s.End {
				return b
			}
		}
	}
	return nil
}
