"""Rasa's Telegram connector, with what a triage service needs on top. Named in
credentials.yml as `channels.telegram.TelegramInput`; set-up steps in README.md.

What Rasa's own `TelegramInput` does differently, and why it is changed here:

- It calls setWebhook while the app is being built (`asyncio.run`), so Rasa cannot start
  when Telegram is out of reach. Here the webhook is set once the server runs, with a
  secret token derived from the bot token: Telegram sends it back in a header on every
  update, and an update without it is refused, so nobody else can post into a person's
  conversation or make the bot message any chat.
- It asks Telegram who the bot is (getMe) on every update; here once, cached.
- An update without a text message (my_chat_member, channel_post, a callback from an
  inline message) crashed it; stickers, photos and voice messages went unanswered. Here
  only private chats are answered; a photo's caption is read as text; a sticker, photo,
  voice message or file gets a short reply asking for words; anything else is
  acknowledged and ignored. An edited message is read as a new message: the edit may add
  a red flag, and safety comes first.
- "/start" (the first thing every Telegram user sends) became the intent `start`, which
  the domain does not have; here it is `/greet`, "/help" too, and any other "/command"
  is read as its word.
- Pressed buttons were never answered, so the button kept spinning; here the callback is
  answered and the question is edited to show the choice, without its buttons, so an old
  button cannot answer a later question.
- Buttons whose payload Telegram refuses (over 64 bytes) become numbered choices
  (channels/choices.py); four or more buttons are stacked, one per row.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
from dataclasses import dataclass
from typing import Any, Awaitable, Callable

from aiogram.bot import api
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.exceptions import TelegramAPIError
from rasa.core.channels import telegram as rasa_telegram
from rasa.core.channels.channel import UserMessage
from rasa.shared.exceptions import RasaException
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.choices import ChoiceMemory, ForgetsChoices, numbered
from channels.duplicates import SeenIds

logger = logging.getLogger(__name__)

ROUTE = "/webhooks/telegram/webhook"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
CALLBACK_DATA_LIMIT = 64  # bytes: Telegram refuses a longer inline button payload
ONE_ROW = 3  # up to this many short buttons side by side; more are stacked
ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]
NOT_WORDS = ("sticker", "photo", "voice", "audio", "video", "video_note", "animation",
             "document", "location", "venue", "contact", "poll", "dice")
COMMANDS = {"start": "/greet", "help": "/greet", "restart": "/restart"}
ASK_FOR_WORDS = (
    "I can only read text, not pictures, stickers, files or voice messages. Could you "
    "tell me in a few words where it hurts and what it feels like? If this is an "
    "emergency, call your local emergency number now."
)


@dataclass(frozen=True)
class Incoming:
    """What one Telegram update asks of the assistant."""

    chat_id: int | None = None  # None: nothing to answer
    text: str | None = None  # None (with a chat): not words, e.g. a sticker or a photo
    callback_id: str | None = None  # a pressed inline button, which must be answered
    message_id: int | None = None  # the message that carried the pressed button
    question: str = ""  # that message's text
    choice: str = ""  # the pressed button's title


def command(text: str) -> str:
    """A typed "/command" as the assistant should read it (see the module docstring)."""
    if not text.startswith("/"):
        return text
    name, _, rest = text[1:].partition(" ")
    name = name.split("@")[0].lower()
    if name in COMMANDS:
        return COMMANDS[name]
    return f"{name} {rest}".strip()


def _title(message: dict[str, Any], data: str) -> str:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return next((button.get("text", "") for row in rows for button in row
                 if button.get("callback_data") == data), "")


def classify(update: dict[str, Any]) -> Incoming | None:
    """What to do with a Telegram update (JSON as posted to the webhook); None: ignore it."""
    query = update.get("callback_query")
    if isinstance(query, dict):
        message = query.get("message") or {}
        chat = message.get("chat") or {}
        if not query.get("data") or chat.get("type") != "private":
            return Incoming(callback_id=query.get("id"))
        return Incoming(chat.get("id"), query["data"], query.get("id"),
                        message.get("message_id"), message.get("text") or "",
                        _title(message, query["data"]))
    message = update.get("message") or update.get("edited_message")
    if not isinstance(message, dict):
        return None  # my_chat_member, channel_post, inline_query, poll, ...
    chat = message.get("chat") or {}
    if chat.get("type") != "private" or chat.get("id") is None:
        return None  # groups and channels: health conversations stay private
    text = message.get("text") or message.get("caption")
    if text:
        return Incoming(chat["id"], command(text))
    if "message" in update and any(kind in message for kind in NOT_WORDS):
        return Incoming(chat["id"])  # (a live location is edited every few seconds)
    return None  # service messages: pinned, chat photo changed, ...


def fits_inline_keyboard(buttons: list[dict[str, Any]]) -> bool:
    return bool(buttons) and all(
        button.get("title") and 0 < len(str(button.get("payload", "")).encode("utf-8"))
        <= CALLBACK_DATA_LIMIT for button in buttons)


def webhook_secret(access_token: str) -> str:
    """The secret_token given to setWebhook: derived, so there is nothing more to set."""
    return hashlib.sha256(f"telegram-webhook:{access_token}".encode()).hexdigest()


class TelegramOutput(ForgetsChoices, rasa_telegram.TelegramOutput):
    """Inline keyboards where Telegram takes them, numbered choices where it does not."""

    def __init__(self, access_token: str | None, choices: ChoiceMemory) -> None:
        super().__init__(access_token)
        self.choices = choices

    async def send_text_with_buttons(self, recipient_id: str, text: str,
                                     buttons: list[dict[str, Any]], button_type: str = "inline",
                                     **kwargs: Any) -> None:
        """`button_type` is not used: the layout follows the buttons."""
        if not fits_inline_keyboard(buttons):
            self.choices.remember(recipient_id, buttons)
            await self.send_message(recipient_id, numbered(text, buttons))
            return
        self.choices.forget(recipient_id)
        keys = [InlineKeyboardButton(b["title"], callback_data=b["payload"]) for b in buttons]
        keyboard = InlineKeyboardMarkup()
        if len(keys) <= ONE_ROW and all(len(b["title"]) <= 12 for b in buttons):
            keyboard.row(*keys)
        else:
            for key in keys:
                keyboard.row(key)
        await self.send_message(recipient_id, text, reply_markup=keyboard)

    async def register_webhook(self, url: str, secret: str) -> None:
        """setWebhook with a secret token (Bot API 6.1; aiogram 2.15 predates it)."""
        await self.request("setWebhook", {"url": url, "secret_token": secret,
                                          "allowed_updates": json.dumps(ALLOWED_UPDATES)})


class TelegramInput(rasa_telegram.TelegramInput):
    """Rasa's Telegram input channel, made safe for a triage service (module docstring)."""

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> TelegramInput:
        if not credentials:
            cls.raise_missing_credentials_exception()
        token = str(credentials.get("access_token") or "")
        try:
            api.check_token(token)
        except TelegramAPIError as error:
            raise RasaException(
                "TELEGRAM_TOKEN is not a bot token as @BotFather gives it "
                "(digits, a colon, then letters)") from error
        url = str(credentials.get("webhook_url") or "")
        if not url.startswith("https://") or not url.endswith(ROUTE):
            logger.warning("TELEGRAM_WEBHOOK_URL is %r; Telegram needs a public https:// "
                           "address ending in %s", url, ROUTE)
        return cls(token, credentials.get("verify"), url, debug_mode=False)

    def __init__(self, access_token: str | None, verify: str | None, webhook_url: str | None,
                 debug_mode: bool = False) -> None:
        super().__init__(access_token, verify, webhook_url, debug_mode)
        self.secret = webhook_secret(access_token or "")
        self.choices = ChoiceMemory()
        self.updates = SeenIds()
        self._output: TelegramOutput | None = None
        self._username: str | None = None  # getMe, asked once
        self._registering: asyncio.Task | None = None

    def get_output_channel(self) -> TelegramOutput:
        """One output channel (one HTTP session); unlike Rasa's, no network call here."""
        if self._output is None:
            self._output = TelegramOutput(self.access_token, self.choices)
        return self._output

    async def is_this_bot(self) -> bool:
        """Whether the token's bot is TELEGRAM_BOT_NAME (`verify`), as Rasa checks."""
        if self._username is None:
            try:
                self._username = (await self.get_output_channel().get_me()).username or ""
            except TelegramAPIError as error:  # the next update asks again
                logger.warning("Telegram: could not check the bot's name (getMe: %s)", error)
                return True
            if not self.is_expected(self._username):
                logger.error("Telegram: the token belongs to @%s, not to TELEGRAM_BOT_NAME "
                             "%r; updates are ignored", self._username, self.verify)
        return self.is_expected(self._username)

    def is_expected(self, username: str) -> bool:
        return username.lower() == str(self.verify or "").lstrip("@").lower()

    async def set_webhook(self) -> bool:
        try:
            if await self.is_this_bot():
                await self.get_output_channel().register_webhook(self.webhook_url, self.secret)
                logger.info("Telegram: webhook set to %s for @%s", self.webhook_url,
                            self._username)
                return True
        except TelegramAPIError as error:
            logger.error("Telegram: could not set the webhook to %s (%s); updates will not "
                         "arrive until it is set: GET or POST /webhooks/telegram/set_webhook",
                         self.webhook_url, error)
        return False

    async def acknowledge(self, incoming: Incoming, first: bool) -> None:
        """Stop the pressed button spinning; the first time, show the choice in place of
        the buttons."""
        out = self.get_output_channel()
        try:
            await out.answer_callback_query(incoming.callback_id)
            if first and incoming.message_id and incoming.question:
                await out.edit_message_text(f"{incoming.question}\n\n✓ {incoming.choice}",
                                            incoming.chat_id, incoming.message_id)
        except TelegramAPIError as error:
            logger.debug("Telegram: could not acknowledge a button: %s", error)

    def first_answer(self, incoming: Incoming) -> bool:
        """A question's buttons answer it once: a second press (a double tap, an old
        message) would answer the next question instead."""
        if incoming.callback_id is None or incoming.message_id is None:
            return True
        return self.updates.first_time(f"button/{incoming.chat_id}/{incoming.message_id}")

    async def answer(self, incoming: Incoming, request: Request,
                     on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        out = self.get_output_channel()
        if incoming.text is None:
            await out.send_text_message(str(incoming.chat_id), ASK_FOR_WORDS)
            return
        text = incoming.text
        if incoming.callback_id is None:  # typed: a bare number may stand for a choice
            text = self.choices.resolve(str(incoming.chat_id), text) or text
        await on_new_message(UserMessage(text, out, incoming.chat_id,
                                         input_channel=self.name(),
                                         metadata=self.get_metadata(request)))

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        telegram_webhook = Blueprint("telegram_webhook", __name__)

        @telegram_webhook.listener("after_server_start")
        async def register(app: Any, loop: Any) -> None:
            self._registering = asyncio.create_task(self.set_webhook())

        @telegram_webhook.listener("before_server_stop")
        async def close(app: Any, loop: Any) -> None:
            await self.get_output_channel().session.close()  # Bot.close is deprecated

        @telegram_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @telegram_webhook.route("/set_webhook", methods=["GET", "POST"])
        async def set_webhook_again(_: Request) -> HTTPResponse:
            done = await self.set_webhook()
            return response.text("Webhook setup successful" if done else "Invalid webhook")

        @telegram_webhook.route("/webhook", methods=["POST"])
        async def message(request: Request) -> HTTPResponse:
            if not hmac.compare_digest(request.headers.get(SECRET_HEADER, ""), self.secret):
                return response.text("not from Telegram", status=403)
            update = request.json if isinstance(request.json, dict) else {}
            incoming = classify(update)
            again = "update_id" in update and not self.updates.first_time(update["update_id"])
            if incoming is None or again:
                return response.text("success")  # ignored, or delivered again
            if not await self.is_this_bot():
                return response.text("failed")
            try:
                first = incoming.chat_id is not None and self.first_answer(incoming)
                if incoming.callback_id:
                    await self.acknowledge(incoming, first)
                if first:
                    await self.answer(incoming, request, on_new_message)
            except Exception:  # answer 200 all the same: Telegram would resend it forever
                logger.exception("Telegram: could not answer update %s", update.get("update_id"))
            return response.text("success")

        return telegram_webhook
