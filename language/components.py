"""Custom Rasa NLU components of this project (referenced by dotted path in config.yml)."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

# Registers the `vocabulary_spelling` spaCy factory: Rasa imports this module (it is named
# in config.yml) before SpacyNLP calls spacy.load on build/spacy/en_knee_pain, whose
# pipeline has that component. Not in language/__init__.py: the action server imports
# language.vocabulary and would then load spaCy (and TensorFlow through thinc) for nothing.
import language.spelling  # noqa: F401
import runtime.action_results
from language.answers import answers_like, asks_in_word_order, is_only_greeting
from language.assertion import annotate
from language.input_checks import InputProblem, input_problem
from language.nearest import NearestPhrase
from language.red_flags import SCREEN, red_flag_intents
from language.status import ASSERTION, CONTEXT, Status
from language.vocabulary import Vocabulary, places_inside_phrases

# The Rasa server imports this module whenever it loads the model: the place to change how
# it runs (runtime/action_results.py: the action server's responses checked faster).
runtime.action_results.install()

SPACY_DOC = "text_spacy_doc"  # where Rasa's SpacyNLP keeps the message's spaCy Doc
RED_FLAG_INTENT_PREFIX = "red_flag_"
DESCRIPTION = "describe_symptoms"
GREETING = "greet"
RESTART = "restart"


class _Stateless(GraphComponent):
    """A component with nothing trained or stored: built from its configuration alone."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> GraphComponent:
        return cls.from_config(config)

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> GraphComponent:
        return cls()


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class WordsIntentClassifier(LogisticRegressionClassifier):
    """Rasa's LogisticRegressionClassifier, which raises on a message without a single word
    (a Slack mention with nothing after it, a blank message): scikit-learn gets no
    features. Such a message is `nlu_fallback` here, and InputGuard asks for words."""

    def process(self, messages: list[Message]) -> list[Message]:
        worded = [m for m in messages if m.get_sparse_features(TEXT)[1] is not None]
        if worded:
            super().process(worded)
        for message in messages:
            if message.get_sparse_features(TEXT)[1] is None:
                fallback = {INTENT_NAME_KEY: DEFAULT_NLU_FALLBACK_INTENT_NAME,
                            PREDICTED_CONFIDENCE_KEY: 1.0}
                message.set(INTENT, fallback, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [dict(fallback)], add_to_output=True)
        return messages


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class VocabularyEntityMapper(_Stateless):
    """Maps entity values onto the canonical ids of `language/vocabulary.yml`.

    SpacyEntityExtractor reports the matched text ("pins and needles") and DIET reports the
    text it tagged; both become the canonical id ("tingling") when the vocabulary knows
    the wording. Values it does not know are left as they are. Works like Rasa's
    EntitySynonymMapper, with the vocabulary file as the synonym list.
    """

    def __init__(self, vocabulary: Vocabulary | None = None) -> None:
        self.vocabulary = vocabulary or Vocabulary.load()

    @cached_property
    def nearest(self) -> NearestPhrase:
        """Free wordings the CRF tagged, read as the vocabulary phrase they nearly repeat."""
        import spacy

        return NearestPhrase(self.vocabulary, language.spelling.speller(),
                             spacy.blank("en").make_doc)

    def _nearest_in(self, doc: Any, entity: dict[str, Any]) -> str | None:
        start, end = entity.get("start"), entity.get("end")
        span = doc.char_span(start, end, alignment_mode="expand") if doc and (
            start is not None and end is not None) else None
        if span is None:
            return None
        return self.nearest.canonical(entity[ENTITY_ATTRIBUTE_TYPE],
                                      [t.norm_ for t in span if not t.is_punct])

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            doc = message.get(SPACY_DOC)
            ruled = {(e.start_char, e.end_char): e.ent_id_ for e in doc.ents} if doc else {}
            for entity in message.get(ENTITIES, []):
                value = entity.get(ENTITY_ATTRIBUTE_VALUE)
                if not isinstance(value, str):
                    continue
                # the vocabulary pattern's id: a typo corrected by the spelling step ("nee")
                # matched its pattern, so the span carries the id the typed text lacks
                canonical = self.vocabulary.canonical(entity[ENTITY_ATTRIBUTE_TYPE], value) or (
                    ruled.get((entity.get("start"), entity.get("end")))) or (
                    self._nearest_in(doc, entity))
                if canonical and canonical in self.vocabulary.entries.get(
                        entity[ENTITY_ATTRIBUTE_TYPE], {}):
                    entity[ENTITY_ATTRIBUTE_VALUE] = canonical
            if doc:
                kept = [e for e in message.get(ENTITIES, [])
                        if not _inside_another_phrase(e, doc.ents)]
                spans = {(e.get("start"), e.get("end")) for e in kept}
                places = [dict(place, extractor=type(self).__name__)
                          for place in places_inside_phrases(doc, self.vocabulary)
                          if (place["start"], place["end"]) not in spans]
                message.set(ENTITIES, kept + places)
        return messages


