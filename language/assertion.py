"""Whether a finding is the person's own, current one: medspaCy's ConText (policy section 1).

Finding a concept and deciding its status are separate steps. The vocabulary pipeline and
DIET find "numb inner thighs"; ConText then decides, from the words around it, whether it
is negated ("no numbness"), hypothetical ("if my foot went cold"), in the past and
resolved ("a clot 10 years ago, fine since"), someone else's ("my dad had sciatica"), or
not a finding at all ("cold weather", "I iced it"). medspaCy's default rules were written
for clinical notes; `context_rules.yml` adds the ways people say these things in a chat.
Doubt ("I think I might have wet myself") counts as said.

    status = clinical_context().statuses("no fever, but my knee is hot", [(3, 8), (21, 28)])
    # [Status.NEGATED, Status.PRESENT]
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import cache
from itertools import zip_longest
from pathlib import Path
from typing import Any

import spacy
import yaml
from medspacy.context import ConText, ConTextRule
from medspacy.context import context_graph as _context_graph
from medspacy.context import context_modifier as _context_modifier
from spacy.tokens import Doc

from language.status import ASSERTION, CATEGORIES, Scope, Status, status_at
from language.vocabulary import vocabulary


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two half-open token spans share a token."""
    return a[0] < b[1] and b[0] < a[1]


def _cue_runs_into(modifiers: Iterable[Any], target: Any) -> set[str]:
    """The category of someone else's cues that end with the finding's first words and whose
    scope holds the rest: "my nan's foot has gone blue" (the cue "nan's foot", the finding "foot
    has gone blue") is the nan's, though ConText, which keeps cue and finding apart, sees
    the finding half in the cue and modifies it with nothing. (Only someone else's cues
    name a body part; "am not" before "not able to pass urine" is the finding's own word.)"""
    found = set()
    for modifier in modifiers:
        (cue_start, cue_end), (_, scope_end) = modifier.modifier_span, modifier.scope_span
        if (modifier.category.upper() == "FAMILY" and modifier.direction.upper() == "FORWARD"
                and modifier.allowed_types is None
                and cue_start < target.start < cue_end and cue_end < target.end <= scope_end):
            found.add(modifier.category.upper())
    return found


def _holds(target: tuple[int, int], modifier: tuple[int, int]) -> bool:
    """Whether a finding's words hold a modifier's whole ("not" in "painkillers not
    touching it"), as opposed to a finding inside a modifier ("ten" in "ten years ago")."""
    return target[0] <= modifier[0] and modifier[1] <= target[1]


# medspaCy 1.2's `tuple_overlaps` misses a span that holds the other one whole: a
# terminator's sentence-wide scope never "overlaps" a shorter negation, so "I dont have a
# fever but my calf is tight" read the calf as negated, and "my wife says my foot is blue"
# as the wife's foot. The modifiers use the corrected test; the graph, which uses it only
# to drop the modifiers that are part of a finding's words, drops those a finding holds.
_context_modifier.tuple_overlaps = _overlaps
_context_graph.tuple_overlaps = _holds

RULES_FILE = Path(__file__).with_name("context_rules.yml")
FINDINGS = "findings"  # the span group ConText reads
NO_SCOPE = frozenset({"TERMINATE", "PSEUDO"})  # directions that modify nothing


class ClinicalContext:
    """A blank English tokenizer, a sentencizer and ConText with the project's rules."""

    def __init__(self, rules_file: Path = RULES_FILE) -> None:
        self.nlp = spacy.blank("en")
        self.nlp.add_pipe("sentencizer")
        # A cue inside a finding ("not" in "painkillers not touching it") is part of the
        # finding's words: it modifies neither that finding nor the ones after it.
        self.context = ConText(
            self.nlp, rules=None, input_span_type="group", span_group_name=FINDINGS,
            prune_on_target_overlap=True,
        )
        self.context.add(list(_rules(rules_file)))

    def read(self, text: str, spans: Sequence[tuple[int, int]] = (),
             labels: Sequence[str] = ()) -> tuple[list[Status], list[Scope]]:
        """The status of each finding at the character spans given, and the scope of every
        modifier in `text` (for cues read outside the findings: injury, spread, durations).
        `labels` (the findings' ids, "blue_skin") let a rule apply to some findings only
        ("feeling a bit blue")."""
        doc = self._run(text, spans, labels)
        graph = doc._.context_graph
        # typing for the patient: what is said of them is the patient's own
        proxy = any(m.category.upper() == PROXY for m in (graph.modifiers if graph else ()))
        by_start = {(t.start_char, t.end_char): t for t in doc.spans[FINDINGS]}
        statuses = []
        for start, end in spans:
            target = by_start.get(_aligned(doc, start, end))
            categories = {m.category.upper() for m in target._.modifiers} if target else set()
            if target is not None and graph:
                categories |= _cue_runs_into(graph.modifiers, target)
            if proxy:
                categories.discard("FAMILY")
            statuses.append(
                next((s for c, s in CATEGORIES.items() if c in categories), Status.PRESENT)
            )
        scopes = []
        for modifier in graph.modifiers if graph else ():
            status = CATEGORIES.get(modifier.category.upper())
            if proxy and status is Status.OTHER_PERSON:
                continue
            first, last = modifier.scope_span
            if (status is None or modifier.direction.upper() in NO_SCOPE or last <= first
                    or modifier.allowed_types is not None):  # a rule for some findings only
                continue
            scopes.append(Scope(doc[first].idx, doc[last - 1].idx + len(doc[last - 1]), status))
        return statuses, scopes

    def statuses(self, text: str, spans: Sequence[tuple[int, int]],
                 labels: Sequence[str] = ()) -> list[Status]:
        return self.read(text, spans, labels)[0]

    def _run(self, text: str, spans: Sequence[tuple[int, int]],
             labels: Sequence[str] = ()) -> Doc:
        doc = self.nlp(text)
        targets = []
        for (start, end), label in zip_longest(spans, labels[:len(spans)], fillvalue=""):
            span = doc.char_span(start, end, label=str(label).upper(), alignment_mode="expand")
            if span is not None and len(span):
                targets.append(span)
        doc.spans[FINDINGS] = targets
        return self.context(doc)


