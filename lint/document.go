package lint

import "sort"

// BlockKind says where a run of prose came from.
type BlockKind int

// Kinds of prose blocks. Code, HTML and front matter never become blocks.
const (
	BlockParagraph BlockKind = iota
	BlockHeading
	BlockTableCell
)

func (k BlockKind) String() string {
	switch k {
	case BlockHeading:
		return "heading"
	case BlockTableCell:
		return "table-cell"
	}
	return "paragraph"
}

// Document is a parsed Markdown file: its prose blocks in source order, its
// sections and its comments, all with source byte offsets.
type Document struct {
	Path   string
	Source []byte
	// Meta is the decoded front matter, or nil.
	Meta map[string]any
	// Blocks are the prose blocks in source order.
	Blocks []*Block
	// Sections are the headings in source order.
	Sections []*Section
	// Comments are the HTML comments, block and inline, in source order.
	Comments []Comment

	lines lineIndex
	cache map[any]any
	// frontMatterLines is the number of lines the front matter takes,
	// delimiters included (0 without front matter).
	frontMatterLines int
	// directiveRules are the IDs of the rules of CategoryDirective of the
	// check under way, or of the last one (see Directive.TargetComment).
	directiveRules []string
}

// InFrontMatter reports whether a 1-based line belongs to the front matter.
func (d *Document) InFrontMatter(line int) bool { return line >= 1 && line <= d.frontMatterLines }

// Position returns the 1-based line and code-point column of a source byte offset.
func (d *Document) Position(off int) (line, col int) { return d.lines.position(off) }

// LineCount is the number of lines in the source.
func (d *Document) LineCount() int { return d.lines.lineCount() }

// Sentences returns every sentence of the document in source order.
func (d *Document) Sentences() []*Sentence {
	n := 0
	for _, b := range d.Blocks {
		n += len(b.Sentences)
	}
	if n == 0 {
		return nil
	}
	out := make([]*Sentence, 0, n)
	for _, b := range d.Blocks {
		out = append(out, b.Sentences...)
	}
	return out
}

// Title is the document's title: the front matter "title", else the text
// of the first level-1 heading, else the first heading; with the line it
// stands on (1 when it comes from front matter or there is none).
func (d *Document) Title() (title string, line int) {
	if t, ok := d.Meta["title"].(string); ok && t != "" {
		return t, 1
	}
	if h := d.titleHeading(); h != nil {
		return h.Title, h.Line
	}
	return "", 1
}

// titleHeading is the first level-1 heading, else the first heading, or nil.
func (d *Document) titleHeading() *Section {
	for _, s := range d.Sections {
		if s.Level == 1 {
			return s
		}
	}
	if len(d.Sections) > 0 {
		return d.Sections[0]
	}
	return nil
}

// TitleSection returns the heading that titles the document, or nil: its
// only level-1 heading, when that comes first. A title names what the
// document is about ("Partner API keys"), not a part of it, so rules that
// read a sentence's section may leave it out. A document with several
// level-1 headings uses them as sections and has no title section.
func (d *Document) TitleSection() *Section {
	var title *Section
	for i, s := range d.Sections {
		if s.Level != 1 {
			continue
		}
		if i > 0 || title != nil {
			return nil
		}
		title = s
	}
	return title
}

// TitleLine is where findings about the whole document are reported, and
// the text that stands there: the title heading, else the first line
// after the front matter (with the front matter's title), else line 1.
// It is never a line of the front matter when the document has anything
// else: a suppression comment above or inside it would break it.
func (d *Document) TitleLine() (line int, text string) {
	if h := d.titleHeading(); h != nil {
		return h.Line, h.Title
	}
	title, _ := d.Title()
	return min(d.frontMatterLines+1, max(d.lines.lineCount(), 1)), title
}

// Memo returns the value cached under key, computing it on first use. Rules
// use it to share work done once per document (as go/analysis passes share
// results); rules of one document run one after another, so no lock is
// needed.
func (d *Document) Memo(key any, compute func() any) any {
	if v, ok := d.cache[key]; ok {
		return v
	}
	if d.cache == nil {
		d.cache = map[any]any{}
	}
	v := compute()
	d.cache[key] = v
	return v
}

// Section is a heading and the text up to the next heading of the same or
// a higher level.
type Section struct {
	Title  string
	Level  int
	Line   int
	Parent *Section
	// Start is the byte offset of the heading's text.
	Start int

	// normalized and path cache NormalizedTitle and Path; a document is
	// checked by one goroutine at a time.
	normalized *string
	path       []string
}

// NormalizedTitle is NormalizeHeading(s.Title), computed once.
func (s *Section) NormalizedTitle() string {
	if s.normalized == nil {
		n := NormalizeHeading(s.Title)
		s.normalized = &n
	}
	return *s.normalized
}

// Path returns the heading titles from the outermost section to s,
// computed once: every sentence and finding of a section shares the slice,
// so callers must not modify it.
func (s *Section) Path() []string {
	if s.path != nil {
		return s.path
	}
	var p []string
	for x := s; x != nil; x = x.Parent {
		p = append(p, x.Title)
	}
	for i, j := 0, len(p)-1; i < j; i, j = i+1, j-1 {
		p[i], p[j] = p[j], p[i]
	}
	s.path = p
	return p
}

