// Package lsp is prdlint's language server: it lints the Markdown documents
// an editor has open and publishes the findings as diagnostics, with the
// rule's explanation on hover and a quick fix that suppresses a finding.
// Documents that the linter's CheckSource claims, such as configuration files,
// are checked instead, and their error published.
//
// The protocol types come from github.com/tliron/glsp (protocol_3_16) and
// the JSON-RPC connection from github.com/sourcegraph/jsonrpc2, which glsp
// itself is built on. Of the Go protocol libraries the module proxy serves,
// glsp is the most recently released with complete 3.16 types and a
// per-method handler table that fits a small server; go.lsp.dev/protocol
// has not been released since 2022 and pins an old jsonrpc2 and zap.
// sourcegraph/jsonrpc2 is used directly, not through glsp's server package,
// to avoid that package's logging and websocket dependencies and to own
// the framing (see stream). No library on the proxy has the 3.17 position
// encodings, so general.positionEncodings and the positionEncoding answer
// are read and written here.
package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/prdlint/prdlint/lint"
)

// DefaultDebounce is how long the server waits after the last change to a
// document before linting it again.
const DefaultDebounce = 150 * time.Millisecond

// The protocol's error codes that JSON-RPC lacks.
const (
	// codeServerNotInitialized answers a request before initialize.
	codeServerNotInitialized = -32002
	// codeContentModified answers a request whose document changed
	// before its answer was ready.
	codeContentModified = -32801
)

// ErrNoShutdown is returned by Serve when the client exited, or the input
// ended, without a shutdown request first; the protocol asks for exit
// code 1 then.
var ErrNoShutdown = errors.New("exit without shutdown")

// Options configure a Server.
type Options struct {
	// Linter lints each document; it is the one the lint command builds,
	// so configuration discovery and suppression filters are the same.
	// Its CheckSource, when set, is asked about each document's text
	// first, as about a file piped in: a document it claims (the command
	// claims configuration files) is not linted as Markdown, and the
	// error it returns, if any, is the document's one diagnostic. An
	// error that is a lint.Locator naming the document's path (or none)
	// is shown at its line and column; any other at the top. It may be
	// called for several documents at once.
	Linter *lint.Linter
	// Log receives the server's log; never standard output, which carries
	// the protocol.
	Log io.Writer
	// Debounce is the wait after a change; 0 means DefaultDebounce.
	Debounce time.Duration
	// DocURL links a rule ID to its documentation; nil means lint.RuleURL,
	// the link every output format gives.
	DocURL func(ruleID string) string
	// Version is reported to the client in serverInfo.
	Version string
}

// Server is one language-server session over one connection.
type Server struct {
	linter   *lint.Linter
	rules    map[string]*lint.Rule
	log      *log.Logger
	debounce time.Duration
	docURL   func(string) string
	version  string

	handler protocol.Handler
	// conn is set once the connection exists; it is atomic because
	// notify runs with and without mu held.
	conn atomic.Pointer[jsonrpc2.Conn]

	mu       sync.Mutex // guards the fields below
	encoding Encoding
	markdown bool // the client renders Markdown in hovers
	// root is the workspace's folder, from initialize, where documents
	// with no path of their own are placed (pathOf); "" when none.
	root     string
	shutdown bool
	exited   bool
	docs     map[string]*document
	// gens numbers the texts of every document the session has seen, so a
	// lint of a closed or replaced document's text is never published as
	// that of the text open now.
	gens int
}

// New returns a server for one session.
func New(o Options) *Server {
	logOut := o.Log
	if logOut == nil {
		logOut = io.Discard
	}
	s := &Server{
		linter:   o.Linter,
		rules:    map[string]*lint.Rule{},
		log:      log.New(logOut, "prdlint lsp: ", log.LstdFlags),
		debounce: o.Debounce,
		docURL:   o.DocURL,
		version:  o.Version,
		encoding: UTF16,
		docs:     map[string]*document{},
	}
	if s.debounce <= 0 {
		s.debounce = DefaultDebounce
	}
	if s.docURL == nil {
		s.docURL = lint.RuleURL
	}
	if s.linter == nil {
		s.linter = &lint.Linter{}
	}
	for _, r := range s.linter.Rules {
		s.rules[r.ID] = r
	}
	s.handler = protocol.Handler{
		Initialize:             s.initialize,
		Initialized:            func(*glsp.Context, *protocol.InitializedParams) error { return nil },
		Shutdown:               s.shutdownRequest,
		SetTrace:               func(*glsp.Context, *protocol.SetTraceParams) error { return nil },
		TextDocumentDidOpen:    s.didOpen,
		TextDocumentDidChange:  s.didChange,
		TextDocumentDidSave:    func(*glsp.Context, *protocol.DidSaveTextDocumentParams) error { return nil },
		TextDocumentDidClose:   s.didClose,
		TextDocumentHover:      s.hover,
		TextDocumentCodeAction: s.codeAction,
		WorkspaceDidChangeConfiguration: func(*glsp.Context, *protocol.DidChangeConfigurationParams) error {
			return nil
		},
	}
	return s
}

