package format

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/prdlint/prdlint/lint"
)

// SARIF writes a SARIF 2.1.0 log for code-scanning tools (GitHub code
// scanning, Azure DevOps, IDE viewers): one run with every rule's metadata
// and one result per finding. Artifact URIs are relative to Options.Root.
type SARIF struct{}

// Name implements Formatter.
func (SARIF) Name() string { return "sarif" }

// Description implements Formatter.
func (SARIF) Description() string { return "SARIF 2.1.0 log for code scanning" }

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.SeverityError:
		return "error"
	case lint.SeverityWarning:
		return "warning"
	case lint.SeverityInfo:
		return "note"
	}
	return "none"
}

// Format implements Formatter.
func (SARIF) Format(w io.Writer, rep *lint.Report, opts Options) error {
	log, err := sarif.New(sarif.Version210)
	if err != nil {
		return err
	}
	driver := sarif.NewDriver("prdlint").WithInformationURI(lint.HomeURL)
	if opts.ToolVersion != "" {
		driver.WithVersion(opts.ToolVersion)
	}
	run := sarif.NewRun(*sarif.NewTool(driver))
	// prdlint counts columns in code points; say so rather than rely on a
	// consumer's default.
	run.ColumnKind = "unicodeCodePoints"

	index := map[string]int{}
	seen := map[string]int{}
	// Each file's URI is resolved once (rootRelative may stat through
	// symbolic links), however many findings it has.
	uris := map[string]string{}
	uriOf := func(path string) string {
		u, ok := uris[path]
		if !ok {
			u = artifactURI(opts.Root, path)
			uris[path] = u
		}
		return u
	}
	for _, r := range opts.Rules {
		index[r.ID] = len(driver.Rules)
		driver.AddRule(sarifRule(r))
	}
	for i := range rep.Diagnostics {
		d := &rep.Diagnostics[i]
		if _, ok := index[d.Rule]; !ok {
			// A finding from a rule the caller did not list still gets an
			// entry, so ruleIndex always points at its rule.
			index[d.Rule] = len(driver.Rules)
			driver.AddRule(sarif.NewRule(d.Rule).WithDescription(d.Rule))
		}
		region := sarif.NewRegion().
			WithStartLine(d.Line).WithStartColumn(d.Column).
			// SARIF's endColumn is the column after the region; ours is
			// the column of its last character.
			WithEndLine(d.EndLine).WithEndColumn(d.EndColumn + 1)
		res := sarif.NewRuleResult(d.Rule).
			WithRuleIndex(index[d.Rule]).
			WithLevel(sarifLevel(d.Severity)).
			WithMessage(sarif.NewTextMessage(d.Message)).
			WithLocations([]*sarif.Location{location(uriOf(d.Path), region)})
		res.WithPartialFingerPrints(map[string]interface{}{fingerprintKey: fingerprint(seen, uriOf(d.Path), d)})
		res.Properties = sarif.Properties{"category": string(d.Category), "confidence": d.Confidence}
		if d.Section != "" {
			res.Properties["section"] = d.Section
		}
		run.Results = append(run.Results, res)
	}

	ok := len(rep.Errors) == 0
	inv := sarif.NewInvocation().WithExecutionSuccess(ok)
	for _, e := range rep.Errors {
		n := sarif.NewNotification().WithLevel("error").WithTextMessage(e.Err.Error())
		// Where the error points (a broken .prdlint.yaml's line), and
		// the file it kept from being linted; an error in the file itself
		// (invalid UTF-8) is one location, at its line and column.
		path, line, col, located := e.Location()
		var region *sarif.Region
		if located {
			region = sarif.NewRegion().WithStartLine(line).WithStartColumn(col)
		}
		if path != e.Path {
			n.AddLocation(location(uriOf(path), region))
			region = nil
		}
		n.AddLocation(location(uriOf(e.Path), region))
		inv.AddTToolExecutionNotification(n)
	}
	run.Invocations = []*sarif.Invocation{inv}
	log.AddRun(run)

	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

func location(uri string, region *sarif.Region) *sarif.Location {
	phys := sarif.NewPhysicalLocation().WithArtifactLocation(sarif.NewSimpleArtifactLocation(uri))
	if region != nil {
		phys.WithRegion(region)
	}
	return sarif.NewLocationWithPhysicalLocation(phys)
}

// sarifRule describes a rule: its summary, its documentation, and help
// with the bad and good examples.
func sarifRule(r *lint.Rule) *sarif.ReportingDescriptor {
	desc := sarif.NewRule(r.ID).
		WithDescription(r.Summary).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(r.Severity))).
		WithHelpURI(lint.RuleURL(r.ID))
	if r.Doc != "" {
		desc.WithFullDescription(sarif.NewMultiformatMessageString(r.Doc))
	}
	var text, md strings.Builder
	text.WriteString(firstNonEmpty(r.Doc, r.Summary))
	md.WriteString(firstNonEmpty(r.Doc, r.Summary))
	examples := func(title string, ss []string) {
		if len(ss) == 0 {
			return
		}
		text.WriteString("\n\n" + title + ":")
		md.WriteString("\n\n**" + title + ":**\n")
		for _, s := range ss {
			text.WriteString("\n  " + strings.ReplaceAll(s, "\n", "\n  "))
			// A fenced block shows an example as written: headings,
			// lists and HTML comments in it stay text.
			fence := codeFence(s)
			md.WriteString("\n" + fence + "markdown\n" + s + "\n" + fence + "\n")
		}
	}
	examples("Reported", r.Bad)
	examples("Not reported", r.Good)
	help := sarif.NewMultiformatMessageString(text.String())
	help.WithMarkdown(md.String())
	desc.WithHelp(help)
	desc.Properties = sarif.Properties{"category": string(r.Category)}
	return desc
}

// fingerprintKey names prdlint's partial fingerprint; the version changes
// if what it hashes ever does.
const fingerprintKey = "prdlintFinding/v1"

// fingerprint identifies a finding across runs by what it is about rather
// than where: its rule, its file and its sentence with white space
// collapsed (the message, for a finding about the whole document), and
// which occurrence of that it is. Lines added above a finding, or a
// paragraph re-wrapped, leave it the same, so code scanning keeps one alert
// instead of closing it and opening another. seen counts occurrences.
func fingerprint(seen map[string]int, uri string, d *lint.Diagnostic) string {
	what := d.Sentence
	if what == "" {
		what = d.Message
	}
	key := d.Rule + "\x00" + uri + "\x00" + strings.Join(strings.Fields(what), " ")
	n := seen[key]
	seen[key] = n + 1
	sum := sha256.Sum256([]byte(key + "\x00" + strconv.Itoa(n)))
	return hex.EncodeToString(sum[:16])
}

// codeFence is a backtick fence longer than any backtick run in s.
func codeFence(s string) string {
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return strings.Repeat("`", max(3, longest+1))
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
