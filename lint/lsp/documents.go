package lsp

import (
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/prdlint/prdlint/lint"
)

// document is one open text document. gen numbers its current text among
// all the session's texts (Server.gens), so a lint started before an edit,
// or of the text of a document since closed and reopened, is never
// published after it.
type document struct {
	uri     string
	path    string
	text    string
	version protocol.Integer
	gen     int
	timer   *time.Timer
	// linted is the last lint result, for the text of generation lintedGen.
	linted    *linted
	lintedGen int
	// linting is closed when the lint under way ends; nil when none is.
	// One lint of a document runs at a time: a slow one (a pathological
	// text takes goldmark up to lint.ParseTimeout) is waited for, not
	// joined by another parse on every edit.
	linting chan struct{}
}

// linted is one lint of one text: the engine's result and the text its
// byte offsets refer to.
type linted struct {
	text  *text
	res   *lint.Result
	diags []protocol.Diagnostic
	// findings[i] is the engine diagnostic behind diags[i], or nil for a
	// diagnostic that reports a file error.
	findings []*lint.Diagnostic
}

func (d *document) stop() {
	if d.timer != nil {
		d.timer.Stop()
		d.timer = nil
	}
}

// pathOf turns a document URI into the path findings are reported for and
// configuration is looked up for: the file system path of a file URI, else
// the URI's path (an unsaved buffer is configured as if it were there).
// A URI with no absolute path ("untitled:Untitled-1") is placed in root,
// the workspace's folder, when the client named one: configured from the
// directory the server happens to run in, its findings would depend on
// where the editor started it.
func pathOf(uri, root string) string {
	p := uri
	if u, err := url.Parse(uri); err == nil && u.Path != "" {
		p = u.Path
		if u.Scheme == "file" && runtime.GOOS == "windows" && len(p) >= 3 && p[0] == '/' && p[2] == ':' {
			p = p[1:]
		}
		p = filepath.FromSlash(p)
	}
	if root != "" && !filepath.IsAbs(p) && !strings.HasPrefix(uri, "file:") {
		return filepath.Join(root, strings.NewReplacer("/", "-", "\\", "-").Replace(p))
	}
	return p
}

func (s *Server) didOpen(_ *glsp.Context, p *protocol.DidOpenTextDocumentParams) error {
	uri := p.TextDocument.URI
	s.mu.Lock()
	if old := s.docs[uri]; old != nil {
		old.stop()
	}
	s.gens++
	d := &document{uri: uri, path: pathOf(uri, s.root), text: p.TextDocument.Text, version: p.TextDocument.Version, gen: s.gens}
	s.docs[uri] = d
	s.schedule(d, 0)
	s.mu.Unlock()
	return nil
}

func (s *Server) didChange(_ *glsp.Context, p *protocol.DidChangeTextDocumentParams) error {
	uri := p.TextDocument.URI
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[uri]
	if d == nil {
		return fmt.Errorf("change to %s, which is not open", uri)
	}
	txt := d.text
	for _, c := range p.ContentChanges {
		switch c := c.(type) {
		case protocol.TextDocumentContentChangeEventWhole:
			txt = c.Text
		case protocol.TextDocumentContentChangeEvent:
			t := newText(txt)
			start, end := t.offset(c.Range.Start, s.encoding), t.offset(c.Range.End, s.encoding)
			if end < start {
				start, end = end, start
			}
			txt = txt[:start] + c.Text + txt[end:]
		}
	}
	d.text = txt
	d.version = p.TextDocument.Version
	s.gens++
	d.gen = s.gens
	s.schedule(d, s.debounce)
	return nil
}

func (s *Server) didClose(_ *glsp.Context, p *protocol.DidCloseTextDocumentParams) error {
	uri := p.TextDocument.URI
	s.mu.Lock()
	defer s.mu.Unlock()
	if d := s.docs[uri]; d != nil {
		d.stop()
		delete(s.docs, uri)
	}
	// Cleared under the lock, so no lint of the closed text lands after.
	s.notify(string(protocol.ServerTextDocumentPublishDiagnostics), protocol.PublishDiagnosticsParams{
		URI:         uri,
		Diagnostics: []protocol.Diagnostic{},
	})
	return nil
}

// schedule (re)starts d's timer: after delay the current text is linted
// and its diagnostics published. Callers hold s.mu.
func (s *Server) schedule(d *document, delay time.Duration) {
	d.stop()
	gen := d.gen
	d.timer = time.AfterFunc(delay, func() { s.publish(d.uri, gen) })
}

// publish lints generation gen of a document and publishes its diagnostics,
// unless the document changed or closed meanwhile.
func (s *Server) publish(uri string, gen int) {
	defer func() {
		if p := recover(); p != nil {
			s.log.Printf("internal error linting %s: %v", uri, p)
		}
	}()
	l := s.lintCurrent(uri)
	if l == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[uri]
	if d == nil || d.gen != gen || s.shutdown {
		return
	}
	version := protocol.UInteger(max(0, d.version))
	s.notify(string(protocol.ServerTextDocumentPublishDiagnostics), protocol.PublishDiagnosticsParams{
		URI:         uri,
		Version:     &version,
		Diagnostics: l.diags,
	})
}

// lintCurrent returns the lint of a document's current text, linting it
// when it changed since the last lint; nil when it is not open. While a
// lint of the document is under way it waits for that one, then lints
// the text current by then unless that was it.
func (s *Server) lintCurrent(uri string) *linted {
	for {
		s.mu.Lock()
		d := s.docs[uri]
		if d == nil {
			s.mu.Unlock()
			return nil
		}
		if d.linted != nil && d.lintedGen == d.gen {
			l := d.linted
			s.mu.Unlock()
			return l
		}
		if running := d.linting; running != nil {
			s.mu.Unlock()
			<-running
			continue
		}
		d.linting = make(chan struct{})
		path, src, gen, enc := d.path, d.text, d.gen, s.encoding
		s.mu.Unlock()
		return s.lintFor(d, gen, path, src, enc)
	}
}

