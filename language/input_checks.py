"""Recognises messages the assistant cannot read, so it can ask again politely.

A pure function, used by the `InputGuard` NLU component (to route such messages to
`nlu_fallback`) and by the action that answers them (to say what went wrong).
"""

from __future__ import annotations

import re
import unicodedata
from enum import Enum

from langdetect import DetectorFactory, LangDetectException, detect_langs
from spacy.lang.en.stop_words import STOP_WORDS

DetectorFactory.seed = 0  # langdetect is random by default; answers must be repeatable

MAX_CHARACTERS = 1200
MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|\[/?[a-z]+\]|```")
WORD = re.compile(r"[^\W\d_]+")


class InputProblem(str, Enum):
    EMPTY = "empty"
    NO_WORDS = "no_words"
    TOO_LONG = "too_long"
    MARKUP = "markup"
    OTHER_LANGUAGE = "other_language"


def _is_latin(char: str) -> bool:
    return "LATIN" in unicodedata.name(char, "")


def _looks_foreign(words: list[str]) -> bool:
    letters = "".join(words)
    if sum(not _is_latin(c) for c in letters) > len(letters) / 2:
        return True
    if len(words) < 4 or sum(w.lower() in STOP_WORDS for w in words) / len(words) >= 0.34:
        return False
    try:
        best = detect_langs(" ".join(words))[0]
    except LangDetectException:
        return False
    return best.lang != "en" and best.prob >= 0.95


def input_problem(text: str | None) -> InputProblem | None:
    """What stops the assistant from reading `text`, or None if it looks readable."""
    stripped = (text or "").strip()
    if not stripped:
        return InputProblem.EMPTY
    if len(stripped) > MAX_CHARACTERS:
        return InputProblem.TOO_LONG
    if MARKUP.search(stripped):
        return InputProblem.MARKUP
    words = WORD.findall(stripped)
    if not words:
        # a bare number ("7", "8/10") is a pain score, not noise
        return None if re.search(r"\d", stripped) else InputProblem.NO_WORDS
    if _looks_foreign(words):
        return InputProblem.OTHER_LANGUAGE
    return None
