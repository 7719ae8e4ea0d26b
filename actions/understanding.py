"""What the person has told the assistant: the record kept in slots, and its reflection.

What a message says is read by language/findings.py; this module merges it into the
record and says it back. The record holds what was said in
free text (symptoms, places, side, onset, duration, pain score, risk factors, activities) and
the answers to the history questions (one slot per question id, see
actions/triage/interview.py). `history()` turns it into the triage core's `History`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.labels import join, label, top_to_bottom, your
from actions.triage import QUESTIONS, Decision, History, assess
from actions.triage.interview import answer_facts, merge_inputs
from language import findings
from language.findings import SPREADING, known_ids

QUESTION_SLOTS: tuple[str, ...] = tuple(q.id for q in QUESTIONS)
# What people say they were doing, as History facts (they only shape the patterns).
ACTIVITY_FACTS = {
    "stairs": "worse_stairs", "squatting": "worse_squatting", "sitting": "worse_sitting",
    "crossing_legs": "leg_crossing", "coughing_sneezing": "worse_coughing",
    "running": "running_jumping", "jumping": "running_jumping",
    "bending": "worse_back_movement", "walking": "worse_activity",
}
PRESENT_SYMPTOM_FACTS = {"limping": "gait_change"}


@dataclass
class Understanding:
    """What the person has told the assistant so far, as canonical ids and short texts."""

    symptoms: list[str] = field(default_factory=list)
    denied: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    spread_to: list[str] = field(default_factory=list)
    side: str | None = None
    spreads: bool = False
    facts: list[str] = field(default_factory=list)  # risk factors and activities
    answers: dict[str, Any] = field(default_factory=dict)  # question id -> answer
    screen: list[str] = field(default_factory=list)  # questions to ask first (red flags)

    # --- the slots ---------------------------------------------------------------------

    @classmethod
    def from_slots(cls, tracker: Tracker) -> Understanding:
        return cls(
            symptoms=list(tracker.get_slot("symptoms") or []),
            denied=list(tracker.get_slot("denied_symptoms") or []),
            locations=list(tracker.get_slot("body_locations") or []),
            spread_to=list(tracker.get_slot("pain_spread_to") or []),
            side=tracker.get_slot("side"),
            spreads=bool(tracker.get_slot("pain_spreads")),
            facts=list(tracker.get_slot("history_facts") or []),
            screen=list(tracker.get_slot("screen_first") or []),
            answers={
                qid: tracker.get_slot(qid)
                for qid in QUESTION_SLOTS
                if tracker.get_slot(qid) is not None
            },
        )

    @classmethod
    def from_tracker(cls, tracker: Tracker) -> Understanding:
        """What was known before, with the latest message added."""
        understanding = cls.from_slots(tracker)
        understanding.add_message(tracker.latest_message)
        return understanding

    def slot_events(self) -> list[EventType]:
        events = [
            SlotSet("symptoms", self.symptoms),
            SlotSet("denied_symptoms", self.denied),
            SlotSet("body_locations", self.locations),
            SlotSet("pain_spread_to", self.spread_to),
            SlotSet("side", self.side),
            SlotSet("pain_spreads", self.spreads),
            SlotSet("history_facts", self.facts),
            SlotSet("screen_first", self.screen),
        ]
        return events + [SlotSet(qid, value) for qid, value in self.answers.items()]

    # --- reading a message -------------------------------------------------------------

    def add_message(self, message: dict[str, Any]) -> None:
        """Add what a free-text message says; answers to questions are set by the caller."""
        text = message.get("text") or ""
        if text.startswith("/"):  # a button payload: only the entities it names
            self._add_chosen(message.get("entities", []))
            return
        said = findings.read(message, places_known=bool(self.locations))
        self.screen = _merge(self.screen, said.screen)
        self.symptoms = _merge(self.symptoms, [s for s in said.symptoms if s != SPREADING])
        self.denied = _merge(
            [d for d in self.denied if d not in said.symptoms], said.denied
        )
        self.spread_to = top_to_bottom(_merge(
            [p for p in self.spread_to if p not in said.places], said.spread_to))
        self.locations = top_to_bottom(_merge(self.locations, said.places))
        if said.sides:
            self.side = "both" if len(set(said.sides)) > 1 else said.sides[0]
        self.facts = _merge(self.facts, said.risk_factors + [
            ACTIVITY_FACTS[a] for a in said.activities if a in ACTIVITY_FACTS
        ])
        if said.onset:
            self.answers["onset"] = said.onset
        if said.age is not None:
            self.answers["age"] = str(said.age)
        if said.duration_days is not None:
            self.answers["duration"] = str(said.duration_days)
        if said.pain_score is not None:
            self.answers["pain_score"] = str(said.pain_score)
        if said.injury:
            self.answers["injury"] = "yes"
        self.spreads = self.spreads or said.spreads

    def _add_chosen(self, entities: list[dict[str, Any]]) -> None:
        """Places and symptoms chosen with a button or the web chat's leg picture."""
        chosen: dict[str, list[str]] = {}
        for item in entities:
            chosen.setdefault(item.get("entity", ""), []).append(str(item.get("value")))
        symptoms = known_ids("symptom", chosen)
        self.symptoms = _merge(self.symptoms, [s for s in symptoms if s != SPREADING])
        self.denied = [d for d in self.denied if d not in symptoms]
        self.locations = top_to_bottom(_merge(self.locations, known_ids("body_location", chosen)))
        sides = known_ids("side", chosen)
        if sides:
            self.side = sides[-1]

    # --- the triage core's view --------------------------------------------------------

    def history(self) -> History:
        said = {
            "spread_to": [p for p in self.spread_to if p not in self.locations],
            "symptoms": self.symptoms
            + [PRESENT_SYMPTOM_FACTS[s] for s in self.symptoms if s in PRESENT_SYMPTOM_FACTS],
            "absent": [s for s in self.denied if s not in self.symptoms],
            "risk_factors": self.facts,
            "locations": self.locations,
            "side": self.side,
        }
        return History.from_mapping(
            merge_inputs(said, *(answer_facts(q, a) for q, a in self.answers.items()))
        )

    def assess(self) -> Decision:
        """The triage core's view of what has been said so far."""
        return assess(self.history())

    # --- reflecting it back ------------------------------------------------------------

    def added_since(self, before: Understanding) -> list[str]:
        """What this record has that `before` had not, in words: "your calf", "tingling"."""
        places = [label("body_location", loc) for loc in self.locations
                  if loc not in before.locations]
        words = [your(places)] if places else []
        words += [label("symptom", s) for s in self.symptoms if s not in before.symptoms]
        words += [f"no {label('symptom', s)}" for s in self.denied if s not in before.denied]
        # "numbness" is said within "numbness in the saddle area"
        return [w for w in words if not any(o.startswith(f"{w} ") for o in words)]

    def summary_lines(self) -> list[str]:
        lines = []
        if self.locations:
            places = [label("body_location", loc) for loc in self.locations]
            side = f" ({self.side} side)" if self.side in ("left", "right") else ""
            side = " (both sides)" if self.side == "both" else side
            spread = [label("body_location", p) for p in self.spread_to
                      if p not in self.locations]
            if not spread and self.spreads and len(places) > 1:
                places, spread = places[:1], places[1:]
            if spread:
                lines.append(f"• Where: from {your(places)} down to {your(spread)}{side}")
            else:
                lines.append(f"• Where: {your(places)}{side}")
        if self.symptoms:
            lines.append(f"• What you feel: {join([label('symptom', s) for s in self.symptoms])}")
        if self.denied:
            lines.append(f"• Not: {join([label('symptom', s) for s in self.denied])}")
        onset = self.answers.get("onset")
        if onset in ("sudden", "gradual"):
            lines.append(f"• Start: {label('onset', onset)}")
        if _is_number(self.answers.get("duration")):
            lines.append(f"• How long: {days_text(int(self.answers['duration']))}")
        if _is_number(self.answers.get("pain_score")):
            lines.append(f"• Pain score: {self.answers['pain_score']} out of 10")
        if self.answers.get("injury") == "yes":
            lines.append("• It started with an injury")
        return lines


