"""Acknowledges a yes, a no or a "not sure" said when no question is pending.

Before the outcome it invites a description; after it, it closes kindly. The same reply is
never sent three times in a row: a person who says "no" again and again gets the choices
of what can come next instead (issue 11: no loops)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

BEFORE_OUTCOME = {"affirm": "utter_affirm_ack", "deny": "utter_deny_ack",
                  "unsure": "utter_unsure_ack"}
AFTER_OUTCOME = "utter_ack_after_outcome"
AGAIN = "utter_ack_again"


def last_responses(tracker: Tracker, count: int = 2) -> list[str | None]:
    """The response names of the last `count` bot messages, newest first."""
    said = [(e.get("metadata") or {}).get("utter_action")
            for e in reversed(tracker.events) if e.get("event") == "bot"]
    return said[:count]


def not_a_third_time(response: str, alternative: str, tracker: Tracker) -> str:
    """`response`, or `alternative` where the last two bot messages were `response`."""
    return alternative if last_responses(tracker) == [response, response] else response


class ActionAcknowledge(Action):
    def name(self) -> str:
        return "action_acknowledge"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        intent = (tracker.latest_message.get("intent") or {}).get("name") or "affirm"
        decided = tracker.get_slot("triage_level") is not None
        response = AFTER_OUTCOME if decided else BEFORE_OUTCOME.get(intent, "utter_affirm_ack")
        dispatcher.utter_message(response=not_a_third_time(response, AGAIN, tracker))
        return []
