package rules

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/prdlint/prdlint/lint"
)

// BadDirective reports suppression comments that do not do what they say:
// an unknown directive, an unknown rule ID, or a directive with nothing to
// apply to.
func BadDirective() *lint.Rule {
	return &lint.Rule{
		ID:       "bad-directive",
		Category: lint.CategoryDirective,
		Severity: lint.SeverityWarning,
		Summary:  "Suppression comment names an unknown directive or rule, or applies to nothing",
		Doc: `Suppression comments silence findings: <!-- prdlint-disable-next-line how-infra -->.
A misspelt directive or rule ID silences nothing, and the finding it was meant
for comes back without saying why. This rule reports such comments at their
position: an unknown "prdlint-..." directive, a rule ID prdlint does not know
(with the closest known one), a rule pattern ("how-*") that matches no rule,
a prdlint-disable-line on a line without prose, a prdlint-disable-next-line
with no prose after it, and a malformed "prdlint" front matter key. With
directives.require-reason set in the configuration it also reports a
disable directive that gives no reason after " -- " (or, in front matter,
no reason: key).

To keep such a comment (another tool reads it), put
<!-- prdlint-disable-next-line bad-directive --> on the line above it: a
disable-next-line that names this rule also reaches the suppression comment
on the first line after it that holds one, before the next prose line.`,
		Bad: []string{
			"<!-- prdlint-disable-next-line how-infrastructure -->\nDeploy the export service on Kubernetes.",
			"<!-- prdlint-disabel how-infra -->",
		},
		Good: []string{
			"<!-- prdlint-disable-next-line how-infra -- the platform team asked for this -->\nDeploy the export service on Kubernetes.",
			"<!-- prdlint-disable how-infra -->",
			"<!-- prdlint-disable-next-line bad-directive -- our docs build reads it -->\n<!-- prdlint-owner: payments -->",
		},
		Options: []string{"directives.require-reason"},
		Run:     runBadDirective,
	}
}

func runBadDirective(pass *lint.Pass) {
	dirs := lint.Directives(pass.Doc)
	if len(dirs) == 0 {
		return // most documents: no copy of the rule IDs needed
	}
	known := pass.RuleIDs()
	for _, d := range dirs {
		if d.Problem != "" {
			pass.ReportDirective(&d, lint.Finding{Message: sentenceCase(d.Problem) + "."})
		} else if pass.Settings != nil && pass.Settings.RequireReason && d.Reason == "" && d.Kind != lint.DirectiveEnable && d.Kind != lint.DirectiveUnknown {
			pass.ReportDirective(&d, lint.Finding{
				Message: "This directive gives no reason; the configuration asks for one (directives.require-reason).",
				Hint:    `Say why after " -- ": <!-- prdlint-disable-next-line how-infra -- the platform is contractual -->, or reason: in front matter.`,
			})
		}
		for i, id := range d.Rules {
			var msg string
			switch {
			case slices.Contains(known, id):
				continue
			case lint.IsRulePattern(id):
				_, err := lint.MatchRules(id, known)
				switch {
				case err == nil:
					continue
				case errors.Is(err, lint.ErrMalformedRulePattern):
					msg = fmt.Sprintf("Malformed rule pattern %q; this directive silences nothing.", id)
				default:
					msg = fmt.Sprintf("Rule pattern %q matches no rule; this directive silences nothing.", id)
				}
			default:
				msg = fmt.Sprintf("Unknown rule %q%s; this directive does not silence it.", id, lint.DidYouMean(id, known))
			}
			// The finding spans the rule ID, so each unknown ID is a
			// finding of its own; an ID in front matter has no place of
			// its own, and stands on the directive.
			if off := d.RuleOffsets[i]; off >= 0 {
				pass.ReportRange(off, off+len(id), lint.Finding{Message: msg})
			} else {
				pass.ReportDirective(&d, lint.Finding{Message: msg})
			}
		}
	}
}

// sentenceCase starts a directive's problem with a capital, as the rule's
// other messages start, unless it opens with a directive's own name
// ("prdlint-disable-line silences …"), which is written as typed.
func sentenceCase(problem string) string {
	r, size := utf8.DecodeRuneInString(problem)
	if strings.HasPrefix(problem, "prdlint") || !unicode.IsLower(r) {
		return problem
	}
	return string(unicode.ToUpper(r)) + problem[size:]
}
