#!/usr/bin/env bash
# Talk to the assistant in the terminal; the action server runs in the background.
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false
mkdir -p var
.venv/bin/rasa run actions --actions actions --port "${ACTIONS_PORT:-5055}" >var/actions.log 2>&1 &
actions_pid=$!
trap 'kill $actions_pid 2>/dev/null || true' EXIT INT TERM
.venv/bin/rasa shell --model models/knee-triage.tar.gz --endpoints endpoints.yml
