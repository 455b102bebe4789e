#!/bin/bash
# Validates what we ship: desktop file, AppStream metainfo, and the .deb under lintian.
# Usage: packaging/check-package.sh BUILD_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:?usage: check-package.sh BUILD_DIR}

desktop-file-validate "$here/org.alloclab.AllocLab.desktop"
appstreamcli validate --no-net "$here/org.alloclab.AllocLab.metainfo.xml"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cpack --config "$build/CPackConfig.cmake" -B "$out" >/dev/null
deb=$(ls "$out"/*.deb)
# Captured first: grep -q closing the pipe early would fail the pipeline under pipefail.
info=$(dpkg-deb --info "$deb")
grep -q 'Depends:.*libqt6widgets6' <<<"$info" || { echo "missing Qt runtime dependency" >&2; exit 1; }
# Errors fail; warnings are printed for the reader.
lintian --fail-on error --suppress-tags initial-upload-closes-no-bugs "$deb"
echo "package ok: $(basename "$deb")"