// Top returns the top-level section s belongs to: the outermost heading,
// or, under the document's title (Document.TitleSection, nil when it has
// none), the title's child. A document with several level-1 headings has
// no title: each of them is a top-level section.
func (s *Section) Top(title *Section) *Section {
	x := s
	for x.Parent != nil && x.Parent != title {
		x = x.Parent
	}
	return x
}

// Block is one run of prose: a heading, a paragraph (also inside list
// items and block quotes) or a table cell.
type Block struct {
	Kind BlockKind
	// Level is the heading level for headings, else 0.
	Level int
	// Section is the section the block belongs to; for a heading, the
	// section it opens. Nil before the first heading.
	Section *Section
	// Text is the plain text: markup removed, code span contents kept,
	// soft and hard line breaks as one space.
	Text string
	// Code lists the byte ranges of Text that were inline code spans.
	Code [][2]int
	// InList and Quote say whether the block sits in a list item, and in
	// how many block quotes.
	InList bool
	Quote  int
	// Label reports a paragraph that is strong emphasis and nothing else,
	// with no sentence end: a heading in all but name ("**Option 2: a
	// queue per tenant**"); and a table's header cell with no sentence
	// end, which names a column ("How we'll check").
	Label bool
	// Sentences are the block's sentences in order.
	Sentences []*Sentence

	// runs map Text back to the source, in Text order. Bytes between runs
	// were inserted by the engine (the space standing for a line break).
	// One run per source segment rather than one offset per byte keeps a
	// document's memory close to the size of its source.
	runs []textRun
	// breaks are the offsets in Text of the spaces that stand for a hard
	// line break or a <br>: a line the author ended on purpose.
	breaks []int
}

// textRun says that Text[text:text+n] is a copy of Source[src:src+n].
// Offsets are int32: files are capped far below 2 GiB (MaxFileSize).
type textRun struct {
	text, src, n int32
}

// SourceOffset maps a byte offset in Text to the source; for an inserted
// byte it returns the offset of the nearest source byte before it, or,
// before the first one (the space an autolink leaves at the start of a
// heading), of the first.
func (b *Block) SourceOffset(i int) int {
	if i >= len(b.Text) {
		i = len(b.Text) - 1
	}
	// The last run starting at or before i.
	k := sort.Search(len(b.runs), func(k int) bool { return int(b.runs[k].text) > i }) - 1
	if k < 0 {
		return b.firstSourceOffset()
	}
	if i < 0 {
		return 0
	}
	r := b.runs[k]
	if i < int(r.text+r.n) {
		return int(r.src) + i - int(r.text)
	}
	return int(r.src + r.n - 1)
}

// firstSourceOffset is the source offset of the first byte of Text that
// came from the source, or 0 when none did.
func (b *Block) firstSourceOffset() int {
	if len(b.runs) == 0 {
		return 0
	}
	return int(b.runs[0].src)
}

// Sentence is one sentence of a block with its exact source span.
type Sentence struct {
	Block *Block
	// Text is the sentence's plain text.
	Text string
	// Code lists byte ranges of Text that were inline code spans.
	Code [][2]int
	// Start is the source offset of the first byte of the first character;
	// End is the offset just past the last character.
	Start, End int
	// Line, Column, EndLine and EndColumn are 1-based; columns count code
	// points; EndColumn is the column of the last character.
	Line, Column, EndLine, EndColumn int

	// from is the offset of Text within Block.Text.
	from int
}

// Section returns the section the sentence belongs to, or nil.
func (s *Sentence) Section() *Section { return s.Block.Section }

// SectionPath returns the heading path of the sentence.
func (s *Sentence) SectionPath() []string {
	if s.Block.Section == nil {
		return nil
	}
	return s.Block.Section.Path()
}

// InCode reports whether byte i of Text lies inside an inline code span.
func (s *Sentence) InCode(i int) bool { return inCode(s.Code, i) }

// SourceOffset maps a byte offset in Text to the source.
func (s *Sentence) SourceOffset(i int) int { return s.Block.SourceOffset(s.from + i) }

// Comment is an HTML comment in the source, e.g. a suppression directive.
type Comment struct {
	// Text is the comment's inside, without "<!--" and "-->", trimmed.
	Text string
	// Start and End are source byte offsets of the whole comment.
	Start, End int
	// Line and EndLine are the 1-based lines it starts and ends on.
	Line, EndLine int
	// Inline is true for a comment inside a paragraph, false for one that
	// is a block of its own.
	Inline bool

	// runs map Text back to the source: block-quote markers that open the
	// comment's later lines are in the source but not in Text.
	runs []textRun
}

// SourceOffset maps a byte offset in Text to the source; an offset at or
// past the end of Text maps to the byte after Text's last one.
func (c *Comment) SourceOffset(i int) int {
	if len(c.runs) == 0 {
		return c.Start
	}
	// The last run starting at or before i.
	k := max(sort.Search(len(c.runs), func(k int) bool { return int(c.runs[k].text) > i })-1, 0)
	r := c.runs[k]
	return int(r.src) + min(max(i-int(r.text), 0), int(r.n))
}
