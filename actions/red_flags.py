"""Answers an emergency red flag the moment it is said (TRIAGE_POLICY.md section 2).

Two ways in: each red flag is its own intent, and every message's symptoms also go through
the triage core, so a red flag the classifier took for an ordinary description is still
caught. The reasons shown come from the rule table (actions/triage/rules.py).
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.triage import RULES_BY_ID, Level

RED_FLAG_INTENTS: dict[str, str] = {
    "red_flag_cauda_equina": "E-CES",
    "red_flag_both_legs": "E-BILAT",
    "red_flag_cold_leg": "E-ISCH",
    "red_flag_lung_clot": "E-PE",
    "red_flag_septic_knee": "E-SEPTIC",
    "red_flag_deformity": "E-DEFORM",
    "red_flag_compartment": "E-COMPART",
}


def red_flags_said(message: dict[str, Any]) -> list[str]:
    """Rule ids of the red flags the latest message's intent names."""
    intent = (message.get("intent") or {}).get("name")
    return [RED_FLAG_INTENTS[intent]] if intent in RED_FLAG_INTENTS else []


def answer_emergency(
    dispatcher: CollectingDispatcher, tracker: Tracker, rule_ids: list[str]
) -> list[EventType]:
    """Tell the person to get emergency care now and why; record the level and the flags."""
    known = list(tracker.get_slot("red_flags") or [])
    dispatcher.utter_message(response="utter_emergency_now")
    for rule_id in rule_ids:
        rule = RULES_BY_ID[rule_id]
        dispatcher.utter_message(text=f"Why: {rule.reason} (Source: {rule.source})")
    dispatcher.utter_message(response="utter_emergency_while_waiting")
    return [
        SlotSet("triage_level", Level.EMERGENCY.value),
        SlotSet("red_flags", known + [r for r in rule_ids if r not in known]),
    ]


class ActionRedFlag(Action):
    def name(self) -> str:
        return "action_red_flag"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        from actions.understanding import Understanding  # imported here: it imports this module

        understanding = Understanding.from_slots(tracker)
        understanding.add_message(tracker.latest_message)
        found = list(understanding.assess().red_flags)
        said = red_flags_said(tracker.latest_message)
        return understanding.slot_events() + answer_emergency(
            dispatcher, tracker, said + [r for r in found if r not in said]
        )
