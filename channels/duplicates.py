"""Remembers the ids of recent deliveries, so that one redelivered is not answered twice.

Slack sends an event again (same `event_id`, with `X-Slack-Retry-Num`) when it thinks the
first delivery failed, and Telegram sends an update again (same `update_id`) when the
webhook did not answer in time. Answering both would ask the person the next question
twice, or take one answer for two. The memory is per process and bounded, which fits
Rasa's single-process set-up (the in-memory lock store).
"""

from __future__ import annotations

from collections import OrderedDict

MAX_IDS = 10_000


class SeenIds:
    def __init__(self, size: int = MAX_IDS) -> None:
        self._size = size
        self._ids: OrderedDict[str, None] = OrderedDict()

    def first_time(self, delivery_id: object) -> bool:
        """True the first time an id is seen (and remembers it); False after that."""
        key = str(delivery_id)
        if key in self._ids:
            return False
        self._ids[key] = None
        while len(self._ids) > self._size:
            self._ids.popitem(last=False)
        return True
