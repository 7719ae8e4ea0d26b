#!/usr/bin/env bash
# Talk to the assistant in the terminal; the action server runs in the background (its log
# is var/actions.log). RASA_PORT / ACTIONS_PORT move Rasa (5005) and the action server (5055).
# Input can be piped, one message a line: printf 'my knee hurts\n/stop\n' | scripts/shell.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-2}"
export SQLALCHEMY_SILENCE_UBER_WARNING=1
mkdir -p var

# `rasa shell` talks through its own command-line channel and needs no other: without
# --credentials it would read credentials.yml and refuse to start on the first unset
# ${TELEGRAM_TOKEN} / ${SLACK_TOKEN} (`make run` starts from the channels.enabled selection).
printf '%s\n' "# Written by scripts/shell.sh: the shell's command-line channel needs nothing else." \
  'rest:' >var/shell-credentials.yml

endpoints=endpoints.yml
if [ "${ACTIONS_PORT:-5055}" != 5055 ]; then
  sed "s#localhost:5055/#localhost:${ACTIONS_PORT}/#" endpoints.yml >var/shell-endpoints.yml
  endpoints=var/shell-endpoints.yml
fi

# scripts/rasa_cli.py: `rasa` without the dependencies' deprecation warnings, and a shell
# that lists buttons and stops at the end of the input when stdin is not a terminal.
.venv/bin/python scripts/rasa_cli.py run actions --actions actions \
  --port "${ACTIONS_PORT:-5055}" >var/actions.log 2>&1 &
actions_pid=$!
trap 'kill $actions_pid 2>/dev/null || true' EXIT INT TERM
.venv/bin/python scripts/rasa_cli.py shell --model models/knee-triage.tar.gz \
  --endpoints "$endpoints" --credentials var/shell-credentials.yml --port "${RASA_PORT:-5005}"
