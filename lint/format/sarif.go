package format

import (
	"encoding/json"
	"io"
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

const informationURI = "https://github.com/prdlint/prdlint"

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
	driver := sarif.NewDriver("prdlint").WithInformationURI(informationURI)
	if opts.ToolVersion != "" {
		driver.WithVersion(opts.ToolVersion)
	}
	run := sarif.NewRun(*sarif.NewTool(driver))
	// prdlint counts columns in code points; say so rather than rely on a
	// consumer's default.
	run.ColumnKind = "unicodeCodePoints"

	index := map[string]int{}
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
			WithLocations([]*sarif.Location{location(opts.Root, d.Path, region)})
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
		n.AddLocation(location(opts.Root, e.Path, nil))
		inv.AddTToolExecutionNotification(n)
	}
	run.Invocations = []*sarif.Invocation{inv}
	log.AddRun(run)

	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

func location(root, path string, region *sarif.Region) *sarif.Location {
	phys := sarif.NewPhysicalLocation().WithArtifactLocation(sarif.NewSimpleArtifactLocation(artifactURI(root, path)))
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
		WithHelpURI(informationURI + "#rules")
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
			text.WriteString("\n  " + s)
			md.WriteString("\n- " + s)
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

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
