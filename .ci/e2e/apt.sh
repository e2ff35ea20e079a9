# Sourced by the e2e scripts: apt_install PACKAGE... installs Debian
# packages as root, or through sudo without a password (GitHub's runners),
# and returns non-zero when it cannot.
apt_install() {
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo="sudo -n"
    else
      return 1
    fi
  fi
  command -v apt-get >/dev/null 2>&1 || return 1
  # env passes the variable through sudo, which resets the environment;
  # the output goes to a log the caller can point to.
  local log="${TMPDIR:-/tmp}/prdlint-e2e-apt.log"
  $sudo apt-get update -qq >"$log" 2>&1 || true
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >>"$log" 2>&1 ||
    { echo "apt-get install $* failed; see $log" >&2; return 1; }
}
