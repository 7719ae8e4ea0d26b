"""The rule table, the level combination and the safety principles of TRIAGE_POLICY.md."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from actions.triage import (
    POLICY_RULE_IDS,
    QUESTIONS,
    RULES,
    RULES_BY_ID,
    History,
    Level,
    assess,
    triage_level,
)
from actions.triage.evaluate import load_vignettes
from actions.triage.history import FACT_FIELDS
from actions.triage.rules import SELF_CARE_FACTS

VIGNETTES = Path(__file__).resolve().parents[1] / "vignettes"

POLICY_IDS = {
    Level.EMERGENCY: ["E-CES", "E-BILAT", "E-ISCH", "E-PE", "E-SEPTIC", "E-DEFORM", "E-COMPART"],
    Level.URGENT: ["U-DVT", "U-OTTAWA", "U-WEAK", "U-SPREAD", "U-HOTJOINT", "U-FEVER",
                   "U-SEVERE", "U-LOCKED"],
    Level.SOON: ["S-NERVE", "S-SCIATICA", "S-PERSIST", "S-MECH", "S-CLAUD", "S-DIABETIC",
                 "S-CYST", "S-INJURY", "S-SYSTEMIC"],
}

MILD = {
    "age": 30, "locations": ["kneecap"], "pain_score": 3, "duration_days": 7,
    "absent": ["numbness", "tingling", "weakness", "swelling", "locking", "giving_way",
               "injury"],
}

# One minimal history per rule, each written from the policy text.
MINIMAL = {
    "E-CES": {"symptoms": ["saddle_numbness"]},
    "E-BILAT": {"side": "both", "symptoms": ["weakness"]},
    "E-ISCH": {"symptoms": ["blue_skin"]},
    "E-PE": {"locations": ["calf"], "symptoms": ["swelling", "chest_pain"]},
    "E-SEPTIC": {"locations": ["knee"], "symptoms": ["swelling", "redness", "fever"]},
    "E-DEFORM": {"injury": True, "symptoms": ["deformity"]},
    "E-COMPART": {"injury": True, "pain_out_of_proportion": True, "calf_swelling": True},
    "U-DVT": {"locations": ["calf"], "side": "left", "symptoms": ["swelling"]},
    "U-OTTAWA": {"injury": True, "injury_days_ago": 1, "cannot_bear_weight": True},
    "U-WEAK": {"symptoms": ["foot_drop"]},
    "U-SPREAD": {"neuro_spreading": True, "symptoms": ["tingling"]},
    "U-HOTJOINT": {"locations": ["knee"], "symptoms": ["swelling", "warmth"]},
    "U-FEVER": {"symptoms": ["chills"]},
    "U-SEVERE": {"pain_score": 8, "onset": "sudden"},
    "U-LOCKED": {"knee_locked": True},
    "S-NERVE": {"symptoms": ["burning"]},
    "S-SCIATICA": {"locations": ["buttock"], "spread_to": ["calf"]},
    "S-PERSIST": {"duration": "2 months"},
    "S-MECH": {"giving_way": True},
    "S-CLAUD": {"walking_distance_pain": True, "eased_by_rest": True},
    "S-DIABETIC": {"locations": ["foot"], "symptoms": ["numbness"], "risk_factors": ["diabetes"]},
    "S-CYST": {"locations": ["back_of_knee"], "symptoms": ["lump"]},
    "S-INJURY": {"injury": True, "injury_days_ago": 20, "age": 30},
    "S-SYSTEMIC": {"symptoms": ["weight_loss"]},
}


def test_table_holds_every_policy_rule_once_with_its_level() -> None:
    assert list(POLICY_RULE_IDS) == [rid for ids in POLICY_IDS.values() for rid in ids]
    for level, ids in POLICY_IDS.items():
        for rid in ids:
            assert RULES_BY_ID[rid].level is level


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_has_reason_and_source_in_plain_words(rule) -> None:
    assert len(rule.reason) > 30 and rule.reason.endswith(".")
    assert rule.source
    assert not re.search(r"\d+\s*(mg|milligram|tablet)", rule.reason, re.I), "never a dose"
    assert "diagnos" not in rule.reason.lower() or rule.id in ("S-PERSIST",)


@pytest.mark.parametrize("rule_id", list(MINIMAL))
def test_each_rule_fires_on_its_minimal_history(rule_id: str) -> None:
    decision = assess(History.from_mapping(MINIMAL[rule_id]))
    assert rule_id in [hit.rule_id for hit in decision.fired]
    assert decision.level >= RULES_BY_ID[rule_id].level


def test_every_policy_rule_has_a_minimal_case() -> None:
    assert set(MINIMAL) == set(POLICY_RULE_IDS)


def test_levels_are_ordered_by_urgency_and_keep_their_values() -> None:
    assert Level.EMERGENCY > Level.URGENT > Level.SOON > Level.SELF_CARE
    assert max([Level.SOON, Level.EMERGENCY, Level.SELF_CARE]) is Level.EMERGENCY
    assert [lvl.value for lvl in Level] == ["emergency", "urgent", "soon", "self_care"]
    assert Level("urgent") is Level.URGENT and Level.URGENT == "urgent"


def test_most_urgent_rule_wins_and_every_fired_rule_is_reported() -> None:
    history = History.from_mapping({
        "locations": ["lower_back"], "spread_to": ["calf"], "duration": "3 months",
        "symptoms": ["tingling", "bladder_control_loss"],
    })
    decision = assess(history)
    assert decision.level is Level.EMERGENCY
    fired = [hit.rule_id for hit in decision.fired]
    assert {"E-CES", "S-SCIATICA", "S-PERSIST", "S-NERVE"} <= set(fired)
    assert fired[0] == "E-CES"
    assert decision.red_flags == ("E-CES",)


def test_self_care_needs_known_mild_short_and_symptom_free() -> None:
    assert assess(History.from_mapping(MILD)).level is Level.SELF_CARE
    for fact in SELF_CARE_FACTS:
        history = dataclasses.replace(History.from_mapping(MILD), **{fact: None})
        decision = assess(history)
        assert decision.level is Level.SOON, fact
        assert [hit.rule_id for hit in decision.fired] == ["S-INFO"]
        assert fact in decision.self_care_unknowns


def test_empty_history_is_never_self_care_and_asks_red_flags_first() -> None:
    decision = assess(History())
    assert decision.level is Level.SOON
    assert decision.open_questions[0].fact == "bladder_or_bowel_change"
    assert decision.open_questions[0].level is Level.EMERGENCY
    assert {"E-CES", "E-BILAT", "E-ISCH", "E-PE", "E-SEPTIC", "E-DEFORM", "E-COMPART"} <= set(
        decision.unexcluded_red_flags)


def test_open_questions_only_ask_what_could_raise_the_level() -> None:
    history = History.from_mapping(dict(MILD, symptoms=["tingling"], absent=["numbness"]))
    decision = assess(history)
    assert decision.level is Level.SOON
    for question in decision.open_questions:
        assert question.level > decision.level
        assert all(RULES_BY_ID[rid].level > decision.level for rid in question.rule_ids)
    facts = [q.fact for q in decision.open_questions]
    assert "diabetes" not in facts  # S-DIABETIC is only soon: cannot raise the level
    assert "neuro_spreading" in facts and "weakness" in facts
    urgencies = [q.level.rank for q in decision.open_questions]
    assert urgencies == sorted(urgencies, reverse=True)


def test_answered_red_flags_are_not_asked_again() -> None:
    answered = ["bladder_control_loss", "bowel_control_loss", "urine_retention",
                "saddle_numbness"]
    decision = assess(History.from_mapping(dict(MILD, absent=MILD["absent"] + answered)))
    assert "E-CES" not in decision.unexcluded_red_flags
    assert not {"bladder_or_bowel_change", "saddle_numbness"} & {
        q.fact for q in decision.open_questions}


def test_emergency_gives_no_further_questions() -> None:
    decision = assess(History.from_mapping({"symptoms": ["saddle_numbness"]}))
    assert decision.level is Level.EMERGENCY and decision.open_questions == ()


def test_question_ids_are_unique_and_name_real_facts() -> None:
    ids = [q.id for q in QUESTIONS]
    assert len(ids) == len(set(ids))
    for question in QUESTIONS:
        assert all(fact in FACT_FIELDS for fact in question.facts)


@pytest.mark.parametrize("level", list(Level))
def test_every_level_has_advice_and_a_safety_net_with_the_red_flags(level: Level) -> None:
    from actions.triage import safety_net
    text = safety_net(level).lower()
    for words in ("bladder", "both legs", "cold, pale or blue", "chest pain", "fever"):
        assert words in text


def test_qualifier_unknown_counts_as_not_excluded() -> None:
    # injury date unknown: the Ottawa rule still applies
    assert triage_level(History(injury=True, cannot_bear_weight=True)) is Level.URGENT
    # severe pain, onset unknown and recent: treated as sudden
    assert triage_level(History(pain_score=9, duration_days=2)) is Level.URGENT
    # but a known gradual onset does not fire U-SEVERE
    history = History.from_mapping(dict(MILD, pain_score=9, onset="gradual"))
    assert triage_level(history) is Level.SOON


def test_chronic_numb_feet_in_diabetes_is_not_bilateral_emergency() -> None:
    base = {"locations": ["foot"], "side": "both", "symptoms": ["numbness"],
            "absent": ["weakness"], "risk_factors": ["diabetes"]}
    assert triage_level(History.from_mapping(base)) is Level.SOON
    sudden = dict(base, onset="sudden")
    assert triage_level(History.from_mapping(sudden)) is Level.EMERGENCY
    weak = dict(base, symptoms=["numbness", "weakness"], absent=[])
    assert triage_level(History.from_mapping(weak)) is Level.EMERGENCY


def _suite_histories() -> list[History]:
    return [case.history for case in load_vignettes(VIGNETTES)]


def test_forgetting_an_answer_never_lowers_the_level() -> None:
    for history in _suite_histories():
        level = triage_level(history)
        for name in FACT_FIELDS:
            if getattr(history, name) is False:
                forgotten = dataclasses.replace(history, **{name: None})
                assert triage_level(forgotten) >= level, name


def test_a_new_worrying_finding_never_lowers_the_level() -> None:
    for history in _suite_histories():
        level = triage_level(history)
        for name in FACT_FIELDS:
            if getattr(history, name) is None:
                worse = dataclasses.replace(history, **{name: True})
                assert triage_level(worse) >= level, name


def test_core_imports_nothing_from_rasa() -> None:
    package = Path(__file__).resolve().parents[2] / "actions" / "triage"
    for source in package.glob("*.py"):
        text = source.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(import|from)\s+rasa", text, re.M), source.name


def test_not_sure_counts_as_present_for_urgent_and_soon_rules():
    """Policy section 1: "not sure" on a criterion of an urgent or soon rule counts as
    present; a value the person could not give (the pain score) stays unknown."""
    def level(**facts):
        return assess(History.from_mapping(facts)).level

    injured = {"injury": True, "injury_days_ago": 1, "pain_score": 4, "duration_days": 1}
    assert level(**injured, not_sure=["cannot_bear_weight"]) is Level.URGENT  # U-OTTAWA
    assert level(symptoms=["numbness"], locations=["foot"], side="left",
                 not_sure=["neuro_spreading"]) is Level.URGENT  # U-SPREAD
    assert level(locations=["back_of_knee"], symptoms=["pain", "lump"],
                 not_sure=["pain_score"]) is Level.SOON  # S-CYST, not U-SEVERE
