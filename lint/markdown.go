package lint

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"go.abhg.dev/goldmark/frontmatter"
)

// markdownParser is the parser: CommonMark with GFM tables and
// strikethrough, and YAML/TOML front matter kept out of the prose. It is
// built once: goldmark parsers keep all per-document state in the parser
// context, so one parser serves every document, concurrently.
var markdownParser = sync.OnceValue(func() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(
		extension.Table,
		extension.Strikethrough,
		&frontmatter.Extender{},
	)).Parser()
})

// maxSourceSize is the largest source Parse reads: offsets are kept as
// int32 to halve the memory they take.
const maxSourceSize = math.MaxInt32

// Parse reads Markdown source into a Document. It never fails on odd
// Markdown (every byte string is a Markdown document); it reports an error
// only for front matter that does not decode, and even then returns the
// parsed document, or for a source over 2 GiB, returning an empty one.
func Parse(path string, src []byte) (*Document, error) {
	if len(src) > maxSourceSize {
		return &Document{Path: path, Source: src, lines: newLineIndex(nil)}, errors.New("file is over the 2 GiB limit")
	}
	doc := &Document{Path: path, Source: src, lines: newLineIndex(src)}
	ctx := parser.NewContext()
	parsed := src
	if bytes.HasPrefix(src, utf8BOM) {
		// A byte-order mark would hide a leading heading or front matter
		// from the parser; blank it out in a copy so offsets still match.
		parsed = append([]byte("   "), src[len(utf8BOM):]...)
	}
	root := markdownParser().Parse(text.NewReader(parsed), parser.WithContext(ctx))

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
	b.text, b.runs = b.text[:0], b.runs[:0]
	b.inline(n, blk)
	if len(bytes.TrimSpace(b.text)) == 0 {
		return nil
	}
	blk.Text = string(b.text)
	blk.runs = append([]textRun(nil), b.runs...)
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
					b.appendSource(tt.Segment.Start, tt.Segment.Stop)
					if tt.SoftLineBreak() {
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
	if start < 0 || stop > len(b.src) || start >= stop {
		return
	}
	at, from, n := int32(len(b.text)), int32(start), int32(stop-start)
	b.text = append(b.text, b.src[start:stop]...)
	if k := len(b.runs) - 1; k >= 0 && b.runs[k].text+b.runs[k].n == at && b.runs[k].src+b.runs[k].n == from {
		// Contiguous in both: one run.
		b.runs[k].n += n
		return
	}
	b.runs = append(b.runs, textRun{text: at, src: from, n: n})
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
