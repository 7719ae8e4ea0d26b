"""Answers a message the assistant could not read, and asks again. Nothing in the
conversation is reset: slots and history stay as they were."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from language.input_checks import InputProblem, input_problem

RESPONSES = {
    InputProblem.EMPTY: "utter_rephrase_empty",
    InputProblem.NO_WORDS: "utter_rephrase_no_words",
    InputProblem.TOO_LONG: "utter_rephrase_too_long",
    InputProblem.MARKUP: "utter_rephrase_markup",
    InputProblem.OTHER_LANGUAGE: "utter_rephrase_other_language",
    None: "utter_rephrase_unclear",
}


class ActionAskRephrase(Action):
    def name(self) -> str:
        return "action_ask_rephrase"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        problem = input_problem(tracker.latest_message.get("text"))
        dispatcher.utter_message(response=RESPONSES[problem])
        return []
