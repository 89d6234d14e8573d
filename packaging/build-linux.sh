#!/usr/bin/env bash
# Build the frozen Linux app (PyInstaller --onedir) into dist/frontdesk/ and check it runs.
#   bash packaging/build-linux.sh            build, then run --version and self-test
#   SKIP_CHECK=1 bash packaging/build-linux.sh   build only
# Needs the venv with the "package" extra (pip install -e ".[package]"); ~10-60 s.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
  "$PY" -m pip install -q -e ".[package]"
fi
# Compile the translations first so the bundle ships current .qm files.
LRELEASE=$(ls .venv/bin/pyside6-lrelease 2>/dev/null || true)
if [ -n "$LRELEASE" ]; then
  for ts in resources/i18n/*.ts; do
    [ -e "$ts" ] || continue
    "$LRELEASE" -silent "$ts" -qm "${ts%.ts}.qm"
  done
fi
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --onedir --name frontdesk \
  --distpath dist --workpath build/pyinstaller --specpath build/pyinstaller \
  --paths . \
  --add-data "$PWD/resources:resources" \
  --add-data "$PWD/storage/migrations:storage/migrations" \
  --collect-submodules app --collect-submodules ui --collect-submodules storage \
  --hidden-import alembic.op --hidden-import alembic.context \
  --collect-submodules keyring.backends \
  --exclude-module tkinter --exclude-module pytest --exclude-module hypothesis \
  --exclude-module mypy --exclude-module PySide6.QtQml --exclude-module PySide6.QtQuick \
  --exclude-module PySide6.QtNetwork \
  packaging/frontdesk_entry.py
# Desktop integration files travel with the bundle (install notes: packaging/README.md).
cp packaging/linux/frontdesk.desktop packaging/linux/io.frontdesk.Frontdesk.metainfo.xml \
   resources/icons/frontdesk.svg dist/frontdesk/
# Data the app reads from disk at run time must be in the bundle.
for f in resources/vocabulary/starter.toml resources/wording_rules.toml resources/style/desk.qss \
         resources/icons/frontdesk.svg storage/migrations/env.py \
         storage/migrations/versions/0001_initial_schema.py; do
  test -f "dist/frontdesk/_internal/$f" || { echo "missing in the bundle: $f" >&2; exit 1; }
done
if ls resources/i18n/*.ts >/dev/null 2>&1; then
  test -f dist/frontdesk/_internal/resources/i18n/frontdesk_nl.qm \
    || { echo "missing in the bundle: the compiled Dutch translation" >&2; exit 1; }
fi
echo "Bundle: dist/frontdesk ($(du -sh dist/frontdesk | cut -f1))"
if [ "${SKIP_CHECK:-}" != "1" ]; then
  # The frozen app must work headless and without a keyring (self-test uses a memory key).
  env -i PATH=/usr/bin:/bin HOME="$(mktemp -d)" QT_QPA_PLATFORM=offscreen \
    PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring \
    dist/frontdesk/frontdesk --version
  env -i PATH=/usr/bin:/bin HOME="$(mktemp -d)" QT_QPA_PLATFORM=offscreen \
    PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring \
    dist/frontdesk/frontdesk self-test
fi
