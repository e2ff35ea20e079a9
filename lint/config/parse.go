package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/bmatcuk/doublestar/v4"
	"go.yaml.in/yaml/v3"

	"github.com/prdlint/prdlint/lint"
)

// Bounds on what one configuration file may hold. Configuration comes
// with pull requests, so a hostile file must not make prdlint slow.
const (
	maxFileSize  = 256 << 10
	maxNodes     = 20000
	maxDepth     = 16
	maxTerms     = 2000 // vocabulary terms per file
	maxTermLen   = 100
	maxGlobs     = 1000 // ignore and override globs per file
	maxGlobLen   = 512
	maxOverrides = 200
	maxHeadings  = 200
)

// Design-section modes.
const (
	DesignModeSkip = "skip"
	DesignModeInfo = "info"
)

type located[T any] struct {
	Value T
	Src   Source
}

// settings are the keys a file and its overrides may set; nil or empty
// means not set.
type settings struct {
	rules         map[string]located[lint.Severity]
	ruleOrder     []string
	failLevel     *located[lint.Severity]
	minConfidence *located[float64]
	vocabAdd      []located[string]
	vocabRemove   []located[string]
	headings      *located[[]string]
	mode          *located[string]
	whatHeadings  *located[[]string]
	whatMode      *located[string]
	requireReason *located[bool]
}

type override struct {
	files []located[string]
	settings
}

// file is one parsed configuration file.
type file struct {
	// path is the file as shown to users; dir is its absolute directory,
	// the base of its globs.
	path, dir string
	root      bool
	settings
	ignore []located[string]
	// gitignore, when set, says whether directory walks also skip what
	// the repository's .gitignore files exclude.
	gitignore *located[bool]
	overrides []override
}

var (
	topKeys      = []string{"design-sections", "directives", "fail-level", "gitignore", "ignore", "min-confidence", "overrides", "root", "rules", "vocabulary", "what-sections"}
	overrideKeys = []string{"design-sections", "directives", "fail-level", "files", "min-confidence", "rules", "vocabulary", "what-sections"}
)

type parser struct {
	path   string
	known  []string
	kinds  []string // the kinds a vocabulary term may name ("data-model:ledger")
	nodes  int
	nTerms int
	nGlobs int
}

// parseFile reads one configuration file. display is the path errors
// name; dir is the file's absolute directory; known are the rule IDs and
// kinds the kinds a vocabulary term may be given.
func parseFile(display, dir string, data []byte, known, kinds []string) (*file, error) {
	p := &parser{path: display, known: known, kinds: kinds}
	if len(data) > maxFileSize {
		return nil, p.errAt(1, 1, fmt.Sprintf("configuration is %d bytes, over the %d-byte limit", len(data), maxFileSize))
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		return nil, p.yamlError(err, data)
	}
	for {
		var next yaml.Node
		err := dec.Decode(&next)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, p.yamlError(err, data)
		}
		if len(next.Content) > 0 && !isNull(next.Content[0]) {
			// Only the first document would apply: say so rather than
			// ignore the rest. (An empty one after a "---" is harmless.)
			return nil, p.errAt(next.Content[0].Line, next.Content[0].Column, "configuration holds a second YAML document (after a \"---\"), which would be ignored; keep one")
		}
	}
	f := &file{path: display, dir: dir}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return f, nil // empty file
	}
	root := doc.Content[0]
	if err := p.bound(root, 0); err != nil {
		return nil, err
	}
	if isNull(root) {
		return f, nil
	}
	err := p.mapping(root, "configuration", topKeys, func(key string, k, v *yaml.Node) error {
		switch key {
		case "root":
			b, err := p.boolean(v, key)
			f.root = b
			return err
		case "ignore":
			globs, err := p.globList(v, key)
			f.ignore = globs
			return err
		case "gitignore":
			b, err := p.boolean(v, key)
			f.gitignore = &located[bool]{b, p.src(v)}
			return err
		case "overrides":
			return p.overrides(v, f)
		}
		return p.setting(key, v, &f.settings)
	})
	if err != nil {
		return nil, err
	}
	return f, nil
}

func (p *parser) errAt(line, col int, reason string) *Error {
	return &Error{File: p.path, Line: line, Column: col, Reason: reason}
}

func (p *parser) errNode(n *yaml.Node, reason string) *Error {
	return p.errAt(n.Line, n.Column, reason)
}

func (p *parser) src(n *yaml.Node) Source {
	return Source{File: p.path, Line: n.Line, Column: n.Column}
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// controlCharacter finds the first control character YAML refuses (any
// but tab, line feed and carriage return), by line and code-point column.
func controlCharacter(data []byte) (line, col int, ok bool) {
	line, col = 1, 1
	for _, r := range string(data) {
		switch {
		case r == '\n':
			line, col = line+1, 1
			continue
		case r < 0x20 && r != '\t' && r != '\r', r == 0x7f:
			return line, col, true
		}
		col++
	}
	return 0, 0, false
}

// yamlError turns the YAML library's error into a positioned Error; the
// library names a line but not a column.
func (p *parser) yamlError(err error, data []byte) *Error {
	msg := err.Error()
	// Of bytes it cannot read the library names no place: find it. (A
	// UTF-16 file, which it reads, never gets here.)
	if !bytes.HasPrefix(data, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		var loc lint.Locator
		if err := lint.CheckText(data); errors.As(err, &loc) {
			_, line, col := loc.Location()
			return p.errAt(line, col, "invalid YAML: not valid UTF-8")
		}
		if line, col, ok := controlCharacter(data); ok {
			return p.errAt(line, col, "invalid YAML: control characters are not allowed")
		}
	}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return p.errAt(line, 1, "invalid YAML: "+m[2])
	}
	return p.errAt(1, 1, "invalid YAML: "+strings.TrimPrefix(msg, "yaml: "))
}

// bound rejects documents too deep or too large to be a configuration,
// before anything else reads them. Aliases are not followed: every value
// the parser reads is checked as a node of its own.
func (p *parser) bound(n *yaml.Node, depth int) error {
	p.nodes++
	if p.nodes > maxNodes {
		return p.errNode(n, fmt.Sprintf("configuration has over %d values", maxNodes))
	}
	if depth > maxDepth {
		return p.errNode(n, fmt.Sprintf("configuration nests deeper than %d levels", maxDepth))
	}
	if n.Kind == yaml.AliasNode {
		return p.errNode(n, "YAML aliases (*name) are not supported in configuration")
	}
	for _, c := range n.Content {
		if err := p.bound(c, depth+1); err != nil {
			return err
		}
	}
	return nil
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return "nothing"
		case "!!bool":
			return "a boolean"
		case "!!int", "!!float":
			return "a number"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "a value"
}

// mapping calls each for every key of a mapping node in order, rejecting
// unknown keys, duplicate keys and non-string keys.
func (p *parser) mapping(n *yaml.Node, what string, keys []string, each func(key string, k, v *yaml.Node) error) error {
	if n.Kind != yaml.MappingNode {
		return p.errNode(n, fmt.Sprintf("%s must be a mapping, not %s", what, kindName(n)))
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			return p.errNode(k, fmt.Sprintf("%s keys must be strings", what))
		}
		if seen[k.Value] {
			return p.errNode(k, fmt.Sprintf("duplicate key %q", k.Value))
		}
		seen[k.Value] = true
		if keys != nil && !slices.Contains(keys, k.Value) {
			return p.errNode(k, fmt.Sprintf("unknown key %q in %s%s", k.Value, what, lint.DidYouMean(k.Value, keys)))
		}
		if err := each(k.Value, k, v); err != nil {
			return err
		}
	}
	return nil
}

// setting reads one of the keys shared by the top level and overrides.
func (p *parser) setting(key string, v *yaml.Node, s *settings) error {
	switch key {
	case "rules":
		return p.rules(v, s)
	case "fail-level":
		if isNull(v) {
			return nil
		}
		sev, err := p.severity(v, key)
		s.failLevel = &located[lint.Severity]{sev, p.src(v)}
		return err
	case "min-confidence":
		if isNull(v) {
			return nil
		}
		x, err := p.confidence(v)
		s.minConfidence = &located[float64]{x, p.src(v)}
		return err
	case "vocabulary":
		return p.vocabulary(v, s)
	case "design-sections":
		return p.sections(v, key, &s.headings, &s.mode)
	case "what-sections":
		return p.sections(v, key, &s.whatHeadings, &s.whatMode)
	case "directives":
		return p.directives(v, s)
	}
	return p.errNode(v, "unhandled key "+key)
}

