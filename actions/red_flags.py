"""Answers an emergency red flag the moment it is said (TRIAGE_POLICY.md section 2).

Two ways in: each red flag is its own intent, answered here; and every message's symptoms go
through the triage core in the message listener (listener.py), so a red flag the classifier
took for something else is still caught. The reasons shown come from the rule table
(actions/triage/rules.py).
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.emergency import answer_emergency
from actions.understanding import Understanding

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


class ActionRedFlag(Action):
    def name(self) -> str:
        return "action_red_flag"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        found = list(Understanding.from_slots(tracker).assess().red_flags)
        said = red_flags_said(tracker.latest_message)
        return answer_emergency(dispatcher, tracker, said + [r for r in found if r not in said])