def _inside_another_phrase(entity: dict[str, Any], phrases: Any) -> bool:
    """Whether DIET's entity is a word of a longer vocabulary phrase of the same kind that
    means something else: "blue" in "black and blue" is the bruise, not blue skin."""
    start, end = entity.get("start"), entity.get("end")
    if start is None or end is None:
        return False
    return any(
        p.label_ == entity.get(ENTITY_ATTRIBUTE_TYPE) and p.start_char <= start
        and end <= p.end_char and (p.start_char, p.end_char) != (start, end)
        and p.ent_id_ != entity.get(ENTITY_ATTRIBUTE_VALUE)
        for p in phrases
    )


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class InputGuard(_Stateless):
    """Sends unreadable messages (empty, emoji only, very long, markup, another language)
    to `nlu_fallback`, so the assistant asks again instead of guessing.

    A message taken for a greeting that is not only one ("this afternoon") gets the next
    intent. A message classified as a red flag keeps its intent: an emergency is answered even when
    it is buried in a very long message. A readable message the classifier was unsure of,
    but which names a symptom or a place in the leg ("I have pain in my knee"), is a
    description of the pain.
    """

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            self._not_only_a_greeting(message)
            self._not_a_question(message)
            problem = input_problem(message.get(TEXT))
            if problem is None and self._describes_pain_unsure(message):
                description = {INTENT_NAME_KEY: DESCRIPTION, PREDICTED_CONFIDENCE_KEY: 1.0}
                message.data[INTENT] = description
                message.data.setdefault(INTENT_RANKING_KEY, []).insert(0, dict(description))
            if problem is None or self._is_red_flag(message, problem):
                continue
            fallback = {
                INTENT_NAME_KEY: DEFAULT_NLU_FALLBACK_INTENT_NAME,
                PREDICTED_CONFIDENCE_KEY: 1.0,
            }
            message.data[INTENT] = fallback
            message.data.setdefault(INTENT_RANKING_KEY, []).insert(0, dict(fallback))
        return messages

    @staticmethod
    def _not_only_a_greeting(message: Message) -> None:
        """"this afternoon", "morning, it's about a 6" are not greetings: the next intent."""
        intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        if intent != GREETING or is_only_greeting(message.get(TEXT) or ""):
            return
        _take_the_next_statement(message)

    @staticmethod
    def _not_a_question(message: Message) -> None:
        """"About five when it comes on" taken for a question about nerves, "yes still the
        same even with rest" for "start over" (which would forget the whole history), "my
        knee clicks and gives way on the stairs" for a question about causes: an answer or
        a description, so the next intent that is a statement. A description is a message
        that asks nothing and says symptoms of the person's own."""
        intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY) or ""
        if not (intent.startswith("ask_") or intent == RESTART):
            return
        text = message.get(TEXT) or ""
        describes = (intent != RESTART and not asks_in_word_order(text)
                     and bool(_said(message) - {"pain"}))
        if not (answers_like(text) or describes):
            return
        _take_the_next_statement(message)

    @staticmethod
    def _describes_pain_unsure(message: Message) -> bool:
        intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        entities = {e.get("entity") for e in message.get(ENTITIES) or []}
        return intent == DEFAULT_NLU_FALLBACK_INTENT_NAME and bool(
            entities & {"symptom", "body_location"}
        )

    @staticmethod
    def _is_red_flag(message: Message, problem: InputProblem) -> bool:
        intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY) or ""
        return problem is not InputProblem.EMPTY and intent.startswith(RED_FLAG_INTENT_PREFIX)


