"""Buttons as numbered choices, for a channel that cannot show a set of buttons.

Every question the assistant asks has buttons ("Yes", "No", "Not sure"), and the outcome
and education menus have up to a dozen. Telegram refuses a button whose payload is over
64 bytes and Rasa's Slack connector drops *all* buttons when there are more than 5. Rather
than lose the choices, the message then ends with them numbered (titles only: payloads
such as `/ask_condition_info{"condition": ...}` mean nothing to a person):

    Is your knee hot or red?

    Reply with a number, or in your own words:
    1. Yes
    2. No
    3. Not sure

and a reply that is only a number ("2", "2.", " 2 ") is read as that choice's payload.
The numbers always refer to the latest message sent to that conversation: any other
message sent after it forgets them, so a later "2" (a pain score, say) is never taken for
a stale choice.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from typing import Any

HINT = "Reply with a number, or in your own words:"
MAX_CONVERSATIONS = 10_000  # the memory is per process and bounded: the oldest go first
NUMBER = re.compile(r"^\s*(\d{1,2})\s*[.)]?\s*$")


def numbered(text: str, buttons: list[dict[str, Any]]) -> str:
    """`text` followed by the buttons' titles as a numbered list."""
    lines = [f"{number}. {button.get('title', '')}" for number, button in
             enumerate(buttons, start=1)]
    return "\n".join([f"{text}\n\n{HINT}", *lines]) if text else "\n".join([HINT, *lines])


class ChoiceMemory:
    """The numbered choices last shown in each conversation (by Rasa sender id)."""

    def __init__(self, size: int = MAX_CONVERSATIONS) -> None:
        self._size = size
        self._payloads: OrderedDict[str, list[str]] = OrderedDict()

    def remember(self, conversation: str, buttons: list[dict[str, Any]]) -> None:
        key = str(conversation)
        self._payloads[key] = [str(button.get("payload", "")) for button in buttons]
        self._payloads.move_to_end(key)
        while len(self._payloads) > self._size:
            self._payloads.popitem(last=False)

    def forget(self, conversation: str) -> None:
        self._payloads.pop(str(conversation), None)

    def resolve(self, conversation: str, text: str | None) -> str | None:
        """The payload a bare-number reply stands for, or None to read `text` as it is."""
        match = NUMBER.match(text or "")
        payloads = self._payloads.get(str(conversation))
        if not match or not payloads:
            return None
        number = int(match.group(1))
        if 1 <= number <= len(payloads) and payloads[number - 1]:
            return payloads[number - 1]
        return None


class ForgetsChoices:
    """For an output channel with a `choices` memory: any message other than numbered
    choices makes earlier numbers stale, so it forgets them before it is sent. Put it first
    among the channel's bases so that it runs before Rasa's own sending."""

    choices: ChoiceMemory

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        self.choices.forget(recipient_id)
        await super().send_text_message(recipient_id, text, **kwargs)  # type: ignore[misc]

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        self.choices.forget(recipient_id)
        await super().send_image_url(recipient_id, image, **kwargs)  # type: ignore[misc]

    async def send_attachment(self, recipient_id: str, attachment: Any, **kwargs: Any) -> None:
        self.choices.forget(recipient_id)
        await super().send_attachment(recipient_id, attachment, **kwargs)  # type: ignore[misc]

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any],
                               **kwargs: Any) -> None:
        self.choices.forget(recipient_id)
        await super().send_custom_json(recipient_id, json_message, **kwargs)  # type: ignore[misc]
