"""The message listener: answers read as typed, red flags answered on the turn they are said."""

from __future__ import annotations

import pytest
from conftest import at, run_action, slots_of, tracker_with

from actions.listener import ActionListenToEveryMessage
from actions.red_flags import RED_FLAG_INTENTS

LISTEN = ActionListenToEveryMessage()
KNEE_AND_NUMB_FOOT = {"body_locations": ["knee", "foot"], "symptoms": ["numbness"]}


def answer(text: str, question: str, intent: str = "deny", entities=None, **slots):
    """The listener's messages and slots when `text` answers the pending `question`."""
    tracker = tracker_with(text, intent, entities or [],
                           slots={**KNEE_AND_NUMB_FOOT, **slots, "requested_slot": question},
                           active_loop="history_form")
    messages, events = run_action(LISTEN, tracker)
    return messages, slots_of(events)


@pytest.mark.parametrize(("text", "intent", "stored"), [
    ("nope", "deny", "no"),
    ("yeah", "affirm", "yes"),
    ("not sure", "unsure", "unsure"),
    ("sort of", "unsure", "partial"),
    ("/affirm", "affirm", "yes"),
    ("no, but my foot is numb", "describe_symptoms", "no"),
])
def test_yes_no_and_not_sure_are_read_from_free_text(text, intent, stored) -> None:
    messages, slots = answer(text, "saddle_numbness", intent)
    assert slots["saddle_numbness"] == stored


@pytest.mark.parametrize(("question", "text", "stored"), [
    ("pain_score", "about a six", "6"),
    ("pain_score", "7/10", "7"),
    ("pain_score", "really bad", "8"),
    ("duration", "a couple of months", "60"),
    ("duration", "3 weeks", "21"),
    ("age", "I'm 58", "58"),
    ("onset", "all of a sudden", "sudden"),
    ("age", "dunno", "unsure"),
])
def test_numbers_durations_and_choices_are_read(question, text, stored) -> None:
    _, slots = answer(text, question, "give_pain_score")
    assert slots[question] == stored


def test_several_facts_in_one_answer_fill_every_slot_they_mention() -> None:
    text = "no, but my foot is cold and white and it's been 2 weeks"
    _, slots = answer(text, "saddle_numbness", "describe_symptoms", [
        at(text, "symptom", "cold_skin", "cold"), at(text, "symptom", "pale_skin", "white"),
        at(text, "duration", "2 weeks")])
    assert slots["saddle_numbness"] == "no"
    assert {"cold_skin", "pale_skin"} <= set(slots["symptoms"])
    assert slots["duration"] == "14"
    assert slots["triage_level"] == "emergency" and slots["red_flags"] == ["E-ISCH"]


def test_an_unreadable_answer_is_asked_again_once_then_taken_as_not_sure() -> None:
    messages, slots = answer("purple monkey", "pain_score", "nlu_fallback")
    assert [m["response"] for m in messages] == ["utter_help_pain_score"]
    assert slots["pain_score"] is None and slots["question_tries"] == {"pain_score": 1}

    messages, slots = answer("purple monkey", "pain_score", "nlu_fallback",
                             question_tries={"pain_score": 1})
    assert [m["response"] for m in messages] == ["utter_taken_as_not_sure"]
    assert slots["pain_score"] == "unsure"


def test_an_impossible_value_gets_a_clear_question_again() -> None:
    messages, slots = answer("150", "age", "give_pain_score")
    assert [m["response"] for m in messages] == ["utter_help_age"]
    assert slots["age"] is None


def test_a_question_mid_form_is_not_taken_as_an_answer() -> None:
    _, slots = answer("what is sciatica?", "saddle_numbness", "ask_condition_info")
    assert "saddle_numbness" not in slots  # the form steps aside; the question is answered


def test_a_yes_to_a_red_flag_question_is_an_emergency_at_once() -> None:
    messages, slots = answer("yes", "bladder_or_bowel_change", "affirm")
    assert messages[0]["response"] == "utter_emergency_now"
    assert slots["triage_level"] == "emergency" and slots["red_flags"] == ["E-CES"]


@pytest.mark.parametrize("intent", ["ask_condition_info", "greet", "out_of_scope", "thank"])
def test_a_red_flag_is_caught_whatever_the_intent(intent: str) -> None:
    text = "what is sciatica? also I wet myself this morning"
    tracker = tracker_with(text, intent, [
        at(text, "symptom", "bladder_control_loss", "wet myself")])
    messages, events = run_action(LISTEN, tracker)
    assert messages[0]["response"] == "utter_emergency_now"
    assert slots_of(events)["red_flags"] == ["E-CES"]


