package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/sourcegraph/jsonrpc2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/prdlint/prdlint/rules"
)

// pipeConn joins the two pipes a client holds into one connection.
type pipeConn struct {
	io.Reader
	io.WriteCloser
	closeRead func() error
}

func (p pipeConn) Close() error {
	p.closeRead()
	return p.WriteCloser.Close()
}

type lspPosition struct{ Line, Character int }

type lspRange struct{ Start, End lspPosition }

type lspDiagnostic struct {
	Range    lspRange
	Code     string
	Source   string
	Severity int
	Message  string
}

type publishParams struct {
	URI         string
	Version     int
	Diagnostics []lspDiagnostic
}

// lspSession runs `prdlint lsp` in-process on pipes and connects a
// JSON-RPC client to it, as an editor would.
type lspSession struct {
	t         *testing.T
	conn      *jsonrpc2.Conn
	published chan publishParams
	code      chan int
	stderr    *lockedBuffer
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func startLSP(t *testing.T, args ...string) *lspSession {
	t.Helper()
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	s := &lspSession{t: t, published: make(chan publishParams, 100), code: make(chan int, 1), stderr: &lockedBuffer{}}
	go func() {
		code := runWith(append([]string{"lsp"}, args...), inR, outW, s.stderr)
		outW.Close()
		s.code <- code
	}()
	handler := jsonrpc2.HandlerWithError(func(_ context.Context, _ *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
		if req.Method == "textDocument/publishDiagnostics" && req.Params != nil {
			var p publishParams
			if err := json.Unmarshal(*req.Params, &p); err != nil {
				t.Errorf("publishDiagnostics: %v", err)
			}
			s.published <- p
		}
		return nil, nil
	})
	stream := jsonrpc2.NewBufferedStream(pipeConn{outR, inW, outR.Close}, jsonrpc2.VSCodeObjectCodec{})
	s.conn = jsonrpc2.NewConn(context.Background(), stream, handler)
	t.Cleanup(func() { s.conn.Close() })
	return s
}

func (s *lspSession) call(method string, params, result any) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	require.NoError(s.t, s.conn.Call(ctx, method, params, result), method)
}

func (s *lspSession) notify(method string, params any) {
	s.t.Helper()
	require.NoError(s.t, s.conn.Notify(context.Background(), method, params), method)
}

func (s *lspSession) diagnostics(uri string) publishParams {
	s.t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case p := <-s.published:
			if p.URI == uri {
				return p
			}
		case <-timeout:
			s.t.Fatalf("no diagnostics for %s", uri)
		}
	}
}

func fileURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

// utf16Column is the UTF-16 offset of 1-based code-point column col of a
// line, computed apart from the server's own conversion.
func utf16Column(line string, col int) int {
	r := []rune(line)
	col = min(col, len(r)+1)
	return len(utf16.Encode(r[:col-1]))
}

