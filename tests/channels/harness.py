"""What the channel tests run against: the assistant with its Telegram and Slack
connectors, in this process, with neither service. Rasa's Sanic app (built by
rasa.core.run from credentials.yml, as `make run` does) serves on a free port in a thread,
with the trained model and the real action server; the connectors' calls to
api.telegram.org and slack.com are intercepted at aiohttp (both aiogram and slack_sdk use
it) by `aioresponses`, which answers as the services would and records each call. Calls
to the action server on 127.0.0.1 pass through.

The tests post updates and events in the services' own formats to the webhook routes and
read what would have been sent. Telegram answers within the webhook request; Slack in a
background task, so its tests wait (with a deadline) for the posts they expect.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import itertools
import json
import os
import re
import threading
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlencode

import requests

from tests.servers import free_port

ROOT = Path(__file__).resolve().parents[2]
os.environ["RASA_TELEMETRY_ENABLED"] = "false"  # before Rasa is imported
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")

MODEL = ROOT / "models" / "knee-triage.tar.gz"
TELEGRAM_TOKEN = "123456789:TEST-telegram-token"
SLACK_SECRET = "test-signing-secret"
ENVIRONMENT = {
    "TELEGRAM_TOKEN": TELEGRAM_TOKEN,
    "TELEGRAM_BOT_NAME": "knee_triage_bot",
    "TELEGRAM_WEBHOOK_URL": "https://triage.example.org/webhooks/telegram/webhook",
    "SLACK_TOKEN": "xoxb-test-slack-token",
    "SLACK_SIGNING_SECRET": SLACK_SECRET,
}
BOT_USER = "UKNEEBOT"  # the Slack app's bot user
TELEGRAM_API = re.compile(r"^https://api\.telegram\.org/bot(?P<token>[^/]+)/(?P<method>\w+)$")
SLACK_API = re.compile(r"^https://slack\.com/api/(?P<method>[\w.]+)$")
DEADLINE = 60.0  # seconds to wait for a reply (a turn takes about one)


# -- the services, as seen from the connectors ------------------------------------------

@dataclass
class Call:
    """One call a connector made to Telegram or Slack, and what the fake answered."""

    service: str
    method: str
    params: dict[str, Any]
    token: str
    result: Any = None

    @property
    def chat(self) -> str:
        return str(self.params.get("chat_id") or self.params.get("channel") or "")

    @property
    def text(self) -> str:
        return str(self.params.get("text") or "")

    @property
    def keyboard(self) -> list[list[dict[str, str]]]:
        """Telegram inline keyboard rows; [] without one."""
        markup = self.params.get("reply_markup")
        markup = json.loads(markup) if isinstance(markup, str) else markup or {}
        return markup.get("inline_keyboard") or []

    @property
    def block_buttons(self) -> list[dict[str, Any]]:
        """Slack Block Kit buttons; [] without any."""
        blocks = self.params.get("blocks") or []
        blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
        return [element for block in blocks if block.get("type") == "actions"
                for element in block.get("elements", [])]


def _form_fields(data: Any) -> dict[str, Any]:
    """aiogram posts aiohttp.FormData; read its fields back."""
    if data is None:
        return {}
    if isinstance(data, dict):
        return dict(data)
    return {options["name"]: value for options, _headers, value in data._fields}


class FakeServices:
    """Answers the connectors' calls as Telegram and Slack would, and keeps them."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self._changed = threading.Condition()
        self._ids = itertools.count(1000)

    def _keep(self, call: Call) -> None:
        with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    def telegram(self, url: Any, **kwargs: Any) -> Any:
        from aioresponses import CallbackResult

        match = TELEGRAM_API.match(str(url))
        params = _form_fields(kwargs.get("data"))
        method = match.group("method")
        result: Any = True
        if method == "getMe":
            result = {"id": 123456789, "is_bot": True, "first_name": "Knee triage",
                      "username": ENVIRONMENT["TELEGRAM_BOT_NAME"]}
        elif method in ("sendMessage", "editMessageText"):
            chat_id = int(params["chat_id"])
            result = {"message_id": int(params.get("message_id") or next(self._ids)),
                      "date": int(time.time()), "text": params.get("text", ""),
                      "chat": {"id": chat_id, "type": "private", "first_name": "Pat"},
                      "from": {"id": 123456789, "is_bot": True, "first_name": "Knee triage"}}
            if params.get("reply_markup"):
                result["reply_markup"] = json.loads(params["reply_markup"])
        self._keep(Call("telegram", method, params, match.group("token"), result))
        return CallbackResult(payload={"ok": True, "result": result})

    def slack(self, url: Any, **kwargs: Any) -> Any:
        from aioresponses import CallbackResult

        method = SLACK_API.match(str(url)).group("method")
        params = dict(kwargs.get("json") or _form_fields(kwargs.get("data")))
        token = (kwargs.get("headers") or {}).get("Authorization", "").removeprefix("Bearer ")
        ts = params.get("ts") or f"{time.time():.6f}"
        result = {"ok": True, "channel": params.get("channel"), "ts": ts,
                  "message": {"text": params.get("text", ""), "ts": ts, "bot_id": "BKNEE",
                              "user": BOT_USER, "blocks": params.get("blocks") or []}}
        self._keep(Call("slack", method, params, token, result))
        return CallbackResult(payload=result)

    def mark(self) -> int:
        with self._changed:
            return len(self.calls)

    def since(self, mark: int, method: str | None = None, chat: str | None = None) -> list[Call]:
        with self._changed:
            calls = self.calls[mark:]
        return [call for call in calls if (method is None or call.method == method)
                and (chat is None or call.chat == str(chat))]

    def wait(self, until: Callable[[], Any], timeout: float = DEADLINE) -> Any:
        """Wait until `until()` is truthy, and return it; fail after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = until()
                if found:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    recent = [(c.method, c.chat, c.text[:60]) for c in self.calls[-8:]]
                    raise AssertionError(f"not seen within {timeout:.0f}s; last calls: {recent}")
                self._changed.wait(min(left, 0.5))


# -- Rasa, in this process -----------------------------------------------------------------

class InProcessRasa:
    """Rasa's app as `rasa run` builds it, served from a thread on a free port."""

    def __init__(self, credentials: Path, action_url: str) -> None:
        self.credentials, self.action_url = credentials, action_url
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.ready = threading.Event()
        self.error: BaseException | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self.app: Any = None
        self._thread = threading.Thread(target=self._run, name="rasa", daemon=True)

    def start(self, timeout: float = 300) -> None:
        self._thread.start()
        if not self.ready.wait(timeout):
            raise RuntimeError(f"Rasa did not start within {timeout:.0f}s")
        if self.error:
            raise RuntimeError("Rasa did not start") from self.error

    def stop(self) -> None:
        if self._loop and self._stop:
            self._loop.call_soon_threadsafe(self._stop.set)
        if self._thread.ident is not None:
            self._thread.join(60)

    def channel(self, name: str) -> Any:
        """The running input channel called `name` ("telegram", "slack")."""
        return next(c for c in self.app.ctx.input_channels if c.name() == name)

    def run(self, work: Any, timeout: float = DEADLINE) -> Any:
        """Run a coroutine on the server's event loop, as the connectors' own code runs."""
        return asyncio.run_coroutine_threadsafe(work, self._loop).result(timeout)

    def _run(self) -> None:
        self._loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self._loop)
        try:
            self._loop.run_until_complete(self._serve())
        except BaseException as error:  # reported to the starting thread
            self.error = error
            self.ready.set()
        finally:  # as Sanic does on shutdown: nothing left running on a closed loop
            pending = asyncio.all_tasks(self._loop)
            for task in pending:
                task.cancel()
            self._loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            self._loop.run_until_complete(self._loop.shutdown_asyncgens())
            self._loop.close()

    async def _serve(self) -> None:
        import rasa.core.run
        from rasa.core.utils import AvailableEndpoints
        from rasa.utils.endpoints import EndpointConfig

        endpoints = AvailableEndpoints(action=EndpointConfig(self.action_url))
        channels = rasa.core.run.create_http_input_channels(None, str(self.credentials))
        app = rasa.core.run.configure_app(channels, enable_api=False, endpoints=endpoints,
                                          port=self.port)
        self.app = app
        app.register_listener(partial(rasa.core.run.load_agent_on_start, str(MODEL),
                                      endpoints, None), "before_server_start")
        # create_server awaits the AsyncioServer itself: the socket is open on return
        server = await app.create_server(host="127.0.0.1", port=self.port,
                                         return_asyncio_server=True, access_log=False)
        await server.startup()
        await server.before_start()
        await server.after_start()
        self._stop = asyncio.Event()
        self.ready.set()
        await self._stop.wait()
        await server.before_stop()
        server.close()
        for connection in list(server.connections):
            connection.close_if_idle()
        await server.wait_closed()
        await server.after_stop()


