package punkt

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/english"
)

// NewEnglishTokenizer returns the tokenizer english.NewSentenceTokenizer
// builds from training, with the same annotations in the same order and
// the same results, minus two costs that dominate it on technical prose:
//
//   - the word type (Type and its variants) runs a number-matching regular
//     expression on every token; a token without an ASCII digit cannot
//     match it, so its type is computed directly;
//   - the multi-period abbreviation pass ("F.B.I.") runs a regular
//     expression on every pair of tokens; it can only match a token with
//     two periods, so only those pairs are handed to it.
func NewEnglishTokenizer(training *sentences.Storage) *sentences.DefaultSentenceTokenizer {
	// english.NewSentenceTokenizer adds these to the training data too.
	for _, abbr := range []string{"sgt", "gov", "no"} {
		training.AbbrevTypes.Add(abbr)
	}
	lang := sentences.NewPunctStrings()
	word := &wordTokenizer{}
	word.PunctStrings = lang
	annotations := sentences.NewAnnotations(training, lang, word)
	ortho := &sentences.OrthoContext{Storage: training, PunctStrings: lang, TokenType: word, TokenFirst: word}
	multiPunct := &english.MultiPunctWordAnnotation{
		Storage:      training,
		TokenParser:  word,
		TokenGrouper: &sentences.DefaultTokenGrouper{},
		Ortho:        ortho,
	}
	annotations = append(annotations, multiPeriodPairs{multiPunct})
	return &sentences.DefaultSentenceTokenizer{
		Storage:       training,
		PunctStrings:  lang,
		WordTokenizer: word,
		Annotations:   annotations,
	}
}

// wordTokenizer is english.WordTokenizer with a regexp-free word type for
// tokens without digits. The library's TypeNoPeriod and TypeNoSentPeriod
// call its own Type directly, so they are redefined here to call this one.
type wordTokenizer struct {
	english.WordTokenizer
}

// Type is the case-folded token with numbers replaced by "##number##" and
// commas removed, as the library computes it.
func (w *wordTokenizer) Type(t *sentences.Token) string {
	if hasASCIIDigit(t.Tok) {
		return w.WordTokenizer.Type(t)
	}
	typ := strings.ToLower(t.Tok)
	if len(typ) == 1 {
		return typ
	}
	return strings.ReplaceAll(typ, ",", "")
}

// TypeNoPeriod is the type without its final period.
func (w *wordTokenizer) TypeNoPeriod(t *sentences.Token) string {
	typ := w.Type(t)
	if len(typ) > 1 && typ[len(typ)-1] == '.' {
		return typ[:len(typ)-1]
	}
	return typ
}

// TypeNoSentPeriod is the type without its final period if the token ends
// a sentence.
func (w *wordTokenizer) TypeNoSentPeriod(t *sentences.Token) string {
	if t.SentBreak {
		return w.TypeNoPeriod(t)
	}
	return w.Type(t)
}

// Tokenize is the library's DefaultWordTokenizer.Tokenize, token for
// token (same words, positions and flags, including its quirks: a word
// ending in a multi-byte character at the very end of the text is never
// emitted), with the sentence-punctuation test of DefaultPunctStrings done
// in one pass over the word instead of one pass per character it looks
// for, and ASCII white space tested without a call.
func (w *wordTokenizer) Tokenize(text string, onlyPeriodContext bool) []*sentences.Token {
	textLength := len(text)
	if textLength == 0 {
		return nil
	}
	tokens := make([]*sentences.Token, 0, 50)
	lastSpace := 0
	lineStart := false
	paragraphStart := false
	getNextWord := false
	for i, char := range text {
		if !isSpace(char) && i != textLength-1 {
			continue
		}
		if char == '\n' {
			if lineStart {
				paragraphStart = true
			}
			lineStart = true
		}
		cursor := i
		if i == textLength-1 {
			cursor = textLength
		}
		word := strings.TrimSpace(text[lastSpace:cursor])
		if word == "" {
			continue
		}
		hasSentencePunct := strings.ContainsAny(word, ".!?")
		if onlyPeriodContext && !hasSentencePunct && !getNextWord {
			lastSpace = cursor
			continue
		}
		token := sentences.NewToken(word)
		token.Position = cursor
		token.ParaStart = paragraphStart
		token.LineStart = lineStart
		tokens = append(tokens, token)
		lastSpace = cursor
		lineStart = false
		paragraphStart = false
		getNextWord = hasSentencePunct
	}
	if len(tokens) == 0 {
		token := sentences.NewToken(text)
		token.Position = textLength
		tokens = append(tokens, token)
	}
	return tokens
}

// isSpace is unicode.IsSpace.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

func hasASCIIDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// multiPeriodPairs runs the multi-period abbreviation pass only on pairs
// whose first token has two periods, which its pattern needs; the pass
// changes only that first token, so the result is the same.
type multiPeriodPairs struct {
	inner *english.MultiPunctWordAnnotation
}

func (a multiPeriodPairs) Annotate(tokens []*sentences.Token) []*sentences.Token {
	for i := 0; i+1 < len(tokens); i++ {
		if strings.Count(tokens[i].Tok, ".") >= 2 {
			a.inner.Annotate(tokens[i : i+2])
		}
	}
	return tokens
}
