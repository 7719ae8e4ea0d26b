"""Patient education: `action_educate` answers the seven question intents in plain words.

The answer is tailored to the condition the user names, or else to the most likely pattern
the triage found (slot `patterns`, most likely first); without either it is the general
answer. Texts and their sources live in content/conditions.yml, exercises.yml and
general.yml; the urgency levels and emergency red flags come from actions/triage/content.yml.
Every message ends with the articles its facts come from.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.triage.engine import content as triage_content
from actions.triage.patterns import PATTERNS_BY_ID

CONTENT_DIR = Path(__file__).parent / "content"
MAX_CONDITIONS_PER_ANSWER = 2
EXERCISES_WAIT_AT = ("emergency", "urgent")  # triage levels at which exercises wait for a check

Message = dict[str, Any]  # keyword arguments for dispatcher.utter_message


@dataclass(frozen=True)
class Section:
    """A few sentences and the articles their facts come from."""

    text: str
    sources: tuple[str, ...]

    @classmethod
    def load(cls, raw: dict[str, Any]) -> Section:
        return cls(raw["text"].strip(), tuple(raw["sources"]))


Part = Section | str | None  # a str is a heading or phrase: it cites nothing


@dataclass(frozen=True)
class Condition:
    id: str
    name: str
    aliases: tuple[str, ...]
    sections: dict[str, Section]

    def section(self, key: str, labelled: bool = False) -> Section | None:
        """The section, if the articles say anything about it; labelled "How it is checked:"."""
        found = self.sections.get(key)
        if found is None or not labelled:
            return found
        return Section(f"{phrase(key)} {found.text}", found.sources)


@dataclass(frozen=True)
class Plan:
    aim: Section
    exercises: tuple[str, ...]  # empty: no exercises until a professional has seen the leg


@dataclass(frozen=True)
class Library:
    conditions: dict[str, Condition]
    exercises: dict[str, Section]
    plans: dict[str, Plan]
    safety: Section
    answers: dict[str, Section]
    phrases: dict[str, str]
    menu: tuple[str, ...]
    red_flags: Section
    by_name: dict[str, Condition]  # normalised id, name, short name in brackets, aliases

    def find(self, value: Any) -> Condition | None:
        return self.by_name.get(_normalise(value)) if isinstance(value, str) else None


def _load(name: str) -> Any:
    return yaml.safe_load((CONTENT_DIR / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def library() -> Library:
    exercises, general = _load("exercises.yml"), _load("general.yml")
    conditions = {
        cid: Condition(cid, entry["name"], tuple(entry.get("aliases", ())), {
            key: Section.load(value) for key, value in entry.items() if isinstance(value, dict)
        })
        for cid, entry in _load("conditions.yml").items()
    }
    return Library(
        conditions=conditions,
        exercises={
            eid: Section(f"• {e['name']}: {e['steps'].strip()}", tuple(e["sources"]))
            for eid, e in exercises["exercises"].items()
        },
        plans={
            pid: Plan(Section(p["aim"].strip(), tuple(p["sources"])), tuple(p["exercises"]))
            for pid, p in exercises["plans"].items()
        },
        safety=Section.load(exercises["safety"]),
        answers={key: Section.load(value) for key, value in general["answers"].items()},
        phrases={key: " ".join(text.split()) for key, text in general["phrases"].items()},
        menu=tuple(general["menu"]),
        red_flags=Section(" ".join(triage_content()["red_flags"].split()),
                          tuple(general["red_flags_sources"])),
        by_name={_normalise(name): c for c in conditions.values() for name in _names(c)},
    )


def _normalise(text: str) -> str:
    """'Baker's cyst' -> 'bakers_cyst', so ids, names and typed text compare equal."""
    without_apostrophes = re.sub(r"['’]", "", text.strip().lower())
    return re.sub(r"[^a-z0-9]+", "_", without_apostrophes).strip("_")


def _names(condition: Condition) -> list[str]:
    """Id, name, aliases, and for 'Deep vein thrombosis (DVT)' also each part on its own."""
    in_brackets = re.fullmatch(r"(.+?)\s*\((.+)\)", condition.name)
    parts = list(in_brackets.groups()) if in_brackets else []
    return [condition.id, condition.name, *condition.aliases, *parts]


def phrase(key: str) -> str:
    return library().phrases[key]


def answer(key: str) -> Section:
    return library().answers[key]


def level_advice(level: str) -> Section:
    """What the triage level tells the user to do (actions/triage/content.yml)."""
    advice = " ".join(triage_content()["levels"][level]["advice"].split())
    cited = re.search(r"\s*\(Source: ([^)]+)\)", advice)
    if cited is None:
        return Section(advice, answer("when_to_get_help").sources)
    sources = tuple(source.strip() for source in cited.group(1).split(","))
    return Section(advice.replace(cited.group(0), ""), sources)


def compose(*groups: list[Part]) -> list[Message]:
    """One message per group, ending with the sources it cites. A group that cites nothing
    (only a heading or a phrase) is joined to the next one."""
    messages: list[Message] = []
    pending: list[Section | str] = []
    for group in groups:
        pending += [part for part in group if part]
        if any(isinstance(part, Section) for part in pending):
            messages.append({"text": _text(pending)})
            pending = []
    if pending:
        messages.append({"text": _text(pending)})
    return messages


def _text(parts: list[Section | str]) -> str:
    body = "\n".join(part.text if isinstance(part, Section) else part for part in parts)
    sources = dict.fromkeys(s for part in parts if isinstance(part, Section) for s in part.sources)
    return f"{body}\n(Source: {', '.join(sources)})" if sources else body


