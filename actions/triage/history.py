"""The history the triage engine reads: every fact is True, False or unknown (None).

Nothing here is guessed. A fact stays None until the person has answered it; the only
facts set without an answer are strict implications (a twisting injury is an injury, foot
drop is weakness). Input from the command line, the vignettes or the Rasa adapter goes
through `History.from_mapping`, which never raises: bad values are dropped to unknown or
moved in the safe direction, and each such change is recorded as a `Clarification` so the
conversation can ask again.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from language import answers
from language.places import BODY_LOCATIONS, CALF_OR_LEG, KNEE
from language.vocabulary import vocabulary

Tri = bool | None  # a fact: True, False, or None for unknown


def any_of(*values: Tri) -> Tri:
    """Three-valued OR: True if any is True, False only if all are False."""
    if any(v is True for v in values):
        return True
    if all(v is False for v in values):
        return False
    return None


def all_of(*values: Tri) -> Tri:
    """Three-valued AND: False if any is False, True only if all are True."""
    if any(v is False for v in values):
        return False
    if all(v is True for v in values):
        return True
    return None


class Onset(str, Enum):
    SUDDEN = "sudden"
    GRADUAL = "gradual"


class Side(str, Enum):
    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"


_FILLER_WORDS = frozenset({"the", "my", "left", "right", "both", "a", "of_the"})

# Canonical symptom ids produced by the NLU -> History field they set.
SYMPTOM_FACTS: Mapping[str, str] = {name: name for name in (
    "pain", "numbness", "tingling", "burning", "weakness", "swelling", "stiffness", "locking",
    "giving_way", "foot_drop", "cramping", "redness", "warmth", "tenderness", "clicking",
    "catching", "popping", "lump", "tightness", "bruising", "cold_skin", "pale_skin",
    "blue_skin", "fever", "chills", "feeling_unwell", "chest_pain", "breathlessness",
    "coughing_blood", "bladder_control_loss", "bowel_control_loss", "urine_retention",
    "saddle_numbness", "deformity", "bone_visible", "night_pain", "weight_loss",
    "pain_out_of_proportion", "cannot_bear_weight",
)}

# Canonical risk-factor ids -> History field they set.
RISK_FACTOR_FACTS: Mapping[str, str] = {name: name for name in (
    "diabetes", "cancer", "previous_clot", "recent_surgery", "cast", "long_travel", "bed_rest",
    "smoking", "injury", "twisting_injury", "direct_blow",
)}


# Site-specific sign -> (generic sign, where the pain must be for the generic sign to count)
_SITE_FIELDS: Mapping[str, tuple[str, frozenset[str]]] = {
    "knee_swelling": ("swelling", KNEE),
    "knee_warmth": ("warmth", KNEE),
    "knee_redness": ("redness", KNEE),
    "calf_swelling": ("swelling", CALF_OR_LEG),
    "calf_warmth": ("warmth", CALF_OR_LEG),
    "calf_redness": ("redness", CALF_OR_LEG),
    "calf_tenderness": ("tenderness", CALF_OR_LEG),
}
_IMPLIES = {"foot_drop": "weakness", "heel_toe_walk_difficulty": "weakness",
            "knee_locked": "locking"}
_CALF_SIGNS = ("calf_swelling", "calf_warmth", "calf_redness", "calf_tenderness")


@dataclass(frozen=True)
class Clarification:
    """A fact whose answer was contradictory or out of range and should be asked again."""

    fact: str
    problem: str


@dataclass(frozen=True)
class History:
    """What the person has told us. Facts are True, False or None (not asked or not sure).

    Build it with `History.from_mapping` (loose input) or directly from the adapter, then
    `with_symptoms` for canonical symptom / risk-factor ids. `fact(name)` gives the effective
    value of a fact, reading site signs (knee_swelling, calf_warmth, ...) from the generic
    sign and the locations when they were not asked separately.
    """

    # Where, which side, since when, how bad
    locations: frozenset[str] = frozenset()
    spread_to: frozenset[str] = frozenset()
    side: Side | None = None
    onset: Onset | None = None
    duration_days: int | None = None
    pain_score: int | None = None
    age: int | None = None
    # Course of the pain
    not_improving: bool | None = None  # not better after rest and home care
    nothing_eases_pain: bool | None = None
    pain_out_of_proportion: bool | None = None  # severe, rising, out of proportion
    neuro_spreading: bool | None = None  # numbness/tingling/weakness spreading or worse fast
    recurrent_swelling: bool | None = None  # knee swelling that keeps coming back
    # Injury and how
    injury: bool | None = None
    injury_days_ago: int | None = None
    twisting_injury: bool | None = None
    direct_blow: bool | None = None
    sports_injury: bool | None = None
    # Ottawa Knee Rule items (age is the fifth)
    cannot_bear_weight: bool | None = None  # cannot take 4 steps
    cannot_bend_knee: bool | None = None  # cannot bend to a right angle
    fibula_head_tender: bool | None = None
    kneecap_tender: bool | None = None  # tender on the kneecap alone
    # Red-flag findings
    bladder_control_loss: bool | None = None
    bowel_control_loss: bool | None = None
    urine_retention: bool | None = None
    saddle_numbness: bool | None = None
    both_legs: bool | None = None  # weakness or numbness in both legs
    cold_skin: bool | None = None
    pale_skin: bool | None = None
    blue_skin: bool | None = None
    chest_pain: bool | None = None
    breathlessness: bool | None = None
    coughing_blood: bool | None = None
    fever: bool | None = None
    chills: bool | None = None
    feeling_unwell: bool | None = None
    deformity: bool | None = None
    bone_visible: bool | None = None
    # Symptoms
    pain: bool | None = None
    numbness: bool | None = None
    tingling: bool | None = None
    burning: bool | None = None
    weakness: bool | None = None
    swelling: bool | None = None
    stiffness: bool | None = None
    locking: bool | None = None  # episodes of locking
    knee_locked: bool | None = None  # stuck now: cannot be straightened
    giving_way: bool | None = None
    foot_drop: bool | None = None
    heel_toe_walk_difficulty: bool | None = None
    cramping: bool | None = None
    redness: bool | None = None
    warmth: bool | None = None
    tenderness: bool | None = None
    clicking: bool | None = None
    catching: bool | None = None
    popping: bool | None = None
    lump: bool | None = None
    tightness: bool | None = None
    bruising: bool | None = None
    night_pain: bool | None = None
    weight_loss: bool | None = None
    # Signs at a named site; when None they are read from the generic sign and locations
    knee_swelling: bool | None = None
    knee_warmth: bool | None = None
    knee_redness: bool | None = None
    calf_swelling: bool | None = None
    calf_warmth: bool | None = None
    calf_redness: bool | None = None
    calf_tenderness: bool | None = None
    lump_behind_knee: bool | None = None
    # What makes it worse or better
    worse_back_movement: bool | None = None  # bending, twisting the back
    worse_sitting: bool | None = None
    worse_coughing: bool | None = None  # coughing or sneezing
    walking_distance_pain: bool | None = None  # comes on after walking a set distance
    eased_by_rest: bool | None = None  # eases within minutes of stopping
    worse_stairs: bool | None = None
    worse_squatting: bool | None = None
    worse_activity: bool | None = None
    worse_after_rest: bool | None = None  # stiff or sore after sitting still
    worse_weight_bearing: bool | None = None
    running_jumping: bool | None = None
    leg_crossing: bool | None = None
    gait_change: bool | None = None  # limping, new footwear or activity, changed walking
    foot_structure: bool | None = None  # flat feet or high arches
    # Risk factors
    diabetes: bool | None = None
    cancer: bool | None = None
    previous_clot: bool | None = None
    recent_surgery: bool | None = None
    cast: bool | None = None
    long_travel: bool | None = None
    bed_rest: bool | None = None
    smoking: bool | None = None
    # Questions (ids from rules.QUESTIONS) the person answered "not sure": not excluded
    not_sure: frozenset[str] = frozenset()
    # Parsing notes (not facts)
    unknown_keys: tuple[str, ...] = field(default=(), compare=False, repr=False)
    clarifications: tuple[Clarification, ...] = field(default=(), compare=False, repr=False)

    # ----- derived views shared by rules and patterns -------------------------------------

    @property
    def all_locations(self) -> frozenset[str]:
        return self.locations | self.spread_to

    def anywhere(self, region: Iterable[str]) -> bool:
        return bool(self.all_locations & frozenset(region))

    def _site(self, explicit: Tri, generic: Tri, here: frozenset[str]) -> Tri:
        """A sign at a site: the explicit answer, else the generic sign if the pain is there.

        Pain in the knee and the calf with "swelling" counts as both swollen (the safe side).
        With no location given at all, signs are read at the knee, the joint this assistant
        is about.
        """
        if explicit is not None:
            return explicit
        if generic is False:
            return False
        if generic is True and (self.locations & here or (not self.locations and here is KNEE)):
            return True
        return None

    def fact(self, name: str) -> Tri:
        """The effective value of a fact, reading site signs from generic signs and locations."""
        if name in _SITE_FIELDS:
            generic, here = _SITE_FIELDS[name]
            return self._site(getattr(self, name), getattr(self, generic), here)
        if name == "both_legs":
            return self.bilateral_neuro
        if name == "lump_behind_knee":
            return self.cyst_behind_knee
        if name in _IMPLIES and getattr(self, name) is None:
            if getattr(self, _IMPLIES[name]) is False:
                return False  # no weakness: no foot drop; no locking: not locked now
        return getattr(self, name)

    @property
    def knee_swollen(self) -> Tri:
        return self.fact("knee_swelling")

    @property
    def knee_hot(self) -> Tri:
        return any_of(self.fact("knee_warmth"), self.fact("knee_redness"))

    @property
    def calf_swollen(self) -> Tri:
        return self.fact("calf_swelling")

    @property
    def calf_signs(self) -> Tri:
        """One calf or leg swollen, warm, red or tender."""
        return any_of(*(self.fact(name) for name in _CALF_SIGNS))

    @property
    def cyst_behind_knee(self) -> Tri:
        if self.lump_behind_knee is not None:
            return self.lump_behind_knee
        if "back_of_knee" in self.locations:
            return any_of(self.lump, self.swelling)
        return None

    @property
    def bilateral_neuro(self) -> Tri:
        """Weakness or numbness in both legs."""
        if self.both_legs is not None:
            return self.both_legs
        if self.side is Side.BOTH and (self.numbness or self.weakness):
            return True
        if self.side in (Side.LEFT, Side.RIGHT):
            return False
        return None

    @property
    def sensory(self) -> Tri:
        return any_of(self.numbness, self.tingling, self.burning)

    @property
    def systemic(self) -> Tri:
        return any_of(self.fever, self.chills, self.feeling_unwell)

    @property
    def days_since_injury(self) -> int | None:
        return self.injury_days_ago if self.injury_days_ago is not None else self.duration_days

    # ----- building -----------------------------------------------------------------------

    def with_symptoms(self, present: Iterable[str] = (), absent: Iterable[str] = ()) -> History:
        """Set facts from canonical symptom or risk-factor ids; present wins over absent."""
        changes, unknown, notes = facts_from_ids(present, absent)
        return dataclasses.replace(
            self,
            **changes,
            unknown_keys=self.unknown_keys + tuple(unknown),
            clarifications=self.clarifications + tuple(notes),
        ).normalized()

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> History:
        """Build a History from loose input (CLI, vignettes, slots); never raises."""
        values, unknown, notes = parse_mapping(data)
        return cls(**values, unknown_keys=tuple(unknown), clarifications=tuple(notes)).normalized()

    def normalized(self) -> History:
        """Resolve out-of-range and contradictory facts in the safe direction, noting each."""
        changes, notes = _normalize(self)
        if not changes and not notes:
            return self
        return dataclasses.replace(
            self, **changes, clarifications=self.clarifications + tuple(notes)
        )


FACT_FIELDS: tuple[str, ...] = tuple(
    f.name for f in dataclasses.fields(History) if f.type == "bool | None"
)
NUMBER_FIELDS: tuple[str, ...] = ("duration_days", "injury_days_ago", "pain_score", "age")

# ----- tolerant parsing ---------------------------------------------------------------------

FACT_SYNONYMS: Mapping[str, str] = {
    "pins_and_needles": "tingling", "instability": "giving_way", "buckling": "giving_way",
    "gives_way": "giving_way", "unstable": "giving_way", "locked_knee": "knee_locked",
    "locked": "knee_locked", "hot": "warmth", "warm": "warmth", "red": "redness",
    "swollen": "swelling", "numb": "numbness", "weak": "weakness", "stiff": "stiffness",
    "tender": "tenderness", "tight": "tightness", "cramp": "cramping", "cramps": "cramping",
    "click": "clicking", "pop": "popping", "bruise": "bruising", "deformed": "deformity",
    "foot_slap": "foot_drop", "cold": "cold_skin", "cold_foot": "cold_skin",
    "cold_leg": "cold_skin", "pale": "pale_skin", "pallor": "pale_skin", "blue": "blue_skin",
    "incontinence": "bladder_control_loss", "urinary_retention": "urine_retention",
    "cannot_pee": "urine_retention", "saddle_anaesthesia": "saddle_numbness",
    "saddle_anesthesia": "saddle_numbness", "shortness_of_breath": "breathlessness",
    "short_of_breath": "breathlessness", "haemoptysis": "coughing_blood",
    "hemoptysis": "coughing_blood", "unwell": "feeling_unwell", "malaise": "feeling_unwell",
    "immobility": "bed_rest", "immobilisation": "bed_rest", "surgery": "recent_surgery",
    "dvt": "previous_clot", "blood_clot": "previous_clot", "smoker": "smoking",
    "flight": "long_travel", "long_flight": "long_travel", "plaster_cast": "cast",
    "diabetic": "diabetes", "limping": "gait_change", "limp": "gait_change",
    "flat_feet": "foot_structure", "high_arches": "foot_structure",
    "crossed_legs": "leg_crossing", "twist": "twisting_injury", "twisting": "twisting_injury",
    "sports": "sports_injury", "blow": "direct_blow",
    "unable_to_bear_weight": "cannot_bear_weight", "cant_bear_weight": "cannot_bear_weight",
    "cannot_walk": "cannot_bear_weight", "non_weight_bearing": "cannot_bear_weight",
    "unable_to_bend_knee": "cannot_bend_knee", "cant_bend_knee": "cannot_bend_knee",
    "fibular_head_tenderness": "fibula_head_tender", "fibula_tenderness": "fibula_head_tender",
    "patellar_tenderness": "kneecap_tender", "kneecap_tenderness": "kneecap_tender",
}
KEY_ALIASES: Mapping[str, str] = {
    "pain_level": "pain_score", "severity": "pain_score", "pain_severity": "pain_score",
    "days_since_injury": "injury_days_ago", "location": "locations", "where": "locations",
    "spreads_to": "spread_to", "radiates_to": "spread_to", "radiation": "spread_to",
    "spread": "spread_to", "present": "symptoms", "absent_symptoms": "absent",
    "denied": "absent", "no_symptoms": "absent", "negatives": "absent", "risks": "risk_factors",
    "absent_risk_factors": "absent", "years": "age",
}
_TRUE = {"true", "yes", "y", "1", "present", "positive", "on"}
_FALSE = {"false", "no", "n", "0", "none", "absent", "negative", "off"}
_UNKNOWN = {"", "null", "unknown", "not_sure", "unsure", "maybe", "dont_know", "don_t_know", "na"}

def _as_text(value: Any) -> str:
    return canonical_id(value) if isinstance(value, str) else ""


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return None if math.isnan(value) else float(value)
    match = re.match(r"\s*(-?\d+(?:\.\d+)?)\s*(?:/\s*10)?\s*$", str(value))
    return float(match.group(1)) if match else None


def parse_bool(value: Any) -> tuple[Tri, bool]:
    """(fact, understood). Doubtful answers are unknown, never guessed."""
    if value is None or isinstance(value, bool):
        return value, True
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value), True
    text = _as_text(value)
    if text in _TRUE:
        return True, True
    if text in _FALSE:
        return False, True
    return None, text in _UNKNOWN


def parse_duration_days(value: Any) -> int | None:
    """Days from a number of days or phrases like '3 weeks', 'yesterday', 'a few months'
    (read as language/answers.py reads a person's answer)."""
    number = _number(value)
    if number is not None:
        return math.ceil(number)
    return answers.duration_days(_words(value)) if _words(value) else None


def _words(value: Any) -> str:
    """A loose value as words: "a_few_months" -> "a few months"."""
    return _as_text(value).replace("_", " ")


def _parse_enum(kind: type[Enum], value: Any, read: Callable[[str], str | None]
                ) -> tuple[Any, bool]:
    if value is None or isinstance(value, kind):
        return value, True
    text = _as_text(value)
    text = read(_words(value)) or text
    for member in kind:
        if member.value == text:
            return member, True
    return None, text in _UNKNOWN


def _id_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [part for part in re.split(r"[,;]", value) if part.strip()]
    if isinstance(value, Mapping):
        return [str(k) for k, v in value.items() if v]
    if isinstance(value, Iterable):
        return [str(item) for item in value]
    return [str(value)]


def _fact_name(raw: str) -> str | None:
    key = canonical_id(raw)
    key = FACT_SYNONYMS.get(key, key)
    key = SYMPTOM_FACTS.get(key) or RISK_FACTOR_FACTS.get(key) or key
    return key if key in FACT_FIELDS else None


def facts_from_ids(
    present: Iterable[str], absent: Iterable[str] = ()
) -> tuple[dict[str, bool], list[str], list[Clarification]]:
    """Fact values from symptom/risk-factor ids (or History field names)."""
    changes: dict[str, bool] = {}
    unknown: list[str] = []
    notes: list[Clarification] = []
    for raw in absent:
        name = _fact_name(raw)
        if name is None:
            unknown.append(str(raw))
        else:
            changes[name] = False
    for raw in present:
        name = _fact_name(raw)
        if name is None:
            unknown.append(str(raw))
            continue
        if changes.get(name) is False:
            notes.append(Clarification(name, "reported both present and absent; taken as present"))
        changes[name] = True
    return changes, unknown, notes


def _locations(value: Any, key: str, unknown: list[str]) -> frozenset[str]:
    found = set()
    for raw in _id_list(value):
        location = canonical_location(raw)
        if location is None:
            unknown.append(f"{key}:{raw}")
        else:
            found.add(location)
    return frozenset(found)


def parse_mapping(data: Mapping[str, Any]) -> tuple[dict[str, Any], list[str], list[Clarification]]:
    """Field values for History from loose input; never raises."""
    values: dict[str, Any] = {}
    unknown: list[str] = []
    notes: list[Clarification] = []
    present: list[str] = []
    absent: list[str] = []
    durations: list[int] = []
    if not isinstance(data, Mapping):
        return values, [f"<not a mapping: {type(data).__name__}>"], notes

    for raw_key, value in data.items():
        key = canonical_id(raw_key)
        key = KEY_ALIASES.get(key, key)
        if key in ("symptoms", "risk_factors"):
            present += _id_list(value)
        elif key == "absent":
            absent += _id_list(value)
        elif key in ("locations", "spread_to"):
            values[key] = values.get(key, frozenset()) | _locations(value, key, unknown)
        elif key in ("duration", "duration_days", "duration_weeks", "duration_months"):
            scale = {"duration_weeks": 7, "duration_months": 30}.get(key, 1)
            items = value if isinstance(value, (list, tuple)) else [value]
            for item in items:
                number = _number(item)
                days = math.ceil(number * scale) if number is not None else (
                    parse_duration_days(item) if scale == 1 else None)
                if days is None:
                    if item is not None:
                        notes.append(Clarification("duration", f"could not read {item!r}"))
                else:
                    durations.append(days)
        elif key in ("pain_score", "age", "injury_days_ago"):
            number = _number(value) if key != "injury_days_ago" else (
                None if value is None else parse_duration_days(value))
            if number is None and key == "pain_score" and isinstance(value, str):
                number = answers.pain_score(_words(value)).value
                if number is not None:
                    notes.append(Clarification(
                        key, f"pain given as {value!r}; taken as {number}/10"))
            if number is None:
                if value is not None:
                    notes.append(Clarification(key, f"could not read {value!r}"))
            elif key == "pain_score":
                values[key] = math.ceil(number)  # a half point counts upwards
            else:
                values[key] = int(number)
        elif key == "not_sure":
            values[key] = frozenset(canonical_id(q) for q in _id_list(value))
        elif key == "side":
            values[key], ok = _parse_enum(Side, value, answers.side)
            if not ok:
                notes.append(Clarification(key, f"could not read {value!r}"))
        elif key == "onset":
            values[key], ok = _parse_enum(Onset, value, answers.onset)
            if not ok:
                notes.append(Clarification(key, f"could not read {value!r}"))
        else:
            name = _fact_name(key)
            if name is None:
                unknown.append(str(raw_key))
                continue
            fact, ok = parse_bool(value)
            if not ok:
                notes.append(Clarification(name, f"could not read {value!r}; left unknown"))
            if values.get(name) is True and fact is False:
                continue
            values[name] = fact

    changes, bad_ids, id_notes = facts_from_ids(present, absent)
    unknown += bad_ids
    notes += id_notes
    for name, fact in changes.items():
        if values.get(name) is not None and values[name] != fact:
            notes.append(Clarification(name, "answered both yes and no; taken as yes"))
            values[name] = True
        elif values.get(name) is None:
            values[name] = fact

    if durations:
        values["duration_days"] = max(durations)
        if len(set(durations)) > 1:
            notes.append(Clarification(
                "duration", f"conflicting durations {sorted(set(durations))} days; "
                "the longest is used for persistence and the shortest for injury recency"))
            if "injury_days_ago" not in values:
                values["injury_days_ago"] = min(durations)
    return values, unknown, notes


_MECHANISMS = ("twisting_injury", "direct_blow", "sports_injury")
_SITE_TO_GENERIC = {
    "knee_swelling": "swelling", "calf_swelling": "swelling", "knee_warmth": "warmth",
    "calf_warmth": "warmth", "knee_redness": "redness", "calf_redness": "redness",
    "calf_tenderness": "tenderness", "lump_behind_knee": "lump", "foot_drop": "weakness",
    "heel_toe_walk_difficulty": "weakness", "knee_locked": "locking",
}


def _normalize(h: History) -> tuple[dict[str, Any], list[Clarification]]:
    v: dict[str, Any] = {}
    notes: list[Clarification] = []

    def get(name: str) -> Any:
        return v.get(name, getattr(h, name))

    if h.pain_score is not None and h.pain_score > 10:
        v["pain_score"] = 10
        notes.append(Clarification(
            "pain_score", f"{h.pain_score}/10 is off the scale; taken as 10"
        ))
    elif h.pain_score is not None and h.pain_score < 0:
        v["pain_score"] = None
        notes.append(Clarification("pain_score", f"{h.pain_score}/10 is not a score; unknown"))
    if h.age is not None and not 0 <= h.age <= 120:
        v["age"] = None
        notes.append(Clarification("age", f"age {h.age} is not possible; unknown"))
    for name in ("duration_days", "injury_days_ago"):
        value = getattr(h, name)
        if value is not None and value < 0:
            v[name] = None
            notes.append(Clarification(name, f"{value} days is not possible; unknown"))
    if h.onset is not None and not isinstance(h.onset, Onset):
        onset, _ = _parse_enum(Onset, h.onset, answers.onset)
        v["onset"] = onset
    if h.side is not None and not isinstance(h.side, Side):
        side, _ = _parse_enum(Side, h.side, answers.side)
        v["side"] = side

    mechanism = [m for m in _MECHANISMS if getattr(h, m) is True]
    if mechanism and h.injury is not True:
        v["injury"] = True
        if h.injury is False:
            notes.append(Clarification(
                "injury", f"no injury reported, but {', '.join(mechanism)}; taken as injured"))

    for site, generic in _SITE_TO_GENERIC.items():
        if get(site) is True and get(generic) is not True:
            if get(generic) is False:
                notes.append(Clarification(generic, f"{generic} denied but {site}; taken as yes"))
            v[generic] = True

    if h.both_legs is True and isinstance(get("side"), Side) and get("side") is not Side.BOTH:
        notes.append(Clarification("side", "one side given, but symptoms in both legs"))
    if h.neuro_spreading is True and all(
        get(name) is False for name in ("numbness", "tingling", "burning", "weakness")
    ):
        notes.append(Clarification("neuro_spreading", "spreading numbness but none reported"))
    return {k: val for k, val in v.items() if val != getattr(h, k)}, notes


def canonical_id(text: Any) -> str:
    return re.sub(r"[^a-z0-9]+", "_", str(text).strip().lower()).strip("_")


def canonical_location(text: Any) -> str | None:
    key = "_".join(w for w in canonical_id(text).split("_") if w not in _FILLER_WORDS)
    key = vocabulary().canonical("body_location", key.replace("_", " ")) or key
    if key in BODY_LOCATIONS:
        return key
    if key.endswith("s") and key[:-1] in BODY_LOCATIONS:
        return key[:-1]
    return None
