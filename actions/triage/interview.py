"""The history taking: which question to ask next, and what an answer means.

The engine lists every unknown fact whose worrying answer could still raise the level
(`Decision.open_questions`, most urgent first). Asking all of them would take too long, so
a question is asked only when it fits what the person has described (`WORTH_ASKING`): the
cauda equina questions when there are nerve symptoms or back pain, the Ottawa questions after
an injury, and so on. What is not asked stays unknown: it never lowers the level, and the
safety-net advice given with every outcome names every red flag. When no policy rule has
fired, the facts needed before home care can be advised are asked too (policy section 5).

Answers are stored per question id, as "yes", "no", "partial", "unsure" or a value, and
turned into History input by `answer_facts`. "Not sure" keeps the fact unknown and marks the
question as not excluded (`History.not_sure`); "partial" ("a bit", "sort of") counts as the
worrying answer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from actions.triage.engine import Decision, assess
from actions.triage.history import History, Onset, Side
from actions.triage.rules import QUESTIONS_BY_ID, Level
from language.answers import VALUE_KINDS, Kind, Reply, meanings
from language.places import BACK, BELOW_KNEE, FOOT, KNEE

YES, NO, PARTIAL, UNSURE = "yes", "no", "partial", "unsure"
YES_NO_ANSWERS = frozenset({YES, NO, PARTIAL, UNSURE})

# What each question means is declared beside it, in language/questions.yml.
# Questions worded so that "yes" is the reassuring answer ("Can you take 4 steps?").
INVERTED = frozenset(q for q, m in meanings().items() if m.worrying is Reply.NO)
# Questions answered with a value rather than yes or no.
NUMBER_QUESTIONS = frozenset(q for q, m in meanings().items() if m.kind in VALUE_KINDS)
CHOICE_QUESTIONS = frozenset(q for q, m in meanings().items() if m.kind is Kind.ONSET)
# A "no" to these also answers facts the question's wording covers.
ALSO_DENIED: Mapping[str, tuple[str, ...]] = {
    "numbness_or_tingling": ("weakness",),  # "... numbness, tingling or weakness ...?"
    "knee_swelling": ("swelling",),  # "... any swelling in your knee or leg?"
    "catching_or_clicking": ("giving_way",),  # "... catch, click, lock or give way?"
}
# Facts needed before home care (rules.SELF_CARE_FACTS) -> the question that answers them.
SELF_CARE_QUESTIONS: Mapping[str, str] = {
    "pain_score": "pain_score", "duration_days": "duration", "injury": "injury",
    "numbness": "numbness_or_tingling", "tingling": "numbness_or_tingling",
    "weakness": "weakness", "swelling": "knee_swelling", "locking": "catching_or_clicking",
    "giving_way": "giving_way",
}
# Before home care is advised for pain of a week or more, the rarer serious causes (S-SYSTEMIC)
# are asked about even where nothing described points to them (policy section 5: only when
# none of the rules applies).
BEFORE_HOME_CARE = ("weight_loss", "night_pain")
CALF_AREA = frozenset({"calf", "inner_calf", "leg", "back_of_knee"})
CLOT_RISKS = ("long_travel", "recent_surgery", "cast", "bed_rest", "previous_clot", "cancer")


def _nerve_symptoms(h: History) -> bool:
    return h.sensory is True or h.weakness is True or h.foot_drop is True


def _nerve_or_back(h: History) -> bool:
    return _nerve_symptoms(h) or bool(h.locations & BACK) or h.side is Side.BOTH


def _injured(h: History) -> bool:
    return h.injury is True or h.cast is True


def _severe(h: History, score: int = 8) -> bool:
    return h.pain_score is not None and h.pain_score >= score


def _calf_concern(h: History) -> bool:
    risks = any(getattr(h, name) is True for name in CLOT_RISKS)
    return h.anywhere(CALF_AREA) or h.swelling is True or risks


def _swollen(h: History) -> bool:
    return h.swelling is True or h.knee_swelling is True


def _always(h: History) -> bool:
    return True


WORTH_ASKING: Mapping[str, Callable[[History], bool]] = {
    "bladder_or_bowel_change": _nerve_or_back,
    "saddle_numbness": _nerve_or_back,
    "both_legs": _nerve_symptoms,
    "cold_pale_or_blue_leg": lambda h: (
        _nerve_symptoms(h) or h.onset is Onset.SUDDEN or _severe(h)
        or h.walking_distance_pain is True or h.anywhere(FOOT | {"calf", "inner_calf"})),
    "chest_symptoms": lambda h: h.calf_signs is True,
    "hot_red_knee": lambda h: _swollen(h) or h.redness is True or h.warmth is True,
    "deformity": _injured,
    "pain_out_of_proportion": _injured,
    "calf_tight": _injured,
    "cast": lambda h: h.injury is True,
    "calf_signs": _calf_concern,
    "injury_days_ago": lambda h: h.injury is True,
    "cannot_bear_weight": lambda h: h.injury is True,
    "cannot_bend_knee": lambda h: h.injury is True,
    "fibula_head_tender": lambda h: h.injury is True,
    "kneecap_tender": lambda h: h.injury is True,
    "age": lambda h: h.injury is True,
    "neuro_spreading": _nerve_symptoms,
    "weakness": lambda h: _nerve_or_back(h) or h.anywhere(BELOW_KNEE),
    "onset": _severe,
    "nothing_eases_pain": lambda h: _severe(h, 7),
    "knee_locked": lambda h: (
        h.injury is True or True in (h.locking, h.catching, h.clicking, h.twisting_injury)),
    "back_pain": lambda h: h.anywhere(FOOT | {"calf", "shin", "outer_leg", "back_of_thigh"})
    or h.sensory is True,
    "not_improving": lambda h: h.duration_days is not None and 14 <= h.duration_days <= 28,
    "recurrent_swelling": _swollen,
    "walking_distance_pain": lambda h: h.anywhere(
        {"calf", "inner_calf", "buttock", "thigh", "back_of_thigh"}) or h.cramping is True,
    "eased_by_rest": lambda h: h.walking_distance_pain is True,
    "diabetes": lambda h: h.sensory is True and (h.anywhere(FOOT) or h.side is Side.BOTH),
    "lump_behind_knee": lambda h: "back_of_knee" in h.all_locations or (
        _swollen(h) and h.anywhere(KNEE)),
    "weight_loss": lambda h: h.duration_days is not None and h.duration_days > 14,
    "cancer": lambda h: h.duration_days is not None and h.duration_days >= 7,
    "night_pain": lambda h: h.duration_days is not None and h.duration_days > 14,
}
# Two-part emergency rules (policy section 2): with one half known, the other half is the
# very next question, whatever else fits.
HALF_KNOWN: Mapping[str, Callable[[History], bool]] = {
    "fever_or_unwell": lambda h: h.knee_hot is True,  # E-SEPTIC: a hot (swollen) knee
    "hot_red_knee": lambda h: h.systemic is True,  # E-SEPTIC: fever with the leg pain
    "calf_tight": lambda h: h.pain_out_of_proportion is True,  # E-COMPART
    "pain_out_of_proportion": lambda h: h.tightness is True and _injured(h),  # E-COMPART
    "chest_symptoms": lambda h: h.calf_signs is True,  # E-PE
}
# Asked in this order when both are due: a "no" to the first answers the second as well.
ASK_FIRST = (("numbness_or_tingling", "weakness"), ("knee_swelling", "hot_red_knee"))


def questions_to_ask(
    history: History, decision: Decision | None = None, first: Sequence[str] = ()
) -> tuple[str, ...]:
    """Question ids worth asking now, most important first; empty when the engine has enough.

    `first` (a red flag the NLU was unsure of: its screening questions) and the missing
    half of a two-part red flag come before everything else. Questions already answered
    (including "not sure") are not open in the engine and do not appear. Callers drop the
    ones they have already asked.
    """
    h = history.normalized()
    decision = decision or assess(h)
    if decision.level is Level.EMERGENCY:
        return ()
    open_ids = [q.fact for q in decision.open_questions]
    at_once = [q for q in first if q in open_ids] + [
        q for q, half_known in HALF_KNOWN.items() if q in open_ids and half_known(h)]
    ids = at_once + [q for q in open_ids if WORTH_ASKING.get(q, _always)(h)]
    fired = {hit.rule_id for hit in decision.fired}
    if "S-INFO" in fired and "S-NOTMILD" not in fired:
        for fact in decision.self_care_unknowns:
            question = QUESTIONS_BY_ID[SELF_CARE_QUESTIONS[fact]]
            if question.id not in h.not_sure:
                ids.append(question.id)
    if fired <= {"S-INFO"} and h.duration_days is not None and h.duration_days >= 7:
        ids += [q for q in BEFORE_HOME_CARE if q in open_ids]
    ids = list(dict.fromkeys(ids))
    for before, then in ASK_FIRST:
        if then in at_once:
            continue
        if before in ids and then in ids and ids.index(then) < ids.index(before):
            ids.remove(before)
            ids.insert(ids.index(then), before)
    return tuple(ids)


def answer_facts(question_id: str, answer: Any) -> dict[str, Any]:
    """History.from_mapping input for one stored answer; {} when it says nothing usable."""
    if answer is None or question_id not in QUESTIONS_BY_ID:
        return {}
    if question_id in NUMBER_QUESTIONS:
        return {question_id: answer} if answer != UNSURE else {"not_sure": [question_id]}
    if question_id in CHOICE_QUESTIONS:
        return {"onset": answer} if answer != UNSURE else {"not_sure": [question_id]}
    if answer == UNSURE:
        return {"not_sure": [question_id]}
    if answer not in YES_NO_ANSWERS:
        return {}
    worrying = answer in (YES, PARTIAL) if question_id not in INVERTED else answer != YES
    if question_id == "back_pain":
        return {"locations": ["lower_back"]} if worrying else {}
    question = QUESTIONS_BY_ID[question_id]
    if worrying:
        return {question.facts[0]: True}
    denied = question.facts + ALSO_DENIED.get(question_id, ())
    return {"absent": list(denied)}


def merge_inputs(*parts: Mapping[str, Any]) -> dict[str, Any]:
    """Combine History.from_mapping inputs; lists are joined, other values: the last wins."""
    merged: dict[str, Any] = {}
    for part in parts:
        for key, value in part.items():
            if isinstance(value, (list, tuple, frozenset, set)):
                merged[key] = list(merged.get(key, [])) + list(value)
            elif value is not None:
                merged[key] = value
    return merged
