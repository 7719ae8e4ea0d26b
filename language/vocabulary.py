"""The project vocabulary (`vocabulary.yml`): canonical ids and their lay phrases, per entity.

Used twice: to build the spaCy entity_ruler, and to map entity values that the trainable
extractor (DIET) found as raw text onto the same canonical ids.
"""

from __future__ import annotations

import re
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import yaml

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.yml")

# `~` in a vocabulary phrase stands for an optional determiner or possessive, then an
# optional side: "behind ~ knee" also matches "behind my left knee".
OPTIONAL_WORD = "~"
DETERMINERS = ("my", "the", "your", "his", "her", "their", "a", "an", "me", "mah", "ma", "this")


def _one_word_sides(path: Path = VOCABULARY_FILE) -> tuple[str, ...]:
    """"left", "right" and their one-word spellings in vocabulary.yml ("lft", "rite")."""
    sides = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("side", {})
    return tuple(word for side in ("left", "right")
                 for word in (side, *sides.get(side, ())) if " " not in word)


# Optional before a place in a vocabulary phrase: "behind ~ knee" matches "behind my left knee".
SIDES = _one_word_sides()


def _normal(text: str, entity: str = "") -> str:
    """Lower case, punctuation and optional words removed, for comparing wordings."""
    optional = {OPTIONAL_WORD, *DETERMINERS, *(SIDES if entity != "side" else ())}
    words = re.sub(r"[^\w'~]+", " ", text.lower().replace("\u2019", "'")).split()
    return " ".join(w for w in words if w not in optional)


ALTERNATIVES = re.compile(r"\(([^()]*)\)")


def spelt_out(phrase: str) -> list[str]:
    """Every spelling of a phrase with "(a|b|)" groups (an empty choice drops the group)."""
    group = ALTERNATIVES.search(phrase)
    if group is None:
        return [" ".join(phrase.split())]
    head, tail = phrase[:group.start()], phrase[group.end():]
    return [spelt for choice in group.group(1).split("|")
            for spelt in spelt_out(f"{head}{choice}{tail}")]


class Vocabulary:
    """Entity name -> canonical id -> lay phrases (the id itself counts as a phrase)."""

    def __init__(self, entries: dict[str, dict[str, tuple[str, ...]]]) -> None:
        self.entries = entries
        self._index: dict[tuple[str, str], str] = {}
        for entity, ids in entries.items():
            for canonical in ids:
                for phrase in self.phrases(entity, canonical):
                    self._index.setdefault((entity, _normal(phrase, entity)), canonical)

    @classmethod
    def load(cls, path: Path = VOCABULARY_FILE) -> Vocabulary:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return cls(
            {
                str(entity): {
                    str(cid): tuple(str(p) for p in (phrases or ())) for cid, phrases in ids.items()
                }
                for entity, ids in raw.items()
            }
        )

    @cached_property
    def place_words(self) -> frozenset[str]:
        """Every word of every body-location phrase ("knee", "calf", "shin", "legs")."""
        words = {
            w for canonical in self.entries.get("body_location", {})
            for p in self.phrases("body_location", canonical)
            for w in _normal(p).split() if len(w) > 2
        }
        return frozenset(words | {w + "s" for w in words})

    def phrases(self, entity: str, canonical: str) -> tuple[str, ...]:
        """The id and its phrases, each "(a|b)" group spelt out: "(can't|cannot) (pee|wee)"
        is four phrases."""
        spelt = (p for phrase in self.entries[entity][canonical] for p in spelt_out(phrase))
        return tuple(dict.fromkeys((canonical.replace("_", " "), *spelt)))

    def canonical(self, entity: str, text: str) -> str | None:
        """The canonical id that `text` names for `entity`, or None if it is not in the
        vocabulary (determiners such as "my" and "the" are ignored)."""
        if text in self.entries.get(entity, {}):
            return text
        return self._index.get((entity, _normal(text, entity)))

    def mentioned(self, entity: str, text: str) -> list[str]:
        """Canonical ids of `entity` whose phrases occur as whole words in `text`."""
        words = f" {_normal(text, entity)} "
        return [
            canonical
            for canonical in self.entries.get(entity, {})
            if any(f" {_normal(p, entity)} " in words for p in self.phrases(entity, canonical))
        ]