// TestLSPMatchesLint opens every example PRD in the server and checks that
// it publishes exactly the findings `prdlint lint --format json` reports,
// at the same places in UTF-16 positions; then edits, hovers and asks for
// the quick fix like an editor.
func TestLSPMatchesLint(t *testing.T) {
	root := repoRoot(t)
	files, err := filepath.Glob(filepath.Join(root, "testdata", "prds", "*.md"))
	require.NoError(t, err)
	require.NotEmpty(t, files)

	s := startLSP(t, "--debounce", "10ms")
	var init struct {
		Capabilities struct{ PositionEncoding string }
	}
	s.call("initialize", map[string]any{"processId": nil, "rootUri": fileURI(root), "capabilities": map[string]any{}}, &init)
	assert.Equal(t, "utf-16", init.Capabilities.PositionEncoding)
	s.notify("initialized", map[string]any{})

	total := 0
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			require.NoError(t, err)
			out, _, code := prdlint(t, "", "lint", "--format", "json", f)
			require.Contains(t, []int{0, 1}, code)
			var want jsonOut
			require.NoError(t, json.Unmarshal([]byte(out), &want))

			lines := strings.Split(string(src), "\n")
			var wantDiags []lspDiagnostic
			for _, d := range want.Diagnostics {
				start := strings.TrimSuffix(lines[d.Line-1], "\r")
				end := strings.TrimSuffix(lines[d.EndLine-1], "\r")
				wantDiags = append(wantDiags, lspDiagnostic{
					Range: lspRange{
						Start: lspPosition{d.Line - 1, utf16Column(start, d.Column)},
						End:   lspPosition{d.EndLine - 1, utf16Column(end, d.EndColumn+1)},
					},
					Code:     d.Rule,
					Source:   "prdlint",
					Severity: map[string]int{"error": 1, "warning": 2, "info": 3}[d.Severity],
					Message:  d.Message,
				})
			}

			uri := fileURI(f)
			s.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
				"uri": uri, "languageId": "markdown", "version": 1, "text": string(src),
			}})
			got := s.diagnostics(uri)
			assert.Equal(t, wantDiags, got.Diagnostics)
			total += len(got.Diagnostics)
			s.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
			assert.Empty(t, s.diagnostics(uri).Diagnostics)
		})
	}
	assert.Positive(t, total, "the example PRDs have findings to compare")

	t.Run("edit, hover and quick fix", func(t *testing.T) {
		uri := fileURI(filepath.Join(t.TempDir(), "draft.md"))
		text := "# Goals\n\nShoppers can pay as guests.\n\nWe will add a new column to the carts table.\n"
		s.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
			"uri": uri, "languageId": "markdown", "version": 1, "text": text,
		}})
		got := s.diagnostics(uri)
		require.Len(t, got.Diagnostics, 1)
		d := got.Diagnostics[0]
		assert.Equal(t, lspRange{lspPosition{4, 0}, lspPosition{4, 44}}, d.Range)

		var hover struct{ Contents struct{ Kind, Value string } }
		s.call("textDocument/hover", map[string]any{
			"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": 4, "character": 10},
		}, &hover)
		var doc string
		for _, r := range rules.All() {
			if r.ID == d.Code {
				doc = r.Doc
			}
		}
		require.NotEmpty(t, doc, "the finding's rule is documented")
		assert.Contains(t, hover.Contents.Value, d.Code)
		assert.Contains(t, hover.Contents.Value, strings.TrimSpace(doc))

		var actions []struct {
			Title string
			Edit  struct {
				Changes map[string][]struct {
					Range   lspRange
					NewText string
				}
			}
		}
		s.call("textDocument/codeAction", map[string]any{
			"textDocument": map[string]any{"uri": uri},
			"range":        d.Range,
			"context":      map[string]any{"diagnostics": []any{}},
		}, &actions)
		require.Len(t, actions, 1)
		require.Len(t, actions[0].Edit.Changes[uri], 1)
		edit := actions[0].Edit.Changes[uri][0]
		assert.Equal(t, lspRange{lspPosition{4, 0}, lspPosition{4, 0}}, edit.Range)
		assert.Equal(t, "<!-- prdlint-disable-next-line "+d.Code+" -->\n", edit.NewText)

		s.notify("textDocument/didChange", map[string]any{
			"textDocument": map[string]any{"uri": uri, "version": 2},
			"contentChanges": []any{map[string]any{
				"range": d.Range, "text": "Shoppers can pay as guests.",
			}},
		})
		got = s.diagnostics(uri)
		assert.Equal(t, 2, got.Version)
		assert.Empty(t, got.Diagnostics, "the rewritten sentence is not reported")
	})

	t.Run("configuration edited during the session", func(t *testing.T) {
		dir := t.TempDir()
		require.NoError(t, os.Mkdir(filepath.Join(dir, ".git"), 0o755))
		path := filepath.Join(dir, "draft.md")
		uri := fileURI(path)
		text := "# Goals\n\nWe will add a new column to the carts table.\n"
		version := 1
		change := func() publishParams {
			version++
			s.notify("textDocument/didChange", map[string]any{
				"textDocument":   map[string]any{"uri": uri, "version": version},
				"contentChanges": []any{map[string]any{"text": text}},
			})
			return s.diagnostics(uri)
		}
		s.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
			"uri": uri, "languageId": "markdown", "version": version, "text": text,
		}})
		got := s.diagnostics(uri)
		require.Len(t, got.Diagnostics, 1)
		rule := got.Diagnostics[0].Code

		cfg := filepath.Join(dir, ".prdlint.yaml")
		require.NoError(t, os.WriteFile(cfg, []byte("rules:\n  "+rule+"x: off\n"), 0o644))
		got = change()
		require.Len(t, got.Diagnostics, 1, "a broken configuration is reported")
		assert.Contains(t, got.Diagnostics[0].Message, "unknown rule")

		require.NoError(t, os.WriteFile(cfg, []byte("rules:\n  "+rule+": off\n"), 0o644))
		assert.Empty(t, change().Diagnostics, "the fixed configuration applies at once")

		require.NoError(t, os.Remove(cfg))
		assert.Len(t, change().Diagnostics, 1, "and so does its removal")
	})

	s.call("shutdown", nil, nil)
	s.notify("exit", nil)
	select {
	case code := <-s.code:
		assert.Equal(t, 0, code)
	case <-time.After(5 * time.Second):
		t.Fatal("prdlint lsp did not exit")
	}
	for _, line := range strings.Split(strings.TrimSpace(s.stderr.String()), "\n") {
		assert.True(t, line == "" || strings.HasPrefix(line, "prdlint lsp: "), "stderr: %q", line)
	}
}

