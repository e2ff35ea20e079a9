#!/usr/bin/env bash
# End-to-end check of the pre-commit hook: a spec repository adds prdlint
# from this checkout with the real pre-commit tool; committing a PRD with a
# how-sentence must fail and show the finding, and a clean PRD must pass.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)

# shellcheck source=.ci/e2e/apt.sh
. "$repo/.ci/e2e/apt.sh"
if ! command -v pre-commit >/dev/null 2>&1; then
  echo "installing pre-commit (Debian package)"
  apt_install pre-commit || true
fi
if ! command -v pre-commit >/dev/null 2>&1; then
  echo "SKIP e2e-precommit: pre-commit is not installed and could not be installed with apt-get" >&2
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/pre-commit-home"
# Reuse the module cache: the hook is built with `go install` in pre-commit's
# own GOPATH, which would otherwise download every module again.
export GOMODCACHE="${GOMODCACHE:-$(go env GOMODCACHE)}"
git_() { git -c user.name=e2e -c user.email=e2e@example.com -c commit.gpgsign=false -c init.defaultBranch=main "$@"; }

# The hook repository: a snapshot of this checkout as it is on disk,
# uncommitted changes included, committed in a fresh repository.
hooks="$work/prdlint"
mkdir -p "$hooks"
(cd "$repo" && git ls-files -z --cached --others --exclude-standard) |
  while IFS= read -r -d '' f; do [ -e "$repo/$f" ] && printf '%s\0' "$f"; done |
  (cd "$repo" && tar --null -T - -cf -) | (cd "$hooks" && tar -xf -)
git_ -C "$hooks" init -q
git_ -C "$hooks" add -A
git_ -C "$hooks" commit -q -m snapshot
rev=$(git -C "$hooks" rev-parse HEAD)

# The spec repository that uses the hook.
specs="$work/specs"
mkdir -p "$specs/docs"
cd "$specs"
git_ init -q
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $hooks
    rev: $rev
    hooks: [{id: prdlint}]
YAML
git_ add .pre-commit-config.yaml
git_ commit -q -m "add pre-commit config"
pre-commit install >/dev/null

fail() { echo "FAIL e2e-precommit: $*" >&2; exit 1; }

printf '# Checkout\n\n## Goals\n\nShoppers can pay as guests.\n\nWe will add a new column to the carts table.\n' > docs/prd.md
git_ add docs/prd.md
if git_ commit -q -m "PRD with a how-sentence" > "$work/out" 2>&1; then
  cat "$work/out" >&2
  fail "the commit of a PRD with a how-sentence succeeded"
fi
grep -q "docs/prd.md:7:1: warning how-" "$work/out" || { cat "$work/out" >&2; fail "the finding is not shown"; }
[ -z "${E2E_VERBOSE:-}" ] || cat "$work/out"
echo "ok: the commit of a PRD with a how-sentence fails and shows the finding"

printf '# Checkout\n\n## Goals\n\nShoppers can pay as guests.\n\nGuest checkout abandonment falls from 18%% to 9%% by Q3.\n' > docs/prd.md
git_ add docs/prd.md
if ! git_ commit -q -m "clean PRD" > "$work/out" 2>&1; then
  cat "$work/out" >&2
  fail "the commit of a clean PRD failed"
fi
echo "ok: the commit of a clean PRD passes"

# A staged file whose name starts with a dash is a file, not a flag.
printf '# Notes\n\nWe will add a new column to the carts table.\n' > ./-o.md
git_ add -- -o.md
if git_ commit -q -m "PRD named like a flag" > "$work/out" 2>&1; then
  cat "$work/out" >&2
  fail "the commit of a how-sentence in a file named -o.md succeeded"
fi
grep -q -- "-o.md:3:1: warning how-" "$work/out" || { cat "$work/out" >&2; fail "the finding in -o.md is not shown"; }
echo "ok: a file named like a flag is linted"

# A commit that breaks the configuration fails its own check.
git_ rm -q --cached -- -o.md && rm -f ./-o.md
printf 'rules:\n  how-nope: off\n' > .prdlint.yaml
git_ add .prdlint.yaml
if git_ commit -q -m "broken configuration" > "$work/out" 2>&1; then
  cat "$work/out" >&2
  fail "the commit of a broken .prdlint.yaml succeeded"
fi
grep -q '.prdlint.yaml:2:3: unknown rule "how-nope"' "$work/out" || { cat "$work/out" >&2; fail "the configuration error is not shown"; }
printf 'rules:\n  how-infra: info\n' > .prdlint.yaml
git_ add .prdlint.yaml
if ! git_ commit -q -m "good configuration" > "$work/out" 2>&1; then
  cat "$work/out" >&2
  fail "the commit of a valid .prdlint.yaml failed"
fi
echo "ok: a commit that breaks .prdlint.yaml fails; a valid one passes"

# A repository's README is no PRD: the hook leaves it alone.
printf '# Specs\n\nRun `npm install` and then `npm run lint` before you push.\n' > README.md
git_ add README.md
if ! git_ commit -q -m "README" > "$work/out" 2>&1; then
  cat "$work/out" >&2
  fail "the commit of a README failed"
fi
echo "ok: a README is not linted"

# Many PRDs at once: one run, one summary (pre-commit would otherwise split
# the files into one batch per CPU).
for i in 1 2 3 4 5 6 7 8; do
  printf '# Plan %s\n\nWe will add a new column to the carts table.\n' "$i" > "docs/plan-$i.md"
done
git_ add docs
if git_ commit -q -m "eight PRDs" > "$work/out" 2>&1; then
  cat "$work/out" >&2
  fail "the commit of eight PRDs with how-sentences succeeded"
fi
[ "$(grep -c '^8 files, 8 findings' "$work/out")" = 1 ] || { cat "$work/out" >&2; fail "the eight files were not linted in one run"; }
echo "ok: the staged files are linted in one run"
