"""Reads every user message, in every state of the conversation, before the reply is chosen.

Rasa runs `action_validate_slot_mappings` after each user message (inside its default
`action_extract_slots`), whatever the intent and whether a form is active. This is where:

1. the record is updated from the message (symptoms, places, answers to the pending
   history question);
2. the red-flag check runs on the whole record, so a red flag is answered on the turn it
   is said even when the intent classifier took the message for something else (the
   entities come from the deterministic spaCy vocabulary pipeline). Messages classified as
   a red-flag intent are answered by `action_red_flag` instead, so nothing is said twice;
3. an answer that cannot be read is asked again once, with help; the second time it is
   taken as "not sure" (never asked three times in a row).
"""

from __future__ import annotations

import copy
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.emergency import answer_emergency
from actions.labels import join
from actions.red_flags import RED_FLAG_INTENTS, screens
from actions.triage import QUESTIONS, emergency_red_flags
from actions.triage.interview import (
    CHOICE_QUESTIONS,
    NUMBER_QUESTIONS,
    UNSURE,
)
from actions.understanding import Understanding
from language.answers import Reply, asks, is_only_greeting, meaning, read_answer
from language.input_checks import InputProblem, input_problem
from language.status import CONTEXT, NOT_THE_PERSONS_NOW, Status, present_only

FORM = "history_form"
# Intents that are not an answer to the pending question; the form steps aside for them
# ("greet" only for a message that greets and says nothing else).
INTERRUPTIONS = frozenset({
    "ask_causes", "ask_condition_info", "ask_treatment", "ask_exercises", "ask_prevention",
    "ask_when_see_doctor", "ask_knee_foot_numbness", "greet", "goodbye", "thank",
    "bot_challenge", "restart", "request_summary", "delete_conversation",
}) | frozenset(RED_FLAG_INTENTS)
QUESTION_INTENTS = frozenset(i for i in INTERRUPTIONS if i.startswith("ask_"))
QUESTION_FACTS = {q.id: q for q in QUESTIONS}
MAX_TRIES = 2
NLU_FALLBACK = "nlu_fallback"
GREET = "greet"
# Intents a statement may be mistaken for while it answers the question in words.
ANSWERABLE_INTERRUPTIONS = QUESTION_INTENTS | {"thank"}
HELP = {
    "pain_score": "utter_help_pain_score",
    "age": "utter_help_age",
    "duration": "utter_help_duration",
    "injury_days_ago": "utter_help_duration",
    "onset": "utter_help_onset",
}
# A message that cannot be read at all gets help for that, not for the question.
UNREADABLE_HELP = {
    InputProblem.TOO_LONG: "utter_help_too_long",
    InputProblem.OTHER_LANGUAGE: "utter_help_in_english",
}


