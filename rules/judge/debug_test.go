package judge

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestDebugSentences prints the features of sentences given in
// PRDLINT_DEBUG, or in the file PRDLINT_DEBUG_FILE names (one per line,
// inline Markdown). Skipped otherwise.
func TestDebugSentences(t *testing.T) {
	src := os.Getenv("PRDLINT_DEBUG")
	if f := os.Getenv("PRDLINT_DEBUG_FILE"); f != "" {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src = string(b)
	}
	if src == "" {
		t.Skip("PRDLINT_DEBUG not set")
	}
	j := New(Options{})
	j.init()
	// cue-word entries by name, to print the words that weighed in
	cueName := map[*wordEntry]string{}
	for w, e := range j.words {
		cueName[e] = w
	}
	for w, e := range j.firstWords {
		cueName[e] = "^" + w
	}
	for _, line := range strings.Split(src, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		in := FromMarkdown(line)
		var ex extraction
		toks := j.extract(in, &ex, nil, nil)
		var on []string
		for i, v := range ex.x {
			if v != 0 && i != fBias {
				on = append(on, fmt.Sprintf("%s=%.1f(%+.2f)", featNames[i], v, j.w[i]))
			}
		}
		for _, we := range ex.wents {
			if name, ok := cueName[we]; ok && we.w != 0 {
				on = append(on, fmt.Sprintf("'%s'(%+.2f)", name, we.w))
			}
		}
		v := j.Judge(in)
		if f, s, e := frameOf(in.Text, toks); f != noFrame {
			on = append(on, fmt.Sprintf("frame:%s %q(%+.2f)", frameNames[f], in.Text[toks[s].s:toks[e-1].e], frameWeight))
		}
		fmt.Printf("%.2f %-12s %s\n   %s\n", v.How, v.Kind, line, strings.Join(on, " "))
		for _, s := range v.Signals {
			fmt.Printf("   - %s %q %s %.2f\n", s.Name, s.Text, s.Kind, s.Weight)
		}
	}
}
