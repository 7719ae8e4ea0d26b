"""Custom Rasa NLU components of this project (referenced by dotted path in config.yml)."""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
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

from language.input_checks import InputProblem, input_problem
from language.vocabulary import Vocabulary

RED_FLAG_INTENT_PREFIX = "red_flag_"
DESCRIPTION = "describe_symptoms"


class _Stateless(GraphComponent):
    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> GraphComponent:
        return cls()


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

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            for entity in message.get(ENTITIES, []):
                value = entity.get(ENTITY_ATTRIBUTE_VALUE)
                if isinstance(value, str):
                    canonical = self.vocabulary.canonical(entity[ENTITY_ATTRIBUTE_TYPE], value)
                    if canonical:
                        entity[ENTITY_ATTRIBUTE_VALUE] = canonical
        return messages


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class InputGuard(_Stateless):
    """Sends unreadable messages (empty, emoji only, very long, markup, another language)
    to `nlu_fallback`, so the assistant asks again instead of guessing.

    A message classified as a red flag keeps its intent: an emergency is answered even when
    it is buried in a very long message. A readable message the classifier was unsure of,
    but which names a symptom or a place in the leg ("I have pain in my knee"), is a
    description of the pain.
    """

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
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
