"""channels.enabled: which channels Rasa is started with, and that no secret is written."""

import os
from pathlib import Path

import pytest
import yaml

from channels.enabled import Channel, describe, main, select, variables

ROOT = Path(__file__).resolve().parents[2]
CREDENTIALS = {
    "rest": None,
    "socketio": {"user_message_evt": "user_uttered", "session_persistence": True},
    "channels.telegram.TelegramInput": {"access_token": "${TELEGRAM_TOKEN}",
                                        "verify": "${TELEGRAM_BOT_NAME}",
                                        "webhook_url": "${TELEGRAM_WEBHOOK_URL}"},
    "channels.slack.SlackInput": {"slack_token": "${SLACK_TOKEN}",
                                  "slack_signing_secret": "${SLACK_SIGNING_SECRET}",
                                  "slack_channel": "${SLACK_CHANNEL}"},
}
TELEGRAM = {"TELEGRAM_TOKEN": "1:a", "TELEGRAM_BOT_NAME": "bot",
            "TELEGRAM_WEBHOOK_URL": "https://x.org/webhooks/telegram/webhook"}
SLACK = {"SLACK_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s3cret"}


def names(channels):
    return {c.name: c.enabled for c in channels}


def test_variables_are_found_anywhere_in_a_section():
    assert variables({"a": "${A}", "b": ["x ${B} ${A}"], "c": 3, "d": None}) == ["A", "B"]


def test_without_variables_only_the_channels_that_need_none_are_on():
    kept, channels = select(CREDENTIALS, {})
    assert list(kept) == ["rest", "socketio"]
    assert names(channels) == {"rest": True, "socketio": True, "telegram": False,
                               "slack": False}
    missing = {c.name: c.missing for c in channels}
    assert missing["telegram"] == ["TELEGRAM_TOKEN", "TELEGRAM_BOT_NAME",
                                   "TELEGRAM_WEBHOOK_URL"]
    assert missing["slack"] == ["SLACK_TOKEN", "SLACK_SIGNING_SECRET"]  # channel: optional


def test_a_channel_is_on_only_when_all_its_variables_are_set():
    kept, channels = select(CREDENTIALS, {**TELEGRAM, "SLACK_TOKEN": "xoxb-1"})
    assert names(channels)["telegram"] and not names(channels)["slack"]
    assert kept["channels.telegram.TelegramInput"] == CREDENTIALS[
        "channels.telegram.TelegramInput"]  # placeholders, not values
    assert "channels.slack.SlackInput" not in kept


def test_an_empty_variable_counts_as_unset():
    _, channels = select(CREDENTIALS, {**SLACK, "SLACK_SIGNING_SECRET": ""})
    assert [c.missing for c in channels if c.name == "slack"] == [["SLACK_SIGNING_SECRET"]]


def test_an_unset_optional_setting_is_left_out_and_a_set_one_kept():
    kept, _ = select(CREDENTIALS, SLACK)
    assert "slack_channel" not in kept["channels.slack.SlackInput"]
    kept, _ = select(CREDENTIALS, {**SLACK, "SLACK_CHANNEL": "C123"})
    assert kept["channels.slack.SlackInput"]["slack_channel"] == "${SLACK_CHANNEL}"


def test_the_report_says_what_is_on_and_what_to_set():
    text = describe([Channel("rest"), Channel("channels.slack.SlackInput", ["SLACK_TOKEN"])])
    assert text.splitlines() == ["Channels:", "  on   rest",
                                 "  off  slack  (set SLACK_TOKEN to enable)"]


def test_the_written_file_holds_placeholders_and_rasa_expands_them(tmp_path, monkeypatch,
                                                                  capsys):
    """The project's credentials.yml, through the module, read as `rasa run` reads it."""
    import rasa.shared.utils.io

    for name, value in {**TELEGRAM, **SLACK}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("SLACK_CHANNEL", raising=False)
    target = tmp_path / "var" / "credentials.yml"
    assert main([str(ROOT / "credentials.yml"), str(target)]) == 0
    written = target.read_text(encoding="utf-8")
    assert "s3cret" not in written and "xoxb-1" not in written
    assert "${SLACK_SIGNING_SECRET}" in written
    read = rasa.shared.utils.io.read_config_file(target)
    assert read["channels.slack.SlackInput"] == {"slack_token": "xoxb-1",
                                                 "slack_signing_secret": "s3cret"}
    assert read["channels.telegram.TelegramInput"]["verify"] == "bot"
    printed = capsys.readouterr().out
    assert "on   telegram" in printed and "on   slack" in printed


def test_without_the_module_rasa_refuses_an_unset_variable(tmp_path):
    import rasa.shared.utils.io
    from rasa.shared.exceptions import RasaException

    assert "NOT_SET_ANYWHERE" not in os.environ
    path = tmp_path / "credentials.yml"
    path.write_text("x:\n  token: ${NOT_SET_ANYWHERE}\n", encoding="utf-8")
    with pytest.raises(RasaException):
        rasa.shared.utils.io.read_config_file(path)
    assert main([str(path), str(tmp_path / "out.yml")]) == 0
    assert yaml.safe_load((tmp_path / "out.yml").read_text()) == {}
    assert rasa.shared.utils.io.read_config_file(tmp_path / "out.yml") == {}
