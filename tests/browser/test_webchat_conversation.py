"""A whole conversation on a desktop screen, a reload in the middle of one, and the page
used with the keyboard alone."""

from __future__ import annotations

from playwright.sync_api import expect

from .chat_page import (
    GREETING,
    OUTCOME,
    REPLY_TIMEOUT,
    RESULTS,
    UNDERSTOOD,
    Chat,
    answer_for,
    tracker,
)

COMPLAINT = "my knee hurts and it goes down into my shin when I walk"
MAX_QUESTIONS = 20
LEVEL_CLASSES = {"urgent": "card--urgent", "soon": "card--soon", "self_care": "card--self-care"}


def test_a_described_pain_is_triaged_to_an_outcome(page, page_url, assistant):
    chat = Chat(page, page_url)
    chat.open()
    disclaimer = page.get_by_text("Triage advice, not a diagnosis.")
    expect(disclaimer).to_be_visible()
    expect(disclaimer.get_by_role("link", name="999")).to_have_attribute("href", "tel:999")

    question = chat.say(COMPLAINT)
    expect(chat.user_bubbles.last).to_have_text(COMPLAINT)
    understood = next(t for t in chat.bot_texts() if t.startswith(UNDERSTOOD))
    assert "shin" in understood

    typed = clicked = 0
    for turn in range(MAX_QUESTIONS):
        if any(text.startswith(OUTCOME) for text in chat.bot_texts()):
            break
        answer = answer_for(question)
        titles = chat.current_quick_replies().all_text_contents()
        if answer in titles and turn % 2 == 0:
            asked = chat.bot_messages.nth(chat.bot_count() - 1)
            before = chat.click_reply(answer)
            clicked += 1
            # The choice shows as the person's message and the buttons it came from go away.
            expect(chat.user_bubbles.last).to_have_text(answer)
            expect(asked.locator(".quick-reply")).to_have_count(0)
        else:
            before = chat.type_message(answer.lower() if answer in titles else answer)
            typed += 1
        question = chat.wait_for_reply(before)
    else:
        raise AssertionError(f"no outcome after {MAX_QUESTIONS} answers; last: {question!r}")
    assert typed and clicked, f"answered {typed} by typing and {clicked} with buttons"

    # The outcome is one card with its level, and the menu to go on with.
    card = page.locator("#transcript .card")
    expect(card).to_have_count(1)
    expect(card.get_by_text(OUTCOME)).to_be_visible()
    for title in ("Exercises", "Summary for my doctor", "Start over"):
        expect(chat.current_quick_replies().filter(has_text=title)).to_be_visible()
    # Only the latest question's buttons are offered.
    expect(chat.quick_replies).to_have_count(chat.current_quick_replies().count())

    # What the person saw is what Rasa decided.
    slots = tracker(assistant.rasa_url, assistant.token, chat.session_id())["slots"]
    level = slots["triage_level"]
    assert level in LEVEL_CLASSES, f"a mild knee-to-shin pain triaged {level!r}"
    expect(card).to_have_class(f"card {LEVEL_CLASSES[level]}")
    assert not slots["red_flags"]

    card.scroll_into_view_if_needed()
    page.screenshot(path=str(RESULTS / "outcome-desktop.png"))


def test_a_reload_keeps_the_conversation(page, page_url, assistant):
    chat = Chat(page, page_url)
    chat.open()
    first_question = chat.say(COMPLAINT)
    before = chat.type_message(answer_for(first_question))
    second_question = chat.wait_for_reply(before)
    session_id = chat.session_id()
    bots, users = chat.bot_texts(), chat.user_texts()
    buttons = chat.current_quick_replies().all_text_contents()

    page.reload()
    expect(chat.bot_bubbles).to_have_count(len(bots))
    assert chat.bot_texts() == bots
    assert chat.user_texts() == users
    assert chat.session_id() == session_id
    # The latest question can still be answered with its buttons.
    expect(chat.current_quick_replies()).to_have_text(buttons)

    before = chat.type_message(answer_for(second_question))
    reply = chat.wait_for_reply(before)
    new = chat.bot_texts()[len(bots):]
    assert new, "no reply after the reload"
    assert not any(GREETING in text for text in new), f"greeted again: {new}"
    assert reply != second_question, "the question was asked again"
    assert chat.session_id() == session_id

    # Rasa carried on with the same conversation: everything said is in one tracker.
    events = tracker(assistant.rasa_url, assistant.token, session_id)["events"]
    said = [e.get("text") for e in events if e["event"] == "user"]
    assert said[-3:] == [COMPLAINT, answer_for(first_question), answer_for(second_question)]


