"""The scripted patient of tests/conversations (offline: no Rasa, no server)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

from actions.triage import History
from language import answers
from language.vocabulary import vocabulary

ROOT = Path(__file__).resolve().parents[2]
VIGNETTES = ROOT / "tests" / "vignettes"


def _load_patient():
    path = ROOT / "tests" / "conversations" / "patient.py"
    spec = importlib.util.spec_from_file_location("patient", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("patient", module)
    spec.loader.exec_module(module)
    return module


patient = _load_patient()
Patient = patient.Patient

CASE = {
    "age": 45,
    "locations": ["lower_back", "buttock"],
    "spread_to": ["back_of_thigh", "calf"],
    "onset": "sudden",
    "duration": "3 days",
    "pain_score": 8,
    "symptoms": ["numbness", "saddle_numbness", "urine_retention"],
}


def _cases() -> list[dict]:
    cases = []
    for name in ("emergency", "urgent", "soon", "self_care"):
        cases += yaml.safe_load((VIGNETTES / f"{name}.yml").read_text(encoding="utf-8"))
    return cases


def test_opening_names_every_location_with_a_listed_phrase() -> None:
    text = Patient(CASE, seed="sample").opening()
    h = History.from_mapping(CASE)
    for location in h.all_locations:
        assert any(p in text for p in patient.location_phrases(location)), (location, text)
    assert set(h.all_locations) <= set(vocabulary().mentioned("body_location", text))


def test_opening_says_the_symptoms_but_not_the_red_flags() -> None:
    text = Patient(CASE, seed="sample").opening()
    said = set(vocabulary().mentioned("symptom", text))
    assert {"pain", "numbness"} <= said
    assert not said & set(patient.WITHHELD)


def assert_names_the_opening_facts(text: str, wanted: dict) -> None:
    """The places and symptoms of the opening are in the text; no red flag is."""
    vocab = vocabulary()
    assert set(wanted["body_locations"]) <= set(vocab.mentioned("body_location", text)), text
    said = set(vocab.mentioned("symptom", text))
    assert set(wanted["symptoms"]) <= said, text
    assert not said & set(patient.WITHHELD), text


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c["id"])
def test_every_vignette_opening_is_understood_by_the_vocabulary(case: dict) -> None:
    p = Patient(case["history"], seed=case["id"])
    text = p.opening()
    wanted = p.opening_ids()
    assert_names_the_opening_facts(text, wanted)
    vocab = vocabulary()
    if wanted["side"]:
        assert wanted["side"][0] in vocab.mentioned("side", text) + text.split(), text


def test_opening_is_seeded() -> None:
    assert Patient(CASE, seed=1).opening() == Patient(CASE, seed=1).opening()


def test_injury_is_in_the_opening() -> None:
    text = Patient({"locations": ["knee"], "twisting_injury": True}, seed=0).opening()
    assert "twisted my knee" in text


def test_lay_phrases_are_vocabulary_phrases() -> None:
    vocab = vocabulary()
    for symptom, phrases in patient.SYMPTOM_NOUNS.items():
        for phrase in phrases:
            assert vocab.canonical("symptom", phrase) == symptom, phrase
    for table in (patient.SYMPTOM_SENTENCES, patient.CONTEXT_SENTENCES):
        for entity, canonical, sentences in table.values():
            for sentence in sentences:
                assert canonical in vocab.mentioned(entity, sentence), sentence


@pytest.mark.parametrize("history, expected", [
    ({"symptoms": ["weakness"]}, "yes"),
    ({"absent": ["weakness", "foot_drop", "heel_toe_walk_difficulty"]}, "no"),
    ({}, "unsure"),
])
def test_yes_no_answers_follow_the_fact(history: dict, expected: str) -> None:
    for seed in range(6):
        p = Patient(history, seed=seed)
        assert p.intended("weakness") == expected
        text = p.answer("weakness")
        assert text in patient.ANSWERS[expected]
        assert answers.yes_no(text).value == expected, text


def test_a_question_with_several_facts_is_yes_when_any_is_true() -> None:
    p = Patient({"symptoms": ["urine_retention"], "absent": ["bladder_control_loss"]})
    assert p.intended("bladder_or_bowel_change") == "yes"
    p = Patient({"absent": ["bladder_control_loss", "bowel_control_loss", "urine_retention"]})
    assert p.intended("bladder_or_bowel_change") == "no"


@pytest.mark.parametrize("question", sorted(patient.INVERTED))
def test_inverted_questions_get_the_opposite(question: str) -> None:
    fact = question  # the inverted question ids are their facts
    assert Patient({fact: True}).intended(question) == "no"
    assert Patient({fact: False}).intended(question) == "yes"
    assert Patient({}).intended(question) == "unsure"
    assert answers.yes_no(Patient({fact: True}).answer(question)).value == "no"


def test_back_pain_and_onset() -> None:
    assert Patient({"locations": ["buttock"]}).intended("back_pain") == "yes"
    assert Patient({"locations": ["knee"]}).intended("back_pain") == "no"
    for seed in range(5):
        text = Patient({"onset": "sudden"}, seed=seed).answer("onset")
        assert answers.onset(text) == "sudden"
        text = Patient({"onset": "gradual"}, seed=seed).answer("onset")
        assert answers.onset(text) == "gradual"
    assert Patient({}).answer("onset") in patient.ANSWERS["unsure"]


@pytest.mark.parametrize("seed", range(8))
def test_number_answers_read_back_as_the_number(seed: int) -> None:
    p = Patient({"pain_score": 6, "age": 45, "duration": "3 weeks", "injury": True,
                 "injury_days_ago": 2}, seed=seed)
    assert answers.pain_score(p.answer("pain_score")).value == 6
    assert answers.age(p.answer("age")).value == 45
    assert answers.duration_days(p.answer("duration")) == 21
    assert answers.duration_days(p.answer("injury_days_ago")) == 2
    assert p.intended("duration") == "21"
    assert p.intended("injury_days_ago") == "2"


def test_unknown_numbers_are_not_sure() -> None:
    p = Patient({})
    for question in ("pain_score", "age", "duration"):
        assert p.intended(question) == "unsure"
        assert answers.yes_no(p.answer(question)).value == "unsure"


@pytest.mark.parametrize("days", [0, 1, 2, 7, 13, 14, 21, 28, 29, 30, 60, 365, 730])
def test_duration_phrases_are_exact(days: int) -> None:
    for text in patient.duration_phrases(days):
        assert answers.duration_days(text) == days, text
    for text in patient.ago_phrases(days):
        assert answers.duration_days(text) == days, text


def test_typos() -> None:
    p = Patient({"symptoms": ["weakness"]}, seed=3, typos=1.0)
    assert p.answer("weakness") in patient.TYPOS["yes"]
    assert Patient({}, seed=3).answer("weakness") in patient.ANSWERS["unsure"]


def test_withheld_red_flags_are_listed_with_their_question() -> None:
    assert Patient(CASE).withheld_red_flags() == {
        "urine_retention": "bladder_or_bowel_change", "saddle_numbness": "saddle_numbness",
    }


def test_unknown_facts_can_be_denied() -> None:
    p = Patient({"locations": ["knee"]}, unknown="no")
    assert p.intended("saddle_numbness") == "no"
    assert p.intended("cannot_bear_weight") == "yes"  # inverted: can take 4 steps
    assert p.intended("pain_score") == "unsure"
    assert p.intended("onset") == "unsure"
    with pytest.raises(ValueError):
        Patient({}, unknown="maybe")


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c["id"])
def test_the_rephrased_opening_says_the_same(case: dict) -> None:
    p = Patient(case["history"], seed=case["id"])
    assert_names_the_opening_facts(p.rephrase(), p.opening_ids())
