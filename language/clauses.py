"""The one clause splitter: where a message's sentences, clauses and parts start and end.

A clause ends at a full stop, question or exclamation mark, semicolon or line break, and
before "but", "however", "though", "although" and "except": "my foot is numb but my thighs
are fine" is two clauses. Commas and "and" do not end one: "numb round my backside and the
tops of my inner thighs" says one thing of two places.

An answer is also read in parts: commas, colons, brackets and dashes set off "no" from what
follows it ("nah, looks normal, just swollen").
"""

from __future__ import annotations

import re

SENTENCE = re.compile(r"[^.!?\n]+[.!?\n]*")
BREAK = re.compile(r"[.;!?\n]+|\b(?:but|however|though|although|except)\b", re.IGNORECASE)
PART_BREAK = re.compile(r"[.;!?\n,:()]+|\s-+\s|\b(?:but|however|though|although|except)\b",
                        re.IGNORECASE)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, its closing marks included ("hot?")."""
    return [match.span() for match in SENTENCE.finditer(text) if match[0].strip()]


def clauses(text: str, parts: bool = False) -> list[tuple[int, int]]:
    """(start, end) character spans of the clauses of `text`, in order, none empty; with
    `parts`, split at commas, colons, brackets and dashes too."""
    spans, start = [], 0
    for match in (PART_BREAK if parts else BREAK).finditer(text):
        if text[start:match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans
