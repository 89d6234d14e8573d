#!/usr/bin/env bash
# Set up everything and run the whole test suite (offscreen Qt, no display needed).
# The one test that needs a real Secret Service runs inside its own D-Bus session
# with a throw-away gnome-keyring; extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh --test
bash scripts/setup-venv.sh test
export QT_QPA_PLATFORM=offscreen
.venv/bin/python -m pytest -m "not secret_service" "$@"
bash scripts/with-secret-service.sh .venv/bin/python -m pytest -m secret_service -q
