"""The outcome of the history: how soon to be seen, why, what to watch for, what fits.

And, on request, a short summary to show a clinician. The decision is the triage core's
(actions/triage); this module only puts it into words and slots.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.emergency import answer_emergency
from actions.labels import join, label
from actions.triage import Decision, Level
from actions.triage.engine import content
from actions.triage.interview import NUMBER_QUESTIONS, PARTIAL, UNSURE, YES
from actions.understanding import Understanding, days_text
from actions.web_chat import mark_deleted, mark_urgency

HEADLINES = {
    Level.EMERGENCY: "🚨 My advice: emergency",
    Level.URGENT: "⚠️ My advice: urgent",
    Level.SOON: "My advice: soon",
    Level.SELF_CARE: "My advice: home care for now",
}
NO_RULE_REASON = (
    "Nothing you told me points to a problem that needs a check-up now: the pain is mild "
    "and recent, with no numbness, tingling, weakness, swelling, locking or injury."
)
MAX_PATTERNS = 3


class ActionTriageOutcome(Action):
    def name(self) -> str:
        return "action_triage_outcome"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        decision = Understanding.from_slots(tracker).assess()
        patterns = [p.id for p in decision.patterns[:MAX_PATTERNS]]
        events: list[EventType] = [SlotSet("patterns", patterns)]
        announced = tracker.get_slot("red_flags") or []
        if decision.level is Level.EMERGENCY or announced:  # never lower an emergency
            new = [flag for flag in decision.red_flags if flag not in announced]
            if new:
                return events + answer_emergency(dispatcher, tracker, new)
            if not answered_this_turn(tracker):
                dispatcher.utter_message(response="utter_emergency_questions_stopped")
            return events + [SlotSet("triage_level", Level.EMERGENCY.value)]
        mark_urgency(dispatcher, tracker, decision.level.value)
        for text in outcome_messages(decision):
            dispatcher.utter_message(text=text)
        dispatcher.utter_message(response="utter_what_next", buttons=menu(decision))
        return events + [
            SlotSet("triage_level", decision.level.value), SlotSet("red_flags", [])
        ]


def answered_this_turn(tracker: Tracker) -> bool:
    """Whether the emergency answer was given since the person's last message (then the
    reminder that the questions have stopped would only repeat it)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "slot" and event.get("name") == "red_flags" and event.get(
                "value"):
            return True
    return False


def outcome_messages(decision: Decision) -> list[str]:
    level = content()["levels"][decision.level.value]
    messages = [f"{HEADLINES[decision.level]} ({level['timeframe']})\n{level['advice']}"]
    reasons = [f"• {hit.reason}" for hit in decision.fired] or [f"• {NO_RULE_REASON}"]
    messages.append("Why:\n" + "\n".join(reasons))
    if decision.patterns:
        names = [
            f"• {p.name[0].upper()}{p.name[1:]}: {join(list(p.clues[:3]))} "
            f"(Source: {', '.join(p.sources)})"
            for p in decision.patterns[:MAX_PATTERNS]
        ]
        messages.append(
            "What you describe is consistent with (this is not a diagnosis; only an "
            "examination can tell):\n" + "\n".join(names)
        )
    messages.append(f"Get help sooner: {decision.safety_net}")
    return messages


def menu(decision: Decision) -> list[dict[str, str]]:
    buttons = []
    if decision.patterns:
        top = decision.patterns[0]
        buttons.append({
            "title": f"About {top.name.split(' (')[0]}",
            "payload": f'/ask_condition_info{{"condition":"{top.id}"}}',
        })
    buttons += [
        {"title": "Exercises", "payload": "/ask_exercises"},
        {"title": "Treatments", "payload": "/ask_treatment"},
        {"title": "Summary for my doctor", "payload": "/request_summary"},
        {"title": "Start over", "payload": "/restart"},
    ]
    return buttons


class ActionClinicianSummary(Action):
    """A few lines the person can copy, show or send to a doctor."""

    def name(self) -> str:
        return "action_clinician_summary"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        record = Understanding.from_slots(tracker)
        if not record.summary_lines() and not record.answers:
            dispatcher.utter_message(response="utter_nothing_to_summarise")
            return []
        dispatcher.utter_message(text=clinician_summary(record, tracker, date.today()))
        return []


def clinician_summary(record: Understanding, tracker: Tracker, today: date) -> str:
    decision = record.assess()
    lines = [f"Summary for a clinician ({today.isoformat()}), as reported by the patient "
             "to a triage chat assistant; not a diagnosis."]
    lines += [line.replace("• ", "") for line in record.summary_lines()]
    said = {"yes": [], "no": [], "not sure": []}
    for question, answer in record.answers.items():
        if question in NUMBER_QUESTIONS or question == "onset":
            if question == "age" and answer != UNSURE:
                lines.append(f"Age: {answer}")
            if question == "injury_days_ago" and answer != UNSURE:
                lines.append(f"Injury: {days_text(int(answer))} ago")
            continue
        key = {YES: "yes", PARTIAL: "yes", UNSURE: "not sure"}.get(answer, "no")
        said[key].append(label("question", question))
    for key, items in said.items():
        if items:
            lines.append(f"Answered {key}: {'; '.join(items)}")
    flags = tracker.get_slot("red_flags") or list(decision.red_flags)
    level = tracker.get_slot("triage_level")
    rules = [hit.rule_id for hit in decision.fired]
    if level:
        lines.append(f"Triage advice: {level.replace('_', ' ')} "
                     f"(rules: {', '.join(rules) or 'none'})")
    else:
        lines.append("Triage advice: not decided yet (the questions were not finished)")
    if flags:
        lines.append(f"Emergency red flags: {', '.join(flags)}")
    if decision.patterns:
        names = [p.name.split(" (")[0] for p in decision.patterns[:3]]
        lines.append("Consistent with: " + ", ".join(names))
    return "\n".join(lines)


class ActionDeleteConversation(Action):
    """Deletes the conversation from the tracker store (see stores/forgetting.py)."""

    def name(self) -> str:
        return "action_delete_conversation"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        mark_deleted(dispatcher, tracker)
        dispatcher.utter_message(response="utter_conversation_deleted")
        return [SlotSet("forget_conversation", True)]
