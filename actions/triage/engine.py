"""`assess(history) -> Decision`: the triage decision for one history.

How the safety principles are kept:

* The level is the most urgent level of any rule that fired (policy section 1).
* Rules fire on facts known to be present; an unknown qualifier never stops a rule (see
  rules.py). Unknown findings never lower the level: instead, every unknown fact that could
  still raise it is returned in `open_questions`, most urgent first, with the rules it could
  fire. The conversation keeps asking while any emergency question is open, and never asks
  a question that cannot change the level.
* Self-care is given only when no rule fires and the pain score, duration, numbness,
  tingling, weakness, swelling, locking, giving way and injury are all known. If any of
  them is unknown the level is `soon` with rule S-INFO ("not enough information yet to
  advise home care"), and the missing facts are listed in `self_care_unknowns`; pain above
  6/10 or swelling that no policy rule explains gives `soon` with rule S-NOTMILD.
* Contradictory or out-of-range answers are resolved in the safe direction by
  `History.normalized` and returned in `needs_clarification` to be asked again.
"""

from __future__ import annotations

import dataclasses
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from actions.triage.history import Clarification, History
from actions.triage.patterns import PatternMatch, rank_patterns
from actions.triage.rules import (
    QUESTIONS,
    RULES,
    Level,
    Question,
    Rule,
    fired_rules,
    self_care_unknowns,
)

CONTENT_FILE = Path(__file__).with_name("content.yml")


@dataclass(frozen=True)
class RuleHit:
    rule_id: str
    level: Level
    reason: str
    source: str


@dataclass(frozen=True)
class OpenQuestion:
    fact: str  # stable question id, see rules.QUESTIONS and content.yml
    rule_ids: tuple[str, ...]  # rules a worrying answer could fire
    level: Level  # the most urgent of those rules


@dataclass(frozen=True)
class Decision:
    level: Level
    fired: tuple[RuleHit, ...]
    red_flags: tuple[str, ...]  # ids of emergency rules that fired
    advice: str  # what to do, for the level
    safety_net: str  # when to seek help sooner: the red flags in plain words
    patterns: tuple[PatternMatch, ...]  # most likely first; "consistent with", not a diagnosis
    open_questions: tuple[OpenQuestion, ...]  # unknowns that could raise the level
    needs_clarification: tuple[Clarification, ...]  # contradictory answers to ask again
    self_care_unknowns: tuple[str, ...] = ()  # facts missing before home care can be advised
    ignored_input: tuple[str, ...] = ()  # input keys or ids that were not understood

    @property
    def provisional(self) -> bool:
        """True while an unknown fact could still raise the level."""
        return bool(self.open_questions)

    @property
    def unexcluded_red_flags(self) -> tuple[str, ...]:
        found = {rid for q in self.open_questions for rid in q.rule_ids if rid.startswith("E-")}
        return tuple(sorted(found))

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["provisional"] = self.provisional
        data["unexcluded_red_flags"] = list(self.unexcluded_red_flags)
        return _plain(data)


def _plain(value: Any) -> Any:
    if isinstance(value, Level):
        return value.value
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


@lru_cache(maxsize=1)
def content() -> dict[str, Any]:
    with CONTENT_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def safety_net(level: Level) -> str:
    text = content()
    return f"{text['safety_net'][level.value]} {text['red_flags']}"


def triage_level(history: History) -> Level:
    """The level alone, without patterns or questions (cheap)."""
    rules = fired_rules(history.normalized())
    return max((rule.level for rule in rules), default=Level.SELF_CARE)


def emergency_red_flags(history: History) -> tuple[str, ...]:
    """The ids of the emergency rules that fire (cheap: no patterns, no open questions)."""
    rules = fired_rules(history.normalized())
    return tuple(rule.id for rule in rules if rule.level is Level.EMERGENCY)


def assess(history: History) -> Decision:
    """Decide how urgently this history should be seen, and why."""
    h = history.normalized()
    rules = fired_rules(h)
    level = max((rule.level for rule in rules), default=Level.SELF_CARE)
    fired_ids = {rule.id for rule in rules}
    questions = open_questions(h, level, fired_ids)
    return Decision(
        level=level,
        fired=tuple(RuleHit(r.id, r.level, r.reason, r.source) for r in _most_urgent_first(rules)),
        red_flags=tuple(r.id for r in rules if r.level is Level.EMERGENCY),
        advice=content()["levels"][level.value]["advice"],
        safety_net=safety_net(level),
        patterns=rank_patterns(h),
        open_questions=questions,
        needs_clarification=h.clarifications,
        self_care_unknowns=self_care_unknowns(h) if "S-INFO" in fired_ids else (),
        ignored_input=h.unknown_keys,
    )


def _most_urgent_first(rules: tuple[Rule, ...]) -> tuple[Rule, ...]:
    return tuple(sorted(rules, key=lambda r: -r.level.rank))


def open_questions(h: History, level: Level, fired: set[str]) -> tuple[OpenQuestion, ...]:
    """Unknown facts whose worrying answer could fire a rule above the current level."""
    candidates = [r for r in RULES if not r.gate and r.level > level and r.id not in fired]
    asked = [q for q in QUESTIONS if q.is_open(h)]
    if not candidates or not asked:
        return ()
    everything = _assume(h, asked)
    reachable = [r for r in candidates if r.applies(everything)]
    only = {q.id: _assume(h, [q]) for q in asked}
    without = {q.id: _assume(h, [p for p in asked if p is not q]) for q in asked}

    could_fire: dict[str, list[Rule]] = {}
    for rule in reachable:
        relevant = [q for q in asked
                    if rule.applies(only[q.id]) or not rule.applies(without[q.id])]
        if not relevant:  # needs two unknowns together, e.g. (A or B) and C
            relevant = [q for q in asked if any(
                rule.applies(_assume(h, [q, p])) and not rule.applies(only[p.id])
                for p in asked if p is not q)]
        for q in relevant:
            could_fire.setdefault(q.id, []).append(rule)

    found = []
    for order, q in enumerate(QUESTIONS):
        if q.id in could_fire:
            rules = could_fire[q.id]
            top = max(r.level for r in rules)
            found.append((-top.rank, order, OpenQuestion(
                q.id, tuple(r.id for r in rules), top)))
    return tuple(item for *_, item in sorted(found, key=lambda t: (t[0], t[1])))


def _assume(h: History, questions: list[Question]) -> History:
    changes: dict[str, Any] = {}
    for q in questions:
        changes.update(q.worst_changes(h))
    return dataclasses.replace(h, **changes)
