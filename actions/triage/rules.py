"""TRIAGE_POLICY.md sections 2-5 as one table: id, level, criteria, reason, source.

A rule fires only on facts known to be present. Where the core finding is present and a
qualifier is unknown (the injury date, which leg, whether the knee is also swollen), the
qualifier counts as not excluded and the rule fires: uncertainty goes up, never down.
Unknown core findings do not fire a rule; the engine lists them as open questions.

The two `gate` rows are not in the policy tables; they put section 5 into effect. They are
read only when no policy rule fired, and keep a history out of `self_care` unless it is
known to be mild, short and free of the listed symptoms.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from actions.triage.history import History, Onset, Side, any_of
from language.places import BACK, BELOW_KNEE, FOOT


class Level(str, Enum):
    """Urgency levels; comparisons order them by urgency (EMERGENCY is the greatest)."""

    EMERGENCY = "emergency"
    URGENT = "urgent"
    SOON = "soon"
    SELF_CARE = "self_care"

    @property
    def rank(self) -> int:
        return _RANK[self.value]

    def __lt__(self, other: object) -> bool:
        return self.rank < other.rank if isinstance(other, Level) else NotImplemented

    def __le__(self, other: object) -> bool:
        return self.rank <= other.rank if isinstance(other, Level) else NotImplemented

    def __gt__(self, other: object) -> bool:
        return self.rank > other.rank if isinstance(other, Level) else NotImplemented

    def __ge__(self, other: object) -> bool:
        return self.rank >= other.rank if isinstance(other, Level) else NotImplemented


_RANK = {"self_care": 0, "soon": 1, "urgent": 2, "emergency": 3}
EMERGENCY, URGENT, SOON, SELF_CARE = Level.EMERGENCY, Level.URGENT, Level.SOON, Level.SELF_CARE


@dataclass(frozen=True)
class Rule:
    id: str
    level: Level
    criteria: Callable[[History], bool]
    reason: str  # shown to the user, plain words
    source: str  # short names of the source articles and guidance
    gate: bool = False  # derived from section 5; read only when no policy rule fired
    derived: bool = False  # derived from section 1; read with the policy rules

    def applies(self, history: History) -> bool:
        return self.criteria(history) is True


# ----- criteria ---------------------------------------------------------------------------
# Each reads a History and returns True when the rule applies.

def _yes(*facts: bool | None) -> bool:
    return any_of(*facts) is True


def _not_excluded(*facts: bool | None) -> bool:
    return any_of(*facts) is not False


def cauda_equina(h: History) -> bool:
    return _yes(h.bladder_control_loss, h.bowel_control_loss, h.urine_retention,
                h.saddle_numbness)


def chronic_symmetric_neuropathy(h: History) -> bool:
    """Old or diabetic numbness in both feet without weakness: S-DIABETIC, not E-BILAT."""
    if h.weakness is True or h.onset is Onset.SUDDEN:
        return False
    longstanding = h.duration_days is not None and h.duration_days > 28
    # The numbness is in the feet; aching knees elsewhere do not make it new or spinal.
    in_the_feet = h.anywhere(FOOT) or not h.locations
    return longstanding or (h.diabetes is True and in_the_feet)


def both_legs_neuro(h: History) -> bool:
    return h.bilateral_neuro is True and not chronic_symmetric_neuropathy(h)


def ischaemic_leg(h: History) -> bool:
    return _yes(h.cold_skin, h.pale_skin, h.blue_skin)


def clot_in_lungs(h: History) -> bool:
    chest = _yes(h.chest_pain, h.breathlessness, h.coughing_blood)
    return chest and _not_excluded(h.calf_signs, h.swelling)


def septic_knee(h: History) -> bool:
    return h.knee_hot is True and h.knee_swollen is not False and h.systemic is True


def deformed_after_injury(h: History) -> bool:
    return h.bone_visible is True or (h.deformity is True and h.injury is not False)


def compartment_syndrome(h: History) -> bool:
    """Both findings must be known (policy section 2): rising pain with the calf's tightness
    not yet asked is asked at once, not answered as an emergency."""
    return (h.pain_out_of_proportion is True
            and _yes(h.tightness, h.calf_swollen)
            and _not_excluded(h.injury, h.cast))


def one_sided_calf_signs(h: History) -> bool:
    return h.calf_signs is True and h.side is not Side.BOTH


def recent_injury(h: History) -> bool:
    days = h.days_since_injury
    return h.injury is True and (days is None or days <= 7)


def ottawa_positive(h: History) -> bool:
    aged_55 = h.age is not None and h.age >= 55
    return recent_injury(h) and (aged_55 or _yes(
        h.cannot_bear_weight, h.cannot_bend_knee, h.fibula_head_tender, h.kneecap_tender))


def leg_weakness(h: History) -> bool:
    return _yes(h.weakness, h.foot_drop, h.heel_toe_walk_difficulty)


def nerve_symptoms_spreading(h: History) -> bool:
    return h.neuro_spreading is True


def hot_swollen_knee(h: History) -> bool:
    return h.knee_hot is True and h.knee_swollen is not False


def feverish(h: History) -> bool:
    return h.systemic is True


def severe_sudden_pain(h: History) -> bool:
    if h.nothing_eases_pain is True:
        return True
    if h.pain_score is None or h.pain_score < 8:
        return False
    long_ago = h.duration_days is not None and h.duration_days > 28
    return h.onset is Onset.SUDDEN or (h.onset is None and not long_ago)


def locked_knee(h: History) -> bool:
    return h.fact("knee_locked") is True


def stable_nerve_symptoms(h: History) -> bool:
    return h.sensory is True and h.neuro_spreading is not True and not leg_weakness(h)


def back_pain_past_knee(h: History) -> bool:
    return bool(h.locations & BACK) and bool(h.all_locations & BELOW_KNEE)


def persistent(h: History) -> bool:
    days = h.duration_days
    return (days is not None and days > 28) or (
        h.not_improving is True and (days is None or days >= 14))


def mechanical_knee(h: History) -> bool:
    catching = _yes(h.catching, h.clicking, h.locking) and h.pain is not False
    return catching or _yes(h.recurrent_swelling, h.giving_way)


def claudication(h: History) -> bool:
    return h.walking_distance_pain is True and h.eased_by_rest is not False


def diabetic_feet(h: History) -> bool:
    feet = h.anywhere(FOOT) or not h.all_locations
    return h.diabetes is True and h.sensory is True and feet


def cyst_behind_knee(h: History) -> bool:
    return h.cyst_behind_knee is True


def injury_without_ottawa(h: History) -> bool:
    return h.injury is True and not ottawa_positive(h)


def systemic_warning(h: History) -> bool:
    return _yes(h.weight_loss, h.cancer, h.night_pain)


def red_flag_not_excluded(h: History) -> bool:
    """A red-flag question answered "not sure": it is not excluded (policy section 1)."""
    return bool(unexcluded_red_flag_questions(h))


def unexcluded_red_flag_questions(h: History) -> tuple[str, ...]:
    emergency = [r for r in RULES if r.level is EMERGENCY]
    found = []
    for qid in sorted(h.not_sure):
        question = QUESTIONS_BY_ID.get(qid)
        if question is None:
            continue
        worst = dataclasses.replace(h, **question.worst_changes(h), not_sure=frozenset())
        if any(rule.applies(worst) for rule in emergency):
            found.append(qid)
    return tuple(found)


def not_mild(h: History) -> bool:
    return (h.pain_score is not None and h.pain_score >= 7) or h.swelling is True


# What must be known, and known to be fine, before home care is advised (policy section 5).
SELF_CARE_FACTS: tuple[str, ...] = (
    "pain_score", "duration_days", "numbness", "tingling", "weakness", "swelling", "locking",
    "giving_way", "injury",
)


def self_care_unknowns(h: History) -> tuple[str, ...]:
    return tuple(name for name in SELF_CARE_FACTS if getattr(h, name) is None)


def not_enough_to_advise_home_care(h: History) -> bool:
    return bool(self_care_unknowns(h))


# ----- the table --------------------------------------------------------------------------

R = Rule
RULES: tuple[Rule, ...] = (
    R("E-CES", EMERGENCY, cauda_equina,
      "New bladder or bowel control problems, or numbness around the genitals, bottom or "
      "inner thighs, can mean the nerves at the base of the spine are being squeezed.",
      "knee-to-ankle; NICE CKS sciatica red flags"),
    R("E-BILAT", EMERGENCY, both_legs_neuro,
      "New weakness or numbness in both legs at once can mean pressure on the spinal nerves.",
      "NICE CKS sciatica red flags"),
    R("E-ISCH", EMERGENCY, ischaemic_leg,
      "A leg or foot that is cold, pale or blue may not be getting enough blood.",
      "knee-to-ankle (vascular causes); vascular guidance"),
    R("E-PE", EMERGENCY, clot_in_lungs,
      "Chest pain, sudden breathlessness or coughing blood with a painful, swollen leg can "
      "mean a clot has moved to the lungs.",
      "knee-to-ankle (DVT)"),
    R("E-SEPTIC", EMERGENCY, septic_knee,
      "A hot, swollen, red knee with fever, chills or feeling very unwell can be an "
      "infection inside the joint.",
      "knee-to-foot (systemic symptoms); BSR/BOA guideline"),
    R("E-DEFORM", EMERGENCY, deformed_after_injury,
      "A knee or leg that looks out of shape after an injury, or bone showing, can be a "
      "break or dislocation that may also harm the blood supply.",
      "knee-to-leg (deformity)"),
    R("E-COMPART", EMERGENCY, compartment_syndrome,
      "Pain that keeps rising and is far worse than the injury, in a tight or swollen calf "
      "or shin, can mean pressure building up inside the muscles.",
      "trauma guidance"),
    R("U-DVT", URGENT, one_sided_calf_signs,
      "A swollen, warm, red or tender calf or leg on one side needs a same-day check for a "
      "blood clot.",
      "knee-to-ankle; NICE NG158"),
    R("U-OTTAWA", URGENT, ottawa_positive,
      "After a recent knee injury, trouble taking weight or bending the knee, tenderness "
      "on the kneecap or the bony point outside the knee, or being 55 or over means an "
      "X-ray is needed to check for a break.",
      "knee-to-leg (inability to bear weight); Ottawa Knee Rule"),
    R("U-WEAK", URGENT, leg_weakness,
      "New weakness in the leg or foot, such as the toes catching or the foot slapping, "
      "means a nerve may be under pressure and should be checked today.",
      "numbness-leg-foot; knee-to-ankle"),
    R("U-SPREAD", URGENT, nerve_symptoms_spreading,
      "Numbness, tingling or weakness that is spreading or quickly getting worse needs a "
      "check today.",
      "knee-to-ankle"),
    R("U-HOTJOINT", URGENT, hot_swollen_knee,
      "A hot, swollen or red knee needs a doctor to rule out infection, even without fever.",
      "knee-to-leg; BSR/BOA guideline"),
    R("U-FEVER", URGENT, feverish,
      "Fever, chills or feeling very unwell together with leg pain needs a check today.",
      "knee-to-foot"),
    R("U-SEVERE", URGENT, severe_sudden_pain,
      "Severe pain that came on suddenly, or pain that nothing eases, needs a check and "
      "pain control today.",
      "knee-to-ankle; knee-to-leg"),
    R("U-LOCKED", URGENT, locked_knee,
      "A knee that is stuck and will not straighten may have a torn piece of cartilage "
      "caught in the joint.",
      "numbness-leg-foot"),
    R("S-NERVE", SOON, stable_nerve_symptoms,
      "Numbness, tingling or burning in the leg or foot points to an irritated nerve, which "
      "needs an examination.",
      "numbness-leg-foot; knee-to-foot; knee-to-leg"),
    R("S-SCIATICA", SOON, back_pain_past_knee,
      "Pain travelling from the lower back or buttock down past the knee often comes from a "
      "nerve in the back; a doctor or physiotherapist can assess it.",
      "back-to-knee; knee-to-ankle"),
    R("S-PERSIST", SOON, persistent,
      "Pain that has lasted more than 4 weeks, or is not improving after 2 weeks of rest and "
      "home care, needs a diagnosis.",
      "numbness-leg-foot (4 weeks); knee-to-leg; knee-to-ankle"),
    R("S-MECH", SOON, mechanical_knee,
      "Swelling that keeps coming back, catching or clicking with pain, or a knee that gives "
      "way can mean cartilage or ligament damage.",
      "numbness-leg-foot; knee-to-leg"),
    R("S-CLAUD", SOON, claudication,
      "Leg pain that comes on after walking a certain distance and eases with rest can be "
      "a sign of narrowed arteries.",
      "knee-to-ankle"),
    R("S-DIABETIC", SOON, diabetic_feet,
      "With diabetes, burning, numbness or tingling in the feet needs a foot and nerve check.",
      "numbness-leg-foot; knee-to-ankle"),
    R("S-CYST", SOON, cyst_behind_knee,
      "A lump or swelling at the back of the knee should be examined.",
      "knee-to-ankle"),
    R("S-INJURY", SOON, injury_without_ottawa,
      "An injury that still hurts or is swollen should be assessed if it is not settling.",
      "numbness-leg-foot; knee-to-foot"),
    R("S-SYSTEMIC", SOON, systemic_warning,
      "Unexplained weight loss, a history of cancer, or pain that is worst at night should "
      "be checked for rarer causes.",
      "knee-to-foot (systemic symptoms)"),
    R("U-NOTSURE", URGENT, red_flag_not_excluded, derived=True,
      reason="You were not sure about a sign that can mean an emergency, so it cannot be "
      "ruled out without a check today.",
      source="TRIAGE_POLICY section 1 (not excluded, uncertainty goes up)"),
    R("S-NOTMILD", SOON, not_mild, gate=True,
      reason="Pain above 6 out of 10, or swelling, is more than home care alone should "
      "handle.",
      source="TRIAGE_POLICY section 5; knee-to-foot"),
    R("S-INFO", SOON, not_enough_to_advise_home_care, gate=True,
      reason="There is not enough information yet to advise home care, so a check-up is "
      "the safe choice.",
      source="TRIAGE_POLICY sections 1 and 5"),
)

RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}
POLICY_RULE_IDS: tuple[str, ...] = tuple(
    rule.id for rule in RULES if not (rule.gate or rule.derived)
)
EMERGENCY_RULE_IDS: tuple[str, ...] = tuple(r.id for r in RULES if r.level is EMERGENCY)


def assume_not_sure_present(h: History) -> History:
    """The history with every "not sure" to a yes/no finding taken as its worrying answer.

    A value the person could not give (a pain score, an age, how long) is not a finding
    said with doubt: taking "no idea" as 10 out of 10 would make every unrated pain urgent.
    It stays unknown, and the rules read it as they read any unknown value."""
    for qid in sorted(h.not_sure):
        question = QUESTIONS_BY_ID.get(qid)
        if question is not None and not question.number and question.id != "onset":
            h = dataclasses.replace(h, **question.worst_changes(h))
    return h


def fired_rules(history: History) -> tuple[Rule, ...]:
    """Policy rules that apply; the gate rows only when none does.

    "Not sure" counts as present for the urgent and soon rules (policy section 1: not sure
    whether you can take 4 steps after yesterday's fall is U-OTTAWA); for an emergency rule
    it gives U-NOTSURE instead, read on the history as it is."""
    worst = assume_not_sure_present(history) if history.not_sure else history

    def applies(rule: Rule) -> bool:
        below_emergency = rule.level in (URGENT, SOON) and not rule.derived
        return rule.applies(worst if below_emergency else history)

    fired = tuple(r for r in RULES if not r.gate and applies(r))
    if fired:
        return fired
    return tuple(r for r in RULES if r.gate and r.applies(history))


# ----- questions that can exclude or confirm a rule ---------------------------------------

@dataclass(frozen=True)
class Question:
    """A stable fact id the conversation can ask about, and how to assume its worst answer."""

    id: str
    facts: tuple[str, ...] = ()  # yes/no History fields answered together
    number: str = ""  # or a numeric field
    worst_number: int = 0

    def is_open(self, h: History) -> bool:
        if self.id in h.not_sure:
            return False
        if self.number == "injury_days_ago":
            return h.injury is True and h.injury_days_ago is None
        if self.number:
            return getattr(h, self.number) is None
        if self.id == "back_pain":
            return not h.locations & BACK
        if self.id == "onset":
            return h.onset is None
        values = [h.fact(name) for name in self.facts]
        return True not in values and None in values

    def worst_changes(self, h: History) -> dict[str, Any]:
        """Field values for the most worrying answer to this question."""
        if self.number:
            return {self.number: self.worst_number}
        if self.id == "back_pain":
            return {"locations": h.locations | {"lower_back"}}
        if self.id == "onset":
            return {"onset": Onset.SUDDEN}
        return {name: True for name in self.facts if h.fact(name) is None}

    def assume_worst(self, h: History) -> History:
        return dataclasses.replace(h, **self.worst_changes(h))


def _q(qid: str, *facts: str) -> Question:
    return Question(qid, facts or (qid,))


QUESTIONS: tuple[Question, ...] = (
    _q("bladder_or_bowel_change", "bladder_control_loss", "bowel_control_loss",
       "urine_retention"),
    _q("saddle_numbness"),
    _q("both_legs"),
    _q("cold_pale_or_blue_leg", "cold_skin", "pale_skin", "blue_skin"),
    _q("chest_symptoms", "chest_pain", "breathlessness", "coughing_blood"),
    _q("fever_or_unwell", "fever", "chills", "feeling_unwell"),
    _q("hot_red_knee", "knee_warmth", "knee_redness"),
    _q("knee_swelling"),
    _q("deformity", "deformity", "bone_visible"),
    _q("pain_out_of_proportion"),
    _q("calf_tight", "tightness"),
    _q("injury"),
    _q("cast"),
    _q("calf_signs", "calf_swelling", "calf_warmth", "calf_redness", "calf_tenderness"),
    Question("injury_days_ago", number="injury_days_ago", worst_number=0),
    _q("cannot_bear_weight"),
    _q("cannot_bend_knee"),
    _q("fibula_head_tender"),
    _q("kneecap_tender"),
    Question("age", number="age", worst_number=120),
    _q("weakness", "weakness", "foot_drop", "heel_toe_walk_difficulty"),
    _q("neuro_spreading"),
    Question("pain_score", number="pain_score", worst_number=10),
    Question("onset"),
    _q("nothing_eases_pain"),
    _q("knee_locked"),
    _q("numbness_or_tingling", "numbness", "tingling", "burning"),
    Question("back_pain"),
    Question("duration", number="duration_days", worst_number=365),
    _q("not_improving"),
    _q("recurrent_swelling"),
    _q("catching_or_clicking", "catching", "clicking", "locking"),
    _q("giving_way"),
    _q("walking_distance_pain"),
    _q("eased_by_rest"),
    _q("diabetes"),
    _q("lump_behind_knee"),
    _q("weight_loss"),
    _q("cancer"),
    _q("night_pain"),
)
QUESTIONS_BY_ID: dict[str, Question] = {q.id: q for q in QUESTIONS}
