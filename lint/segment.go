package lint

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"gopkg.in/neurosnap/sentences.v1"

	"github.com/prdlint/prdlint/lint/internal/punkt"
)

// sentenceTokenizer is the Punkt sentence tokenizer (the one prose/v2
// wraps), built once per process on first use from the model compiled into
// the binary. It only reads its model after that, so documents share it.
var sentenceTokenizer = sync.OnceValue(func() *sentences.DefaultSentenceTokenizer {
	training := punkt.English()
	for _, a := range extraAbbreviations {
		training.AbbrevTypes.Add(a)
	}
	return punkt.NewEnglishTokenizer(training)
})

// extraAbbreviations are abbreviations common in specifications that the
// stock English model may take for sentence ends.
var extraAbbreviations = []string{"e.g", "i.e", "eg", "ie", "vs", "etc", "approx", "incl", "cf", "u.s", "u.k", "no", "nr", "fig", "sec", "min", "max", "avg", "ref", "resp", "est"}

// segmentDocument splits every block into sentences and gives each its
// exact source span.
func segmentDocument(doc *Document) {
	tok := sentenceTokenizer()
	for _, blk := range doc.Blocks {
		var spans [][2]int
		if blk.Kind == BlockHeading || len(blk.breaks) == 0 && (blk.Kind == BlockTableCell && !hasSentenceEnd(blk.Text) || !mayBreakInside(blk.Text)) {
			spans = [][2]int{{0, len(blk.Text)}}
		} else {
			for _, s := range tok.Tokenize(blk.Text) {
				spans = append(spans, [2]int{s.Start, s.End})
			}
			spans = splitUnitAbbreviations(blk.Text, spans)
			spans = splitAfterNames(blk.Text, spans, blk.Code)
			spans = joinInsideCode(blk.Text, spans, blk.Code)
			spans = joinInsideQuotes(blk.Text, spans, blk.Code)
			spans = joinAfterExampleMarkers(blk.Text, spans)
			spans = splitAfterCapsAndEtc(blk.Text, spans)
			spans = joinContinuations(blk.Text, spans, blk.Code)
			spans = splitAtLineBreaks(blk.Text, spans, blk.breaks)
		}
		spans = dropAlertMarker(blk, spans)
		for _, sp := range spans {
			addSentence(doc, blk, sp[0], sp[1])
		}
	}
}

// mayBreakInside reports whether Punkt could end a sentence before the
// end of text. It breaks only after a word holding '.', '!' or '?', or
// after the word that follows one, so text with none of them before its
// last word is one sentence: most list items and short paragraphs are,
// and they skip the tokenizer.
func mayBreakInside(text string) bool {
	t := strings.TrimRightFunc(text, unicode.IsSpace)
	last := strings.LastIndexFunc(t, unicode.IsSpace)
	return last >= 0 && strings.ContainsAny(t[:last], ".!?")
}

// joinInsideCode joins sentences that the tokenizer split inside an inline
// code span: a span is one inline element, so interface text quoted in
// backticks ("Subtitle: `Enter an e-mail. It will appear on your profile.`")
// stays in the sentence that quotes it.
//
// A split right after a span whose text ends the sentence's punctuation
// ("Show the banner `Payment failed.` to the shopper") is joined too when
// the text goes on in lower case: the period is the span's.
func joinInsideCode(text string, spans [][2]int, code [][2]int) [][2]int {
	if len(code) == 0 {
		return spans
	}
	return joinWhere(spans, func(last, sp [2]int) bool {
		for _, c := range code {
			if c[0] < sp[0] && sp[0] < c[1] {
				return true
			}
			if c[1] == last[1] && c[1] > c[0] && strings.IndexByte(".!?", text[c[1]-1]) >= 0 && startsLower(text[sp[0]:sp[1]]) {
				return true
			}
		}
		return false
	})
}

// joinWhere joins each span to the one before it (as joined so far) where
// join says the sentence goes on.
func joinWhere(spans [][2]int, join func(last, next [2]int) bool) [][2]int {
	if len(spans) < 2 {
		return spans
	}
	out := spans[:1]
	for _, sp := range spans[1:] {
		if last := &out[len(out)-1]; join(*last, sp) {
			last[1] = sp[1]
		} else {
			out = append(out, sp)
		}
	}
	return out
}

// maxQuote bounds the quotations joinInsideQuotes keeps whole: a stray
// inch mark must not glue a paragraph together.
const maxQuote = 300

// joinInsideQuotes joins sentences that the tokenizer split inside a double
// quotation that closes later in the block: `fields: "a.b. c.d. E.g.: e.f."`
// quotes one value, and its periods end no sentence of the text around it.
// Quotation marks inside code spans do not count.
func joinInsideQuotes(text string, spans [][2]int, code [][2]int) [][2]int {
	// Two searches, not strings.ContainsAny: with the non-ASCII '\u201c' in
	// its set, ContainsAny decodes every rune of the block.
	if len(spans) < 2 || strings.IndexByte(text, '"') < 0 && !strings.Contains(text, "\u201c") {
		return spans
	}
	marks := quoteMarks(text, code)
	m := 0     // the next mark to read
	open := -1 // offset of the quotation open in the current sentence, or -1
	read := func(from, to int) {
		for ; m < len(marks) && marks[m].at < to; m++ {
			switch mk := marks[m]; {
			case mk.at < from:
			case mk.opens && mk.closes: // '"' toggles
				if open >= 0 {
					open = -1
				} else {
					open = mk.at
				}
			case mk.opens:
				open = mk.at
			default:
				open = -1
			}
		}
	}
	read(spans[0][0], spans[0][1])
	out := spans[:1]
	for _, sp := range spans[1:] {
		from := sp[0]
		if open >= 0 && closesBefore(marks[m:], open+maxQuote) {
			out[len(out)-1][1] = sp[1]
			from = 0 // the sentence goes on: read the marks between the two as well
		} else {
			out = append(out, sp)
			open = -1
		}
		read(from, sp[1])
	}
	return out
}

// quoteMark is a double quotation mark outside code: '"' both opens and
// closes, '\u201c' opens and '\u201d' closes.
type quoteMark struct {
	at            int
	opens, closes bool
}

// quoteMarks lists the double quotation marks of text outside the code
// spans code (in order), in one pass.
func quoteMarks(text string, code [][2]int) []quoteMark {
	var marks []quoteMark
	c := 0
	for i := 0; i < len(text); i++ {
		for c < len(code) && code[c][1] <= i {
			c++
		}
		if c < len(code) && code[c][0] <= i {
			continue
		}
		switch {
		case text[i] == '"':
			marks = append(marks, quoteMark{i, true, true})
		case strings.HasPrefix(text[i:], "\u201c"):
			marks = append(marks, quoteMark{i, true, false})
		case strings.HasPrefix(text[i:], "\u201d"):
			marks = append(marks, quoteMark{i, false, true})
		}
	}
	return marks
}

// closesBefore reports whether one of marks closes a quotation before
// offset limit.
func closesBefore(marks []quoteMark, limit int) bool {
	for _, mk := range marks {
		if mk.at >= limit {
			return false
		}
		if mk.closes {
			return true
		}
	}
	return false
}

// joinAfterExampleMarkers joins a sentence that ends in "e.g.", "i.e." (or
// "eg.", "ie."), "vs." or "cf." to the next one: Punkt splits there when a
// capitalised word follows ("… over e.g. Translation and Entity models."),
// but these markers introduce the rest of a sentence and never end one.
func joinAfterExampleMarkers(text string, spans [][2]int) [][2]int {
	return joinWhere(spans, func(last, _ [2]int) bool {
		return endsWithExampleMarker(strings.TrimRightFunc(text[last[0]:last[1]], unicode.IsSpace))
	})
}

var exampleMarkers = []string{"e.g.", "i.e.", "eg.", "ie.", "vs.", "cf."}

func endsWithExampleMarker(s string) bool {
	for _, m := range exampleMarkers {
		if len(s) >= len(m) && strings.EqualFold(s[len(s)-len(m):], m) && (len(s) == len(m) || !isWordByte(s[len(s)-len(m)-1])) {
			return true
		}
	}
	return false
}

// isWordByte reports whether c is part of a word, so that an example
// marker counts only as a whole word ("bee.g." does not end with "e.g."):
// an ASCII letter or digit, or any byte of a multibyte character.
func isWordByte(c byte) bool { return isASCIIAlnum(c) || c >= 0x80 }

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func hasSentenceEnd(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if (s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i+1] == ' ' {
			return true
		}
	}
	return false
}

// splitUnitAbbreviations splits where the model took a unit of measure
// ("300 ms.", "2 s.") for an abbreviation although a new sentence starts
// after it: SLO sentences end that way often.
func splitUnitAbbreviations(text string, spans [][2]int) [][2]int {
	return splitBeforeCapital(text, spans, func(before string, _ int) bool { return endsWithUnit(before) })
}

