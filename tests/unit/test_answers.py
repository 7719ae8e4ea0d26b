"""Free-text answers to the short history questions: yes/no, pain, age, duration, onset, side."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from language.answers import (
    OUT_OF_RANGE,
    Reading,
    Reply,
    age,
    duration_days,
    normalize,
    onset,
    pain_score,
    side,
    yes_no,
)

WEDNESDAY = date(2024, 6, 12)  # fixed "today" for the calendar answers


# ---------------------------------------------------------------------------------------
# normalize


@pytest.mark.parametrize(("text", "expected"), [
    ("YESSS", "yes"),
    ("I don’t know", "i dont know"),
    ("I don't  know ", "i dont know"),
    ("Nooooo", "no"),
    ("100", "100"),
    ("six–seven", "six-seven"),
    ("", ""),
])
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_normalize_accepts_none() -> None:
    assert normalize(None) == ""


# ---------------------------------------------------------------------------------------
# yes_no

YES_CASES = [
    "yes", "yeah", "yea", "yep", "yup", "ya", "ye", "yes it is", "i do", "it does", "i have",
    "sure", "definitely", "correct", "right", "true", "y", "yess", "yse", "afraid so",
    "I'm afraid so", "i think so", "I think so yes", "👍", "YES", "Yes!", "Yes.", "yeees",
    "yesss!!!", "Yeah", "YEP", "yes i do", "yes and also my ankle", "absolutely",
    "of course", "yes, definitely", "probably", "i believe so", "that's right",
    "that’s correct", "👍🏻", "uh huh", "aye", "yes?", "well, yes", "hmm... yeah",
]
NO_CASES = [
    "no", "nope", "nah", "na", "n", "not really", "never", "none", "no way", "i don't",
    "i don’t", "I DON'T", "it doesn't", "it doesn’t", "it isn't", "noo", "nooooo", "nop",
    "neither", "not at all", "👎", "NO", "No.", "no, but my foot is numb",
    "no but my foot is numb", "no. my foot is numb though", "I don't think so",
    "I don’t think so", "i dont think so", "don't think so", "not that I know of",
    "Not that I know of", "definitely not", "absolutely not", "of course not",
    "probably not", "nothing", "nah mate", "nope, not at all", "it's not", "i haven't",
    "never had that", "not true", "incorrect", "not anymore", "no, only sometimes",
    "no, a bit",
]
UNSURE_CASES = [
    "not sure", "unsure", "don't know", "dont know", "don’t know", "dunno", "idk", "IDK",
    "no idea", "maybe", "possibly", "perhaps", "might be", "can't tell", "cant say",
    "hard to say", "not certain", "?", "??", " ? ", "i'm not sure", "I’m not sure",
    "Im not sure", "no clue", "no not really sure", "not really sure", "not too sure",
    "I have no idea", "i do not know", "I don't know", "no, I don't know", "yes. not sure",
    "yes, maybe", "maybe a little", "not 100% sure", "🤷", "who knows", "could be",
    "hard to tell", "not sure, but my foot is numb", "not surre", "mayyybe",
]
PARTIAL_CASES = [
    "sort of", "kind of", "kinda", "sorta", "a bit", "a little", "slightly", "sometimes",
    "occasionally", "on and off", "a little bit", "ish", "yes-ish", "Kinda", "SORT OF",
    "yeah kind of", "yeah kinda", "yes, a bit", "yes, only sometimes", "yes and no",
    "now and then", "comes and goes", "a tiny bit", "somewhat", "not always", "i do a bit",
]


@pytest.mark.parametrize("text", YES_CASES)
def test_yes(text: str) -> None:
    assert yes_no(text) is Reply.YES


@pytest.mark.parametrize("text", NO_CASES)
def test_no(text: str) -> None:
    assert yes_no(text) is Reply.NO


@pytest.mark.parametrize("text", UNSURE_CASES)
def test_unsure(text: str) -> None:
    assert yes_no(text) is Reply.UNSURE


@pytest.mark.parametrize("text", PARTIAL_CASES)
def test_partial(text: str) -> None:
    assert yes_no(text) is Reply.PARTIAL


@pytest.mark.parametrize(("intent", "expected"), [
    ("affirm", Reply.YES),
    ("deny", Reply.NO),
    ("unsure", Reply.UNSURE),
    ("greet", None),
    ("", None),
    (None, None),
])
def test_intent_is_the_fallback(intent: str | None, expected: Reply | None) -> None:
    assert yes_no("my knee hurts", intent) is expected
    assert yes_no("", intent) is expected


@pytest.mark.parametrize(("text", "intent", "expected"), [
    ("no", "affirm", Reply.NO),
    ("yes", "deny", Reply.YES),
    ("not sure", "affirm", Reply.UNSURE),
    ("not sure", "deny", Reply.UNSURE),
    ("a bit", "deny", Reply.PARTIAL),
    ("not really", "affirm", Reply.NO),
    ("I don't think so", "affirm", Reply.NO),
])
def test_words_win_over_intent(text: str, intent: str, expected: Reply) -> None:
    assert yes_no(text, intent) is expected


@pytest.mark.parametrize("text", ["", "   ", "my knee hurts", "hello", "ok then", "hmm"])
def test_no_answer_without_intent(text: str) -> None:
    assert yes_no(text) is None


def test_reply_is_a_string_enum() -> None:
    assert Reply.YES == "yes" and Reply.PARTIAL.value == "partial"
    assert {r.value for r in Reply} == {"yes", "no", "unsure", "partial"}


# ---------------------------------------------------------------------------------------
# pain_score


@pytest.mark.parametrize(("text", "expected"), [
    ("7", 7), ("7/10", 7), ("7 / 10", 7), ("7 out of 10", 7), ("7 out of ten", 7),
    ("seven out of ten", 7), ("SEVEN", 7), ("about a six", 6), ("a 6", 6), ("six", 6),
    ("I'd say a 6", 6), ("I’d say about 6", 6), ("6 or 7", 7), ("6-7", 7), ("6 - 7", 7),
    ("6–7", 7), ("6 to 7", 7), ("six or seven", 7), ("6-7/10", 7), ("6 or 7 out of 10", 7),
    ("7.5", 8), ("7,5", 8), ("6.2", 7), ("7.5/10", 8), ("10/10", 10), ("ten out of ten", 10),
    ("12/10", 10), ("15 out of 10", 10), ("20/10!!", 10), ("0", 0), ("0/10", 0),
    ("zero", 0), ("10", 10), ("1", 1), ("70/100", 7), ("75%", 8), ("10 outta 10", 10),
    ("8/10 at night, 4 in the day", 8), ("about 6 for 3 weeks", 6),
    ("6, been going on 14 days", 6),
])
def test_pain_numbers(text: str, expected: int) -> None:
    assert pain_score(text) == Reading(expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("mild", 3), ("Mild", 3), ("not too bad", 3), ("a little", 3), ("niggle", 3),
    ("just a niggle", 3), ("not bad", 3), ("slight", 3), ("moderate", 6), ("medium", 6),
    ("so-so", 6), ("so so", 6), ("bad", 8), ("really bad", 8), ("reallly baaad", 8),
    ("severe", 8), ("terrible", 8), ("awful", 8), ("agony", 8), ("very painful", 8),
    ("it's in agony", 8), ("unbearable", 10), ("excruciating", 10), ("worst ever", 10),
    ("worst pain", 10), ("worst i've had", 10), ("the worst I’ve had", 10),
    ("none", 0), ("no pain", 0), ("NO PAIN", 0), ("mild in the day but severe at night", 8),
])
def test_pain_words(text: str, expected: int) -> None:
    assert pain_score(text) == Reading(expected)


def test_a_number_wins_over_words() -> None:
    assert pain_score("bad, about a 5") == Reading(5)


@pytest.mark.parametrize("text", [
    "-3", "-1/10", "minus 2", "pain is -5", "100", "50", "11", "it's a 50", "100 percent",
])
def test_pain_impossible(text: str) -> None:
    assert pain_score(text) == Reading(None, OUT_OF_RANGE)


@pytest.mark.parametrize("text", ["", "not sure", "it hurts", "hmm", "?", "my knee"])
def test_pain_nothing_found(text: str) -> None:
    assert pain_score(text) == Reading(None, None)


# ---------------------------------------------------------------------------------------
# age


@pytest.mark.parametrize(("text", "expected"), [
    ("45", 45), ("I'm 45", 45), ("I’m 45", 45), ("im 45", 45), ("45 years old", 45),
    ("45 YEARS OLD", 45), ("45yo", 45), ("45 y/o", 45), ("45 yrs old", 45),
    ("forty five", 45), ("forty-five", 45), ("Forty Five", 45), ("sixty two", 62),
    ("in my fifties", 55), ("50s", 55), ("50's", 55), ("in my 50’s", 55),
    ("mid fifties", 55), ("mid-50s", 55), ("in my forties", 45), ("my twenties", 25),
    ("in my thirties", 35), ("sixties", 65), ("seventies", 75), ("eighties", 85),
    ("teens", 15), ("early fifties", 52), ("late fifties", 58), ("late 50s", 58),
    ("over 60", 61), ("over sixty", 61), ("just over 60", 61), ("60+", 61),
    ("under 30", 29), ("nearly 60", 59), ("about 40", 40), ("0", 0), ("120", 120),
    ("a hundred", 100), ("45.5", 45), ("I'm 63, so over 60", 63),
    ("45 and my pain is 7", 45), ("18 months old", 1),
])
def test_age(text: str, expected: int) -> None:
    assert age(text) == Reading(expected)


def test_age_from_birth_year() -> None:
    assert age("born in 1970") == Reading(date.today().year - 1970)


@pytest.mark.parametrize("text", ["121", "150", "200 years old", "-5", "minus 3", "over 120"])
def test_age_impossible(text: str) -> None:
    assert age(text) == Reading(None, OUT_OF_RANGE)


@pytest.mark.parametrize("text", ["", "old enough", "not telling", "?"])
def test_age_nothing_found(text: str) -> None:
    assert age(text) == Reading(None, None)


# ---------------------------------------------------------------------------------------
# duration_days


@pytest.mark.parametrize(("text", "expected"), [
    ("3 weeks", 21), ("3wks", 21), ("3 wk", 21), ("3 WEEKS", 21), ("3 weeeks", 21),
    ("two weeks", 14), ("a couple of weeks", 14), ("couple weeks", 14),
    ("a couple weeks", 14), ("a few days", 3), ("several weeks", 28), ("a fortnight", 14),
    ("1.5 weeks", 11), ("one and a half weeks", 11), ("a week and a half", 11),
    ("a month", 30), ("a couple of months", 60), ("6 months ago", 180),
    ("six months ago", 180), ("over a year", 365), ("2 yrs", 730), ("2 years", 730),
    ("a year and a half", 548), ("a year and 2 months", 425), ("3 weeks and 2 days", 23),
    ("about 10 days", 10), ("10d", 10), ("for 5 days now", 5), ("3 days ago", 3),
    ("a week", 7), ("about a week", 7), ("a week or two", 14), ("2 or 3 weeks", 21),
    ("2-3 weeks", 21), ("2 to 3 weeks", 21), ("36 hours", 2), ("48hrs", 2),
    ("an hour ago", 0), ("a few hours", 0), ("20 minutes", 0), ("2 nights", 2),
    ("3 weeks but worse for the last 2 days", 21), ("a day or two", 2),
])
def test_duration_amounts(text: str, expected: int) -> None:
    assert duration_days(text, WEDNESDAY) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("yesterday", 1), ("since yesterday", 1), ("Since Yesterday!", 1), ("today", 0),
    ("this morning", 0), ("just now", 0), ("last night", 1), ("since last night", 1),
    ("since last week", 7), ("last week", 7), ("since last month", 30),
    ("the day before yesterday", 2),
])
def test_duration_relative_days(text: str, expected: int) -> None:
    assert duration_days(text, WEDNESDAY) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("since tuesday", 1), ("since Tuesday", 1), ("since tues", 1), ("on monday", 2),
    ("since mon", 2), ("since sunday", 3), ("since sun", 3), ("since saturday", 4),
    ("since sat", 4), ("since friday", 5), ("since thursday", 6), ("since thurs", 6),
    ("since wednesday", 7), ("since wed", 7), ("last tuesday", 1), ("MONDAY", 2),
    ("since the weekend", 3),
])
def test_duration_weekdays(text: str, expected: int) -> None:
    assert duration_days(text, WEDNESDAY) == expected


@pytest.mark.parametrize(("today", "text", "expected"), [
    (date(2024, 6, 10), "since monday", 7),  # a Monday
    (date(2024, 6, 10), "since sunday", 1),
    (date(2024, 6, 16), "since monday", 6),  # a Sunday
])
def test_duration_weekdays_other_days(today: date, text: str, expected: int) -> None:
    assert duration_days(text, today) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("since march", (WEDNESDAY - date(2024, 3, 1)).days),
    ("since March", (WEDNESDAY - date(2024, 3, 1)).days),
    ("since 3rd of may", 40), ("since the 3rd of May", 40), ("since may 3", 40),
    ("since May 3rd", 40), ("3 may", 40), ("since may", 42), ("in may", 42),
    ("since june 1st", 11), ("since june 20th", (WEDNESDAY - date(2023, 6, 20)).days),
    ("since july", (WEDNESDAY - date(2023, 7, 1)).days),
    ("since december", (WEDNESDAY - date(2023, 12, 1)).days),
    ("since mid-march", (WEDNESDAY - date(2024, 3, 15)).days),
    ("since the end of march", (WEDNESDAY - date(2024, 3, 25)).days),
    ("since feb 30", (WEDNESDAY - date(2024, 2, 29)).days),
    ("since may 2023", (WEDNESDAY - date(2023, 5, 1)).days),
    ("since 2020", (WEDNESDAY - date(2020, 1, 1)).days),
    ("since christmas", (WEDNESDAY - date(2023, 12, 25)).days),
])
def test_duration_calendar_dates(text: str, expected: int) -> None:
    assert duration_days(text, WEDNESDAY) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("ages", 90), ("for ages", 90), ("a long time", 90), ("forever", 90), ("for ever", 90),
    ("years", 730), ("for years", 730), ("months", 60), ("weeks", 14), ("days", 3),
    ("for years and years", 730),
])
def test_duration_vague(text: str, expected: int) -> None:
    assert duration_days(text, WEDNESDAY) == expected


@pytest.mark.parametrize("text", [
    "", "not sure", "hmm", "it may be worse", "I sat down", "since march 2030", "-3 days",
    "a while",
])
def test_duration_nothing_found(text: str) -> None:
    assert duration_days(text, WEDNESDAY) is None


def test_a_bare_number_is_days_like_the_history_parser() -> None:
    assert duration_days("5", WEDNESDAY) == 5


def test_duration_today_defaults_to_the_real_date() -> None:
    assert duration_days("3 weeks") == 21
    assert 1 <= duration_days("since monday") <= 7
    days = duration_days("since january")
    assert days == (date.today() - date(date.today().year, 1, 1)).days
    yesterday = date.today() - timedelta(days=1)
    assert duration_days(f"since {yesterday:%B} {yesterday.day}") == 1


# ---------------------------------------------------------------------------------------
# onset


@pytest.mark.parametrize("text", [
    "suddenly", "Suddenly!", "SUDDENLY", "all of a sudden", "all at once", "out of nowhere",
    "overnight", "instantly", "straight away", "in a second", "it just happened",
    "it came on suddenly", "out of the blue", "immediately", "suddenlyyy",
    "it wasn't gradual", "it wasn’t gradual",
])
def test_sudden_onset(text: str) -> None:
    assert onset(text) == "sudden"


@pytest.mark.parametrize("text", [
    "gradually", "Gradually", "slowly", "slow", "bit by bit", "over time", "crept up",
    "creeping", "came on slowly", "over weeks", "over months", "over a few months",
    "over the last 2 weeks", "got worse and worse", "little by little", "it wasn't sudden",
    "not suddenly", "graduallly",
])
def test_gradual_onset(text: str) -> None:
    assert onset(text) == "gradual"


@pytest.mark.parametrize("text", ["", "not sure", "don't know", "hmm", "my knee", "yes"])
def test_onset_unknown(text: str) -> None:
    assert onset(text) is None


# ---------------------------------------------------------------------------------------
# side


@pytest.mark.parametrize(("text", "expected"), [
    ("left", "left"), ("LEFT", "left"), ("lft", "left"), ("left leg", "left"),
    ("left one", "left"), ("the left one", "left"), ("my left knee", "left"), ("l", "left"),
    ("leftt", "left"), ("right", "right"), ("Right", "right"), ("rite", "right"),
    ("right one", "right"), ("the right one", "right"), ("right knee", "right"),
    ("r", "right"), ("both", "both"), ("Both", "both"), ("both legs", "both"),
    ("both sides", "both"), ("each leg", "both"), ("both of them", "both"),
    ("either side", "both"), ("left and right", "both"), ("right and left", "both"),
    ("left knee and right ankle", "both"), ("bilateral", "both"),
    ("the right, not the left", "right"), ("not the left, the right", "right"),
])
def test_side(text: str, expected: str) -> None:
    assert side(text) == expected


@pytest.mark.parametrize("text", ["", "not sure", "neither", "hmm", "my knee", "the middle"])
def test_side_unknown(text: str) -> None:
    assert side(text) is None