func (p *parser) rules(v *yaml.Node, s *settings) error {
	if isNull(v) {
		return nil
	}
	// A key may be a pattern ("how-*"). Within one mapping a rule named
	// exactly wins over any pattern that matches it, whatever the order, so
	// "how-*: off" beside "how-code: error" keeps how-code on.
	exact := map[string]bool{}
	type pattern struct {
		key *yaml.Node
		ids []string
	}
	var patterns []pattern
	set := func(id string, sev lint.Severity, src Source) {
		if s.rules == nil {
			s.rules = map[string]located[lint.Severity]{}
		}
		if _, seen := s.rules[id]; !seen {
			s.ruleOrder = append(s.ruleOrder, id)
		}
		s.rules[id] = located[lint.Severity]{sev, src}
	}
	err := p.mapping(v, "rules", nil, func(id string, k, val *yaml.Node) error {
		var ids []string
		if lint.IsRulePattern(id) {
			var err error
			if ids, err = lint.MatchRules(id, p.known); err != nil {
				return p.errNode(k, fmt.Sprintf("rule pattern %q: %v", id, err))
			}
		} else if !slices.Contains(p.known, id) {
			return p.errNode(k, fmt.Sprintf("unknown rule %q%s", id, lint.DidYouMean(id, p.known)))
		}
		sev, err := p.severity(val, "rules."+id)
		if err != nil {
			return err
		}
		if ids == nil {
			exact[id] = true
			set(id, sev, p.src(val))
			return nil
		}
		patterns = append(patterns, pattern{k, ids})
		for _, m := range ids {
			if !exact[m] {
				set(m, sev, p.src(val))
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	// A pattern whose every rule is also named, before or after it, sets
	// nothing: typically a pattern added under a list of every rule by
	// name, which would otherwise pass silently.
	for _, pat := range patterns {
		if !slices.ContainsFunc(pat.ids, func(id string) bool { return !exact[id] }) {
			return p.errNode(pat.key, fmt.Sprintf("rules: pattern %q changes nothing: every rule it matches is set by name, and a name wins over a pattern", pat.key.Value))
		}
	}
	return nil
}

func (p *parser) directives(v *yaml.Node, s *settings) error {
	if isNull(v) {
		return nil
	}
	return p.mapping(v, "directives", []string{"require-reason"}, func(_ string, _, val *yaml.Node) error {
		if isNull(val) {
			return nil
		}
		b, err := p.boolean(val, "directives.require-reason")
		s.requireReason = &located[bool]{b, p.src(val)}
		return err
	})
}

func (p *parser) severity(v *yaml.Node, what string) (lint.Severity, error) {
	const want = "off, info, warning or error"
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!str" {
		return 0, p.errNode(v, fmt.Sprintf("%s must be %s, not %s", what, want, kindName(v)))
	}
	sev, err := lint.ParseSeverity(v.Value)
	if err != nil {
		return 0, p.errNode(v, fmt.Sprintf("%s must be %s, not %q%s", what, want, v.Value,
			lint.DidYouMean(v.Value, []string{"off", "info", "warning", "error"})))
	}
	return sev, nil
}

func (p *parser) confidence(v *yaml.Node) (float64, error) {
	tag := v.ShortTag()
	if v.Kind != yaml.ScalarNode || tag != "!!int" && tag != "!!float" {
		return 0, p.errNode(v, "min-confidence must be a number from 0 to 1, not "+kindName(v))
	}
	x, err := strconv.ParseFloat(v.Value, 64)
	if err != nil || x < 0 || x > 1 || x != x {
		return 0, p.errNode(v, fmt.Sprintf("min-confidence must be a number from 0 to 1, not %s", v.Value))
	}
	return x, nil
}

func (p *parser) boolean(v *yaml.Node, what string) (bool, error) {
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!bool" {
		return false, p.errNode(v, fmt.Sprintf("%s must be true or false, not %s", what, kindName(v)))
	}
	return v.Value == "true" || v.Value == "True" || v.Value == "TRUE", nil
}

// stringList reads a list of scalars; a single scalar is a list of one.
func (p *parser) stringList(v *yaml.Node, what string, each func(s string, n *yaml.Node) error) error {
	if isNull(v) {
		return nil
	}
	items := []*yaml.Node{v}
	if v.Kind == yaml.SequenceNode {
		items = v.Content
	}
	for _, it := range items {
		if it.Kind != yaml.ScalarNode || isNull(it) {
			return p.errNode(it, fmt.Sprintf("%s must be a list of strings, not %s", what, kindName(it)))
		}
		if err := each(it.Value, it); err != nil {
			return err
		}
	}
	return nil
}

func (p *parser) terms(v *yaml.Node, what string) ([]located[string], error) {
	var out []located[string]
	err := p.stringList(v, what, func(s string, n *yaml.Node) error {
		s = strings.TrimSpace(s)
		switch {
		case s == "":
			return p.errNode(n, what+": empty term")
		case len(s) > maxTermLen:
			return p.errNode(n, fmt.Sprintf("%s: term is over %d bytes", what, maxTermLen))
		case strings.ContainsAny(s, "\n\r\x00"):
			return p.errNode(n, what+": a term is one line")
		}
		p.nTerms++
		if p.nTerms > maxTerms {
			return p.errNode(n, fmt.Sprintf("vocabulary has over %d terms", maxTerms))
		}
		kind, rest, hasKind := splitKind(s)
		known := p.kinds == nil || slices.Contains(p.kinds, kind)
		if hasKind && rest != "" && !known {
			// "datamodel:ledger" would silently be a term of its own.
			return p.errNode(n, fmt.Sprintf("%s: unknown kind %q in %q%s; kinds: %s", what, kind, s,
				lint.DidYouMean(kind, p.kinds), strings.Join(p.kinds, ", ")))
		}
		// "tech-choice:", "=" and "code:=" name no term: a kind, or the
		// case-sensitive mark, with nothing after it
		bare := s
		if hasKind && known {
			bare = rest
		}
		if !strings.ContainsFunc(strings.TrimPrefix(bare, "="), func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			return p.errNode(n, fmt.Sprintf("%s: %q names no term (a term needs a letter or a digit)", what, s))
		}
		out = append(out, located[string]{s, p.src(n)})
		return nil
	})
	return out, err
}

func (p *parser) vocabulary(v *yaml.Node, s *settings) error {
	if isNull(v) {
		return nil
	}
	return p.mapping(v, "vocabulary", []string{"add", "remove"}, func(key string, _, val *yaml.Node) error {
		t, err := p.terms(val, "vocabulary."+key)
		if key == "add" {
			s.vocabAdd = append(s.vocabAdd, t...)
		} else {
			s.vocabRemove = append(s.vocabRemove, t...)
		}
		return err
	})
}

// sections parses a heading-list key (design-sections, what-sections):
// {headings: [...], mode: skip|info}.
func (p *parser) sections(v *yaml.Node, key string, headings **located[[]string], mode **located[string]) error {
	if isNull(v) {
		return nil
	}
	return p.mapping(v, key, []string{"headings", "mode"}, func(sub string, _, val *yaml.Node) error {
		switch sub {
		case "headings":
			if isNull(val) {
				return nil
			}
			var hs []string
			err := p.stringList(val, key+".headings", func(h string, n *yaml.Node) error {
				h = strings.TrimSpace(h)
				if h == "" || len(h) > maxTermLen || strings.ContainsAny(h, "\n\r\x00") {
					return p.errNode(n, fmt.Sprintf("%s.headings: a heading is one non-empty line of at most %d bytes", key, maxTermLen))
				}
				if len(hs) == maxHeadings {
					return p.errNode(n, fmt.Sprintf("%s.headings has over %d headings", key, maxHeadings))
				}
				hs = append(hs, h)
				return nil
			})
			if hs == nil {
				hs = []string{} // an empty list turns the key's sections off
			}
			*headings = &located[[]string]{hs, p.src(val)}
			return err
		default: // mode
			if isNull(val) {
				return nil
			}
			if val.Kind != yaml.ScalarNode || val.ShortTag() != "!!str" || val.Value != DesignModeSkip && val.Value != DesignModeInfo {
				return p.errNode(val, key+".mode must be skip or info, not "+kindName(val))
			}
			*mode = &located[string]{val.Value, p.src(val)}
			return nil
		}
	})
}

func (p *parser) globList(v *yaml.Node, what string) ([]located[string], error) {
	var out []located[string]
	err := p.stringList(v, what, func(g string, n *yaml.Node) error {
		if err := p.checkGlob(g, n, what); err != nil {
			return err
		}
		out = append(out, located[string]{g, p.src(n)})
		return nil
	})
	return out, err
}

func (p *parser) checkGlob(g string, n *yaml.Node, what string) error {
	p.nGlobs++
	switch {
	case p.nGlobs > maxGlobs:
		return p.errNode(n, fmt.Sprintf("configuration has over %d globs", maxGlobs))
	case g == "":
		return p.errNode(n, what+": empty glob")
	case len(g) > maxGlobLen:
		return p.errNode(n, fmt.Sprintf("%s: glob is over %d bytes", what, maxGlobLen))
	case strings.HasPrefix(g, "/") || strings.Contains(g, `\`):
		return p.errNode(n, fmt.Sprintf("%s: glob %q must be a slash-separated path relative to the configuration file", what, g))
	case strings.HasPrefix(g, "./") || g == ".." || strings.HasPrefix(g, "../") || strings.Contains(g, "/../") || strings.HasSuffix(g, "/.."):
		// Globs match paths as "drafts/a.md", never "./drafts/a.md", and
		// cannot reach above the configuration file: such a glob would
		// silently match nothing.
		return p.errNode(n, fmt.Sprintf("%s: glob %q must not start with ./ or hold ..: it matches paths below the configuration file's directory, such as %q", what, g, cleanGlobExample(g)))
	case g == "." || strings.Contains(g, "/./") || strings.HasSuffix(g, "/.") || strings.Contains(g, "//"):
		// Paths are matched clean ("drafts/a.md"): "." or an empty or
		// "." segment would silently match nothing.
		return p.errNode(n, fmt.Sprintf("%s: glob %q has an empty or \".\" segment, which no path has; write it as %q", what, g, cleanGlob(g)))
	case !doublestar.ValidatePattern(g):
		return p.errNode(n, fmt.Sprintf("%s: invalid glob %q", what, g))
	}
	return nil
}

func (p *parser) overrides(v *yaml.Node, f *file) error {
	if isNull(v) {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		return p.errNode(v, "overrides must be a list of {files: [...], ...}, not "+kindName(v))
	}
	if len(v.Content) > maxOverrides {
		return p.errNode(v, fmt.Sprintf("overrides has over %d entries", maxOverrides))
	}
	for _, item := range v.Content {
		var o override
		err := p.mapping(item, "overrides entry", overrideKeys, func(key string, _, val *yaml.Node) error {
			if key == "files" {
				globs, err := p.globList(val, "overrides.files")
				o.files = globs
				return err
			}
			return p.setting(key, val, &o.settings)
		})
		if err != nil {
			return err
		}
		if len(o.files) == 0 {
			return p.errNode(item, "overrides entry needs files: [glob, ...]")
		}
		f.overrides = append(f.overrides, o)
	}
	return nil
}

// cleanGlob is g without its "." and empty segments ("**" for ".").
func cleanGlob(g string) string {
	var keep []string
	for _, seg := range strings.Split(g, "/") {
		if seg != "" && seg != "." {
			keep = append(keep, seg)
		}
	}
	if len(keep) == 0 {
		return "**"
	}
	return strings.Join(keep, "/")
}

// cleanGlobExample is g without its leading "./" and "../" segments, for
// the message that rejects them.
func cleanGlobExample(g string) string {
	for {
		switch {
		case strings.HasPrefix(g, "./"):
			g = g[2:]
		case strings.HasPrefix(g, "../"):
			g = g[3:]
		default:
			return strings.ReplaceAll(g, "/../", "/")
		}
	}
}

// kindPrefix is the "kind:" a vocabulary term may start with, and the rest.
var kindPrefix = regexp.MustCompile(`^([A-Za-z][A-Za-z-]*):\s*(.*)$`)

// splitKind splits a term into its "kind:" prefix, when it has one, and
// the rest, trimmed, which may be empty ("data-model:").
func splitKind(t string) (kind, rest string, ok bool) {
	m := kindPrefix.FindStringSubmatch(t)
	if m == nil {
		return "", "", false
	}
	return m[1], strings.TrimSpace(m[2]), true
}
