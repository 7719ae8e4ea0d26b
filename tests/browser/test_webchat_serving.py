"""How Rasa serves the page (channels/webchat.py): from its own origin only, with a
Content-Security-Policy, and nothing outside web/dist."""

from __future__ import annotations

from types import SimpleNamespace
from urllib.parse import urlsplit

import requests
from playwright.sync_api import expect

from channels.webchat import WebChatPage

from .chat_page import Chat


def test_the_page_loads_everything_from_its_own_server(page, page_url, assistant):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    response = page.goto(page_url)
    headers = response.headers
    policy = headers["content-security-policy"]
    for directive in ("default-src 'self'", "script-src 'self'", "connect-src 'self' ws: wss:",
                      "object-src 'none'", "frame-ancestors 'none'"):
        assert directive in policy, policy
    assert "unsafe-inline" not in policy
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["cache-control"]

    Chat(page, page_url).open()  # the conversation works under that policy
    own = urlsplit(assistant.rasa_url)
    assert requested
    for url in requested:
        parts = urlsplit(url)
        assert (parts.hostname, parts.port) == (own.hostname, own.port), url


def test_the_address_without_a_slash_leads_to_the_page(page, assistant):
    page.goto(f"{assistant.rasa_url}/webhooks/webchat")
    assert page.url == f"{assistant.rasa_url}/webhooks/webchat/"
    expect(page.get_by_role("heading", name="Knee pain triage")).to_be_visible()
    expect(page.get_by_label("Your message")).to_be_visible()


def test_only_the_built_files_are_served(assistant):
    base = f"{assistant.rasa_url}/webhooks/webchat"
    for name, content_type in (("app.js", "text/javascript"), ("app.css", "text/css")):
        response = requests.get(f"{base}/{name}", timeout=30)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith(content_type)
        assert response.headers["x-content-type-options"] == "nosniff"
    for path in ("/package.json", "/build.mjs", "/..%2Fpackage.json", "/%2e%2e/package.json",
                 "/..%2F..%2Fcredentials.yml", "/src/main.js", "/nothing.js"):
        response = requests.get(base + path, timeout=30)
        assert response.status_code == 404, (path, response.status_code)


def test_without_a_build_the_page_says_how_to_build_it(tmp_path):
    request = SimpleNamespace(method="GET", headers={})
    missing = WebChatPage.from_credentials({"directory": str(tmp_path / "dist")})
    response = missing._serve(request, "index.html")
    assert response.status == 503
    assert b"npm run build --prefix web" in response.body
    assert "default-src 'self'" in response.headers["content-security-policy"]

    (tmp_path / "dist").mkdir()
    (tmp_path / "dist" / "index.html").write_text("<!doctype html><title>x</title>")
    (tmp_path / "secret.txt").write_text("not for the web")
    built = WebChatPage.from_credentials({"directory": str(tmp_path / "dist")})
    assert built._serve(request, "index.html").status == 200
    assert built._serve(request, "../secret.txt").status == 404
    assert built._serve(request, "secret.txt").status == 404
