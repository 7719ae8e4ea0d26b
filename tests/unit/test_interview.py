"""The history taking plan: which questions, in which order, and what answers mean."""

from __future__ import annotations

import dataclasses
import statistics

import pytest

from actions.triage import History, Level, assess
from actions.triage.interview import answer_facts, merge_inputs, questions_to_ask

CAUDA_EQUINA = {"bladder_or_bowel_change", "saddle_numbness"}
OPENINGS = {
    "kneecap ache": {"locations": ["kneecap"], "symptoms": ["pain"]},
    "knee to shin": {"locations": ["knee", "shin"], "symptoms": ["pain"]},
    "numb foot": {"locations": ["knee", "foot"], "symptoms": ["pain", "numbness"]},
    "sciatica-like": {"locations": ["lower_back", "knee", "calf"], "symptoms": ["tingling"]},
    "knee and calf": {"locations": ["knee", "calf"], "symptoms": ["pain"]},
    "twisted knee": {"locations": ["knee"], "symptoms": ["swelling"], "injury": True},
}
REASSURING = {"pain_score": "3", "duration": "10", "age": "40", "injury_days_ago": "2",
              "onset": "gradual", "cannot_bear_weight": "yes", "cannot_bend_knee": "yes",
              "nothing_eases_pain": "yes"}


def interview(opening: dict, answer: str = "no") -> tuple[list[str], History]:
    """Ask as the assistant would, answering every question the same way."""
    answers: dict[str, str] = {}
    while True:
        history = History.from_mapping(
            merge_inputs(opening, *(answer_facts(q, a) for q, a in answers.items())))
        due = [q for q in questions_to_ask(history) if q not in answers]
        if not due:
            return list(answers), history
        answers[due[0]] = REASSURING.get(due[0], answer) if answer == "no" else answer
        assert len(answers) < 30


def test_red_flags_are_screened_first_when_nerves_are_involved() -> None:
    asked, _ = interview(OPENINGS["numb foot"])
    assert set(asked[:2]) == CAUDA_EQUINA
    assert "both_legs" in asked[:4]


def test_nothing_already_said_is_asked_again() -> None:
    opening = dict(OPENINGS["numb foot"], pain_score=6, duration="3 weeks")
    asked, _ = interview(opening)
    assert {"pain_score", "duration", "numbness_or_tingling"}.isdisjoint(asked)


def test_questions_that_cannot_change_the_outcome_are_not_asked() -> None:
    asked, _ = interview(OPENINGS["kneecap ache"])
    assert CAUDA_EQUINA.isdisjoint(asked)  # no nerve symptoms, no back pain
    assert "fibula_head_tender" not in asked  # no injury: the Ottawa rule cannot apply
    assert "chest_symptoms" not in asked  # no calf signs


def test_an_injury_brings_the_ottawa_and_deformity_questions() -> None:
    asked, history = interview(OPENINGS["twisted knee"])
    assert {"deformity", "injury_days_ago", "cannot_bear_weight"} <= set(asked)
    assert assess(history).level is Level.SOON  # S-INJURY; no Ottawa finding


def test_a_typical_non_emergency_needs_at_most_about_eight_questions() -> None:
    # Worst case: every answer reassuring, so home care stays possible and its facts are
    # asked too, with the rarer serious causes for pain of a week or more (here 10 days).
    # Conversations through the REST channel (tests/conversations, tests/robustness)
    # measure the median on whole conversations.
    counts = [len(interview(opening)[0]) for opening in OPENINGS.values()]
    assert statistics.median(counts) <= 11
    assert max(counts) <= 14  # a fresh injury (Ottawa), or knee and calf heading home


def test_reassuring_answers_can_reach_self_care() -> None:
    _, history = interview(OPENINGS["kneecap ache"])
    assert assess(history).level is Level.SELF_CARE


@pytest.mark.parametrize("name", sorted(OPENINGS))
def test_not_sure_never_lowers_the_level_and_is_never_asked_twice(name: str) -> None:
    asked, history = interview(OPENINGS[name], answer="unsure")
    assert len(asked) == len(set(asked))
    assert assess(history).level >= Level.SOON


def test_not_sure_on_a_red_flag_question_means_not_excluded() -> None:
    asked, history = interview(OPENINGS["numb foot"], answer="unsure")
    decision = assess(history)
    assert asked[0] in CAUDA_EQUINA
    assert decision.level is Level.URGENT
    assert "U-NOTSURE" in [hit.rule_id for hit in decision.fired]


def test_an_emergency_answer_ends_the_questions() -> None:
    history = History.from_mapping(merge_inputs(
        OPENINGS["numb foot"], answer_facts("bladder_or_bowel_change", "yes")))
    assert assess(history).level is Level.EMERGENCY
    assert questions_to_ask(history) == ()


@pytest.mark.parametrize(("question", "answer", "expected"), [
    ("saddle_numbness", "yes", {"saddle_numbness": True}),
    ("saddle_numbness", "partial", {"saddle_numbness": True}),
    ("saddle_numbness", "no", {"absent": ["saddle_numbness"]}),
    ("saddle_numbness", "unsure", {"not_sure": ["saddle_numbness"]}),
    ("cannot_bear_weight", "yes", {"absent": ["cannot_bear_weight"]}),
    ("cannot_bear_weight", "partial", {"cannot_bear_weight": True}),
    ("numbness_or_tingling", "no", {"absent": ["numbness", "tingling", "burning", "weakness"]}),
    ("back_pain", "yes", {"locations": ["lower_back"]}),
    ("pain_score", "7", {"pain_score": "7"}),
    ("onset", "sudden", {"onset": "sudden"}),
    ("age", "unsure", {"not_sure": ["age"]}),
    ("saddle_numbness", "banana", {}),
])
def test_answers_become_history_facts(question: str, answer: str, expected: dict) -> None:
    assert answer_facts(question, answer) == expected


def test_home_care_for_a_week_or_more_asks_about_the_rarer_serious_causes() -> None:
    asked, history = interview(OPENINGS["kneecap ache"])
    assert {"weight_loss", "night_pain"} <= set(asked)
    assert assess(history).level is Level.SELF_CARE
    unsure = dataclasses.replace(history, weight_loss=None,
                                 not_sure=history.not_sure | {"weight_loss"})
    assert "S-SYSTEMIC" in [hit.rule_id for hit in assess(unsure).fired]
