"""On a phone-sized screen everything fits: no sideways scrolling, the message box and Send
are on screen, and so is the whole leg picture."""

from __future__ import annotations

from playwright.sync_api import expect

from .chat_page import RESULTS, Chat

WIDTH, HEIGHT = 375, 740


def inside_screen(locator) -> None:
    box = locator.bounding_box()
    assert box, f"{locator} is not shown"
    assert box["x"] >= 0 and box["y"] >= 0, box
    assert box["x"] + box["width"] <= WIDTH + 0.5, box
    assert box["y"] + box["height"] <= HEIGHT + 0.5, box


def no_sideways_scrolling(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
    assert page.evaluate("document.body.scrollWidth") <= WIDTH


def test_the_page_fits_a_phone_screen(phone_page, page_url):
    page = phone_page
    chat = Chat(page, page_url)
    chat.open()
    expect(page.get_by_text("Triage advice, not a diagnosis.")).to_be_visible()
    no_sideways_scrolling(page)
    for control in (chat.input, chat.send_button,
                    page.get_by_role("button", name="Show me where"),
                    page.get_by_role("button", name="New conversation")):
        expect(control).to_be_visible()
        inside_screen(control)

    chat.say("my knee hurts and my foot is all pins and needles, it's been like that for ages")
    no_sideways_scrolling(page)
    for reply in chat.current_quick_replies().all():
        inside_screen(reply)

    page.get_by_role("button", name="Show me where").tap()
    expect(page.locator("#leg-panel")).to_be_visible()
    for view in ("front", "back"):
        inside_screen(page.locator(f"figure.leg-view--{view} svg"))
    for name in ("Toes", "Sole of the foot", "Front of the thigh", "Calf"):
        inside_screen(page.get_by_role("button", name=name, exact=True))
    inside_screen(chat.input)
    inside_screen(chat.send_button)
    no_sideways_scrolling(page)
    page.screenshot(path=str(RESULTS / "phone.png"))

    before = chat.bot_count()
    page.get_by_role("button", name="Sole of the foot", exact=True).tap()
    expect(chat.user_bubbles.last).to_have_text("Sole of the foot")
    chat.wait_for_reply(before)
    no_sideways_scrolling(page)
    page.screenshot(path=str(RESULTS / "phone-conversation.png"))
