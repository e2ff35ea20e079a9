package format

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/jstemmer/go-junit-report/v2/junit"

	"github.com/prdlint/prdlint/lint"
)

// JUnit writes JUnit XML for CI systems that chart test results (GitLab,
// Jenkins, Azure Pipelines): one <testsuite> per file and one <testcase>
// per finding, failed when the finding is at or above the file's fail
// level and passed with the finding as its output when it is below (an
// info finding does not turn a dashboard red on a run that passes); a
// clean file is one passing test case, and a file that could not be
// linted is one test case in error.
type JUnit struct{}

// Name implements Formatter.
func (JUnit) Name() string { return "junit" }

// Description implements Formatter.
func (JUnit) Description() string { return "JUnit XML (one test case per finding)" }

// Format implements Formatter.
func (JUnit) Format(w io.Writer, rep *lint.Report, _ Options) error {
	suites := junit.Testsuites{Name: "prdlint"}
	for i, f := range rep.Files {
		suite := junit.Testsuite{Name: f.Path, ID: i, Time: "0", File: f.Path}
		if f.Err != nil {
			res := &junit.Result{Message: f.Err.Err.Error(), Type: "error"}
			// An error at a place in this file (invalid UTF-8) says where
			// in its body, as a failure does; a broken .prdlint.yaml's
			// message names its own place.
			if path, line, col, located := f.Err.Location(); located && path == f.Path {
				res.Data = xmlChars(fmt.Sprintf("%s:%d:%d: %s", f.Path, line, col, res.Message))
			}
			suite.AddTestcase(junit.Testcase{Name: f.Path, Classname: f.Path, Time: "0", Error: res})
		}
		for i := range f.Diagnostics {
			d := &f.Diagnostics[i]
			tc := junit.Testcase{
				Name:      fmt.Sprintf("%s at %d:%d", d.Rule, d.Line, d.Column),
				Classname: f.Path,
				Time:      "0",
			}
			// Character data is written as CDATA, which encoding/xml does
			// not clean as it does attributes.
			data := xmlChars(fmt.Sprintf("%s:%d:%d-%d:%d: %s %s: %s\n%s",
				d.Path, d.Line, d.Column, d.EndLine, d.EndColumn, d.Severity, d.Rule, d.Message, d.Sentence))
			if f.Fails(d) {
				tc.Failure = &junit.Result{Message: d.Message, Type: d.Severity.String(), Data: data}
			} else {
				// Below the fail level: the run passes, and so does the
				// test case; the finding is its output.
				tc.SystemOut = &junit.Output{Data: data}
			}
			suite.AddTestcase(tc)
		}
		if len(suite.Testcases) == 0 {
			suite.AddTestcase(junit.Testcase{Name: f.Path, Classname: f.Path, Time: "0"})
		}
		suites.AddSuite(suite)
	}
	return writeXML(w, suites)
}

// xmlChars replaces the characters XML 1.0 does not allow (most control
// characters, U+FFFE, U+FFFF) with U+FFFD.
func xmlChars(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xd7ff || r >= 0xe000 && r <= 0xfffd || r >= 0x10000 && r <= 0x10ffff {
			return r
		}
		return utf8.RuneError
	}, s)
}
