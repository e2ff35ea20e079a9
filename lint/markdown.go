package lint

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/BurntSushi/toml"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"go.yaml.in/yaml/v3"
)

// newMarkdown builds the parser: CommonMark with GFM tables, strikethrough
// and task lists (a "[ ]" checkbox is not part of the item's sentence) and
// nesting bounded (see MaxNesting). Front matter never reaches it: parseTree
// blanks it out first (see findFrontMatter).
func newMarkdown() goldmark.Markdown {
	return goldmark.New(goldmark.WithParser(parser.NewParser(
		parser.WithBlockParsers(blockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	)), goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList))
}

// The parser is built once: goldmark parsers keep all per-document state
// in the parser context, so one serves every document, concurrently.
var markdownShared = sync.OnceValue(newMarkdown)

// MaxFrontMatterSize is the largest front matter decoded: metadata, not
// content, is a few hundred bytes in any real document.
const MaxFrontMatterSize = 256 << 10

// frontMatter is a document's leading front matter.
type frontMatter struct {
	delim       byte // '-' for YAML, '+' for TOML
	start, stop int  // the content, between the delimiter lines
	end         int  // just past the closing delimiter line
}

// findFrontMatter finds front matter at the start of src: a first line
// "---" (YAML) or "+++" (TOML), then a later line of the same that closes
// it; trailing spaces and tabs are allowed on both. With
// no closing line there is no front matter: a "---" is a thematic break.
//
// goldmark-frontmatter did this before, but it wants the delimiter line to
// be the bare run, opens front matter at a "---" on the second line ("#
// Title" then a thematic break), and without a closing line takes the
// whole document as front matter. The lines are simple to find; decoding
// stays with the YAML and TOML libraries.
func findFrontMatter(src []byte) (frontMatter, bool) {
	line, next := lineFrom(src, 0)
	delim, n := delimiterRun(line)
	if delim == 0 {
		return frontMatter{}, false
	}
	for pos := next; pos < len(src); {
		line, after := lineFrom(src, pos)
		if d, m := delimiterRun(line); d == delim && m == n {
			return frontMatter{delim: delim, start: next, stop: pos, end: after}, true
		}
		pos = after
	}
	return frontMatter{}, false
}

// lineFrom returns the line starting at pos, without its line ending, and
// the offset of the next line.
func lineFrom(src []byte, pos int) ([]byte, int) {
	i := bytes.IndexByte(src[pos:], '\n')
	if i < 0 {
		return src[pos:], len(src)
	}
	return src[pos : pos+i], pos + i + 1
}

// delimiterRun returns the character of a front-matter delimiter line,
// "---" or "+++" (a longer run of dashes is a thematic break), and its
// length, or 0.
func delimiterRun(line []byte) (byte, int) {
	line = bytes.TrimRight(line, " \t\r")
	if string(line) != "---" && string(line) != "+++" {
		return 0, 0
	}
	return line[0], len(line)
}

// decodeFrontMatter decodes front matter content in its format.
func decodeFrontMatter(delim byte, raw []byte) (map[string]any, error) {
	var meta map[string]any
	var err error
	if delim == '+' {
		err = toml.Unmarshal(raw, &meta)
	} else {
		err = yaml.Unmarshal(raw, &meta)
	}
	if err != nil {
		return nil, frontMatterError(err)
	}
	return meta, nil
}

// maxSourceSize is the largest source Parse reads: offsets are kept as
// int32 to halve the memory they take.
const maxSourceSize = math.MaxInt32

