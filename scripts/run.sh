#!/usr/bin/env bash
# Serves the assistant on the embedded default set-up: the action server on 5055 and
# Rasa on 5005 (web chat page, REST webhook, socket.io, HTTP API protected by RASA_TOKEN,
# and Telegram / Slack when their variables are set), with the SQLite tracker store from
# endpoints.yml. Stops both on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-2}"
export SQLALCHEMY_SILENCE_UBER_WARNING=1
mkdir -p var
# scripts/rasa_cli.py is `rasa` without the dependencies' deprecation warnings.
rasa=(.venv/bin/python scripts/rasa_cli.py)

if [ -z "${RASA_TOKEN:-}" ]; then
  RASA_TOKEN=$(.venv/bin/python -c 'import secrets; print(secrets.token_hex(32))')
  echo "RASA_TOKEN was not set; generated one for this run:"
  echo "  export RASA_TOKEN=$RASA_TOKEN"
fi
export RASA_TOKEN

# Telegram and Slack are enabled only when their variables are set (channels/enabled.py);
# the secrets stay in the environment, Rasa expands them when it reads the file.
.venv/bin/python -m channels.enabled credentials.yml var/credentials.yml

# --quiet: warnings and errors only, not a line per registered action.
"${rasa[@]}" run actions --actions actions --port "${ACTIONS_PORT:-5055}" --quiet &
actions_pid=$!
trap 'kill $actions_pid 2>/dev/null || true' EXIT INT TERM

cat <<MSG

Knee-pain triage assistant
  web chat     : http://localhost:${RASA_PORT:-5005}/webhooks/webchat/
  REST webhook : http://localhost:${RASA_PORT:-5005}/webhooks/rest/webhook
  socket.io    : http://localhost:${RASA_PORT:-5005}/socket.io
  HTTP API     : http://localhost:${RASA_PORT:-5005}/  (token: \$RASA_TOKEN)
  actions      : http://localhost:${ACTIONS_PORT:-5055}/webhook
Try: curl -s -XPOST localhost:${RASA_PORT:-5005}/webhooks/rest/webhook \\
       -d '{"sender":"me","message":"hi, my knee hurts down to my foot"}'

MSG

"${rasa[@]}" run --model models/knee-triage.tar.gz --endpoints endpoints.yml \
  --credentials var/credentials.yml --enable-api --auth-token "$RASA_TOKEN" \
  --cors "*" --port "${RASA_PORT:-5005}"
