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
from pathlib import Path
from typing import Any

import spacy
import yaml
from medspacy.context import ConText, ConTextRule
from spacy.tokens import Doc, Span

from language.status import ASSERTION, CATEGORIES, Scope, Status

RULES_FILE = Path(__file__).with_name("context_rules.yml")
FINDINGS = "findings"  # the span group ConText reads
NO_SCOPE = frozenset({"TERMINATE", "PSEUDO"})  # directions that modify nothing


class ClinicalContext:
    """A blank English tokenizer, a sentencizer and ConText with the project's rules."""

    def __init__(self, rules_file: Path = RULES_FILE) -> None:
        self.nlp = spacy.blank("en")
        self.nlp.add_pipe("sentencizer")
        self.context = ConText(
            self.nlp, rules=None, input_span_type="group", span_group_name=FINDINGS
        )
        self.context.add(list(_rules(rules_file)))

    def scopes(self, text: str, spans: Sequence[tuple[int, int]] = ()) -> list[Scope]:
        """The scopes of every modifier in `text`. The findings' spans are passed so that
        a modifier inside a finding ("no feeling in my foot") is not applied to it."""
        doc = self._run(text, spans)
        graph = doc._.context_graph
        found = []
        for modifier in graph.modifiers if graph else ():
            status = CATEGORIES.get(modifier.category.upper())
            start, end = modifier.scope_span
            if status is None or modifier.direction.upper() in NO_SCOPE or end <= start:
                continue
            found.append(Scope(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), status))
        return found

    def statuses(self, text: str, spans: Sequence[tuple[int, int]]) -> list[Status]:
        """The status of each finding at the character spans given."""
        doc = self._run(text, spans)
        targets: list[Span] = list(doc.spans[FINDINGS])
        results = []
        by_start = {(t.start_char, t.end_char): t for t in targets}
        for start, end in spans:
            target = by_start.get(_aligned(doc, start, end))
            categories = {m.category.upper() for m in target._.modifiers} if target else set()
            results.append(
                next((s for c, s in CATEGORIES.items() if c in categories), Status.PRESENT)
            )
        return results

    def _run(self, text: str, spans: Sequence[tuple[int, int]]) -> Doc:
        doc = self.nlp(text)
        targets = []
        for start, end in spans:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span):
                targets.append(span)
        doc.spans[FINDINGS] = targets
        return self.context(doc)


def _aligned(doc: Doc, start: int, end: int) -> tuple[int, int]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return (span.start_char, span.end_char) if span is not None else (start, end)


def _rules(rules_file: Path) -> Iterable[ConTextRule]:
    config = yaml.safe_load(rules_file.read_text(encoding="utf-8"))
    dropped = {str(literal).lower() for literal in config.get("drop_default", ())}
    default_file = Path(spacy.util.get_package_path("medspacy")).parent / "resources" / "en"
    defaults = json.loads((default_file / "context_rules.json").read_text(encoding="utf-8"))
    for rule in defaults["context_rules"]:
        if rule["literal"].lower() not in dropped:
            yield ConTextRule(
                literal=rule["literal"], category=rule["category"],
                pattern=rule.get("pattern"), direction=rule.get("direction", "BIDIRECTIONAL"),
                max_scope=rule.get("max_scope"),
            )
    for rule in config["rules"]:
        yield ConTextRule(
            literal=str(rule["literal"]), category=rule["category"],
            pattern=rule.get("pattern"), direction=rule["direction"],
            max_scope=rule.get("max_scope"),
            terminated_by=set(rule["terminated_by"]) if "terminated_by" in rule else None,
        )


@cache
def clinical_context() -> ClinicalContext:
    return ClinicalContext()


def annotate(text: str, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Sets each entity's assertion status in place; returns the message's ConText scopes."""
    context = clinical_context()
    placed = [e for e in entities if "start" in e and "end" in e]
    spans = [(e["start"], e["end"]) for e in placed]
    for entity, status in zip(placed, context.statuses(text, spans), strict=True):
        entity[ASSERTION] = status.value
    return [
        {"start": s.start, "end": s.end, "status": s.status.value}
        for s in context.scopes(text, spans)
    ]
