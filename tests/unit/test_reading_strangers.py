"""Wording found in conversations written by people who never read our data, read end to
end without the trained model: the vocabulary pipeline finds the findings, ConText gives
their status, the record keeps only the person's own current ones, the core decides."""

from __future__ import annotations

import pytest
from spacy.language import Language

from actions.triage import Level, assess
from actions.understanding import Understanding
from language.assertion import annotate
from language.status import CONTEXT
from language.vocabulary import Vocabulary, places_inside_phrases


def record_of(nlp: Language, text: str, intent: str = "describe_symptoms",
              extra: tuple[dict, ...] = ()) -> Understanding:
    """The record of one message, with the pipeline's entities and any `extra` ones (as
    DIET would add them)."""
    doc = nlp(text)
    found = [{"entity": e.label_, "value": e.ent_id_, "start": e.start_char,
              "end": e.end_char} for e in doc.ents]
    found += places_inside_phrases(doc, Vocabulary.load()) + list(extra)
    message = {"text": text, "intent": {"name": intent}, "entities": found,
               CONTEXT: annotate(text, found)}
    record = Understanding()
    record.add_message(message)
    return record


def test_how_long_is_not_read_from_a_past_illness(nlp: Language) -> None:
    record = record_of(nlp, "Ache round my kneecap. I had sciatica a few years back, physio "
                            "sorted it and it's never come back")
    assert "duration" not in record.answers
    record = record_of(nlp, "my knee has ached for three weeks")
    assert record.answers["duration"] == "21"


def test_sore_down_the_shin_is_where_the_pain_goes_not_where_the_swelling_is(
        nlp: Language) -> None:
    record = record_of(nlp, "Banged my knee on the coffee table on Saturday, it's bruised "
                            "and a bit puffy and sore down the front of my shin")
    assert record.locations == ["knee"] and record.spread_to == ["shin"]
    assert record.answers.get("injury") == "yes"
    decision = assess(record.history())
    assert "U-DVT" not in [hit.rule_id for hit in decision.fired]


@pytest.mark.parametrize("text", [
    "came off my bike and smacked my knee on the kerb",
    "I twisted it playing football",
    "fell down the stairs last night",
])
def test_an_injury_told_in_passing_is_recorded(nlp: Language, text: str) -> None:
    assert record_of(nlp, text).answers.get("injury") == "yes"


def test_not_bearing_weight_is_a_finding(nlp: Language) -> None:
    record = record_of(nlp, "fell off a ladder this morning, knee is swollen and I can "
                            "barely put weight on it")
    assert record.history().cannot_bear_weight is True


@pytest.mark.parametrize("text", [
    "no, both feet look the same",
    "no, both feet are warm and pink",
    "My feet are a normal colour and warm.",
    "it's worse when it's chilly and damp out",
])
def test_comparisons_and_weather_are_not_findings(nlp: Language, text: str) -> None:
    record = record_of(nlp, text)
    assert record.side is None
    assert not {"warmth", "chills"} & set(record.symptoms)


def test_between_the_legs_and_dribbling_are_emergency_words(nlp: Language) -> None:
    numb = record_of(nlp, "it's gone numb around my backside and between my legs")
    assert assess(numb.history()).level is Level.EMERGENCY
    pee = record_of(nlp, "since last night I can barely pee, it just dribbles")
    assert assess(pee.history()).level is Level.EMERGENCY


def test_dye_off_new_jeans_is_not_a_blue_leg(nlp: Language) -> None:
    record = record_of(nlp, "btw shin looked blue earlier, turned out it was dye off my new "
                            "jeans. washed off")
    assert "blue_skin" not in record.symptoms


def test_a_side_the_classifier_cut_badly_is_not_a_second_side(nlp: Language) -> None:
    text = "Ache in my lower back and right buttock that runs down into my calf"
    record = record_of(nlp, text)
    record.add_message({"text": text, "intent": {"name": "describe_symptoms"}, "entities": [
        {"entity": "side", "value": "right buttock", "start": 26, "end": 39}]})
    assert record.side == "right"


def test_how_long_an_activity_lasts_is_not_how_long_the_pain_has(nlp: Language) -> None:
    sitting = record_of(nlp, "my kneecap hurts going up n down stairs and when i sit in "
                             "class for ages")
    assert "duration" not in sitting.answers
    walking = record_of(nlp, "my knee has ached for three weeks, worse when walking")
    assert walking.answers["duration"] == "21"


def test_a_number_in_a_past_clause_is_not_a_pain_score(nlp: Language) -> None:
    text = ("ache behind my kneecap on the stairs. I had a blood clot in that leg about ten "
            "years ago after an operation, completely fine since")
    ten = text.index("ten")  # as DIET marks it
    record = record_of(nlp, text, extra=(
        {"entity": "pain_score", "value": "ten", "start": ten, "end": ten + 3},))
    assert "pain_score" not in record.answers
