"""The red-flag intents, read from `red_flags.yml`: their rule, findings and screening."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

RED_FLAGS_FILE = Path(__file__).with_name("red_flags.yml")
# Set on a parsed message whose red-flag intent was not confident enough to alarm alone.
SCREEN = "screen_red_flag"


@dataclass(frozen=True)
class RedFlagIntent:
    intent: str
    rule: str  # the policy rule id, e.g. "E-CES"
    findings: frozenset[str]  # vocabulary symptom ids that bear it out
    screen: tuple[str, ...]  # history question ids that screen for it
    requires: tuple[frozenset[str], ...] = ()  # two-part rules: one finding of each group

    def half_said(self, said: set[str]) -> bool:
        """A two-part rule of which the words do not name one finding of each required
        group: the missing part is asked before anything is alarmed."""
        return not all(said & group for group in self.requires)


@cache
def red_flag_intents() -> dict[str, RedFlagIntent]:
    raw = yaml.safe_load(RED_FLAGS_FILE.read_text(encoding="utf-8"))
    return {
        intent: RedFlagIntent(intent, row["rule"], frozenset(row["findings"]),
                              tuple(row["screen"]),
                              tuple(frozenset(group) for group in row.get("requires", ())))
        for intent, row in raw.items()
    }
