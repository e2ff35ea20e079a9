package config

import (
	"fmt"
	"strings"

	"github.com/prdlint/prdlint/lint"
)

// Starter returns a commented starter configuration. It loads as it is
// and changes nothing: every setting is shown with its default, commented
// out, since a setting written here would override a parent directory's
// file (the nearest wins, key by key), and a rule named exactly wins over
// a pattern the user adds ("how-*: off").
func Starter(rules []*lint.Rule) []byte {
	var b strings.Builder
	b.WriteString(`# prdlint configuration.
#
# prdlint reads the .prdlint.yaml nearest to each linted file and every one
# above it up to the repository root; the nearest wins. Globs are relative
# to this file's directory. See the effective configuration of a file with
# "prdlint config print FILE" and what a rule does with "prdlint explain RULE".
#
# Each setting is shown with its default, commented out: this file changes
# nothing until you uncomment a line, and a line you uncomment overrides
# the same setting of a .prdlint.yaml in a parent directory.

# Uncomment to stop looking for configuration in parent directories.
# root: true

# The least severity that makes prdlint exit 1: info, warning, error or off.
# The --fail-level flag overrides it.
# fail-level: warning

# Drop findings whose confidence is below this (0 to 1).
# min-confidence: 0

# Severity of each rule: off, info, warning or error. A key may also be a
# pattern: "how-*: off", "structure-*: info". A rule named exactly wins over
# a pattern, so name only the rules you set apart. The defaults, to
# uncomment and change:
rules:
`)
	for _, r := range rules {
		fmt.Fprintf(&b, "#  %s: %s\n", r.ID, r.Severity)
	}
	b.WriteString(`
vocabulary:
  # Terms to treat as implementation terms, e.g. your own systems' names;
  # "kind:term" gives the kind (tech-choice, architecture, data-model,
  # api-shape, code, infra), as in "data-model:ledger".
  add: []
  # Terms that are product words for your team, never implementation.
  remove: []

# Sections where design is welcome.
# design-sections:
#   # Headings that mark a design section; unset: the built-in ones.
#   headings: [Design, Technical approach]
#   # skip: no how-findings there; info: report them as info.
#   mode: skip

# Sections that state what by definition (non-goals, user stories, success
# metrics), where a how-finding would be a false alarm.
# what-sections:
#   # Headings that mark such a section; unset: the built-in ones.
#   headings: [Non-goals, User stories, Success metrics]
#   # skip: no how-findings there (under a metrics heading, those at 0.95
#   # or more are reported as info); info: report them all as info.
#   mode: skip

# Suppression comments (<!-- prdlint-disable ... -->). With require-reason,
# a disable without a reason after " -- " is a bad-directive finding.
# directives:
#   require-reason: false

# Markdown files a directory walk skips (a file named on the command line
# is still linted). .prdlintignore files (gitignore syntax) work too.
# Uncomment an example line to use it.
ignore:
#  - "drafts/**"

# Also skip, in directory walks, what the repository's .gitignore files and
# .git/info/exclude exclude (build output, generated pages).
# gitignore: false

# Settings for some files only, applied over the ones above.
overrides:
#  - files: ["rfcs/**"]
#    rules:
#      how-architecture: info
`)
	return []byte(b.String())
}
