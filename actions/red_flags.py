"""Answers an emergency red flag the moment it is said (TRIAGE_POLICY.md section 2).

The NLU recognises each red flag as its own intent; this adapter maps the intent to the
policy's rule id and explains it with that rule's reason, so the wording lives only in the
rule table (actions/triage/rules.py).
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
    """Rule ids of the red flags the latest message names."""
    intent = (message.get("intent") or {}).get("name")
    return [RED_FLAG_INTENTS[intent]] if intent in RED_FLAG_INTENTS else []


class ActionRedFlag(Action):
    def name(self) -> str:
        return "action_red_flag"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        fired = red_flags_said(tracker.latest_message)
        known = list(tracker.get_slot("red_flags") or [])
        dispatcher.utter_message(response="utter_emergency_now")
        for rule_id in fired:
            rule = RULES_BY_ID[rule_id]
            dispatcher.utter_message(text=f"Why: {rule.reason} (Source: {rule.source})")
        dispatcher.utter_message(response="utter_emergency_while_waiting")
        return [
            SlotSet("triage_level", Level.EMERGENCY.value),
            SlotSet("red_flags", known + [f for f in fired if f not in known]),
        ]
