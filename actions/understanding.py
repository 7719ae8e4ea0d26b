"""What the person has told the assistant: the record kept in slots, and its reflection.

Entity values arrive as canonical ids (see language/components.py); the same id may come
from both extractors, so values are de-duplicated here. The record holds what was said in
free text (symptoms, places, side, onset, duration, pain score, risk factors, activities) and
the answers to the history questions (one slot per question id, see
actions/triage/interview.py). `history()` turns it into the triage core's `History`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.labels import join, label, top_to_bottom, your
from actions.triage import QUESTIONS, Decision, History, assess
from actions.triage.history import BELOW_KNEE
from actions.triage.interview import answer_facts, merge_inputs
from language import answers
from language.answers import TIME_WORDS
from language.clauses import clauses
from language.red_flags import SCREEN, red_flag_intents
from language.status import ASSERTION, CONTEXT, Status, blanked, present_only, status_at
from language.vocabulary import SPREAD_CUE, side_is_said, vocabulary

SPREADING = "radiating"  # a symptom id in the vocabulary, shown as the spread of the pain
# Within a clause, a place after a spread cue ("sore down my shin") is where the pain goes,
# not where the swelling or the numbness is (a symptom belongs to the place it is said of).
SPREAD_REACH = 30  # characters from the cue to the place
# Numbness in the saddle area is E-CES (policy section 2). The buttock counts when it is not
# the top of a leg that is numb further down ("numb from my buttock to my foot": sciatica).
SADDLE_PLACES = frozenset({"groin", "inner_thigh"})
SADDLE_OR_LEG = frozenset({"buttock"})
SENSORY = frozenset({"numbness", "tingling"})
# A cold, pale or blue leg or foot is E-ISCH (policy section 2); said only of the knee ("my
# knee feels cold inside") or of the person ("I look pale", "white as a sheet"), it is not
# that finding: the screening question about the leg and foot is asked first instead.
SKIN_SIGNS = frozenset({"cold_skin", "pale_skin", "blue_skin"})
SKIN_PLACES = frozenset(BELOW_KNEE | {"leg", "thigh", "back_of_thigh", "front_of_thigh",
                                      "inner_thigh", "back_of_knee"})
SKIN_QUESTION = "cold_pale_or_blue_leg"
OF_THE_PERSON = re.compile(
    r"\b(?:i|i'm|im|i've|ive|you)\s+(?:look|looked|looks|looking|went|go|gone|turned|am|was|"
    r"feel|felt|seem|seemed)\b|\b(?:face|lips|cheeks|hands?|fingers?|arms?|nose|ears?|"
    r"complexion|sheet)\b", re.IGNORECASE)
LEG_BELOW = frozenset(BELOW_KNEE | {"thigh", "back_of_thigh", "front_of_thigh", "knee", "leg"})
QUESTION_SLOTS: tuple[str, ...] = tuple(q.id for q in QUESTIONS)
# What people say they were doing, as History facts (they only shape the patterns).
ACTIVITY_FACTS = {
    "stairs": "worse_stairs", "squatting": "worse_squatting", "sitting": "worse_sitting",
    "crossing_legs": "leg_crossing", "coughing_sneezing": "worse_coughing",
    "running": "running_jumping", "jumping": "running_jumping",
    "bending": "worse_back_movement", "walking": "worse_activity",
}
PRESENT_SYMPTOM_FACTS = {"limping": "gait_change"}
# Messages about the pain itself, where "since Tuesday" or "for ages" is how long it has been.
DESCRIPTIONS = frozenset({"describe_symptoms", "give_location", "give_duration", "report_injury"})
# An injury told in passing ("it started when I twisted it", "after a fall"): vocabulary ids.
INJURY_FACTS = frozenset({"injury", "twisting_injury", "direct_blow"})


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
        found, negated = entity_values(message.get("entities", []), text)
        scopes = message.get(CONTEXT) or []
        symptoms = known_ids("symptom", found) + saddle_numbness(text, message)
        elsewhere = skin_signs_elsewhere(text, message)
        symptoms = [s for s in symptoms if s not in elsewhere]
        if elsewhere:
            self.screen = _merge(self.screen, [SKIN_QUESTION])
        self.symptoms = _merge(self.symptoms, [s for s in symptoms if s != SPREADING])
        self.denied = _merge(
            [d for d in self.denied if d not in symptoms], known_ids("symptom", negated)
        )
        places = known_ids("body_location", found)
        goes_to = spread_targets(text, message, places if not self.locations else [])
        self.spread_to = top_to_bottom(_merge(
            [p for p in self.spread_to if p not in places or p in goes_to], goes_to))
        self.locations = top_to_bottom(_merge(
            self.locations, [p for p in places if p not in goes_to]))
        sides = known_ids("side", found)  # not DIET's "right buttock"
        if sides:
            self.side = "both" if len(set(sides)) > 1 else sides[0]
        facts = known_ids("risk_factor", found) + [
            ACTIVITY_FACTS[a] for a in known_ids("activity", found) if a in ACTIVITY_FACTS
        ]
        self.facts = _merge(self.facts, facts)
        onset = _last(found.get("onset")) or answers.onset(text)
        if onset in ("sudden", "gradual"):
            self.answers["onset"] = onset
        # The extractors find that a duration or score was said; the words are read here,
        # from the whole message, as DIET's span can be cut short ("weeks and").
        intent = (message.get("intent") or {}).get("name")
        # A message that is only a time ("since the weekend") says how long, whatever the
        # NLU took it for (at a yes/no question it is news, not an answer).
        described = intent in DESCRIPTIONS or answers.says_only_a_duration(text)
        # not "I had sciatica a few years back", nor "when I sit in class for ages"
        own = present_only(text, scopes)  # not "a clot about ten years ago"
        current = blanked(own, activity_spans(text, message))
        durations = _values_in(message, "duration", current)
        if durations or (described and TIME_WORDS.search(current)):
            days = answers.duration_days(current) if TIME_WORDS.search(current) else None
            if days is None and durations:
                days = answers.duration_days(durations[-1])
            if days is not None:
                self.answers["duration"] = str(days)
        scores = _values_in(message, "pain_score", own)
        if scores or intent == "give_pain_score":
            reading = answers.pain_score(own)
            if reading.value is None and scores:
                reading = answers.pain_score(scores[-1])
            if reading.value is not None:
                self.answers["pain_score"] = str(reading.value)
        injury = bool(INJURY_FACTS & set(facts))
        if intent == "report_injury" or (intent in DESCRIPTIONS and injury):
            self.answers["injury"] = "yes"
        self.spreads = self.spreads or SPREADING in symptoms or _said(SPREAD_CUE, text, scopes)
        screened = red_flag_intents().get(message.get(SCREEN) or "")
        if screened:
            self.screen = _merge(self.screen, list(screened.screen))

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


def entity_values(
    entities: list[dict[str, Any]], text: str = ""
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(said, negated): entity name -> values in the order said, each value once.

    Only the person's own current findings are said (policy section 1): the status each
    entity got from the NLU (language/assertion.py) decides. A negated symptom is recorded
    as denied; hypothetical, past and someone else's mentions, and words that are not a
    finding here ("cold weather"), are dropped. A past risk factor ("a clot 10 years ago")
    still counts."""
    said: dict[str, list[str]] = {}
    negated: dict[str, list[str]] = {}
    for entity in entities:
        value = entity.get("value")
        if not isinstance(value, str) or not value.strip():
            continue
        name = entity["entity"]
        status = entity.get(ASSERTION, Status.PRESENT.value)
        if name == "side" and not side_is_said(
                text, entity.get("start"), entity.get("end"), _place_spans(entities)):
            continue
        if status == Status.NEGATED.value:
            target = negated if name == "symptom" else None
        elif status == Status.HISTORICAL.value:
            target = said if name == "risk_factor" else None
        else:
            target = said if status == Status.PRESENT.value else None
        if target is None:
            continue
        found = target.setdefault(name, [])
        if value.strip() not in found:
            found.append(value.strip())
    for name, values in negated.items():  # said plainly elsewhere: present wins
        negated[name] = [v for v in values if v not in said.get(name, [])]
    return said, negated