// startInitializedLSP starts `prdlint lsp` and runs the handshake.
func startInitializedLSP(t *testing.T) *lspSession {
	t.Helper()
	s := startLSP(t, "--debounce", "10ms")
	s.call("initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": map[string]any{}}, nil)
	s.notify("initialized", map[string]any{})
	return s
}

// open opens the document at path, holding text, and returns its URI.
func (s *lspSession) open(path, languageID, text string) string {
	s.t.Helper()
	uri := fileURI(path)
	s.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": languageID, "version": 1, "text": text,
	}})
	return uri
}

// TestLSPNamesConfigurationAbsolutely: a broken configuration shown on a
// document names its file by absolute path, which the user can find
// whatever directory the editor started the server in.
func TestLSPNamesConfigurationAbsolutely(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		doc   string // the document opened, below the repository
		file  string // the file the error names, below the repository
		rest  string // the error after the file's name
	}{
		{
			name:  "beside the document",
			files: map[string]string{".prdlint.yaml": "rules:\n  how-infr: off\n"},
			doc:   "prd.md", file: ".prdlint.yaml",
			rest: `:2:3: unknown rule "how-infr" (did you mean "how-infra"?)`,
		},
		{
			name:  "in a parent directory",
			files: map[string]string{".prdlint.yaml": "fail-level: fatal\n"},
			doc:   "docs/team/prd.md", file: ".prdlint.yaml",
			rest: `:1:13: fail-level must be off, info, warning or error, not "fatal"`,
		},
		{
			name:  "both names in a nearer directory",
			files: map[string]string{"docs/.prdlint.yaml": "{}\n", "docs/.prdlint.yml": "{}\n"},
			doc:   "docs/prd.md", file: "docs/.prdlint.yml",
			rest: ":1:1: both .prdlint.yaml and .prdlint.yml are in this directory; keep one",
		},
	}
	s := startInitializedLSP(t)
	// The editor's working directory is unrelated to the documents.
	t.Chdir(t.TempDir())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			repo := makeRepo(t, tt.files)
			uri := s.open(filepath.Join(repo, filepath.FromSlash(tt.doc)), "markdown", "# Goals\n\nShoppers can pay as guests.\n")
			got := s.diagnostics(uri)
			require.Len(t, got.Diagnostics, 1)
			assert.Equal(t, filepath.Join(repo, filepath.FromSlash(tt.file))+tt.rest, got.Diagnostics[0].Message)
			assert.Equal(t, lspRange{}, got.Diagnostics[0].Range, "at the top of the document")
		})
	}
}

