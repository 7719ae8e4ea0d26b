"""Slack Events API requests and button clicks posted to the running connector's webhook,
signed as Slack signs them; the replies are what would have been posted to slack.com (see
harness.py). The connector answers in a background task, so each test waits for the posts
it expects; a request that must produce nothing is followed by a control message, and
only the control's answer may arrive."""

import json
import time

from channels.choices import HINT
from channels.slack import ASK_FOR_WORDS
from tests.channels.harness import ENVIRONMENT

pytest_plugins = ["tests.channels.fixtures"]

COMPLAINT = "my knee hurts and my foot is all pins and needles"
RED_FLAG = "I can't feel between my legs and I've wet myself"
EMERGENCY = "This needs emergency care now"
UNDERSTOOD = "Here's what I've understood so far"
GREETING = "triage assistant for knee pain"
GREETED_AGAIN = "Hello again!"  # a greeting in the middle of the questions


def assert_only_the_control_is_answered(slack, mark):
    """Say hello; its answer must be the first thing posted since `mark`. Messages in one
    conversation are handled in turn, so an answer to anything sent before would be first."""
    answer = slack.post_event(slack.event("hello"))
    assert answer.status_code == 200
    posts = slack.services.wait(lambda: [p for p in slack.posts(mark)
                                         if GREETING in p.text or GREETED_AGAIN in p.text]
                                and slack.posts(mark))
    assert GREETING in posts[0].text or posts[0].text.startswith(GREETED_AGAIN), [
        p.text for p in posts]


def test_the_url_verification_challenge_is_answered(slack):
    challenge = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"
    body = {"token": "Jhj5dZrVaK7ZwHHjRyZWjbDl", "challenge": challenge,
            "type": "url_verification"}
    answer = slack.post_event(body)
    assert answer.status_code == 200 and answer.json() == {"challenge": challenge}


def test_a_complaint_is_said_back_then_asked_about_with_block_kit_buttons(slack):
    posts = slack.say(COMPLAINT, "?")
    assert UNDERSTOOD in posts[0].text and "tingling" in posts[0].text
    question = posts[-1]
    assert [b["text"]["text"] for b in question.block_buttons] == ["Yes", "No", "Not sure"]
    assert [b["value"] for b in question.block_buttons] == ["/affirm", "/deny", "/unsure"]
    for post in posts:
        assert post.chat == slack.channel and post.token == ENVIRONMENT["SLACK_TOKEN"]
        assert "as_user" not in post.params


def test_a_clicked_button_answers_shows_the_choice_and_works_once(slack, services):
    question = slack.say(COMPLAINT, "?")[-1]
    mark = services.mark()
    assert slack.click(question, "No").status_code == 200
    posts = services.wait(lambda: [p for p in slack.posts(mark) if p.block_buttons])
    assert posts[-1].text != question.text  # the next question
    [update] = services.since(mark, "chat.update", slack.channel)
    assert update.params["ts"] == question.result["ts"]
    assert [b["type"] for b in update.params["blocks"]] == ["section", "context"]
    assert update.params["blocks"][-1]["elements"][0]["text"] == "✓ No"

    mark = services.mark()
    assert slack.click(question, "Yes").status_code == 200  # a second click: nothing
    assert_only_the_control_is_answered(slack, mark)


def test_a_red_flag_gets_the_emergency_answer(slack):
    slack.say(COMPLAINT, "?")
    posts = slack.say(RED_FLAG, EMERGENCY)
    assert posts[0].text.startswith(EMERGENCY)


def test_an_edited_message_is_read_as_a_new_message(slack):
    slack.say(COMPLAINT, "?")
    edit = slack.event("", subtype="message_changed", user=None,
                       message={"type": "message", "user": slack.user, "text": RED_FLAG,
                                "ts": "1700000000.000100", "edited": {"user": slack.user}},
                       previous_message={"type": "message", "user": slack.user,
                                         "text": "my foot", "ts": "1700000000.000100"})
    del edit["event"]["text"]
    mark = slack.services.mark()
    assert slack.post_event(edit).status_code == 200
    assert slack.wait_for(mark, EMERGENCY)


