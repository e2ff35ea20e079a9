package config

import "fmt"

// Error is a problem in a configuration or ignore file, at a position.
// Its text is "file:line:col: reason", the form editors and CI annotate.
type Error struct {
	File         string
	Line, Column int
	Reason       string
}

// Error is "file:line:col: reason", the form editors jump to, or
// "file: reason" when the error is about the file as a whole (it cannot be
// read): no position is invented.
func (e *Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Reason)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, max(e.Column, 1), e.Reason)
}

// Location implements lint.Locator: the configuration file's line and
// column, where formats that annotate files report the error.
func (e *Error) Location() (path string, line, column int) {
	return e.File, max(e.Line, 1), max(e.Column, 1)
}

// Source says where a configuration value came from.
type Source struct {
	// File, Line and Column locate the value in a configuration file;
	// File is empty for a built-in default or a command-line flag.
	File         string
	Line, Column int
	// Note names a source that is not a file, e.g. "--fail-level".
	Note string
}

func (s Source) String() string {
	if s.File == "" {
		if s.Note == "" {
			return "default"
		}
		return s.Note
	}
	return fmt.Sprintf("%s:%d:%d", s.File, s.Line, s.Column)
}

// IsDefault reports whether the value is the built-in default.
func (s Source) IsDefault() bool { return s.File == "" && s.Note == "" }
