"""Read the short free-text answers people type to the history questions.

Pure Python, no Rasa. Every reader lower-cases the text, drops apostrophes (straight or
curly) and squeezes repeated letters ("yesss" -> "yes", "noo" -> "no") before matching, and
the word lists below go through the same `normalize`, so they are written in plain English.
Phrases are matched leftmost-longest: "not sure" beats "not", "not too bad" beats "bad".
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Generic, TypeVar

from actions.triage.history import parse_duration_days

T = TypeVar("T")

OUT_OF_RANGE = "out_of_range"


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


def _phrase(fragment: str) -> re.Pattern[str]:
    """A whole-word pattern; a space in the phrase matches spaces or hyphens."""
    body = normalize(fragment).replace(" ", r"[\s-]+")
    return re.compile(rf"(?<![a-z0-9])(?:{body})(?![a-z0-9])")


class _Phrases(Generic[T]):
    """Phrases with a value each, matched leftmost-longest without overlaps."""

    def __init__(self, entries: Mapping[str, T]) -> None:
        self.patterns = [(_phrase(text), value) for text, value in entries.items()]

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


def _table(groups: Mapping[T, Iterable[str]]) -> dict[str, T]:
    return {phrase: value for value, phrases in groups.items() for phrase in phrases}


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted({normalize(w) for w in words}, key=len, reverse=True))


_UNITS = {"zero": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
          "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
          "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
         "seventy": 70, "eighty": 80, "ninety": 90}
_NUMBER_VALUES = {normalize(w): n for w, n in {**_UNITS, **_TEENS, **_TENS}.items()}
_COMPOUND_NUMBER = re.compile(
    rf"(?<![a-z])({_alternation(_TENS)})[\s-]+({_alternation(w for w in _UNITS if w != 'zero')})"
    r"(?![a-z])"
)
_SINGLE_NUMBER = re.compile(rf"(?<![a-z])({_alternation(_NUMBER_VALUES)})(?![a-z])")
_HUNDRED = re.compile(r"(?<![a-z])(?:a |one )?hundred(?![a-z])")
_NEGATIVE = re.compile(r"(?<![a-z0-9.])-\s*\d|(?<![a-z])minus \d")
_NUMBER = r"\d+(?:\.\d+)?"


def _words_to_digits(text: str) -> str:
    """'forty-five' -> '45', 'six' -> '6' (text already normalized)."""
    text = _HUNDRED.sub("100", text)
    text = _COMPOUND_NUMBER.sub(
        lambda m: str(_NUMBER_VALUES[m[1]] + _NUMBER_VALUES[m[2]]), text
    )
    return _SINGLE_NUMBER.sub(lambda m: str(_NUMBER_VALUES[m[1]]), text)


def _round_up(value: float) -> int:
    return math.ceil(round(value, 6))


# ---------------------------------------------------------------------------------------
# Yes / no

YES_WORDS = (
    "yes", "yeah", "yea", "yeh", "yah", "yep", "yup", "ya", "ye", "yas", "yesh", "yse", "ys",
    "y", "aye", "uh huh", "mhm", "sure", "for sure", "definitely", "def", "absolutely",
    "certainly", "of course", "ofc", "indeed", "correct", "that's correct", "right",
    "that's right", "true", "affirmative", "positive", "yes it is", "it is", "i am", "i do",
    "i have", "i did", "it does", "it did", "it has", "there is", "i think so", "think so",
    "i believe so", "i guess so", "probably", "likely", "afraid so", "i'm afraid so",
)
NO_WORDS = (
    "no", "nope", "nop", "nah", "na", "nay", "n", "nuh uh", "uh uh", "not", "not really",
    "never", "none", "nothing", "neither", "no way", "not at all", "negative", "i don't",
    "i do not", "don't", "it doesn't", "it does not", "doesn't", "it isn't", "it is not",
    "it's not", "isn't", "i'm not", "i am not", "i haven't", "i have not", "haven't",
    "hasn't", "i didn't", "i did not", "didn't", "wasn't", "aren't", "definitely not",
    "absolutely not", "certainly not", "of course not", "probably not", "likely not",
    "not likely", "unlikely", "i don't think so", "don't think so", "i don't believe so",
    "not that i know of", "not that i know", "not as far as i know", "not that i'm aware of",
    "not that i've noticed", "not that i noticed", "not true", "not correct", "incorrect",
    "not right", "wrong", "false", "no longer", "not anymore", "not any more", "not now",
    "not at the moment",
)
UNSURE_WORDS = (
    "not sure", "not [a-z0-9%]+ sure", "no sure", "unsure", "i'm unsure", "i'm not sure",
    "don't know", "do not know", "didn't know", "i don't know", "i do not know",
    "i really don't know", "i dunno", "dunno", "idk", "idek", "no idea", "i have no idea",
    "i've no idea", "no clue", "not a clue", "haven't a clue", "who knows", "maybe",
    "may be", "possibly", "perhaps", "might be", "might have", "could be", "can't tell",
    "cant say", "can't say", "can't remember", "can't recall", "don't remember",
    "hard to say", "hard to tell", "difficult to say", "not certain", "uncertain", "unknown",
    "not positive",
)
PARTIAL_WORDS = (
    "sort of", "kind of", "kinda", "sorta", "kind a", "a bit", "a little", "a little bit",
    "a tiny bit", "a wee bit", "a touch", "slightly", "somewhat", "mildly", "sometimes",
    "occasionally", "at times", "now and then", "now and again", "on and off",
    "off and on", "comes and goes", "here and there", "partly", "partially", "not always",
    "not much", "not very", "ish", "yes and no", "more or less", "in a way",
)
_YES_NO = _Phrases(_table({
    Reply.YES: YES_WORDS, Reply.NO: NO_WORDS, Reply.UNSURE: UNSURE_WORDS,
    Reply.PARTIAL: PARTIAL_WORDS,
}))
_UNSURE = [p for p, v in _YES_NO.patterns if v is Reply.UNSURE]
_PARTIAL = [p for p, v in _YES_NO.patterns if v is Reply.PARTIAL]
_QUALIFIER_FILLER = re.compile(r"^(?:only|just|but|and|well|i mean|i think) ")
_SYMBOLS = {"\U0001f44d": "yes", "\U0001f44c": "yes", "\u2705": "yes", "\u2714": "yes",
            "\U0001f44e": "no", "\u274c": "no", "\U0001f937": "unsure", "\U0001f914": "unsure",
            "\u2753": "?"}
_CLAUSE_BREAK = re.compile(
    r"[,.;:!?()\n]+|(?<![a-z])(?:but|though|although|however|except)(?![a-z])"
)
_INTENT_REPLIES = {"affirm": Reply.YES, "deny": Reply.NO, "unsure": Reply.UNSURE}


def _clause_reply(clause: str) -> Reply | None:
    if any(p.search(clause) for p in _UNSURE):
        return Reply.UNSURE  # doubt wins: "no not really sure"
    found = _YES_NO.scan(clause)
    if not found:
        return None
    if Reply.PARTIAL in found and found[0] is not Reply.NO:
        return Reply.PARTIAL  # "yeah kind of"
    return found[0]


def _qualifier(clause: str, reply: Reply) -> Reply:
    """A later clause that only qualifies the answer: "yes, a bit", "no, not sure"."""
    clause = _QUALIFIER_FILLER.sub("", clause)
    if any(p.fullmatch(clause) for p in _UNSURE):
        return Reply.UNSURE
    if reply is Reply.YES and any(p.fullmatch(clause) for p in _PARTIAL):
        return Reply.PARTIAL
    return reply


def yes_no(text: str, intent: str | None = None) -> Reply | None:
    """The answer to a yes/no question; words in the text win over the NLU intent.

    The first clause with a yes/no word answers ("no, but my foot is numb" is NO); a later
    clause that only qualifies it counts too ("no, not sure" is UNSURE, "yes, a bit" PARTIAL).
    """
    for symbol, word in _SYMBOLS.items():
        text = (text or "").replace(symbol, f" {word} ")
    cleaned = normalize(text)
    if cleaned and not cleaned.strip("? "):
        return Reply.UNSURE
    clauses = [c.strip() for c in _CLAUSE_BREAK.split(cleaned) if c.strip()]
    for index, clause in enumerate(clauses):
        reply = _clause_reply(clause)
        if reply is None:
            continue
        for later in clauses[index + 1:]:
            reply = _qualifier(later, reply)
        return reply
    return _INTENT_REPLIES.get(intent or "")


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
_SCALE = re.compile(rf"({_NUMBER})\s*(?:/|out of|outa|of)\s*(10|100)(?![\d.])")
_PERCENT = re.compile(rf"({_NUMBER})\s*%")
NOT_SCORE_UNITS = ("day", "days", "week", "weeks", "wk", "wks", "month", "months", "year",
                   "years", "yr", "yrs", "hour", "hours", "hr", "hrs", "min", "mins",
                   "minutes", "am", "pm", "times", "x", "yo")
_NOT_A_SCORE = re.compile(  # numbers that count something else: "for 3 days", "at 5pm"
    rf"{_NUMBER} ?(?:{_alternation(NOT_SCORE_UNITS)})(?![a-z])"
)


def pain_score(text: str) -> Reading:
    """A 0-10 pain score. Ranges give the higher end, decimals round up, words map to bands.

    Off the scale with a scale ("12/10") is 10; a bare number over 10 or a negative number is
    out of range.
    """
    cleaned = _words_to_digits(normalize(text))
    cleaned = re.sub(r"(\d),(\d)", r"\1.\2", cleaned)
    cleaned = _RANGE_DASH.sub(r"\1 to ", cleaned)
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
    1: ("day", "days", "d", "dy", "dys", "night", "nights", "nite", "nites"),
    7: ("week", "weeks", "wk", "wks", "w"),
    14: ("fortnight", "fortnights"),
    30: ("month", "months", "mo", "mos", "mth", "mths", "mnth", "mnths"),
    365: ("year", "years", "yr", "yrs", "y"),
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

RELATIVE_DAYS = {
    "today": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "tonight": 0,
    "earlier today": 0, "just now": 0, "right now": 0, "a moment ago": 0,
    "yesterday": 1, "last night": 1, "day before yesterday": 2, "the other day": 3,
    "last week": 7, "past week": 7, "last month": 30, "past month": 30, "last year": 365,
    "past year": 365,
}
VAGUE_DURATIONS = {
    "ages": 90, "for ages": 90, "a long time": 90, "long time": 90, "a long while": 90,
    "forever": 90, "for ever": 90, "years": 730, "many years": 730, "months": 60,
    "many months": 60, "weeks": 14, "days": 3, "hours": 0, "minutes": 0,
}
_RELATIVE = _Phrases(RELATIVE_DAYS)
_VAGUE = _Phrases(VAGUE_DURATIONS)

WEEKDAYS = {"monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2,
            "wed": 2, "weds": 2, "thursday": 3, "thu": 3, "thur": 3, "thurs": 3,
            "friday": 4, "fri": 4, "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
            "weekend": 5}
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


def duration_days(text: str, today: date | None = None) -> int | None:
    """How long something has gone on, in whole days (rounded up; under a day is 0)."""
    today = today or date.today()
    cleaned = _words_to_digits(normalize(text))
    if _NEGATIVE.search(cleaned):
        return None
    cleaned = _AND_A_HALF.sub(lambda m: f"{m[1]}.5", cleaned)
    cleaned = _AMOUNT_WORD.sub(lambda m: _AMOUNT_VALUES[m[1]], cleaned)
    cleaned = _ARTICLE.sub("1 ", cleaned)
    if (days := _amount_days(cleaned)) is not None:
        return days
    if relative := _RELATIVE.scan(cleaned):
        return max(relative)
    for reader in (_weekday_days, _date_days):
        if (days := reader(cleaned, today)) is not None:
            return days
    if vague := _VAGUE.scan(cleaned):
        return max(vague)
    days = parse_duration_days(text)
    return days if days is not None and days >= 0 else None


# ---------------------------------------------------------------------------------------
# Onset and side

_OVER_A_PERIOD = (
    "over (?:the |a )?(?:(?:last|past|few|couple|of|several|many|\\d+) )*"
    "(?:days|weeks|months|years)"
)
ONSET_WORDS: Mapping[str, tuple[str, ...]] = {
    "sudden": (
        "sudden", "suddenly", "all of a sudden", "all at once", "at once", "out of nowhere",
        "out of the blue", "overnight", "instantly", "instant", "in an instant",
        "immediately", "straight away", "straightaway", "right away", "in a second",
        "in a split second", "in seconds", "it just happened", "just happened", "quickly",
        "quick", "fast", "acute", "abrupt", "abruptly", "not gradual", "not gradually",
        "not slowly", "not slow", "wasn't gradual",
    ),
    "gradual": (
        "gradual", "gradually", "slowly", "slow", "bit by bit", "little by little",
        "over time", "crept up", "crept", "creeping", "creeping up", "came on slowly",
        "built up", "building up", "progressively", "progressive", "insidious",
        "worse and worse", "got worse and worse", "over a period", "over a while",
        _OVER_A_PERIOD, "not sudden", "not suddenly", "wasn't sudden", "not all of a sudden",
        "not all at once", "not overnight",
    ),
}
_ONSET = _Phrases(_table(ONSET_WORDS))


def onset(text: str) -> str | None:
    """'sudden', 'gradual' or None; the first description in the text counts."""
    found = _ONSET.scan(normalize(text))
    return found[0] if found else None


SIDE_WORDS: Mapping[str, tuple[str, ...]] = {
    "left": ("left", "lft", "lef", "letf", "lfet", "lt", "l"),
    "right": ("right", "rite", "rigth", "rihgt", "rght", "righ", "rt", "r"),
    "both": ("both", "bth", "each leg", "each side", "either side", "both sides",
             "both legs", "both of them", "bilateral", "two legs", "2 legs",
             "left and right", "right and left"),
    "": ("not left", "not the left", "not right", "not the right", "neither"),
}
_SIDES = _Phrases(_table(SIDE_WORDS))


def side(text: str) -> str | None:
    """'left', 'right', 'both' or None; naming both sides is 'both'."""
    found = set(_SIDES.scan(normalize(text))) - {""}
    if "both" in found or {"left", "right"} <= found:
        return "both"
    return found.pop() if found else None
