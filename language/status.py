"""A finding's assertion status and the scopes of a message, as the NLU hands them on.

language/assertion.py decides them with medspaCy's ConText inside the NLU pipeline; this
module is what the action server reads, with no NLP library to load.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any

# What the NLU's FindingStatus adds to a parsed message, read by the action server.
ASSERTION = "assertion"  # on each entity: a Status value
CONTEXT = "context"  # the message's scopes: [{"start", "end", "status"}]


class Status(str, Enum):
    PRESENT = "present"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"
    HISTORICAL = "historical"
    OTHER_PERSON = "other_person"
    NOT_A_SYMPTOM = "not_a_symptom"


# ConText category -> status; the first that applies to a finding wins. Doubt comes first:
# "not sure if my foot is colder" is said (policy section 1: when in doubt, go up).
CATEGORIES: dict[str, Status] = {
    "POSSIBLE_EXISTENCE": Status.PRESENT,
    "FAMILY": Status.OTHER_PERSON,
    "NEGATED_EXISTENCE": Status.NEGATED,
    "HYPOTHETICAL": Status.HYPOTHETICAL,
    "HISTORICAL": Status.HISTORICAL,
    "NOT_A_SYMPTOM": Status.NOT_A_SYMPTOM,
}


@dataclass(frozen=True)
class Scope:
    """Characters of a message that a modifier covers, and what it makes of them."""

    start: int
    end: int
    status: Status

    def covers(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


def status_at(scopes: Iterable[Scope | dict[str, Any]], start: int, end: int) -> Status:
    """The status of the text at [start, end) under `scopes` (also their JSON form)."""
    covering = [
        s if isinstance(s, Scope) else Scope(s["start"], s["end"], Status(s["status"]))
        for s in scopes
    ]
    statuses = {s.status for s in covering if s.covers(start, end)}
    for status in CATEGORIES.values():
        if status in statuses:
            return status
    return Status.PRESENT


NOT_THE_PERSONS_NOW = frozenset({Status.HYPOTHETICAL, Status.HISTORICAL, Status.OTHER_PERSON})


def present_only(text: str, scopes: Iterable[Scope | dict[str, Any]],
                 blank: frozenset[Status] = frozenset(Status) - {Status.PRESENT}) -> str:
    """`text` with what is negated, hypothetical, past or someone else's blanked out (the
    `blank` statuses), so that "a clot twelve years ago" says nothing about how long this
    pain has lasted."""
    spans = []
    for s in scopes:
        scope = s if isinstance(s, Scope) else Scope(s["start"], s["end"], Status(s["status"]))
        if scope.status in blank:
            spans.append((scope.start, scope.end))
    return blanked(text, spans)


SENTENCE_MARKS = frozenset(".?!;\n")


def blanked(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """`text` with the characters of each (start, end) span replaced by spaces, so that
    every other position stays where it was; sentence marks stay ("how would I check
    that? not sure" still ends its question)."""
    kept = list(text)
    for start, end in spans:
        kept[start:end] = [c if c in SENTENCE_MARKS else " " for c in kept[start:end]]
    return "".join(kept)
