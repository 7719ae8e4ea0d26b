"""What one free-text message says of the person, read from the parsed message.

The NLU hands on entities as canonical ids with an assertion status each, and the message's
scopes (language/assertion.py). `read()` turns them into `Findings`: only the person's own
current findings (policy section 1), each symptom with the place it is said of, durations
and scores read from the words that are the person's own and current. The record
(actions/understanding.py) merges them into what was known before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from language import answers
from language.answers import TIME_WORDS
from language.clauses import clauses
from language.places import BACK, LEG, SADDLE
from language.red_flags import SCREEN, red_flag_intents
from language.status import ASSERTION, CONTEXT, Status, blanked, present_only, status_at
from language.vocabulary import SPREAD_CUE, side_is_said, vocabulary

SPREADING = "radiating"  # a symptom id in the vocabulary, shown as the spread of the pain
# Within a clause, a place after a spread cue ("sore down my shin") is where the pain goes,
# not where the swelling or the numbness is (a symptom belongs to the place it is said of).
SPREAD_REACH = 30  # characters from the cue to the place
# Numbness in the saddle area is E-CES (policy section 2). The buttock counts when it is not
# the top of a leg that is numb further down ("numb from my buttock to my foot": sciatica).
SADDLE_ONLY = SADDLE - BACK
SADDLE_OR_LEG = SADDLE & BACK
SENSORY = frozenset({"numbness", "tingling"})
# A cold, pale or blue leg or foot is E-ISCH (policy section 2); said only of the knee ("my
# knee feels cold inside") or of the person ("I look pale", "white as a sheet"), it is not
# that finding: the screening question about the leg and foot is asked first instead.
SKIN_SIGNS = frozenset({"cold_skin", "pale_skin", "blue_skin"})
SKIN_QUESTION = "cold_pale_or_blue_leg"
OF_THE_PERSON = re.compile(
    r"\b(?:i|i'm|im|i've|ive|you)\s+(?:look|looked|looks|looking|went|go|gone|turned|am|was|"
    r"feel|felt|seem|seemed)\b|\b(?:face|lips|cheeks|hands?|fingers?|arms?|nose|ears?|"
    r"complexion|sheet)\b", re.IGNORECASE)
LEG_BELOW = LEG | {"knee"}
# Messages about the pain itself, where "since Tuesday" or "for ages" is how long it has been.
DESCRIPTIONS = frozenset({"describe_symptoms", "give_location", "give_duration", "report_injury"})
# An injury told in passing ("it started when I twisted it", "after a fall"): vocabulary ids.
INJURY_FACTS = frozenset({"injury", "twisting_injury", "direct_blow"})


@dataclass
class Findings:
    """What one message says of the person: vocabulary ids and read values."""

    symptoms: list[str] = field(default_factory=list)  # present, "radiating" included
    denied: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # where it is
    spread_to: list[str] = field(default_factory=list)  # where it goes
    sides: list[str] = field(default_factory=list)
    risk_factors: list[str] = field(default_factory=list)
    activities: list[str] = field(default_factory=list)
    onset: str | None = None
    age: int | None = None  # said in passing: "I'm 34"
    duration_days: int | None = None
    pain_score: int | None = None
    injury: bool = False
    spreads: bool = False
    screen: list[str] = field(default_factory=list)  # questions to ask first


def read(message: dict[str, Any], places_known: bool = False) -> Findings:
    """The findings of a parsed free-text message. `places_known`: where the pain is was
    said before, so a place after a spread cue is where it goes even when named alone."""
    text = message.get("text") or ""
    found, negated = entity_values(message.get("entities", []), text)
    scopes = message.get(CONTEXT) or []
    symptoms = list(dict.fromkeys(known_ids("symptom", found) + saddle_numbness(text, message)))
    elsewhere = skin_signs_elsewhere(text, message)
    places = known_ids("body_location", found)
    goes_to = spread_targets(text, message, [] if places_known else places)
    findings = Findings(
        symptoms=[s for s in symptoms if s not in elsewhere],
        denied=known_ids("symptom", negated),
        places=[p for p in places if p not in goes_to],
        spread_to=goes_to,
        sides=known_ids("side", found),  # not DIET's "right buttock"
        risk_factors=known_ids("risk_factor", found),
        activities=known_ids("activity", found),
        screen=[SKIN_QUESTION] if elsewhere else [],
    )
    # not "I had sciatica a few years back", nor "if my foot went cold I'd ring straight away"
    own = present_only(text, scopes)  # not "a clot about ten years ago"
    onset = _last(found.get("onset")) or answers.onset(own)
    findings.onset = onset if onset in ("sudden", "gradual") else None
    findings.age = answers.stated_age(own)
    # The extractors find that a duration or score was said; the words are read here, from
    # the whole message, as DIET's span can be cut short ("weeks and").
    intent = (message.get("intent") or {}).get("name")
    # A message that is only a time ("since the weekend") says how long, whatever the NLU
    # took it for (at a yes/no question it is news, not an answer).
    described = intent in DESCRIPTIONS or answers.says_only_a_duration(text)
    # nor "when I sit in class for ages"
    current = blanked(own, activity_spans(text, message))
    durations = _values_in(message, "duration", current)
    if durations or (described and TIME_WORDS.search(current)):
        days = answers.duration_days(current) if TIME_WORDS.search(current) else None
        if days is None and durations:
            days = answers.duration_days(durations[-1])
        findings.duration_days = days
    scores = _values_in(message, "pain_score", own)
    if scores or intent == "give_pain_score":
        reading = answers.pain_score(own)
        if reading.value is None and scores and findings.duration_days is None:
            reading = answers.pain_score(scores[-1])  # not the "ten" of "ten days or so"
        findings.pain_score = reading.value
    injured = bool(INJURY_FACTS & set(findings.risk_factors))
    # the words say it ("fell", "twisted it"), not the intent alone: "since I started
    # cycling to work" is no injury; where the words are new to us, the question is asked
    findings.injury = intent in DESCRIPTIONS and injured
    findings.spreads = SPREADING in symptoms or _said(SPREAD_CUE, text, scopes)
    screened = red_flag_intents().get(message.get(SCREEN) or "")
    if screened:
        findings.screen += [q for q in screened.screen if q not in findings.screen]
    return findings


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


def known_ids(entity: str, found: dict[str, list[str]]) -> list[str]:
    """The values that are vocabulary ids: the triage core cannot use free wording."""
    return [v for v in found.get(entity, []) if vocabulary().canonical(entity, v) == v]


def activity_spans(text: str, message: dict[str, Any]) -> list[tuple[int, int]]:
    """From each activity said to the end of its clause: "sit in class for ages" says how
    long the sitting lasts, not the pain."""
    spans = []
    for activity in _present(message, "activity"):
        end = next((e for s, e in clauses(text) if s <= activity["start"] < e), len(text))
        spans.append((activity["start"], end))
    return spans


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
        if inside & SADDLE_ONLY or (inside & SADDLE_OR_LEG and not inside & LEG_BELOW):
            return ["saddle_numbness"]
    return []


def skin_signs_elsewhere(text: str, message: dict[str, Any]) -> list[str]:
    """The cold, pale or blue findings said only where they are not the leg's or the
    foot's: in a clause that names only the knee, or the person or another part of the
    body ("I went white", "my hands are cold"). Said with no place at all, or once of the
    leg or foot, they count (when in doubt, go up)."""
    signs = [e for e in _present(message, "symptom") if e["value"] in SKIN_SIGNS]
    # where a sign is said: also a place where something was done ("an ice pack on my knee")
    places = _present(message, "body_location", frozenset({Status.NOT_A_SYMPTOM.value}))
    counted, elsewhere = set(), set()
    for sign in signs:
        start, end = next(((s, e) for s, e in clauses(text) if s <= sign["start"] < e),
                          (0, len(text)))
        inside = {p["value"] for p in places if start <= p["start"] < end}
        if inside & LEG or not (inside or OF_THE_PERSON.search(text[start:end])):
            counted.add(sign["value"])
        else:
            elsewhere.add(sign["value"])
    return sorted(elsewhere - counted)


def _place_spans(entities: list[dict[str, Any]]) -> tuple[tuple[int, int], ...]:
    return tuple((e["start"], e["end"]) for e in entities
                 if e.get("entity") == "body_location" and "start" in e and "end" in e)


def _values_in(message: dict[str, Any], name: str, kept: str) -> list[str]:
    """The values of the entities of one kind whose words `kept` still has."""
    return [e["value"] for e in message.get("entities") or []
            if e.get("entity") == name and isinstance(e.get("value"), str)
            and (e.get("start") is None or kept[e["start"]:e.get("end", e["start"])].strip())]


def _present(message: dict[str, Any], name: str,
             also: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    """The message's entities of one kind that are the person's own, current findings (or
    of the statuses `also` names)."""
    return [
        e for e in message.get("entities") or []
        if e.get("entity") == name and "start" in e
        and e.get(ASSERTION, Status.PRESENT.value) in {Status.PRESENT.value, *also}
        and vocabulary().canonical(name, str(e.get("value"))) == e.get("value")
    ]


def _same_clause(text: str, start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in clauses(text))


def _said(cue: re.Pattern[str], text: str, scopes: list[dict[str, Any]]) -> bool:
    """Whether a cue ("twisted", "spreads down") occurs as the person's own, current news."""
    return any(
        status_at(scopes, m.start(), m.end()) is Status.PRESENT for m in cue.finditer(text)
    )


def _last(values: list[str] | None) -> str | None:
    return values[-1] if values else None