# Words that carry pain from one place to the next: "shoots down into my calf", "sore down
# the front of my shin", "up into my thigh". A place said just after one is where the pain
# goes, not where it is.
SPREAD_CUE = re.compile(
    r"spread|radiat|shoot|travel|goes? (all the way )?down|runs? down|down (in)?to|"
    r"\binto (my|the|me)\b|\btowards? (my|the)\b|\bas far as\b|"
    r"all the way|to my (ankle|foot|toes|calf|shin)|"
    r"\bdown (the|my|through|along|past)\b|\bup (into|to|through|along|my|the)\b",
    re.IGNORECASE,
)

# Words after "right" or "left" that make it not a side: "right now", "right angle".
NOT_A_SIDE = frozenset({"now", "away", "angle", "then", "there", "here", "enough", "after",
                        "before", "ok", "okay", "so", "sorry", "thing", "idea", "time",
                        "as", "to", "turn", "click"})
SIDE_REACH = 16  # characters between a side and the place it is said of
SIDE_NOUNS = frozenset({"side", "sides", "one", "ones", "hand", "sided", "of"})
# "both" said of places named before it: "my legs ... both are weak", "both went numb".
BOTH_SAID_OF = frozenset({"are", "were", "feel", "felt", "have", "went", "go", "seem", "got",
                          "getting", "gone", "is", "r", "keep", "kept"})


def side_is_said(text: str, start: int | None, end: int | None,
                 places: tuple[tuple[int, int], ...] = ()) -> bool:
    """Whether "right", "left" or "both" at text[start:end] names a side of the body: a
    place is named next to it ("my right knee", "both my legz", "my feet, both of them",
    "left side"), or it is a short answer or ends the clause after "the" or "my" ("on the
    right"). "right now", "right angle" are not sides. `places`: the (start, end) of the
    places the NLU found in the message."""
    if start is None or end is None:
        return True
    said = text[start:end].lower()
    if any(word in vocabulary().place_words for word in re.findall(r"[\w']+", said)):
        return True  # the side phrase names its place: "either leg"
    after = re.findall(r"[\w']+|[,.;:!?]", text[end:].lower())[:3]
    before = re.findall(r"[\w']+", text[:start].lower())[-1:]
    if after and after[0] in NOT_A_SIDE:
        return False
    if said.startswith("both") and after and after[0] in BOTH_SAID_OF and places:
        return True  # "my legs ... both are weak"
    if re.search(r"\b(them|em)$", said) and any(p_end <= start for _, p_end in places):
        return True  # "my legs feel weak, the pair of them"
    if any(end <= p_start <= end + SIDE_REACH or start - SIDE_REACH <= p_end <= start
           for p_start, p_end in places):
        return True
    words = vocabulary().place_words | SIDE_NOUNS
    if any(word in words for word in after) or len(text.split()) <= 4:
        return True
    ends_clause = not after or not after[0].isalnum()
    return ends_clause and (not before or before[0] in ("the", "my", "on", "its", "it's"))


@cache
def vocabulary() -> Vocabulary:
    return Vocabulary.load()


def places_inside_phrases(doc: Any, vocabulary: Vocabulary) -> list[dict[str, Any]]:
    """The places named by a word of a longer symptom phrase, as entities: "my foot has gone
    white" is one pale-skin phrase, and its foot is still where the finding is. (The
    vocabulary's spans cannot overlap, so the phrase alone would lose the place.)"""
    found = []
    for phrase in doc.ents:
        if phrase.label_ != "symptom":
            continue
        for token in phrase:
            place = vocabulary.canonical("body_location", token.norm_)
            if place:
                found.append({"entity": "body_location", "value": place,
                              "start": token.idx, "end": token.idx + len(token.text)})
    return found
