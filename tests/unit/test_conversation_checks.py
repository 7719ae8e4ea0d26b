"""The conversation runner's loop check: the same reply three times in a row is a defect."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests" / "conversations"))

from run_conversations import repeated_reply  # noqa: E402


def turn(*bot: str) -> dict:
    return {"bot": list(bot)}


def test_a_reply_sent_three_times_in_a_row_is_found():
    transcript = [turn("Hi"), turn("Hello again!"), turn("Hello again!"), turn("Hello again!")]
    assert repeated_reply(transcript) == "Hello again!"


def test_a_question_asked_again_once_with_help_is_not_a_loop():
    transcript = [turn("Can you take 4 steps?"), turn("Sorry, yes or no?", "Can you take 4 steps?"),
                  turn("Noted as not sure."), turn("How old are you?")]
    assert repeated_reply(transcript) is None