// TestLSPChecksConfigurationFiles: a configuration or ignore file open in
// the editor is checked from the editor's text, unsaved edits included,
// as the lint command checks it on disk: its errors at their own lines and
// columns, no prose findings, and no diagnostics when it is valid.
func TestLSPChecksConfigurationFiles(t *testing.T) {
	// Linted as Markdown, this sentence is a finding.
	const prose = "We will add a new column to the carts table."
	type want struct {
		rng     lspRange
		message string // after the file's absolute path, when file is set
		file    string // the other file the error names, below the repository
	}
	at := func(l1, c1, l2, c2 int) lspRange { return lspRange{lspPosition{l1, c1}, lspPosition{l2, c2}} }
	tests := []struct {
		name string
		disk map[string]string // files below the repository
		doc  string            // the document opened, below the repository
		text string
		want []want
	}{
		{
			name: "an unknown rule in unsaved text", disk: map[string]string{".prdlint.yaml": "fail-level: error\n"},
			doc: ".prdlint.yaml", text: "fail-level: error\nrules:\n  how-infr: off\n",
			want: []want{{rng: at(2, 2, 2, 15), message: `unknown rule "how-infr" (did you mean "how-infra"?)`}},
		},
		{
			name: "valid text over a broken file on disk", disk: map[string]string{".prdlint.yaml": "rules: [\n"},
			doc: ".prdlint.yaml", text: "# " + prose + "\n\n" + "vocabulary:\n  add: [\"" + prose + "\"]\n",
		},
		{
			name: "an unknown rule in an override", doc: "docs/.prdlint.yml",
			text: "overrides:\n  - files: [\"drafts/**\"]\n    rules:\n      how-cod: off\n",
			want: []want{{rng: at(3, 6, 3, 18), message: `unknown rule "how-cod" (did you mean "how-code"?)`}},
		},
		{
			name: "an unknown vocabulary kind", doc: ".prdlint.yaml",
			text: "vocabulary:\n  add: [\"datamodel: ledger\"]\n",
			want: []want{{rng: at(1, 8, 1, 28), message: `vocabulary.add: unknown kind "datamodel" in "datamodel: ledger" (did you mean "data-model"?); kinds: ` + strings.Join(rules.VocabularyKinds(), ", ")}},
		},
		{
			name: "a remove that changes nothing", doc: ".prdlint.yaml",
			text: "vocabulary:\n  remove: [charts]\n",
			want: []want{{rng: at(1, 11, 1, 18), message: `vocabulary.remove: "charts" is not in the built-in vocabulary (did you mean "chart"? plurals are matched) and no configuration adds it, so removing it changes nothing; prdlint config vocabulary lists the terms`}},
		},
		{
			name: "an invalid ignore glob", doc: ".prdlint.yaml",
			text: "ignore:\n  - \"docs/[a-\"\n",
			want: []want{{rng: at(1, 4, 1, 14), message: `ignore: invalid glob "docs/[a-"`}},
		},
		{
			name: "both names in one directory", disk: map[string]string{"docs/.prdlint.yaml": "{}\n"},
			doc: "docs/.prdlint.yml", text: "fail-level: error\n",
			want: []want{{rng: at(0, 0, 0, 17), message: "both .prdlint.yaml and .prdlint.yml are in this directory; keep one"}},
		},
		{
			name: "a broken parent configuration", disk: map[string]string{".prdlint.yaml": "rules:\n  how-infr: off\n"},
			doc: "docs/.prdlint.yaml", text: "fail-level: error\n",
			want: []want{{file: ".prdlint.yaml", message: `:2:3: unknown rule "how-infr" (did you mean "how-infra"?)`}},
		},
		{
			name: "a valid ignore file", doc: "docs/.prdlintignore", text: prose + "\n",
		},
		{
			name: "an ignore file beside a broken configuration", disk: map[string]string{"docs/.prdlint.yaml": "rules: 3\n"},
			doc: "docs/.prdlintignore", text: prose + "\n",
			want: []want{{file: "docs/.prdlint.yaml", message: ":1:8: rules must be a mapping, not a number"}},
		},
	}
	s := startInitializedLSP(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			repo := makeRepo(t, tt.disk)
			uri := s.open(filepath.Join(repo, filepath.FromSlash(tt.doc)), "yaml", tt.text)
			got := s.diagnostics(uri)
			require.NotNil(t, got.Diagnostics, "an empty list, not null")
			var wantDiags []lspDiagnostic
			for _, w := range tt.want {
				msg := w.message
				if w.file != "" {
					msg = filepath.Join(repo, filepath.FromSlash(w.file)) + msg
				}
				wantDiags = append(wantDiags, lspDiagnostic{Range: w.rng, Source: "prdlint", Severity: 1, Message: msg})
			}
			if wantDiags == nil {
				wantDiags = []lspDiagnostic{}
			}
			assert.Equal(t, wantDiags, got.Diagnostics)
		})
	}
}

// TestLSPDebounceMustBePositive: a wait of zero or less is a usage error,
// not the default in disguise.
func TestLSPDebounceMustBePositive(t *testing.T) {
	for _, v := range []string{"0", "-1s"} {
		_, stderr, code := prdlint(t, "", "lsp", "--debounce", v)
		assert.Equal(t, 2, code, v)
		assert.Contains(t, stderr, "--debounce: ", v)
	}
}
