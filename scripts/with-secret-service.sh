#!/usr/bin/env bash
# Run a command inside a private D-Bus session with an unlocked, throw-away gnome-keyring.
set -euo pipefail
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export FRONTDESK_REQUIRE_SECRET_SERVICE=1
exec dbus-run-session -- bash -c '
  printf "throwaway" | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null
  exec "$@"' bash "$@"