// parseTree parses src with prdlint's parser, giving goldmark at most
// timeout. The tree's segments index src itself: a leading byte-order mark
// and the front matter are blanked (newlines kept) and lone CRs become LFs
// in a private copy, so offsets and lines are unchanged. It returns the
// front matter's content and format, if there is front matter.
// With fresh set the Markdown is a new one the caller may configure (e.g.
// add renderer options to), not the one shared by every parse. key names
// the file for parseWithin (empty: no guard against repeated slow parses).
func parseTree(src []byte, timeout time.Duration, fresh bool, key string) (md goldmark.Markdown, root ast.Node, fm *foundFrontMatter, err error) {
	md = markdownShared()
	if fresh {
		md = newMarkdown()
	}
	if len(src) > maxSourceSize {
		return md, ast.NewDocument(), nil, errors.New("file is over the 2 GiB limit")
	}
	parsed := src
	bom := bytes.HasPrefix(src, utf8BOM)
	if bom {
		// A byte-order mark would hide a leading heading or front matter.
		// Blank lines keep the offsets, where spaces would add to the
		// first line's indent (" # Title" would become code).
		parsed = append([]byte("\n\n\n"), src[len(utf8BOM):]...)
	}
	parsed = loneCRToLF(parsed, bom)
	off := 0
	if bom {
		off = len(utf8BOM)
	}
	if f, ok := findFrontMatter(parsed[off:]); ok {
		fm = &foundFrontMatter{
			delim: f.delim,
			raw:   append([]byte(nil), parsed[off+f.start:off+f.stop]...),
			end:   off + f.end,
		}
		if !bom {
			parsed = append([]byte(nil), parsed...)
		}
		for i := off; i < off+f.end; i++ {
			if parsed[i] != '\n' && parsed[i] != '\r' {
				parsed[i] = ' '
			}
		}
	}
	root, err = parseWithin(md, parsed, parser.NewContext(), timeout, key)
	return md, root, fm, err
}

// foundFrontMatter is the front matter parseTree found: its format, its
// content, and the source offset just past its closing line.
type foundFrontMatter struct {
	delim byte
	raw   []byte
	end   int
}

// Parse reads Markdown source into a Document. It never fails on odd
// Markdown (every byte string is a Markdown document); it reports an error
// for front matter that does not decode, and even then returns the parsed
// document, and for Markdown that takes goldmark longer than ParseTimeout
// or a source over 2 GiB, with a document holding no blocks.
func Parse(path string, src []byte) (*Document, error) {
	return parse(path, src, ParseTimeout)
}

// parse is Parse with goldmark's time bounded by timeout: past it, the
// document is returned empty, with the reason.
func parse(path string, src []byte, timeout time.Duration) (*Document, error) {
	if len(src) > maxSourceSize {
		return &Document{Path: path, Source: src, lines: newLineIndex(nil)}, errors.New("file is over the 2 GiB limit")
	}
	doc := &Document{Path: path, Source: src, lines: newLineIndex(src)}
	_, root, fm, err := parseTree(src, timeout, false, path)
	if err != nil {
		return doc, err
	}

	var metaErr error
	if fm != nil {
		doc.frontMatterLines, _ = doc.Position(fm.end - 1)
		switch {
		case len(fm.raw) > MaxFrontMatterSize:
			// YAML's duplicate-key check is quadratic in the keys: a
			// megabyte of them would take minutes.
			metaErr = fmt.Errorf("front matter is %d KiB, over the %d KiB limit; not read", len(fm.raw)>>10, MaxFrontMatterSize>>10)
		case len(fm.raw) > 0:
			doc.Meta, metaErr = decodeFrontMatter(fm.delim, fm.raw)
		}
	}

	b := builder{doc: doc, src: src}
	b.walk(root)
	restoreSourceOrder(doc)
	segmentDocument(doc)
	return doc, metaErr
}

type builder struct {
	doc *Document
	src []byte
	// text and runs are scratch space for the block being built, reused
	// from block to block.
	text    []byte
	runs    []textRun
	breaks  []int
	section *Section
	list    int
	quote   int
}