def days_text(days: int) -> str:
    """21 -> "about 3 weeks"; 1 -> "1 day"; 0 -> "since today"."""
    if days == 0:
        return "since today"
    for unit, size in (("year", 365), ("month", 30), ("week", 7)):
        if days >= size * (2 if unit != "year" else 1):
            count = round(days / size)
            exact = "" if days % size == 0 else "about "
            return f"{exact}{count} {unit}{'s' if count > 1 else ''}"
    return f"{days} day{'s' if days > 1 else ''}"


def _is_number(value: Any) -> bool:
    return isinstance(value, str) and value.isdigit()


def _merge(known: list[str], new: list[str]) -> list[str]:
    return known + [v for v in new if v not in known]


def _last(values: list[str] | None) -> str | None:
    return values[-1] if values else None


class ActionReflectUnderstanding(Action):
    """Says back what was understood; the record itself is kept by the message listener."""

    def name(self) -> str:
        return "action_reflect_understanding"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if tracker.get_slot("triage_level") == "emergency" and tracker.get_slot("red_flags"):
            return []  # the emergency answer has been given; no need to repeat details
        lines = Understanding.from_slots(tracker).summary_lines()
        if not lines:
            dispatcher.utter_message(response="utter_ask_where_and_what")
            return []
        dispatcher.utter_message(text="Here's what I've understood so far:\n" + "\n".join(lines))
        return []
