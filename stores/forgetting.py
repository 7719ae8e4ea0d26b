"""Rasa's SQL tracker store, plus deleting a conversation when the person asks for it.

`action_delete_conversation` sets the slot `forget_conversation`. When Rasa saves that
tracker, every stored event of the conversation is deleted instead, so the next message
starts a new, empty conversation. Works with SQLite (embedded) and PostgreSQL (scaled out).
"""

from __future__ import annotations

import logging

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