// Serve speaks the protocol over in and out until the client exits or in
// ends. It returns nil after shutdown then exit, ErrNoShutdown otherwise.
func (s *Server) Serve(ctx context.Context, in io.Reader, out io.Writer) error {
	var closer io.Closer
	if c, ok := in.(io.Closer); ok {
		closer = c
	}
	st := newStream(in, out, closer, s.log)
	conn := jsonrpc2.NewConn(ctx, st, requestsApart{s, jsonrpc2.HandlerWithError(s.handle)}, jsonrpc2.SetLogger(s.log))
	s.conn.CompareAndSwap(nil, conn)
	select {
	case <-conn.DisconnectNotify():
	case <-ctx.Done():
		conn.Close()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.docs {
		d.stop()
	}
	if !s.shutdown {
		return ErrNoShutdown
	}
	return nil
}

// requestsApart handles notifications in order on the connection's read
// loop (a change must be applied before the next message is read), and
// initialize and shutdown there too; every other request runs on a
// goroutine of its own, so that a hover or a code action that waits for a
// slow document's lint holds up no other document.
//
// A request about a document remembers, as it is read, the text it was
// asked about (requestText); an answer ready only after a later change was
// read is refused as ContentModified, as the protocol has it, rather than
// given for a text the client did not ask about.
type requestsApart struct {
	s *Server
	h jsonrpc2.Handler
}

func (r requestsApart) Handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) {
	switch {
	case req.Notif, req.Method == string(protocol.MethodInitialize), req.Method == string(protocol.MethodShutdown):
		r.h.Handle(ctx, conn, req)
	default:
		if t, ok := r.s.textAskedAbout(req); ok {
			ctx = context.WithValue(ctx, requestTextKey{}, t)
		}
		go r.h.Handle(ctx, conn, req)
	}
}

// requestText is the document a request is about and the generation of
// its text when the request was read.
type requestText struct {
	uri string
	gen int
}

type requestTextKey struct{}

// textAskedAbout is the open document a request names
// (params.textDocument.uri) and its text's generation now.
func (s *Server) textAskedAbout(req *jsonrpc2.Request) (requestText, bool) {
	if req.Params == nil {
		return requestText{}, false
	}
	var p struct {
		TextDocument struct {
			URI string `json:"uri"`
		} `json:"textDocument"`
	}
	if json.Unmarshal(*req.Params, &p) != nil || p.TextDocument.URI == "" {
		return requestText{}, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return requestText{}, false
	}
	return requestText{p.TextDocument.URI, d.gen}, true
}

// changedSince reports whether the document of t has another text now.
func (s *Server) changedSince(t requestText) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[t.uri]
	return d == nil || d.gen != t.gen
}

// handle dispatches one message. A panic in a handler is logged and turned
// into an internal error for that request alone.
func (s *Server) handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (result any, err error) {
	s.conn.CompareAndSwap(nil, conn) // a message may arrive before NewConn returns
	defer func() {
		if p := recover(); p != nil {
			s.log.Printf("internal error in %s: %v\n%s", req.Method, p, debug.Stack())
			result, err = nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInternalError, Message: fmt.Sprintf("internal error: %v", p)}
		}
	}()
	gctx := &glsp.Context{
		Method: req.Method,
		Notify: func(method string, params any) {
			if err := conn.Notify(ctx, method, params); err != nil {
				s.log.Printf("notify %s: %v", method, err)
			}
		},
	}
	if req.Params != nil {
		gctx.Params = *req.Params
	} else {
		gctx.Params = json.RawMessage("null")
	}
	if req.Method == string(protocol.MethodExit) {
		s.mu.Lock()
		s.exited = true
		s.mu.Unlock()
		conn.Close()
		return nil, nil
	}
	s.mu.Lock()
	down := s.shutdown
	s.mu.Unlock()
	if down {
		// shutdown included: every request after it is invalid
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: "the server is shut down"}
	}
	if req.Method == string(protocol.MethodShutdown) {
		// glsp's table would answer shutdown even before initialize,
		// which the protocol refuses as for any request.
		if !s.handler.IsInitialized() {
			return nil, &jsonrpc2.Error{Code: codeServerNotInitialized, Message: "the server is not initialized"}
		}
		return nil, s.shutdownRequest(gctx)
	}
	if req.Method == string(protocol.MethodInitialize) && s.handler.IsInitialized() {
		// The protocol allows initialize once; a second one must not
		// change the negotiated encoding or capabilities.
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: "initialize may be sent only once"}
	}
	r, validMethod, validParams, err := s.handler.Handle(gctx)
	if t, ok := ctx.Value(requestTextKey{}).(requestText); ok && err == nil && validMethod && validParams && s.changedSince(t) {
		return nil, &jsonrpc2.Error{Code: codeContentModified, Message: "the document changed before the answer was ready"}
	}
	switch {
	case !validMethod:
		if req.Notif {
			return nil, nil // unknown notifications ("$/…" among them) are ignored
		}
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeMethodNotFound, Message: "method not supported: " + req.Method}
	case !validParams:
		msg := "invalid params"
		if err != nil {
			msg += ": " + err.Error()
		}
		s.log.Printf("%s: %s", req.Method, msg)
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: msg}
	case err != nil && !s.handler.IsInitialized():
		return nil, &jsonrpc2.Error{Code: codeServerNotInitialized, Message: err.Error()}
	case err != nil:
		s.log.Printf("%s: %v", req.Method, err)
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInternalError, Message: err.Error()}
	}
	return r, nil
}

