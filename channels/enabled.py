"""Writes the credentials file Rasa is started with: the channels of `credentials.yml` whose
environment variables are all set, so that `make run` works without any Telegram or Slack
secrets and turns each channel on as soon as its variables are exported.

    python -m channels.enabled credentials.yml var/credentials.yml

Rasa refuses to start when a `${VAR}` in the credentials is unset, so a section that needs
an unset variable is left out (a setting named in OPTIONAL_SETTINGS is left out on its own
instead). What is kept is written through unchanged, placeholders included: Rasa expands
`${VAR}` itself when it reads the file (`rasa.shared.utils.io.read_yaml`, plain scalars
only: a quoted "${VAR}" stays literal), so no secret is ever written to disk. An empty
variable counts as unset: Rasa would pass the empty string on and the connector would fail
later, less clearly.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml  # PyYAML does not expand ${VAR}; Rasa's ruamel loader does, once imported

PLACEHOLDER = re.compile(r"\$\{([^}]+)\}")
# Settings a channel works without; their variable may be unset (e.g. SLACK_CHANNEL).
OPTIONAL_SETTINGS = frozenset({"slack_channel", "proxy"})


@dataclass
class Channel:
    key: str  # as in credentials.yml: "rest", "channels.telegram.TelegramInput"
    missing: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        """"channels.telegram.TelegramInput" -> "telegram"; "rest" -> "rest"."""
        parts = self.key.split(".")
        return parts[-2] if len(parts) > 1 else self.key

    @property
    def enabled(self) -> bool:
        return not self.missing


def variables(value: Any) -> list[str]:
    """The `${VAR}` names in `value` and everything below it, in order, without repeats."""
    if isinstance(value, str):
        found = PLACEHOLDER.findall(value)
    elif isinstance(value, Mapping):
        found = [name for item in value.values() for name in variables(item)]
    elif isinstance(value, list):
        found = [name for item in value for name in variables(item)]
    else:
        found = []
    return list(dict.fromkeys(found))


def select(credentials: Mapping[str, Any],
           environ: Mapping[str, str]) -> tuple[dict[str, Any], list[Channel]]:
    """The sections Rasa can start with, and every channel with the variables it misses."""
    def unset(value: Any) -> list[str]:
        return [name for name in variables(value) if not environ.get(name)]

    kept: dict[str, Any] = {}
    channels = []
    for key, settings in credentials.items():
        if isinstance(settings, Mapping):
            settings = {name: value for name, value in settings.items()
                        if not (name in OPTIONAL_SETTINGS and unset(value))}
        channel = Channel(str(key), unset(settings))
        if channel.enabled:
            kept[key] = settings
        channels.append(channel)
    return kept, channels


def describe(channels: list[Channel]) -> str:
    width = max((len(channel.name) for channel in channels), default=0)
    lines = ["Channels:"]
    for channel in channels:
        state = "on " if channel.enabled else "off"
        note = f"  (set {', '.join(channel.missing)} to enable)" if channel.missing else ""
        lines.append(f"  {state}  {channel.name:<{width}}{note}".rstrip())
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="credentials.yml with ${VAR} placeholders")
    parser.add_argument("target", type=Path, help="where to write the enabled sections")
    args = parser.parse_args(argv)

    credentials = yaml.safe_load(args.source.read_text(encoding="utf-8")) or {}
    if not isinstance(credentials, Mapping):
        print(f"{args.source}: expected a mapping of channel sections", file=sys.stderr)
        return 1
    kept, channels = select(credentials, os.environ)
    args.target.parent.mkdir(parents=True, exist_ok=True)
    header = f"# Written by `python -m channels.enabled` from {args.source}: do not edit.\n"
    args.target.write_text(header + yaml.safe_dump(kept, sort_keys=False), encoding="utf-8")
    print(describe(channels))
    return 0


if __name__ == "__main__":
    sys.exit(main())
