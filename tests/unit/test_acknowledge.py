"""A yes, a no or a "not sure" with no question pending: never the same reply three times."""

from __future__ import annotations

from conftest import run_action, tracker_with

from actions.acknowledge import ActionAcknowledge


def _after(tracker, *responses: str):
    tracker.events.extend({"event": "bot", "text": r, "metadata": {"utter_action": r}}
                          for r in responses)
    return tracker


def test_a_no_before_the_outcome_invites_a_description() -> None:
    messages, _ = run_action(ActionAcknowledge(), tracker_with("no", "deny"))
    assert [m["response"] for m in messages] == ["utter_deny_ack"]


def test_after_the_outcome_a_no_closes_kindly() -> None:
    tracker = tracker_with("no", "deny", slots={"triage_level": "soon"})
    messages, _ = run_action(ActionAcknowledge(), tracker)
    assert [m["response"] for m in messages] == ["utter_ack_after_outcome"]


def test_the_same_reply_is_not_sent_a_third_time() -> None:
    tracker = _after(tracker_with("no", "deny", slots={"triage_level": "soon"}),
                     "utter_ack_after_outcome", "utter_ack_after_outcome")
    messages, _ = run_action(ActionAcknowledge(), tracker)
    assert [m["response"] for m in messages] == ["utter_ack_again"]
    once = _after(tracker_with("no", "deny"), "utter_ask_pain_score", "utter_deny_ack")
    messages, _ = run_action(ActionAcknowledge(), once)
    assert [m["response"] for m in messages] == ["utter_deny_ack"]