// clientCapabilities are the parts of the client's capabilities the server
// reads, including LSP 3.17's general.positionEncodings.
type clientCapabilities struct {
	Capabilities struct {
		General struct {
			PositionEncodings []string `json:"positionEncodings"`
		} `json:"general"`
		TextDocument struct {
			Hover struct {
				ContentFormat []string `json:"contentFormat"`
			} `json:"hover"`
		} `json:"textDocument"`
	} `json:"capabilities"`
}

// serverCapabilities adds LSP 3.17's positionEncoding to glsp's 3.16 type.
type serverCapabilities struct {
	protocol.ServerCapabilities
	PositionEncoding Encoding `json:"positionEncoding"`
}

type initializeResult struct {
	Capabilities serverCapabilities                   `json:"capabilities"`
	ServerInfo   *protocol.InitializeResultServerInfo `json:"serverInfo,omitempty"`
}

func (s *Server) initialize(ctx *glsp.Context, p *protocol.InitializeParams) (any, error) {
	var caps clientCapabilities
	if err := json.Unmarshal(ctx.Params, &caps); err != nil {
		s.log.Printf("initialize: reading client capabilities: %v", err)
	}
	enc := chooseEncoding(caps.Capabilities.General.PositionEncodings)
	markdown := false
	for _, f := range caps.Capabilities.TextDocument.Hover.ContentFormat {
		if f == string(protocol.MarkupKindMarkdown) {
			markdown = true
		}
	}
	s.mu.Lock()
	s.encoding = enc
	s.markdown = markdown
	s.root = workspaceRoot(p)
	s.mu.Unlock()

	openClose := true
	change := protocol.TextDocumentSyncKindIncremental
	version := s.version
	res := initializeResult{
		Capabilities: serverCapabilities{
			ServerCapabilities: protocol.ServerCapabilities{
				TextDocumentSync: protocol.TextDocumentSyncOptions{OpenClose: &openClose, Change: &change},
				HoverProvider:    true,
				CodeActionProvider: protocol.CodeActionOptions{
					CodeActionKinds: []protocol.CodeActionKind{protocol.CodeActionKindQuickFix},
				},
			},
			PositionEncoding: enc,
		},
		ServerInfo: &protocol.InitializeResultServerInfo{Name: "prdlint", Version: &version},
	}
	s.log.Printf("initialized; positions in %s", enc)
	return res, nil
}

// workspaceRoot is the file system path of the workspace the client
// opened: its first folder, else its root URI, else its root path; ""
// when it names none.
func workspaceRoot(p *protocol.InitializeParams) string {
	if p == nil {
		return ""
	}
	var uri string
	switch {
	case len(p.WorkspaceFolders) > 0:
		uri = p.WorkspaceFolders[0].URI
	case p.RootURI != nil:
		uri = *p.RootURI
	case p.RootPath != nil && filepath.IsAbs(*p.RootPath):
		return *p.RootPath
	}
	if !strings.HasPrefix(uri, "file:") {
		return ""
	}
	if root := pathOf(uri, ""); filepath.IsAbs(root) {
		return root
	}
	return ""
}

func (s *Server) shutdownRequest(*glsp.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.shutdown = true
	for _, d := range s.docs {
		d.stop()
	}
	return nil
}

// notify sends a notification outside any request, e.g. diagnostics
// published when a debounce timer fires.
func (s *Server) notify(method string, params any) {
	conn := s.conn.Load()
	if conn == nil {
		return
	}
	if err := conn.Notify(context.Background(), method, params); err != nil && !errors.Is(err, jsonrpc2.ErrClosed) {
		s.log.Printf("notify %s: %v", method, err)
	}
}
