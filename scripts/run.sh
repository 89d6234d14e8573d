#!/usr/bin/env bash
# Set up (system packages, virtual environment) and start Frontdesk; arguments go to `frontdesk`.
#   bash scripts/run.sh --demo       a throw-away store with a sample hotel and restaurant
#   bash scripts/run.sh              your own store in the user data folder
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh
bash scripts/setup-venv.sh
exec .venv/bin/frontdesk "$@"
