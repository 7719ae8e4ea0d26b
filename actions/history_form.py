"""The history form: Rasa asks the questions, the triage core chooses them.

`required_slots` is worked out again after every answer from what is known so far
(actions/triage/interview.py): red flags first, nothing already said, nothing that could not
change the outcome. The form ends when nothing is left to ask, or at once when the level is
an emergency. The answers themselves are read by the message listener (listener.py).
"""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.triage.interview import questions_to_ask
from actions.understanding import Understanding


class ValidateHistoryForm(FormValidationAction):
    def name(self) -> str:
        return "validate_history_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        understanding = Understanding.from_slots(tracker)
        questions = questions_to_ask(understanding.history(), first=understanding.screen)
        return [q for q in questions if tracker.get_slot(q) is None]

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        return []  # answers were read and checked by action_validate_slot_mappings
