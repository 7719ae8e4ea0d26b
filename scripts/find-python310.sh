#!/usr/bin/env bash
# Prints the path of a Python 3.10 interpreter: PATH first, then pyenv's versions folder.
# Rasa 3.6 supports Python 3.8-3.10 only; this project pins 3.10.
set -u
is_310() { "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; }

for candidate in python3.10 python3 python; do
  path=$(command -v "$candidate" 2>/dev/null) || continue
  if is_310 "$path"; then echo "$path"; exit 0; fi
done
for path in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.10.*/bin/python3.10; do
  if [ -x "$path" ] && is_310 "$path"; then echo "$path"; exit 0; fi
done

cat >&2 <<'MSG'
error: no Python 3.10 interpreter found.
Rasa 3.6 runs on Python 3.8-3.10 only, and this project pins 3.10. Install one, then run make again:
  with pyenv:   pyenv install 3.10.13
  on Debian/Ubuntu: apt-get install python3.10 python3.10-venv
(Looked on PATH for python3.10/python3/python, then in ${PYENV_ROOT:-~/.pyenv}/versions/3.10.*)
MSG
exit 1
