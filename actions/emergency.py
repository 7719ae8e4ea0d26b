"""The emergency answer, given the moment a red flag is known (TRIAGE_POLICY.md section 7).
The reasons shown come from the rule table (actions/triage/rules.py)."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.triage import RULES_BY_ID, Level
from actions.web_chat import mark_urgency


def answer_emergency(
    dispatcher: CollectingDispatcher, tracker: Tracker, rule_ids: list[str]
) -> list[EventType]:
    """Tell the person to get emergency care now and why; record the level and the flags."""
    known = list(tracker.get_slot("red_flags") or [])
    mark_urgency(dispatcher, tracker, Level.EMERGENCY.value)
    dispatcher.utter_message(response="utter_emergency_now")
    for rule_id in rule_ids:
        rule = RULES_BY_ID[rule_id]
        dispatcher.utter_message(text=f"Why: {rule.reason} (Source: {rule.source})")
    dispatcher.utter_message(response="utter_emergency_while_waiting")
    return [
        SlotSet("triage_level", Level.EMERGENCY.value),
        SlotSet("red_flags", known + [r for r in rule_ids if r not in known]),
    ]
