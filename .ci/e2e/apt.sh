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
  $sudo apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1
}
