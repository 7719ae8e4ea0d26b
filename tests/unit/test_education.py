"""action_educate as a user sees it: the answers to the seven question intents, tailored to
the condition asked about or the triage's patterns, and the content they come from."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import entity, run_action, tracker_with

from actions.education import ANSWERS, ActionEducate, library
from actions.triage.engine import content as triage_content
from actions.triage.patterns import PATTERNS

ROOT = Path(__file__).resolve().parents[2]
CONTENT_FILES = [ROOT / "actions" / "content" / name
                 for name in ("conditions.yml", "exercises.yml", "general.yml")]
SOURCES_DIR = Path("/work/shared/sources")
SOURCE_NAMES = {"numbness-leg-foot", "knee-to-foot", "knee-to-leg", "back-to-knee", "knee-to-ankle"}
PATTERN_IDS = [pattern.id for pattern in PATTERNS]
CONDITION_IDS = sorted(library().conditions)
LEVELS = ("emergency", "urgent", "soon", "self_care")
INTENTS = sorted(ANSWERS)

MAX_WORDS = 120
COPIED_RUN = 12  # this many words in a row shared with an article counts as copied
DOSE = re.compile(r"\d+\s*(mg|milligram|mcg|microgram|ml|g)\b", re.IGNORECASE)
MEDICINE_NAMES = ("ibuprofen", "naproxen", "acetaminophen", "paracetamol", "gabapentin",
                  "pregabalin", "lidocaine", "capsaicin", "cyclobenzaprine")
SOURCE_LINE = re.compile(r"\n\(Source: ([a-z\-]+(?:, [a-z\-]+)*)\)$")


def ask(intent: str, *conditions: str, **slots: Any) -> list[dict[str, Any]]:
    entities = [entity("condition", value) for value in conditions]
    messages, events = run_action(ActionEducate(), tracker_with("...", intent, entities, slots))
    assert events == []
    assert messages, f"no answer to {intent}"
    return messages


def texts(intent: str, *conditions: str, **slots: Any) -> list[str]:
    return [message["text"] for message in ask(intent, *conditions, **slots)]


def words(text: str) -> int:
    return len(text.replace("•", " ").split())


@lru_cache(maxsize=1)
def every_answer() -> tuple[tuple[str, str], ...]:
    """(what was asked, message text) for every intent, alone, about every condition, with
    every pattern from the triage, and at every triage level."""
    asked: list[tuple[str, dict[str, Any], tuple[str, ...]]] = []
    for intent in INTENTS:
        asked.append((intent, {}, ()))
        asked.append((intent, {"patterns": None}, ("gout",)))
        asked += [(intent, {}, (cid,)) for cid in CONDITION_IDS]
        asked += [(intent, {"patterns": [cid]}, ()) for cid in CONDITION_IDS]
        asked += [(intent, {"triage_level": level, "patterns": PATTERN_IDS[:2]}, ())
                  for level in LEVELS]
    return tuple(
        (f"{intent} {conditions} {slots}", message["text"])
        for intent, slots, conditions in asked
        for message in ask(intent, *conditions, **slots)
        if "buttons" not in message
    )


def content_strings() -> Iterator[tuple[str, str]]:
    """(where, text) for every string in the education content files."""

    def walk(node: Any, where: str) -> Iterator[tuple[str, str]]:
        if isinstance(node, dict):
            for key, value in node.items():
                yield from walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                yield from walk(value, f"{where}[{i}]")
        elif isinstance(node, str):
            yield where, node

    for path in CONTENT_FILES:
        yield from walk(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)


def cited_entries() -> Iterator[tuple[str, dict[str, Any]]]:
    """Every content entry that states facts: it carries its own `sources`."""
    conditions, exercises, general = (
        yaml.safe_load(path.read_text(encoding="utf-8")) for path in CONTENT_FILES)
    for cid, entry in conditions.items():
        yield from ((f"{cid}.{key}", value) for key, value in entry.items()
                    if isinstance(value, dict))
    yield from exercises["exercises"].items()
    yield from exercises["plans"].items()
    yield "safety", exercises["safety"]
    yield from general["answers"].items()


def _words(text: str) -> list[str]:
    return re.sub(r"[^a-z0-9]+", " ", re.sub(r"['’]", "", text.lower())).split()


def _runs(text: str) -> set[tuple[str, ...]]:
    w = _words(text)
    return {tuple(w[i:i + COPIED_RUN]) for i in range(len(w) - COPIED_RUN + 1)}


@lru_cache(maxsize=1)
def source_runs() -> frozenset[tuple[str, ...]]:
    articles = sorted(SOURCES_DIR.glob("*.txt"))
    assert len(articles) == 5
    return frozenset(run for path in articles for run in _runs(path.read_text(encoding="utf-8")))


# --- what the user notices ------------------------------------------------------------------


def test_what_is_sciatica_explains_the_nerve_from_the_back() -> None:
    first = texts("ask_condition_info", "sciatica")[0]

    assert first.startswith("Sciatica\n")
    assert "nerve" in first and "back" in first
    assert "referred pain" in first


@pytest.mark.parametrize("typed",
                         ["Baker's cyst", "BAKERS CYST", "baker's Cyst ", "popliteal cyst"])
def test_names_are_matched_however_they_are_typed(typed: str) -> None:
    assert texts("ask_condition_info", typed)[0].startswith("Baker's cyst\n")


@pytest.mark.parametrize(("typed", "name"), [("dvt", "Deep vein thrombosis (DVT)"),
                                             ("runner's knee", "Patellofemoral pain"),
                                             ("claudication", "Peripheral artery disease")])
def test_short_names_and_lay_names_are_understood(typed: str, name: str) -> None:
    assert texts("ask_condition_info", typed)[0].startswith(name)


def test_condition_info_says_what_it_is_then_signs_and_when_to_get_help() -> None:
    about, help_ = texts("ask_condition_info", "peroneal_nerve")

    assert "fibula" in about and "crossed legs" in about
    assert help_.startswith("Signs: ") and "foot drop" in help_
    assert "When to get help: " in help_ and "same-day" in help_


def test_two_conditions_asked_about_get_two_explanations_without_repeats() -> None:
    messages = texts("ask_condition_info",
                     "sciatica", "Sciatica", "meniscus_tear", "osteoarthritis")

    headings = [m.splitlines()[0] for m in messages if not m.startswith("Signs")]
    assert headings == ["Sciatica", "Meniscus tear"]


@pytest.mark.parametrize("values", [(), ("gout",), ("",)])
def test_no_known_condition_offers_a_menu_of_conditions(values: tuple[str, ...]) -> None:
    (menu,) = ask("ask_condition_info", *values)

    assert "type the name" in menu["text"]
    if values and values[0]:
        assert '"gout"' in menu["text"]
    assert len(menu["buttons"]) == 5
    for button in menu["buttons"]:
        match = re.fullmatch(r'/ask_condition_info\{"condition": "(\w+)"\}', button["payload"])
        assert match is not None, button["payload"]
        assert button["title"] == library().conditions[match.group(1)].name


def test_unknown_condition_in_another_question_gets_the_general_answer() -> None:
    first = texts("ask_exercises", "gout", patterns=["sciatica"])[0]

    assert first.startswith('I don\'t have notes on "gout"')
    assert "consistent with" not in first
    assert "Straight leg raises" in first


def test_after_the_triage_what_is_it_explains_the_most_likely_pattern() -> None:
    first = texts("ask_condition_info", patterns=["bakers_cyst", "deep_vein_thrombosis"])[0]

    assert first.startswith("For pain consistent with Baker's cyst")
    assert "behind the knee" in first


def test_treatment_after_a_sciatica_outcome_is_physiotherapy_for_the_back() -> None:
    checked, care = texts("ask_treatment", patterns=["sciatica", "peroneal_nerve"])

    assert checked.startswith("For pain consistent with sciatica")
    assert "How it is checked: " in checked and "MRI" in checked
    assert "Physiotherapy" in checked and "core" in checked
    assert "When to get help: " in care


def test_treatment_without_patterns_is_the_general_answer() -> None:
    for patterns in (None, [], ["not_a_pattern"]):
        first = texts("ask_treatment", patterns=patterns)[0]
        assert first.startswith("What helps depends on the cause")


def test_a_condition_asked_about_wins_over_the_triage_patterns() -> None:
    first = texts("ask_treatment", "meniscus_tear", patterns=["sciatica"])[0]

    assert first.startswith("Meniscus tear\n")
    assert "keyhole surgery" in first


def test_where_the_articles_are_silent_the_assistant_says_so() -> None:
    first = texts("ask_treatment", patterns=["peripheral_artery_disease"])[0]

    assert "don't describe a treatment" in first
    assert "cold, pale or blue" in first


def test_exercises_fit_the_pattern() -> None:
    kneecap = texts("ask_exercises", patterns=["patellofemoral_pain"])
    back = texts("ask_exercises", patterns=["sciatica"])

    assert kneecap[0] != back[0]
    assert "Side leg raises" in kneecap[0] and "Side leg raises" not in back[0]
    assert "Swimming or cycling" in back[0] and "Swimming or cycling" not in kneecap[0]
    assert "Wall squats" not in kneecap[0]  # squatting makes kneecap pain worse


def test_general_exercises_come_with_steps_and_a_safety_line() -> None:
    exercises, safety = texts("ask_exercises")

    assert exercises.count("•") == 3
    assert "Lie on your back" in exercises
    assert "stop if pain turns sharp" in safety
    assert "Not during an emergency or with a suspected clot or fracture" in safety


@pytest.mark.parametrize("condition", ["deep_vein_thrombosis", "cauda_equina",
                                       "compartment_syndrome", "septic_arthritis"])
def test_no_exercises_for_a_clot_or_an_emergency(condition: str) -> None:
    (answer,) = texts("ask_exercises", patterns=[condition])

    assert "•" not in answer
    assert "not for now" in answer
    assert re.search(r"same day|emergency", answer)


@pytest.mark.parametrize("level", ["emergency", "urgent"])
def test_exercises_wait_when_the_triage_said_get_seen_first(level: str) -> None:
    (answer,) = texts("ask_exercises", triage_level=level, patterns=["patellofemoral_pain"])

    assert answer.startswith("Exercises can wait")
    assert triage_content()["levels"][level]["advice"].split()[0] in answer
    assert "•" not in answer


def test_when_to_see_a_doctor_gives_the_red_flags_and_the_levels() -> None:
    red_flags, levels = texts("ask_when_see_doctor")

    assert " ".join(triage_content()["red_flags"].split()) in red_flags
    assert "Same day" in levels and "Within days" in levels and "home care" in levels


def test_when_to_see_a_doctor_after_the_triage_repeats_its_advice_and_the_pattern() -> None:
    level, pattern, red_flags = texts("ask_when_see_doctor", triage_level="urgent",
                                      patterns=["deep_vein_thrombosis"])

    assert level.startswith("From what you told me earlier:\nGet seen today")
    assert "consistent with deep vein thrombosis" in pattern and "scan" in pattern
    assert "chest pain" in red_flags


def test_self_care_advice_cites_its_sources_in_the_source_line() -> None:
    level = texts("ask_when_see_doctor", triage_level="self_care")[0]

    assert "[" not in level
    assert level.endswith("(Source: knee-to-foot, knee-to-ankle, numbness-leg-foot)")


def test_foot_numbness_is_explained_through_the_nerves() -> None:
    nerves, what_to_do = texts("ask_knee_foot_numbness")

    assert nerves.startswith("Yes")
    for nerve in ("peroneal", "saphenous", "sciatica", "Baker's cyst"):
        assert nerve in nerves
    assert "same day" in what_to_do and "emergency" in what_to_do


def test_foot_numbness_after_the_triage_starts_with_the_pattern() -> None:
    first = texts("ask_knee_foot_numbness", patterns=["saphenous_nerve"])[0]

    assert first.startswith("For pain consistent with saphenous nerve")
    assert "inner" in first


def test_prevention_is_tailored_then_general() -> None:
    tailored, general = texts("ask_prevention", patterns=["peroneal_nerve"])

    assert "To help prevent it: " in tailored and "crossed" in tailored
    for advice in ("crossed", "shoes", "weight", "position", "kneeling"):
        assert advice in general


def test_causes_after_the_triage_explain_why_the_pattern_spreads() -> None:
    tailored, general = texts("ask_causes", patterns=["gait_compensation"])

    assert "one chain" in tailored
    assert general.startswith("Knee pain that spreads down the leg can come from")


# --- every answer ---------------------------------------------------------------------------


def test_every_answer_fits_a_phone_chat() -> None:
    too_long = [(asked, words(text)) for asked, text in every_answer() if words(text) > MAX_WORDS]
    assert too_long == []


def test_every_answer_ends_by_naming_its_sources() -> None:
    for asked, text in every_answer():
        cited = SOURCE_LINE.search(text)
        assert cited is not None, f"{asked}: {text}"
        assert set(cited.group(1).split(", ")) <= SOURCE_NAMES, asked


def test_no_answer_names_a_dose_or_a_medicine() -> None:
    for asked, text in every_answer():
        assert not DOSE.search(text), f"{asked}: {text}"
        assert not any(name in text.lower() for name in MEDICINE_NAMES), f"{asked}: {text}"


def test_no_answer_tells_people_to_stop_their_treatment() -> None:
    stop = re.compile(r"\bstop (taking|using)|\b(stop|come off) (your|the) (medic|treat|tablet)",
                      re.IGNORECASE)
    for asked, text in every_answer():
        assert not stop.search(text), f"{asked}: {text}"


def test_tailored_answers_say_consistent_with_never_a_diagnosis() -> None:
    for pattern in PATTERN_IDS:
        first = texts("ask_condition_info", patterns=[pattern])[0]
        assert first.startswith("For pain consistent with "), pattern
    for where, text in content_strings():
        assert not re.search(r"\byou (have|ve got)\b|\bthis is (a |an )?\w+ (tear|injury)\b",
                             text, re.IGNORECASE), where


def test_no_sentence_is_copied_from_the_articles() -> None:
    copied = []
    for where, text in [*content_strings(), *every_answer()]:
        shared = _runs(text) & source_runs()
        if shared:
            copied.append((where, " ".join(sorted(shared)[0])))
    assert copied == []


def test_the_copy_check_would_catch_a_copied_sentence() -> None:
    article = (SOURCES_DIR / "003_d56a3eeec185476b.txt").read_text(encoding="utf-8")
    sentence = next(s for s in article.split(".") if len(_words(s)) >= COPIED_RUN)

    assert _runs(sentence.upper().replace(" ", "  ")) & source_runs()


# --- the content ----------------------------------------------------------------------------


def test_every_content_entry_names_known_sources() -> None:
    entries = list(cited_entries())
    assert len(entries) > 100
    for where, entry in entries:
        assert entry["sources"], where
        assert set(entry["sources"]) <= SOURCE_NAMES, where


def test_every_pattern_of_the_triage_has_an_entry_and_an_exercise_plan() -> None:
    lib = library()
    for pattern in PATTERN_IDS:
        assert pattern in lib.conditions, pattern
        assert pattern in lib.plans, pattern


@pytest.mark.parametrize("condition_id", CONDITION_IDS)
def test_every_condition_says_what_it_is_its_signs_and_when_to_get_help(condition_id: str) -> None:
    condition = library().conditions[condition_id]

    for section in ("what_it_is", "signs", "get_help"):
        assert condition.section(section), f"{condition_id}.{section}"
    assert re.search(r"emergency|same day|same-day|within days",
                     condition.sections["get_help"].text), condition_id
    if condition_id in PATTERN_IDS:
        assert condition.section("why_it_spreads"), condition_id


def test_the_named_exercises_are_all_there_and_every_plan_uses_only_them() -> None:
    lib = library()
    named = {"straight_leg_raises", "wall_squats", "hamstring_curls", "heel_raises",
             "glute_bridges", "lateral_leg_raises"}

    assert named <= set(lib.exercises)
    for plan_id, plan in lib.plans.items():
        assert set(plan.exercises) <= set(lib.exercises), plan_id
        assert len(plan.exercises) <= 3, plan_id


def test_every_menu_entry_is_a_condition() -> None:
    assert set(library().menu) <= set(library().conditions)


def test_the_seven_intents_are_answered_by_action_educate() -> None:
    domain = yaml.safe_load((ROOT / "domain" / "questions.yml").read_text(encoding="utf-8"))
    rules = yaml.safe_load((ROOT / "data" / "rules" / "questions.yml").read_text(encoding="utf-8"))

    assert set(domain["intents"]) == set(ANSWERS)
    assert "action_educate" in domain["actions"]
    answered = {rule["steps"][0]["intent"]: rule["steps"][1]["action"] for rule in rules["rules"]}
    assert answered == {intent: "action_educate" for intent in ANSWERS}
