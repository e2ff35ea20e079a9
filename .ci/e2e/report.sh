#!/usr/bin/env bash
# End-to-end check of `prdlint report` in a real browser: renders the
# report for a PRD, opens it in headless Chromium and checks through the
# DOM that each finding of `prdlint lint --format json` is highlighted at
# its sentence, that the summary bars and checklist are there, and that
# the page makes no network request. Saves a screenshot (SCREENSHOT=…; the
# README's is testdata/report/screenshot.png).
#
# Needs Chromium; installs Debian's package when missing (as root, or with
# sudo), and skips with a message when it cannot.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=.ci/e2e/apt.sh
. .ci/e2e/apt.sh

prd=${PRD:-testdata/report/saved-carts.md}
# The README's image is refreshed only when asked:
#   make e2e-report SCREENSHOT=testdata/report/screenshot.png
screenshot=$(realpath -m "${SCREENSHOT:-${TMPDIR:-/tmp}/prdlint-report-screenshot.png}")

find_chromium() {
  command -v chromium || command -v chromium-browser || true
}

chromium=$(find_chromium)
if [ -z "$chromium" ]; then
  echo "== installing chromium (apt-get)"
  apt_install chromium || true
  chromium=$(find_chromium)
fi
if [ -z "$chromium" ]; then
  echo "SKIP e2e-report: Chromium is not installed and could not be installed (needs apt-get, as root or with sudo: apt-get install chromium)" >&2
  exit 0
fi
echo "== using $("$chromium" --version 2>/dev/null | head -n1)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/prdlint" ./cmd/prdlint

echo "== prdlint report $prd"
"$work/prdlint" report --output "$work/report.html" "$prd"
rc=0
"$work/prdlint" lint --format json "$prd" >"$work/findings.json" || rc=$?
if [ "$rc" -gt 1 ]; then
  echo "prdlint lint failed (exit $rc)" >&2
  exit 1
fi

echo "== checking the page in headless Chromium"
mkdir -p "$(dirname "$screenshot")"
PRDLINT_E2E_REPORT="$work/report.html" \
PRDLINT_E2E_JSON="$work/findings.json" \
PRDLINT_E2E_CHROMIUM="$chromium" \
PRDLINT_E2E_SCREENSHOT="$screenshot" \
  go test -tags e2e -count=1 -run '^TestReportInBrowser$' -v ./lint/htmlreport/ 2>&1 | grep -v '^=== RUN' || exit 1
echo "== screenshot: $screenshot"
