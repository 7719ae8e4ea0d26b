from __future__ import annotations

import pytest
from conftest import run_action, tracker_with

from actions.fallback import ActionAskRephrase
from actions.red_flags import RED_FLAG_INTENTS, ActionRedFlag
from actions.triage import RULES_BY_ID


@pytest.mark.parametrize(("intent", "rule_id"), sorted(RED_FLAG_INTENTS.items()))
def test_each_red_flag_is_answered_as_an_emergency_with_its_reason(
    intent: str, rule_id: str
) -> None:
    messages, events = run_action(ActionRedFlag(), tracker_with("...", intent))

    assert messages[0]["response"] == "utter_emergency_now"
    assert RULES_BY_ID[rule_id].reason in messages[1]["text"]
    assert {
        "event": "slot",
        "timestamp": None,
        "name": "triage_level",
        "value": "emergency",
    } in events
    assert {"event": "slot", "timestamp": None, "name": "red_flags", "value": [rule_id]} in events


def test_every_emergency_rule_of_the_policy_has_an_intent() -> None:
    emergency_rules = {rule_id for rule_id in RULES_BY_ID if rule_id.startswith("E-")}
    assert set(RED_FLAG_INTENTS.values()) == emergency_rules


def test_red_flags_said_earlier_are_kept() -> None:
    tracker = tracker_with("...", "red_flag_cold_leg", slots={"red_flags": ["E-CES"]})
    _, events = run_action(ActionRedFlag(), tracker)
    assert {
        "event": "slot",
        "timestamp": None,
        "name": "red_flags",
        "value": ["E-CES", "E-ISCH"],
    } in events


def test_a_red_flag_intent_at_its_screening_question_is_decided_by_the_answer() -> None:
    text = ("not sure honestly, it feels a bit strange between my legs but I've been sitting "
            "on a hard bike saddle commuting all week")
    unsure = tracker_with(text, "red_flag_cauda_equina", active_loop="history_form",
                          slots={"requested_slot": "saddle_numbness", "saddle_numbness": "unsure"})
    messages, events = run_action(ActionRedFlag(), unsure)
    assert messages == [] and events == [{"event": "followup", "timestamp": None,
                                          "name": "history_form"}]
    said = tracker_with("yes my bum is numb", "red_flag_cauda_equina", active_loop="history_form",
                        slots={"requested_slot": "saddle_numbness", "saddle_numbness": "yes"})
    unread = tracker_with("hmm down there", "red_flag_cauda_equina", active_loop="history_form",
                          slots={"requested_slot": "saddle_numbness"})
    for tracker in (said, unread):
        messages, _ = run_action(ActionRedFlag(), tracker)
        assert messages[0]["response"] == "utter_emergency_now"


@pytest.mark.parametrize(
    ("text", "response"),
    [
        ("", "utter_rephrase_empty"),
        ("🙈🙈", "utter_rephrase_no_words"),
        ("<img src=x onerror=alert(1)>", "utter_rephrase_markup"),
        ("me duele mucho la rodilla izquierda", "utter_rephrase_other_language"),
        ("x" * 5000, "utter_rephrase_too_long"),
        ("flibber jabber", "utter_rephrase_unclear"),
    ],
)
def test_unreadable_messages_get_a_polite_request_to_say_it_again(text: str, response: str) -> None:
    messages, events = run_action(ActionAskRephrase(), tracker_with(text, "nlu_fallback"))
    assert [m["response"] for m in messages] == [response]
    assert events == []
