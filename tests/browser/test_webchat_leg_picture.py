"""The leg picture, for people who cannot name the spot: a click or the keyboard tells the
assistant where it hurts."""

from __future__ import annotations

from playwright.sync_api import expect

from .chat_page import RESULTS, UNDERSTOOD, Chat, tracker


def understood_reply(chat: Chat) -> str:
    return next(text for text in reversed(chat.bot_texts()) if text.startswith(UNDERSTOOD))


def test_clicking_the_calf_on_the_back_view_tells_the_assistant(page, page_url, assistant):
    chat = Chat(page, page_url)
    chat.open()
    show = page.get_by_role("button", name="Show me where")
    expect(show).to_have_attribute("aria-expanded", "false")
    show.click()
    panel = page.locator("#leg-panel")
    expect(panel).to_be_visible()
    expect(show).to_have_attribute("aria-expanded", "true")
    back = page.locator("figure.leg-view--back")
    expect(back.locator("figcaption")).to_have_text("Back")
    page.screenshot(path=str(RESULTS / "leg-picture-desktop.png"))

    before = chat.bot_count()
    back.get_by_role("button", name="Calf", exact=True).click()
    expect(chat.user_bubbles.last).to_have_text("Calf")
    expect(panel).to_be_hidden()
    chat.wait_for_reply(before)
    reply = understood_reply(chat)
    assert "calf" in reply.lower(), reply

    slots = tracker(assistant.rasa_url, assistant.token, chat.session_id())["slots"]
    assert slots["body_locations"] == ["calf"]

    # In the middle of the questions, a place picked on the picture is acknowledged and the
    # question comes again.
    chat.say("it aches and tingles")
    question = chat.last_bot_text()
    show.click()
    before = chat.bot_count()
    page.locator("figure.leg-view--front").get_by_role("button", name="Ankle", exact=True).click()
    chat.wait_for_reply(before)
    assert chat.bot_texts()[before:] == [
        "Thanks, I've added your ankle to what you've told me.", question]


def test_a_part_of_the_leg_can_be_chosen_with_the_keyboard(page, page_url, assistant):
    chat = Chat(page, page_url)
    chat.open()
    show = page.get_by_role("button", name="Show me where")
    show.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#leg-panel")).to_be_visible()

    # Tab through the parts of the picture to the back of the knee.
    target = "Back of the knee"
    for _ in range(25):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('aria-label')") == target:
            break
    else:
        raise AssertionError(f"Tab never reached {target!r}")
    region = page.get_by_role("button", name=target, exact=True)
    expect(region).to_be_focused()
    # The focused part is highlighted and outlined, so sighted keyboard users see where they are.
    outline, fill = region.evaluate(
        "e => { const s = getComputedStyle(e); return [s.outlineStyle, s.fill]; }")
    assert outline == "solid", outline
    unfocused_fill = page.get_by_role("button", name="Calf", exact=True).evaluate(
        "e => getComputedStyle(e).fill")
    assert fill != unfocused_fill
    expect(page.locator("#leg-hint")).to_have_text(target)

    before = chat.bot_count()
    page.keyboard.press("Enter")
    expect(chat.user_bubbles.last).to_have_text(target)
    chat.wait_for_reply(before)
    assert "the back of your knee" in understood_reply(chat).lower()
    slots = tracker(assistant.rasa_url, assistant.token, chat.session_id())["slots"]
    assert slots["body_locations"] == ["back_of_knee"]

    # Escape closes the picture and gives the focus back to its button.
    expect(page.locator("#leg-panel")).to_be_hidden()
    show.click()
    expect(page.locator("#leg-panel")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#leg-panel")).to_be_hidden()
    expect(page.get_by_role("button", name="Show me where")).to_be_focused()
