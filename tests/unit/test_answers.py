"""Free-text answers to the short history questions: yes/no, pain, age, duration, onset, side."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from conftest import run_action, slots_of, tracker_with

from actions.listener import ActionListenToEveryMessage
from actions.triage import interview
from actions.triage.rules import QUESTIONS
from language import answers, findings
from language.answers import (
    OUT_OF_RANGE,
    Kind,
    Reading,
    Reply,
    age,
    answers_like,
    duration_days,
    is_only_greeting,
    meanings,
    normalize,
    onset,
    pain_score,
    read_answer,
    reply_to,
    side,
    yes_no,
)

ROOT = Path(__file__).resolve().parents[2]

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


# ---------------------------------------------------------------------------------------
# read_answer: the answer to one history question, read against its meaning


@pytest.mark.parametrize(("question", "text", "stored"), [
    # the worrying answer of "Can you take 4 steps on that leg?" is no
    ("cannot_bear_weight", "no I can't take more than a step", "no"),
    ("cannot_bear_weight", "hardly any weight", "no"),
    ("cannot_bear_weight", "I can barely hobble", "no"),
    ("deformity", "nah looks normal, just swollen n grazed", "no"),
    ("nothing_eases_pain", "nothing touches it", "no"),
    ("knee_swelling", "yes but only a bit", "yes"),
    ("knee_swelling", "I think so", "yes"),
    ("knee_swelling", "sort of", "partial"),
    ("knee_swelling", "a bit", "partial"),
    ("knee_swelling", "not sure", "unsure"),
    ("knee_swelling", "dunno", "unsure"),
    ("knee_swelling", "hard to say", "unsure"),
    ("knee_swelling", "not shure", "unsure"),
    ("saddle_numbness", "no, but my foot is numb", "no"),
    ("hot_red_knee", "my knee is really hot", "yes"),
    ("hot_red_knee", "it's not hot at all", "no"),
])
def test_the_examples_of_the_brief(question: str, text: str, stored: str) -> None:
    assert read_answer(question, text, None) == (stored, None)


@pytest.mark.parametrize(("question", "text", "stored"), [
    ("bladder_or_bowel_change", "I wet myself this morning", "yes"),
    ("bladder_or_bowel_change", "no problems with my bladder", "no"),
    ("bladder_or_bowel_change", "peeing fine thanks", "no"),
    ("bladder_or_bowel_change", "I think I might have wet myself", "yes"),  # said with doubt
    ("saddle_numbness", "nope, can feel everything", "no"),
    ("saddle_numbness", "numb down there yes", "yes"),
    ("both_legs", "just the left one", "no"),
    ("both_legs", "both", "yes"),
    ("both_legs", "not both, just the right", "no"),
    ("cold_pale_or_blue_leg", "it's gone a bit blue", "partial"),
    ("cold_pale_or_blue_leg", "no it's warm", "no"),
    ("cold_pale_or_blue_leg", "nope same as the other", "no"),
    ("chest_symptoms", "I'm a bit short of breath", "partial"),
    ("chest_symptoms", "breathing fine", "no"),
    ("fever_or_unwell", "I've had the chills since yesterday", "yes"),
    ("fever_or_unwell", "no fever, feel fine", "no"),
    ("fever_or_unwell", "my temperature is normal", "no"),
    ("hot_red_knee", "a little warm", "partial"),
    ("hot_red_knee", "it's red and hot to touch", "yes"),
    ("hot_red_knee", "not red, just sore", "no"),
    ("hot_red_knee", "it's not hot, but it is red", "yes"),  # one finding is enough
    ("hot_red_knee", "hot? no", "no"),
    ("knee_swelling", "swollen like a balloon", "yes"),
    ("knee_swelling", "no swelling at all", "no"),
    ("knee_swelling", "I haven't noticed any swelling", "no"),
    ("knee_swelling", "ya a lil", "yes"),  # a yes with a degree: yes where yes worries
    ("knee_swelling", "probs", "yes"),
    ("knee_swelling", "I dunno, maybe", "unsure"),
    ("deformity", "it looks a bit wonky", "partial"),
    ("deformity", "no, looks normal", "no"),
    ("deformity", "no bone showing thank god", "no"),
    ("deformity", "my kneecap has moved to the side", "yes"),
    ("pain_out_of_proportion", "it keeps getting worse", "yes"),
    ("pain_out_of_proportion", "no it's settling down", "no"),
    ("calf_tight", "feels really tight", "yes"),
    ("injury", "I fell off my bike", "yes"),
    ("injury", "no it came on by itself", "no"),
    ("injury", "didn't fall or anything", "no"),
    ("cast", "yes it's in plaster", "yes"),
    ("calf_signs", "no both look the same", "no"),
    ("cannot_bear_weight", "yes I can walk fine", "yes"),
    ("cannot_bear_weight", "I'm on crutches", "no"),
    ("cannot_bear_weight", "I walked in here", "yes"),
    ("cannot_bear_weight", "can't put any weight on it", "no"),
    ("cannot_bear_weight", "yeah just about", "partial"),  # the worrying side
    ("cannot_bear_weight", "yes but only a bit", "partial"),  # the worrying side
    ("cannot_bend_knee", "it bends fine", "yes"),
    ("cannot_bend_knee", "it won't bend at all", "no"),
    ("cannot_bend_knee", "it's too stiff", "no"),
    ("cannot_bend_knee", "I can", "yes"),
    ("cannot_bend_knee", "i cant", "no"),
    ("fibula_head_tender", "ouch yes", "yes"),
    ("fibula_head_tender", "it doesn't hurt there", "no"),
    ("kneecap_tender", "a bit sore", "partial"),
    ("kneecap_tender", "not really tender", "no"),
    ("weakness", "my foot slaps when I walk", "yes"),
    ("weakness", "I keep tripping over my toes", "yes"),
    ("weakness", "no it feels strong", "no"),
    ("neuro_spreading", "it's spreading up my leg", "yes"),
    ("neuro_spreading", "no it's staying the same", "no"),
    ("nothing_eases_pain", "rest helps", "yes"),
    ("nothing_eases_pain", "not really, nothing helps", "no"),
    ("nothing_eases_pain", "painkillers don't touch it", "no"),
    ("knee_locked", "it's stuck bent", "yes"),
    ("knee_locked", "no I can straighten it", "no"),
    ("numbness_or_tingling", "pins and needles in my toes", "yes"),
    ("numbness_or_tingling", "no numbness or tingling", "no"),
    ("numbness_or_tingling", "no, but my foot is numb", "yes"),
    ("back_pain", "my lower back aches too", "yes"),
    ("back_pain", "no just the knee", "no"),
    ("back_pain", "my back is fine", "no"),
    ("not_improving", "it's no better", "yes"),
    ("not_improving", "it's getting better slowly", "no"),
    ("recurrent_swelling", "it swells up after football", "yes"),
    ("recurrent_swelling", "no this is the first time", "no"),
    ("catching_or_clicking", "it clicks when I climb stairs", "yes"),
    ("giving_way", "it gave way going downstairs", "yes"),
    ("giving_way", "feels stable", "no"),
    ("walking_distance_pain", "yes after about 10 minutes walking", "yes"),
    ("walking_distance_pain", "no it's there all the time", "no"),
    ("eased_by_rest", "it goes away when I stop", "yes"),
    ("eased_by_rest", "after a few minutes", "yes"),
    ("eased_by_rest", "no it lasts for hours", "no"),
    ("diabetes", "type 2", "yes"),
    ("diabetes", "I'm not diabetic", "no"),
    ("lump_behind_knee", "there's a squishy lump there", "yes"),
    ("weight_loss", "I've lost a stone without trying", "yes"),
    ("weight_loss", "no, same weight", "no"),
    ("cancer", "I had breast cancer 5 years ago", "yes"),  # a history item still counts
    ("cancer", "never", "no"),
    ("night_pain", "it keeps me awake", "yes"),
    ("night_pain", "no it's worse in the day", "no"),
    ("night_pain", "mornings mostly", "no"),
])
def test_answers_in_many_styles(question: str, text: str, stored: str) -> None:
    assert read_answer(question, text, None) == (stored, None)


@pytest.mark.parametrize(("question", "text"), [
    ("deformity", "can I have a summary"),
    ("deformity", "can I have a summary for my doctor"),
    ("deformity", "I do yoga"),
    ("deformity", "I do yoga and pilates twice a week at the gym"),
    ("knee_swelling", "what do you mean by swelling?"),
    ("knee_swelling", "is that bad?"),
    ("hot_red_knee", "is it normal for it to be red?"),
    ("weakness", "how would I know"),
])
def test_a_yes_word_in_a_question_or_another_sentence_is_no_answer(question, text) -> None:
    assert read_answer(question, text, None) == (None, None)
    assert read_answer(question, text, "affirm") == (None, None)  # not even with the intent


@pytest.mark.parametrize("text", [
    "about 3 weeks", "3 weeks", "since the weekend", "for ages", "a fortnight", "6",
    "about a 6", "7/10", "this afternoon", "for about 3 weeks now",
    "not long, 2 days", "I'm 58",
])
def test_a_number_or_a_time_at_a_yes_no_question_is_no_answer(text: str) -> None:
    assert read_answer("weakness", text, None) == (None, None)
    assert read_answer("weakness", text, "affirm") == (None, None)


@pytest.mark.parametrize(("question", "text", "stored"), [
    ("weakness", "yes for 3 weeks", "yes"),
    ("weakness", "not sure, maybe 3 weeks", "unsure"),
    ("injury_days_ago", "this afternoon", "0"),
    ("injury_days_ago", "last night", "1"),
    ("injury_days_ago", "dunno", "unsure"),
    ("duration", "since the weekend", str(duration_days("since the weekend"))),
    ("duration", "well over a month", "38"),
    ("duration", "donkeys years", "730"),
    ("pain_score", "morning, it's about a 6", "6"),
    ("age", "in my sixties", "65"),
    ("onset", "all of a sudden when I stood up", "sudden"),
    ("onset", "not sure", "unsure"),
])
def test_values_and_answers_with_values(question: str, text: str, stored: str) -> None:
    assert read_answer(question, text, None) == (stored, None)


def test_the_buttons_and_the_intent_are_read_when_the_words_say_nothing() -> None:
    assert read_answer("knee_swelling", "/affirm", "affirm") == ("yes", None)
    assert read_answer("cannot_bear_weight", "/deny", "deny") == ("no", None)
    assert read_answer("weakness", "/unsure", "unsure") == ("unsure", None)


# ---------------------------------------------------------------------------------------
# Durations and times said in words


@pytest.mark.parametrize(("text", "expected"), [
    ("this afternoon", 0), ("this morning", 0), ("earlier today", 0), ("last night", 1),
    ("a fortnight", 14), ("since the weekend", 3), ("couple of days", 2), ("a few weeks", 21),
    ("about 3 weeks", 21), ("6 months", 180), ("a year or so", 365), ("donkeys years", 730),
    ("donkey's years", 730), ("ages", 90), ("yonks", 90), ("well over a month", 38),
    ("way over a year", 457), ("over a month", 30), ("the other week", 14),
    ("since the weekend, maybe", 3),
])
def test_durations_as_people_say_them(text: str, expected: int) -> None:
    assert duration_days(text, WEDNESDAY) == expected


def test_how_often_is_not_how_long() -> None:
    assert duration_days("twice a week", WEDNESDAY) is None
    assert duration_days("every day", WEDNESDAY) is None
    assert duration_days("3 times a week for 2 months", WEDNESDAY) == 60


def test_the_listener_finds_time_words_with_the_same_lists() -> None:
    assert findings.TIME_WORDS is answers.TIME_WORDS
    for text in ("since the weekend", "about 3 weeeks", "a fortnight", "10d", "donkeys years",
                 "this afternoon", "Since Tuesday"):
        assert answers.TIME_WORDS.search(text), text
    for text in ("I'd say no", "my knee", "yes"):
        assert not answers.TIME_WORDS.search(text), text


# ---------------------------------------------------------------------------------------
# Greetings


@pytest.mark.parametrize("text", [
    "hi", "Hi!", "hello there", "good morning", "Good Morning :)", "hey 👋", "hiya",
    "morning", "hello again", "hi, how are you?",
])
def test_only_a_greeting(text: str) -> None:
    assert is_only_greeting(text)


@pytest.mark.parametrize("text", [
    "this afternoon", "morning, it's about a 6", "hi, yes it is", "hello I have knee pain",
    "yes", "", "since this morning",
])
def test_a_greeting_with_something_else_is_not_only_a_greeting(text: str) -> None:
    assert not is_only_greeting(text)


# ---------------------------------------------------------------------------------------
# The questions' meanings: one entry per question, beside its wording


def test_every_question_has_one_meaning_and_a_wording() -> None:
    ids = {q.id for q in QUESTIONS}
    assert set(meanings()) == ids
    domain = ROOT / "domain" / "history.yml"
    responses = yaml.safe_load(domain.read_text(encoding="utf-8"))["responses"]
    assert {f"utter_ask_{qid}" for qid in ids} <= set(responses)
    for qid, meaning in meanings().items():
        question = next(q for q in QUESTIONS if q.id == qid)
        if question.number:
            assert meaning.kind in (Kind.DAYS, Kind.SCORE, Kind.AGE), qid
        elif qid == "onset":
            assert meaning.kind is Kind.ONSET
        else:
            assert meaning.kind is Kind.YES_NO and meaning.worrying in (Reply.YES, Reply.NO)


def test_the_interview_takes_the_question_kinds_from_the_meanings() -> None:
    assert interview.INVERTED == {"cannot_bear_weight", "cannot_bend_knee", "nothing_eases_pain"}
    assert interview.NUMBER_QUESTIONS == {"pain_score", "age", "duration", "injury_days_ago"}
    assert interview.CHOICE_QUESTIONS == {"onset"}


def test_the_answer_reader_is_pure() -> None:
    code = ("import sys, language.answers; sys.exit(any(m.split('.')[0] in "
            "('rasa', 'rasa_sdk', 'actions') for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


# ---------------------------------------------------------------------------------------
# In the conversation (the listener adapts the reader)


def _listen(text: str, question: str, intent: str) -> tuple[list[str], dict]:
    tracker = tracker_with(text, intent, [], active_loop="history_form",
                           slots={"body_locations": ["knee"], "requested_slot": question})
    messages, events = run_action(ActionListenToEveryMessage(), tracker)
    return [m.get("response") for m in messages], slots_of(events)


@pytest.mark.parametrize("intent", ["give_duration", "affirm", "nlu_fallback", "greet"])
def test_a_duration_at_a_yes_no_question_is_kept_and_the_question_comes_again(intent) -> None:
    responses, slots = _listen("about 3 weeks", "weakness", intent)
    assert responses == ["utter_noted_that"]  # not "Sorry, I didn't catch that"
    assert slots["duration"] == "21" and slots["weakness"] is None


@pytest.mark.parametrize("text", ["hi", "hello there", "good morning"])
def test_a_greeting_mid_history_is_answered_as_a_greeting(text: str) -> None:
    responses, slots = _listen(text, "weakness", "greet")
    assert responses == [] and "weakness" not in slots  # the form steps aside


@pytest.mark.parametrize(("text", "question", "stored"), [
    ("this afternoon", "injury_days_ago", "0"),
    ("morning, it's about a 6", "pain_score", "6"),
    ("hello, yes it is", "weakness", "yes"),
])
def test_a_greeting_word_with_an_answer_is_an_answer(text, question, stored) -> None:
    _, slots = _listen(text, question, "greet")
    assert slots[question] == stored


@pytest.mark.parametrize(("question", "text", "expected"), [
    # a finding said with a hedge counts as said (policy section 1)
    ("calf_signs", "maybe a little tender", Reply.YES),
    ("knee_swelling", "perhaps slightly swollen", Reply.YES),
    ("hot_red_knee", "no idea if it's hot", Reply.UNSURE),
    # some relief is relief; "a bit" elsewhere stays the worrying side
    ("nothing_eases_pain", "resting it helps a bit", Reply.YES),
    ("not_improving", "it's improving a bit", Reply.NO),
    ("not_improving", "a bit worse", Reply.PARTIAL),
    ("cannot_bear_weight", "i can walk a bit", Reply.PARTIAL),
    # a negation reaches along a list
    ("calf_signs", "no, the calf isn't red or warm or swollen", Reply.NO),
])
def test_hedges_and_degrees_read_against_the_question(question: str, text: str,
                                                      expected: Reply) -> None:
    assert reply_to(question, text) is expected


def test_a_fortnight_misspelt_is_still_two_weeks() -> None:
    assert duration_days("about a fortnite") == 14


@pytest.mark.parametrize(("text", "expected"), [
    ("About five when it comes on", True),
    ("nah not really", True),
    ("what exercises can I do?", False),
    ("tell me about sciatica", False),
    ("exercises for my knee", False),
    ("does a bad knee cause numbness in the leg", False),
    ("is ice good for it", False),
])
def test_a_statement_with_an_answer_in_it_is_not_a_question(text: str, expected: bool) -> None:
    assert answers_like(text) is expected
