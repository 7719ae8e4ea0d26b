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
from rasa_sdk.events import EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.emergency import answer_emergency
from actions.understanding import Understanding
from language.answers import meaning
from language.red_flags import red_flag_intents

RED_FLAG_INTENTS: dict[str, str] = {i: flag.rule for i, flag in red_flag_intents().items()}


def screens(intent: str | None, question: str | None) -> bool:
    """Whether the question is one that screens for the red flag the intent names."""
    flag = red_flag_intents().get(intent or "")
    return flag is not None and question in flag.screen


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
        if not found and answered_its_screening_question(tracker):
            # "not sure, it feels a bit odd down there but I've been on a bike saddle" to
            # "Any numbness around your bottom?": the answer decides (not sure is urgent,
            # policy section 1), so the history goes on where it was
            return [FollowupAction(FORM)]
        said = red_flags_said(tracker.latest_message)
        return answer_emergency(dispatcher, tracker, said + [r for r in found if r not in said])


FORM = "history_form"


def answered_its_screening_question(tracker: Tracker) -> bool:
    """Whether the message answered, with words the listener could read, a question that
    screens for the red flag its intent names, and the answer is not the worrying one."""
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    pending = tracker.get_slot("requested_slot") if tracker.active_loop_name == FORM else None
    if not screens(intent, pending):
        return False
    answer, worrying = tracker.get_slot(pending), meaning(pending).worrying
    return answer is not None and worrying is not None and answer not in (
        worrying.value, "partial")
