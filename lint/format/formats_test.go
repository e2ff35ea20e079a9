package format_test

import (
	"bufio"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reviewdog/reviewdog/proto/rdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/encoding/protojson"

	"github.com/prdlint/prdlint/lint"
	"github.com/prdlint/prdlint/lint/format"
)

// finding is what every format must agree on. A zero column or end means
// the format does not carry it.
type finding struct {
	Path                             string
	Line, Column, EndLine, EndColumn int
	Rule                             string
}

func (f finding) String() string {
	return fmt.Sprintf("%s:%d:%d-%d:%d %s", f.Path, f.Line, f.Column, f.EndLine, f.EndColumn, f.Rule)
}

// --- checkstyle

type checkstyleDoc struct {
	XMLName xml.Name `xml:"checkstyle"`
	Files   []struct {
		Name   string `xml:"name,attr"`
		Errors []struct {
			Line     int    `xml:"line,attr"`
			Column   int    `xml:"column,attr"`
			Severity string `xml:"severity,attr"`
			Message  string `xml:"message,attr"`
			Source   string `xml:"source,attr"`
		} `xml:"error"`
	} `xml:"file"`
}

// parseXML reads a checkstyle or JUnit report into its document type.
func parseXML[Doc any](t *testing.T, out string) Doc {
	t.Helper()
	var doc Doc
	require.NoError(t, xml.Unmarshal([]byte(out), &doc))
	return doc
}

func TestCheckstyle(t *testing.T) {
	rep, opts := lintTestFiles(t)
	doc := parseXML[checkstyleDoc](t, render(t, "checkstyle", rep, opts))
	require.Len(t, doc.Files, 3, "every linted file, clean ones too")
	byName := map[string]int{}
	for i, f := range doc.Files {
		byName[f.Name] = i
	}
	clean := doc.Files[byName["clean.md"]]
	assert.Empty(t, clean.Errors)
	notes := doc.Files[byName["docs/other notes.md"]]
	require.Len(t, notes.Errors, 2)
	assert.Equal(t, "info", notes.Errors[0].Severity)
	assert.Equal(t, "test-maybe", notes.Errors[0].Source)
	assert.Equal(t, `Names "column" at 100%: tables, rows & <keys>. What must it achieve?`, notes.Errors[1].Message,
		"quotes, ampersands and angle brackets survive the round trip")

	rep.Errors = append(rep.Errors, &lint.FileError{Path: "bad.md", Err: os.ErrPermission})
	rep.Files = append(rep.Files, &lint.Result{Path: "bad.md", Err: rep.Errors[0]})
	doc = parseXML[checkstyleDoc](t, render(t, "checkstyle", rep, opts))
	last := doc.Files[len(doc.Files)-1]
	require.Len(t, last.Errors, 1)
	assert.Equal(t, "error", last.Errors[0].Severity)
	assert.Equal(t, "prdlint", last.Errors[0].Source)
}

// --- JUnit