def _aligned(doc: Doc, start: int, end: int) -> tuple[int, int]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return (span.start_char, span.end_char) if span is not None else (start, end)


def _rules(rules_file: Path) -> Iterable[ConTextRule]:
    config = yaml.safe_load(rules_file.read_text(encoding="utf-8"))
    # A default with the same words as one of the project's rules would match the same
    # span, and which of the two survived depended on the process: the project's rule wins.
    dropped = {str(literal).lower() for literal in config.get("drop_default", ())} | {
        str(rule["literal"]).lower() for rule in config["rules"]}
    default_file = Path(spacy.util.get_package_path("medspacy")).parent / "resources" / "en"
    defaults = json.loads((default_file / "context_rules.json").read_text(encoding="utf-8"))
    for rule in defaults["context_rules"]:
        if rule["literal"].lower() not in dropped:
            yield ConTextRule(
                literal=rule["literal"], category=rule["category"],
                pattern=rule.get("pattern"), direction=rule.get("direction", "BIDIRECTIONAL"),
                max_scope=rule.get("max_scope"), terminated_by=_ended_by(rule["category"]),
            )
    for rule in config["rules"]:
        yield ConTextRule(
            literal=str(rule["literal"]), category=rule["category"],
            pattern=rule.get("pattern"), direction=rule["direction"],
            max_scope=rule.get("max_scope"),
            terminated_by=_ended_by(rule["category"], rule.get("terminated_by", ()),
                                    rule.get("crosses_clauses", False)),
            allowed_types={t.upper() for t in rule["only"]} if "only" in rule else None,
        )


NOW = "NOW"  # "right now", "today": the present, after a hypothetical or a past clause
PROXY = "PROXY"  # "typing this for my dad": the patient is the person spoken of
CLAUSE = "CLAUSE"  # ", the GP ...", ", my ...": a new clause about the person
SELF = "SELF"  # "my", "I": the person speaking of themself ends someone else's mention
AND_SELF = "AND_SELF"  # "and my", "and I": ends someone else's mention, and a negation
STAYS_AFTER_NOW = frozenset({"NOT_A_SYMPTOM", "PSEUDO", "TERMINATE", SELF, AND_SELF, NOW,
                             PROXY, CLAUSE})


def _ended_by(category: str, others: Iterable[str] = (),
              crosses_clauses: bool = False) -> set[str] | None:
    """The categories that end a modifier's scope besides the terminators: "now" ends all
    but what is no finding; a new clause about the person (", the GP ...", ", my ...") ends
    all but what looks back over the whole story ("... it's been fine since")."""
    ended = set(others) | (set() if category.upper() in STAYS_AFTER_NOW else {NOW})
    if SELF in ended or category.upper() == "NEGATED_EXISTENCE":
        ended.add(AND_SELF)
    return ended | (set() if crosses_clauses else {CLAUSE})


@cache
def clinical_context() -> ClinicalContext:
    return ClinicalContext()


def annotate(text: str, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Sets each entity's assertion status in place; returns the message's ConText scopes.

    ConText's findings are the entities the vocabulary knows, and the numbers and times
    (scores, durations). DIET's free wordings ("damp out", "good colour") are not: as
    findings they would swallow the cue words inside them. They get the status of the
    scopes they lie in."""
    placed = [e for e in entities if "start" in e and "end" in e]
    findings = [e for e in placed if _is_finding(e)]
    spans = [(e["start"], e["end"]) for e in findings]
    labels = [str(e.get("value") or "") for e in findings]
    statuses, scopes = clinical_context().read(text, spans, labels)
    for entity, status in zip(findings, statuses, strict=True):
        entity[ASSERTION] = status.value
    for entity in placed:
        if entity not in findings:
            entity[ASSERTION] = status_at(scopes, entity["start"], entity["end"]).value
    return [{"start": s.start, "end": s.end, "status": s.status.value} for s in scopes]


def _is_finding(entity: dict[str, Any]) -> bool:
    """A vocabulary id ("numbness"), or an entity the vocabulary has no ids for (a score)."""
    ids = vocabulary().entries.get(str(entity.get("entity")))
    return ids is None or entity.get("value") in ids