// walk visits block nodes. It recurses by hand rather than with ast.Walk
// so list and quote depth are tracked on the way in and out.
func (b *builder) walk(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Heading:
			b.heading(c)
		case *ast.Paragraph, *ast.TextBlock:
			if b.anchorOnly(c) {
				// "- [Use log/slog instead of klog](#use-logslog)": a
				// table of contents repeats a heading, it states nothing
				continue
			}
			if blk := b.prose(c, BlockParagraph, 0); blk != nil {
				blk.Label = b.strongOnly(c) && !endsSentence(blk.Text)
			}
		case *extast.TableCell:
			if blk := b.prose(c, BlockTableCell, 0); blk != nil {
				// "| Measure | How we'll check |": a header cell names a
				// column, as a heading names a section; a long one, as in
				// a table of two columns ("| Decision | Store sessions in
				// Redis with a TTL of one day |"), is content
				_, header := c.Parent().(*extast.TableHeader)
				blk.Label = header && !endsSentence(blk.Text) && len(strings.Fields(blk.Text)) <= maxColumnNameWords
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.ThematicBreak:
			// Not prose.
		case *ast.HTMLBlock:
			b.htmlBlock(c)
		case *ast.ListItem:
			b.list++
			b.walk(c)
			b.list--
		case *ast.Blockquote:
			b.quote++
			b.walk(c)
			b.quote--
		default:
			if c.Type() == ast.TypeBlock || c.Type() == ast.TypeDocument {
				b.walk(c)
			}
		}
	}
}

func (b *builder) heading(h *ast.Heading) {
	blk := b.prose(h, BlockHeading, h.Level)
	if blk == nil {
		return
	}
	parent := b.section
	for parent != nil && parent.Level >= h.Level {
		parent = parent.Parent
	}
	start := blk.SourceOffset(0)
	line, _ := b.doc.Position(start)
	s := &Section{Title: strings.TrimSpace(blk.Text), Level: h.Level, Line: line, Parent: parent, Start: start}
	b.doc.Sections = append(b.doc.Sections, s)
	b.section = s
	blk.Section = s
}

// isLineBreakTag reports an HTML <br> tag ("<br>", "<br/>", "<BR />").
func isLineBreakTag(tag []byte) bool {
	t := strings.ToLower(strings.TrimSpace(string(tag)))
	t = strings.TrimSuffix(strings.TrimSuffix(t, ">"), "/")
	return strings.TrimSpace(t) == "<br"
}

// anchorOnly reports an inline container whose only content is one link
// to a place in the same document ("[Goals](#goals)"), a task-list
// checkbox and spaces aside: an entry of a table of contents.
func (b *builder) anchorOnly(n ast.Node) bool {
	links := 0
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Link:
			if !bytes.HasPrefix(c.Destination, []byte("#")) {
				return false
			}
			links++
		case *extast.TaskCheckBox:
		case *ast.Text:
			if len(bytes.TrimSpace(c.Segment.Value(b.src))) > 0 {
				return false
			}
		default:
			return false
		}
	}
	return links == 1
}

// strongOnly reports an inline container whose only content is one run
// of strong emphasis ("**Queue visibility**").
func (b *builder) strongOnly(n ast.Node) bool {
	strong := 0
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if e, ok := c.(*ast.Emphasis); ok && e.Level == 2 {
			strong++
			continue
		}
		if t, ok := c.(*ast.Text); ok && len(bytes.TrimSpace(t.Segment.Value(b.src))) == 0 {
			continue
		}
		return false
	}
	return strong == 1
}

// prose turns an inline container into a Block; it returns nil when the
// node holds no prose at all.
func (b *builder) prose(n ast.Node, kind BlockKind, level int) *Block {
	blk := &Block{Kind: kind, Level: level, Section: b.section, InList: b.list > 0, Quote: b.quote}
	b.text, b.runs, b.breaks = b.text[:0], b.runs[:0], b.breaks[:0]
	b.inline(n, blk)
	if len(bytes.TrimSpace(b.text)) == 0 {
		return nil
	}
	blk.Text = string(b.text)
	blk.runs = append([]textRun(nil), b.runs...)
	if len(b.breaks) > 0 {
		blk.breaks = append([]int(nil), b.breaks...)
	}
	b.doc.Blocks = append(b.doc.Blocks, blk)
	return blk
}