def wait_for_actions(port: int, process: Any, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the action server exited; see results/channels-actions.log")
        try:
            if requests.get(f"http://127.0.0.1:{port}/health", timeout=5).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(1)
    raise RuntimeError("the action server did not start")


# -- the people, as seen from the assistant ------------------------------------------------

_numbers = itertools.count(1)


def unique() -> int:
    return next(_numbers)


@dataclass
class TelegramChat:
    """A person in a private chat with the bot, sending updates as Telegram does."""

    assistant: Any
    services: FakeServices
    chat_id: int = field(default_factory=lambda: 700_000_000 + unique())
    secret: str | None = None

    def user(self) -> dict[str, Any]:
        return {"id": self.chat_id, "is_bot": False, "first_name": "Pat",
                "language_code": "en"}

    def message(self, text: str | None = None, **content: Any) -> dict[str, Any]:
        message = {"message_id": unique(), "from": self.user(), "date": int(time.time()),
                   "chat": {"id": self.chat_id, "first_name": "Pat", "type": "private"}}
        if text is not None:
            message["text"] = text
        message.update(content)
        return message

    def update(self, **body: Any) -> dict[str, Any]:
        return {"update_id": 500_000 + unique(), **body}

    def post(self, update: dict[str, Any], secret: str | None = None) -> requests.Response:
        from channels.telegram import SECRET_HEADER, webhook_secret

        header = webhook_secret(TELEGRAM_TOKEN) if secret is None else secret
        return requests.post(f"{self.assistant.url}/webhooks/telegram/webhook", json=update,
                             headers={SECRET_HEADER: header}, timeout=DEADLINE)

    def send(self, update: dict[str, Any]) -> list[Call]:
        """Post an update; the messages sent to this chat while it was handled."""
        mark = self.services.mark()
        answer = self.post(update)
        assert answer.status_code == 200, answer.text
        return self.services.since(mark, "sendMessage", self.chat_id)

    def say(self, text: str) -> list[Call]:
        return self.send(self.update(message=self.message(text)))

    def press(self, sent: Call, title: str) -> list[Call]:
        """Tap the inline button `title` under the bot's message `sent`."""
        button = next(b for row in sent.keyboard for b in row if b["text"] == title)
        query = {"id": str(4_000_000 + unique()), "from": self.user(),
                 "message": sent.result, "chat_instance": "-123456789",
                 "data": button["callback_data"]}
        return self.send(self.update(callback_query=query))


@dataclass
class SlackPerson:
    """A person writing to the app in a DM, with requests signed as Slack signs them."""

    assistant: Any
    services: FakeServices
    user: str = field(default_factory=lambda: f"UPAT{unique():05d}")
    channel: str = field(default_factory=lambda: f"DPAT{unique():05d}")

    def event(self, text: str, **event: Any) -> dict[str, Any]:
        ts = f"{time.time():.6f}"
        body = {"type": "message", "channel_type": "im", "user": self.user, "text": text,
                "ts": ts, "channel": self.channel, "event_ts": ts, "team": "TCLINIC"}
        body.update(event)
        return {"token": "verification-token-unused", "team_id": "TCLINIC",
                "api_app_id": "AKNEE", "event": body, "type": "event_callback",
                "event_id": f"Ev{unique():08d}", "event_time": int(time.time()),
                "authorizations": [{"enterprise_id": None, "team_id": "TCLINIC",
                                    "user_id": BOT_USER, "is_bot": True,
                                    "is_enterprise_install": False}],
                "is_ext_shared_channel": False}

    def post(self, body: bytes, content_type: str, timestamp: float | None = None,
             secret: str = SLACK_SECRET, headers: dict[str, str] | None = None
             ) -> requests.Response:
        stamp = str(int(time.time() if timestamp is None else timestamp))
        digest = hmac.new(secret.encode(), f"v0:{stamp}:".encode() + body,
                          hashlib.sha256).hexdigest()
        return requests.post(
            f"{self.assistant.url}/webhooks/slack/webhook", data=body, timeout=DEADLINE,
            headers={"Content-Type": content_type, "X-Slack-Request-Timestamp": stamp,
                     "X-Slack-Signature": f"v0={digest}", **(headers or {})})

    def post_event(self, body: dict[str, Any], **options: Any) -> requests.Response:
        return self.post(json.dumps(body).encode(), "application/json", **options)

    def click(self, posted: Call, title: str) -> requests.Response:
        """Click the Block Kit button `title` of the app's message `posted`."""
        button = next(b for b in posted.block_buttons if b["text"]["text"] == title)
        payload = {
            "type": "block_actions", "user": {"id": self.user, "username": "pat",
                                              "team_id": "TCLINIC"},
            "api_app_id": "AKNEE", "token": "verification-token-unused",
            "container": {"type": "message", "message_ts": posted.result["ts"],
                          "channel_id": self.channel, "is_ephemeral": False},
            "trigger_id": "123.456.abc", "team": {"id": "TCLINIC", "domain": "clinic"},
            "channel": {"id": self.channel, "name": "directmessage"},
            "message": posted.result["message"],
            "response_url": "https://hooks.slack.com/actions/TCLINIC/1/abc",
            "actions": [{"action_id": "a1", "block_id": "b1", "type": "button",
                         "text": button["text"], "value": button["value"],
                         "action_ts": f"{time.time():.6f}"}],
        }
        body = urlencode({"payload": json.dumps(payload)}).encode()
        return self.post(body, "application/x-www-form-urlencoded")

    def posts(self, mark: int) -> list[Call]:
        return self.services.since(mark, "chat.postMessage", self.channel)

    def wait_for(self, mark: int, words: str) -> list[Call]:
        """The posts to this DM since `mark`, once one of them contains `words`."""
        return self.services.wait(
            lambda: (lambda posts: posts if any(words in p.text for p in posts) else None)(
                self.posts(mark)))

    def say(self, text: str, words: str) -> list[Call]:
        mark = self.services.mark()
        answer = self.post_event(self.event(text))
        assert answer.status_code == 200, answer.text
        return self.wait_for(mark, words)
