"""The web chat widget's markers: urgency before advice, and a deleted conversation;
sent on socket.io only."""

from __future__ import annotations

from conftest import run_action, tracker_with

from actions.outcome import ActionDeleteConversation, ActionTriageOutcome
from actions.red_flags import ActionRedFlag

ANSWERED = {"body_locations": ["kneecap"], "symptoms": ["pain"], "pain_score": "3",
            "duration": "10", "numbness_or_tingling": "no", "knee_swelling": "no",
            "catching_or_clicking": "no", "giving_way": "no", "injury": "no",
            "fever_or_unwell": "no", "cancer": "no"}


def on(channel: str, text: str, intent: str, slots: dict | None = None):
    tracker = tracker_with(text, intent, slots=slots or {})
    tracker.events = [{"event": "user", "text": text, "input_channel": channel}]
    return tracker


def test_the_widget_is_told_an_emergency_comes_before_its_messages() -> None:
    messages, _ = run_action(ActionRedFlag(), on(
        "socketio", "I can't control my bladder", "red_flag_cauda_equina"))
    assert messages[0]["custom"] == {"data": {"urgency": "emergency"}}
    assert messages[1]["response"] == "utter_emergency_now"


def test_the_outcome_level_is_marked_for_the_widget() -> None:
    messages, _ = run_action(ActionTriageOutcome(), on("socketio", "no", "deny", ANSWERED))
    assert messages[0]["custom"] == {"data": {"urgency": "self_care"}}


def test_other_channels_get_no_marker() -> None:
    for channel in ("rest", "telegram", "slack"):
        messages, _ = run_action(ActionRedFlag(), on(
            channel, "I can't control my bladder", "red_flag_cauda_equina"))
        assert not any(m.get("custom") for m in messages)
        assert messages[0]["response"] == "utter_emergency_now"


def test_the_widget_is_told_to_forget_a_deleted_conversation() -> None:
    messages, _ = run_action(ActionDeleteConversation(), on("socketio", "delete it", "delete"))
    assert messages[0]["custom"] == {"data": {"conversation": "deleted"}}
    messages, _ = run_action(ActionDeleteConversation(), on("rest", "delete it", "delete"))
    assert [m["response"] for m in messages] == ["utter_conversation_deleted"]
