"""Rasa's SQL tracker store, plus deleting a conversation when the person asks for it.

`action_delete_conversation` sets the slot `forget_conversation`. When Rasa saves that
tracker, every stored event of the conversation is deleted instead, so the next message
starts a new, empty conversation. Works with SQLite (embedded) and PostgreSQL (scaled out).
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

logger = logging.getLogger(__name__)
FORGET_SLOT = "forget_conversation"


def asked_to_forget(tracker: DialogueStateTracker) -> bool:
    """True when the latest turn set the forget slot."""
    for event in reversed(tracker.events):
        if isinstance(event, SlotSet) and event.key == FORGET_SLOT:
            return bool(event.value)
        if event.type_name == "user":
            return False
    return False


class ForgettingSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.engine.dialect.name == "sqlite":
            # Write-ahead log: a turn's commit appends to the log instead of rewriting pages
            # through a rollback journal, and readers do not wait for the writer. Set once:
            # SQLite keeps the mode in the file. Still synchronous (docs/performance.md).
            with self.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA journal_mode=WAL")

    async def save(self, tracker: DialogueStateTracker) -> None:
        if not asked_to_forget(tracker):
            await super().save(tracker)
            return
        with self.session_scope() as session:
            deleted = (
                session.query(self.SQLEvent)
                .filter(self.SQLEvent.sender_id == tracker.sender_id)
                .delete()
            )
            session.commit()
        logger.info("Deleted a conversation at the user's request (%d events).", deleted)
