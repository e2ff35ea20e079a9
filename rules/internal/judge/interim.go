// Package judge decides whether a sentence prescribes implementation.
package judge

import (
	"regexp"
	"strings"
)

// Input is one sentence as the engine sees it.
type Input struct {
	Text    string
	Code    [][2]int
	Heading bool
	Section []string
}

// Signal is one piece of evidence.
type Signal struct {
	Name       string
	Start, End int
	Text       string
}

// Verdict is the judgement of one sentence.
type Verdict struct {
	How     float64
	Kind    string
	Signals []Signal
}

// Options adjust the vocabulary.
type Options struct {
	Add, Remove []string
}

// Judge judges sentences.
type Judge struct{ opts Options }

// DefaultThreshold is the How score at which rules report.
const DefaultThreshold = 0.5

// New returns a Judge.
func New(opts Options) *Judge { return &Judge{opts: opts} }

type pattern struct {
	re   *regexp.Regexp
	kind string
	name string
}

var patterns = []pattern{
	{regexp.MustCompile(`(?i)^(add|introduce|use|create|implement|store|replace|migrate|expose|deploy)\b`), "architecture", "imperative"},
	{regexp.MustCompile(`(?i)\b(we will|we'll|we should|we propose|it is proposed)\b`), "architecture", "we-will"},
	{regexp.MustCompile(`(?i)\b(new (field|column|table|flag|annotation|endpoint|resource|controller|api))\b`), "data-model", "new-object"},
	{regexp.MustCompile(`(?i)\b(table|column|schema|index)\b`), "data-model", "data"},
	{regexp.MustCompile(`(?i)\b(endpoint|grpc|rest api|crud)\b`), "api-shape", "api"},
	{regexp.MustCompile(`(?i)\b(kafka|postgres(ql)?|redis|mysql|clickhouse|django|react native|s3)\b`), "tech-choice", "term"},
}

// Judge judges one sentence.
func (j *Judge) Judge(in Input) Verdict {
	v := Verdict{Kind: "architecture"}
	score := 0.0
	for _, p := range patterns {
		if loc := p.re.FindStringIndex(in.Text); loc != nil {
			if score == 0 {
				v.Kind = p.kind
			}
			score += 0.3
			v.Signals = append(v.Signals, Signal{Name: p.name, Start: loc[0], End: loc[1], Text: in.Text[loc[0]:loc[1]]})
		}
	}
	if len(in.Code) > 0 {
		score += 0.2
	}
	lower := strings.ToLower(in.Text)
	if strings.Contains(lower, "currently") || strings.Contains(lower, "today") || strings.Contains(lower, "users can") {
		score -= 0.4
	}
	v.How = min(1, max(0, score))
	return v
}

// Vocabulary lists the implementation terms by kind.
func Vocabulary() map[string][]string { return map[string][]string{} }
