"""The NLU's FindingStatus and RedFlagGate: a red-flag intent alarms only where the words
bear it out; below its confidence, or contradicted, the red flag is screened or dropped."""

from __future__ import annotations

from rasa.shared.nlu.training_data.message import Message

from language.components import FindingStatus, InputGuard, RedFlagGate
from language.red_flags import SCREEN


def parsed(text: str, ranking: list[tuple[str, float]], entities=()) -> Message:
    """A message as the classifier leaves it, entities placed by the words they cover."""
    placed = []
    for name, value, words in entities:
        start = text.index(words)
        placed.append({"entity": name, "value": value, "start": start, "end": start + len(words)})
    intents = [{"name": n, "confidence": c} for n, c in ranking]
    msg = Message(data={"text": text, "intent": dict(intents[0]), "intent_ranking": intents,
                        "entities": placed})
    FindingStatus().process([msg])
    return msg


GATE = RedFlagGate({"confidence": 0.8})


def intent_of(msg: Message) -> str:
    return msg.get("intent")["name"]


def test_a_confident_red_flag_said_plainly_alarms():
    msg = parsed("I've wet myself and my legs are numb", [("red_flag_cauda_equina", 0.97),
                                                         ("describe_symptoms", 0.02)],
                 [("symptom", "bladder_control_loss", "wet myself")])
    GATE.process([msg])
    assert intent_of(msg) == "red_flag_cauda_equina" and msg.get(SCREEN) is None


def test_someone_elses_red_flag_does_not_alarm_and_is_not_screened():
    msg = parsed("my dad lost control of his bladder after his back op",
                 [("red_flag_cauda_equina", 0.95), ("describe_symptoms", 0.03)],
                 [("symptom", "bladder_control_loss", "lost control of his bladder")])
    GATE.process([msg])
    assert intent_of(msg) == "describe_symptoms" and msg.get(SCREEN) is None


def test_someone_elses_red_flag_after_a_hypothetical_one_does_not_alarm_either():
    text = ("if my foot ever went cold I would call 999 but right now its just a sore knee, "
            "my dad lost control of his bladder after his back op")
    msg = parsed(text, [("red_flag_cauda_equina", 0.95), ("describe_symptoms", 0.03)],
                 [("symptom", "cold_skin", "went cold"),
                  ("symptom", "bladder_control_loss", "lost control of his bladder")])
    GATE.process([msg])
    assert [e["assertion"] for e in msg.get("entities")] == ["hypothetical", "other_person"]
    assert intent_of(msg) == "describe_symptoms" and msg.get(SCREEN) is None


def test_a_hypothetical_in_lay_words_the_vocabulary_does_not_know_does_not_alarm():
    msg = parsed("if my foot ever went a funny shade I would call 999 but its just a sore knee",
                 [("red_flag_cold_leg", 0.91), ("describe_symptoms", 0.05)])
    GATE.process([msg])
    assert intent_of(msg) == "describe_symptoms" and msg.get(SCREEN) is None


def test_an_unsure_red_flag_is_screened_not_answered_as_an_emergency():
    msg = parsed("my knee gave way on the stairs this morning and now its really swollen",
                 [("red_flag_septic_knee", 0.46), ("describe_symptoms", 0.4)],
                 [("symptom", "swelling", "swollen")])
    GATE.process([msg])
    assert intent_of(msg) == "describe_symptoms"
    assert msg.get(SCREEN) == "red_flag_septic_knee"


def test_a_confident_red_flag_the_words_do_not_name_beside_a_past_finding_is_screened():
    text = ("i put ice on it last night and it went all cold and numb for a bit"
            " but it was fine after")
    msg = parsed(text, [("red_flag_cold_leg", 0.92), ("report_injury", 0.03)],
                 [("symptom", "numbness", "numb")])
    GATE.process([msg])
    assert msg.get("entities")[0]["assertion"] == "historical"
    assert intent_of(msg) != "red_flag_cold_leg"
    assert msg.get(SCREEN) == "red_flag_cold_leg"


def test_a_question_about_a_red_flag_stays_a_question():
    msg = parsed("what happens if you lose control of your bladder with sciatica?",
                 [("red_flag_cauda_equina", 0.6), ("ask_condition_info", 0.35)])
    GATE.process([msg])
    assert intent_of(msg) == "ask_condition_info"


def test_negated_findings_are_marked_for_the_record():
    msg = parsed("no problems with my bladder or bowels, just knee pain",
                 [("describe_symptoms", 0.9)],
                 [("symptom", "bladder_control_loss", "bladder"), ("symptom", "pain", "pain")])
    assert [e["assertion"] for e in msg.get("entities")] == ["negated", "present"]


def test_a_time_taken_for_a_greeting_is_not_one():
    msg = parsed("this afternoon", [("greet", 0.6), ("give_duration", 0.3)])
    InputGuard().process([msg])
    assert intent_of(msg) == "give_duration"
    hello = parsed("hello there", [("greet", 0.9), ("give_duration", 0.05)])
    InputGuard().process([hello])
    assert intent_of(hello) == "greet"


def test_a_compartment_intent_with_no_pain_said_asks_about_the_pain():
    """E-COMPART needs the rising pain too (policy section 2): a tight, swollen shin with
    no pain in the words is asked about, not alarmed; with a pain said it alarms."""
    quiet = parsed("fell off my bike, my shin is swollen and tight",
                   [("red_flag_compartment", 0.97), ("describe_symptoms", 0.02)],
                   [("symptom", "swelling", "swollen"), ("symptom", "tightness", "tight")])
    sore = parsed("fell off my bike, my shin is swollen, tight and the pain is unbearable",
                  [("red_flag_compartment", 0.97), ("describe_symptoms", 0.02)],
                  [("symptom", "swelling", "swollen"), ("symptom", "tightness", "tight"),
                   ("symptom", "pain", "pain")])
    GATE.process([quiet, sore])
    assert intent_of(quiet) != "red_flag_compartment" and quiet.get(SCREEN)
    assert intent_of(sore) == "red_flag_compartment" and sore.get(SCREEN) is None
