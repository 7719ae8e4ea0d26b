"""How the language layer reads wordings of the kinds found in the blind sets of session 8:
each test is one general behaviour, written with sentences of our own."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_reading_people import level_of
from test_reading_strangers import record_of

from actions.triage import Level, assess
from language.answers import read_answer
from language.components import VocabularyEntityMapper


def test_someone_elses_body_part_after_a_full_stop_is_theirs(nlp: Language) -> None:
    # the cue "My gran's foot" took the full stop before it and ConText dropped it
    assert level_of(nlp, "My knee throbs. My gran's foot went cold and blue last year and "
                         "she was fine after surgery") is not Level.EMERGENCY
    assert level_of(nlp, "my grandad's foot has gone white and cold") is not Level.EMERGENCY
    assert level_of(nlp, "My knee throbs. My foot went cold and blue an hour ago") is (
        Level.EMERGENCY)


def test_asking_whether_it_is_normal_denies_nothing(nlp: Language) -> None:
    record = record_of(nlp, "my calf went puffy after the op, is that normal?")
    assert "swelling" in record.symptoms and "swelling" not in record.denied


def test_where_the_pain_goes_is_not_where_the_swelling_is(nlp: Language) -> None:
    record = record_of(nlp, "banged my knee on a table, it's a bit swollen and aches into the shin")
    assert record.locations == ["knee"] and "shin" in record.spread_to
    assert assess(record.history()).level is not Level.URGENT  # not a swollen leg (U-DVT)


@pytest.mark.parametrize("text", [
    "my legs have gone weak since yesterday, the pair of them",
    "weak legs since this morning, the two of them",
])
def test_both_legs_said_after_the_legs(nlp: Language, text: str) -> None:
    assert level_of(nlp, text) is Level.EMERGENCY


def test_a_misspelling_in_a_vocabulary_phrase_does_not_stop_that_typo_being_corrected(
        nlp: Language) -> None:
    record = record_of(nlp, "sharp pain in my fot when I walk")
    assert "foot" in record.locations


def test_a_free_wording_the_crf_tagged_is_read_as_the_phrase_it_nearly_repeats(
        nlp: Language) -> None:
    nearest = VocabularyEntityMapper().nearest
    assert nearest.canonical("symptom", [t.norm_ for t in nlp("coughin up some bloood")]) == (
        "coughing_blood")
    assert nearest.canonical("symptom", [t.norm_ for t in nlp("my knee")]) is None
    assert nearest.canonical("symptom", [t.norm_ for t in nlp("went to the shops")]) is None


@pytest.mark.parametrize(("question", "text", "expected"), [
    ("numbness_or_tingling", "nothing in my leg, just my fingers go tingly", "no"),
    ("weakness", "legs are fine, it's my arm that's weak", "no"),
    ("giving_way", "my other knee does that, not this one", "no"),
    ("numbness_or_tingling", "yes in my foot and my hands", "yes"),
    ("both_legs", "it was the left and now the right one's doing it too", "yes"),
    ("both_legs", "one only", "no"),
    ("cast", "a tight crepe bandage from A&E", "yes"),
    ("cast", "just a loose crepe bandage", "no"),
])
def test_answers_that_say_where(question: str, text: str, expected: str) -> None:
    assert read_answer(question, text, None)[0] == expected
