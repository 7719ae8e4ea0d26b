"""Builds the project's own spaCy pipeline from `language/vocabulary.yml`.

The official English models cannot be downloaded here, so the pipeline is a blank English
tokenizer, the `vocabulary_spelling` component (language/spelling.py: sets `token.norm_` of
a misspelt word to its correction) and an `entity_ruler` whose patterns come from the
vocabulary: one entry per canonical id (its lay synonyms and typos). The patterns match on
NORM, so "my nee" finds the knee. Each pattern carries the canonical id as its spaCy `id`,
which `CanonicalSpacyEntityExtractor` reports as the entity value.

    python -m language.spacy_pipeline --out build/spacy/en_knee_pain
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from language.spelling import FACTORY as SPELLING
from language.vocabulary import DETERMINERS, OPTIONAL_WORD, SIDES, VOCABULARY_FILE, Vocabulary

PIPELINE_NAME = "knee_pain"

Pattern = dict[str, Any]


def norms(nlp: Language, word: str) -> list[str]:
    """What the tokenizer and the spelling component make of `word`: the NORM of each of
    its tokens ("couldn't" -> could, not; "can’t" -> can, not)."""
    doc = nlp.make_doc(word)
    if SPELLING in nlp.pipe_names:
        doc = nlp.get_pipe(SPELLING)(doc)
    return [token.norm_ for token in doc]


def phrase_tokens(nlp: Language, phrase: str) -> list[dict[str, Any]]:
    tokens: list[dict[str, Any]] = []
    for word in phrase.lower().split():
        if word == OPTIONAL_WORD:
            for optional in (DETERMINERS, SIDES):
                values = dict.fromkeys(n for w in optional for n in norms(nlp, w))
                tokens.append({"NORM": {"IN": list(values)}, "OP": "?"})
        else:
            tokens.extend({"NORM": norm} for norm in norms(nlp, word))
    return tokens


def patterns(nlp: Language, vocabulary: Vocabulary) -> Iterator[Pattern]:
    for entity, ids in vocabulary.entries.items():
        for canonical in ids:
            phrases = vocabulary.phrases(entity, canonical)
            # phone keyboards type a curly apostrophe: "can’t" as well as "can't" (the
            # tokenizer gives both the same norms, so most of these patterns are repeats)
            curly = [p.replace("'", "’") for p in phrases if "'" in p]
            seen: set[str] = set()
            for phrase in [*phrases, *curly]:
                tokens = phrase_tokens(nlp, phrase)
                if repr(tokens) not in seen:
                    seen.add(repr(tokens))
                    yield {"label": entity, "id": canonical, "pattern": tokens}


def build(vocabulary_path: Path = VOCABULARY_FILE) -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe(SPELLING, config={"vocabulary": _configured(vocabulary_path)})
    ruler = nlp.add_pipe("entity_ruler", config={"validate": True})
    ruler.add_patterns(list(patterns(nlp, Vocabulary.load(vocabulary_path))))
    nlp.meta["name"] = PIPELINE_NAME
    nlp.meta["description"] = (
        "Blank English + typo correction (vocabulary_spelling) + entity_ruler on NORM, "
        "built from language/vocabulary.yml"
    )
    return nlp


def _configured(vocabulary_path: Path) -> str | None:
    """The vocabulary path for the spelling component's config: None for the project's own
    file, so that the saved pipeline holds no path of this machine."""
    same = Path(vocabulary_path).resolve() == VOCABULARY_FILE.resolve()
    return None if same else str(vocabulary_path)


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
