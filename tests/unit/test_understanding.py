from __future__ import annotations

from conftest import at, entity, run_action, slots_of, tracker_with

from actions.understanding import ActionReflectUnderstanding, Understanding, days_text


def understood(text: str, intent: str, entities: list[dict], **slots) -> Understanding:
    record = Understanding.from_slots(tracker_with(text, intent, entities, slots=slots))
    record.add_message({"text": text, "intent": {"name": intent}, "entities": entities})
    return record


def test_a_description_is_kept_as_canonical_ids_with_spread_side_and_duration() -> None:
    text = ("my left knee is killing me and it shoots down to my ankle, foot all pins and "
            "needles for 3 weeks")
    record = understood(text, "describe_symptoms", [
        entity("side", "left"), entity("body_location", "knee"), entity("symptom", "pain"),
        entity("body_location", "ankle"), entity("body_location", "foot"),
        entity("symptom", "tingling"), entity("symptom", "tingling"),  # both extractors
        entity("duration", "3 weeks"),
    ])
    assert record.symptoms == ["pain", "tingling"]
    assert record.locations == ["knee", "ankle", "foot"]
    assert record.answers["duration"] == "21"
    lines = "\n".join(record.summary_lines())
    assert "from your knee down to your ankle and foot (left side)" in lines
    assert "How long: 3 weeks" in lines


def test_negated_symptoms_are_kept_as_denied_within_their_clause_only() -> None:
    text = "my knee is swollen but I don't have any fever, no numbness, but my foot tingles"
    record = understood(text, "describe_symptoms", [
        at(text, "symptom", "swelling", "swollen"), at(text, "symptom", "fever"),
        at(text, "symptom", "numbness"), at(text, "symptom", "tingling", "tingles"),
    ])
    assert record.symptoms == ["swelling", "tingling"]
    assert record.denied == ["fever", "numbness"]
    history = record.history()
    assert history.fever is False and history.swelling is True and history.tingling is True


def test_what_was_said_before_is_kept_and_an_injury_is_recorded() -> None:
    text = "twisted it playing football"
    record = understood(text, "report_injury",
                        [at(text, "risk_factor", "twisting_injury", "twisted it")],
                        symptoms=["numbness"], body_locations=["shin"])
    assert record.symptoms == ["numbness"] and record.answers["injury"] == "yes"
    assert record.history().injury is True


def test_an_injury_intent_without_words_of_injury_leaves_the_question_open() -> None:
    # "since I started cycling to work" classed report_injury: no fall, twist or knock is
    # said, so the injury question is asked rather than the answer assumed
    record = understood("since I started cycling to work", "report_injury", [])
    assert "injury" not in record.answers and record.history().injury is None


def test_answers_to_questions_reach_the_triage_core() -> None:
    tracker = tracker_with("", "deny", slots={
        "body_locations": ["knee"], "pain_score": "3", "duration": "10",
        "numbness_or_tingling": "no", "cannot_bear_weight": "yes", "saddle_numbness": "unsure",
    })
    history = Understanding.from_slots(tracker).history()
    assert history.pain_score == 3 and history.duration_days == 10
    assert history.numbness is False and history.weakness is False
    assert history.cannot_bear_weight is False  # "Can you take 4 steps?" yes
    assert history.not_sure == frozenset({"saddle_numbness"})


def test_the_reflection_says_back_what_is_in_the_slots() -> None:
    tracker = tracker_with("behind my right knee", "give_location", slots={
        "body_locations": ["back_of_knee"], "side": "right", "pain_score": "7"})
    messages, events = run_action(ActionReflectUnderstanding(), tracker)
    assert "Where: the back of your knee (right side)" in messages[0]["text"]
    assert "Pain score: 7 out of 10" in messages[0]["text"]
    assert events == []


def test_nothing_understood_asks_where_and_what() -> None:
    messages, _ = run_action(
        ActionReflectUnderstanding(), tracker_with("it's just bad", "describe_symptoms")
    )
    assert [m["response"] for m in messages] == ["utter_ask_where_and_what"]


def test_after_an_emergency_answer_the_reflection_stays_quiet() -> None:
    tracker = tracker_with("my leg", "describe_symptoms", slots={
        "body_locations": ["leg"], "triage_level": "emergency", "red_flags": ["E-ISCH"]})
    assert run_action(ActionReflectUnderstanding(), tracker) == ([], [])


def test_durations_read_back_in_plain_words() -> None:
    assert [days_text(d) for d in (0, 1, 5, 14, 21, 30, 75, 365)] == [
        "since today", "1 day", "5 days", "2 weeks", "3 weeks", "about 4 weeks",
        "about 2 months", "1 year"]


def test_slot_events_round_trip() -> None:
    record = understood("numb foot", "describe_symptoms", [entity("symptom", "numbness")])
    again = Understanding.from_slots(tracker_with("", "greet", slots=slots_of(
        [{"event": "slot", "name": e["name"], "value": e["value"]}
         for e in record.slot_events()])))
    assert again == record


def test_a_duration_or_score_is_read_from_the_words_when_the_span_is_cut_short() -> None:
    text = "killing me for 3 weeks and it's a 7/10"
    record = understood(text, "describe_symptoms", [
        entity("duration", "weeks and"), entity("pain_score", "7/")])
    assert record.answers["duration"] == "21" and record.answers["pain_score"] == "7"


def test_how_long_is_read_from_a_description_even_without_an_entity() -> None:
    record = understood("tingling down to my calf, had it since tuesday", "describe_symptoms",
                        [entity("symptom", "tingling")])
    assert record.answers["duration"].isdigit()
    record = understood("what is sciatica, I've wondered for ages", "ask_condition_info", [])
    assert "duration" not in record.answers


def test_a_place_chosen_on_the_leg_picture_is_taken_from_the_payload() -> None:
    record = Understanding()
    record.add_message({"text": '/give_location{"body_location": "calf"}',
                        "intent": {"name": "give_location"},
                        "entities": [entity("body_location", "calf"), entity("side", "left"),
                                     entity("body_location", "<b>elbow</b>")]})
    assert record.locations == ["calf"] and record.side == "left"


def test_a_part_of_a_part_is_said_back_as_the_persons_own() -> None:
    text = "pain behind my knee and my calf is swollen"
    record = understood(text, "describe_symptoms", [
        at(text, "body_location", "back_of_knee", "behind my knee"),
        at(text, "body_location", "calf")])
    assert "• Where: the back of your knee and your calf" in record.summary_lines()
