"""Rasa's Slack connector, with what a triage service needs on top. Named in
credentials.yml as `channels.slack.SlackInput`; set-up steps in README.md.

Kept from Rasa's `SlackInput`: the X-Slack-Signature check with its five-minute window
(a request failing it is refused with 400 and never read), the answer in a background
task (Slack wants its 200 within three seconds), DMs, @mentions and SLACK_CHANNEL.
Changed, and why:

- Rasa refuses a retried event only when Slack gives `http_timeout` as the reason, so an
  event delivered again for another reason was answered twice. Here any event seen before
  (same `event_id`), or the same message seen as two events (a mention arrives as
  `app_mention` and as `message`), is refused with `X-Slack-No-Retry`. An event retried
  that this process never saw (it was down) is answered.
- Messages from bots, and from this app itself, are ignored, as are joins, deletions and
  other message subtypes. An edited message is read as a new message, as on Telegram: the
  edit may add a red flag. A file sent without words gets a short reply asking for words.
- Slack escapes &, < and > in message text; they are unescaped, so the assistant reads
  what the person typed.
- More than five buttons, or a title Slack's Block Kit refuses, become numbered choices
  (channels/choices.py) instead of being dropped; up to five stay Block Kit buttons. A
  clicked question is updated to show the choice without its buttons, and a question is
  answered once, so an old or double click cannot answer the next question.
- Replies are posted as the app's bot user, not with Rasa's `as_user=True`, which only
  classic Slack apps may use.
"""

from __future__ import annotations

import asyncio
import html
import json
import logging
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Coroutine

from rasa.core.channels import slack as rasa_slack
from rasa.core.channels.channel import UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.choices import ChoiceMemory, ForgetsChoices, numbered
from channels.duplicates import SeenIds

logger = logging.getLogger(__name__)

MAX_BUTTONS = 5  # as Rasa's connector (Block Kit takes up to 25 in one actions block)
TITLE_LIMIT = 75  # characters in a Block Kit button's text
VALUE_LIMIT = 2000  # characters in a Block Kit button's value
READ_SUBTYPES = (None, "file_share", "thread_broadcast", "message_changed")
ASK_FOR_WORDS = (
    "I can only read text, not pictures or files. Could you tell me in a few words where "
    "it hurts and what it feels like? If this is an emergency, call your local emergency "
    "number now."
)


@dataclass(frozen=True)
class Said:
    """A person's message in a Slack event, as the assistant should read it."""

    user: str
    channel: str
    text: str  # may be empty: a file sent without words
    ts: str  # of the event: an edit has its own
    files: bool = False


def own_users(body: dict[str, Any]) -> set[str]:
    """This app's bot user, from the event's authorizations."""
    return {auth.get("user_id") for auth in body.get("authorizations") or []
            if auth.get("is_bot") and auth.get("user_id")}


def user_message(body: dict[str, Any]) -> Said | None:
    """What a person said in an Events API body; None for anything else (module docstring)."""
    event = body.get("event") or {}
    if event.get("type") not in ("message", "app_mention"):
        return None
    subtype = event.get("subtype")
    if subtype not in READ_SUBTYPES:
        return None
    said = event
    if subtype == "message_changed":
        said = event.get("message") or {}
        if said.get("text") == (event.get("previous_message") or {}).get("text"):
            return None  # an unfurled link or a reaction, not new words
    user, text = said.get("user"), said.get("text") or ""
    if said.get("bot_id") or not user or user in own_users(body):
        return None
    if not text.strip() and not said.get("files"):
        return None
    return Said(user, event.get("channel") or "", text, event.get("ts") or "",
                bool(said.get("files")))


def fits_block_kit(buttons: list[dict[str, Any]]) -> bool:
    return 0 < len(buttons) <= MAX_BUTTONS and all(
        0 < len(str(b.get("title", ""))) <= TITLE_LIMIT
        and 0 < len(str(b.get("payload", ""))) <= VALUE_LIMIT for b in buttons)


class SlackBot(ForgetsChoices, rasa_slack.SlackBot):
    """Block Kit buttons where they fit, numbered choices where they do not."""

    def __init__(self, token: str, slack_channel: str | None = None,
                 thread_id: str | None = None, proxy: str | None = None,
                 choices: ChoiceMemory | None = None) -> None:
        super().__init__(token, slack_channel, thread_id, proxy)
        self.choices = choices if choices is not None else ChoiceMemory()

    async def _post_message(self, channel: str, **kwargs: Any) -> None:
        kwargs.pop("as_user", None)  # classic apps only
        kwargs.pop("type", None)  # not a chat.postMessage argument
        await super()._post_message(channel, **kwargs)

    async def send_text_with_buttons(self, recipient_id: str, text: str,
                                     buttons: list[dict[str, Any]], **kwargs: Any) -> None:
        if fits_block_kit(buttons):
            self.choices.forget(recipient_id)
            await super().send_text_with_buttons(recipient_id, text, buttons, **kwargs)
            return
        self.choices.remember(recipient_id, buttons)
        await self._post_message(channel=self.slack_channel or recipient_id,
                                 text=numbered(text, buttons))