// inline appends the plain text of n's inline children to b.text,
// recording where each piece came from in b.runs.
func (b *builder) inline(n ast.Node, blk *Block) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			seg := c.Segment
			b.appendSource(seg.Start, seg.Stop)
			if c.HardLineBreak() {
				b.breaks = append(b.breaks, len(b.text))
			}
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.text = append(b.text, ' ')
			}
		case *ast.String:
			// Text the parser made up (no source bytes): keep it readable,
			// but it has no position of its own.
			b.text = append(b.text, c.Value...)
		case *ast.CodeSpan:
			from := len(b.text)
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if tt, ok := t.(*ast.Text); ok {
					// A code span's segments keep their line endings;
					// like any line break, one becomes a space.
					start, stop := tt.Segment.Start, tt.Segment.Stop
					brk := tt.SoftLineBreak()
					for stop > start && stop <= len(b.src) && (b.src[stop-1] == '\n' || b.src[stop-1] == '\r') {
						stop--
						brk = true
					}
					b.appendSource(start, stop)
					if brk {
						b.text = append(b.text, ' ')
					}
				}
			}
			if len(b.text) > from {
				blk.Code = append(blk.Code, [2]int{from, len(b.text)})
			}
		case *ast.AutoLink:
			// A bare URL is not prose; keep the words around it apart.
			b.text = append(b.text, ' ')
		case *ast.RawHTML:
			b.rawHTML(c)
			if isLineBreakTag(c.Segments.Value(b.src)) {
				// "a<br />b": the words stay apart, and the line ends
				b.breaks = append(b.breaks, len(b.text))
				b.text = append(b.text, ' ')
			}
		case *ast.Image:
			// Alt text describes a picture, not the product.
		default:
			// Emphasis, links (their text, never their destination),
			// strikethrough and any other inline container.
			b.inline(c, blk)
		}
	}
}

func (b *builder) appendSource(start, stop int) {
	b.text, b.runs = appendRun(b.text, b.runs, b.src, start, stop)
}

// appendRun appends src[start:stop] to text and the run that maps it back
// to runs, extending the last run when the bytes follow it in both.
func appendRun(text []byte, runs []textRun, src []byte, start, stop int) ([]byte, []textRun) {
	if start < 0 || stop > len(src) || start >= stop {
		return text, runs
	}
	at, from, n := int32(len(text)), int32(start), int32(stop-start)
	text = append(text, src[start:stop]...)
	if k := len(runs) - 1; k >= 0 && runs[k].text+runs[k].n == at && runs[k].src+runs[k].n == from {
		// Contiguous in both: one run.
		runs[k].n += n
		return text, runs
	}
	return text, append(runs, textRun{text: at, src: from, n: n})
}

func (b *builder) htmlBlock(h *ast.HTMLBlock) {
	lines := h.Lines()
	if lines.Len() == 0 {
		return
	}
	start := lines.At(0).Start
	stop := lines.At(lines.Len() - 1).Stop
	if h.HasClosure() {
		stop = h.ClosureLine.Stop
	}
	b.comments(start, stop, false)
}

func (b *builder) rawHTML(r *ast.RawHTML) {
	if r.Segments.Len() == 0 {
		return
	}
	start := r.Segments.At(0).Start
	stop := r.Segments.At(r.Segments.Len() - 1).Stop
	b.comments(start, stop, true)
}

// comments records every complete HTML comment in src[start:stop].
func (b *builder) comments(start, stop int, inline bool) {
	if stop > len(b.src) {
		stop = len(b.src)
	}
	for start < stop {
		i := bytes.Index(b.src[start:stop], []byte("<!--"))
		if i < 0 {
			return
		}
		open := start + i
		j := bytes.Index(b.src[open+4:stop], []byte("-->"))
		if j < 0 {
			return
		}
		end := open + 4 + j + 3
		line, _ := b.doc.Position(open)
		endLine, _ := b.doc.Position(end - 1)
		text, runs := commentText(b.src, open+4, end-3, b.quote)
		b.doc.Comments = append(b.doc.Comments, Comment{
			Text:    text,
			runs:    runs,
			Start:   open,
			End:     end,
			Line:    line,
			EndLine: endLine,
			Inline:  inline,
		})
		start = end
	}
}

