"""The one clause splitter: where a message's clauses start and end.

A clause ends at a full stop, question or exclamation mark, semicolon or line break, and
before "but", "however", "though", "although" and "except": "my foot is numb but my thighs
are fine" is two clauses. Commas and "and" do not end one: "numb round my backside and the
tops of my inner thighs" says one thing of two places.
"""

from __future__ import annotations

import re

BREAK = re.compile(r"[.;!?\n]+|\b(?:but|however|though|although|except)\b", re.IGNORECASE)


def clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of the clauses of `text`, in order, none empty."""
    spans, start = [], 0
    for match in BREAK.finditer(text):
        if text[start:match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans
