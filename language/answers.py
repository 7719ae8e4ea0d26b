"""Read the free-text answers people type to the history questions.

Pure Python, no Rasa. Every reader lower-cases the text, drops apostrophes (straight or
curly) and squeezes repeated letters ("yesss" -> "yes", "noo" -> "no") before matching, and
the word lists below go through the same `normalize`, so they are written in plain English.

A yes/no answer is read against the question's meaning (`questions.yml`): its polarity
words ("yes", "nah", "I don't think so") and its content ("my knee is really hot" to "Is
your knee hot or red?", "I can barely hobble" to "Can you take 4 steps?"). A yes/no word
counts only where it answers: leading its clause ("no, but my foot is numb"), ending it
("4 steps yes"), or as a short echo ("I do", "it is"); not inside a question or a sentence
about something else ("can I have a summary", "I do yoga").
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Generic, TypeVar

import yaml

from language import clauses
from language.vocabulary import spelt_out, vocabulary

T = TypeVar("T")

OUT_OF_RANGE = "out_of_range"
QUESTIONS_FILE = Path(__file__).with_name("questions.yml")


class Reply(str, Enum):
    YES = "yes"
    NO = "no"
    UNSURE = "unsure"
    PARTIAL = "partial"


@dataclass(frozen=True)
class Reading:
    """A number read from an answer; `problem` says why a value found was rejected."""

    value: int | None  # None when nothing usable was found
    problem: str | None = None  # e.g. "out_of_range" when the value is impossible


# ---------------------------------------------------------------------------------------
# Text helpers

_PUNCTUATION = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
    "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2212": "-",
})


def normalize(text: str | None) -> str:
    """Lower case, no apostrophes, single spaces, repeated letters squeezed."""
    text = str(text or "").lower().translate(_PUNCTUATION).replace("'", "")
    text = re.sub(r"([a-z])\1+", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def _phrase(fragment: str, literal: bool = False) -> re.Pattern[str]:
    """A whole-word pattern; a space in the phrase matches spaces or hyphens. The word lists
    in this module may use regular expressions; phrases from data files are `literal`."""
    body = normalize(fragment)
    if literal:
        body = re.escape(body).replace(r"\ ", " ")
    body = body.replace(" ", r"[\s-]+")
    return re.compile(rf"(?<![a-z0-9])(?:{body})(?![a-z0-9])")


class _Phrases(Generic[T]):
    """Phrases with a value each, matched leftmost-longest without overlaps."""

    def __init__(self, entries: Mapping[str, T], literal: bool = False) -> None:
        self.patterns = [(_phrase(text, literal), value) for text, value in entries.items()]

    def all(self, text: str) -> list[tuple[int, int, T]]:
        """Every match, overlapping or not, sorted leftmost-longest first."""
        found = [(m.start(), m.end(), v) for p, v in self.patterns for m in p.finditer(text)]
        return sorted(found, key=lambda hit: (hit[0], -hit[1]))

    def scan(self, text: str) -> list[T]:
        """Values of the non-overlapping leftmost-longest matches, in text order."""
        values: list[T] = []
        end = 0
        for start, stop, value in self.all(text):
            if start >= end:
                values.append(value)
                end = stop
        return values

    def longest(self, text: str) -> list[tuple[int, int, T]]:
        """Non-overlapping matches, the longest chosen first, in text order."""
        chosen: list[tuple[int, int, T]] = []
        for hit in sorted(self.all(text), key=lambda h: (h[0] - h[1], h[0])):
            if all(hit[1] <= start or hit[0] >= stop for start, stop, _ in chosen):
                chosen.append(hit)
        return sorted(chosen, key=lambda h: h[0])


def _table(groups: Mapping[T, Iterable[str]]) -> dict[str, T]:
    return {phrase: value for value, phrases in groups.items() for phrase in phrases}


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted({normalize(w) for w in words}, key=len, reverse=True))


def _words(*phrases: str) -> re.Pattern[str]:
    """Any of the phrases as whole words."""
    return re.compile(rf"(?<![a-z0-9])(?:{_alternation(phrases)})(?![a-z0-9])")


# ---------------------------------------------------------------------------------------
# Numbers

_UNITS = {"zero": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
          "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
          "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
         "seventy": 70, "eighty": 80, "ninety": 90}
NUMBER_WORDS = {normalize(w): n for w, n in {**_UNITS, **_TEENS, **_TENS}.items()}
_COMPOUND_NUMBER = re.compile(
    rf"(?<![a-z])({_alternation(_TENS)})[\s-]+({_alternation(w for w in _UNITS if w != 'zero')})"
    r"(?![a-z])"
)
_SINGLE_NUMBER = re.compile(rf"(?<![a-z])({_alternation(NUMBER_WORDS)})(?![a-z])")
_HUNDRED = re.compile(r"(?<![a-z])(?:a |one )?hundred(?![a-z])")
_NEGATIVE = re.compile(r"(?<![a-z0-9.])-\s*\d|(?<![a-z])minus \d")
_NUMBER = r"\d+(?:\.\d+)?"


def _words_to_digits(text: str) -> str:
    """'forty-five' -> '45', 'six' -> '6' (text already normalized)."""
    text = _HUNDRED.sub("100", text)
    text = _COMPOUND_NUMBER.sub(
        lambda m: str(NUMBER_WORDS[m[1]] + NUMBER_WORDS[m[2]]), text
    )
    return _SINGLE_NUMBER.sub(lambda m: str(NUMBER_WORDS[m[1]]), text)


def _round_up(value: float) -> int:
    return math.ceil(round(value, 6))


# ---------------------------------------------------------------------------------------
# Pain score

PAIN_WORDS: Mapping[int, tuple[str, ...]] = {
    0: ("no pain", "none", "nothing", "pain free", "not painful", "doesn't hurt"),
    3: ("mild", "mildly", "slight", "slightly", "minor", "a little", "a bit", "niggle",
        "niggly", "niggling", "not too bad", "not bad", "not that bad", "not so bad",
        "not very bad", "not very painful", "tolerable"),
    6: ("moderate", "medium", "so so", "middling", "average", "painful", "quite painful"),
    8: ("bad", "really bad", "very bad", "pretty bad", "severe", "terrible", "awful",
        "horrible", "dreadful", "agony", "agonising", "agonizing", "very painful",
        "really painful", "extremely painful", "intense", "killing me"),
    10: ("unbearable", "excruciating", "intolerable", "worst", "the worst", "worst ever",
         "worst pain", "worst i've had", "worst possible"),
}
_PAIN_PHRASES = _Phrases(_table(PAIN_WORDS))
_RANGE_DASH = re.compile(r"(\d)\s*-\s*(?=\d)")
_SCALE = re.compile(rf"({_NUMBER})\s*(?:/|out of|outa|of)\s*(10|100)(?!\d|\.\d)")
_PERCENT = re.compile(rf"({_NUMBER})\s*%")
NOT_SCORE_UNITS = ("day", "days", "week", "weeks", "wk", "wks", "month", "months", "year",
                   "years", "yr", "yrs", "hour", "hours", "hr", "hrs", "min", "mins",
                   "minutes", "am", "pm", "times", "x", "yo")
_NOT_A_SCORE = re.compile(  # numbers that count something else: "for 3 days", "at 5pm"
    rf"{_NUMBER} ?(?:{_alternation(NOT_SCORE_UNITS)})(?![a-z])"
)


def _score_text(text: str) -> str:
    cleaned = _words_to_digits(normalize(text))
    cleaned = re.sub(r"(\d),(\d)", r"\1.\2", cleaned)
    return _RANGE_DASH.sub(r"\1 to ", cleaned)


def pain_score(text: str) -> Reading:
    """A 0-10 pain score. Ranges give the higher end, decimals round up, words map to bands.

    Off the scale with a scale ("12/10") is 10; a bare number over 10 or a negative number is
    out of range.
    """
    cleaned = _score_text(text)
    if _NEGATIVE.search(cleaned):
        return Reading(None, OUT_OF_RANGE)
    cleaned = _NOT_A_SCORE.sub(" ", cleaned)
    scores = [min(10.0, float(m[1]) * 10 / int(m[2])) for m in _SCALE.finditer(cleaned)]
    cleaned = _SCALE.sub(" ", cleaned)
    scores += [min(10.0, float(m[1]) / 10) for m in _PERCENT.finditer(cleaned)]
    cleaned = _PERCENT.sub(" ", cleaned)
    bare = [float(n) for n in re.findall(_NUMBER, cleaned)]
    if any(n > 10 for n in bare):
        return Reading(None, OUT_OF_RANGE)
    scores += bare
    if scores:
        return Reading(_round_up(max(scores)))
    words = _PAIN_PHRASES.scan(cleaned)
    return Reading(max(words)) if words else Reading(None)


# ---------------------------------------------------------------------------------------
# Age

MAX_AGE = 120
_DECADES = {"teens": 10, "twenties": 20, "thirties": 30, "forties": 40, "fourties": 40,
            "fifties": 50, "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90}
_DECADE_POSITION = {"early": 2, "mid": 5, "middle": 5, "late": 8}
_DECADE_VALUES = {normalize(k): v for k, v in {**_DECADES, **_DECADE_POSITION}.items()}
_DECADE = re.compile(
    rf"(?<![a-z])(?:({_alternation(_DECADE_POSITION)})[\s-]*)?"
    rf"(?:({_alternation(_DECADES)})|(?<!\d)([1-9])0 ?s)(?![a-z])"
)
_COMPARISONS = {"over": 1, "above": 1, "more than": 1, "older than": 1, "past": 1,
                "under": -1, "below": -1, "less than": -1, "younger than": -1, "nearly": -1,
                "almost": -1, "about": 0, "around": 0, "roughly": 0, "approximately": 0}
_COMPARISON_VALUES = {normalize(k): v for k, v in _COMPARISONS.items()}
_COMPARED = re.compile(
    rf"(?<![a-z])({_alternation(_COMPARISONS)}) ?(\d+)(?![\d.])|(\d+) ?(\+|plus)"
)
_YEARS_OLD = re.compile(rf"({_NUMBER}) ?(?:(?:years?|yrs?|y) ?old|y ?/? ?o)(?![a-z])")
_MONTHS_OLD = re.compile(rf"({_NUMBER}) ?(?:months?|mths?|mos?) ?old")
_BORN = re.compile(r"born (?:in )?((?:19|20)\d\d)(?!\d)")


def _comparison_age(match: re.Match[str]) -> int:
    if match[3]:
        return int(match[3]) + 1  # "60+"
    return int(match[2]) + _COMPARISON_VALUES[match[1]]


def _decade_age(match: re.Match[str]) -> int:
    base = _DECADE_VALUES[match[2]] if match[2] else int(match[3]) * 10
    return base + (_DECADE_VALUES[match[1]] if match[1] else 5)


# An age said in passing, not in answer to "How old are you?": "I'm 34", "aged 70", "a 34
# year old". Numbers that are scores or durations ("I'm 8/10", "im 5 days in") are not.
_AGE_SAID = re.compile(
    r"(?<![a-z])(?:i'?m|i am|aged?)\s+(\d{1,3})(?![\d.])"
    r"(?!\s*(?:/|%|out|of|on|days?|weeks?|months?|wks?|hours?|hrs?|mins?|minutes?|x\b))"
)


def stated_age(text: str) -> int | None:
    """The age a free-text message states ("I'm 34", "34 years old"), or None."""
    cleaned = normalize(text)
    if match := _YEARS_OLD.search(cleaned):
        value = float(match[1])
        return int(value) if 0 < value <= MAX_AGE else None
    match = _AGE_SAID.search(cleaned)
    value = float(match[1]) if match else 0
    # "I'm 8" is a pain score as often as an age: up to 10 it is not taken as one
    return int(value) if 10 < value <= MAX_AGE else None


def age(text: str) -> Reading:
    """Age in whole years; a decade ("in my fifties") is its middle, "over 60" is 61."""
    cleaned = _words_to_digits(normalize(text))
    if _NEGATIVE.search(cleaned):
        return Reading(None, OUT_OF_RANGE)
    value: float | None = None
    if match := _YEARS_OLD.search(cleaned):
        value = float(match[1])
    elif match := _MONTHS_OLD.search(cleaned):
        value = float(match[1]) // 12
    else:
        rest = cleaned
        for pattern in (_BORN, _COMPARED, _DECADE):
            rest = pattern.sub(" ", rest)
        if plain := re.search(_NUMBER, rest):
            value = float(plain[0])
        elif match := _BORN.search(cleaned):
            value = date.today().year - int(match[1])
        elif match := _COMPARED.search(cleaned):
            value = _comparison_age(match)
        elif match := _DECADE.search(cleaned):
            value = _decade_age(match)
    if value is None:
        return Reading(None)
    if not 0 <= value <= MAX_AGE:
        return Reading(None, OUT_OF_RANGE)
    return Reading(int(value))


# ---------------------------------------------------------------------------------------
# Duration

DURATION_UNITS: Mapping[float, tuple[str, ...]] = {
    1 / 1440: ("minute", "minutes", "min", "mins"),
    1 / 24: ("hour", "hours", "hr", "hrs", "h"),
    1: ("day", "days", "d", "dy", "dys", "dyas", "dasy", "dya", "night", "nights", "nite",
        "nites"),
    7: ("week", "weeks", "wk", "wks", "w", "weks", "wekes", "weeke"),
    14: ("fortnight", "fortnights", "fortnite", "fortnites", "fortnigth", "fortnght"),
    30: ("month", "months", "mo", "mos", "mth", "mths", "mnth", "mnths", "monts", "mounths",
         "montsh", "moths"),
    365: ("year", "years", "yr", "yrs", "y", "yeras", "yeards", "yesrs"),
}
_UNIT_DAYS = {normalize(word): days for days, words in DURATION_UNITS.items() for word in words}
_UNIT = _alternation(_UNIT_DAYS)
AMOUNT_WORDS = {"a couple of": "2", "a couple": "2", "couple of": "2", "couple": "2",
                "a few": "3", "few": "3", "several": "4", "a handful of": "4",
                "half a": "0.5", "half an": "0.5"}
_AMOUNT_WORD = re.compile(rf"(?<![a-z])({_alternation(AMOUNT_WORDS)})(?![a-z])")
_AMOUNT_VALUES = {normalize(k): v for k, v in AMOUNT_WORDS.items()}
_AND_A_HALF = re.compile(r"(?<![\d.])(\d+) and a half")
_ARTICLE = re.compile(rf"(?<![a-z])an? (?=(?:{_UNIT})(?![a-z]))")
_AMOUNT = re.compile(
    rf"(?<![\d.])({_NUMBER})(?: ?(?:-|to|or) ?({_NUMBER}))? ?({_UNIT})(?![a-z])"
    rf"( and a half)?(?: ?(?:or|to|-) ?({_NUMBER})(?![\d.])(?! ?(?:{_UNIT})(?![a-z])))?"
)
_CHAIN_GAP = re.compile(r" ?(?:,|and|&|\+)? ?")
# "well over a month" is more than a month: a quarter more.
WELL_OVER = ("well over", "way over", "well past", "well more than", "much more than",
             "a lot more than", "a good bit more than", "far more than", "much longer than",
             "a lot longer than", "way longer than", "well beyond")
_WELL_OVER_FACTOR = 1.25
_WELL_OVER = re.compile(rf"(?:{_alternation(WELL_OVER)}) $")
# "twice a week", "every day": how often, not how long.
_FREQUENCY = re.compile(
    rf"(?<![a-z])(?:once|twice|\d+ ?(?:times|x)|every|each|per)(?: a| an| per| every)? "
    rf"(?:other )?(?:{_UNIT})(?![a-z])"
)

RELATIVE_DAYS = {
    "today": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "tonight": 0,
    "earlier today": 0, "earlier on today": 0, "just now": 0,
    "a moment ago": 0, "yesterday": 1, "last night": 1, "overnight last night": 1,
    "day before yesterday": 2, "the other day": 3, "the other week": 14, "last week": 7,
    "past week": 7, "last month": 30, "past month": 30, "last year": 365, "past year": 365,
}
VAGUE_DURATIONS = {
    "ages": 90, "for ages": 90, "yonks": 90, "a long time": 90, "long time": 90,
    "a long while": 90, "forever": 90, "for ever": 90, "years": 730, "many years": 730,
    "donkeys": 730, "donkeys years": 730, "months": 60, "many months": 60, "weeks": 14,
    "days": 3, "hours": 0, "minutes": 0,
}
_RELATIVE = _Phrases(RELATIVE_DAYS)
_VAGUE = _Phrases(VAGUE_DURATIONS)

WEEKDAYS = {"monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2,
            "wed": 2, "weds": 2, "thursday": 3, "thu": 3, "thur": 3, "thurs": 3,
            "friday": 4, "fri": 4, "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
            "weekend": 6}  # "since the weekend": since its last day
_WEEKDAY_VALUES = {normalize(k): v for k, v in WEEKDAYS.items()}
_WEEKDAY = re.compile(
    rf"(?:(since|on|from|last|past) (?:the )?)?(?<![a-z])({_alternation(WEEKDAYS)})s?(?![a-z])"
)
_MONTH_NAMES = {"january": 1, "jan": 1, "february": 2, "febuary": 2, "feb": 2, "march": 3,
          "mar": 3, "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
          "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
          "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12}
MONTHS = {normalize(k): v for k, v in _MONTH_NAMES.items()}
_MONTH = _alternation(MONTHS)
_YEAR = r"(?:,? ?((?:19|20)\d\d)(?!\d))?"
_DAY_MONTH = re.compile(
    rf"(?<![\d.])(\d{{1,2}})(?:st|nd|rd|th)? ?(?:of )?({_MONTH})(?![a-z]){_YEAR}"
)
_MONTH_DAY = re.compile(
    rf"(?<![a-z])({_MONTH}) (?:the )?(\d{{1,2}})(?:st|nd|rd|th)?(?![\d.]){_YEAR}"
)
MONTH_PARTS = {"early": 1, "start": 1, "beginning": 1, "mid": 15, "middle": 15, "late": 25,
               "end": 25}
_MONTH_PART_DAYS = {normalize(k): v for k, v in MONTH_PARTS.items()}
_MONTH_ONLY = re.compile(
    rf"(?:(since|in|on|from|of) )?(?:(?:the )?({_alternation(MONTH_PARTS)})(?: of)?[ -])?"
    rf"(?<![a-z])({_MONTH})(?![a-z]){_YEAR}"
)
_YEAR_ONLY = re.compile(r"(?:since|in|from) ((?:19|20)\d\d)(?!\d)")
HOLIDAYS = {"christmas": (12, 25), "xmas": (12, 25), "boxing day": (12, 26),
            "new year": (1, 1), "new years": (1, 1), "new years day": (1, 1)}
_HOLIDAY = _Phrases(HOLIDAYS)


class _NormalizedPattern:
    """A pattern written for normalized text, searched on text as typed."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern

    def search(self, text: str | None) -> re.Match[str] | None:
        return self.pattern.search(normalize(text))


# Words that say when or for how long: the duration readers below need one of them.
TIME_WORDS = _NormalizedPattern(re.compile(
    rf"\d ?(?:{_UNIT})(?![a-z])|(?<![a-z0-9])(?:"
    + _alternation([
        *(w for w in _UNIT_DAYS if len(w) > 2), *RELATIVE_DAYS, *VAGUE_DURATIONS,
        *(w for w in WEEKDAYS if len(w) > 4), *(m for m in _MONTH_NAMES if len(m) > 3),
        *HOLIDAYS, "since", "ago", "morning", "afternoon", "evening",
    ])
    + r")(?![a-z])"
))


def _days_since(today: date, month: int, day: int, year: str | None) -> int | None:
    """Days since a calendar date; without a year, the most recent one not in the future."""
    if not 1 <= day <= 31:
        return None
    when_year = int(year) if year else today.year
    if not year and (month, day) > (today.month, today.day):
        when_year -= 1
    when = date(when_year, month, min(day, calendar.monthrange(when_year, month)[1]))
    return (today - when).days if when <= today else None


def _amount_days(text: str) -> int | None:
    """'3 weeks' -> 21; ranges give the higher end; '1 year and 2 months' adds up."""
    best: float | None = None
    total, last_unit, last_end = 0.0, 0.0, -1
    for match in _AMOUNT.finditer(text):
        amounts = [float(n) for n in (match[1], match[2], match[5]) if n]
        unit = _UNIT_DAYS[match[3]]
        days = (max(amounts) + (0.5 if match[4] else 0)) * unit
        if _WELL_OVER.search(text[:match.start()]):
            days *= _WELL_OVER_FACTOR
        joined = last_end >= 0 and unit < last_unit
        if joined and _CHAIN_GAP.fullmatch(text[last_end:match.start()]):
            total += days
        else:
            total = days
        best = total if best is None else max(best, total)
        last_unit, last_end = unit, match.end()
    if best is None:
        return None
    return 0 if best < 1 else _round_up(best)


def _weekday_days(text: str, today: date) -> int | None:
    for match in _WEEKDAY.finditer(text):
        word = match[2]
        if len(word) <= 4 and not match[1]:
            continue  # "sat", "sun", "wed" are words too: need "since sat", "on wed"
        return (today.weekday() - _WEEKDAY_VALUES[word]) % 7 or 7
    return None


def _date_days(text: str, today: date) -> int | None:
    for pattern, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        if match := pattern.search(text):
            return _days_since(today, MONTHS[match[month_group]], int(match[day_group]),
                               match[3])
    for match in _MONTH_ONLY.finditer(text):
        if match[3] == "may" and not (match[1] or match[2] or match[4] or text == "may"):
            continue  # "it may be" is not the month
        day = _MONTH_PART_DAYS[match[2]] if match[2] else 1
        return _days_since(today, MONTHS[match[3]], day, match[4])
    if match := _YEAR_ONLY.search(text):
        return _days_since(today, 1, 1, match[1])
    if holidays := _HOLIDAY.scan(text):
        return _days_since(today, *holidays[0], None)
    return None


def _duration_text(text: str) -> str:
    """Normalized, with number words as digits and amount words as numbers."""
    cleaned = _words_to_digits(normalize(text))
    cleaned = _FREQUENCY.sub(" ", cleaned)
    cleaned = _AND_A_HALF.sub(lambda m: f"{m[1]}.5", cleaned)
    cleaned = _AMOUNT_WORD.sub(lambda m: _AMOUNT_VALUES[m[1]], cleaned)
    return _ARTICLE.sub("1 ", cleaned)


