package lint

import (
	"fmt"
	"slices"
	"strings"
)

// Severity orders how much a finding matters. The zero value is invalid.
type Severity int

// Severities from least to most severe. SeverityOff disables a rule.
const (
	SeverityOff Severity = iota
	SeverityInfo
	SeverityWarning
	SeverityError
)

var severityNames = [...]string{"off", "info", "warning", "error"}

// SeverityNames returns the name of every severity, least severe first.
func SeverityNames() []string { return slices.Clone(severityNames[:]) }

func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return severityNames[s]
}

// ParseSeverity reads "off", "info", "warning" (or "warn") and "error".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "off", "none":
		return SeverityOff, nil
	case "info", "hint":
		return SeverityInfo, nil
	case "warning", "warn":
		return SeverityWarning, nil
	case "error":
		return SeverityError, nil
	}
	return SeverityOff, fmt.Errorf("unknown severity %q (want off, info, warning or error)", s)
}

// MarshalText writes the severity's name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity's name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Category groups rules by what they judge.
type Category string

// Categories of findings.
const (
	// CategoryHow marks a sentence that prescribes implementation.
	CategoryHow Category = "how"
	// CategoryWhat marks a weak statement of what is needed (e.g. a
	// quality requirement with no measurable target).
	CategoryWhat Category = "what"
	// CategoryStructure marks something missing from the document as a whole.
	CategoryStructure Category = "structure"
)

// Diagnostic is one finding at one place in one file.
type Diagnostic struct {
	Path      string   `json:"path"`
	Line      int      `json:"line"`
	Column    int      `json:"column"`
	EndLine   int      `json:"endLine"`
	EndColumn int      `json:"endColumn"`
	Rule      string   `json:"rule"`
	Category  Category `json:"category"`
	Severity  Severity `json:"severity"`
	// Message says what fired and asks the what/why question instead.
	Message string `json:"message"`
	// Hint is the question alone, for formats that show it on its own line.
	Hint string `json:"hint,omitempty"`
	// Sentence is the plain text of the sentence the finding covers.
	Sentence string `json:"sentence"`
	// Confidence in [0,1] that the finding is right.
	Confidence float64 `json:"confidence"`
	// Section is the heading path of the sentence, joined with " > ".
	Section string `json:"section,omitempty"`
	// Mark is the part of Sentence that triggered the finding, as byte
	// offsets into Sentence (Mark[1] > Mark[0]), or nil.
	Mark []int `json:"mark,omitempty"`

	// Start and End are byte offsets into the source: the first byte of
	// the first character and the byte after the last one.
	Start int `json:"-"`
	End   int `json:"-"`
}

// Less orders diagnostics by path, position, rule and message, so output
// is the same whatever order rules and files ran in.
func (d *Diagnostic) Less(o *Diagnostic) bool {
	if d.Path != o.Path {
		return d.Path < o.Path
	}
	if d.Line != o.Line {
		return d.Line < o.Line
	}
	if d.Column != o.Column {
		return d.Column < o.Column
	}
	if d.Rule != o.Rule {
		return d.Rule < o.Rule
	}
	if d.EndLine != o.EndLine {
		return d.EndLine < o.EndLine
	}
	if d.EndColumn != o.EndColumn {
		return d.EndColumn < o.EndColumn
	}
	return d.Message < o.Message
}
