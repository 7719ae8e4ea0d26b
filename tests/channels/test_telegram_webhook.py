"""Telegram updates posted to the running connector's webhook, as Telegram posts them; the
replies are what would have been sent to api.telegram.org (see harness.py)."""

import json

from channels.choices import HINT
from channels.telegram import ALLOWED_UPDATES, ASK_FOR_WORDS, webhook_secret
from tests.channels.harness import ENVIRONMENT, TELEGRAM_TOKEN

pytest_plugins = ["tests.channels.fixtures"]

COMPLAINT = "my knee hurts and my foot is all pins and needles"
RED_FLAG = "I can't feel between my legs and I've wet myself"
EMERGENCY = "This needs emergency care now"
UNDERSTOOD = "Here's what I've understood so far"


def texts(calls):
    return [call.text for call in calls]


def test_the_webhook_is_set_at_startup_with_a_secret_token(assistant, services):
    found = services.wait(lambda: services.since(0, "setWebhook"))
    assert len(found) == 1 and found[0].token == TELEGRAM_TOKEN
    assert found[0].params["url"] == ENVIRONMENT["TELEGRAM_WEBHOOK_URL"]
    assert found[0].params["secret_token"] == webhook_secret(TELEGRAM_TOKEN)
    assert json.loads(found[0].params["allowed_updates"]) == ALLOWED_UPDATES


def test_start_greets_and_who_the_bot_is_is_asked_once(telegram, services):
    sent = telegram.say("/start")
    assert len(sent) == 1 and "triage assistant for knee pain" in sent[0].text
    telegram.say("hello")
    assert len(services.since(0, "getMe")) == 1


def test_a_complaint_is_said_back_then_asked_about_with_an_inline_keyboard(telegram):
    sent = telegram.say(COMPLAINT)
    assert UNDERSTOOD in sent[0].text and "tingling" in sent[0].text
    question = sent[-1]
    assert question.text.endswith("?")
    assert [[b["text"] for b in row] for row in question.keyboard] == [["Yes", "No", "Not sure"]]
    assert question.keyboard[0][1]["callback_data"] == "/deny"


def test_a_pressed_button_is_answered_shown_and_works_once(telegram, services):
    question = telegram.say(COMPLAINT)[-1]
    mark = services.mark()
    nxt = telegram.press(question, "No")
    assert len(services.since(mark, "answerCallbackQuery")) == 1
    edited = services.since(mark, "editMessageText", telegram.chat_id)
    assert len(edited) == 1
    assert edited[0].params["message_id"] == str(question.result["message_id"])
    assert edited[0].text == f"{question.text}\n\n✓ No"
    assert "reply_markup" not in edited[0].params  # the buttons are gone
    assert nxt and nxt[-1].text != question.text and nxt[-1].keyboard  # the next question

    mark = services.mark()
    assert telegram.press(question, "Yes") == []  # a second press answers nothing
    assert [c.method for c in services.since(mark)] == ["answerCallbackQuery"]  # but stops
    # the spinner


def test_a_red_flag_gets_the_emergency_answer(telegram):
    telegram.say(COMPLAINT)
    sent = telegram.say(RED_FLAG)
    assert sent[0].text.startswith(EMERGENCY)
    assert all(call.chat == str(telegram.chat_id) for call in sent)


def test_an_edited_message_is_read_as_a_new_message(telegram):
    telegram.say(COMPLAINT)
    edit = telegram.message(RED_FLAG, edit_date=1700000100)
    sent = telegram.send(telegram.update(edited_message=edit))
    assert sent[0].text.startswith(EMERGENCY)


def test_a_sticker_photo_or_voice_message_gets_asked_for_words(telegram):
    sticker = {"file_id": "CAACAgIAAxkBAAE", "file_unique_id": "AgADAQAD", "width": 512,
               "height": 512, "is_animated": False, "emoji": "😢"}
    photo = [{"file_id": "AgACAgQAAxkBAAE", "file_unique_id": "AQAD", "width": 90,
              "height": 67, "file_size": 1200}]
    voice = {"file_id": "AwACAgQAAxkBAAE", "file_unique_id": "AgAD", "duration": 3,
             "mime_type": "audio/ogg"}
    for content in ({"sticker": sticker}, {"photo": photo}, {"voice": voice}):
        assert texts(telegram.send(telegram.update(message=telegram.message(**content)))) == [
            ASK_FOR_WORDS]
    captioned = telegram.message(photo=photo, caption=COMPLAINT)
    assert UNDERSTOOD in telegram.send(telegram.update(message=captioned))[0].text


def test_updates_that_are_not_messages_are_acknowledged_and_ignored(telegram, services):
    user = telegram.user()
    chat = {"id": telegram.chat_id, "first_name": "Pat", "type": "private"}
    mark = services.mark()
    for body in (
        {"my_chat_member": {"chat": chat, "from": user, "date": 1700000000,
                            "old_chat_member": {"user": user, "status": "member"},
                            "new_chat_member": {"user": user, "status": "kicked",
                                                "until_date": 0}}},
        {"channel_post": {"message_id": 3, "date": 1700000000, "text": COMPLAINT,
                          "chat": {"id": -1001, "type": "channel", "title": "News"}}},
        {"message": {**telegram.message(COMPLAINT),
                     "chat": {"id": -4001, "type": "group", "title": "Running club"}}},
        {"message": telegram.message(new_chat_title="Knee")},
    ):
        answer = telegram.post(telegram.update(**body))
        assert answer.status_code == 200
    inline = {"id": "99", "from": user, "inline_message_id": "AAA", "chat_instance": "5",
              "data": "/deny"}
    assert telegram.post(telegram.update(callback_query=inline)).status_code == 200
    assert [c.method for c in services.since(mark)] == ["answerCallbackQuery"]


def test_an_update_without_the_secret_token_is_refused(telegram, services):
    mark = services.mark()
    for secret in ("", "not-the-secret"):
        answer = telegram.post(telegram.update(message=telegram.message(COMPLAINT)), secret)
        assert answer.status_code == 403
    assert services.since(mark) == []


def test_an_update_delivered_twice_is_answered_once(telegram):
    update = telegram.update(message=telegram.message("hello"))
    assert len(telegram.send(update)) == 1
    assert telegram.send(update) == []


def test_an_oversized_message_gets_asked_for_less(telegram):
    sent = telegram.say("my knee hurts and the pain goes down to my foot " * 90)  # 4,230 chars
    assert texts(sent) and "long message" in sent[0].text


def test_buttons_telegram_refuses_become_numbered_choices(telegram, assistant, services):
    """The domain's payloads all fit (64 bytes); a longer one is sent here directly."""
    telegram.say("hello")
    buttons = [{"title": "Yes", "payload": "/affirm"},
               {"title": "About sciatica", "payload": "What is sciatica, and why does "
                                                      "it make my leg and my foot hurt so much?"},
               {"title": "Start over", "payload": "/restart"}]
    out = assistant.channel("telegram").get_output_channel()
    mark = services.mark()
    assistant.run(out.send_text_with_buttons(str(telegram.chat_id), "What next?", buttons))
    [sent] = services.since(mark, "sendMessage", telegram.chat_id)
    assert sent.text == f"What next?\n\n{HINT}\n1. Yes\n2. About sciatica\n3. Start over"
    assert sent.keyboard == []

    answer = telegram.say(" 2. ")
    assert answer and answer[0].text.startswith("Sciatica")
    assert telegram.say("3")[0].text != "OK, let's start again."  # the choices are gone
