"""Consistency checks for the NLU training data, the held-out NLU test set and the vocabulary.

PyYAML only (no Rasa import), so these run in the plain unit-test step before training. The
red-flag intents are those of language/red_flags.yml.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Dict, Iterator, List, Set, Tuple

import pytest
import yaml

from language.red_flags import red_flag_intents

ROOT = Path(__file__).resolve().parents[2]
VOCABULARY = ROOT / "language" / "vocabulary.yml"
TRAIN_DIR = ROOT / "data" / "nlu"
TEST_DIR = ROOT / "tests" / "nlu"

VOCABULARY_ENTITIES = {
    "symptom",
    "body_location",
    "side",
    "onset",
    "activity",
    "risk_factor",
    "condition",
}
FREE_SPAN_ENTITIES = {"duration", "pain_score"}

BASIC_INTENTS = [
    "greet",
    "goodbye",
    "thank",
    "affirm",
    "deny",
    "unsure",
    "bot_challenge",
    "restart",
    "out_of_scope",
    "describe_symptoms",
    "give_location",
    "give_duration",
    "give_pain_score",
    "report_injury",
    "request_summary",
    "delete_conversation",
]
RED_FLAG_INTENTS = sorted(red_flag_intents())
QUESTION_INTENTS = [
    "ask_causes",
    "ask_condition_info",
    "ask_treatment",
    "ask_exercises",
    "ask_prevention",
    "ask_when_see_doctor",
    "ask_knee_foot_numbness",
]
MIN_TRAIN = {
    **{i: 30 for i in BASIC_INTENTS},
    **{i: 25 for i in RED_FLAG_INTENTS + QUESTION_INTENTS},
}
MIN_TEST = 8

# [text](entity)  or  [text]{"entity": "...", "value": "..."}
ANNOTATION = re.compile(r"\[(?P<text>[^\[\]]+)\](?:\((?P<short>[^()]+)\)|(?P<long>\{[^{}]*\}))")

Entity = Tuple[str, str, str]  # (entity, value, surface text)


def _nlu_files(directory: Path) -> List[Path]:
    return sorted(directory.glob("**/*.yml")) + sorted(directory.glob("**/*.yaml"))


def _examples(directory: Path) -> Dict[str, List[str]]:
    """intent -> raw (annotated) example strings, from every NLU file under directory."""
    by_intent: Dict[str, List[str]] = defaultdict(list)
    for path in _nlu_files(directory):
        content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for block in content.get("nlu", []) or []:
            if "intent" not in block:
                continue
            for line in str(block.get("examples", "")).splitlines():
                line = line.strip()
                if line.startswith("- "):
                    by_intent[block["intent"]].append(line[2:].strip())
    return by_intent


def _entities(example: str) -> Iterator[Entity]:
    for match in ANNOTATION.finditer(example):
        text = match.group("text")
        if match.group("short"):
            yield match.group("short").strip(), text, text
        else:
            spec = json.loads(match.group("long"))
            yield spec["entity"], str(spec.get("value", text)), text


def _plain(example: str) -> str:
    text = ANNOTATION.sub(lambda m: m.group("text"), example)
    return " ".join(text.lower().split())


def _vocabulary() -> Dict[str, Dict[str, List[str]]]:
    return yaml.safe_load(VOCABULARY.read_text(encoding="utf-8"))


def _phrase_key(phrase: str) -> str:
    """Normalise a phrase roughly as the entity_ruler sees it (case, spaces, hyphens)."""
    phrase = phrase.replace("_", " ").lower()
    phrase = re.sub(r"([^\w\s'~])", r" \1 ", phrase)
    return " ".join(phrase.split())


@pytest.fixture(scope="module")
def train() -> Dict[str, List[str]]:
    return _examples(TRAIN_DIR)


@pytest.fixture(scope="module")
def test() -> Dict[str, List[str]]:
    return _examples(TEST_DIR)


@pytest.fixture(scope="module")
def canonical_ids() -> Dict[str, Set[str]]:
    return {entity: set(ids) for entity, ids in _vocabulary().items()}


def test_vocabulary_has_expected_shape() -> None:
    vocabulary = _vocabulary()
    assert set(vocabulary) == VOCABULARY_ENTITIES
    for entity, ids in vocabulary.items():
        assert isinstance(ids, dict) and ids, entity
        for canonical, phrases in ids.items():
            assert re.fullmatch(r"[a-z][a-z_]*", canonical), canonical
            assert isinstance(phrases, list), f"{entity}.{canonical}"
            for phrase in phrases:
                assert isinstance(phrase, str) and phrase.strip(), (
                    f"{entity}.{canonical}: {phrase!r}"
                )
                assert phrase.strip() != "~", f"{entity}.{canonical}"


def test_no_phrase_under_two_canonical_ids() -> None:
    owner: Dict[str, str] = {}
    clashes = []
    for entity, ids in _vocabulary().items():
        for canonical, phrases in ids.items():
            for phrase in [canonical, *phrases]:
                key = _phrase_key(phrase)
                here = f"{entity}.{canonical}"
                if key in owner and owner[key] != here:
                    clashes.append(f"{phrase!r}: {owner[key]} and {here}")
                owner.setdefault(key, here)
    assert not clashes, "\n".join(clashes)


def test_no_phrase_listed_twice_under_the_same_id() -> None:
    repeats = []
    for entity, ids in _vocabulary().items():
        for canonical, phrases in ids.items():
            counts = Counter(_phrase_key(p) for p in [canonical, *phrases])
            repeats += [f"{entity}.{canonical}: {k!r}" for k, n in counts.items() if n > 1]
    assert not repeats, "\n".join(repeats)


def test_brief_examples_are_in_the_vocabulary() -> None:
    vocabulary = _vocabulary()
    expected = {
        ("symptom", "tingling"): ["pins and needles", "tingly"],
        ("symptom", "foot_drop"): ["can't lift ~ foot"],
        ("body_location", "back_of_knee"): ["behind ~ knee", "back of ~ knee"],
        ("side", "both"): ["both sides", "either side", "bilateral"],
    }
    for (entity, canonical), phrases in expected.items():
        for phrase in phrases:
            assert phrase in vocabulary[entity][canonical], (entity, canonical, phrase)
    phrases = {_phrase_key(p) for ids in vocabulary.values() for ps in ids.values() for p in ps}
    assert "both legs" not in phrases, "'both legs' must give side=both and body_location=leg"


@pytest.mark.parametrize("directory", [TRAIN_DIR, TEST_DIR], ids=["train", "test"])
def test_vocabulary_entity_values_are_canonical_ids(directory: Path, canonical_ids) -> None:
    bad = []
    for intent, examples in _examples(directory).items():
        for example in examples:
            for entity, value, text in _entities(example):
                if entity in VOCABULARY_ENTITIES and value not in canonical_ids[entity]:
                    bad.append(f"{intent}: {entity}={value!r} ({text!r}) in {example!r}")
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("directory", [TRAIN_DIR, TEST_DIR], ids=["train", "test"])
def test_only_known_entities_are_annotated(directory: Path) -> None:
    known = VOCABULARY_ENTITIES | FREE_SPAN_ENTITIES
    unknown = {
        (entity, example)
        for examples in _examples(directory).values()
        for example in examples
        for entity, _, _ in _entities(example)
        if entity not in known
    }
    assert not unknown, sorted(unknown)


@pytest.mark.parametrize("directory", [TRAIN_DIR, TEST_DIR], ids=["train", "test"])
def test_free_spans_carry_no_value_mapping(directory: Path) -> None:
    mapped = [
        example
        for examples in _examples(directory).values()
        for example in examples
        for entity, value, text in _entities(example)
        if entity in FREE_SPAN_ENTITIES and value != text
    ]
    assert not mapped, mapped


def test_same_surface_text_maps_to_one_value() -> None:
    values: Dict[Tuple[str, str], Set[str]] = defaultdict(set)
    for directory in (TRAIN_DIR, TEST_DIR):
        for examples in _examples(directory).values():
            for example in examples:
                for entity, value, text in _entities(example):
                    if entity in VOCABULARY_ENTITIES:
                        values[(" ".join(text.lower().split()), entity)].add(value)
    conflicts = {key: v for key, v in values.items() if len(v) > 1}
    assert not conflicts, conflicts


@pytest.mark.parametrize("directory", [TRAIN_DIR, TEST_DIR], ids=["train", "test"])
def test_no_example_under_two_intents(directory: Path) -> None:
    seen: Dict[str, str] = {}
    clashes = []
    for intent, examples in _examples(directory).items():
        for example in examples:
            key = _plain(example)
            if key in seen and seen[key] != intent:
                clashes.append(f"{key!r}: {seen[key]} and {intent}")
            seen.setdefault(key, intent)
    assert not clashes, "\n".join(clashes)


def test_held_out_examples_do_not_appear_in_training(train, test) -> None:
    training = {_plain(e) for examples in train.values() for e in examples}
    leaked = [e for examples in test.values() for e in examples if _plain(e) in training]
    assert not leaked, leaked


@pytest.mark.parametrize("intent", sorted(MIN_TRAIN))
def test_intent_has_enough_training_examples(intent: str, train) -> None:
    assert len(train.get(intent, [])) >= MIN_TRAIN[intent]


@pytest.mark.parametrize("intent", sorted(MIN_TRAIN))
def test_intent_has_enough_test_examples(intent: str, test) -> None:
    assert len(test.get(intent, [])) >= MIN_TEST


def test_no_unexpected_intents(train, test) -> None:
    assert set(train) == set(MIN_TRAIN)
    assert set(test) <= set(MIN_TRAIN)


def test_condition_questions_name_a_condition(train) -> None:
    without = [
        e
        for e in train["ask_condition_info"]
        if not any(entity == "condition" for entity, _, _ in _entities(e))
    ]
    assert len(without) <= len(train["ask_condition_info"]) // 5, without
