"""Builds the project's own spaCy pipeline from `language/vocabulary.yml`.

The official English models cannot be downloaded here, so the pipeline is a blank English
tokenizer plus an `entity_ruler` whose patterns come from the vocabulary: one entry per
canonical id (its lay synonyms and typos). Each pattern carries the canonical id as its
spaCy `id`, which `CanonicalSpacyEntityExtractor` reports as the entity value.

    python -m language.spacy_pipeline --out build/spacy/en_knee_pain
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from language.vocabulary import DETERMINERS, OPTIONAL_WORD, SIDES, VOCABULARY_FILE, Vocabulary

PIPELINE_NAME = "knee_pain"

Pattern = dict[str, Any]


def phrase_tokens(nlp: Language, phrase: str) -> list[dict[str, Any]]:
    tokens: list[dict[str, Any]] = []
    for word in phrase.lower().split():
        if word == OPTIONAL_WORD:
            tokens.append({"LOWER": {"IN": list(DETERMINERS)}, "OP": "?"})
            tokens.append({"LOWER": {"IN": list(SIDES)}, "OP": "?"})
        else:
            tokens.extend({"LOWER": token.lower_} for token in nlp.make_doc(word))
    return tokens


def patterns(nlp: Language, vocabulary: Vocabulary) -> Iterator[Pattern]:
    for entity, ids in vocabulary.entries.items():
        for canonical in ids:
            phrases = vocabulary.phrases(entity, canonical)
            # phone keyboards type a curly apostrophe: "can’t" as well as "can't"
            curly = [p.replace("'", "’") for p in phrases if "'" in p]
            for phrase in dict.fromkeys([*phrases, *curly]):
                yield {"label": entity, "id": canonical, "pattern": phrase_tokens(nlp, phrase)}


def build(vocabulary_path: Path = VOCABULARY_FILE) -> Language:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"validate": True})
    ruler.add_patterns(list(patterns(nlp, Vocabulary.load(vocabulary_path))))
    nlp.meta["name"] = PIPELINE_NAME
    nlp.meta["description"] = "Blank English + entity_ruler built from language/vocabulary.yml"
    return nlp


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder to save the pipeline to")
    parser.add_argument("--vocabulary", type=Path, default=VOCABULARY_FILE)
    args = parser.parse_args()
    nlp = build(args.vocabulary)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(args.out)
    count = len(nlp.get_pipe("entity_ruler").patterns)
    print(f"spaCy pipeline with {count} vocabulary patterns saved to {args.out}")


if __name__ == "__main__":
    main()