// lintFor lints src, generation gen of d, keeps the result while gen is
// still current, and ends the lint under way for those waiting on it;
// a panic (recovered and logged by the caller) ends it all the same.
func (s *Server) lintFor(d *document, gen int, path, src string, enc Encoding) (l *linted) {
	defer func() {
		s.mu.Lock()
		if l != nil && d.gen == gen {
			d.linted, d.lintedGen = l, gen
		}
		close(d.linting)
		d.linting = nil
		s.mu.Unlock()
	}()
	return s.lint(path, src, enc)
}

// lint runs the engine over one text, as the lint command would over the
// file at path, and converts the findings into protocol diagnostics.
func (s *Server) lint(path, src string, enc Encoding) *linted {
	t := newText(src)
	l := &linted{text: t}
	limit := s.linter.MaxFileSize
	if limit <= 0 {
		limit = lint.DefaultMaxFileSize
	}
	if int64(len(src)) > limit {
		s.log.Printf("%s: %d bytes is over the %d-byte limit; not linted", path, len(src), limit)
		l.diags = []protocol.Diagnostic{fileErrorDiagnostic(fmt.Sprintf("not linted: the document is over the %d-byte limit", limit))}
		l.findings = []*lint.Diagnostic{nil}
		return l
	}
	b := []byte(src)
	if check := s.linter.CheckSource; check != nil {
		if claimed, err := check(path, b); claimed {
			// Checked, not linted as prose. Its error is the author's to
			// fix as they type, as a finding is, so it is not logged.
			l.diags = []protocol.Diagnostic{}
			if err != nil {
				l.diags = append(l.diags, checkDiagnostic(t, path, err, enc))
				l.findings = append(l.findings, nil)
			}
			return l
		}
	}
	res := s.linter.LintSource(path, b)
	l.res = res
	l.diags = make([]protocol.Diagnostic, 0, len(res.Diagnostics)+1)
	if res.Err != nil {
		// A broken configuration or front matter is shown where the
		// author looks, at the top of the document, and logged.
		s.log.Printf("%v", res.Err)
		l.diags = append(l.diags, fileErrorDiagnostic(strings.TrimPrefix(res.Err.Error(), path+": ")))
		l.findings = append(l.findings, nil)
	}
	for i := range res.Diagnostics {
		f := &res.Diagnostics[i]
		l.diags = append(l.diags, s.diagnostic(t, f, enc))
		l.findings = append(l.findings, f)
	}
	return l
}

// checkDiagnostic shows the error a checked document's text has. One in
// the document itself (a lint.Locator naming its path, or no path) is
// marked from its line and column to the end of that line, its message
// without the place; one elsewhere, in a file the check read beside it,
// is shown at the top with that file's name and place, as is one that
// has no place.
func checkDiagnostic(t *text, path string, err error, enc Encoding) protocol.Diagnostic {
	d := fileErrorDiagnostic(err.Error())
	var loc lint.Locator
	if !errors.As(err, &loc) {
		return d
	}
	p, line, col := loc.Location()
	if p != "" {
		if filepath.Clean(p) != filepath.Clean(path) {
			return d
		}
		// "file:line:col: reason", or "file: reason" about the file as
		// a whole.
		msg := strings.TrimPrefix(d.Message, fmt.Sprintf("%s:%d:%d: ", p, line, col))
		d.Message = strings.TrimPrefix(msg, p+": ")
	}
	start := t.lineColumnOffset(line, col)
	d.Range = t.rangeOf(start, max(start, t.lineEnd(t.lineOf(start))), enc)
	return d
}

func fileErrorDiagnostic(msg string) protocol.Diagnostic {
	sev := protocol.DiagnosticSeverityError
	source := "prdlint"
	return protocol.Diagnostic{Severity: &sev, Source: &source, Message: msg}
}

// byteRange is the source byte range of a finding: the engine's offsets
// when it has them, else its line and column span (a finding about the
// document as a whole carries no offsets).
func byteRange(t *text, f *lint.Diagnostic) (start, end int) {
	if f.End > f.Start {
		return f.Start, f.End
	}
	start = t.lineColumnOffset(f.Line, f.Column)
	end = t.lineColumnOffset(f.EndLine, f.EndColumn+1)
	return start, max(start, end)
}

// diagnostic converts one engine finding into a protocol diagnostic.
func (s *Server) diagnostic(t *text, f *lint.Diagnostic, enc Encoding) protocol.Diagnostic {
	start, end := byteRange(t, f)
	source := "prdlint"
	sev := severity(f.Severity)
	d := protocol.Diagnostic{
		Range:    t.rangeOf(start, end, enc),
		Severity: &sev,
		Code:     &protocol.IntegerOrString{Value: f.Rule},
		Source:   &source,
		Message:  f.Message,
	}
	if f.Rule != "" {
		d.CodeDescription = &protocol.CodeDescription{HRef: s.docURL(f.Rule)}
	}
	return d
}

func severity(s lint.Severity) protocol.DiagnosticSeverity {
	switch s {
	case lint.SeverityError:
		return protocol.DiagnosticSeverityError
	case lint.SeverityWarning:
		return protocol.DiagnosticSeverityWarning
	}
	return protocol.DiagnosticSeverityInformation
}
