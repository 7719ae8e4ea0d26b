"""The ids that cross layers, checked in one place (STYLE.md).

Places: the vocabulary, the triage core's body locations and regions, the labels and the
web chat's leg picture. Symptoms, risk factors and activities: the vocabulary and the
History fields the actions set from them. Red flags: language/red_flags.yml, the domain's
intents, the emergency rules, the rule table and its questions. Questions: the rule table,
the domain's slots and `utter_ask_<id>` responses, the interview's tables and the labels.
Adding a red flag, a place or a question half-way fails here, naming the ids left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from actions import understanding
from actions.triage import history, interview, rules
from actions.triage.history import FACT_FIELDS, NUMBER_FIELDS, History
from language import findings, places
from language.red_flags import red_flag_intents

ROOT = Path(__file__).resolve().parents[2]
RED_FLAG_PREFIX = "red_flag_"
# Questions with no WORTH_ASKING entry are asked whenever the engine has them open
# (interview.questions_to_ask: `WORTH_ASKING.get(q, _always)`). These are meant to be: the
# facts needed before home care (interview.SELF_CARE_QUESTIONS) and fever, which is
# U-FEVER with any leg pain.
ALWAYS_ASKED = frozenset({
    "pain_score", "duration", "injury", "numbness_or_tingling", "knee_swelling",
    "catching_or_clicking", "giving_way", "fever_or_unwell",
})
# utter_ask_* responses that are not history questions.
OTHER_ASK_RESPONSES = frozenset({"utter_ask_where_and_what"})
# Vocabulary activities the actions recognise but do not yet turn into a History fact.
UNMAPPED_ACTIVITIES = frozenset({"kneeling", "lying_down", "rest", "standing", "twisting"})


# ----- the layers, read ---------------------------------------------------------------------

def _yaml(relative: str) -> Any:
    return yaml.safe_load((ROOT / relative).read_text(encoding="utf-8"))


@cache
def _vocabulary() -> dict[str, dict[str, list[str]]]:
    return _yaml("language/vocabulary.yml")


def _vocabulary_ids(entity: str) -> set[str]:
    return set(_vocabulary()[entity])


@cache
def _labels() -> dict[str, dict[str, str]]:
    return _yaml("actions/content/labels.yml")


@cache
def _domain() -> dict[str, set[str]]:
    """Intents, slots and responses of all the domain files together."""
    merged: dict[str, set[str]] = {"intents": set(), "slots": set(), "responses": set()}
    for path in sorted((ROOT / "domain").glob("*.yml")):
        content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for key, names in merged.items():
            for item in content.get(key) or []:
                names.add(next(iter(item)) if isinstance(item, dict) else str(item))
    return merged


def _emergency_rules() -> dict[str, set[str]]:
    """data/rules/emergency.yml: rule name -> intents its steps name."""
    found: dict[str, set[str]] = {}
    for rule in _yaml("data/rules/emergency.yml")["rules"]:
        intents = found.setdefault(rule["rule"], set())
        for step in rule.get("steps", []):
            for part in step.get("or", [step]):
                if "intent" in part:
                    intents.add(part["intent"])
    return found


def _leg_picture_regions() -> list[str]:
    """Region ids of the web chat's leg picture (web/src/body-regions.js)."""
    source = (ROOT / "web" / "src" / "body-regions.js").read_text(encoding="utf-8")
    return re.findall(r'\{\s*id:\s*"([a-z_]+)",\s*name:', source)


QUESTION_IDS = [q.id for q in rules.QUESTIONS]
EMERGENCY_RULE_IDS = [r.id for r in rules.RULES if r.level is rules.EMERGENCY]


def _missing(ids: Iterable[str], known: Iterable[str]) -> list[str]:
    known = set(known)
    return sorted(set(ids) - known)


def _says(what: str, ids: list[str]) -> str:
    return f"{what}: {', '.join(ids)}"


# ----- 1. places: the vocabulary and the core -----------------------------------------------

def test_vocabulary_places_are_core_body_locations() -> None:
    missing = _missing(_vocabulary_ids("body_location"), places.BODY_LOCATIONS)
    assert not missing, _says(
        "vocabulary body_location ids not in language/places.py BODY_LOCATIONS", missing)
    unknown = _missing(places.BODY_LOCATIONS, _vocabulary_ids("body_location"))
    assert not unknown, _says("places.BODY_LOCATIONS the vocabulary has no words for", unknown)


