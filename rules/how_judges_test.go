package rules

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/prdlint/prdlint/lint"
)

func TestJudgesSharedPerVocabulary(t *testing.T) {
	js := &judges{}
	plain := &lint.Settings{}
	custom := &lint.Settings{VocabularyAdd: []string{"ledger"}}
	keyOf := func(s *lint.Settings) verdictsKey {
		return verdictsKey{add: joinTerms(s.VocabularyAdd), remove: joinTerms(s.VocabularyRemove)}
	}
	var wg sync.WaitGroup
	got := make([]any, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = js.get(keyOf(plain), plain)
		}()
	}
	wg.Wait()
	for _, j := range got {
		assert.Same(t, got[0], j, "one judge per vocabulary, however many documents ask")
	}
	assert.NotSame(t, got[0], js.get(keyOf(custom), custom), "another vocabulary gets its own judge")
}

// One rule set, and so one shared judge, judges document after document.
func TestHowRulesRunAcrossDocuments(t *testing.T) {
	l := &lint.Linter{Rules: All()}
	for _, src := range []string{"We will add a new column to the carts table.\n", "Use Kafka to stream cart changes.\n"} {
		res := l.LintSource("prd.md", []byte(src))
		assert.Nil(t, res.Err)
		assert.NotEmpty(t, res.Diagnostics, src)
	}
	clean := l.LintSource("prd.md", []byte("Shoppers can pay as guests.\n"))
	assert.Empty(t, clean.Diagnostics)
}