def _place_spans(entities: list[dict[str, Any]]) -> tuple[tuple[int, int], ...]:
    return tuple((e["start"], e["end"]) for e in entities
                 if e.get("entity") == "body_location" and "start" in e and "end" in e)


def activity_spans(text: str, message: dict[str, Any]) -> list[tuple[int, int]]:
    """From each activity said to the end of its clause: "sit in class for ages" says how
    long the sitting lasts, not the pain."""
    spans = []
    for activity in _present(message, "activity"):
        end = next((e for s, e in clauses(text) if s <= activity["start"] < e), len(text))
        spans.append((activity["start"], end))
    return spans


def _values_in(message: dict[str, Any], name: str, kept: str) -> list[str]:
    """The values of the entities of one kind whose words `kept` still has."""
    return [e["value"] for e in message.get("entities") or []
            if e.get("entity") == name and isinstance(e.get("value"), str)
            and (e.get("start") is None or kept[e["start"]:e.get("end", e["start"])].strip())]


def _present(message: dict[str, Any], name: str) -> list[dict[str, Any]]:
    """The message's entities of one kind that are the person's own, current findings."""
    return [
        e for e in message.get("entities") or []
        if e.get("entity") == name and "start" in e
        and e.get(ASSERTION, Status.PRESENT.value) == Status.PRESENT.value
        and vocabulary().canonical(name, str(e.get("value"))) == e.get("value")
    ]


