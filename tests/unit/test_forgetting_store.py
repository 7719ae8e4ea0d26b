"""Deleting a conversation really deletes it from the SQL tracker store."""

from __future__ import annotations

import asyncio
from pathlib import Path

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from stores.forgetting import ForgettingSQLTrackerStore

DOMAIN = Domain.from_yaml("""
slots:
  forget_conversation:
    type: bool
    mappings: [{type: custom}]
""")


def test_a_conversation_is_deleted_only_when_asked(tmp_path: Path) -> None:
    store = ForgettingSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "t.sqlite"))

    async def talk() -> tuple[int, int, int]:
        tracker = DialogueStateTracker.from_events("me", [
            ActionExecuted("action_listen"), UserUttered("my knee hurts")], DOMAIN.slots)
        other = DialogueStateTracker.from_events("other", [UserUttered("hi")], DOMAIN.slots)
        await store.save(tracker)
        await store.save(other)
        kept = len((await store.retrieve("me")).events)
        tracker.update(UserUttered("delete my data"))
        tracker.update(SlotSet("forget_conversation", True))
        await store.save(tracker)
        gone = await store.retrieve("me")
        return kept, 0 if gone is None else len(gone.events), len(
            (await store.retrieve("other")).events)

    kept, after, other = asyncio.run(talk())
    assert kept == 2 and after == 0 and other == 1


def test_sqlite_conversations_are_kept_in_write_ahead_log_mode(tmp_path) -> None:
    store = ForgettingSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "w.sqlite"))
    with store.engine.connect() as connection:
        mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
    assert mode == "wal"
