"""The project's NLU components, on messages shaped as the Rasa pipeline shapes them."""

from __future__ import annotations

from rasa.shared.nlu.training_data.message import Message

from language.components import InputGuard, VocabularyEntityMapper


def message(text: str, intent: str = "describe_symptoms", entities: list | None = None) -> Message:
    return Message(
        data={
            "text": text,
            "intent": {"name": intent, "confidence": 0.9},
            "intent_ranking": [{"name": intent, "confidence": 0.9}],
            "entities": entities or [],
        }
    )


def test_raw_entity_values_become_vocabulary_ids() -> None:
    msg = message(
        "pins and needles behind my knee",
        entities=[
            {"entity": "symptom", "value": "pins and needles", "extractor": "DIETClassifier"},
            {"entity": "body_location", "value": "behind my knee", "extractor": "DIETClassifier"},
            {"entity": "duration", "value": "3 weeks", "extractor": "DIETClassifier"},
            {"entity": "symptom", "value": "wobbly feeling", "extractor": "DIETClassifier"},
        ],
    )
    VocabularyEntityMapper().process([msg])
    assert [e["value"] for e in msg.get("entities")] == [
        "tingling",
        "back_of_knee",
        "3 weeks",
        "wobbly feeling",
    ]


def test_unreadable_messages_go_to_the_fallback_intent() -> None:
    msg = message("😭😭", intent="greet")
    InputGuard().process([msg])
    assert msg.get("intent")["name"] == "nlu_fallback"
    assert msg.get("intent_ranking")[0]["name"] == "nlu_fallback"


def test_readable_messages_keep_their_intent() -> None:
    msg = message("my knee hurts")
    InputGuard().process([msg])
    assert msg.get("intent")["name"] == "describe_symptoms"


def test_a_red_flag_in_a_very_long_message_keeps_its_intent() -> None:
    msg = message("blah " * 500 + "and i cant control my bladder", intent="red_flag_cauda_equina")
    InputGuard().process([msg])
    assert msg.get("intent")["name"] == "red_flag_cauda_equina"


def ranked(text: str, *names: str) -> Message:
    ranking = [{"name": n, "confidence": 0.9 - 0.1 * i} for i, n in enumerate(names)]
    return Message(data={"text": text, "intent": dict(ranking[0]), "intent_ranking": ranking,
                         "entities": []})


def test_a_greeting_with_more_in_it_and_an_answer_taken_for_a_question_are_statements() -> None:
    afternoon = ranked("hello, this afternoon", "greet", "ask_causes", "give_duration")
    five = ranked("About five when it comes on", "ask_knee_foot_numbness", "give_pain_score")
    question = ranked("what causes this?", "ask_causes", "describe_symptoms")
    InputGuard().process([afternoon, five, question])
    assert afternoon.get("intent")["name"] == "give_duration"
    assert five.get("intent")["name"] == "give_pain_score"
    assert question.get("intent")["name"] == "ask_causes"


def test_an_answer_taken_for_start_over_is_an_answer_and_start_over_still_restarts() -> None:
    answer = ranked("yes still the same even with rest", "restart", "affirm", "describe_symptoms")
    again = ranked("can we start over", "restart", "affirm")
    InputGuard().process([answer, again])
    assert answer.get("intent")["name"] == "affirm"
    assert again.get("intent")["name"] == "restart"


def described(text: str, intent: str, *symptoms: str) -> Message:
    msg = ranked(text, intent, "describe_symptoms")
    msg.data["entities"] = [{"entity": "symptom", "value": s} for s in symptoms]
    return msg


def test_a_description_taken_for_a_question_is_a_description_and_questions_stay() -> None:
    clicks = described("my knee clicks and gives way on the stairs", "ask_causes",
                       "clicking", "giving_way")
    why = described("why does my foot go numb?", "ask_causes", "numbness")
    sore = described("exercises for knee pain", "ask_exercises", "pain")
    InputGuard().process([clicks, why, sore])
    assert clicks.get("intent")["name"] == "describe_symptoms"
    assert why.get("intent")["name"] == "ask_causes"
    assert sore.get("intent")["name"] == "ask_exercises"


def test_a_question_put_by_word_order_alone_keeps_its_intent() -> None:
    """No question mark: "can my knee make my foot numb" asks; "can barely walk, foot numb"
    taken for a question describes."""
    asked = described("can my knee make my foot numb", "ask_knee_foot_numbness", "numbness")
    cause = described("can arthritis in the knee cause foot tingling", "ask_knee_foot_numbness",
                      "tingling")
    told = described("can barely walk and my foot is numb", "ask_knee_foot_numbness",
                     "numbness")
    InputGuard().process([asked, cause, told])
    assert asked.get("intent")["name"] == "ask_knee_foot_numbness"
    assert cause.get("intent")["name"] == "ask_knee_foot_numbness"
    assert told.get("intent")["name"] == "describe_symptoms"