class ActionListenToEveryMessage(Action):
    def name(self) -> str:
        return "action_validate_slot_mappings"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        message = tracker.latest_message or {}
        intent = (message.get("intent") or {}).get("name")
        before = Understanding.from_slots(tracker)
        heard = copy.deepcopy(before)
        heard.add_message(message)
        # A question about a symptom does not say the person has it, so it is not recorded;
        # a red flag named in a question is still checked below (when in doubt, go up).
        record = copy.deepcopy(before) if intent in QUESTION_INTENTS else heard

        events: list[EventType] = []
        pending = tracker.get_slot("requested_slot") if tracker.active_loop_name == FORM else None
        if pending and pending in QUESTION_FACTS:
            events += self._answer(dispatcher, tracker, record, before, pending, intent, message)

        new_flags = [
            flag for flag in emergency_red_flags(heard.history())
            if flag not in (tracker.get_slot("red_flags") or [])
        ]
        if new_flags and intent not in RED_FLAG_INTENTS:
            events += answer_emergency(dispatcher, tracker, new_flags)
        return record.slot_events() + events

    def _answer(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        record: Understanding,
        before: Understanding,
        question: str,
        intent: str | None,
        message: dict[str, Any],
    ) -> list[EventType]:
        """Fill the pending question's slot, or set it to None so that it is asked again.

        Returns nothing for an interruption, so that the form steps aside."""
        text = message.get("text") or ""
        # "no ... my little boy had a temperature": someone else's, hypothetical or past
        # clauses do not answer (past ones do where the question asks about the past: "had a
        # skin one removed years ago"); a negation is the reader's to turn round
        blank = NOT_THE_PERSONS_NOW - ({Status.HISTORICAL} if meaning(question).past else set())
        own = present_only(text, message.get(CONTEXT) or [], blank)
        reading = None if is_only_greeting(text) else answer_in(question, own, intent)
        if reading is None:
            return []  # "what exercises can I do?" is a question, not a yes
        value, problem = reading
        if value is None and record.answers.get(question) != before.answers.get(question):
            value = record.answers[question]  # the free text answered it ("for 3 weeks")
        if value is None and question not in NUMBER_QUESTIONS | CHOICE_QUESTIONS:
            value = answered_by_description(question, record)
        tries = dict(tracker.get_slot("question_tries") or {})
        if value is not None:
            record.answers[question] = value
            tries.pop(question, None)
            return [SlotSet("question_tries", tries)]
        record.answers.pop(question, None)
        if told_something_new(before, record, question):
            # news instead of an answer ("about 3 weeks", "my ankle hurts too") is noted and
            # the question follows; it is not a failed try, so it is never taken as unsure
            acknowledge(dispatcher, record.added_since(before))
            return [SlotSet("question_tries", tries), SlotSet(question, None)]
        tries[question] = tries.get(question, 0) + 1
        if tries[question] >= MAX_TRIES:
            record.answers[question] = UNSURE
            dispatcher.utter_message(response="utter_taken_as_not_sure")
            tries.pop(question)
            return [SlotSet("question_tries", tries)]
        help_for_question = HELP.get(question, "utter_help_yes_no")
        # The NLU's InputGuard has sent an unreadable message to nlu_fallback; only then is
        # it worth asking what made it unreadable.
        problem = input_problem(text) if intent == NLU_FALLBACK else None
        dispatcher.utter_message(response=UNREADABLE_HELP.get(problem, help_for_question))
        return [SlotSet("question_tries", tries), SlotSet(question, None)]


def answer_in(question: str, own: str, intent: str | None) -> tuple[str | None, str | None] | None:
    """The message read as the pending question's answer, (value, problem), or None when it
    is an interruption instead ("what exercises can I do?"). A statement the classifier took
    for a question or a thank-you still answers in words ("resting it helps" is no question
    about treatment; "this afternoon" no thanks), and so does a red flag at a question that
    screens for it."""
    interrupts = intent in INTERRUPTIONS and intent != GREET
    # a red flag said at its own screening question answers it ("not sure, it feels a bit
    # odd down there" to the saddle question): the words decide (actions/red_flags.py)
    answerable = intent in ANSWERABLE_INTERRUPTIONS or screens(intent, question)
    if interrupts and (not answerable or asks(own)):
        return None
    value, problem = read_answer(question, own, None if interrupts else intent)
    if interrupts and value is None:
        return None
    return value, problem


def acknowledge(dispatcher: CollectingDispatcher, added: list[str]) -> None:
    """Says what news, given instead of an answer, was added (a place picked on the leg
    picture, "my ankle hurts too"), so the question that follows does not seem deaf to it."""
    if added:
        dispatcher.utter_message(response="utter_noted", what=join(added))
    else:
        dispatcher.utter_message(response="utter_noted_that")


def told_something_new(before: Understanding, after: Understanding, question: str) -> bool:
    """Whether the message added news besides the answer: a symptom, a place, or the answer
    to another question ("about 3 weeks" typed at "Is your leg weak?")."""
    others = (set(before.answers) | set(after.answers)) - {question}
    return (before.symptoms, before.locations, before.denied, before.facts) != (
        after.symptoms, after.locations, after.denied, after.facts) or any(
        before.answers.get(q) != after.answers.get(q) for q in others)


def answered_by_description(question: str, record: Understanding) -> str | None:
    """The answer, as the question is worded, when what was described settles it ("my toes
    tingle" is yes to "Any numbness or tingling?", "I can't take more than a step" is no to
    "Can you take 4 steps?")."""
    q = QUESTION_FACTS[question]
    if not q.facts:
        return None
    history = record.history()
    values = [history.fact(name) for name in q.facts]
    worrying = meaning(question).worrying
    if True in values:
        return worrying.value
    reassuring = Reply.NO if worrying is Reply.YES else Reply.YES
    return reassuring.value if all(v is False for v in values) else None
