package lint

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"go.abhg.dev/goldmark/frontmatter"
)

// newMarkdown builds the parser: CommonMark with GFM tables and
// strikethrough, nesting bounded (see MaxNesting), and, when the document
// opens with a front matter delimiter, YAML/TOML front matter kept out of
// the prose. The front matter extension is left out otherwise because it
// also opens front matter at a "---" on the second line ("# Title" then a
// thematic break), swallowing the document.
func newMarkdown(frontMatter bool) goldmark.Markdown {
	exts := []goldmark.Extender{extension.Table, extension.Strikethrough}
	if frontMatter {
		exts = append(exts, &frontmatter.Extender{})
	}
	return goldmark.New(goldmark.WithParser(parser.NewParser(
		parser.WithBlockParsers(blockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	)), goldmark.WithExtensions(exts...))
}

// opensFrontMatter reports whether src's first line is "---" or "+++".
func opensFrontMatter(src []byte) bool {
	line := src
	if i := bytes.IndexByte(src, '\n'); i >= 0 {
		line = src[:i]
	}
	line = bytes.TrimRight(line, " \t\r")
	return bytes.Equal(line, []byte("---")) || bytes.Equal(line, []byte("+++"))
}

// parseTree parses src with prdlint's parser, giving goldmark at most
// timeout. The tree's segments index src itself: a leading byte-order mark
// is blanked and lone CRs become LFs in a private copy, so offsets are
// unchanged.
func parseTree(src []byte, timeout time.Duration) (goldmark.Markdown, ast.Node, parser.Context, error) {
	parsed := src
	bom := bytes.HasPrefix(src, utf8BOM)
	if bom {
		// A byte-order mark would hide a leading heading or front matter.
		parsed = append([]byte("   "), src[len(utf8BOM):]...)
	}
	parsed = loneCRToLF(parsed, bom)
	md := newMarkdown(opensFrontMatter(parsed))
	ctx := parser.NewContext()
	root, err := parseWithin(md, parsed, ctx, timeout)
	return md, root, ctx, err
}

// Parse reads Markdown source into a Document. It never fails on odd
// Markdown (every byte string is a Markdown document); it reports an error
// for front matter that does not decode, and even then returns the parsed
// document, and for Markdown that takes goldmark longer than ParseTimeout,
// with a document holding no blocks.
func Parse(path string, src []byte) (*Document, error) {
	return parse(path, src, ParseTimeout)
}

// parse is Parse with goldmark's time bounded by timeout: past it, the
// document is returned empty, with the reason.
func parse(path string, src []byte, timeout time.Duration) (*Document, error) {
	doc := &Document{Path: path, Source: src, lines: newLineIndex(src)}
	_, root, ctx, err := parseTree(src, timeout)
	if err != nil {
		return doc, err
	}

	var metaErr error
	if fm := frontmatter.Get(ctx); fm != nil {
		var meta map[string]any
		if err := fm.Decode(&meta); err != nil {
			metaErr = fmt.Errorf("front matter: %w", err)
		} else {
			doc.Meta = meta
		}
	}

	b := builder{doc: doc, src: src}
	b.walk(root)
	restoreSourceOrder(doc)
	segmentDocument(doc)
	return doc, metaErr
}

type builder struct {
	doc     *Document
	src     []byte
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
			b.prose(c, BlockParagraph, 0)
		case *extast.TableCell:
			b.prose(c, BlockTableCell, 0)
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

// prose turns an inline container into a Block; it returns nil when the
// node holds no prose at all.
func (b *builder) prose(n ast.Node, kind BlockKind, level int) *Block {
	blk := &Block{Kind: kind, Level: level, Section: b.section, InList: b.list > 0, Quote: b.quote}
	var buf []byte
	var runs []textRun
	b.inline(n, blk, &buf, &runs)
	blk.Text = string(buf)
	blk.runs = runs
	if strings.TrimSpace(blk.Text) == "" {
		return nil
	}
	b.doc.Blocks = append(b.doc.Blocks, blk)
	return blk
}

// inline appends the plain text of n's inline children to buf, recording
// in runs where each stretch of it came from in the source.
func (b *builder) inline(n ast.Node, blk *Block, buf *[]byte, runs *[]textRun) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			seg := c.Segment
			b.appendSource(buf, runs, seg.Start, seg.Stop)
			if c.SoftLineBreak() || c.HardLineBreak() {
				*buf = append(*buf, ' ')
			}
		case *ast.String:
			// Text the parser made up (no source bytes): keep it readable,
			// but it has no position of its own.
			*buf = append(*buf, c.Value...)
		case *ast.CodeSpan:
			from := len(*buf)
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if tt, ok := t.(*ast.Text); ok {
					b.appendSource(buf, runs, tt.Segment.Start, tt.Segment.Stop)
					if tt.SoftLineBreak() {
						*buf = append(*buf, ' ')
					}
				}
			}
			if len(*buf) > from {
				blk.Code = append(blk.Code, [2]int{from, len(*buf)})
			}
		case *ast.AutoLink:
			// A bare URL is not prose; keep the words around it apart.
			*buf = append(*buf, ' ')
		case *ast.RawHTML:
			b.rawHTML(c)
		case *ast.Image:
			// Alt text describes a picture, not the product.
		default:
			// Emphasis, links (their text, never their destination),
			// strikethrough and any other inline container.
			b.inline(c, blk, buf, runs)
		}
	}
}

func (b *builder) appendSource(buf *[]byte, runs *[]textRun, start, stop int) {
	if start < 0 || stop > len(b.src) || start >= stop {
		return
	}
	if k := len(*runs) - 1; k >= 0 && (*runs)[k].text+(*runs)[k].n == len(*buf) && (*runs)[k].src+(*runs)[k].n == start {
		(*runs)[k].n += stop - start
	} else {
		*runs = append(*runs, textRun{text: len(*buf), src: start, n: stop - start})
	}
	*buf = append(*buf, b.src[start:stop]...)
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
		b.doc.Comments = append(b.doc.Comments, Comment{
			Text:    strings.TrimSpace(string(b.src[open+4 : end-3])),
			Start:   open,
			End:     end,
			Line:    line,
			EndLine: endLine,
			Inline:  inline,
		})
		start = end
	}
}
