"""The web chat page (web/), served by Rasa itself at /webhooks/webchat/.

Named in credentials.yml as `channels.webchat.WebChatPage` (optional `directory`, default
web/dist, relative to the project root). The page talks to Rasa's socket.io channel on the
same server, so this channel takes no messages itself: it only serves the built files of
web/dist (`npm ci --prefix web && npm run build --prefix web`).

Only files that exist directly in that folder are served, looked up by their exact name (no
sub-folders, no path traversal), with a Content-Security-Policy that allows scripts, styles
and connections from this origin only. Without a build the page answers 503 and says how to
make one.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIRECTORY = "web/dist"
INDEX = "index.html"
BUILD_COMMAND = "npm ci --prefix web && npm run build --prefix web"

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".map": "application/json; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".webp": "image/webp",
    ".woff2": "font/woff2",
}

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self' ws: wss:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}

# The files have no content hash in their names: the browser may keep them but must check
# with the server (ETag) before using them, so a new build is picked up at once.
CACHE_CONTROL = "no-cache"


class WebChatPage(InputChannel):
    """Serves the web chat page; the conversation itself goes through the socketio channel."""

    @classmethod
    def name(cls) -> str:
        return "webchat"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        credentials = credentials or {}
        return cls(credentials.get("directory") or DEFAULT_DIRECTORY)

    def __init__(self, directory: str | Path = DEFAULT_DIRECTORY) -> None:
        path = Path(directory)
        self.directory = (path if path.is_absolute() else ROOT / path).resolve()

    def _files(self) -> dict[str, Path]:
        """The servable files: regular, non-hidden files directly in the directory."""
        try:
            entries = list(self.directory.iterdir())
        except OSError:
            return {}
        return {
            entry.name: entry for entry in entries
            if entry.is_file() and not entry.name.startswith(".")
            and entry.resolve().parent == self.directory
        }

    def _serve(self, request: Request, name: str) -> HTTPResponse:
        files = self._files()
        if INDEX not in files:
            return response.text(
                f"The web chat page is not built. Run `{BUILD_COMMAND}` in the project "
                "folder, then reload this page.\n",
                status=503,
                headers={**SECURITY_HEADERS, "Cache-Control": "no-store", "Retry-After": "60"},
            )
        path = files.get(name)
        if path is None:
            return response.text("Not found.\n", status=404,
                                 headers={**SECURITY_HEADERS, "Cache-Control": "no-store"})
        body = path.read_bytes()
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        headers = {**SECURITY_HEADERS, "Cache-Control": CACHE_CONTROL, "ETag": etag}
        if etag in [tag.strip() for tag in request.headers.get("if-none-match", "").split(",")]:
            return HTTPResponse(status=304, headers=headers)
        content_type = CONTENT_TYPES.get(path.suffix.lower(), "application/octet-stream")
        if request.method == "HEAD":
            return HTTPResponse(status=200, headers={**headers, "Content-Length": str(len(body))},
                                content_type=content_type)
        return response.raw(body, content_type=content_type, headers=headers)

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        page = Blueprint("webchat_page", __name__)

        # Sanic 21.12's routes are not strict about the trailing slash: .../webchat reaches
        # the "/" route and .../webchat/ the file route with an empty name. The page links its
        # files relative to itself, so without the slash it redirects to the address with it.
        @page.route("/", methods=["GET", "HEAD"], name="page")
        async def index(request: Request) -> HTTPResponse:
            if not request.path.endswith("/"):
                last_segment = request.path.rsplit("/", 1)[-1]
                return response.redirect(f"{last_segment}/", status=308,
                                         headers={"Cache-Control": "no-cache"})
            return self._serve(request, INDEX)

        @page.route("/<name:str>", methods=["GET", "HEAD"], name="page_file")
        async def file(request: Request, name: str) -> HTTPResponse:
            return self._serve(request, name or INDEX)

        if not (self.directory / INDEX).is_file():
            logger.warning("The web chat page is not built (%s has no %s): run `%s`.",
                           self.directory, INDEX, BUILD_COMMAND)
        return page
