"""An emergency stands out: a card with an icon, a heading and the numbers to call, not
colour alone; and Rasa recorded it as an emergency."""

from __future__ import annotations

from playwright.sync_api import expect

from .chat_page import RESULTS, Chat, tracker

EMERGENCY = "my knee pain goes down my leg and I can't control my bladder"


def test_an_emergency_is_shown_as_an_alert_with_the_numbers_to_call(page, page_url, assistant):
    chat = Chat(page, page_url)
    chat.open()
    chat.say(EMERGENCY)

    alert = page.get_by_role("alert")
    expect(alert).to_have_count(1)
    expect(alert).to_be_visible()
    heading = alert.get_by_role("heading", name="Emergency")
    expect(heading).to_be_visible()
    expect(alert.locator("svg.card__icon")).to_be_visible()
    for number, where in (("999", "UK"), ("911", "US"), ("112", "Europe")):
        link = alert.get_by_role("link", name=f"Call {number}")
        expect(link).to_have_attribute("href", f"tel:{number}")
        expect(alert.get_by_role("listitem").filter(has_text=f"Call {number}")).to_have_text(
            f"Call {number} {where}")
    # The advice itself is inside the card.
    expect(alert.locator(".bubble").first).to_contain_text("emergency care now")
    expect(alert).to_contain_text("get help first")

    # It looks different from an ordinary message: a thick red border and a tinted background.
    greeting = chat.bot_bubbles.first
    card_style = alert.evaluate(
        "e => { const s = getComputedStyle(e);"
        " return [s.borderLeftColor, s.borderLeftWidth, s.backgroundColor]; }")
    bubble_style = greeting.evaluate(
        "e => { const s = getComputedStyle(e);"
        " return [s.borderLeftColor, s.borderLeftWidth, s.backgroundColor]; }")
    assert card_style[0] == "rgb(179, 38, 30)", card_style
    assert float(card_style[1].removesuffix("px")) >= 6, card_style
    assert card_style[2] != bubble_style[2] and card_style[0] != bubble_style[0]

    slots = tracker(assistant.rasa_url, assistant.token, chat.session_id())["slots"]
    assert slots["triage_level"] == "emergency"
    assert slots["red_flags"], "an emergency without a red flag recorded"

    alert.scroll_into_view_if_needed()
    page.screenshot(path=str(RESULTS / "emergency-desktop.png"))
