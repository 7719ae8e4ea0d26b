"""History: typed facts, tolerant parsing, and safe handling of bad input."""

from __future__ import annotations

import dataclasses
import random

import pytest

from actions.triage import (
    BODY_LOCATIONS,
    RISK_FACTOR_FACTS,
    SYMPTOM_FACTS,
    History,
    Level,
    Onset,
    Side,
    assess,
)
from actions.triage.history import FACT_FIELDS, parse_duration_days


def _problems(history: History) -> dict[str, str]:
    return {c.fact: c.problem for c in history.clarifications}


def test_every_fact_defaults_to_unknown() -> None:
    history = History()
    assert all(getattr(history, name) is None for name in FACT_FIELDS)
    assert history.locations == frozenset() and history.age is None


def test_symptom_and_risk_ids_map_to_fields() -> None:
    assert set(SYMPTOM_FACTS.values()) <= set(FACT_FIELDS)
    assert set(RISK_FACTOR_FACTS.values()) <= set(FACT_FIELDS)
    history = History().with_symptoms(["numbness", "giving_way", "diabetes"], ["fever"])
    assert history.numbness is True and history.giving_way is True
    assert history.diabetes is True and history.fever is False
    assert history.tingling is None


def test_with_symptoms_reports_unknown_ids() -> None:
    history = History().with_symptoms(["numbness", "sparkles"])
    assert history.unknown_keys == ("sparkles",)


def test_from_mapping_reads_loose_input() -> None:
    history = History.from_mapping({
        "Age": "62", "Pain score": "7/10", "onset": "Suddenly", "side": "L",
        "locations": "Back of the knee, calves", "spread_to": ["top of the foot"],
        "duration": "3 weeks", "symptoms": ["pins and needles", "swollen"],
        "absent": ["fever"], "risk_factors": ["smoker"], "diabetes": "no",
        "injury": "not sure", "gait_change": 1,
    })
    assert history.age == 62 and history.pain_score == 7
    assert history.onset is Onset.SUDDEN and history.side is Side.LEFT
    assert history.locations == {"back_of_knee", "calf"}
    assert history.spread_to == {"top_of_foot"}
    assert history.duration_days == 21
    assert history.tingling is True and history.swelling is True and history.fever is False
    assert history.smoking is True and history.diabetes is False and history.injury is None
    assert history.gait_change is True
    assert history.unknown_keys == ()


def test_unknown_keys_and_locations_are_reported_not_guessed() -> None:
    history = History.from_mapping({"colour": "blue", "locations": ["knee", "elbow"]})
    assert "colour" in history.unknown_keys and "locations:elbow" in history.unknown_keys
    assert history.locations == {"knee"}


@pytest.mark.parametrize(("text", "days"), [
    ("yesterday", 1), ("today", 0), ("3 days", 3), ("a week", 7), ("2 weeks", 14),
    ("five weeks", 35), ("a few months", 90), ("1 year", 365), (10, 10), ("4", 4),
    ("6 weeks ago", 42), ("soon-ish", None),
])
def test_durations(text: object, days: int | None) -> None:
    assert parse_duration_days(text) == days


def test_pain_above_ten_is_taken_as_ten_and_flagged() -> None:
    history = History.from_mapping({"pain_score": 12})
    assert history.pain_score == 10 and "pain_score" in _problems(history)
    assert History.from_mapping({"pain_score": 6.5}).pain_score == 7  # half points count up


def test_negative_values_become_unknown_and_flagged() -> None:
    history = History.from_mapping({"age": -3, "pain_score": -1, "duration_days": -5})
    assert history.age is None and history.pain_score is None and history.duration_days is None
    assert {"age", "pain_score", "duration_days"} <= set(_problems(history))


def test_adapter_built_history_is_normalised_too() -> None:
    decision = assess(History(pain_score=15, onset=Onset.SUDDEN, age=200))
    assert decision.level is Level.URGENT
    assert {c.fact for c in decision.needs_clarification} >= {"pain_score", "age"}


def test_no_injury_but_a_mechanism_is_taken_as_injured() -> None:
    history = History.from_mapping({"injury": False, "twisting_injury": True})
    assert history.injury is True and "injury" in _problems(history)


def test_conflicting_durations_use_each_in_its_safe_direction() -> None:
    history = History.from_mapping({"duration": ["yesterday", "5 years"], "injury": True,
                                    "cannot_bear_weight": True})
    assert history.duration_days == 5 * 365  # persistence: the longer
    assert history.injury_days_ago == 1  # injury recency: the shorter
    assert "duration" in _problems(history)
    assert assess(history).level is Level.URGENT


def test_present_and_absent_at_once_is_present() -> None:
    history = History.from_mapping({"symptoms": ["numbness"], "absent": ["numbness"]})
    assert history.numbness is True and "numbness" in _problems(history)
    history = History.from_mapping({"numbness": False, "symptoms": ["numbness"]})
    assert history.numbness is True


def test_site_sign_implies_the_generic_sign() -> None:
    history = History(swelling=False, calf_swelling=True).normalized()
    assert history.swelling is True and "swelling" in _problems(history)
    assert History(foot_drop=True).normalized().weakness is True


def test_generic_signs_are_read_at_the_painful_site_only() -> None:
    calf = History(locations=frozenset({"calf"}), swelling=True)
    assert calf.calf_swollen is True and calf.knee_swollen is None
    knee = History(locations=frozenset({"knee"}), swelling=True)
    assert knee.knee_swollen is True and knee.calf_swollen is None
    assert History(swelling=False).calf_swollen is False


def test_doubtful_answers_stay_unknown() -> None:
    history = History.from_mapping({"fever": "maybe", "chills": "purple"})
    assert history.fever is None and history.chills is None
    assert "chills" in _problems(history) and "fever" not in _problems(history)


def test_canonical_locations_are_accepted() -> None:
    history = History.from_mapping({"locations": sorted(BODY_LOCATIONS)})
    assert history.locations == BODY_LOCATIONS


JUNK = [None, "", "??", -1, 10**9, 3.7, float("nan"), True, [], [1, "x"], {"a": 1}, "12/10",
        "yesterday", "both", object()]


def test_junk_input_never_crashes_and_never_gives_home_care() -> None:
    rng = random.Random(7)
    keys = list(FACT_FIELDS) + ["age", "pain_score", "duration", "duration_days", "side",
                                "onset", "locations", "spread_to", "symptoms", "absent",
                                "risk_factors", "injury_days_ago", "nonsense"]
    for _ in range(300):
        data = {key: rng.choice(JUNK) for key in rng.sample(keys, 12)}
        decision = assess(History.from_mapping(data))
        assert isinstance(decision.level, Level)
    assert History.from_mapping([1, 2]).unknown_keys  # not a mapping: reported


def test_history_is_immutable() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        History().age = 3  # type: ignore[misc]
