"""Browser tests of the web chat page (web/, served by channels/webchat.py).

One set of servers for the whole session (tests/servers.py: the action server and Rasa on
free ports, with the trained model), one headless Chromium, and a fresh browser context per
test, so every test starts its own conversation (sessionStorage is per context).

    npm ci --prefix web && npm run build --prefix web   # the page
    make train                                          # models/knee-triage.tar.gz
    .venv/bin/python -m pytest tests/browser -q

Chromium is Debian's (/usr/bin/chromium, or $CHROMIUM); Playwright's own browser downloads
are not used. Logs and screenshots go to results/browser/. To reuse servers that are already
running (while working on the page), set WEBCHAT_TEST_RASA_URL and WEBCHAT_TEST_TOKEN.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))  # servers.py
sys.path.insert(0, str(ROOT))  # channels.webchat

from servers import MODEL, Servers, servers  # noqa: E402

from .chat_page import RESULTS  # noqa: E402

DIST = ROOT / "web" / "dist"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--metrics-recording-only",
    "--disable-domain-reliability",
]
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 375, "height": 740}, "device_scale_factor": 2,
         "is_mobile": True, "has_touch": True}


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.exit(f"No Chromium at {path}: install Debian's chromium or set CHROMIUM.", 2)
    return path


@pytest.fixture(scope="session")
def assistant() -> Iterator[Servers]:
    """Rasa (socket.io + the page) and the action server, for the whole session."""
    if not (DIST / "index.html").is_file():
        pytest.exit("The page is not built: npm ci --prefix web && npm run build --prefix web",
                    2)
    if os.environ.get("WEBCHAT_TEST_RASA_URL"):
        yield Servers(os.environ["WEBCHAT_TEST_RASA_URL"].rstrip("/"),
                      os.environ.get("WEBCHAT_TEST_TOKEN", ""))
        return
    if not MODEL.is_file():
        pytest.exit(f"No trained model at {MODEL}: run `make train` first.", 2)
    # The channels that need no secrets, and the project's tracker store (on a file of
    # the test run's), so that deleting a conversation really deletes it.
    with servers(name="browser", logs=RESULTS, stored=True) as found:
        yield found


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    RESULTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page_url(assistant: Servers) -> str:
    return f"{assistant.rasa_url}/webhooks/webchat/"


def _page(browser: Browser, options: dict) -> Iterator[Page]:
    """A page in a fresh context; fails the test on script errors and CSP violations."""
    context: BrowserContext = browser.new_context(**options)
    context.set_default_timeout(30_000)
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("console", lambda message: problems.append(f"console {message.type}: {message.text}")
            if message.type == "error" else None)
    try:
        yield page
    finally:
        context.close()
    assert not problems, "The page reported errors:\n" + "\n".join(problems)


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A desktop-sized page."""
    yield from _page(browser, DESKTOP)


@pytest.fixture
def phone_page(browser: Browser) -> Iterator[Page]:
    """A phone-sized page with touch."""
    yield from _page(browser, PHONE)