def duration_days(text: str, today: date | None = None) -> int | None:
    """How long something has gone on, in whole days (rounded up; under a day is 0).

    A bare number is a number of days."""
    today = today or date.today()
    cleaned = _duration_text(text)
    if _NEGATIVE.search(cleaned):
        return None
    if (days := _amount_days(cleaned)) is not None:
        return days
    if relative := _RELATIVE.scan(cleaned):
        return max(relative)
    for reader in (_weekday_days, _date_days):
        if (days := reader(cleaned, today)) is not None:
            return days
    if vague := _VAGUE.scan(cleaned):
        return max(vague)
    if re.fullmatch(_NUMBER, cleaned):
        return _round_up(float(cleaned))
    return None


# ---------------------------------------------------------------------------------------
# Onset and side

_OVER_A_PERIOD = (
    "over (?:the |a )?(?:(?:last|past|few|couple|of|several|many|\\d+) )*"
    "(?:days|weeks|months|years)"
)
def _with_vocabulary(entity: str, extra: Mapping[str, tuple[str, ...]]
                     ) -> dict[str, tuple[str, ...]]:
    """The vocabulary's phrases for `entity` (language/vocabulary.yml: one list of onset
    words, one of sides), with the words that say it only as an answer to its question."""
    words = vocabulary()
    groups = {value: words.phrases(entity, value) for value in words.entries.get(entity, {})}
    for value, phrases in extra.items():
        groups[value] = (*groups.get(value, ()), *phrases)
    return groups


# Said in answer to "Did the pain come on suddenly or gradually?", not in free text.
ONSET_ANSWERS: Mapping[str, tuple[str, ...]] = {
    "sudden": (
        "at once", "instant", "in an instant", "immediately", "straight away", "straightaway",
        "right away", "in a second", "in a split second", "in seconds", "it just happened",
        "just happened", "quickly", "quick", "fast", "acute", "not gradual", "not gradually",
        "not slowly", "not slow", "wasn't gradual",
    ),
    "gradual": (
        "slow", "crept", "creeping", "built up", "building up", "progressive", "insidious",
        "worse and worse", "got worse and worse", "over a period", "over a while",
        _OVER_A_PERIOD, "not sudden", "not suddenly", "wasn't sudden", "not all of a sudden",
        "not all at once", "not overnight",
    ),
}
ONSET_WORDS = _with_vocabulary("onset", ONSET_ANSWERS)
_ONSET = _Phrases(_table(ONSET_WORDS))


def onset(text: str) -> str | None:
    """'sudden', 'gradual' or None; the first description in the text counts."""
    found = _ONSET.scan(normalize(text))
    return found[0] if found else None


# Said in answer to a question about the side ("l", "rt"), not in free text.
SIDE_ANSWERS: Mapping[str, tuple[str, ...]] = {
    "left": ("letf", "lfet", "lt", "l"),
    "right": ("rihgt", "righ", "rt", "r"),
    "both": ("bth", "each leg", "both legs", "two legs", "2 legs", "left and right",
             "right and left"),
    "": ("not left", "not the left", "not right", "not the right", "neither"),
}
SIDE_WORDS = _with_vocabulary("side", SIDE_ANSWERS)
_SIDES = _Phrases(_table(SIDE_WORDS))


def side(text: str) -> str | None:
    """'left', 'right', 'both' or None; naming both sides is 'both'."""
    found = set(_SIDES.scan(normalize(text))) - {""}
    if "both" in found or {"left", "right"} <= found:
        return "both"
    return found.pop() if found else None


# ---------------------------------------------------------------------------------------
# The questions' meanings (questions.yml)


class Kind(str, Enum):
    """How a question is answered."""

    YES_NO = "yes_no"
    DAYS = "days"
    SCORE = "score"
    AGE = "age"
    ONSET = "onset"


VALUE_KINDS = frozenset({Kind.DAYS, Kind.SCORE, Kind.AGE})
_MEANING_KEYS = frozenset({"worrying", "yes_cues", "no_cues", "kind", "some_is_enough", "places",
                           "past"})


@dataclass(frozen=True)
class Meaning:
    """What a history question asks as worded: its worrying answer, and lay phrases that
    answer it without a yes or no ("can't walk" is no to "Can you take 4 steps?")."""

    id: str
    kind: Kind = Kind.YES_NO
    worrying: Reply | None = None  # YES or NO for a yes/no question
    yes_cues: tuple[str, ...] = ()
    no_cues: tuple[str, ...] = ()
    some_is_enough: bool = False  # "helps a bit" is the reassuring answer, not partial
    past: bool = False  # asks about the past: "had a skin one removed years ago" answers it
    places: frozenset[str] = frozenset()  # the places it asks about; none: the whole leg


def _meaning(qid: str, raw: Mapping[str, object]) -> Meaning:
    unknown = set(raw) - _MEANING_KEYS
    if unknown:
        raise ValueError(f"{QUESTIONS_FILE.name}: {qid}: unknown keys {sorted(unknown)}")
    kind = Kind(raw.get("kind", Kind.YES_NO.value))
    worrying = raw.get("worrying")
    if kind is Kind.YES_NO and worrying not in ("yes", "no"):
        raise ValueError(f"{QUESTIONS_FILE.name}: {qid}: worrying must be \"yes\" or \"no\""
                         " (quoted)")
    if kind is not Kind.YES_NO and worrying is not None:
        raise ValueError(f"{QUESTIONS_FILE.name}: {qid}: a {kind.value} question has no "
                         "worrying yes or no")
    cues = {key: tuple(spelt for c in raw.get(key) or () for spelt in spelt_out(str(c)))
            for key in ("yes_cues", "no_cues")}
    return Meaning(qid, kind, Reply(worrying) if worrying else None, **cues,
                   some_is_enough=bool(raw.get("some_is_enough")), past=bool(raw.get("past")),
                   places=frozenset(str(p) for p in raw.get("places") or ()))


@cache
def meanings() -> Mapping[str, Meaning]:
    """Question id -> its meaning, from questions.yml."""
    raw = yaml.safe_load(QUESTIONS_FILE.read_text(encoding="utf-8")) or {}
    return {str(qid): _meaning(str(qid), entry or {}) for qid, entry in raw.items()}


def meaning(question: str) -> Meaning:
    """The question's meaning; an unknown id reads as a plain yes/no question."""
    return meanings().get(question) or Meaning(question)


# ---------------------------------------------------------------------------------------
# Yes / no