@dataclass(frozen=True)
class Question:
    intent: str | None
    asked: tuple[Condition, ...]  # conditions named in the message that we have notes on
    unknown: str | None  # a condition named in the message that we have no notes on
    pattern: Condition | None  # the triage's most likely pattern
    level: str | None  # the triage level, once decided

    @classmethod
    def from_tracker(cls, tracker: Tracker) -> Question:
        lib = library()
        asked: list[Condition] = []
        unknown = None
        for value in tracker.get_latest_entity_values("condition"):
            found = lib.find(value)
            if found is None:
                unknown = unknown or (str(value).strip() or None)
            elif found not in asked:
                asked.append(found)
        patterns = [lib.conditions[p] for p in tracker.get_slot("patterns") or ()
                    if isinstance(p, str) and p in lib.conditions]
        return cls(
            intent=(tracker.latest_message.get("intent") or {}).get("name"),
            asked=tuple(asked),
            unknown=None if asked else unknown,
            pattern=patterns[0] if patterns else None,
            level=tracker.get_slot("triage_level"),
        )

    @property
    def subject(self) -> Condition | None:
        """What to tailor to: the condition asked about, else the triage's top pattern."""
        if self.asked:
            return self.asked[0]
        return None if self.unknown else self.pattern

    @property
    def intro(self) -> str | None:
        if self.asked:
            return self.asked[0].name
        if self.unknown:
            return phrase("unknown").format(value=self.unknown)
        if self.pattern:
            pattern = PATTERNS_BY_ID.get(self.pattern.id)
            name = pattern.name if pattern else self.pattern.name
            return phrase("consistent_with").format(name=name)
        return None


def _about(condition: Condition, intro: str | None) -> list[Message]:
    return compose(
        [intro, condition.section("what_it_is"), condition.section("why_it_spreads")],
        [condition.section("signs", labelled=True), condition.section("get_help", labelled=True),
         phrase("follow_up")],
    )


def _menu(unknown: str | None) -> list[Message]:
    lib = library()
    text = phrase("menu")
    if unknown:
        text = f"{phrase('menu_unknown').format(value=unknown)} {text}"
    buttons = [
        {"title": lib.conditions[cid].name,
         "payload": f"/ask_condition_info{json.dumps({'condition': cid})}"}
        for cid in lib.menu
    ]
    return [{"text": text, "buttons": buttons}]


def explain_condition(q: Question) -> list[Message]:
    if q.asked:
        return [m for c in q.asked[:MAX_CONDITIONS_PER_ANSWER] for m in _about(c, c.name)]
    if q.subject:
        return _about(q.subject, q.intro)
    return _menu(q.unknown)


def causes(q: Question) -> list[Message]:
    if q.subject is None:
        return compose([q.intro, answer("causes"), phrase("causes_follow_up")])
    return compose(
        [q.intro, q.subject.section("what_it_is"), q.subject.section("why_it_spreads")],
        [answer("causes")],
    )


def treatment(q: Question) -> list[Message]:
    c = q.subject
    if c is None:
        return compose([q.intro, answer("treatment")], [answer("home_care"), answer("recovery")])
    return compose(
        [q.intro, c.section("diagnosis", labelled=True),
         c.section("treatment", labelled=True) or phrase("not_described")],
        [c.section("home_care", labelled=True), c.section("recovery", labelled=True),
         c.section("get_help", labelled=True)],
    )


def exercises(q: Question) -> list[Message]:
    lib = library()
    if q.level in EXERCISES_WAIT_AT:
        return compose([phrase("exercises_can_wait"), phrase("your_level"), level_advice(q.level)])
    plan = lib.plans.get(q.subject.id if q.subject else "general", lib.plans["general"])
    if not plan.exercises:
        return compose([q.intro, plan.aim, q.subject and q.subject.section("get_help")])
    return compose([q.intro, plan.aim, *(lib.exercises[e] for e in plan.exercises)],
                   [lib.safety])


def prevention(q: Question) -> list[Message]:
    tailored = q.subject and q.subject.section("prevention", labelled=True)
    return compose([q.intro, tailored], [answer("prevention")])


def when_to_see_a_doctor(q: Question) -> list[Message]:
    your_level = [phrase("your_level"), level_advice(q.level)] if q.level else []
    tailored = [q.intro, q.subject.section("get_help"),
                q.subject.section("diagnosis", labelled=True)] if q.subject else [q.intro]
    overview = [] if q.level else [answer("when_to_get_help")]
    return compose(your_level, tailored, [library().red_flags], overview)


def knee_foot_numbness(q: Question) -> list[Message]:
    tailored = q.subject and q.subject.section("why_it_spreads")
    return compose([q.intro, tailored], [answer("knee_foot_numbness")],
                   [answer("numbness_what_to_do")])


ANSWERS: dict[str, Callable[[Question], list[Message]]] = {
    "ask_causes": causes,
    "ask_condition_info": explain_condition,
    "ask_treatment": treatment,
    "ask_exercises": exercises,
    "ask_prevention": prevention,
    "ask_when_see_doctor": when_to_see_a_doctor,
    "ask_knee_foot_numbness": knee_foot_numbness,
}


class ActionEducate(Action):
    def name(self) -> str:
        return "action_educate"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        question = Question.from_tracker(tracker)
        for message in ANSWERS.get(question.intent or "", explain_condition)(question):
            dispatcher.utter_message(**message)
        return []
