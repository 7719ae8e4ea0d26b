"""The project's spaCy pipeline, as Rasa's SpacyNLP loads it from disk.

`rasa test` does not score SpacyEntityExtractor, so the vocabulary is tested here."""

from __future__ import annotations

import pytest
from conftest import entities
from spacy.language import Language

from language.vocabulary import Vocabulary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "my foot's gone all pins and needles",
            [("body_location", "foot"), ("symptom", "tingling")],
        ),
        ("it hurts behind my knee", [("symptom", "pain"), ("body_location", "back_of_knee")]),
        ("I can't lift my foot properly", [("symptom", "foot_drop")]),
        ("i cant lift my foot", [("symptom", "foot_drop")]),
        ("i can’t lift my foot", [("symptom", "foot_drop")]),
        ("BURNING in my SHIN", [("symptom", "burning"), ("body_location", "shin")]),
        ("numbess in the calf", [("symptom", "numbness"), ("body_location", "calf")]),
        ("my knee keeps giving way", [("body_location", "knee"), ("symptom", "giving_way")]),
    ],
)
def test_lay_wording_gives_canonical_ids(nlp: Language, text: str, expected: list) -> None:
    assert entities(nlp, text) == expected


def test_the_longest_phrase_wins(nlp: Language) -> None:
    assert entities(nlp, "back of the knee") == [("body_location", "back_of_knee")]


def test_a_side_inside_a_location_phrase_keeps_the_location(nlp: Language) -> None:
    assert ("body_location", "back_of_knee") in entities(nlp, "behind my left knee")


def test_nothing_is_found_in_small_talk(nlp: Language) -> None:
    assert entities(nlp, "hello, how are you today?") == []


def test_every_vocabulary_phrase_finds_its_own_id(nlp: Language) -> None:
    vocabulary = Vocabulary.load()
    wrong = []
    for entity, ids in vocabulary.entries.items():
        for canonical in ids:
            for phrase in vocabulary.phrases(entity, canonical):
                text = phrase.replace("~", "my")
                found = entities(nlp, text)
                if (entity, canonical) not in found:
                    wrong.append(f"{phrase!r} -> {found} (expected {entity}:{canonical})")
    assert not wrong, "\n".join(wrong)

