"""How each kind of Telegram update is read (channels.telegram.classify), without a server.
The updates are shaped as Telegram posts them to a webhook."""

import re

import pytest
from rasa.shared.exceptions import RasaException

from channels.telegram import (
    Incoming,
    TelegramInput,
    classify,
    command,
    fits_inline_keyboard,
    webhook_secret,
)

CHAT = {"id": 42, "first_name": "Pat", "type": "private"}
USER = {"id": 42, "is_bot": False, "first_name": "Pat", "language_code": "en"}
URL = "https://triage.example.org/webhooks/telegram/webhook"


def message(**content):
    return {"message_id": 7, "from": USER, "chat": CHAT, "date": 1700000000, **content}


def update(**body):
    return {"update_id": 10000, **body}


def test_a_text_message_is_read_as_it_is():
    assert classify(update(message=message(text="my knee hurts"))) == Incoming(42, "my knee hurts")


@pytest.mark.parametrize("typed, read", [
    ("/start", "/greet"), ("/start campaign-7", "/greet"), ("/start@knee_triage_bot", "/greet"),
    ("/help", "/greet"), ("/restart", "/restart"), ("/Restart", "/restart"),
    ("/sciatica what is it", "sciatica what is it"), ("no / not really", "no / not really"),
])
def test_commands(typed, read):
    assert command(typed) == read


def test_an_edited_message_is_read_as_a_new_message():
    edited = message(text="and I can't control my bladder", edit_date=1700000100)
    assert classify(update(edited_message=edited)) == Incoming(42, "and I can't control my bladder")


def test_an_edit_without_words_is_ignored():
    live = message(location={"latitude": 51.5, "longitude": -0.1, "live_period": 900},
                   edit_date=1700000100)
    assert classify(update(edited_message=live)) is None


def test_a_photo_with_a_caption_is_read_by_its_caption():
    photo = message(photo=[{"file_id": "x", "file_unique_id": "y", "width": 90, "height": 90}],
                    caption="my knee is swollen like this")
    assert classify(update(message=photo)) == Incoming(42, "my knee is swollen like this")


@pytest.mark.parametrize("content", [
    {"sticker": {"file_id": "s", "file_unique_id": "u", "width": 512, "height": 512,
                 "is_animated": False, "emoji": "😢"}},
    {"photo": [{"file_id": "p", "file_unique_id": "u", "width": 90, "height": 90}]},
    {"voice": {"file_id": "v", "file_unique_id": "u", "duration": 4}},
    {"document": {"file_id": "d", "file_unique_id": "u", "file_name": "scan.pdf"}},
    {"location": {"latitude": 51.5, "longitude": -0.1}},
])
def test_no_words_gets_a_reply_asking_for_words(content):
    assert classify(update(message=message(**content))) == Incoming(42, None)


@pytest.mark.parametrize("body", [
    {"my_chat_member": {"chat": CHAT, "from": USER, "date": 1,
                        "old_chat_member": {"user": USER, "status": "member"},
                        "new_chat_member": {"user": USER, "status": "kicked"}}},
    {"channel_post": {"message_id": 1, "date": 1, "text": "hello",
                      "chat": {"id": -100, "type": "channel", "title": "News"}}},
    {"inline_query": {"id": "1", "from": USER, "query": "knee", "offset": ""}},
    {"message": message(pinned_message={"message_id": 1, "date": 1, "chat": CHAT})},
    {"message": {**message(text="my knee hurts"), "chat": {"id": -5, "type": "group",
                                                           "title": "Running club"}}},
    {},
])
def test_other_updates_are_ignored(body):
    assert classify(update(**body)) is None


def test_a_pressed_button_is_its_payload_with_what_to_acknowledge():
    keyboard = {"inline_keyboard": [[{"text": "Yes", "callback_data": "/affirm"},
                                     {"text": "No", "callback_data": "/deny"}]]}
    asked = message(text="Is your knee hot or red?", reply_markup=keyboard,
                    **{"from": {"id": 1, "is_bot": True, "first_name": "Knee"}})
    query = {"id": "cb1", "from": USER, "message": asked, "chat_instance": "1", "data": "/deny"}
    assert classify(update(callback_query=query)) == Incoming(
        42, "/deny", "cb1", 7, "Is your knee hot or red?", "No")


def test_a_button_without_a_message_is_only_acknowledged():
    query = {"id": "cb2", "from": USER, "inline_message_id": "abc", "chat_instance": "1",
             "data": "/deny"}
    assert classify(update(callback_query=query)) == Incoming(callback_id="cb2")


def test_inline_keyboards_take_payloads_up_to_64_bytes():
    assert fits_inline_keyboard([{"title": "Yes", "payload": "/affirm"}])
    assert fits_inline_keyboard([{"title": "x", "payload": "é" * 32}])  # 64 bytes
    assert not fits_inline_keyboard([{"title": "x", "payload": "é" * 33}])
    assert not fits_inline_keyboard([{"title": "x", "payload": ""}])
    assert not fits_inline_keyboard([{"title": "", "payload": "/deny"}])
    assert not fits_inline_keyboard([])


def test_a_token_that_is_not_a_bot_token_stops_rasa_with_a_clear_message():
    with pytest.raises(RasaException, match="TELEGRAM_TOKEN"):
        TelegramInput.from_credentials({"access_token": "not a token", "verify": "bot",
                                        "webhook_url": URL})


def test_the_bot_name_may_be_given_with_an_at_sign_in_any_case():
    channel = TelegramInput.from_credentials({"access_token": "123:abc",
                                              "verify": "@Knee_Triage_Bot", "webhook_url": URL})
    assert channel.is_expected("knee_triage_bot") and not channel.is_expected("other_bot")


def test_the_webhook_secret_is_what_telegram_accepts_and_follows_the_token():
    secret = webhook_secret("123:abc")
    assert re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret)
    assert secret == webhook_secret("123:abc") != webhook_secret("123:abd")