def test_the_page_works_with_the_keyboard_alone(page, page_url):
    chat = Chat(page, page_url)
    chat.open()
    # New messages are announced politely to screen readers.
    expect(chat.transcript).to_have_attribute("aria-live", "polite")

    # Tab from the top of the page reaches the message box.
    page.locator("body").focus()
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "message":
            break
    else:
        raise AssertionError("Tab never reached the message box")

    before = chat.bot_count()
    page.keyboard.type(COMPLAINT)
    page.keyboard.press("Enter")
    expect(chat.user_bubbles.last).to_have_text(COMPLAINT)
    question = chat.wait_for_reply(before)
    expect(chat.current_quick_replies().first).to_be_visible()

    # The answers offered are just before the message box in the tab order.
    focused = ""
    for _ in range(6):
        page.keyboard.press("Shift+Tab")
        focused = page.evaluate(
            "document.activeElement.classList.contains('quick-reply')"
            " ? document.activeElement.textContent : ''")
        if focused:
            break
    assert focused, "Shift+Tab from the message box never reached a quick reply"
    while focused != "No":
        page.keyboard.press("Shift+Tab")
        focused = page.evaluate("document.activeElement.textContent")
        assert focused in {"Yes", "No", "Not sure"}, f"left the answers at {focused!r}"
    before = chat.bot_count()
    page.keyboard.press("Enter")
    expect(chat.user_bubbles.last).to_have_text("No")
    # After answering, the focus is back in the message box, ready for the next answer.
    expect(chat.input).to_be_focused()
    reply = chat.wait_for_reply(before)
    assert reply != question


def test_a_new_conversation_forgets_the_old_one(page, page_url):
    chat = Chat(page, page_url)
    chat.open()
    chat.say(COMPLAINT)
    old_session = chat.session_id()

    page.get_by_role("button", name="New conversation").click()
    expect(chat.user_bubbles).to_have_count(0)
    expect(chat.bot_bubbles).to_have_count(1, timeout=REPLY_TIMEOUT)
    expect(chat.bot_bubbles.first).to_contain_text(GREETING)
    new_session = chat.session_id()
    assert new_session != old_session

    # The fresh conversation is the one that survives a reload.
    page.reload()
    expect(chat.bot_bubbles).to_have_count(1)
    expect(chat.user_bubbles).to_have_count(0)
    assert chat.session_id() == new_session
    reply = chat.say("my calf aches")
    assert any(t.startswith(UNDERSTOOD) and "calf" in t for t in chat.bot_texts()), reply


def test_a_deleted_conversation_is_gone_from_the_page_after_a_reload(page, page_url, assistant):
    chat = Chat(page, page_url)
    chat.open()
    chat.say(COMPLAINT)
    session_id = chat.session_id()

    before = chat.type_message("delete this conversation")
    chat.wait_for_reply(before, settled="deleted this conversation")
    expect(chat.bot_bubbles.last).to_contain_text("I've deleted this conversation")

    # Neither the server nor the page keeps what was said; a reload shows only what came
    # after the deletion, and the conversation goes on afresh.
    said = [e.get("text") for e in tracker(assistant.rasa_url, assistant.token,
                                           session_id)["events"] if e["event"] == "user"]
    assert COMPLAINT not in said
    page.reload()
    expect(chat.bot_bubbles.last).to_contain_text("I've deleted this conversation")
    assert COMPLAINT not in chat.user_texts()
    assert "delete this conversation" not in chat.user_texts()
    assert not any(GREETING in text for text in chat.bot_texts())
    reply = chat.say("my calf aches")
    assert any(t.startswith(UNDERSTOOD) and "calf" in t for t in chat.bot_texts()), reply