// splitBeforeCapital splits each span at every ". " followed by a capital
// letter where ends, given the text of the sentence so far and its offset
// in text, says the period ends that sentence.
func splitBeforeCapital(text string, spans [][2]int, ends func(before string, at int) bool) [][2]int {
	var out [][2]int
	for _, sp := range spans {
		start := sp[0]
		for i := sp[0]; i < sp[1]; i++ {
			if text[i] != '.' {
				continue
			}
			// closing quotes and brackets after the period stay with it
			end := i + 1
			for end < sp[1] && strings.IndexByte("\")]'", text[end]) >= 0 {
				end++
			}
			if strings.HasPrefix(text[end:sp[1]], "\u201d") {
				end += len("\u201d")
			}
			if end+1 >= sp[1] || text[end] != ' ' {
				continue
			}
			r, _ := utf8.DecodeRuneInString(text[end+1:])
			if !unicode.IsUpper(r) || !ends(text[start:i], start) {
				continue
			}
			out = append(out, [2]int{start, end})
			start = end
		}
		out = append(out, [2]int{start, sp[1]})
	}
	return out
}

// splitAfterCapsAndEtc splits where the model took a period for an
// abbreviation's although a new sentence starts after it, with a capital:
// after a word in capitals ("… at the VA. Each administration …": Punkt
// knows "va." as Virginia's), after "etc." ("… events, etc. Future …")
// and after "No." that numbers nothing ("No. It's rather the opposite").
func splitAfterCapsAndEtc(text string, spans [][2]int) [][2]int {
	return splitBeforeCapital(text, spans, func(before string, _ int) bool {
		word := before[strings.LastIndexAny(before, " \t\n(")+1:]
		switch word {
		case "etc", "No":
			return true
		}
		if len(word) < 2 || len(word) > 5 {
			return false
		}
		for i := 0; i < len(word); i++ {
			if word[i] < 'A' || word[i] > 'Z' {
				return false
			}
		}
		return true
	})
}

// joinContinuations joins back what Punkt split off a sentence that goes
// on: a piece that is only an enumerator ("1.", "a.", "2.)") belongs to
// the text after it, and a piece that starts with a lower-case word after
// one that ends with a closing bracket or quote ("(iterations, new
// features, etc.) to improve …", "(`.`) should …") continues it.
func joinContinuations(text string, spans [][2]int, code [][2]int) [][2]int {
	return joinWhere(spans, func(last, sp [2]int) bool {
		prev := strings.TrimSpace(text[last[0]:last[1]])
		next := strings.TrimLeftFunc(text[sp[0]:sp[1]], unicode.IsSpace)
		closing, _ := utf8.DecodeLastRuneInString(prev)
		return isEnumerator(prev) || strings.ContainsRune(")]\"'\u201d\u2019", closing) && startsLowerWord(next) && !inCode(code, sp[1]-len(next))
	})
}

// splitAtLineBreaks ends a sentence at a line the author broke on purpose
// (a hard line break, a <br>) when a capital starts the next line:
// "Translation phases⏎Translation goes through four phases:" is a label
// and a sentence, "Daily: 6 AM UTC⏎Weekly: Fridays" two lines.
func splitAtLineBreaks(text string, spans [][2]int, breaks []int) [][2]int {
	if len(breaks) == 0 {
		return spans
	}
	var out [][2]int
	for _, sp := range spans {
		start := sp[0]
		for _, at := range breaks {
			if at <= start || at >= sp[1] {
				continue
			}
			r, _ := utf8.DecodeRuneInString(text[at+1:])
			if unicode.IsUpper(r) && strings.TrimSpace(text[start:at]) != "" {
				out = append(out, [2]int{start, at})
				start = at
			}
		}
		out = append(out, [2]int{start, sp[1]})
	}
	return out
}

// alertMarkers open a GitHub alert, a block quote that renders as a
// callout: "> [!NOTE]".
var alertMarkers = []string{"[!NOTE]", "[!TIP]", "[!IMPORTANT]", "[!WARNING]", "[!CAUTION]"}

// dropAlertMarker leaves a GitHub alert's marker out of the block
// quote's first sentence: it is markup, not prose.
func dropAlertMarker(blk *Block, spans [][2]int) [][2]int {
	if blk.Quote == 0 || len(spans) == 0 {
		return spans
	}
	t := strings.TrimLeftFunc(blk.Text, unicode.IsSpace)
	for _, m := range alertMarkers {
		if len(t) >= len(m) && strings.EqualFold(t[:len(m)], m) {
			at := len(blk.Text) - len(t) + len(m)
			if at >= spans[0][1] {
				return spans[1:]
			}
			spans[0][0] = at
			return spans
		}
	}
	return spans
}