# Words that answer whatever follows them in their clause ("no, I can't walk on it").
YES_WORDS = (
    "yes", "yeah", "yea", "yeh", "yah", "yep", "yup", "ya", "ye", "yas", "yesh", "yse", "ys",
    "y", "aye", "uh huh", "mhm", "sure", "for sure", "definitely", "def", "absolutely",
    "certainly", "of course", "ofc", "indeed", "affirmative", "yes it is", "i think so",
    "think so", "i believe so", "i guess so", "probably", "likely", "afraid so",
    "i'm afraid so", "sadly yes", "unfortunately yes", "yes unfortunately", "probs", "prob",
    "yh", "yus", "yap", "yeap", "yessir", "totally", "100%", "big time", "very much so",
)
NO_WORDS = (
    "no", "nope", "nop", "nah", "na", "nay", "n", "nuh uh", "uh uh", "not really", "never",
    "none", "nothing", "neither", "no way", "not at all", "negative", "definitely not",
    "not this one", "not this side", "not this leg", "not on this side",
    "absolutely not", "certainly not", "of course not", "probably not", "likely not",
    "not likely", "unlikely", "i don't think so", "don't think so", "i don't believe so",
    "not that i know of", "not that i know", "not as far as i know", "not that i'm aware of",
    "not that i've noticed", "not that i noticed", "haven't noticed", "not noticed",
    "never noticed", "no longer", "not anymore", "not any more", "not now",
    "not at the moment", "not in the slightest", "yeah no", "nothing like that",
    "none of that", "no not really", "not that i remember", "not that i recall",
    "not that i can remember", "not that i can think of",
)
# Short echoes of the question ("I do", "it isn't"): answers only when little follows them.
ECHO_YES_WORDS = (
    "it is", "i am", "i do", "i have", "i did", "it does", "it did", "it has", "there is",
    "i can", "i could", "it can", "it was", "i was", "they are", "they do", "correct",
    "that's correct", "right", "that's right", "true", "positive",
)
ECHO_NO_WORDS = (
    "not", "i don't", "i do not", "don't", "it doesn't", "it does not", "doesn't",
    "it isn't", "it is not", "it's not", "isn't", "i'm not", "i am not", "i haven't",
    "i have not", "haven't", "hasn't", "i didn't", "i did not", "didn't", "wasn't",
    "aren't", "there isn't", "there's not", "i can't", "i cannot", "i can not", "can't",
    "cannot", "i couldn't", "it won't", "won't", "not true", "not correct", "incorrect",
    "not right", "wrong", "false",
)
UNSURE_WORDS = (
    "not sure", "not [a-z0-9%]+ sure", "no sure", "unsure", "i'm unsure", "i'm not sure",
    "n[o0]t (?:[a-z0-9%]+ )?(?:shure|shur|sur|sue|suer|srue|sre|shore)", "don't know",
    "do not know", "didn't know", "i don't know", "i do not know", "don't kno", "dont knw",
    "dnt know", "i really don't know", "i dunno", "dunno", "duno", "dno", "idk", "idek",
    "no idea", "i have no idea", "i've no idea", "no clue", "not a clue", "haven't a clue",
    "who knows", "maybe", "may be", "possibly", "perhaps", "might be", "might have",
    "could be", "can't tell", "cant say", "can't say", "can't remember", "can't recall",
    "don't remember", "hard to say", "hard to tell", "difficult to say", "difficult to tell",
    "not certain", "uncertain", "unknown", "not positive", "couldn't say", "couldn't tell",
    "not too sure", "not really sure", "cant (?:really |honestly |quite )?(?:tell|say|remember)",
    "couldnt (?:really |honestly )?(?:tell|say)", "hard to (?:know|judge)",
    "(?:havent|have not|not|didnt|did not|never) (?:tried|checked|looked|tested|measured)",
    "wouldnt know", "would not know", "how would i (?:know|tell|check)", "no way (?:to|of) "
    "(?:tell|telling|know|knowing)", "beats me", "i forget", "forgot", "not been able to tell",
)
# Doubt that still says the finding after it ("maybe a bit colder"), unlike "no idea".
HEDGES = ("maybe", "may be", "possibly", "perhaps", "might be", "might have", "could be")
PARTIAL_WORDS = (
    "sort of", "kind of", "kinda", "sorta", "kind a", "a bit", "a little", "a little bit",
    "a tiny bit", "a wee bit", "a touch", "slightly", "somewhat", "mildly", "sometimes",
    "occasionally", "at times", "now and then", "now and again", "on and off",
    "off and on", "comes and goes", "here and there", "partly", "partially", "not always",
    "not much", "not very", "ish", "yes and no", "more or less", "in a way", "barely",
    "hardly", "only just", "just about", "a lil", "a lil bit", "lil bit", "a tad",
    "a smidge", "a fair bit less",
)
# Said instead of the reassuring answer to any question: "all fine", "looks normal".
REASSURING_WORDS = (
    "fine", "all fine", "it's fine", "all good", "all ok", "normal", "all normal",
    "looks normal", "looks fine", "feels normal", "feels fine", "seems fine", "nothing wrong",
    "no problem", "no problems", "no issues", "no trouble", "perfectly fine",
)
# Words that turn round the cue after them ("not hot", "I haven't noticed any swelling").
NEGATORS = ("not", "never", "nor", "without", "don't", "doesn't", "didn't", "isn't", "aren't",
            "wasn't", "weren't", "haven't", "hasn't", "hadn't", "can't", "cannot", "couldn't",
            "won't", "wouldn't", "nothing", "neither", "nobody")
NEGATION_REACH = 3  # words between a negator and the cue it turns round
# Fillers before the answer: "well, yes", "hmm honestly not sure", "it comes and goes".
LEAD_FILLERS = ("well", "hmm", "hm", "um", "erm", "er", "uh", "ah", "oh", "ok", "okay", "so",
                "honestly", "actually", "really", "tbh", "to be honest", "i mean", "i guess",
                "i suppose", "i think", "i'd say", "i would say", "mate", "lol", "haha",
                "sorry", "only", "just", "and", "but", "then", "it", "it's", "that", "i'm",
                "im", "am", "still", "also")
# What may follow an echo and keep it an answer: "I do, a bit", "it does when I walk".
ECHO_TAIL_WORDS = ("too", "as well", "also", "now", "still", "really", "actually", "though",
                   "mate", "indeed", "so", "sadly", "unfortunately", "i think", "i guess",
                   "it", "that", "one", "lol", "thanks", "thank you", "at the moment",
                   "right now", "anymore", "any more", "at all", "either", "then", "again",
                   "please", "sir", "doc", "yes", "no", "sure", "much", "very much", "a lot",
                   "loads", "quite a lot", "lots")
ECHO_CIRCUMSTANCES = ("when", "whenever", "if", "after", "before", "while", "especially",
                      "mostly", "usually", "mainly", "only", "at", "in", "on", "during",
                      "with", "from", "since", "sometimes", "every", "all", "most", "for",
                      "about", "but", "on and off", "quite", "more", "less", "bad",
                      "badly", "definitely", "totally", "completely")
QUESTION_OPENERS = ("what", "whats", "why", "how", "hows", "where", "which",
                    "can i", "can you", "can we", "could i", "could you", "would you",
                    "should i", "will i", "will it", "will you", "is it", "is this",
                    "is that", "are you", "are there", "do i", "do you", "does it",
                    "does that", "did i", "did you", "may i", "shall i", "tell me",
                    "explain")
_SYMBOLS = {"\U0001f44d": "yes", "\U0001f44c": "yes", "\u2705": "yes", "\u2714": "yes",
            "\U0001f44e": "no", "\u274c": "no", "\U0001f937": "unsure", "\U0001f914": "unsure",
            "\u2753": "?"}
_LEAD = re.compile(rf"(?:(?:{_alternation(LEAD_FILLERS)})(?![a-z0-9])[\s-]*)*")
_QUESTION_OPENER = re.compile(rf"(?:{_alternation(LEAD_FILLERS)} )*(?:"
                              rf"{_alternation(QUESTION_OPENERS)})(?![a-z0-9])")
_ECHO_TAIL = re.compile(rf"(?:(?:{_alternation(ECHO_TAIL_WORDS)})(?![a-z0-9])\s*)*")
_ECHO_CIRCUMSTANCE = re.compile(rf"(?:{_alternation(ECHO_CIRCUMSTANCES)})(?![a-z0-9])")
_NEGATOR = frozenset(normalize(w) for w in NEGATORS)
_HEDGES = frozenset(normalize(w) for w in HEDGES)
_LIST_WORDS = frozenset({"or", "nor", "and", "any", "anything"})
# "no" as a determiner: "no swelling", "no obvious swelling"
NO_DETERMINED = ("real", "obvious", "big", "visible", "new", "more", "signs of", "sign of",
                 "major", "noticeable", "actual", "proper", "bad")
