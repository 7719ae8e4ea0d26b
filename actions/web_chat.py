"""What the web chat widget (web/) needs beyond plain text.

Before the messages that carry an urgency (the emergency answer, the outcome), the widget
gets a marker so that it can show them as one card: an emergency stands out with a heading,
an icon and the emergency numbers. When the person deletes the conversation, the widget is
told to forget its own copy too (it keeps the transcript in the browser's sessionStorage).
Other channels get the same text without the markers: Telegram and Slack would try to post
a custom payload as a message of its own.

Rasa's socket.io channel emits a custom payload's `data` as the `bot_uttered` event.
"""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

WIDGET_CHANNEL = "socketio"


def mark_urgency(dispatcher: CollectingDispatcher, tracker: Tracker, level: str) -> None:
    """Tell the widget that the next messages of this turn are advice at `level`."""
    if tracker.get_latest_input_channel() == WIDGET_CHANNEL:
        dispatcher.utter_message(json_message={"data": {"urgency": level}})


def mark_deleted(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """Tell the widget to forget the transcript it keeps for a reload."""
    if tracker.get_latest_input_channel() == WIDGET_CHANNEL:
        dispatcher.utter_message(json_message={"data": {"conversation": "deleted"}})
