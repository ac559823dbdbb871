# Shared by the scripts in Scripts/: installs what is missing, with apt-get, and finds Swift.
# Sourced, not run.
set -euo pipefail

NEWSWIRE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$NEWSWIRE_ROOT"

# System packages the build needs: libzmq, libxml2 and zlib (C libraries wrapped by the package),
# pkg-config (to find them) and SQLite's headers (GRDB).
NEWSWIRE_APT_PACKAGES=(libzmq3-dev libxml2-dev zlib1g-dev pkg-config libsqlite3-dev)

newswire_install_system_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "==> installing ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >&2
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

newswire_find_swift() {
  if ! command -v swift >/dev/null 2>&1; then
    for d in /opt/swift/usr/bin /usr/share/swift/usr/bin; do
      [ -x "$d/swift" ] && export PATH="$d:$PATH" && break
    done
  fi
  command -v swift >/dev/null 2>&1 || { echo "Swift 6 is needed: https://swift.org/install" >&2; exit 1; }
}

newswire_install_system_packages "${NEWSWIRE_APT_PACKAGES[@]}"
newswire_find_swift
