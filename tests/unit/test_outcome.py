"""The outcome, the clinician summary and the history form's choice of questions."""

from __future__ import annotations

import asyncio
from datetime import date

from conftest import run_action, slots_of, tracker_with

from actions.history_form import ValidateHistoryForm
from actions.outcome import ActionClinicianSummary, ActionTriageOutcome, clinician_summary
from actions.understanding import Understanding

SELF_CARE = {
    "body_locations": ["kneecap"], "symptoms": ["pain"], "pain_score": "3", "duration": "10",
    "numbness_or_tingling": "no", "knee_swelling": "no", "catching_or_clicking": "no",
    "giving_way": "no", "injury": "no", "fever_or_unwell": "no", "cancer": "no",
    "weight_loss": "no", "night_pain": "no",
}
SCIATICA = {
    "body_locations": ["lower_back", "knee", "calf"], "symptoms": ["pain", "tingling"],
    "pain_spreads": True, "bladder_or_bowel_change": "no", "saddle_numbness": "unsure",
}


def outcome(slots: dict) -> tuple[list[dict], dict]:
    messages, events = run_action(ActionTriageOutcome(), tracker_with("", "deny", slots=slots))
    return messages, slots_of(events)


def test_self_care_outcome_gives_advice_reasons_safety_net_and_a_menu() -> None:
    messages, slots = outcome(SELF_CARE)
    text = "\n".join(m.get("text") or "" for m in messages)
    assert slots["triage_level"] == "self_care" and slots["red_flags"] == []
    assert "look after this at home" in text and "Why:" in text
    assert "Get help sooner" in text and "bladder" in text  # red flags in plain words
    menu = messages[-1]
    assert menu["response"] == "utter_what_next"
    assert {"Exercises", "Summary for my doctor", "Start over"} <= {
        b["title"] for b in menu["buttons"]}


def test_not_sure_on_a_red_flag_question_is_said_and_raises_the_level() -> None:
    messages, slots = outcome(SCIATICA)
    text = "\n".join(m.get("text") or "" for m in messages)
    assert slots["triage_level"] == "urgent"
    assert "not sure about a sign that can mean an emergency" in text
    assert "consistent with" in text and "Sciatica" in text and "not a diagnosis" in text
    assert slots["patterns"][0] == "sciatica"


def test_an_emergency_is_never_lowered_by_the_outcome() -> None:
    messages, slots = outcome({**SELF_CARE, "red_flags": ["E-CES"], "triage_level": "emergency"})
    assert slots["triage_level"] == "emergency"
    assert [m["response"] for m in messages] == ["utter_emergency_questions_stopped"]


def test_the_reminder_is_not_repeated_in_the_turn_of_the_emergency_answer() -> None:
    slots = {**SELF_CARE, "red_flags": ["E-CES"], "triage_level": "emergency"}
    tracker = tracker_with("I wet myself", "red_flag_cauda_equina", slots=slots)
    tracker.events = [{"event": "user", "text": "I wet myself"},
                      {"event": "slot", "name": "red_flags", "value": ["E-CES"]}]
    messages, events = run_action(ActionTriageOutcome(), tracker)
    assert messages == [] and slots_of(events)["triage_level"] == "emergency"


def test_the_clinician_summary_lists_what_was_reported() -> None:
    slots = {**SCIATICA, "triage_level": "urgent"}
    record = Understanding.from_slots(tracker_with("", "deny", slots=slots))
    summary = clinician_summary(record, tracker_with("", "deny", slots=slots),
                                date(2026, 11, 22))
    assert summary.startswith("Summary for a clinician (2026-11-22)")
    assert "lower back" in summary and "tingling" in summary
    assert "Answered no: new bladder or bowel control problems" in summary
    assert "Answered not sure: numbness in the saddle area" in summary
    assert "Triage advice: urgent" in summary and "U-NOTSURE" in summary


def test_a_summary_before_anything_was_said_says_so() -> None:
    messages, _ = run_action(ActionClinicianSummary(), tracker_with("summary", "request_summary"))
    assert [m["response"] for m in messages] == ["utter_nothing_to_summarise"]


def test_the_form_asks_only_what_is_still_open_and_stops_at_an_emergency() -> None:
    form = ValidateHistoryForm()

    def required(slots: dict) -> list[str]:
        return asyncio.run(form.required_slots([], None, tracker_with("", "deny", slots=slots),
                                               {}))

    assert required(SELF_CARE) == []
    first = required({"body_locations": ["knee", "foot"], "symptoms": ["numbness"]})
    assert first[:2] == ["bladder_or_bowel_change", "saddle_numbness"]
    assert "saddle_numbness" not in required(SCIATICA)  # answered "not sure"
    assert required({**SCIATICA, "symptoms": ["pain", "bladder_control_loss"]}) == []


def test_a_summary_before_the_outcome_says_the_advice_is_not_decided() -> None:
    record = Understanding.from_slots(tracker_with("", "deny", slots=SELF_CARE))
    summary = clinician_summary(record, tracker_with("", "deny", slots=SELF_CARE),
                                date(2026, 11, 22))
    assert "Triage advice: not decided yet" in summary
