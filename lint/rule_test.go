package lint

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// reportOne parses src, has a pass of rule report f on the document's
// last sentence, and returns the one diagnostic and that sentence.
func reportOne(t *testing.T, src string, f Finding) (Diagnostic, *Sentence) {
	t.Helper()
	doc, err := Parse("prd.md", []byte(src))
	require.NoError(t, err)
	sentences := doc.Sentences()
	require.NotEmpty(t, sentences)
	s := sentences[len(sentences)-1]
	var got []Diagnostic
	p := &Pass{
		Rule:     &Rule{ID: "how-x", Category: CategoryHow, Severity: SeverityWarning},
		Doc:      doc,
		Settings: &Settings{},
		report:   func(d Diagnostic) { got = append(got, d) },
	}
	p.ReportSentence(s, f)
	require.Len(t, got, 1)
	return got[0], s
}

// TestReportSentenceMark: a Mark is kept only when it is a non-empty byte
// range inside the sentence's text; anything else is dropped, not
// clamped, and the finding is still reported.
func TestReportSentenceMark(t *testing.T) {
	const src = "# Plan\n\nWe put the carts in Kafka.\n"
	const n = len("We put the carts in Kafka.")
	tests := []struct {
		name string
		mark []int
		want []int
	}{
		{"none", nil, nil},
		{"inside", []int{3, 6}, []int{3, 6}},
		{"from the first byte", []int{0, 2}, []int{0, 2}},
		{"to the last byte", []int{20, n}, []int{20, n}},
		{"the whole sentence", []int{0, n}, []int{0, n}},
		{"past the end", []int{20, n + 1}, nil},
		{"before the start", []int{-1, 2}, nil},
		{"empty", []int{4, 4}, nil},
		{"backwards", []int{5, 4}, nil},
		{"one offset", []int{3}, nil},
		{"three offsets", []int{3, 6, 9}, nil},
		{"empty slice", []int{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, s := reportOne(t, src, Finding{Message: "How.", Mark: tt.mark})
			require.Equal(t, n, len(s.Text))
			assert.Equal(t, tt.want, d.Mark)
			assert.Equal(t, s.Text, d.Sentence)
			assert.Equal(t, [2]int{s.Start, s.End}, [2]int{d.Start, d.End}, "the finding covers the sentence")
		})
	}
}

// TestFindingConfidence: a confidence outside (0, 1] means certain (1),
// one inside is kept, rounded to three decimals.
func TestFindingConfidence(t *testing.T) {
	tests := []struct {
		in, want float64
	}{
		{0, 1},
		{-0.5, 1},
		{1, 1},
		{1.0001, 1},
		{1.5, 1},
		{42, 1},
		{0.5, 0.5},
		{0.1234, 0.123},
		{0.9996, 1},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.in), func(t *testing.T) {
			d, _ := reportOne(t, "# Plan\n\nWe put the carts in Kafka.\n", Finding{Message: "How.", Confidence: tt.in})
			assert.Equal(t, tt.want, d.Confidence, "confidence %v", tt.in)
		})
	}
}
