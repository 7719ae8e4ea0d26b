"""Driving the chat page the way a person does, and reading what they would see."""

from __future__ import annotations

import json
import re
from pathlib import Path

import requests
from playwright.sync_api import Locator, Page, expect

RESULTS = Path(__file__).resolve().parents[2] / "results" / "browser"  # logs, screenshots
REPLY_TIMEOUT = 60_000  # ms: the first reply of a fresh server can take a while
STORAGE_KEY = "kneeTriage.conversation.v1"
GREETING = "I'm a triage assistant"
UNDERSTOOD = "Here's what I've understood so far"
OUTCOME = "My advice:"

# True once the bot has answered the person's last message: more bot messages than before,
# and the last one asks something (a question, or quick replies to choose from) or is the
# end of the emergency advice.
_REPLY_SETTLED = """([before, settled]) => {
  const bots = document.querySelectorAll('#transcript .msg--bot');
  if (bots.length <= before) return false;
  const last = bots[bots.length - 1];
  if (last.querySelector('.quick-replies')) return true;
  const text = last.textContent.trim();
  return text.includes('?') || new RegExp(settled).test(text);
}"""
_EMERGENCY_END = "get help first"


class Chat:
    def __init__(self, page: Page, url: str) -> None:
        self.page = page
        self.url = url
        self.transcript = page.locator("#transcript")
        self.input = page.get_by_label("Your message")
        self.send_button = page.get_by_role("button", name="Send", exact=True)
        self.bot_messages = page.locator("#transcript .msg--bot")
        self.bot_bubbles = page.locator("#transcript .msg--bot .bubble")
        self.user_bubbles = page.locator("#transcript .msg--user .bubble")
        self.quick_replies = page.locator("#transcript .quick-reply")

    # --- opening -----------------------------------------------------------------------
    def open(self) -> None:
        self.page.goto(self.url)
        expect(self.bot_bubbles.first).to_contain_text(GREETING, timeout=REPLY_TIMEOUT)

    # --- what the person sees ---------------------------------------------------------
    def bot_texts(self) -> list[str]:
        return [text.strip() for text in self.bot_bubbles.all_text_contents()]

    def user_texts(self) -> list[str]:
        return [text.strip() for text in self.user_bubbles.all_text_contents()]

    def last_bot_text(self) -> str:
        return self.bot_texts()[-1]

    def bot_count(self) -> int:
        return self.bot_messages.count()

    def current_quick_replies(self) -> Locator:
        return self.bot_messages.last.locator(".quick-reply")

    # --- acting -----------------------------------------------------------------------
    def type_message(self, text: str) -> int:
        """Type `text` and press Enter; returns how many bot messages there were before."""
        before = self.bot_count()
        self.input.fill(text)
        self.input.press("Enter")
        return before

    def click_reply(self, title: str) -> int:
        before = self.bot_count()
        self.current_quick_replies().filter(has_text=re.compile(f"^{re.escape(title)}$")).click()
        return before

    def wait_for_reply(self, before: int, settled: str = _EMERGENCY_END) -> str:
        """Wait until the bot has answered (see _REPLY_SETTLED); the last bot text."""
        self.page.wait_for_function(_REPLY_SETTLED, arg=[before, settled],
                                    timeout=REPLY_TIMEOUT)
        return self.last_bot_text()

    def say(self, text: str) -> str:
        return self.wait_for_reply(self.type_message(text))

    # --- the conversation's state ----------------------------------------------------
    def stored(self) -> dict:
        raw = self.page.evaluate(f"sessionStorage.getItem({json.dumps(STORAGE_KEY)})")
        return json.loads(raw) if raw else {}

    def session_id(self) -> str:
        session_id = self.stored().get("sessionId")
        assert session_id, "the page has no session id stored"
        return session_id


def tracker(rasa_url: str, token: str, session_id: str) -> dict:
    response = requests.get(f"{rasa_url}/conversations/{session_id}/tracker",
                            params={"token": token}, timeout=30)
    response.raise_for_status()
    return response.json()


def answer_for(question: str) -> str:
    """What a person with a mild, non-urgent problem answers to a history question."""
    q = question.lower()
    if "how old" in q:
        return "45"
    if "0 (no pain) to 10" in q or "how bad" in q:
        return "4"
    if "how long" in q:
        return "2 weeks"
    if "suddenly or gradually" in q:
        return "Gradually"
    if q.startswith("can you") or "can you take" in q or "anything ease" in q:
        return "Yes"
    return "No"
