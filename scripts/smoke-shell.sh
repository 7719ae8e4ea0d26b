#!/usr/bin/env bash
# `make smoke-shell`: runs scripts/shell.sh (what `make shell` runs) once with a piped
# message and `/stop`, on free ports so that a running `make run` does not get in the way,
# and fails unless it exits by itself within SMOKE_TIMEOUT seconds (300) with a reply from
# the bot and no traceback. Output in results/smoke-shell/.
set -uo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false
message=${SMOKE_MESSAGE:-my knee hurts}
out=results/smoke-shell
mkdir -p "$out"

free_port() {
  .venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
RASA_PORT=$(free_port)
ACTIONS_PORT=$(free_port)
export RASA_PORT ACTIONS_PORT

printf '%s\n/stop\n' "$message" |
  timeout --kill-after=10 "${SMOKE_TIMEOUT:-300}" scripts/shell.sh >"$out/shell.log" 2>&1
status=$?
cp var/actions.log "$out/actions.log" 2>/dev/null || true
# The console's own output without colours, one line per line (the prompt redraws with \r).
sed -e 's/\x1b\[[0-9;?]*[A-Za-z]//g' -e 's/\r/\n/g' "$out/shell.log" >"$out/shell.txt"

fail() {
  echo "smoke-shell: FAILED: $1 (scripts/shell.sh exit status $status)" >&2
  echo "--- $out/shell.txt" >&2; tail -n 40 "$out/shell.txt" >&2
  echo "--- $out/actions.log" >&2; tail -n 20 "$out/actions.log" >&2
  exit 1
}

case $status in
  0) ;;
  124 | 137) fail "it did not exit by itself within ${SMOKE_TIMEOUT:-300} s" ;;
  *) fail "scripts/shell.sh failed" ;;
esac
grep -q "Bot loaded" "$out/shell.txt" || fail "the shell did not start"
if grep -Eq "Traceback|Task exception was never retrieved" "$out/shell.txt" "$out/actions.log"; then
  fail "a traceback was printed"
fi
# What the bot says: the console prints it in blue (Rasa's bcolors.OKBLUE), the prompt,
# logs and warnings in other colours or none.
reply=$(sed -n '/Bot loaded/,$p' "$out/shell.log" | grep -a $'\e\[94m' |
  sed -e 's/\x1b\[[0-9;?]*[A-Za-z]//g' -e 's/\r//g' | grep -v '^[[:space:]]*$' || true)
[ -n "$reply" ] || fail "no reply from the bot to \"$message\""
echo "smoke-shell: \"$message\" -> $(head -n 1 <<<"$reply")"
# Logged errors (e.g. a model older than the domain the actions use) do not fail this
# plumbing check, the dialogue tests catch them, but they are shown.
errors=$(grep -hE '^[0-9-]+ [0-9:]+ ERROR ' "$out/shell.txt" "$out/actions.log" | cut -c21- | sort | uniq -c)
[ -z "$errors" ] || { echo "smoke-shell: note, errors logged (count, message):"; echo "$errors"; }
