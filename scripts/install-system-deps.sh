#!/usr/bin/env bash
# Debian/Ubuntu packages Frontdesk needs, installed only when missing.
#   Qt's offscreen and desktop platforms: libgl1 libegl1 libx11-6 libdbus-1-3 libfontconfig1
#     libfreetype6 libglib2.0-0 libxkbcommon0, fonts (fonts-dejavu-core; fonts-noto-color-emoji
#     so emoji in guests' names show, not empty boxes) and, for a real
#     X11 window, libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
#     libxcb-keysyms1 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1
#   Python: python3 python3-venv (3.11 or newer)
#   Keyring for the store's key: gnome-keyring dbus libsecret-1-0 (the Secret Service)
#   Tests: poppler-utils (pdftotext reads the guest report back), xvfb xauth (screenshots)
# With --test, also what only the tests need and a desk never does (TEST_PACKAGES):
#   postgresql: the server the shared-store tests start on a throw-away cluster of their
#     own (tests/pg_server.py); Debian's default cluster is not created or started.
set -euo pipefail

WITH_TEST=0
for arg in "$@"; do
  case "$arg" in
    --test) WITH_TEST=1 ;;
    *) echo "usage: $0 [--test]" >&2; exit 2 ;;
  esac
done

PACKAGES=(
  python3 python3-venv python3-pip
  libgl1 libegl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0
  fonts-dejavu-core fonts-noto-color-emoji
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1
  gnome-keyring dbus libsecret-1-0
  poppler-utils xvfb xauth
)
TEST_PACKAGES=(postgresql)
if [ "$WITH_TEST" -eq 1 ]; then PACKAGES+=("${TEST_PACKAGES[@]}"); fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing system packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
if [[ " ${missing[*]} " == *" postgresql "* ]]; then
  # The tests start their own server; no system-wide cluster or daemon is wanted.
  $SUDO mkdir -p /etc/postgresql-common/createcluster.d
  echo "create_main_cluster = false" | $SUDO tee /etc/postgresql-common/createcluster.d/frontdesk-tests.conf >/dev/null
fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
