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
    "my legs have gone numb since last night, each of them",
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


# --- session 9 -------------------------------------------------------------------------

def test_ice_cold_says_how_cold_not_that_ice_was_on_it(nlp: Language) -> None:
    assert level_of(nlp, "twenty minutes ago my right foot turned ice cold and grey and "
                         "it hurts like mad") is Level.EMERGENCY
    assert level_of(nlp, "I had an ice pack on it and my foot went cold and pale, my knee "
                         "aches") is not Level.EMERGENCY


def test_a_question_put_to_the_person_is_no_finding(nlp: Language) -> None:
    assert level_of(nlp, "the physio asked if I had any numbness between my legs, I don't, "
                         "it's just my knee that aches") is not Level.EMERGENCY


def test_hot_and_sweaty_after_exercise_or_as_always_is_no_fever(nlp: Language) -> None:
    record = record_of(nlp, "I get hot and sweaty after the gym as usual and my knee is sore")
    assert "fever" not in record.symptoms
    assert level_of(nlp, "I'm hot and sweaty with chills and my knee is red, hot and "
                         "swollen") is Level.EMERGENCY


def test_advice_from_a_leaflet_said_with_its_source_is_hypothetical(nlp: Language) -> None:
    assert level_of(nlp, "the booklet from the hospital says chest pain with a swollen calf "
                         "is serious. my knee is just stiff") is not Level.EMERGENCY


def test_been_fine_since_looks_back_over_the_whole_story(nlp: Language) -> None:
    record = record_of(nlp, "Two years ago my knee went red and hot with a high temperature, "
                            "the doctors drained it and it's been fine since. Now it clicks")
    assert "fever" not in record.symptoms
    assert level_of(nlp, "my knee went red and hot last night, the GP is closed and now I "
                         "have a high temperature") is Level.EMERGENCY


def test_a_calf_crushed_inside_its_cast_is_tight(nlp: Language) -> None:
    assert "tightness" in record_of(nlp, "my calf feels like it's being squeezed inside the "
                                         "plaster").symptoms


@pytest.mark.parametrize("question, text, expected", [
    ("hot_red_knee", "nope, it's my heel that's gone red from my new shoes", "no"),
    ("calf_tight", "no, my calf is fine, it's the back of my thigh that feels tight", "no"),
    ("kneecap_tender", "the kneecap itself is fine, it's lower down on my shin that's sore",
     "no"),
    ("hot_red_knee", "yes, the knee and the ankle are both red", "yes"),
    ("calf_tight", "yeah my shin is really tight", "yes"),
])
def test_an_answer_said_of_another_place_of_the_leg(question: str, text: str,
                                                    expected: str) -> None:
    assert read_answer(question, text, None)[0] == expected