def spread_targets(text: str, message: dict[str, Any], places: list[str]) -> list[str]:
    """Places said after a spread cue in their clause ("sore down my shin"), when some
    other place is where it is ("my knee ... down my shin"); else none."""
    cues = [m.end() for m in SPREAD_CUE.finditer(text)]
    targets = []
    for place in _present(message, "body_location"):
        before = [end for end in cues if end <= place["start"] <= end + SPREAD_REACH]
        if before and _same_clause(text, before[-1], place["start"]):
            targets.append(place["value"])
    origins = [p for p in places if p not in targets]
    return list(dict.fromkeys(targets)) if origins or not places else []


def saddle_numbness(text: str, message: dict[str, Any]) -> list[str]:
    """["saddle_numbness"] when numbness or tingling is said of the saddle area in one
    clause ("gone numb round my backside and the tops of my inner thighs")."""
    sensory = [e for e in _present(message, "symptom") if e["value"] in SENSORY]
    places = _present(message, "body_location")
    for start, end in clauses(text):
        inside = {p["value"] for p in places if start <= p["start"] < end}
        if not any(start <= s["start"] < end for s in sensory):
            continue
        if inside & SADDLE_PLACES or (inside & SADDLE_OR_LEG and not inside & LEG_BELOW):
            return ["saddle_numbness"]
    return []


def skin_signs_elsewhere(text: str, message: dict[str, Any]) -> list[str]:
    """The cold, pale or blue findings said only where they are not the leg's or the
    foot's: in a clause that names only the knee, or the person or another part of the
    body ("I went white", "my hands are cold"). Said with no place at all, or once of the
    leg or foot, they count (when in doubt, go up)."""
    signs = [e for e in _present(message, "symptom") if e["value"] in SKIN_SIGNS]
    places = _present(message, "body_location")
    counted, elsewhere = set(), set()
    for sign in signs:
        start, end = next(((s, e) for s, e in clauses(text) if s <= sign["start"] < e),
                          (0, len(text)))
        inside = {p["value"] for p in places if start <= p["start"] < end}
        of_a_leg = bool(inside & SKIN_PLACES)
        if of_a_leg or not (inside or OF_THE_PERSON.search(text[start:end])):
            counted.add(sign["value"])
        else:
            elsewhere.add(sign["value"])
    return sorted(elsewhere - counted)


def _same_clause(text: str, start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in clauses(text))


def _said(cue: re.Pattern[str], text: str, scopes: list[dict[str, Any]]) -> bool:
    """Whether a cue ("twisted", "spreads down") occurs as the person's own, current news."""
    return any(
        status_at(scopes, m.start(), m.end()) is Status.PRESENT for m in cue.finditer(text)
    )


def known_ids(entity: str, found: dict[str, list[str]]) -> list[str]:
    """The values that are vocabulary ids: the triage core cannot use free wording."""
    return [v for v in found.get(entity, []) if vocabulary().canonical(entity, v) == v]


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
