#!/usr/bin/env bash
# End-to-end check of `prdlint lsp` with a real editor: Neovim's built-in
# LSP client, headless, opens each example PRD, and must receive the same
# findings at the same places as `prdlint lint --format json` reports, a
# hover for the first one, and new diagnostics after an edit.
# Installs Debian's neovim when it is missing (as root, or with sudo);
# skips, saying so, when it cannot.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=.ci/e2e/apt.sh
. .ci/e2e/apt.sh

if ! command -v nvim >/dev/null 2>&1; then
  echo "e2e-lsp: installing neovim"
  apt_install neovim || true
fi
if ! command -v nvim >/dev/null 2>&1; then
  echo "e2e-lsp: SKIPPED: neovim is not installed and could not be installed (needs apt-get, as root or with sudo)"
  exit 0
fi
for tool in python3 timeout; do
  command -v "$tool" >/dev/null 2>&1 || { echo "e2e-lsp: $tool is required" >&2; exit 2; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/prdlint" ./cmd/prdlint
echo "e2e-lsp: $(nvim --version | head -n 1)"

passed=0
failed=0
for prd in testdata/prds/*.md; do
  out="$tmp/nvim.json"
  rm -f "$out"
  status=0
  PRDLINT="$tmp/prdlint" PRD="$prd" OUT="$out" \
    timeout 120 nvim --headless --clean -u .ci/e2e/nvim.lua >"$tmp/nvim.log" 2>&1 || status=$?
  if [ ! -s "$out" ]; then
    echo "e2e-lsp: FAIL $prd: Neovim wrote no result (exit $status)"; cat "$tmp/nvim.log"
    failed=$((failed + 1)); continue
  fi
  if PRDLINT="$tmp/prdlint" python3 - "$prd" "$out" <<'PY'
import json, re, subprocess, sys, os

prd, out = sys.argv[1], sys.argv[2]
binary = os.environ["PRDLINT"]
got = json.load(open(out))
if got.get("error"):
    sys.exit("Neovim: " + got["error"])

def expected(text):
    """lint --format json findings as Neovim stores them: 0-based lines and
    0-based byte columns, the end just past the last character."""
    run = subprocess.run([binary, "lint", "--format", "json", "--stdin-filename", prd, "-"],
                         input=text.encode(), capture_output=True)
    if run.returncode not in (0, 1):
        sys.exit("prdlint lint failed: " + run.stderr.decode())
    lines = [l.rstrip("\r") for l in text.split("\n")]
    def byte_col(line, col):
        return len(lines[line - 1][: col - 1].encode())
    diags = [[d["line"] - 1, byte_col(d["line"], d["column"]), d["endLine"] - 1,
              byte_col(d["endLine"], d["endColumn"] + 1), d["rule"]]
             for d in json.loads(run.stdout)["diagnostics"]]
    return sorted(diags)

src = open(prd, newline="").read()
want = expected(src)
if got["diagnostics"] != want:
    sys.exit(f"diagnostics differ\n  Neovim: {got['diagnostics']}\n  lint:   {want}")
if want:
    code = want[0][4]
    if code not in got["hover"]:
        sys.exit(f"hover on the first finding does not name {code}: {got['hover']!r}")
    # The same edit the client made, linted by the CLI.
    eol = "\r\n" if "\r\n" in src else "\n"
    lines = src.split(eol)
    n = got["edited"]
    indent = re.match(r"^[\s>\-*\d.]*", lines[n]).group(0)
    lines[n] = indent + "Shoppers can pay as guests."
    after = expected(eol.join(lines))
    if got["after"] != after:
        sys.exit(f"diagnostics after the edit differ\n  Neovim: {got['after']}\n  lint:   {after}")
print(f"{len(want)} finding(s), hover and edit agree")
PY
  then
    echo "e2e-lsp: ok $prd"; passed=$((passed + 1))
  else
    echo "e2e-lsp: FAIL $prd"; failed=$((failed + 1))
  fi
done
echo "e2e-lsp: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