def test_a_request_with_a_wrong_signature_is_refused(slack, services):
    mark = services.mark()
    answer = slack.post_event(slack.event(COMPLAINT), secret="not-the-signing-secret")
    assert answer.status_code == 400
    assert_only_the_control_is_answered(slack, mark)


def test_a_request_older_than_five_minutes_is_refused(slack, services):
    mark = services.mark()
    answer = slack.post_event(slack.event(COMPLAINT), timestamp=time.time() - 6 * 60)
    assert answer.status_code == 400
    assert_only_the_control_is_answered(slack, mark)


def test_a_retried_event_is_answered_once(slack, services):
    body = slack.event(COMPLAINT)
    mark = services.mark()
    assert slack.post_event(body).status_code == 200
    slack.wait_for(mark, "?")
    mark = services.mark()
    for reason in ("http_timeout", "http_error", "unknown_error"):
        retry = slack.post_event(body, headers={"X-Slack-Retry-Num": "1",
                                                "X-Slack-Retry-Reason": reason})
        assert retry.status_code == 200 and retry.headers.get("X-Slack-No-Retry") == "1"
    assert_only_the_control_is_answered(slack, mark)


def test_the_apps_own_messages_are_not_answered(slack, services):
    mark = services.mark()
    echo = slack.event("Is your knee hot or red?", bot_id="BKNEE", app_id="AKNEE",
                       user="UKNEEBOT", bot_profile={"id": "BKNEE", "name": "Knee triage"})
    assert slack.post_event(echo).status_code == 200
    assert slack.post_event(slack.event(COMPLAINT, user="UKNEEBOT")).status_code == 200
    assert_only_the_control_is_answered(slack, mark)


def test_a_file_without_words_gets_asked_for_words(slack, services):
    mark = services.mark()
    shared = slack.event("", subtype="file_share",
                         files=[{"id": "F1", "name": "knee.jpg", "mimetype": "image/jpeg"}])
    assert slack.post_event(shared).status_code == 200
    posts = slack.wait_for(mark, "not pictures")
    assert [p.text for p in posts] == [ASK_FOR_WORDS]


def test_an_oversized_message_gets_asked_for_less(slack):
    posts = slack.say("my knee hurts and the pain goes down to my foot " * 250, "long message")
    assert posts  # 12,000 characters: read, refused politely, nothing broke


def test_more_than_five_buttons_become_numbered_choices(slack, assistant, services):
    """No response in the domain has more than five; such a message is sent here directly."""
    slack.say("hello", GREETING)
    conditions = ["sciatica", "peroneal_nerve", "osteoarthritis", "meniscus_tear",
                  "bakers_cyst", "dvt"]
    buttons = [{"title": name.replace("_", " ").capitalize(),
                "payload": "/ask_condition_info" + json.dumps({"condition": name})}
               for name in conditions]
    out = assistant.channel("slack").get_output_channel(slack.channel)
    mark = services.mark()
    assistant.run(out.send_text_with_buttons(slack.user, "Which one?", buttons))
    [post] = slack.posts(mark)
    assert post.text.endswith(f"{HINT}\n1. Sciatica\n2. Peroneal nerve\n3. Osteoarthritis\n"
                              "4. Meniscus tear\n5. Bakers cyst\n6. Dvt")
    assert post.block_buttons == [] and "/ask_condition_info" not in post.text

    posts = slack.say("1.", "Sciatica")
    assert posts[0].text.startswith("Sciatica")


def test_a_mention_is_answered_once_though_it_arrives_as_two_events(slack, services):
    mark = services.mark()
    mention = slack.event(f"<@UKNEEBOT> {COMPLAINT}", type="app_mention",
                          channel_type="channel")
    message = {**mention, "event": {**mention["event"], "type": "message"},
               "event_id": mention["event_id"] + "m"}
    assert slack.post_event(mention).status_code == 200
    assert slack.post_event(message).status_code == 200
    slack.wait_for(mark, "?")
    assert_only_the_control_is_answered(slack, services.mark())
    assert [UNDERSTOOD in p.text for p in slack.posts(mark)].count(True) == 1


def test_a_bare_mention_gets_asked_for_words(slack):
    posts = slack.say("<@UKNEEBOT>", "I didn't get any words there")
    assert len(posts) == 1
