"""What people type is only ever text: markup is shown, never run; a huge message is cut to
the limit and the page goes on working."""

from __future__ import annotations

from playwright.sync_api import expect

from .chat_page import UNDERSTOOD, Chat, answer_for

MARKUP = '<img src=x onerror="window.__pwned=1">hello <b>bold</b><script>window.__pwned=2</script>'
LIMIT = 1000


def test_markup_typed_in_the_message_box_is_shown_as_text(page, page_url):
    chat = Chat(page, page_url)
    chat.open()
    chat.say(MARKUP)

    expect(chat.user_bubbles.last).to_have_text(MARKUP)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert chat.transcript.locator("img, b, script").count() == 0
    # The assistant did not take it for a description of the pain.
    assert not any(text.startswith(UNDERSTOOD) for text in chat.bot_texts())


def test_an_oversized_message_is_cut_to_the_limit_and_the_page_goes_on(page, page_url):
    chat = Chat(page, page_url)
    chat.open()
    huge = ("my knee hurts when I walk and the pain goes down to my ankle. " * 90)[:5000]
    assert len(huge) == 5000

    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.evaluate("text => navigator.clipboard.writeText(text)", huge)
    chat.input.focus()
    page.keyboard.press("Control+V")
    assert len(chat.input.input_value()) == LIMIT
    assert chat.input.input_value() == huge[:LIMIT]
    expect(page.get_by_text(f"up to {LIMIT} characters")).to_be_visible()

    before = chat.bot_count()
    chat.input.press("Enter")
    expect(chat.user_bubbles.last).to_have_text(huge[:LIMIT].strip())
    question = chat.wait_for_reply(before)
    expect(chat.input).to_have_value("")
    expect(page.get_by_text(f"up to {LIMIT} characters")).to_be_hidden()
    # The long bubble wraps: nothing is wider than the window.
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    # The assistant read what fits in the limit (it asks again for longer ones, over 1200).
    understood = next(t for t in chat.bot_texts() if t.startswith(UNDERSTOOD))
    assert "knee" in understood and "ankle" in understood

    # The conversation goes on as usual.
    reply = chat.say(answer_for(question))
    assert reply != question
    expect(chat.user_bubbles).to_have_count(2)