type junitDoc struct {
	XMLName  xml.Name `xml:"testsuites"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Errors   int      `xml:"errors,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Cases    []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
			Failure   *struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Body    string `xml:",chardata"`
			} `xml:"failure"`
			Error *struct {
				Message string `xml:"message,attr"`
				Body    string `xml:",chardata"`
			} `xml:"error"`
			SystemOut *string `xml:"system-out"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func TestJUnit(t *testing.T) {
	rep, opts := lintTestFiles(t)
	doc := parseXML[junitDoc](t, render(t, "junit", rep, opts))
	assert.Equal(t, 6, doc.Tests, "five findings and one clean file")
	assert.Equal(t, 4, doc.Failures, "the info finding, below the fail level, is no failure")
	var passed []string
	for _, s := range doc.Suites {
		for _, c := range s.Cases {
			if c.Failure == nil && c.SystemOut != nil {
				passed = append(passed, c.Name)
				assert.Contains(t, *c.SystemOut, " info ", "the finding is the passing case's output")
			}
		}
	}
	assert.Len(t, passed, 1)
	require.Len(t, doc.Suites, 3)
	clean := doc.Suites[0]
	assert.Equal(t, "clean.md", clean.Name)
	require.Len(t, clean.Cases, 1)
	assert.Nil(t, clean.Cases[0].Failure, "a clean file is a passing test")
	prd := doc.Suites[2]
	assert.Equal(t, "docs/prd.md", prd.Name)
	assert.Equal(t, 3, prd.Failures)
	assert.Equal(t, "error", prd.Cases[2].Failure.Type)
	assert.Contains(t, prd.Cases[2].Failure.Body, "表格 Use Kafka to stream.", "the sentence is in the failure's body")

	rep.Errors = []*lint.FileError{{Path: "bad.md", Err: os.ErrPermission}}
	rep.Files = append(rep.Files, &lint.Result{Path: "bad.md", Err: rep.Errors[0]})
	doc = parseXML[junitDoc](t, render(t, "junit", rep, opts))
	assert.Equal(t, 1, doc.Errors)
	bad := doc.Suites[3]
	require.Len(t, bad.Cases, 1)
	require.NotNil(t, bad.Cases[0].Error)
	assert.Equal(t, "permission denied", bad.Cases[0].Error.Message)
}

// --- rdjsonl

func parseRDJSONL(t *testing.T, out string) []*rdf.Diagnostic {
	t.Helper()
	var ds []*rdf.Diagnostic
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		var d rdf.Diagnostic
		// reviewdog reads each line with protojson, rejecting unknown fields.
		require.NoError(t, protojson.Unmarshal(sc.Bytes(), &d), "line %q", sc.Text())
		ds = append(ds, &d)
	}
	return ds
}

// sourceLine is line n (1-based) of the file at path, without its ending.
func sourceLine(t *testing.T, path string, n int) string {
	t.Helper()
	src, err := os.ReadFile(path)
	require.NoError(t, err)
	lines := strings.Split(string(src), "\n")
	require.Less(t, n-1, len(lines))
	return strings.TrimSuffix(lines[n-1], "\r")
}

func TestRDJSONL(t *testing.T) {
	rep, opts := lintTestFiles(t)
	out := render(t, "rdjsonl", rep, opts)
	ds := parseRDJSONL(t, out)
	require.Len(t, ds, len(rep.Diagnostics))
	for i, d := range ds {
		want := rep.Diagnostics[i]
		assert.Equal(t, want.Path, d.GetLocation().GetPath())
		assert.Equal(t, want.Rule, d.GetCode().GetValue())
		assert.Equal(t, "prdlint", d.GetSource().GetName())
		assert.Equal(t, want.Message, d.GetMessage())
		r := d.GetLocation().GetRange()
		if want.Line != want.EndLine {
			continue
		}
		// Byte columns with an exclusive end cut exactly the sentence out
		// of the source line.
		line := sourceLine(t, want.Path, want.Line)
		got := line[r.GetStart().GetColumn()-1 : r.GetEnd().GetColumn()-1]
		assert.Equal(t, want.Sentence, got)
	}
	assert.Equal(t, rdf.Severity_INFO, ds[0].GetSeverity())
	assert.Equal(t, rdf.Severity_WARNING, ds[1].GetSeverity())
	assert.Equal(t, rdf.Severity_ERROR, ds[4].GetSeverity())
	assert.Equal(t, out, render(t, "rdjsonl", rep, opts), "output is byte-stable")

	// A file that could not be linted is an error line of its own.
	rep.Errors = []*lint.FileError{{Path: "bad.md", Err: os.ErrPermission}}
	rep.Files = append(rep.Files, &lint.Result{Path: "bad.md", Err: rep.Errors[0]})
	ds = parseRDJSONL(t, render(t, "rdjsonl", rep, opts))
	require.Len(t, ds, len(rep.Diagnostics)+1)
	assert.Equal(t, "bad.md", ds[0].GetLocation().GetPath())
	assert.Equal(t, rdf.Severity_ERROR, ds[0].GetSeverity())
	assert.Equal(t, "not linted: permission denied", ds[0].GetMessage())
	assert.Empty(t, ds[0].GetCode().GetValue())

	rep.Files[len(rep.Files)-1].Linted = true // as with broken front matter
	ds = parseRDJSONL(t, render(t, "rdjsonl", rep, opts))
	assert.Equal(t, "linted despite an error: permission denied", ds[0].GetMessage())
}

// --- github

var githubCommand = regexp.MustCompile(`^::(error|warning|notice) ([^:]*)::(.*)$`)

// unescape undoes the toolkit's escaping.
func unescape(s string) string {
	return strings.NewReplacer("%25", "%", "%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",").Replace(s)
}

type githubAnnotation struct {
	level   string
	props   map[string]string
	message string
}

func parseGitHub(t *testing.T, out string) []githubAnnotation {
	t.Helper()
	var as []githubAnnotation
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		m := githubCommand.FindStringSubmatch(line)
		require.NotNil(t, m, "not a workflow command: %q", line)
		a := githubAnnotation{level: m[1], props: map[string]string{}, message: unescape(m[3])}
		for _, p := range strings.Split(m[2], ",") {
			k, v, ok := strings.Cut(p, "=")
			require.True(t, ok, "property %q", p)
			a.props[k] = unescape(v)
		}
		as = append(as, a)
	}
	return as
}

func TestGitHub(t *testing.T) {
	rep, opts := lintTestFiles(t)
	out := render(t, "github", rep, opts)
	as := parseGitHub(t, out)
	require.Len(t, as, len(rep.Diagnostics), "one command per finding")
	assert.Equal(t, []string{"notice", "warning", "warning", "warning", "error"},
		[]string{as[0].level, as[1].level, as[2].level, as[3].level, as[4].level})
	assert.Equal(t, `Names "column" at 100%: tables, rows & <keys>. What must it achieve?`, as[1].message)
	assert.Contains(t, out, "at 100%25: tables, rows", "'%' is escaped in messages, ':' and ',' are not")
	assert.Equal(t, "test-column", as[1].props["title"])
	assert.Equal(t, "docs/other notes.md", as[1].props["file"])
	_, hasCol := as[3].props["col"]
	assert.False(t, hasCol, "no columns on an annotation over two lines")

	// Properties escape ':' and ','; messages escape line breaks.
	rep.Diagnostics = []lint.Diagnostic{{Path: "a:b,c%.md", Line: 1, Column: 1, EndLine: 1, EndColumn: 2, Rule: "r", Severity: lint.SeverityWarning, Message: "one\r\ntwo"}}
	out = render(t, "github", rep, opts)
	assert.Equal(t, "::warning file=a%3Ab%2Cc%25.md,line=1,endLine=1,col=1,endColumn=2,title=r::one%0D%0Atwo\n", out)

	rep.Diagnostics = nil
	rep.Errors = []*lint.FileError{{Path: "bad.md", Err: os.ErrPermission}}
	assert.Equal(t, "::error file=bad.md,title=prdlint::permission denied\n", render(t, "github", rep, opts))
}

// --- every format, the same findings

// extract reads the findings back out of each format's output.
var extract = map[string]func(t *testing.T, out string) []finding{
	"json": func(t *testing.T, out string) []finding {
		var js struct{ Diagnostics []lint.Diagnostic }
		require.NoError(t, json.Unmarshal([]byte(out), &js))
		var fs []finding
		for _, d := range js.Diagnostics {
			fs = append(fs, finding{d.Path, d.Line, d.Column, d.EndLine, d.EndColumn, d.Rule})
		}
		return fs
	},
	"sarif": func(t *testing.T, out string) []finding {
		var log sarifLog
		require.NoError(t, json.Unmarshal([]byte(out), &log))
		var fs []finding
		for _, r := range log.Runs[0].Results {
			loc := r.Locations[0].PhysicalLocation
			path, err := url.PathUnescape(loc.ArtifactLocation.URI)
			require.NoError(t, err)
			g := loc.Region
			fs = append(fs, finding{path, g.StartLine, g.StartColumn, g.EndLine, g.EndColumn - 1, r.RuleID})
		}
		return fs
	},
	"github": func(t *testing.T, out string) []finding {
		var fs []finding
		for _, a := range parseGitHub(t, out) {
			n := func(k string) int { v, _ := strconv.Atoi(a.props[k]); return v }
			fs = append(fs, finding{a.props["file"], n("line"), n("col"), n("endLine"), n("endColumn"), a.props["title"]})
		}
		return fs
	},
	"checkstyle": func(t *testing.T, out string) []finding {
		var fs []finding
		for _, f := range parseXML[checkstyleDoc](t, out).Files {
			for _, e := range f.Errors {
				fs = append(fs, finding{Path: f.Name, Line: e.Line, Column: e.Column, Rule: e.Source})
			}
		}
		return fs
	},
	"junit": func(t *testing.T, out string) []finding {
		var fs []finding
		for _, s := range parseXML[junitDoc](t, out).Suites {
			for _, c := range s.Cases {
				if c.Failure == nil && c.SystemOut == nil {
					continue // a clean file's passing case
				}
				var f finding
				_, err := fmt.Sscanf(c.Name, "%s at %d:%d", &f.Rule, &f.Line, &f.Column)
				require.NoError(t, err, "test case %q", c.Name)
				f.Path = c.Classname
				fs = append(fs, f)
			}
		}
		return fs
	},
	"rdjsonl": func(t *testing.T, out string) []finding {
		var fs []finding
		// Byte columns back to code points, from the source.
		col := func(path string, line, byteCol int) int {
			return utf8.RuneCountInString(sourceLine(t, path, line)[:byteCol-1]) + 1
		}
		for _, d := range parseRDJSONL(t, out) {
			r, path := d.GetLocation().GetRange(), d.GetLocation().GetPath()
			s, e := r.GetStart(), r.GetEnd()
			fs = append(fs, finding{path, int(s.GetLine()), col(path, int(s.GetLine()), int(s.GetColumn())),
				int(e.GetLine()), col(path, int(e.GetLine()), int(e.GetColumn())) - 1, d.GetCode().GetValue()})
		}
		return fs
	},
	"text": func(t *testing.T, out string) []finding {
		head := regexp.MustCompile(`(?m)^(.+):(\d+):(\d+): \w+ ([\w-]+): `)
		var fs []finding
		for _, m := range head.FindAllStringSubmatch(out, -1) {
			line, _ := strconv.Atoi(m[2])
			c, _ := strconv.Atoi(m[3])
			fs = append(fs, finding{Path: m[1], Line: line, Column: c, Rule: m[4]})
		}
		return fs
	},
}

// TestFormatsAgree renders the same report in every format and reads each
// back: all report the same findings at the same positions, in the same
// order, as far as each format carries them.
func TestFormatsAgree(t *testing.T) {
	rep, opts := lintTestFiles(t)
	want := extract["json"](t, render(t, "json", rep, opts))
	require.Len(t, want, 5)
	for _, f := range format.All() {
		t.Run(f.Name(), func(t *testing.T) {
			read, ok := extract[f.Name()]
			require.True(t, ok, "no reader for format %q: add one to this test", f.Name())
			got := read(t, render(t, f.Name(), rep, opts))
			require.Len(t, got, len(want))
			for i := range want {
				w := want[i]
				g := got[i]
				if g.EndLine == 0 {
					w.EndLine = 0
				}
				if g.Column == 0 && g.EndColumn == 0 && w.Line != w.EndLine {
					// Single-line columns only (github on a two-line finding).
					w.Column = 0
				}
				if g.EndColumn == 0 {
					w.EndColumn = 0
				}
				assert.Equal(t, w.String(), g.String(), "finding %d", i)
			}
		})
	}
}

// TestRDJSONLFileNamesThatAreNotUTF8: Linux file names may hold any bytes,
// and protobuf strings must be UTF-8; such a name is written with U+FFFD,
// as the JSON format writes it, instead of failing the whole report.
func TestRDJSONLFileNamesThatAreNotUTF8(t *testing.T) {
	bad := "docs/bad\xffname.md"
	rep := &lint.Report{
		Diagnostics: []lint.Diagnostic{{Path: bad, Line: 1, Column: 1, EndLine: 1, EndColumn: 4, Rule: "test-kafka", Severity: lint.SeverityError, Message: "Names Kafka."}},
		Errors:      []*lint.FileError{{Path: bad, Err: errors.New("not valid UTF-8")}},
	}
	rep.Files = []*lint.Result{{Path: bad, Err: rep.Errors[0], Linted: true}}
	got := parseRDJSONL(t, render(t, "rdjsonl", rep, format.Options{}))
	require.Len(t, got, 2)
	for _, d := range got {
		assert.Equal(t, "docs/bad\uFFFDname.md", d.GetLocation().GetPath())
	}
	gh := render(t, "github", rep, format.Options{})
	assert.True(t, utf8.ValidString(gh), "github commands are UTF-8: %q", gh)
	assert.Contains(t, gh, "file=docs/bad\uFFFDname.md,")
}

// TestRuleLinksPointAtTheRule: every format that links a rule to its
// documentation links to the rule's own entry, not to the list of rules.
func TestRuleLinksPointAtTheRule(t *testing.T) {
	rep, opts := lintTestFiles(t)
	const want = "https://github.com/prdlint/prdlint#rule-"
	tests := []struct {
		format string
		links  func(t *testing.T, out string) map[string]string // rule ID to link
	}{
		{"sarif", func(t *testing.T, out string) map[string]string {
			var log sarifLog
			require.NoError(t, json.Unmarshal([]byte(out), &log))
			links := map[string]string{}
			for _, r := range log.Runs[0].Tool.Driver.Rules {
				links[r.ID] = r.HelpURI
			}
			return links
		}},
		{"rdjsonl", func(t *testing.T, out string) map[string]string {
			links := map[string]string{}
			for _, d := range parseRDJSONL(t, out) {
				links[d.GetCode().GetValue()] = d.GetCode().GetUrl()
			}
			return links
		}},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			links := tt.links(t, render(t, tt.format, rep, opts))
			require.Len(t, links, len(opts.Rules), "every test rule has a finding")
			for id, link := range links {
				assert.Equal(t, want+id, link)
				assert.Equal(t, lint.RuleURL(id), link, "one helper makes every rule link")
			}
		})
	}
}

// TestFileErrorsAtTheirPosition: an error that knows where it is in the
// file (invalid UTF-8, found at a line and column) is reported there by
// every format that carries positions; one that does not (a file that is
// missing) is reported as it always was. rdjsonl counts bytes: "Über"
// before the bad byte is five bytes in four characters.
func TestFileErrorsAtTheirPosition(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	require.NoError(t, os.WriteFile("bad.md", []byte("# Title\n\nÜber ab\xffc\n"), 0o644))
	l := &lint.Linter{Rules: testRules()}
	rep := l.Lint([]string{"bad.md", "gone.md"})
	require.Len(t, rep.Errors, 2)
	require.Equal(t, "bad.md: invalid UTF-8 at line 3, column 8", rep.Errors[0].Error())
	require.Equal(t, "gone.md: no such file or directory", rep.Errors[1].Error())
	opts := format.Options{Rules: l.Rules, Root: dir}

	// position reads the line and column each format gives a file's
	// error, 0 where it gives none.
	type position struct{ Line, Column int }
	tests := []struct {
		format    string
		positions func(t *testing.T, out string) map[string]position
		bad, gone position
	}{
		{"rdjsonl", func(t *testing.T, out string) map[string]position {
			ps := map[string]position{}
			for _, d := range parseRDJSONL(t, out) {
				s := d.GetLocation().GetRange().GetStart()
				ps[d.GetLocation().GetPath()] = position{int(s.GetLine()), int(s.GetColumn())}
			}
			return ps
		}, position{3, 9}, position{1, 1}},
		{"sarif", func(t *testing.T, out string) map[string]position {
			var log sarifLog
			require.NoError(t, json.Unmarshal([]byte(out), &log))
			ps := map[string]position{}
			for _, n := range log.Runs[0].Invocations[0].ToolExecutionNotifications {
				require.Len(t, n.Locations, 1, "the file's own place only")
				loc := n.Locations[0].PhysicalLocation
				ps[loc.ArtifactLocation.URI] = position{loc.Region.StartLine, loc.Region.StartColumn}
			}
			return ps
		}, position{3, 8}, position{}},
		{"github", func(t *testing.T, out string) map[string]position {
			ps := map[string]position{}
			for _, a := range parseGitHub(t, out) {
				n := func(k string) int { v, _ := strconv.Atoi(a.props[k]); return v }
				ps[a.props["file"]] = position{n("line"), n("col")}
			}
			return ps
		}, position{3, 8}, position{}},
		{"checkstyle", func(t *testing.T, out string) map[string]position {
			ps := map[string]position{}
			for _, f := range parseXML[checkstyleDoc](t, out).Files {
				require.Len(t, f.Errors, 1)
				ps[f.Name] = position{f.Errors[0].Line, f.Errors[0].Column}
			}
			return ps
		}, position{3, 8}, position{}},
		{"junit", func(t *testing.T, out string) map[string]position {
			ps := map[string]position{}
			for _, s := range parseXML[junitDoc](t, out).Suites {
				require.Len(t, s.Cases, 1)
				var p position
				// The error's body starts "path:line:column: " where the
				// position is known, as a failure's does; else it is empty
				// and p stays zero.
				_, _ = fmt.Sscanf(strings.TrimPrefix(s.Cases[0].Error.Body, s.Name+":"), "%d:%d:", &p.Line, &p.Column)
				ps[s.Name] = p
			}
			return ps
		}, position{3, 8}, position{}},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			out := render(t, tt.format, rep, opts)
			if tt.format == "sarif" {
				validateSARIF(t, out)
			}
			got := tt.positions(t, out)
			assert.Equal(t, map[string]position{"bad.md": tt.bad, "gone.md": tt.gone}, got)
		})
	}
}
