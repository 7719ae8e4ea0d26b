"""Reflects back what the person has said about their pain, and keeps it in slots.

Entity values arrive as canonical ids (see language/components.py); the same id may come
from both extractors, so values are de-duplicated here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.emergency import answer_emergency
from actions.labels import join, label, top_to_bottom
from actions.triage import Decision, History, assess
from language.vocabulary import vocabulary

SPREAD_CUE = re.compile(
    r"spread|radiat|shoot|travel|goes? (all the way )?down|runs? down|down (in)?to|into my|"
    r"all the way|to my (ankle|foot|toes|calf|shin)",
    re.IGNORECASE,
)
SPREADING = "radiating"  # a symptom id in the vocabulary, shown as the spread of the pain
NEGATION = re.compile(r"\b(no|not|without|never|nor|n't|nt)\W+(\w+\W+)?$", re.IGNORECASE)
NUMBER = re.compile(r"\b(10|[0-9])(?:\.5)?\b")
WORD_SCORES = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


@dataclass
class Understanding:
    """What the person has told the assistant so far, as canonical ids and short texts."""

    symptoms: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    side: str | None = None
    onset: str | None = None
    duration: str | None = None
    pain_score: str | None = None
    injury: bool | None = None
    spreads: bool = False

    @classmethod
    def from_slots(cls, tracker: Tracker) -> Understanding:
        return cls(
            symptoms=list(tracker.get_slot("symptoms") or []),
            locations=list(tracker.get_slot("body_locations") or []),
            side=tracker.get_slot("side"),
            onset=tracker.get_slot("onset"),
            duration=tracker.get_slot("duration"),
            pain_score=tracker.get_slot("pain_score"),
            injury=tracker.get_slot("injury"),
            spreads=bool(tracker.get_slot("pain_spreads")),
        )

    @classmethod
    def from_tracker(cls, tracker: Tracker) -> Understanding:
        """What was known before, with the latest message added."""
        understanding = cls.from_slots(tracker)
        understanding.add_message(tracker.latest_message)
        return understanding

    def add_message(self, message: dict[str, Any]) -> None:
        text = message.get("text") or ""
        found = entity_values(message.get("entities", []), text)
        symptoms = known_ids("symptom", found)
        self.symptoms = _merge(self.symptoms, [s for s in symptoms if s != SPREADING])
        self.locations = top_to_bottom(_merge(self.locations, known_ids("body_location", found)))
        sides = found.get("side") or vocabulary().mentioned("side", text)
        if sides:
            self.side = "both" if len(set(sides)) > 1 else sides[0]
        self.onset = _last(found.get("onset")) or self.onset
        self.duration = _last(found.get("duration")) or self.duration
        score = pain_score(_last(found.get("pain_score")) or "")
        self.pain_score = score or self.pain_score
        if (message.get("intent") or {}).get("name") == "report_injury":
            self.injury = True
        self.spreads = self.spreads or SPREADING in symptoms or bool(SPREAD_CUE.search(text))

    def assess(self) -> Decision:
        """The triage core's view of what has been said so far (never final here)."""
        history = History.from_mapping(
            {
                "symptoms": self.symptoms,
                "locations": self.locations,
                "side": self.side,
                "onset": self.onset,
                "duration": self.duration,
                "pain_score": self.pain_score,
                "injury": self.injury,
            }
        )
        return assess(history)

    def slot_events(self) -> list[EventType]:
        return [
            SlotSet("symptoms", self.symptoms),
            SlotSet("body_locations", self.locations),
            SlotSet("side", self.side),
            SlotSet("onset", self.onset),
            SlotSet("duration", self.duration),
            SlotSet("pain_score", self.pain_score),
            SlotSet("injury", self.injury),
            SlotSet("pain_spreads", self.spreads),
        ]

    def summary_lines(self) -> list[str]:
        lines = []
        if self.locations:
            places = [label("body_location", loc) for loc in self.locations]
            side = f" ({self.side} side)" if self.side in ("left", "right") else ""
            side = " (both sides)" if self.side == "both" else side
            if self.spreads and len(places) > 1:
                lines.append(
                    f"• Where: from your {places[0]} down to your {join(places[1:])}{side}"
                )
            else:
                lines.append(f"• Where: your {join(places)}{side}")
        if self.symptoms:
            lines.append(f"• What you feel: {join([label('symptom', s) for s in self.symptoms])}")
        if self.onset:
            lines.append(f"• Start: {label('onset', self.onset)}")
        if self.duration:
            lines.append(f"• How long: {self.duration}")
        if self.pain_score:
            lines.append(f"• Pain score: {self.pain_score} out of 10")
        if self.injury:
            lines.append("• It started with an injury")
        return lines


def entity_values(entities: list[dict[str, Any]], text: str = "") -> dict[str, list[str]]:
    """Entity name -> values in the order said, each value once. A symptom right after a
    negation ("no fever", "not swollen") is left out."""
    values: dict[str, list[str]] = {}
    for entity in entities:
        value = entity.get("value")
        start = entity.get("start")
        if entity["entity"] == "symptom" and start and NEGATION.search(text[:start]):
            continue
        if isinstance(value, str) and value.strip():
            found = values.setdefault(entity["entity"], [])
            if value not in found:
                found.append(value.strip())
    return values


def known_ids(entity: str, found: dict[str, list[str]]) -> list[str]:
    """The values that are vocabulary ids: the triage core cannot use free wording."""
    return [v for v in found.get(entity, []) if vocabulary().canonical(entity, v) == v]


def pain_score(text: str) -> str | None:
    """ "7", "7/10", "about a seven" -> "7"; None when there is no score from 0 to 10."""
    match = NUMBER.search(text)
    if match:
        return match.group(1)
    words = [WORD_SCORES[w] for w in re.findall(r"[a-z]+", text.lower()) if w in WORD_SCORES]
    return str(words[0]) if words else None


def _merge(known: list[str], new: list[str]) -> list[str]:
    return known + [v for v in new if v not in known]


def _last(values: list[str] | None) -> str | None:
    return values[-1] if values else None


class ActionReflectUnderstanding(Action):
    def name(self) -> str:
        return "action_reflect_understanding"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        understanding = Understanding.from_tracker(tracker)
        red_flags = list(understanding.assess().red_flags)
        if red_flags:
            return understanding.slot_events() + answer_emergency(dispatcher, tracker, red_flags)
        lines = understanding.summary_lines()
        if not lines:
            dispatcher.utter_message(response="utter_ask_where_and_what")
            return []
        dispatcher.utter_message(text="Here's what I've understood so far:\n" + "\n".join(lines))
        if (tracker.latest_message.get("intent") or {}).get("name") == "describe_symptoms":
            dispatcher.utter_message(response="utter_history_follows")
        return understanding.slot_events()
