"""Which Slack Events API bodies are a person's message (channels.slack.user_message),
without a server. The bodies are shaped as Slack posts them."""

import pytest

from channels.slack import Said, fits_block_kit, user_message

BOT = "UBOT"


def body(**event):
    message = {"type": "message", "channel_type": "im", "user": "UPAT", "text": "my knee hurts",
               "ts": "1700000000.000100", "channel": "D1", "event_ts": "1700000000.000100",
               **event}
    return {"token": "t", "team_id": "T1", "api_app_id": "A1", "event": message,
            "type": "event_callback", "event_id": "Ev1", "event_time": 1700000000,
            "authorizations": [{"team_id": "T1", "user_id": BOT, "is_bot": True}]}


def test_a_direct_message():
    assert user_message(body()) == Said("UPAT", "D1", "my knee hurts", "1700000000.000100")


def test_an_app_mention():
    said = user_message(body(type="app_mention", text="<@UBOT> my knee hurts",
                             channel="C1", channel_type=None))
    assert said == Said("UPAT", "C1", "<@UBOT> my knee hurts", "1700000000.000100")


@pytest.mark.parametrize("event", [
    {"bot_id": "B1", "user": BOT},  # the app's own reply, echoed back
    {"bot_id": "B2", "subtype": "bot_message", "user": None},  # another bot
    {"user": BOT},  # the app's bot user, whatever the rest says
    {"subtype": "channel_join", "text": "<@UPAT> has joined the channel"},
    {"subtype": "message_deleted", "text": None},
    {"text": "   "},
    {"type": "reaction_added"},
])
def test_not_a_message_to_answer(event):
    assert user_message(body(**event)) is None


def test_an_edited_message_is_read_as_a_new_message():
    edit = body(subtype="message_changed", user=None, text=None, ts="1700000099.000200",
                message={"type": "message", "user": "UPAT", "text": "and my foot is cold and blue",
                         "ts": "1700000000.000100", "edited": {"user": "UPAT"}},
                previous_message={"type": "message", "user": "UPAT", "text": "my foot",
                                  "ts": "1700000000.000100"})
    assert user_message(edit) == Said("UPAT", "D1", "and my foot is cold and blue",
                                      "1700000099.000200")


def test_an_edit_that_changes_no_words_is_ignored():
    same = {"type": "message", "user": "UPAT", "text": "see https://nhs.uk", "ts": "1"}
    unfurled = body(subtype="message_changed", user=None, text=None, message=same,
                    previous_message=same)
    assert user_message(unfurled) is None


def test_the_apps_own_edited_message_is_ignored():
    ours = body(subtype="message_changed", user=None, text=None,
                message={"type": "message", "user": BOT, "bot_id": "B1",
                         "text": "Is it hot?\n✓ No"},
                previous_message={"type": "message", "user": BOT, "text": "Is it hot?"})
    assert user_message(ours) is None


def test_a_file_without_words_is_a_message_with_no_text():
    shared = body(subtype="file_share", text="", files=[{"id": "F1", "name": "knee.jpg"}])
    assert user_message(shared) == Said("UPAT", "D1", "", "1700000000.000100", files=True)


def test_block_kit_takes_up_to_five_buttons_with_short_titles():
    buttons = [{"title": str(n), "payload": f"/choose{n}"} for n in range(6)]
    assert fits_block_kit(buttons[:5])
    assert not fits_block_kit(buttons)
    assert not fits_block_kit([{"title": "x" * 76, "payload": "/deny"}])
    assert not fits_block_kit([])
