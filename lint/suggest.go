package lint

import "strings"

// Suggest returns the candidate closest to word when it is close enough to
// be a likely typo, else "". Error messages use it for "did you mean".
func Suggest(word string, candidates []string) string {
	w := strings.ToLower(word)
	best, bestDist := "", -1
	for _, c := range candidates {
		d := editDistance(w, strings.ToLower(c))
		if bestDist < 0 || d < bestDist || d == bestDist && c < best {
			best, bestDist = c, d
		}
	}
	if best != "" && bestDist <= max(2, len([]rune(w))/3) {
		return best
	}
	// "how-infrastructure" for "how-infra": the longest candidate the
	// word starts with.
	longest := ""
	for _, c := range candidates {
		if lc := strings.ToLower(c); len(lc) >= 3 && strings.HasPrefix(w, lc) && len(c) > len(longest) {
			longest = c
		}
	}
	if longest != "" {
		return longest
	}
	// "vocab" for "vocabulary", "infra" for "how-infra": a word that
	// starts, or is a whole part of, exactly one candidate.
	var part []string
	for _, c := range candidates {
		if len(w) >= 3 && strings.HasPrefix(strings.ToLower(c), w) {
			part = append(part, c)
			continue
		}
		for _, p := range strings.FieldsFunc(strings.ToLower(c), func(r rune) bool { return r == '-' || r == '.' }) {
			if p == w {
				part = append(part, c)
				break
			}
		}
	}
	if len(part) == 1 {
		return part[0]
	}
	return ""
}

// editDistance is the Levenshtein distance between a and b, in code points.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// DidYouMean formats Suggest's answer as " (did you mean \"x\"?)", or "".
func DidYouMean(word string, candidates []string) string {
	if s := Suggest(word, candidates); s != "" {
		return ` (did you mean "` + s + `"?)`
	}
	return ""
}