class SlackInput(rasa_slack.SlackInput):
    """Rasa's Slack input channel, made safe for a triage service (module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices = ChoiceMemory()
        self.seen = SeenIds()

    def get_output_channel(self, channel: str | None = None,
                           thread_id: str | None = None) -> SlackBot:
        return SlackBot(self.slack_token, channel or self.slack_channel, thread_id, self.proxy,
                        self.choices)

    def get_metadata(self, request: Request) -> dict[str, Any]:
        """Rasa's, with every key present whatever the request."""
        return {"out_channel": None, "thread_id": None, "users": [],
                **super().get_metadata(request)}

    def _spawn(self, work: Coroutine[Any, Any, Any]) -> None:
        """Run after the 200: Slack resends an event it has no answer to within 3 s."""
        task = asyncio.create_task(work)
        self._background_tasks.add(task)
        task.add_done_callback(self._background_tasks.discard)

    def _reply_to(self, metadata: dict[str, Any]) -> SlackBot:
        thread = metadata.get("thread_id") if self.use_threads else None
        return self.get_output_channel(metadata.get("out_channel"), thread)

    async def on_event(self, request: Request, body: dict[str, Any],
                       on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> HTTPResponse:
        event_id = body.get("event_id")
        if event_id and not self.seen.first_time(event_id):
            logger.info("Slack: event %s delivered again (retry %s); already answered",
                        event_id, request.headers.get(self.retry_num_header))
            return response.text("", headers={"X-Slack-No-Retry": "1"})
        said = user_message(body)
        metadata = self.get_metadata(request)
        if said is None or not self._is_supported_channel(body, metadata):
            return response.text("Not a message to answer.")
        if not self.seen.first_time(f"message/{said.channel}/{said.ts}"):
            return response.text("", headers={"X-Slack-No-Retry": "1"})
        conversation = self._get_conversation_id(said.user, said.channel,
                                                 metadata.get("thread_id"))
        out = self._reply_to(metadata)
        text = html.unescape(self._sanitize_user_message(said.text, metadata.get("users")))
        if not text and said.files:
            self._spawn(out.send_text_message(conversation, ASK_FOR_WORDS))
            return response.text("")
        text = self.choices.resolve(conversation, text) or text
        self._spawn(on_new_message(UserMessage(text, out, conversation,
                                               input_channel=self.name(), metadata=metadata)))
        return response.text("")

    async def on_click(self, request: Request,
                       on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> HTTPResponse:
        payload = json.loads(request.form.get("payload") or "{}")
        if not self._is_interactive_message(payload):
            return response.text("Not an interaction to answer.")
        action = payload["actions"][0]
        value = self._get_interactive_response(action)
        metadata = self.get_metadata(request)
        message = payload.get("message") or {}
        channel = metadata.get("out_channel")
        answered = message.get("ts") and not self.seen.first_time(
            f"click/{channel}/{message['ts']}")
        if value is None or answered:
            return response.text("")  # a link button, or a question already answered
        conversation = self._get_conversation_id((payload.get("user") or {}).get("id"),
                                                 channel, metadata.get("thread_id"))
        out = self._reply_to(metadata)

        async def answer() -> None:
            await self.show_choice(out, channel, message, action)
            await on_new_message(UserMessage(value, out, conversation,
                                             input_channel=self.name(), metadata=metadata))

        self._spawn(answer())
        return response.text("")

    @staticmethod
    async def show_choice(out: SlackBot, channel: str | None, message: dict[str, Any],
                          action: dict[str, Any]) -> None:
        """Replace the clicked question's buttons with the choice."""
        if not channel or not message.get("ts"):
            return
        title = (action.get("text") or {}).get("text") or action.get("value") or ""
        blocks = [block for block in message.get("blocks") or []
                  if block.get("type") != "actions"]
        blocks.append({"type": "context",
                       "elements": [{"type": "plain_text", "text": f"✓ {title}"}]})
        try:
            await out.client.chat_update(channel=channel, ts=message["ts"],
                                         text=message.get("text") or title, blocks=blocks)
        except Exception as error:  # cosmetic: the answer goes on regardless
            logger.debug("Slack: could not update the clicked question: %s", error)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        slack_webhook = Blueprint("slack_webhook", __name__)

        @slack_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @slack_webhook.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            if not self.is_request_from_slack_authentic(request):
                return response.text("Message is not properly signed with a valid "
                                     "X-Slack-Signature header", status=400)
            kind = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
            try:
                if kind == "application/json":
                    body = request.json if isinstance(request.json, dict) else {}
                    if body.get("type") == "url_verification":
                        return response.json({"challenge": body.get("challenge")})
                    return await self.on_event(request, body, on_new_message)
                if kind == "application/x-www-form-urlencoded":
                    return await self.on_click(request, on_new_message)
            except Exception:  # answer 200 all the same: Slack would resend it
                logger.exception("Slack: could not read a request")
            return response.text("")

        return slack_webhook
