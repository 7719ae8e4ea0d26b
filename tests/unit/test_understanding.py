from __future__ import annotations

from conftest import entity, run_action, tracker_with

from actions.understanding import ActionReflectUnderstanding, pain_score


def slots_of(events: list[dict]) -> dict:
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def test_a_description_is_reflected_back_with_spread_symptoms_and_duration() -> None:
    tracker = tracker_with(
        "my left knee is killing me and it shoots down to my ankle, foot all pins and needles "
        "for 3 weeks",
        "describe_symptoms",
        [
            entity("side", "left"),
            entity("body_location", "knee"),
            entity("symptom", "pain"),
            entity("body_location", "ankle"),
            entity("body_location", "foot"),
            entity("symptom", "tingling"),
            entity("symptom", "tingling"),  # found by both extractors
            entity("duration", "3 weeks"),
        ],
    )
    messages, events = run_action(ActionReflectUnderstanding(), tracker)

    summary = messages[0]["text"]
    assert "from your knee down to your ankle and foot (left side)" in summary
    assert "What you feel: pain and tingling" in summary
    assert "How long: 3 weeks" in summary
    assert messages[1]["response"] == "utter_history_follows"
    assert slots_of(events)["symptoms"] == ["pain", "tingling"]
    assert slots_of(events)["body_locations"] == ["knee", "ankle", "foot"]


def test_later_answers_add_to_what_was_said_before() -> None:
    tracker = tracker_with(
        "7/10",
        "give_pain_score",
        [entity("pain_score", "7/10")],
        slots={"symptoms": ["numbness"], "body_locations": ["shin"], "duration": "2 days"},
    )
    messages, events = run_action(ActionReflectUnderstanding(), tracker)

    assert "Pain score: 7 out of 10" in messages[0]["text"]
    assert "numbness" in messages[0]["text"] and "2 days" in messages[0]["text"]
    assert slots_of(events)["symptoms"] == ["numbness"]


def test_a_side_in_the_words_is_kept_when_no_entity_carried_it() -> None:
    tracker = tracker_with(
        "behind my right knee", "give_location", [entity("body_location", "back_of_knee")]
    )
    messages, _ = run_action(ActionReflectUnderstanding(), tracker)
    assert "back of the knee (right side)" in messages[0]["text"]


def test_nothing_understood_asks_where_and_what_without_changing_slots() -> None:
    messages, events = run_action(
        ActionReflectUnderstanding(), tracker_with("it's just bad", "describe_symptoms")
    )
    assert [m["response"] for m in messages] == ["utter_ask_where_and_what"]
    assert events == []


def test_pain_scores_are_read_from_numbers_and_words() -> None:
    assert pain_score("7/10") == "7"
    assert pain_score("about a six") == "6"
    assert pain_score("10!!") == "10"
    assert pain_score("no idea") is None


def test_a_red_flag_inside_an_ordinary_description_is_answered_as_an_emergency() -> None:
    text = "weird numbness in the saddle region and shooting pain down my leg"
    tracker = tracker_with(
        text,
        "describe_symptoms",
        [
            {"entity": "symptom", "value": "saddle_numbness", "start": 6},
            {"entity": "symptom", "value": "pain", "start": 47},
            {"entity": "body_location", "value": "leg", "start": 60},
        ],
    )
    messages, events = run_action(ActionReflectUnderstanding(), tracker)

    assert messages[0]["response"] == "utter_emergency_now"
    assert slots_of(events)["triage_level"] == "emergency"
    assert slots_of(events)["red_flags"] == ["E-CES"]


def test_a_negated_symptom_is_not_taken_as_said() -> None:
    text = "my knee is swollen but no fever"
    tracker = tracker_with(
        text,
        "describe_symptoms",
        [
            {"entity": "body_location", "value": "knee", "start": 3},
            {"entity": "symptom", "value": "swelling", "start": 11},
            {"entity": "symptom", "value": "fever", "start": 26},
        ],
    )
    messages, events = run_action(ActionReflectUnderstanding(), tracker)
    assert slots_of(events)["symptoms"] == ["swelling"]
    assert "triage_level" not in slots_of(events)