def test_the_places_a_question_asks_about_are_body_locations() -> None:
    from language.answers import meanings
    named = {p for m in meanings().values() for p in m.places}
    missing = _missing(named, places.BODY_LOCATIONS)
    assert not missing, _says("language/questions.yml places not in BODY_LOCATIONS", missing)


def test_vocabulary_places_reach_the_history() -> None:
    places = sorted(_vocabulary_ids("body_location"))
    h = History.from_mapping({"locations": places})
    lost = _missing(places, h.locations)
    assert not lost and not h.unknown_keys, _says(
        "vocabulary places History.from_mapping drops", lost + list(h.unknown_keys))


def test_core_regions_name_core_body_locations() -> None:
    named = {
        f"places.{name}": ids for name, ids in vars(places).items()
        if name.isupper() and isinstance(ids, frozenset)
    } | {"interview.CALF_AREA": interview.CALF_AREA}
    bad = [f"{where}: {', '.join(_missing(ids, places.BODY_LOCATIONS))}"
           for where, ids in named.items() if _missing(ids, places.BODY_LOCATIONS)]
    assert not bad, "ids that are not core body locations:\n" + "\n".join(bad)


def test_every_place_has_a_label_in_body_order() -> None:
    """labels.yml lists the places top to bottom: an unlisted place is said back last."""
    labelled = _labels()["body_location"]
    missing = _missing(_vocabulary_ids("body_location"), labelled)
    stale = _missing(labelled, _vocabulary_ids("body_location"))
    assert not missing, _says("body_location ids without a label in labels.yml", missing)
    assert not stale, _says("labels.yml body_location ids not in the vocabulary", stale)


# ----- 2. places: the leg picture -----------------------------------------------------------

def test_leg_picture_regions_are_vocabulary_places() -> None:
    regions = _leg_picture_regions()
    assert len(regions) >= 10, f"could not read the leg picture's regions: {regions}"
    missing = _missing(regions, _vocabulary_ids("body_location"))
    assert not missing, _says(
        "web/src/body-regions.js region ids not vocabulary body_location ids", missing)


# ----- 3. symptoms --------------------------------------------------------------------------

def test_vocabulary_symptoms_are_read_by_the_core() -> None:
    """Each symptom id the NLU gives sets a History fact, said or denied.

    The one exception is read by the adapter itself: "radiating" is the spread of the pain
    (findings.SPREADING, the pain_spreads slot), not a fact."""
    unread = []
    for symptom in sorted(_vocabulary_ids("symptom") - {findings.SPREADING}):
        said = History.from_mapping({"symptoms": [symptom]})
        denied = History.from_mapping({"absent": [symptom]})
        if said.unknown_keys or denied.unknown_keys or not any(
            getattr(said, name) is True for name in FACT_FIELDS
        ):
            unread.append(symptom)
    assert not unread, _says(
        "vocabulary symptom ids History.from_mapping does not read", unread)


def test_core_symptom_ids_are_vocabulary_ids() -> None:
    missing = _missing(history.SYMPTOM_FACTS, _vocabulary_ids("symptom"))
    assert not missing, _says(
        "history.SYMPTOM_FACTS ids the vocabulary never gives", missing)
    assert findings.SPREADING in _vocabulary_ids("symptom"), findings.SPREADING


def test_symptom_labels_are_vocabulary_ids() -> None:
    stale = _missing(_labels()["symptom"], _vocabulary_ids("symptom"))
    assert not stale, _says("labels.yml symptom ids not in the vocabulary", stale)


# ----- 4. red flags -------------------------------------------------------------------------

def test_red_flag_intents_are_domain_intents() -> None:
    missing = _missing(red_flag_intents(), _domain()["intents"])
    assert not missing, _says("language/red_flags.yml intents not in domain/", missing)


def test_domain_red_flag_intents_are_in_the_red_flags_file() -> None:
    domain_flags = [i for i in _domain()["intents"] if i.startswith(RED_FLAG_PREFIX)]
    missing = _missing(domain_flags, red_flag_intents())
    assert not missing, _says("domain red_flag_ intents not in language/red_flags.yml", missing)