_NO_BEFORE = re.compile(  # also across a list: "no numbness or tingling"
    rf"(?<![a-z0-9])no (?:[a-z]+ (?:or|and|nor) )*(?:(?:{_alternation(NO_DETERMINED)}) )?$")
INTENT_REPLIES = {"affirm": Reply.YES, "deny": Reply.NO, "unsure": Reply.UNSURE}


@dataclass(frozen=True)
class _Word:
    reply: Reply
    echo: bool = False  # "I do": an answer only when little else follows


@dataclass(frozen=True)
class _Cue:
    says: Reply  # YES or NO: how it answers the question as worded
    finding: bool  # says the worrying answer: "no swelling" turns it round


@dataclass(frozen=True)
class _Said:
    """What one clause says about the question."""

    reply: Reply | None = None
    led: bool = False  # a yes/no word answers it ("yes?"), not only its content ("hot?")
    doubt_leads: bool = False  # "not sure ...": doubt about the whole answer
    said_yes: bool = False  # an explicit yes with a degree: "yeah, kind of"
    content: Reply | None = None  # what its cues say (YES / NO)
    qualifier: bool = False  # only qualifies the answer before: "only a bit"
    rejected: bool = False  # has a yes/no word, but does not answer (a question, "I do yoga")


_WORDS = _Phrases({
    **_table({_Word(Reply.YES): YES_WORDS, _Word(Reply.NO): NO_WORDS,
              _Word(Reply.YES, echo=True): ECHO_YES_WORDS,
              _Word(Reply.NO, echo=True): ECHO_NO_WORDS,
              _Word(Reply.PARTIAL): PARTIAL_WORDS}),
    **_table({_Word(Reply.UNSURE): UNSURE_WORDS}),  # doubt wins over "no": "no idea"
})


class _Reader:
    """The reply words with one question's cues; a cue wins over a word it overlaps."""

    def __init__(self, about: Meaning | None) -> None:
        self.about = about
        cues: dict[str, _Cue] = {}
        if about is not None and about.worrying is not None:
            reassuring = Reply.NO if about.worrying is Reply.YES else Reply.YES
            cues.update({w: _Cue(reassuring, finding=False) for w in REASSURING_WORDS})
            for says, phrases in ((Reply.YES, about.yes_cues), (Reply.NO, about.no_cues)):
                cues.update({p: _Cue(says, finding=says is about.worrying) for p in phrases})
        self.cues = _Phrases(cues, literal=True)

    def has_cue(self, text: str) -> bool:
        return any(p.search(text) for p, _ in self.cues.patterns)

    def hits(self, clause: str) -> list[tuple[int, int, _Word | _Cue]]:
        cues: list[tuple[int, int, _Word | _Cue]] = list(self.cues.longest(clause))
        words = [hit for hit in _WORDS.longest(clause)
                 if all(hit[1] <= start or hit[0] >= stop for start, stop, _ in cues)]
        return sorted([*cues, *words], key=lambda h: h[0])


@cache
def _reader(question: str | None) -> _Reader:
    return _Reader(meaning(question) if question else None)


def _turned_round(clause: str, start: int, cue: _Cue) -> bool:
    """Whether a negation shortly before the cue turns it round ("not hot", "I haven't
    noticed any swelling"). "No" does only just before a finding ("no swelling", "no real
    swelling"): "no, looks normal" and "no I can't walk" are answers."""
    # "isn't red or warm or swollen": the negation reaches along a list
    before = [w for w in clause[:start].split() if w not in _LIST_WORDS][-NEGATION_REACH:]
    if any(word in _NEGATOR for word in before):
        return True
    return cue.finding and _NO_BEFORE.search(clause[:start]) is not None


def _opposite(reply: Reply) -> Reply:
    return Reply.NO if reply is Reply.YES else Reply.YES


def _content(clause: str, hits: list[tuple[int, int, _Word | _Cue]],
             about: Meaning | None) -> Reply | None:
    """What the cues of a clause say; when they disagree, the worrying answer."""
    said = set()
    for start, _, value in hits:
        if isinstance(value, _Cue):
            said.add(_opposite(value.says) if _turned_round(clause, start, value) else value.says)
    if len(said) > 1 and about is not None:
        return about.worrying
    return said.pop() if said else None


def _echo_answers(rest: str, hits: list[tuple[int, int, _Word | _Cue]], end: int) -> bool:
    """Whether what follows an echo keeps it an answer: nothing, a qualifier ("a bit"), a
    filler ("too") or a circumstance ("when I walk"); not "yoga"."""
    for start, stop, value in hits:
        if start >= end and isinstance(value, _Word):
            rest = rest[:start - end] + " " * (stop - start) + rest[stop - end:]
    rest = rest.strip()
    if not rest or _ECHO_CIRCUMSTANCE.match(rest):
        return True
    return _ECHO_TAIL.fullmatch(rest) is not None


def _read_clause(clause: str, reader: _Reader) -> _Said:
    about = reader.about
    hits = reader.hits(clause)
    if not hits:
        return _Said()
    filler = _LEAD.match(clause)
    lead_end = filler.end() if filler else 0
    words = [(s, e, v) for s, e, v in hits if isinstance(v, _Word)]
    first_start, first_end, first = hits[0]
    _, last_end, last = hits[-1]
    lead: _Word | None = None
    if isinstance(first, _Word) and first_start <= lead_end:
        lead = first
    elif isinstance(last, _Word) and not last.echo and last_end == len(clause):
        lead = last  # "4 steps yes"
    content = _content(clause, hits, about)
    partial = any(v.reply is Reply.PARTIAL for _, _, v in words)
    doubt = any(v.reply is Reply.UNSURE for _, _, v in words)
    if lead is not None and lead.reply is Reply.UNSURE:
        hedged = clause[first_start:first_end] in _HEDGES
        if hedged and about is not None and content is not None and content is about.worrying:
            return _Said(content, content=content)  # "maybe a little tender": said with doubt
        return _Said(Reply.UNSURE, led=True, doubt_leads=True)
    if doubt:
        # A finding said with doubt counts as said ("it might be swollen", policy section 1).
        if about is not None and content is not None and content is about.worrying:
            return _Said(content, content=content)
        return _Said(Reply.UNSURE, doubt_leads=lead is None)
    some = about is not None and about.some_is_enough and content not in (None, about.worrying)
    if lead is None:
        if content is not None:
            return _Said(Reply.PARTIAL if partial and not some else content, content=content)
        return _Said(rejected=bool(words))
    if lead.reply is Reply.PARTIAL and some:
        return _Said(content, led=True, content=content)
    if lead.reply is Reply.PARTIAL:
        only = all(v.reply is Reply.PARTIAL for _, _, v in words) and content is None
        rest = clause[first_end:].strip()
        return _Said(Reply.PARTIAL, led=True, content=content, qualifier=only and not rest)
    if lead.echo and content is None and not _echo_answers(clause[first_end:], hits, first_end):
        return _Said(rejected=True)  # "I do yoga"
    if lead.echo and content is not None:
        return _Said(Reply.PARTIAL if partial else content, led=True, content=content)
    if content is not None and content is not lead.reply:
        return _Said(_mixed(about), led=True, content=content)  # "yes I can barely walk"
    if partial and lead.reply is Reply.YES:
        return _Said(Reply.PARTIAL, led=True, said_yes=True, content=content)
    return _Said(lead.reply, led=True, content=content)


