// Package lint is prdlint's engine: it parses a Markdown document into
// blocks, sections and sentences with exact source positions, runs rules
// over it and collects their diagnostics.
//
// The engine owns traversal and positions; rules own judgement. A rule is a
// value (see Rule) whose Run function reports findings through a Pass; the
// engine turns each finding into a Diagnostic with 1-based line and column
// numbers counted in Unicode code points, taken from the parser's source
// segments and never recovered by searching the text again.
//
// The package knows no rule by name: the command wires the rules package in.
package lint
