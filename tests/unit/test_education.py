import asyncio
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.education import CONDITIONS, ActionExplainCondition

ROOT = Path(__file__).resolve().parents[2]
EDUCATION_DOMAIN = ROOT / "domain" / "education.yml"
CONDITIONS_FILE = ROOT / "actions" / "content" / "conditions.yml"

SOURCE_NAMES = ("numbness-leg-foot", "knee-to-foot", "knee-to-leg", "back-to-knee", "knee-to-ankle")
CONDITION_IDS = (
    "sciatica",
    "peroneal_nerve",
    "saphenous_nerve",
    "peripheral_neuropathy",
    "osteoarthritis",
    "meniscus_tear",
    "ligament_injury",
    "patellofemoral_pain",
    "patellar_tendinitis",
    "pes_anserine_bursitis",
    "bakers_cyst",
    "peripheral_artery_disease",
    "deep_vein_thrombosis",
    "gait_compensation",
    "cauda_equina",
    "compartment_syndrome",
    "septic_arthritis",
)
FIELDS = ("name", "what_it_is", "typical_signs", "what_helps", "sources")
EDUCATION_RESPONSES = (
    "utter_causes",
    "utter_treatment",
    "utter_exercises",
    "utter_prevention",
    "utter_when_see_doctor",
    "utter_knee_foot_numbness",
)
DOSE = re.compile(r"\d+\s?(mg|milligram|ml|g)\b", re.IGNORECASE)
URGENT_WORDS = re.compile(r"emergency|same day|same-day", re.IGNORECASE)
MAX_WORDS = 90


def run_action(*condition_values: str) -> list[dict[str, Any]]:
    entities = [{"entity": "condition", "value": value} for value in condition_values]
    tracker = Tracker(
        sender_id="test-user",
        slots={},
        latest_message={
            "text": "tell me about it",
            "intent": {"name": "ask_condition_info", "confidence": 1.0},
            "entities": entities,
        },
        events=[],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionExplainCondition().run(dispatcher, tracker, {}))
    assert events == []
    return dispatcher.messages


def words(text: str) -> int:
    return len(text.replace("•", " ").split())


def response_texts() -> dict[str, list[str]]:
    responses = yaml.safe_load(EDUCATION_DOMAIN.read_text(encoding="utf-8"))["responses"]
    return {name: [variation["text"] for variation in texts] for name, texts in responses.items()}


def condition_entries() -> dict[str, dict[str, Any]]:
    return yaml.safe_load(CONDITIONS_FILE.read_text(encoding="utf-8"))


def all_content_texts() -> list[str]:
    texts = [text for variations in response_texts().values() for text in variations]
    for entry in condition_entries().values():
        texts.extend(str(entry[field]) for field in FIELDS)
    return texts


# --- the action, as a user sees it ---------------------------------------------------------


def test_explains_the_condition_asked_about_with_its_sources() -> None:
    messages = run_action("bakers_cyst")

    assert len(messages) == 1
    text = messages[0]["text"]
    assert text.startswith("Baker's cyst")
    assert "behind the knee" in text
    assert "(Source: knee-to-ankle)" in text


@pytest.mark.parametrize("typed", ["Baker's cyst", "BAKERS CYST", "baker's Cyst "])
def test_matches_typed_names_case_insensitively(typed: str) -> None:
    messages = run_action(typed)

    assert len(messages) == 1
    assert messages[0]["text"].startswith("Baker's cyst")


def test_matches_the_short_name_in_brackets() -> None:
    messages = run_action("dvt")

    assert messages[0]["text"].startswith("Deep vein thrombosis")


def test_two_conditions_give_two_answers() -> None:
    messages = run_action("sciatica", "peroneal nerve")

    assert [m["text"].splitlines()[0] for m in messages] == ["Sciatica", "Trapped peroneal nerve"]
    assert all("(Source: " in m["text"] for m in messages)


def test_answers_at_most_two_conditions_and_skips_repeats() -> None:
    messages = run_action("sciatica", "Sciatica", "meniscus_tear", "osteoarthritis")

    assert [m["text"].splitlines()[0] for m in messages] == ["Sciatica", "Meniscus tear"]


def test_unknown_values_are_ignored_next_to_a_known_one() -> None:
    messages = run_action("broken toe", "septic_arthritis")

    assert len(messages) == 1
    assert "emergency" in messages[0]["text"]


@pytest.mark.parametrize("values", [(), ("broken toe",), ("",)])
def test_no_recognised_condition_offers_the_topics(values: tuple[str, ...]) -> None:
    messages = run_action(*values)

    assert len(messages) == 1
    message = messages[0]
    assert "type the name" in message["text"]
    assert len(message["buttons"]) == 5
    for button in message["buttons"]:
        condition = re.fullmatch(r'/ask_condition_info\{"condition": ?"(\w+)"\}', button["payload"])
        assert condition is not None, button["payload"]
        assert button["title"] == CONDITIONS[condition.group(1)].name


@pytest.mark.parametrize("condition_id", CONDITION_IDS)
def test_every_condition_explanation_fits_a_phone_chat(condition_id: str) -> None:
    text = run_action(condition_id)[0]["text"]

    assert words(text) <= MAX_WORDS, f"{condition_id}: {words(text)} words"


# --- the content -----------------------------------------------------------------------------


def test_every_condition_has_every_field_filled() -> None:
    entries = condition_entries()

    assert set(entries) == set(CONDITION_IDS)
    for condition_id, entry in entries.items():
        for field in FIELDS:
            assert entry.get(field), f"{condition_id}.{field} is empty"


def test_every_condition_cites_only_known_sources() -> None:
    for condition_id, entry in condition_entries().items():
        assert set(entry["sources"]) <= set(SOURCE_NAMES), condition_id


def test_every_condition_says_when_to_get_help_urgently() -> None:
    for condition_id, entry in condition_entries().items():
        assert URGENT_WORDS.search(entry["what_helps"]), condition_id


@pytest.mark.parametrize(
    "condition_id",
    ["cauda_equina", "compartment_syndrome", "septic_arthritis", "deep_vein_thrombosis"],
)
def test_emergencies_say_so_in_what_helps(condition_id: str) -> None:
    assert re.search(r"emergency|same-day", condition_entries()[condition_id]["what_helps"])


def test_all_education_responses_exist() -> None:
    assert set(response_texts()) == set(EDUCATION_RESPONSES)


@pytest.mark.parametrize("response", EDUCATION_RESPONSES)
def test_every_response_names_a_source_and_fits_a_phone_chat(response: str) -> None:
    for text in response_texts()[response]:
        assert "(Source: " in text
        assert any(source in text for source in SOURCE_NAMES)
        assert words(text) <= MAX_WORDS, f"{response}: {words(text)} words"
        assert URGENT_WORDS.search(text), f"{response} does not say when to get urgent help"


def test_no_doses_and_no_diagnosis_in_any_text() -> None:
    for text in all_content_texts():
        assert not DOSE.search(text), text
        assert "you have" not in text.lower(), text
        assert "consistent with" not in text.lower(), text