def _take_the_next_statement(message: Message) -> None:
    """The message's intent becomes the best ranked one that is neither a greeting, a
    question, a red flag nor the fallback (unchanged when there is none)."""
    ranking = [r for r in message.get(INTENT_RANKING_KEY) or []
               if r.get(INTENT_NAME_KEY) not in (GREETING, RESTART,
                                                 DEFAULT_NLU_FALLBACK_INTENT_NAME)
               and not str(r.get(INTENT_NAME_KEY)).startswith(("ask_", RED_FLAG_INTENT_PREFIX))]
    if ranking:
        message.data[INTENT] = dict(ranking[0])
        message.data[INTENT_RANKING_KEY] = ranking


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class FindingStatus(_Stateless):
    """Gives every entity, from either extractor, its assertion status (language/assertion.py:
    medspaCy ConText): present, negated, hypothetical, historical, someone else's, or not a
    finding at all. The message also carries the scopes, for cues read outside entities."""

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if text and not text.startswith("/"):
                message.set(CONTEXT, annotate(text, message.get(ENTITIES, [])), add_to_output=True)
        return messages


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False
)
class RedFlagGate(_Stateless):
    """A red-flag intent alarms only where the words bear it out (language/red_flags.yml).

    Kept when the classifier is confident of it and nothing in the message makes one of its
    findings negated, hypothetical, past or someone else's. Otherwise the message becomes a
    description (or the question it also was), and, unless the words contradict it, the
    red flag is screened: its questions are asked at once. A two-part red flag of which the
    words name only one part is screened too (`requires`). Findings the vocabulary reads
    still alarm through the triage core, whatever the intent."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"confidence": 0.8}

    def __init__(self, config: dict[str, Any]) -> None:
        self.confidence = float(config["confidence"])

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> GraphComponent:
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            self._gate(message)
        return messages

    def _gate(self, message: Message) -> None:
        ranking = [r for r in message.get(INTENT_RANKING_KEY) or []
                   if r.get(INTENT_NAME_KEY) != DEFAULT_NLU_FALLBACK_INTENT_NAME]
        if not ranking or ranking[0][INTENT_NAME_KEY] not in red_flag_intents():
            return
        flag = red_flag_intents()[ranking[0][INTENT_NAME_KEY]]
        top = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        confident = top == flag.intent and ranking[0][PREDICTED_CONFIDENCE_KEY] >= self.confidence
        contradicted = _contradicted(message, flag.findings)
        if confident and not contradicted and not flag.half_said(_said(message)) and not (
                _unsure_of(message, flag.findings)):
            return
        if not contradicted:
            message.set(SCREEN, flag.intent, add_to_output=True)
        if top == DEFAULT_NLU_FALLBACK_INTENT_NAME and not contradicted:
            return  # InputGuard decides what an unsure message is; the screen stands
        other = next((r for r in ranking[1:] if not r[INTENT_NAME_KEY].startswith(
            RED_FLAG_INTENT_PREFIX) and r[INTENT_NAME_KEY].startswith("ask_")
            and r[PREDICTED_CONFIDENCE_KEY] >= 0.3), None)
        name = other[INTENT_NAME_KEY] if other else DESCRIPTION
        replacement = {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: 1.0}
        message.data[INTENT] = replacement
        message.data[INTENT_RANKING_KEY] = [dict(replacement)] + [
            r for r in message.get(INTENT_RANKING_KEY) or [] if r[INTENT_NAME_KEY] != name]


def _said(message: Message) -> set[str]:
    """The symptom ids the message says as the person's own, current findings."""
    return {e.get(ENTITY_ATTRIBUTE_VALUE) for e in message.get(ENTITIES, [])
            if e.get(ENTITY_ATTRIBUTE_TYPE) == "symptom"
            and e.get(ASSERTION, Status.PRESENT.value) == Status.PRESENT.value}


def _unsure_of(message: Message, findings: frozenset[str]) -> bool:
    """True when the words name none of the red flag's findings and some other finding of
    the message is not the person's current one ("I put ice on it and it went all cold and
    numb for a bit but it was fine after"): the intent alone does not alarm; its screening
    questions are asked."""
    entities = [e for e in message.get(ENTITIES, []) if e.get(ENTITY_ATTRIBUTE_TYPE) == "symptom"]
    if any(e.get(ENTITY_ATTRIBUTE_VALUE) in findings for e in entities):
        return False
    return any(e.get(ASSERTION, Status.PRESENT.value) != Status.PRESENT.value for e in entities)


def _contradicted(message: Message, findings: frozenset[str]) -> bool:
    """True when the words make the red flag's findings not the person's current ones: one
    of them is negated, hypothetical, past or someone else's, or none is said plainly and
    some part of the message is."""
    entities = [e for e in message.get(ENTITIES, []) if e.get(ENTITY_ATTRIBUTE_TYPE) == "symptom"]
    statuses = [e.get(ASSERTION, Status.PRESENT.value) for e in entities
                if e.get(ENTITY_ATTRIBUTE_VALUE) in findings]
    if any(s != Status.PRESENT.value for s in statuses):
        return True
    if Status.PRESENT.value in statuses:
        return False
    return any(scope["status"] != Status.PRESENT.value for scope in message.get(CONTEXT) or [])