def test_a_red_flag_said_across_turns_is_caught() -> None:
    text = "and now I'm short of breath"
    tracker = tracker_with(text, "describe_symptoms", [
        at(text, "symptom", "breathlessness", "short of breath")],
        slots={"body_locations": ["calf"], "symptoms": ["swelling", "pain"]})
    messages, events = run_action(LISTEN, tracker)
    assert messages[0]["response"] == "utter_emergency_now"
    assert slots_of(events)["red_flags"] == ["E-PE"]


@pytest.mark.parametrize("intent", sorted(RED_FLAG_INTENTS))
def test_a_red_flag_intent_is_left_to_action_red_flag_so_nothing_is_said_twice(intent) -> None:
    text = "I wet myself"
    tracker = tracker_with(text, intent, [at(text, "symptom", "bladder_control_loss", "wet")])
    messages, _ = run_action(LISTEN, tracker)
    assert messages == []


def test_a_negated_red_flag_is_not_an_emergency() -> None:
    text = "no numbness between my legs and no trouble peeing"
    tracker = tracker_with(text, "deny", [
        at(text, "symptom", "saddle_numbness", "numbness between my legs"),
        at(text, "symptom", "urine_retention", "trouble peeing")])
    messages, events = run_action(LISTEN, tracker)
    assert messages == [] and "triage_level" not in slots_of(events)
    assert set(slots_of(events)["denied_symptoms"]) == {"saddle_numbness", "urine_retention"}


def test_an_announced_red_flag_is_not_announced_again() -> None:
    text = "my foot is still cold"
    tracker = tracker_with(text, "describe_symptoms", [at(text, "symptom", "cold_skin", "cold")],
                           slots={"symptoms": ["cold_skin"], "red_flags": ["E-ISCH"],
                                  "triage_level": "emergency"})
    messages, _ = run_action(LISTEN, tracker)
    assert messages == []


def test_other_news_instead_of_an_answer_is_kept_and_the_question_follows() -> None:
    text = "my ankle hurts too"
    messages, slots = answer(text, "pain_score", "describe_symptoms",
                             [at(text, "body_location", "ankle")])
    assert messages == [{**messages[0], "response": "utter_noted", "what": "your ankle"}]
    assert "ankle" in slots["body_locations"]
    assert slots["pain_score"] is None  # asked again, once


def test_a_place_picked_on_the_leg_picture_mid_question_is_acknowledged() -> None:
    messages, slots = answer('/give_location{"body_location":"calf"}', "injury", "give_location",
                             [{"entity": "body_location", "value": "calf"}])
    assert [m["response"] for m in messages] == ["utter_noted"]
    assert messages[0]["what"] == "your calf"
    assert "calf" in slots["body_locations"] and slots["injury"] is None


@pytest.mark.parametrize(("text", "intent"), [
    ("what exercises can I do?", "ask_exercises"),
    ("can I have a summary for my doctor", "request_summary"),
    ("can I have a summary for my doctor", "describe_symptoms"),
    ("I do yoga and pilates twice a week at the gym", "describe_symptoms"),
])
def test_a_yes_word_inside_a_longer_sentence_is_not_an_answer(text: str, intent: str) -> None:
    _, slots = answer(text, "deformity", intent)
    assert slots.get("deformity") is None
    assert "triage_level" not in slots


@pytest.mark.parametrize(("text", "response"), [
    ("my knee " * 200, "utter_help_too_long"),
    ("me duele mucho la rodilla y tengo hormigueo en el pie desde hace semanas",
     "utter_help_in_english"),
    ("banana", "utter_help_yes_no"),
])
def test_a_message_that_cannot_be_read_gets_help_for_that(text: str, response: str) -> None:
    messages, slots = answer(text, "deformity", "nlu_fallback")
    assert [m["response"] for m in messages] == [response]
    assert slots["deformity"] is None  # and the question comes again


def test_news_given_instead_of_an_answer_is_never_taken_as_not_sure():
    """Two messages of news at a yes/no question ("about 3 weeks", "my ankle hurts too") are
    each acknowledged, and the question stays open: news is not a failed try."""
    slots = {"requested_slot": "weakness", "question_tries": {"weakness": 1}}
    text = "my ankle hurts too"
    tracker = tracker_with(text, "describe_symptoms", [at(text, "body_location", "ankle")],
                           slots=slots, active_loop="history_form")
    messages, events = run_action(LISTEN, tracker)
    after = slots_of(events)
    assert after["weakness"] is None and after["question_tries"] == {"weakness": 1}
    assert "ankle" in after["body_locations"]
    assert [m.get("response") for m in messages] == ["utter_noted"]
