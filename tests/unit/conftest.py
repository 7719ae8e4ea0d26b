"""Helpers for running rasa-sdk actions as the action server does."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
import spacy
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from spacy.language import Language

from language.assertion import annotate
from language.spacy_pipeline import build
from language.status import CONTEXT


def tracker_with(
    text: str,
    intent: str,
    entities: list[dict[str, Any]] | None = None,
    slots: dict[str, Any] | None = None,
    active_loop: str | None = None,
) -> Tracker:
    """A tracker whose latest message is `text`, as Rasa would send it to an action."""
    entities = entities or []
    message = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.95},
        "entities": entities,
        # what the NLU's FindingStatus adds: each entity's assertion, the ConText scopes
        CONTEXT: annotate(text, entities) if not text.startswith("/") else [],
    }
    loop = {"name": active_loop} if active_loop else {}
    return Tracker("user", slots or {}, message, [], False, None, loop, "action_listen")


def run_action(action: Action, tracker: Tracker) -> tuple[list[dict[str, Any]], list[dict]]:
    """The messages the action sends and the events it returns."""
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, {}))
    return dispatcher.messages, events


def entity(name: str, value: str) -> dict[str, Any]:
    return {"entity": name, "value": value}


def at(text: str, entity_name: str, value: str, phrase: str | None = None) -> dict[str, Any]:
    """An entity as the extractors give it, with its position in `text`."""
    start = text.index(phrase or value)
    return {"entity": entity_name, "value": value, "start": start,
            "end": start + len(phrase or value)}


def slots_of(events: list[dict[str, Any]]) -> dict[str, Any]:
    """The last value each slot was set to by the events."""
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


@pytest.fixture(scope="session")
def nlp(tmp_path_factory: pytest.TempPathFactory) -> Language:
    """The project's spaCy pipeline, built from the vocabulary, saved and loaded back."""
    folder = tmp_path_factory.mktemp("spacy") / "en_knee_pain"
    build().to_disk(folder)
    return spacy.load(folder)


def entities(nlp: Language, text: str) -> list[tuple[str, str]]:
    """(label, vocabulary id) of each entity the pipeline finds in `text`."""
    return [(ent.label_, ent.ent_id_) for ent in nlp(text).ents]
