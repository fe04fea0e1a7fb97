#!/usr/bin/env bash
# Replaces the native launcher in a Linux app image with packaging/launcher.sh (see there why). Run by
# `mvn -Ppackage package` after the app image is made and before the .deb is built from it.
#   packaging/script-launcher.sh IMAGE_DIR
set -euo pipefail
image=$1
here=$(dirname "$(readlink -f "$0")")
install -m 755 "$here/launcher.sh" "$image/bin/warroom"
# the script must start the same command line the native launcher does
"$image/bin/warroom" --help | grep -q -- '--report OUT'