def _mixed(about: Meaning | None) -> Reply:
    """Both answers said ("no, but my foot is numb" to "Any numbness or tingling?"): yes
    where yes is the worrying answer (one finding is enough), else partial, which counts as
    the worrying answer too."""
    return Reply.YES if about is not None and about.worrying is Reply.YES else Reply.PARTIAL


def _clauses(cleaned: str) -> list[tuple[str, bool, bool]]:
    """(part, opens a question: "can I ...", in a sentence asked: "hot?") in order."""
    found: list[tuple[str, bool, bool]] = []
    for s_start, s_end in clauses.sentences(cleaned):
        sentence = cleaned[s_start:s_end]
        asked = sentence.rstrip().endswith("?")
        parts = [sentence[a:b].strip() for a, b in clauses.clauses(sentence, parts=True)]
        found += [(p, _QUESTION_OPENER.match(p) is not None, asked)
                  for p in parts if p.strip(" -")]
    return found


# Words that open a correction of the bare yes or no before: "yes... well no".
_CORRECTION = _words("well", "actually", "sorry", "wait", "no wait", "hmm", "hm", "i mean",
                     "or rather", "on second thought", "thinking about it", "oh")


def _settle(base: _Said, about: Meaning | None) -> Reply:
    """An explicit yes with a degree ("yes, a bit") is yes where yes is the worrying answer;
    elsewhere ("Can you take 4 steps?" "yes, a bit") it stays partial, the worrying side."""
    reply = base.reply or Reply.UNSURE
    if reply is Reply.PARTIAL and base.said_yes and about and about.worrying is Reply.YES:
        return Reply.YES
    return reply


# Parts of the body no history question asks about, and the leg that is not the painful
# one: a clause that names only these says where the finding is not ("only my fingers
# tingle", "it's my arm that's weak", "my other knee does, not this one").
_ELSEWHERE = _words(
    "hand", "hands", "finger", "fingers", "fingertips", "thumb", "thumbs", "arm", "arms",
    "wrist", "wrists", "elbow", "elbows", "shoulder", "shoulders", "neck", "face", "lips",
    "head", "ears", "nose", "eyes")
# ... but not the other leg it is compared with ("bluish compared with my good foot",
# "only if I hop on the other leg")
_COMPARED_WITH = _words("than", "compared", "comparing", "same", "as", "like", "to", "with",
                        "from", "on", "onto", "versus", "vs", "unlike")
_OTHER_LEG = re.compile(  # after `normalize`: "fot", "kne"
    r"\b(?:other|god|healthy|oposite)\s+(?:kne|leg|fot|calf|ankle|shin|one|side)s?\b")


def _said_elsewhere(clause: str, about: Meaning | None = None) -> bool:
    """Whether a clause names only places outside the leg in question, or, for a question
    about some places ("Is your knee hot or red?"), only other places of the leg ("it's my
    ankle that's red")."""
    rest = _OTHER_LEG.sub(" ", clause)
    other_leg = rest != clause and not _COMPARED_WITH.search(clause)
    elsewhere = other_leg or _ELSEWHERE.search(clause) is not None
    if elsewhere and not set(re.findall(r"[a-z]+", rest)) & _place_words():
        return True
    if about is None or not about.places:
        return False
    named = places_in(clause)
    return bool(named) and not named & (about.places | WHOLE_LEG)


# A place that holds every other: said in an answer, it is not somewhere else.
WHOLE_LEG = frozenset({"leg"})
_MOST_WORDS = 6


def places_in(cleaned: str) -> frozenset[str]:
    """The vocabulary's places named in a `normalize`d text, the longest phrase first
    ("the inside of my knee" is inner_knee, not knee)."""
    words = [w for w in cleaned.split() if w not in _SKIPPED]
    found, i = set(), 0
    while i < len(words):
        for n in range(min(_MOST_WORDS, len(words) - i), 0, -1):
            place = _places_by_phrase().get(" ".join(words[i:i + n]))
            if place:
                found.add(place)
                i += n
                break
        else:
            i += 1
    return frozenset(found)


_SKIPPED = frozenset(normalize(w) for w in ("my", "the", "your", "his", "her", "their", "a",
                                             "an", "this", "left", "right", "~"))


@cache
def _places_by_phrase() -> dict[str, str]:
    """Each place phrase as `normalize` leaves it, without determiners or sides -> its id."""
    places = vocabulary().entries.get("body_location", {})
    return {" ".join(w for w in normalize(p.replace("~", " ")).split() if w not in _SKIPPED):
            canonical
            for canonical in places for p in vocabulary().phrases("body_location", canonical)}


@cache
def _place_words() -> frozenset[str]:
    """The vocabulary's places said in one word ("calf", "shin", "bum"), and the words of
    their ids, as `normalize` leaves them ("fot" for foot)."""
    places = vocabulary().entries.get("body_location", {})
    words = {w for canonical in places for w in canonical.split("_") if len(w) > 2}
    words |= {p for canonical in places
              for p in vocabulary().phrases("body_location", canonical) if p.isalpha()}
    words = {w for w in words if w not in _SIDE_OF_A_PLACE and len(w) > 2}
    return frozenset(normalize(w) for w in words | {w + "s" for w in words if len(w) > 3})


# Words of the places' ids that say which part of a place, not a place ("top_of_foot").
_SIDE_OF_A_PLACE = frozenset({"below", "lower", "outer", "inner", "front", "top", "upper",
                              "ball", "back_of"})


def _reply(text: str, intent: str | None, question: str | None) -> Reply | None:
    for symbol, word in _SYMBOLS.items():
        text = (text or "").replace(symbol, f" {word} ")
    cleaned = normalize(text)
    if cleaned and not cleaned.strip("? "):
        return Reply.UNSURE
    reader = _reader(question)
    base: _Said | None = None
    rejected = False
    for clause, asks, asked in _clauses(cleaned):
        if _said_elsewhere(clause, reader.about):
            continue
        said = _Said(rejected=True) if asks else _read_clause(clause, reader)
        if asked and not said.led:
            said = _Said(rejected=said.rejected)  # "hot?" asks the question back
        if base is None:
            if said.reply is None:
                rejected = rejected or said.rejected
            else:
                base = said
            continue
        if (said.led and base.content is None and _CORRECTION.match(clause)
                and {said.reply, base.reply} == {Reply.YES, Reply.NO}):
            base = said  # "yes... well no, not really": the person corrected themself
        elif said.reply is Reply.UNSURE and said.doubt_leads:
            worrying_said = reader.about is not None and base.content is not None and (
                base.content is reader.about.worrying)
            if not worrying_said:
                base = said  # "yes. not sure"
        elif said.qualifier and base.reply is Reply.YES:
            base = _Said(Reply.PARTIAL, said_yes=True, content=base.content)  # "yes, a bit"
        elif said.content is not None and base.reply in (Reply.YES, Reply.NO) and (
                said.content is not base.reply):
            base = _Said(_mixed(reader.about), content=said.content)  # "no, but it's red"
    if base is not None:
        return _settle(base, reader.about)
    return None if rejected else INTENT_REPLIES.get(intent or "")


def yes_no(text: str, intent: str | None = None) -> Reply | None:
    """The answer to a yes/no question, read without knowing the question.

    Words in the text win over the NLU intent. The first clause that answers decides ("no,
    but my foot is numb" is NO); a later clause that only qualifies it counts too ("no, not
    sure" is UNSURE, "yes, a bit" PARTIAL).
    """
    return _reply(text, intent, None)