// isEnumerator reports a list number or letter standing alone: "1.",
// "12.", "a.", "iv.", "2.)", "(b)".
func isEnumerator(s string) bool {
	s = strings.TrimPrefix(strings.TrimSuffix(s, ")"), "(")
	s = strings.TrimSuffix(s, ".")
	if s == "" || len(s) > 3 {
		return false
	}
	digits, letters := 0, 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] >= '0' && s[i] <= '9':
			digits++
		case s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z':
			letters++
		default:
			return false
		}
	}
	return digits == len(s) || letters == 1 && len(s) == 1 || letters == len(s) && strings.Trim(strings.ToLower(s), "ivx") == ""
}

// startsLowerWord reports whether s starts with a lower-case letter.
func startsLowerWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// inCode reports whether offset at falls inside one of the code spans.
func inCode(code [][2]int, at int) bool {
	for _, c := range code {
		if at >= c[0] && at < c[1] {
			return true
		}
	}
	return false
}

// splitAfterNames splits where the model took a period for part of a name
// although a new sentence starts after it: Punkt reads a word with a period
// inside as an abbreviation ("U.S.", "e.g."), so "Services read
// `config.yaml`. Then they start." and "… served from example.com. Then …"
// stayed one sentence. A period ends a sentence here when a capital letter
// follows and it comes right after an inline code span, or after a dotted
// word whose last part has two or more characters: abbreviations end in a
// single letter ("e.g.", "Ph.D.", "a.m.").
func splitAfterNames(text string, spans [][2]int, code [][2]int) [][2]int {
	return splitBeforeCapital(text, spans, func(before string, at int) bool { return endsWithName(before, code, at) })
}

// endsWithName reports whether s (which starts at byte offset base of the
// block text) ends, before any closing brackets or quotes, with an inline
// code span or a dotted name such as "config.yaml" or "svc.cluster.local".
func endsWithName(s string, code [][2]int, base int) bool {
	k := len(s)
	for {
		for _, c := range code {
			if c[1] == base+k {
				return true
			}
		}
		if k == 0 || strings.IndexByte(")]\"'*_>", s[k-1]) < 0 {
			break
		}
		k--
	}
	word := s[strings.LastIndexAny(s[:k], " \t\n(")+1 : k]
	dot := strings.LastIndexByte(word, '.')
	if dot <= 0 {
		return false
	}
	last := word[dot+1:]
	if len(last) < 2 {
		return false
	}
	for i := 0; i < len(last); i++ {
		if !isASCIIAlnum(last[i]) {
			return false
		}
	}
	return true
}

var units = map[string]bool{"ms": true, "s": true, "sec": true, "min": true, "h": true, "hrs": true, "kb": true, "mb": true, "gb": true, "tb": true, "rps": true, "qps": true, "%": true}

// endsWithUnit reports whether s ends with a number and a unit, as in "300 ms".
func endsWithUnit(s string) bool {
	j := len(s)
	i := j
	for i > 0 && (s[i-1] >= 'a' && s[i-1] <= 'z' || s[i-1] >= 'A' && s[i-1] <= 'Z') {
		i--
	}
	if i == j || !units[LowerASCII(s[i:j])] {
		return false
	}
	k := i
	for k > 0 && s[k-1] == ' ' {
		k--
	}
	return k > 0 && s[k-1] >= '0' && s[k-1] <= '9'
}

// addSentence trims text[from:to] of a block to its first and last
// character and records it as a sentence.
func addSentence(doc *Document, blk *Block, from, to int) {
	text := blk.Text
	if to > len(text) {
		to = len(text)
	}
	for from < to {
		r, n := utf8.DecodeRuneInString(text[from:])
		if !unicode.IsSpace(r) {
			break
		}
		from += n
	}
	for to > from {
		r, n := utf8.DecodeLastRuneInString(text[from:to])
		if !unicode.IsSpace(r) {
			break
		}
		to -= n
	}
	if from >= to {
		return
	}
	s := &Sentence{Block: blk, Text: text[from:to], from: from}
	for _, c := range blk.Code {
		lo, hi := max(c[0], from), min(c[1], to)
		if lo < hi {
			s.Code = append(s.Code, [2]int{lo - from, hi - from})
		}
	}
	s.Start = blk.SourceOffset(from)
	_, lastSize := utf8.DecodeLastRuneInString(text[from:to])
	lastStart := blk.SourceOffset(to - lastSize)
	s.End = lastStart + lastSize
	// The last character's source offset is that of its first byte.
	lastStart = lastRuneStart(doc.Source, s.Start, lastStart+1)
	s.Line, s.Column = doc.Position(s.Start)
	s.EndLine, s.EndColumn = doc.Position(lastStart)
	blk.Sentences = append(blk.Sentences, s)
}

// startsLower reports whether s's first letter is lower case.
func startsLower(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.IsLower(r)
		}
	}
	return false
}
