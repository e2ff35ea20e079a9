package judge

import "strings"

// FromMarkdown builds an Input from one sentence of inline Markdown the way
// the engine does: emphasis markers are removed, links keep their text and
// lose their destination, and code spans keep their content (without
// backticks), recorded in Code. It is meant for tests, training and tools;
// the engine builds Input from the parsed document.
func FromMarkdown(md string, section ...string) Input {
	var b strings.Builder
	var code [][2]int
	fromMD(md, &b, &code)
	return Input{Text: strings.TrimSpace(collapseSpaces(b.String(), &code)), Code: code, Section: section}
}

func fromMD(md string, b *strings.Builder, code *[][2]int) {
	i := 0
	n := len(md)
	for i < n {
		c := md[i]
		switch {
		case c == '\\' && i+1 < n && strings.IndexByte("\\`*_[]()#+-.!<>~|", md[i+1]) >= 0:
			b.WriteByte(md[i+1])
			i += 2
		case c == '`':
			j := i
			for j < n && md[j] == '`' {
				j++
			}
			ticks := md[i:j]
			end := strings.Index(md[j:], ticks)
			if end < 0 {
				b.WriteString(ticks)
				i = j
				continue
			}
			content := md[j : j+end]
			if len(content) > 1 && content[0] == ' ' && content[len(content)-1] == ' ' && strings.TrimSpace(content) != "" {
				content = content[1 : len(content)-1]
			}
			s := b.Len()
			b.WriteString(content)
			if b.Len() > s {
				*code = append(*code, [2]int{s, b.Len()})
			}
			i = j + end + len(ticks)
		case c == '!' && i+1 < n && md[i+1] == '[':
			i++ // image: keep the alt text like a link
		case c == '[':
			close := matchBracket(md, i)
			if close > 0 && close+1 < n && md[close+1] == '(' {
				if pe := strings.IndexByte(md[close+1:], ')'); pe > 0 {
					fromMD(md[i+1:close], b, code)
					i = close + 1 + pe + 1
					continue
				}
			}
			if close > 0 && close+1 < n && md[close+1] == '[' { // reference link
				if pe := strings.IndexByte(md[close+1:], ']'); pe > 0 {
					fromMD(md[i+1:close], b, code)
					i = close + 1 + pe + 1
					continue
				}
			}
			b.WriteByte(c)
			i++
		case c == '<' && i+1 < n && (strings.HasPrefix(md[i+1:], "http") || strings.HasPrefix(md[i+1:], "mailto:")):
			if e := strings.IndexByte(md[i:], '>'); e > 0 {
				b.WriteString(md[i+1 : i+e])
				i += e + 1
				continue
			}
			b.WriteByte(c)
			i++
		case c == '*' || c == '~':
			i++
		case c == '_':
			// emphasis only at word boundaries (snake_case survives)
			prevW := i > 0 && isAlnum(md[i-1])
			j := i
			for j < n && md[j] == '_' {
				j++
			}
			nextW := j < n && isAlnum(md[j])
			if prevW && nextW {
				b.WriteString(md[i:j])
			}
			i = j
		default:
			b.WriteByte(c)
			i++
		}
	}
}

func matchBracket(s string, i int) int {
	depth := 0
	for k := i; k < len(s); k++ {
		switch s[k] {
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return k
			}
		case '`':
			if e := strings.IndexByte(s[k+1:], '`'); e >= 0 {
				k += e + 1
			}
		}
	}
	return -1
}

// collapseSpaces squeezes runs of spaces, keeping code ranges aligned.
func collapseSpaces(s string, code *[][2]int) string {
	if !strings.Contains(s, "  ") && !strings.HasPrefix(s, " ") {
		return s
	}
	var b strings.Builder
	mapIdx := make([]int, len(s)+1)
	prevSpace := true
	for i := 0; i < len(s); i++ {
		mapIdx[i] = b.Len()
		if s[i] == ' ' {
			if prevSpace {
				continue
			}
			prevSpace = true
		} else {
			prevSpace = false
		}
		b.WriteByte(s[i])
	}
	mapIdx[len(s)] = b.Len()
	for k := range *code {
		(*code)[k] = [2]int{mapIdx[(*code)[k][0]], mapIdx[(*code)[k][1]]}
	}
	return b.String()
}