def test_red_flag_intents_are_answered_by_every_emergency_rule() -> None:
    flags = set(red_flag_intents())
    answering = {name: intents for name, intents in _emergency_rules().items()
                 if any(i.startswith(RED_FLAG_PREFIX) for i in intents)}
    assert answering, "no rule in data/rules/emergency.yml names a red-flag intent"
    bad = []
    for name, intents in answering.items():
        if _missing(flags, intents):
            bad.append(f"{name!r} lacks {', '.join(_missing(flags, intents))}")
        unknown = _missing((i for i in intents if i.startswith(RED_FLAG_PREFIX)), flags)
        if unknown:
            bad.append(f"{name!r} names {', '.join(unknown)}, not in language/red_flags.yml")
    assert not bad, "data/rules/emergency.yml:\n" + "\n".join(bad)


def test_red_flag_intents_name_emergency_rules() -> None:
    bad = [f"{intent} -> {flag.rule}" for intent, flag in sorted(red_flag_intents().items())
           if flag.rule not in EMERGENCY_RULE_IDS]
    assert not bad, _says("red-flag intents whose rule is not an emergency rule in RULES", bad)


def test_every_emergency_rule_has_a_red_flag_intent() -> None:
    named = {flag.rule for flag in red_flag_intents().values()}
    missing = _missing(EMERGENCY_RULE_IDS, named)
    assert not missing, _says("emergency rules no red-flag intent names", missing)


def test_red_flag_screening_questions_are_questions() -> None:
    bad = [f"{intent}: {q}" for intent, flag in sorted(red_flag_intents().items())
           for q in flag.screen if q not in rules.QUESTIONS_BY_ID]
    assert not bad, _says("red-flag screen ids not in rules.QUESTIONS", bad)


def test_red_flag_screening_answered_worst_fires_its_rule() -> None:
    """The screening questions are the ones that can confirm the red flag."""
    bad = []
    for intent, flag in sorted(red_flag_intents().items()):
        if flag.rule not in rules.RULES_BY_ID or not all(
            q in rules.QUESTIONS_BY_ID for q in flag.screen
        ):
            continue  # reported by the tests above
        worst = History()
        for qid in flag.screen:
            worst = rules.QUESTIONS_BY_ID[qid].assume_worst(worst)
        if not rules.RULES_BY_ID[flag.rule].applies(worst):
            bad.append(f"{intent}: {', '.join(flag.screen)} do not fire {flag.rule}")
    assert not bad, "\n".join(bad)


def test_red_flag_findings_are_vocabulary_symptoms() -> None:
    bad = [f"{intent}: {finding}" for intent, flag in sorted(red_flag_intents().items())
           for finding in sorted(flag.findings) if finding not in _vocabulary_ids("symptom")]
    assert not bad, _says("red-flag findings not vocabulary symptom ids", bad)


# ----- 5. questions -------------------------------------------------------------------------

def test_every_question_has_a_slot() -> None:
    missing = _missing(QUESTION_IDS, _domain()["slots"])
    assert not missing, _says("rules.QUESTIONS ids without a slot in domain/", missing)


def test_every_question_has_an_ask_response() -> None:
    responses = _domain()["responses"]
    missing = _missing((f"utter_ask_{q}" for q in QUESTION_IDS), responses)
    assert not missing, _says("responses missing from domain/", missing)
    asks = {r for r in responses if r.startswith("utter_ask_")} - OTHER_ASK_RESPONSES
    stale = _missing(asks, (f"utter_ask_{q}" for q in QUESTION_IDS))
    assert not stale, _says("utter_ask_ responses for no question in rules.QUESTIONS", stale)


def test_every_question_is_worth_asking_or_always_asked() -> None:
    unknown = _missing(interview.WORTH_ASKING, QUESTION_IDS)
    assert not unknown, _says("interview.WORTH_ASKING keys not in rules.QUESTIONS", unknown)
    always = set(QUESTION_IDS) - set(interview.WORTH_ASKING)
    unmeant = _missing(always, ALWAYS_ASKED)
    assert not unmeant, _says(
        "questions with no interview.WORTH_ASKING entry (so always asked), not in ALWAYS_ASKED",
        unmeant)
    stale = _missing(ALWAYS_ASKED, always)
    assert not stale, _says("ALWAYS_ASKED ids in WORTH_ASKING or not in rules.QUESTIONS", stale)


