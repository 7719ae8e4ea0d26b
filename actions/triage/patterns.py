"""TRIAGE_POLICY.md section 6: patterns a history is consistent with, ranked by their clues.

A pattern's score is the sum of the weights of its clues that the history shows, minus the
weights of clues against it. Each pattern has one or two defining clues (weight 2-3), a
few supporting ones (0.5-2). Only facts known to be present count; nothing is inferred
from an unknown. This ranks; it never diagnoses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from actions.triage.history import History, Onset, Side, any_of
from language.places import BACK, BELOW_KNEE, FOOT, KNEE

MIN_SCORE = 2.5  # below this a pattern is not shown


@dataclass(frozen=True)
class Clue:
    text: str  # plain words, shown as "matched clues"
    weight: float  # negative: a clue against the pattern
    test: Callable[[History], bool]


@dataclass(frozen=True)
class Pattern:
    id: str
    name: str
    sources: tuple[str, ...]
    clues: tuple[Clue, ...]


@dataclass(frozen=True)
class PatternMatch:
    id: str
    name: str
    score: float
    clues: tuple[str, ...]
    sources: tuple[str, ...]


def _at(*places: str) -> Callable[[History], bool]:
    return lambda h: h.anywhere(places)


def _yes(*names: str) -> Callable[[History], bool]:
    return lambda h: any_of(*(h.fact(name) for name in names)) is True


def _age_at_least(years: int) -> Callable[[History], bool]:
    return lambda h: h.age is not None and h.age >= years


def _back_to_below_knee(h: History) -> bool:
    return bool(h.all_locations & BACK) and bool(h.all_locations & BELOW_KNEE)


def _both_feet(h: History) -> bool:
    both = h.side is Side.BOTH or h.both_legs is True
    return both and h.anywhere(FOOT)


def _pressure_outer_knee(h: History) -> bool:
    blow = h.direct_blow is True and h.anywhere({"outer_knee", "outer_leg"})
    return blow or h.leg_crossing is True or h.cast is True


def _knee_then_foot(h: History) -> bool:
    return h.anywhere(KNEE) and h.anywhere({"arch", "heel", "ball_of_foot", "sole"})


def _clot_risk(h: History) -> bool:
    return any_of(h.recent_surgery, h.long_travel, h.bed_rest, h.cast, h.previous_clot,
                  h.cancer) is True


C = Clue
PATTERNS: tuple[Pattern, ...] = (
    Pattern("sciatica", "sciatica (an irritated nerve root in the lower back)",
            ("back-to-knee", "knee-to-ankle", "numbness-leg-foot"), (
        C("pain in the lower back or buttock", 3, _at(*BACK)),
        C("spreads from the back past the knee", 2, _back_to_below_knee),
        C("down the back of the thigh", 1, _at("back_of_thigh")),
        C("worse bending or twisting the back", 1, _yes("worse_back_movement")),
        C("worse sitting", 0.5, _yes("worse_sitting")),
        C("worse coughing or sneezing", 1, _yes("worse_coughing")),
        C("numbness or tingling", 1, _yes("numbness", "tingling")),
        C("one leg", 0.5, lambda h: h.side in (Side.LEFT, Side.RIGHT)),
        C("tight hamstrings", 0.5, lambda h: h.tightness is True and h.anywhere({"back_of_thigh"})),
    )),
    Pattern("peroneal_nerve", "peroneal nerve irritation (outer side of the knee)",
            ("numbness-leg-foot", "knee-to-ankle"), (
        C("outer lower leg or top of the foot", 3, _at("outer_leg", "top_of_foot")),
        C("foot drop", 3, _yes("foot_drop")),
        C("outer side of the knee", 1, _at("outer_knee")),
        C("numbness or tingling", 1, _yes("numbness", "tingling")),
        C("crossed legs, a tight cast or a blow to the outer knee", 2, _pressure_outer_knee),
        C("pain starts in the back", -2, lambda h: bool(h.locations & BACK)),
    )),
    Pattern("saphenous_nerve", "saphenous nerve irritation (inner side of the knee and calf)",
            ("knee-to-ankle",), (
        C("inner knee, inner calf or inner ankle", 2, _at("inner_knee", "inner_calf",
                                                          "inner_ankle")),
        C("runs down the inner side of the leg",
          1, lambda h: len(h.all_locations & {"inner_knee", "inner_calf", "inner_ankle"}) > 1),
        C("burning, numbness or tingling", 2, _yes("burning", "numbness", "tingling")),
    )),
    Pattern("peripheral_neuropathy", "peripheral neuropathy (nerve damage in both feet)",
            ("numbness-leg-foot", "knee-to-ankle"), (
        C("both feet", 3, _both_feet),
        C("burning, numbness or tingling", 2, _yes("burning", "numbness", "tingling")),
        C("diabetes", 2, _yes("diabetes")),
        C("came on gradually", 0.5, lambda h: h.onset is Onset.GRADUAL),
        C("one leg only", -2, lambda h: h.both_legs is False or h.side in (Side.LEFT, Side.RIGHT)),
    )),
    Pattern("osteoarthritis", "knee osteoarthritis (wear of the joint)",
            ("knee-to-leg", "knee-to-ankle"), (
        C("age 50 or over", 2, _age_at_least(50)),
        C("came on gradually", 1, lambda h: h.onset is Onset.GRADUAL),
        C("stiffness", 2, _yes("stiffness")),
        C("worse with activity", 1, _yes("worse_activity")),
        C("stiff or sore after rest", 1, _yes("worse_after_rest")),
        C("pain in the knee as a whole", 1, _at("knee")),
        C("ache spreads to thigh, calf or ankle",
          0.5, _at("thigh", "front_of_thigh", "back_of_thigh", "calf", "ankle")),
        C("under 40", -2, lambda h: h.age is not None and h.age < 40),
    )),
    Pattern("meniscus_tear", "meniscus tear (torn knee cartilage)",
            ("numbness-leg-foot", "knee-to-leg"), (
        C("twisting injury", 3, _yes("twisting_injury")),
        C("swelling", 1, _yes("swelling")),
        C("catching or locking", 2, _yes("catching", "locking", "knee_locked")),
        C("pain on the inner or outer joint line", 1, _at("inner_knee", "outer_knee")),
        C("worse when putting weight on it", 1, _yes("worse_weight_bearing")),
    )),
    Pattern("ligament_injury", "knee ligament injury (such as ACL or MCL)",
            ("numbness-leg-foot", "knee-to-leg"), (
        C("sports injury", 2, _yes("sports_injury")),
        C("felt or heard a pop", 2, _yes("popping")),
        C("swelling after the injury", 1, lambda h: h.injury is True and h.swelling is True),
        C("knee gives way", 3, _yes("giving_way")),
        C("injury", 0.5, _yes("injury")),
    )),
    Pattern("patellofemoral_pain", "patellofemoral pain (around or behind the kneecap)",
            ("knee-to-leg", "knee-to-ankle"), (
        C("around or behind the kneecap", 3, _at("kneecap")),
        C("worse on stairs", 1.5, _yes("worse_stairs")),
        C("worse squatting", 1, _yes("worse_squatting")),
        C("worse after sitting a long time", 1, _yes("worse_sitting")),
        C("spreads to the shin or front of the thigh", 0.5, _at("shin", "front_of_thigh")),
    )),
    Pattern("patellar_tendinitis", "patellar tendinitis (jumper's knee)", ("knee-to-leg",), (
        C("just below the kneecap", 3, _at("below_kneecap")),
        C("jumping or running", 2, _yes("running_jumping")),
    )),
    Pattern("pes_anserine_bursitis", "pes anserine bursitis (inner knee, below the joint)",
            ("knee-to-leg",), (
        C("inner side of the knee", 3, _at("inner_knee")),
        C("spreads down the shin", 1, _at("shin")),
        C("burning, numbness or tingling", -2, _yes("burning", "numbness", "tingling")),
    )),
    Pattern("bakers_cyst", "Baker's cyst (fluid swelling behind the knee)", ("knee-to-ankle",), (
        C("behind the knee", 3, _at("back_of_knee")),
        C("swelling, lump or tightness behind the knee",
          2, lambda h: h.cyst_behind_knee is True
          or (h.tightness is True and "back_of_knee" in h.locations)),
        C("calf pain or swelling", 1, lambda h: h.anywhere({"calf"}) or h.calf_swollen is True),
    )),
    Pattern("peripheral_artery_disease", "peripheral artery disease (narrowed leg arteries)",
            ("knee-to-ankle",), (
        C("pain after walking a set distance", 3, _yes("walking_distance_pain")),
        C("eases with rest", 2, _yes("eased_by_rest")),
        C("calf, thigh or buttock", 1, _at("calf", "thigh", "back_of_thigh", "front_of_thigh",
                                           "buttock")),
        C("smoking", 1, _yes("smoking")),
        C("diabetes", 0.5, _yes("diabetes")),
        C("cold, pale or blue leg", 1.5, _yes("cold_skin", "pale_skin", "blue_skin")),
    )),
    Pattern("deep_vein_thrombosis", "deep vein thrombosis (a clot in a leg vein)",
            ("knee-to-ankle",), (
        C("swollen calf or leg", 3, lambda h: h.calf_swollen is True),
        C("warm calf", 1, _yes("calf_warmth")),
        C("red calf", 1, _yes("calf_redness")),
        C("tender calf", 1, _yes("calf_tenderness")),
        C("one leg", 0.5, lambda h: h.side in (Side.LEFT, Side.RIGHT)),
        C("recent surgery, travel, a cast, bed rest, cancer or an earlier clot", 2, _clot_risk),
    )),
    Pattern("gait_compensation", "a change in walking putting strain on the foot",
            ("knee-to-foot", "knee-to-leg", "knee-to-ankle"), (
        C("knee pain with pain in the arch, heel or ball of the foot", 3, _knee_then_foot),
        C("limping or a change in walking, footwear or activity", 2, _yes("gait_change")),
        C("flat feet or high arches", 1.5, _yes("foot_structure")),
    )),
)
PATTERNS_BY_ID: dict[str, Pattern] = {p.id: p for p in PATTERNS}


def match(pattern: Pattern, history: History) -> PatternMatch:
    hits = [clue for clue in pattern.clues if clue.test(history)]
    score = sum(clue.weight for clue in hits)
    shown = tuple(clue.text for clue in hits if clue.weight > 0)
    return PatternMatch(pattern.id, pattern.name, round(score, 2), shown, pattern.sources)


def rank_patterns(history: History) -> tuple[PatternMatch, ...]:
    """Patterns with enough matching clues, best first (ties keep the table order)."""
    matches = [match(pattern, history) for pattern in PATTERNS]
    shown = [m for m in matches if m.score >= MIN_SCORE and m.clues]
    return tuple(sorted(shown, key=lambda m: -m.score))
