"""The robustness suite (tests/robustness/) is never trained on: none of its messages or
answers is a training example, and the training data is not copied from it."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())


def _training_examples() -> set[str]:
    examples = set()
    for path in (ROOT / "data").rglob("*.yml"):
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
            for line in str(block.get("examples", "")).splitlines():
                text = re.sub(r"\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\{[^}]*\}", r"\1\2",
                              line.lstrip("- "))
                if text.strip():
                    examples.add(_normal(text))
    return examples


def _suite_texts() -> list[str]:
    """Single messages and answers, and every sentence of the whole conversations."""
    texts = []
    for path in (ROOT / "tests" / "robustness").glob("*.yml"):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            texts.append(entry.get("text") or entry.get("answer") or "")
    for path in (ROOT / "tests" / "robustness" / "conversations").glob("*.yml"):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            texts.append(str(entry["opening"]))
            texts += [str(a) for a in (entry.get("answers") or {}).values()]
            if entry.get("news"):
                texts.append(str(entry["news"]["text"]))
    return texts


def test_the_suite_is_large_enough_to_measure():
    assert len(_suite_texts()) >= 200


def test_no_suite_sentence_is_a_training_example():
    examples = _training_examples()
    assert len(examples) > 500  # the training data was read
    # short answers ("about 3 weeks", "no") are ordinary words, not a leak
    leaked = [t for t in _suite_texts() if len(t.split()) > 4 and _normal(t) in examples]
    assert leaked == []
