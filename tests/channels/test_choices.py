"""Numbered choices: how they read, and which replies stand for which payload."""

import asyncio

import pytest
from rasa.core.channels.channel import CollectingOutputChannel

from channels.choices import HINT, ChoiceMemory, ForgetsChoices, numbered

BUTTONS = [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"},
           {"title": "Not sure", "payload": "/unsure"}]


def test_the_text_ends_with_the_titles_numbered_never_the_payloads():
    text = numbered("Is your knee hot or red?", BUTTONS)
    assert text.startswith("Is your knee hot or red?\n\n")
    assert text.endswith(f"{HINT}\n1. Yes\n2. No\n3. Not sure")
    assert "/affirm" not in text


@pytest.mark.parametrize("reply", ["2", "2.", " 2 ", "2)", "\n2\n", "02"])
def test_a_bare_number_is_that_choice(reply):
    memory = ChoiceMemory()
    memory.remember("chat", BUTTONS)
    assert memory.resolve("chat", reply) == "/deny"


@pytest.mark.parametrize("reply", ["0", "4", "2 please", "two", "7/10", "", None, "2.5"])
def test_anything_else_is_read_as_it_is(reply):
    memory = ChoiceMemory()
    memory.remember("chat", BUTTONS)
    assert memory.resolve("chat", reply) is None


def test_choices_belong_to_one_conversation():
    memory = ChoiceMemory()
    memory.remember("alice", BUTTONS)
    assert memory.resolve("bob", "1") is None
    assert memory.resolve(12345, "1") is None
    memory.remember(12345, BUTTONS[::-1])
    assert memory.resolve("12345", "1") == "/unsure"  # Telegram chat ids come as int or str


def test_a_later_message_without_choices_forgets_them():
    memory = ChoiceMemory()
    memory.remember("chat", BUTTONS)
    memory.forget("chat")
    assert memory.resolve("chat", "2") is None  # e.g. "2" as a pain score


def test_the_memory_is_bounded_and_forgets_the_oldest_first():
    memory = ChoiceMemory(size=2)
    for chat in ("a", "b", "c"):
        memory.remember(chat, BUTTONS)
    assert memory.resolve("a", "1") is None
    assert memory.resolve("b", "1") == memory.resolve("c", "1") == "/affirm"


class NumberingChannel(ForgetsChoices, CollectingOutputChannel):
    def __init__(self) -> None:
        super().__init__()
        self.choices = ChoiceMemory()


@pytest.mark.parametrize(("send", "argument"), [
    ("send_text_message", "Thanks."),
    ("send_image_url", "https://example.org/knee.png"),
    ("send_attachment", "a leaflet"),
    ("send_custom_json", {"data": {"urgency": "soon"}}),
])
def test_any_other_message_a_channel_sends_forgets_the_numbers(send, argument):
    channel = NumberingChannel()
    channel.choices.remember("chat", BUTTONS)
    asyncio.run(getattr(channel, send)("chat", argument))
    assert channel.choices.resolve("chat", "2") is None
    assert len(channel.messages) == 1  # and the message itself is still sent
