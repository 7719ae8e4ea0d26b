"""Answers an emergency red flag the moment it is said (TRIAGE_POLICY.md section 2).

Two ways in: each red flag is its own intent (language/red_flags.yml), answered here when
the NLU's RedFlagGate let it through (confident, and borne out by the words); and every
message's findings go through the triage core in the message listener (listener.py), so a
red flag the classifier took for something else is still caught. The reasons shown come
from the rule table (actions/triage/rules.py).
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.emergency import answer_emergency
from actions.understanding import Understanding
from language.red_flags import red_flag_intents

RED_FLAG_INTENTS: dict[str, str] = {i: flag.rule for i, flag in red_flag_intents().items()}


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