// commentText returns the inside of the comment whose "<!--" and "-->"
// enclose src[from:to], trimmed, with the block-quote markers ("> ", up to
// depth of them) that open each line after its first removed: they belong
// to the quote, not to the comment ("> <!-- prdlint-disable-next-line\n>
// -->"). The runs map the text back to src, so an offset in the text (a
// directive's rule ID) has its place in the source.
func commentText(src []byte, from, to, depth int) (string, []textRun) {
	var text []byte
	var runs []textRun
	add := func(start, stop int) { text, runs = appendRun(text, runs, src, start, stop) }
	for pos, first := from, true; pos < to; first = false {
		if !first && depth > 0 {
			pos = skipQuoteMarkers(src, pos, to, depth)
		}
		// A line ends at LF or CR (the source keeps a lone CR, which the
		// parser took for a line ending).
		end := pos
		for end < to && src[end] != '\n' && src[end] != '\r' {
			end++
		}
		if end < to {
			end++
		}
		add(pos, end)
		pos = end
	}
	trimmed := bytes.TrimSpace(text)
	lead := int32(len(text) - len(bytes.TrimLeftFunc(text, unicode.IsSpace)))
	n := int32(len(trimmed))
	kept := runs[:0]
	for _, r := range runs {
		r.text -= lead
		if r.text < 0 {
			r.src -= r.text
			r.n += r.text
			r.text = 0
		}
		r.n = min(r.n, n-r.text)
		if r.n > 0 {
			kept = append(kept, r)
		}
	}
	return string(trimmed), kept
}

// skipQuoteMarkers returns the offset in src[pos:to] past up to depth
// block-quote markers, each with the spaces and tabs before it; pos itself
// when the line does not open with one.
func skipQuoteMarkers(src []byte, pos, to, depth int) int {
	for range depth {
		p := pos
		for p < to && (src[p] == ' ' || src[p] == '\t') {
			p++
		}
		if p == to || src[p] != '>' {
			break
		}
		pos = p + 1
	}
	return pos
}

// fmLineRef is a line number in a decoder's message ("line 2: …",
// "already defined at line 1").
var fmLineRef = regexp.MustCompile(`\bline (\d+)\b`)

// frontMatterError makes a front-matter decoding error one line, with its
// line numbers counted in the file: the decoder counts from the line after
// the opening "---", which is always the file's first line.
func frontMatterError(err error) error {
	msg := strings.Join(strings.Fields(err.Error()), " ")
	first := 0
	msg = fmLineRef.ReplaceAllStringFunc(msg, func(m string) string {
		n, err := strconv.Atoi(m[len("line "):])
		if err != nil {
			return m
		}
		if first == 0 {
			first = n + 1
		}
		return "line " + strconv.Itoa(n+1)
	})
	if first == 0 {
		return errors.New("front matter: " + msg)
	}
	return &FrontMatterError{Line: first, Reason: msg}
}

// FrontMatterError is front matter that does not decode, at the line the
// decoder names (counted in the file), so that formats that annotate files
// put it on the line to fix.
type FrontMatterError struct {
	Line   int
	Reason string
}

func (e *FrontMatterError) Error() string { return "front matter: " + e.Reason }

// Location implements Locator: a line of the linted file itself.
func (e *FrontMatterError) Location() (path string, line, column int) {
	return "", e.Line, 1
}

// maxColumnNameWords is the longest header cell read as a column's name.
const maxColumnNameWords = 6

// endsSentence reports text that ends in a sentence's closing mark, or is
// empty: a label is never empty.
func endsSentence(text string) bool {
	t := strings.TrimRightFunc(text, unicode.IsSpace)
	return t == "" || strings.IndexByte(".!?", t[len(t)-1]) >= 0
}