def test_interview_tables_name_questions() -> None:
    named = {
        "HALF_KNOWN": set(interview.HALF_KNOWN),
        "INVERTED": interview.INVERTED,
        "NUMBER_QUESTIONS": interview.NUMBER_QUESTIONS,
        "CHOICE_QUESTIONS": interview.CHOICE_QUESTIONS,
        "ALSO_DENIED": set(interview.ALSO_DENIED),
        "SELF_CARE_QUESTIONS values": set(interview.SELF_CARE_QUESTIONS.values()),
        "ASK_FIRST": {q for pair in interview.ASK_FIRST for q in pair},
    }
    bad = [f"interview.{where}: {', '.join(_missing(ids, QUESTION_IDS))}"
           for where, ids in named.items() if _missing(ids, QUESTION_IDS)]
    assert not bad, "ids not in rules.QUESTIONS:\n" + "\n".join(bad)


def test_number_questions_are_the_numeric_questions() -> None:
    numeric = {q.id for q in rules.QUESTIONS if q.number}
    assert set(interview.NUMBER_QUESTIONS) == numeric, (
        f"interview.NUMBER_QUESTIONS {sorted(interview.NUMBER_QUESTIONS)} != "
        f"questions with a number field {sorted(numeric)}")


def test_question_facts_are_history_fields() -> None:
    bad = [f"{q.id}: {name}" for q in rules.QUESTIONS for name in q.facts
           if name not in FACT_FIELDS]
    bad += [f"{q.id}: {q.number}" for q in rules.QUESTIONS
            if q.number and q.number not in NUMBER_FIELDS]
    bad += [f"interview.ALSO_DENIED {q}: {name}"
            for q, names in interview.ALSO_DENIED.items() for name in names
            if name not in FACT_FIELDS]
    bad += [f"interview.CLOT_RISKS: {name}" for name in interview.CLOT_RISKS
            if name not in FACT_FIELDS]
    assert not bad, _says("facts that are not History fields", bad)
    assert set(interview.SELF_CARE_QUESTIONS) == set(rules.SELF_CARE_FACTS), (
        "interview.SELF_CARE_QUESTIONS keys != rules.SELF_CARE_FACTS: "
        f"{sorted(set(interview.SELF_CARE_QUESTIONS) ^ set(rules.SELF_CARE_FACTS))}")


def test_every_question_has_a_summary_label() -> None:
    labelled = _labels()["question"]
    missing = _missing(QUESTION_IDS, labelled)
    stale = _missing(labelled, QUESTION_IDS)
    assert not missing, _says("rules.QUESTIONS ids without a label in labels.yml", missing)
    assert not stale, _says("labels.yml question ids not in rules.QUESTIONS", stale)


# ----- 6. risk factors and activities -------------------------------------------------------

def test_vocabulary_risk_factors_are_history_fields() -> None:
    bad = []
    for factor in sorted(_vocabulary_ids("risk_factor")):
        field = history.RISK_FACTOR_FACTS.get(factor)
        h = History.from_mapping({"risk_factors": [factor]})
        if field not in FACT_FIELDS or h.unknown_keys or getattr(h, field) is not True:
            bad.append(f"{factor} -> {field}")
    assert not bad, _says("vocabulary risk_factor ids that set no History field", bad)
    stale = _missing(history.RISK_FACTOR_FACTS, _vocabulary_ids("risk_factor"))
    assert not stale, _says("history.RISK_FACTOR_FACTS ids the vocabulary never gives", stale)


def test_activity_facts_are_vocabulary_activities_and_history_fields() -> None:
    activities = _vocabulary_ids("activity")
    unknown = _missing(understanding.ACTIVITY_FACTS, activities)
    assert not unknown, _says("understanding.ACTIVITY_FACTS keys not vocabulary activities",
                              unknown)
    bad = [f"{a} -> {f}" for a, f in sorted(understanding.ACTIVITY_FACTS.items())
           if f not in FACT_FIELDS]
    assert not bad, _says("understanding.ACTIVITY_FACTS values not History fields", bad)
    unmapped = activities - set(understanding.ACTIVITY_FACTS)
    assert unmapped == UNMAPPED_ACTIVITIES, _says(
        "vocabulary activities with no History fact, not listed as such",
        sorted(unmapped ^ UNMAPPED_ACTIVITIES))


def test_present_symptom_facts_are_vocabulary_symptoms_and_history_fields() -> None:
    bad = [f"{s} -> {f}" for s, f in sorted(understanding.PRESENT_SYMPTOM_FACTS.items())
           if s not in _vocabulary_ids("symptom") or f not in FACT_FIELDS]
    assert not bad, _says("understanding.PRESENT_SYMPTOM_FACTS entries that name no id", bad)
