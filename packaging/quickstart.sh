#!/bin/bash
# One entry point for a fresh Debian 12 machine (see README, "Quick start"):
#   packaging/quickstart.sh run [--lab]   install what is missing, build, start AllocLab
#   packaging/quickstart.sh test          install what is missing, build, run every test
#   packaging/quickstart.sh deps          only install what is missing
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

# Build, run, test and lab packages, all from Debian 12's own archive.
PACKAGES=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-charts-dev qt6-svg-dev libqt6opengl6-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-translations-l10n libgl-dev
  libssh-dev libsqlite3-dev sqlite3 clang
  xvfb xauth fonts-dejavu-core desktop-file-utils appstream lintian dpkg-dev file python3
  openssh-client openssh-server sudo tor tor-geoipdb libmimalloc2.0 libjemalloc2
  iproute2 procps util-linux
)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

install_deps() {
  local missing=() p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    say "All ${#PACKAGES[@]} packages are installed"
    return
  fi
  say "Installing ${#missing[@]} missing packages: ${missing[*]}"
  as_root apt-get update -qq
  # policy-rc.d keeps apt from starting sshd or tor on this machine: the lab runs its own.
  as_root sh -c 'printf "#!/bin/sh\nexit 101\n" > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d'
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    || { as_root rm -f /usr/sbin/policy-rc.d; exit 1; }
  as_root rm -f /usr/sbin/policy-rc.d
}

build() {
  local preset=$1
  say "Configuring and building (preset $preset)"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
}

cmd=${1:-}
shift || true
case $cmd in
  deps)
    install_deps
    ;;
  run)
    install_deps
    build dev
    args=()
    if [ "${1:-}" = --lab ]; then
      say "Starting the lab (real relay hosts on this machine; needs root)"
      as_root tests/lab/labctl up
      args+=(--ssh-config "$(as_root tests/lab/labctl ssh-config --path)")
    fi
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      say "No display found: AllocLab needs a desktop session (or run it under xvfb-run)."
      exit 1
    fi
    say "Starting AllocLab"
    exec build/dev/ui/alloclab "${args[@]}"
    ;;
  test)
    install_deps
    build ci
    say "Running every test (lab tests need root; they skip with a message otherwise)"
    ctest --preset ci
    ;;
  *)
    sed -n '2,5p' "$0" >&2
    exit 2
    ;;
esac
