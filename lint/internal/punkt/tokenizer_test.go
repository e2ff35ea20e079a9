package punkt

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/english"
)

// tricky exercises every shortcut: numbers in types, commas, multi-period
// abbreviations, initials, ellipses, quotes, brackets and collocations.
var tricky = []string{
	"We will add a new column to the carts table. Shoppers can pay as guests.",
	"Use Kafka, e.g. for cart changes. Then Redis vs. Memcached, i.e. a cache.",
	"The F.B.I. agents arrived. The U.S. team left at 5 p.m. Friday.",
	"Version v1.2.3 ships. Version 1.2. Then 2.0.1, finally 3. Done.",
	"It costs $1,000.50. It takes 300 ms. Latency p99 is 99.95%. Next.",
	"J. R. R. Tolkien wrote it. Mr. Smith agreed. Dr. Who? No. 5 is next.",
	"Wait... what? Really!! \"Yes.\" (Maybe.) 'No.' [Sure.] Fine.",
	"Set `kubectl.kubernetes.io/last-applied` to x. See k8s.io/api. Then go.",
	"ALL CAPS. Mixed Case. lower case. 12th. 1st place. The 3rd. And so on.",
	"Über uns. Straße 5. Résumé. Café au lait… Naïve. Done.",
	"A sentence,with,commas. Another,One. 1,2,3. a,b.",
	"Jan. 5, 2024. Feb. 2. Sept. 10 is fine. No. 7. Fig. 3 shows it.",
	"x.y.z. a.b. Q.E.D. Then. e.g., this. i.e., that.",
	"", " ", ".", "...", "a", "A. B. C.", "1. 2. 3.", "?!", "Ends without a period",
}

func positions(tok *sentences.DefaultSentenceTokenizer, text string) [][2]int {
	var out [][2]int
	for _, s := range tok.Tokenize(text) {
		out = append(out, [2]int{s.Start, s.End})
	}
	return out
}

func assertSameAsLibrary(t *testing.T, texts []string) {
	t.Helper()
	lib, err := english.NewSentenceTokenizer(English())
	require.NoError(t, err)
	fast := NewEnglishTokenizer(English())
	for _, text := range texts {
		if !assert.Equal(t, positions(lib, text), positions(fast, text), "%q", text) {
			return
		}
	}
}

func TestEnglishTokenizerMatchesLibrary(t *testing.T) {
	assertSameAsLibrary(t, tricky)
}

// The real PRDs beside the repository, paragraph by paragraph, when present.
func TestEnglishTokenizerMatchesLibraryOnPRDs(t *testing.T) {
	files, _ := filepath.Glob("../../../../shared/corpus/prds/*.md")
	if len(files) == 0 {
		t.Skip("shared PRD corpus not found")
	}
	var paras []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, p := range strings.Split(string(b), "\n\n") {
			paras = append(paras, strings.ReplaceAll(p, "\n", " "))
		}
	}
	assertSameAsLibrary(t, paras)
}

func BenchmarkTokenizeLibrary(b *testing.B) {
	tok, err := english.NewSentenceTokenizer(English())
	require.NoError(b, err)
	text := strings.Join(tricky, " ")
	for b.Loop() {
		tok.Tokenize(text)
	}
}

func BenchmarkTokenizeFast(b *testing.B) {
	tok := NewEnglishTokenizer(English())
	text := strings.Join(tricky, " ")
	for b.Loop() {
		tok.Tokenize(text)
	}
}

// TestWordTokenizerMatchesLibrary compares the words themselves, with
// their positions and line flags, in both modes.
func TestWordTokenizerMatchesLibrary(t *testing.T) {
	lib := &english.WordTokenizer{DefaultWordTokenizer: sentences.DefaultWordTokenizer{PunctStrings: sentences.NewPunctStrings()}}
	fast := &wordTokenizer{}
	fast.PunctStrings = sentences.NewPunctStrings()
	texts := append([]string{
		"Ends in café", "Ends in café.", "line one\nline two\n\npara. Next", "tab\tand\u00a0nbsp\u2003em space",
		"  leading and trailing  ", "\n", "a\n", "multi-byte last ✓", "x ✓", "ok!", "why? because.",
	}, tricky...)
	for _, text := range texts {
		for _, only := range []bool{false, true} {
			want, got := lib.Tokenize(text, only), fast.Tokenize(text, only)
			if !assert.Equal(t, len(want), len(got), "%q", text) {
				continue
			}
			for i := range want {
				assert.Equal(t, want[i].String(), got[i].String(), "%q token %d", text, i)
				assert.Equal(t, [2]bool{want[i].ParaStart, want[i].LineStart}, [2]bool{got[i].ParaStart, got[i].LineStart}, "%q token %d", text, i)
			}
		}
	}
}