def reply_to(question: str, text: str, intent: str | None = None) -> Reply | None:
    """The answer to one yes/no history question, read against its meaning.

    A number or a time typed instead ("about 3 weeks", "a 6") is no answer to it, unless
    the question's own phrases answer it ("a few minutes" to "Does it ease within a few
    minutes when you rest?")."""
    if meaning(question).kind is Kind.YES_NO and says_only_a_value(text) and not (
            _reader(question).has_cue(normalize(text))):
        return None
    return _reply(text, intent, question)


# ---------------------------------------------------------------------------------------
# Values said instead of an answer, greetings

# Words around a number or a time that do not answer anything: "about 3 weeks now".
VALUE_FILLERS = ("about", "around", "roughly", "approx", "approximately", "maybe",
                 "probably", "perhaps", "for", "since", "ago", "now", "just", "only",
                 "over", "under", "nearly", "almost", "well", "or so", "ish", "like", "the",
                 "a", "an", "its", "it", "been", "its been", "it has been", "has been",
                 "it started", "started", "it was", "was", "i think", "i guess", "id say",
                 "i would say", "at least", "more than", "less than", "good", "a good", "or",
                 "and", "so", "not long", "not that long", "give or take", "or more",
                 "or less", "at", "on", "in", "from", "of", "im", "i am", "out", "years old",
                 "old", "score", "pain", "is", "say", "hm", "um", "erm", "last", "past", "this",
                 "earlier", "then", "then on", "ago now", "already", "by now", "x")
_VALUE_FILLER = _words(*VALUE_FILLERS)
_BARE_NUMBER = re.compile(rf"(?<![a-z]){_NUMBER}(?![a-z])")
_VALUE_READERS = (_AMOUNT, _SCALE, _PERCENT, _WEEKDAY, _DAY_MONTH, _MONTH_DAY, _MONTH_ONLY,
                  _YEAR_ONLY, _YEARS_OLD, _DECADE)


def says_only_a_value(text: str) -> bool:
    """Whether the text is only a number, a duration or a time: "about 3 weeks", "a 6",
    "since the weekend", "this afternoon"."""
    cleaned = _duration_text(text)
    rest = cleaned
    for phrases in (_RELATIVE, _VAGUE, _HOLIDAY):
        for start, stop, _ in phrases.all(cleaned):
            rest = rest[:start] + " " * (stop - start) + rest[stop:]
    for pattern in _VALUE_READERS:
        rest = pattern.sub(lambda m: " " * len(m[0]), rest)
    said_a_value = rest != cleaned or _BARE_NUMBER.search(cleaned) is not None
    rest = _BARE_NUMBER.sub(" ", rest)
    rest = _VALUE_FILLER.sub(" ", rest)
    return said_a_value and not re.sub(r"[\W_]+", "", rest)


def says_only_a_duration(text: str) -> bool:
    """A message that is only a time or how long ("since the weekend", "about 3 weeks"),
    whatever the NLU took it for; a bare number is not enough."""
    return bool(TIME_WORDS.search(text)) and says_only_a_value(text) and (
        duration_days(text) is not None)


GREETINGS = ("hi", "hello", "helo", "hallo", "hullo", "hey", "heya", "hiya", "howdy", "yo",
             "greetings", "good morning", "good afternoon", "good evening", "good day",
             "gday", "morning", "afternoon", "evening", "hey there", "hi there",
             "hello there", "sup", "wassup", "whats up", "hows it going", "how are you",
             "how are you doing", "how r u", "how are u", "hiya there")
GREETING_ADDRESSEES = ("there", "all", "again", "everyone", "everybody", "folks", "mate",
                       "pal", "bot", "doc", "doctor", "you", "friend", "team", "buddy")
_GREETING = re.compile(
    rf"(?:(?:{_alternation(GREETINGS)}|{_alternation(GREETING_ADDRESSEES)})(?![a-z0-9]) ?)+"
)
_GREETING_WORD = _words(*GREETINGS)


def asks(text: str) -> bool:
    """Whether the message asks something: a question mark, or a clause that opens a
    question ("what causes it", "tell me about sciatica")."""
    return any(opens or asked for _, opens, asked in _clauses(normalize(text)))


def answers_like(text: str) -> bool:
    """A statement with an answer in it: a yes or no, a score, a time ("about five when it
    comes on", "nah not really"), whatever the classifier made of it."""
    cleaned = normalize(text)
    if asks(text) or cleaned.split()[:1] in ([w] for w in _AUXILIARIES):
        return False  # "does a bad knee cause numbness", "is ice good for it"
    return (yes_no(text) is not None or re.search(r"\d", _words_to_digits(cleaned)) is not None
            or duration_days(text) is not None)


def asks_in_word_order(text: str) -> bool:
    """A question put by its word order alone, with no question mark: "can my knee make my
    foot numb", "does a bad knee cause numbness", "can arthritis in the knee cause
    tingling". Not a statement that opens with the same word: "can barely walk", "is
    swollen", "have had it for weeks"."""
    return asks(text) or _QUESTION_ORDER.match(normalize(text)) is not None


# A statement that starts with one of these asks: "does a bad knee ...", "is ice good".
_AUXILIARIES = frozenset({"is", "are", "was", "were", "do", "does", "did", "can", "could",
                          "would", "should", "will", "has", "have", "am", "may", "might"})
# An auxiliary then its subject, or then a noun and a verb of cause.
_SUBJECTS = ("i", "you", "it", "this", "that", "these", "those", "there", "they", "he", "she",
             "we", "my", "your", "his", "her", "our", "their", "a", "an", "the", "any", "some")
_CAUSE_WORDS = ("cause", "causes", "make", "makes", "affect", "affects", "lead to", "give",
                "mean", "linked", "related", "connected", "because")
_QUESTION_ORDER = re.compile(
    rf"(?:(?:well|hmm|um|erm|so|ok|okay|and|but|also|just|sorry) )*"
    rf"(?:{_alternation(sorted(_AUXILIARIES))}) "
    rf"(?:(?:{_alternation(_SUBJECTS)})(?![a-z0-9])"
    rf"|[a-z]+ (?:[a-z]+ ){{0,5}}(?:{_alternation(_CAUSE_WORDS)})(?![a-z0-9]))")


def is_only_greeting(text: str) -> bool:
    """A message that greets and says nothing else: "hi", "hello there", "good morning".
    "this afternoon" or "morning, it's about a 6" answer a question."""
    cleaned = re.sub(r"[^a-z0-9 ]+", " ", normalize(text))
    cleaned = re.sub(r"\s+", " ", cleaned).strip()
    return bool(_GREETING_WORD.search(cleaned)) and _GREETING.fullmatch(cleaned) is not None


# ---------------------------------------------------------------------------------------
# The answer to a history question


def read_answer(question: str, text: str, intent: str | None) -> tuple[str | None, str | None]:
    """(stored answer, problem): the answer to one history question, from typed text.

    Stored answers are "yes", "no", "partial", "unsure", a number as text, or an onset."""
    kind = meaning(question).kind
    reply = reply_to(question, text, intent)
    if kind in VALUE_KINDS:
        if kind is Kind.SCORE:
            reading = pain_score(text)
        elif kind is Kind.AGE:
            reading = age(text)
        else:
            reading = Reading(duration_days(text))
        if reading.value is not None:
            return str(reading.value), None
        if reply is Reply.UNSURE:
            return Reply.UNSURE.value, None
        return None, reading.problem
    if kind is Kind.ONSET:
        if found := onset(text):
            return found, None
        return (Reply.UNSURE.value, None) if reply is Reply.UNSURE else (None, None)
    return (reply.value, None) if reply is not None else (None, None)
