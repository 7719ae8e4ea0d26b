"""Fixtures for the channel tests: the assistant served in this process with fake
Telegram and Slack APIs (harness.py), started once per session, and a person on each
service, new for every test.

A plugin the webhook tests name in `pytest_plugins`, not a conftest.py: tests/unit imports
helpers with `from conftest import ...`, which breaks when pytest has loaded a second
conftest.py (as `pytest tests/unit tests/channels` does)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

import pytest
import structlog
import yaml

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from channels import enabled  # noqa: E402
from tests.channels.harness import (  # noqa: E402
    ENVIRONMENT,
    MODEL,
    SLACK_API,
    TELEGRAM_API,
    FakeServices,
    InProcessRasa,
    SlackPerson,
    TelegramChat,
    wait_for_actions,
)
from tests.servers import free_port, start_process, stop_process  # noqa: E402


@pytest.fixture(scope="session")
def services() -> FakeServices:
    return FakeServices()


@pytest.fixture(scope="session")
def assistant(services: FakeServices, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Rasa with the Telegram and Slack sections of credentials.yml, through
    channels.enabled, as `make run` starts it; the fake services answer for both."""
    from aioresponses import aioresponses

    if not MODEL.exists():
        pytest.skip(f"{MODEL.relative_to(ROOT)} is missing: run `make train` first")
    # Rasa's structured log is set up by its CLI; unset, it prints every debug line
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    tmp = tmp_path_factory.mktemp("channels")
    logs = ROOT / "results"
    logs.mkdir(exist_ok=True)
    actions_port = free_port()
    action_server = start_process([str(ROOT / ".venv" / "bin" / "rasa"), "run", "actions",
                                   "--actions", "actions", "--port", str(actions_port)],
                                  logs / "channels-actions.log")  # stopped first, whatever fails
    rasa = InProcessRasa(tmp / "credentials.yml", f"http://127.0.0.1:{actions_port}/webhook")
    mocked = aioresponses(passthrough=["http://127.0.0.1", "http://localhost"])
    try:
        mocked.start()
        mocked.post(TELEGRAM_API, callback=services.telegram, repeat=True)
        mocked.post(SLACK_API, callback=services.slack, repeat=True)
        with pytest.MonkeyPatch.context() as env:  # the variables only while Rasa reads them
            for name, value in ENVIRONMENT.items():
                env.setenv(name, value)
            env.delenv("SLACK_CHANNEL", raising=False)
            assert enabled.main([str(ROOT / "credentials.yml"), str(tmp / "enabled.yml")]) == 0
            sections = yaml.safe_load((tmp / "enabled.yml").read_text(encoding="utf-8"))
            # the channels under test (and REST), whatever else credentials.yml offers
            wanted = {key: value for key, value in sections.items()
                      if key in ("rest", "channels.telegram.TelegramInput",
                                 "channels.slack.SlackInput")}
            assert len(wanted) == 3, sections
            (tmp / "credentials.yml").write_text(yaml.safe_dump(wanted), encoding="utf-8")
            wait_for_actions(actions_port, action_server)
            rasa.start()
        yield rasa
    finally:
        stop_process(action_server)
        rasa.stop()
        mocked.stop()


@pytest.fixture
def telegram(assistant: Any, services: FakeServices) -> TelegramChat:
    return TelegramChat(assistant, services)


@pytest.fixture
def slack(assistant: Any, services: FakeServices) -> SlackPerson:
    return SlackPerson(assistant, services)
