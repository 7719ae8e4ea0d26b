"""A scripted patient for end-to-end conversations: it answers from a vignette's history.

Pure Python (no Rasa, no server). Build it from a vignette `history` mapping:

    patient = Patient(case["history"], seed="E-01")
    patient.opening()              # the first message: where, what, which side, any injury
    patient.answer("pain_score")   # the free-text answer to a history question
    patient.intended("pain_score") # what the assistant should store for that answer

The history is read once with `History.from_mapping`, as the triage engine reads it. The
opening names the places, the symptoms that are present, the side and the injury in lay
words from language/vocabulary.yml, plus context that no history question asks about
(activities, clot risk factors). It never names an emergency red-flag finding
(`WITHHELD`): like a real patient, the patient only mentions those when asked.

Every answer follows the effective value of the question's facts (rules.QUESTIONS):
True -> yes, False -> no, unknown -> not sure; questions worded so that yes is reassuring
(interview.INVERTED) get the opposite. Wording is varied but seeded: the same seed gives
the same conversation.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

from actions.labels import top_to_bottom
from actions.triage import History
from actions.triage.history import Onset, Side, Tri, any_of
from actions.triage.interview import INVERTED
from actions.triage.rules import QUESTIONS_BY_ID
from language.vocabulary import vocabulary

YES, NO, UNSURE = "yes", "no", "unsure"

# Emergency red-flag findings: never in the opening, only given as answers.
WITHHELD: tuple[str, ...] = (
    "bladder_control_loss", "bowel_control_loss", "urine_retention", "saddle_numbness",
    "cold_skin", "pale_skin", "blue_skin", "chest_pain", "breathlessness", "coughing_blood",
    "deformity", "bone_visible", "fever", "chills", "feeling_unwell",
)
# Withheld fact -> the question that asks about it.
WITHHELD_QUESTION: dict[str, str] = {
    fact: q.id for q in QUESTIONS_BY_ID.values() for fact in q.facts if fact in WITHHELD
}

# Symptoms said as nouns ("I've got pain and numbness in ..."); every phrase is a vocabulary
# phrase of that symptom id (checked by tests/unit/test_patient.py).
SYMPTOM_NOUNS: dict[str, tuple[str, ...]] = {
    "pain": ("pain", "aching", "an ache"),
    "numbness": ("numbness",),
    "tingling": ("tingling", "pins and needles"),
    "burning": ("burning", "a burning feeling"),
    "weakness": ("weakness",),
    "swelling": ("swelling",),
    "stiffness": ("stiffness",),
    "cramping": ("cramping", "cramps"),
    "redness": ("redness",),
    "warmth": ("warmth",),
    "tenderness": ("tenderness",),
    "clicking": ("clicking",),
    "catching": ("catching",),
    "popping": ("popping",),
    "lump": ("a lump",),
    "tightness": ("tightness",),
    "bruising": ("bruising",),
}
# Symptoms said as a sentence: fact -> (entity, vocabulary id, sentences).
SYMPTOM_SENTENCES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "locking": ("symptom", "locking", ("it locks up sometimes", "it gets stuck sometimes")),
    "giving_way": ("symptom", "giving_way", ("it gives way", "it gives out on me")),
    "foot_drop": ("symptom", "foot_drop", ("I've got foot drop",)),
    "night_pain": ("symptom", "night_pain", ("it's worse at night",)),
    "weight_loss": ("symptom", "weight_loss", ("I've lost weight",)),
    "gait_change": ("symptom", "limping", ("I've been limping",)),
}
# Context no history question asks about: fact -> (entity, vocabulary id, sentences).
CONTEXT_SENTENCES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "worse_stairs": ("activity", "stairs", ("it's worse on the stairs",)),
    "worse_squatting": ("activity", "squatting", ("squatting makes it worse",)),
    "worse_sitting": ("activity", "sitting", ("it's worse after sitting",)),
    "worse_coughing": ("activity", "coughing_sneezing", ("sneezing makes it worse",)),
    "worse_back_movement": ("activity", "bending", ("bending makes it worse",)),
    "worse_activity": ("activity", "walking", ("walking makes it worse",)),
    "running_jumping": ("activity", "running", ("I do a lot of running",)),
    "leg_crossing": ("activity", "crossing_legs", ("I cross my legs a lot",)),
    "long_travel": ("risk_factor", "long_travel", ("I've just been on a long flight",)),
    "recent_surgery": ("risk_factor", "recent_surgery", ("I had an operation recently",)),
    "previous_clot": ("risk_factor", "previous_clot", ("I've had a blood clot before",)),
    "bed_rest": ("risk_factor", "bed_rest", ("I've been stuck in bed",)),
    "smoking": ("risk_factor", "smoking", ("I smoke",)),
}

ANSWERS: dict[str, tuple[str, ...]] = {
    YES: ("yes", "yeah it is", "yep", "yeah"),
    NO: ("no", "nope", "not really"),
    UNSURE: ("not sure", "dunno", "no idea"),
}
TYPOS: dict[str, tuple[str, ...]] = {
    YES: ("yse", "yess", "yea"),
    NO: ("noo", "nop", "nah"),
    UNSURE: ("not shure", "dunno", "not sur"),
    "sudden": ("sudenly", "all of a suden"),
    "gradual": ("graduallly", "slowy"),
}
ONSET_ANSWERS = {
    "sudden": ("it came on suddenly", "suddenly", "all of a sudden"),
    "gradual": ("gradually", "it came on slowly", "bit by bit"),
}

_PREPOSITIONS = ("behind", "under", "below", "beneath", "underneath", "around", "just",
                 "between")
# Words a location phrase may use besides the words of its id (no plurals, no typos).
_PLAIN_WORDS = frozenset((
    "~", "of", "behind", "under", "below", "beneath", "underneath", "inside", "outside",
    "inner", "outer", "side", "front", "top", "bottom", "back", "around", "just", "hollow",
    "bend", "edge", "part", "small", "lower", "upper", "knee", "kneecap", "leg", "foot",
    "calf", "shin", "ankle", "thigh", "heel",
))


def location_phrases(location: str) -> tuple[str, ...]:
    """Lay ways to name a body location, each with "my": "my knee", "behind my knee"."""
    words = set(location.split("_"))
    found: list[str] = []
    if "of" not in words and not location.startswith("below"):
        found.append("my " + location.replace("_", " "))
    for phrase in vocabulary().phrases("body_location", location)[1:]:
        if "~" in phrase and set(phrase.split()) <= _PLAIN_WORDS | words:
            found.append(phrase.replace("~", "my"))
    return tuple(dict.fromkeys(found))


def _in(phrase: str) -> str:
    """Where: "in my knee", "behind my knee", "in the back of my knee"."""
    if phrase.split()[0] in _PREPOSITIONS:
        return phrase
    return "in " + (phrase if phrase.startswith("my ") else "the " + phrase)


def _to(phrase: str) -> str:
    """A target of "spreads down to": "my calf", "the back of my thigh", "behind my knee"."""
    if phrase.startswith("my ") or phrase.split()[0] in _PREPOSITIONS:
        return phrase
    return "the " + phrase


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def duration_phrases(days: int) -> tuple[str, ...]:
    """Exact ways to say a number of days: each reads back as the same number of days."""
    if days == 0:
        return ("since today", "it started today")
    if days == 1:
        return ("since yesterday", "1 day", "a day")
    found = [f"{days} days"]
    for size, unit in ((365, "year"), (30, "month"), (14, "fortnight"), (7, "week")):
        if days % size == 0:
            count = days // size
            found += [f"a {unit}", f"about a {unit}"] if count == 1 else [f"{count} {unit}s"]
    return tuple(found)


def ago_phrases(days: int) -> tuple[str, ...]:
    if days == 0:
        return ("today", "earlier today")
    if days == 1:
        return ("yesterday", "1 day ago")
    return tuple(f"{p} ago" for p in duration_phrases(days) if not p.startswith("about"))


class Patient:
    """Answers the assistant's questions from one vignette history."""

    def __init__(
        self,
        history: Mapping[str, Any],
        seed: Any = 0,
        typos: float = 0.0,
        context: bool = True,
        unknown: str = UNSURE,
    ) -> None:
        """`unknown`: how a yes/no fact the history leaves unknown is answered: "unsure"
        ("not sure", the default) or "no" (the patient denies what the vignette does not
        mention). Unknown numbers and onset are "not sure" either way."""
        if unknown not in (UNSURE, NO):
            raise ValueError(f"unknown must be {UNSURE!r} or {NO!r}, not {unknown!r}")
        self.h = History.from_mapping(history)
        self.rng = random.Random(str(seed))
        self.typos = typos
        self.context = context
        self.unknown = unknown

    # ----- the opening --------------------------------------------------------------------

    def opening_symptoms(self) -> list[str]:
        """Symptom ids said in the opening (never a WITHHELD one)."""
        h = self.h
        present = [s for s in SYMPTOM_NOUNS if s != "pain" and getattr(h, s) is True]
        present += [s for s in SYMPTOM_SENTENCES if getattr(h, s) is True]
        has_pain = h.pain is True or (
            h.pain is None and (h.pain_score is None or h.pain_score > 0)
        )
        if has_pain or not present:
            present.insert(0, "pain")
        return present

    def opening_context(self) -> list[str]:
        if not self.context:
            return []
        return [fact for fact in CONTEXT_SENTENCES if getattr(self.h, fact) is True]

    def opening(self) -> str:
        h, rng = self.h, self.rng
        symptoms = self.opening_symptoms()
        nouns = [rng.choice(SYMPTOM_NOUNS[s]) for s in symptoms if s in SYMPTOM_NOUNS]
        sentences = [rng.choice(SYMPTOM_SENTENCES[s][2]) for s in symptoms
                     if s in SYMPTOM_SENTENCES]
        sentences += [rng.choice(CONTEXT_SENTENCES[f][2]) for f in self.opening_context()]

        places = [rng.choice(location_phrases(loc)) for loc in top_to_bottom(list(h.locations))]
        spread = [rng.choice(location_phrases(loc))
                  for loc in top_to_bottom(list(h.spread_to - h.locations))]
        side_inline = h.side in (Side.LEFT, Side.RIGHT) and rng.random() < 0.5
        if side_inline and places and places[0].startswith("my "):
            places[0] = places[0].replace("my ", f"my {h.side.value} ", 1)
        else:
            side_inline = False

        what = _join(nouns) if nouns else "a problem"
        where = " " + _join([_in(p) for p in places]) if places else ""
        lead = rng.choice(("I've got {what}{where}", "I have {what}{where}",
                           "There's {what}{where}"))
        text = lead.format(what=what, where=where)
        if spread:
            verb = rng.choice(("it spreads down to", "it goes down to", "it runs down to"))
            text += f", and {verb} {_join([_to(p) for p in spread])}"
        text += "."
        if h.side is not None and not side_inline:
            text += " " + rng.choice({
                Side.LEFT: ("It's on the left side.", "All on my left side."),
                Side.RIGHT: ("It's on the right side.", "All on my right side."),
                Side.BOTH: ("It's on both sides.", "Both sides."),
            }[h.side])
        if h.injury is True:
            text += " " + self._injury_sentence()
        for sentence in sentences:
            text += " " + sentence[0].upper() + sentence[1:] + "."
        return text

    def rephrase(self) -> str:
        """A second, plainer opening for when the first was not understood, worded like the
        assistant's own example ("my knee hurts and it spreads down to my ankle")."""
        h, rng = self.h, self.rng
        symptoms = self.opening_symptoms()
        nouns = [SYMPTOM_NOUNS[s][0] for s in symptoms if s in SYMPTOM_NOUNS and s != "pain"]
        sentences = [SYMPTOM_SENTENCES[s][2][0] for s in symptoms if s in SYMPTOM_SENTENCES]
        sentences += [CONTEXT_SENTENCES[f][2][0] for f in self.opening_context()]
        places = [location_phrases(loc)[0] for loc in top_to_bottom(list(h.locations))]
        spread = [location_phrases(loc)[0]
                  for loc in top_to_bottom(list(h.spread_to - h.locations))]
        hurts = "pain" in symptoms
        if not hurts:
            text = f"there is {_join(nouns)}" + (f" {_in(places[0])}" if places else "")
            nouns = []
        elif places and places[0].split()[0] in _PREPOSITIONS:
            text = f"it hurts {places[0]}"
        elif places:
            text = (places[0] if places[0].startswith("my ") else "the " + places[0]) + " hurts"
        else:
            text = "it hurts"
        text = text[0].upper() + text[1:]
        if spread:
            text += f" and it spreads down to {_join([_to(p) for p in spread])}"
        text += "."
        if places[1:]:
            text += f" It's also {_join([_in(p) for p in places[1:]])}."
        if nouns:
            text += f" There is also {_join(nouns)}."
        if isinstance(h.side, Side):
            text += {Side.LEFT: " It's on the left side.", Side.RIGHT: " It's on the right side.",
                     Side.BOTH: " It's on both sides."}[h.side]
        if h.injury is True:
            how = "twisted" if h.twisting_injury is True else "injured"
            sport = " playing football" if h.sports_injury is True else ""
            text += f" I {how} it{sport}."
        for sentence in sentences:
            text += " " + sentence[0].upper() + sentence[1:] + "."
        rng.random()  # keep later answers independent of whether a rephrase was needed
        return text

    def _injury_sentence(self) -> str:
        h, rng = self.h, self.rng
        it = "my knee" if "knee" in h.locations else "it"
        sport = " playing football" if h.sports_injury is True else ""
        if h.twisting_injury is True:
            return rng.choice((f"It started when I twisted {it}{sport}.",
                               f"I twisted {it}{sport}."))
        if h.direct_blow is True:
            return rng.choice((f"I banged {it}{sport}.", f"I took a knock to {it}{sport}."))
        if sport:
            return f"It started with an injury{sport}."
        return rng.choice(("It started with an injury.", "It started after a fall."))

    # ----- answers ------------------------------------------------------------------------

    def value(self, question_id: str) -> Tri | int | str:
        """The fact a question asks about, as this patient knows it (None: unknown).

        Yes/no questions give the effective value of their facts (before inversion), number
        questions the number, onset "sudden" / "gradual"."""
        h = self.h
        question = QUESTIONS_BY_ID.get(question_id)
        if question is None:
            return None
        if question.number:
            return getattr(h, question.number)
        if question_id == "onset":
            return h.onset.value if isinstance(h.onset, Onset) else None
        if question_id == "back_pain":
            return bool(h.locations & {"lower_back", "buttock"})
        return any_of(*(h.fact(name) for name in question.facts))

    def intended(self, question_id: str) -> str:
        """What the assistant should store for the answer: "yes", "no", "unsure", a number
        as text, or "sudden" / "gradual" (for inverted questions "yes" is the reassuring
        answer, as in the slot)."""
        value = self.value(question_id)
        question = QUESTIONS_BY_ID.get(question_id)
        if question is None:
            return UNSURE
        if question.number or question_id == "onset":
            return UNSURE if value is None else str(value)
        if value is None:
            if self.unknown == UNSURE:
                return UNSURE
            value = False
        if question_id in INVERTED:
            value = not value
        return YES if value else NO

    def answer(self, question_id: str) -> str:
        """The patient's free-text answer to a history question."""
        intended = self.intended(question_id)
        question = QUESTIONS_BY_ID.get(question_id)
        if intended == UNSURE:
            return self._say(UNSURE, ANSWERS[UNSURE])
        if question is not None and question.number:
            return self._number(question.number, int(intended))
        if question_id == "onset":
            return self._say(intended, ONSET_ANSWERS[intended])
        return self._say(intended, ANSWERS[intended])

    def _say(self, key: str, options: tuple[str, ...]) -> str:
        if self.typos and key in TYPOS and self.rng.random() < self.typos:
            return self.rng.choice(TYPOS[key])
        return self.rng.choice(options)

    def _number(self, field: str, value: int) -> str:
        rng = self.rng
        if field == "pain_score":
            return rng.choice((f"about a {value}", f"{value}/10", f"{value}"))
        if field == "age":
            return rng.choice((f"I'm {value}", f"{value}", f"{value} years old"))
        if field == "injury_days_ago":
            return rng.choice(ago_phrases(value))
        return rng.choice(duration_phrases(value))

    # ----- for the report -----------------------------------------------------------------

    def withheld_red_flags(self) -> dict[str, str]:
        """Red-flag facts this patient has -> the question that would bring them out."""
        return {fact: WITHHELD_QUESTION.get(fact, "")
                for fact in WITHHELD if self.h.fact(fact) is True}

    def opening_ids(self) -> dict[str, list[str]]:
        """What the opening should convey, as vocabulary ids per slot."""
        symptoms = [SYMPTOM_SENTENCES[s][1] if s in SYMPTOM_SENTENCES else s
                    for s in self.opening_symptoms()]
        return {
            "body_locations": top_to_bottom(list(self.h.all_locations)),
            "symptoms": symptoms,
            "side": [self.h.side.value] if isinstance(self.h.side, Side) else [],
            "history_facts": self.opening_context(),
        }

