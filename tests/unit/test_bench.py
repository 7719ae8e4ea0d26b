"""The benchmark's load driver and report (bench/), against a small local web server."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator

import pytest
from aiohttp import web

from bench import load, report
from bench.sides import group_rss_mb
from tests.servers import free_port


@pytest.fixture
def webhook() -> Iterator[tuple[str, list[dict]]]:
    """A REST-webhook look-alike on loopback: answers every message after 10 ms, and with
    a server error when the message is "fail"."""
    received: list[dict] = []
    port = free_port()
    loop = asyncio.new_event_loop()
    ready = threading.Event()

    async def answer(request: web.Request) -> web.Response:
        body = await request.json()
        received.append(body)
        await asyncio.sleep(0.01)
        if body["message"] == "fail":
            return web.json_response({"error": "boom"}, status=500)
        return web.json_response([{"recipient_id": body["sender"], "text": "ok"}])

    async def serve() -> web.AppRunner:
        app = web.Application()
        app.router.add_post("/webhooks/rest/webhook", answer)
        runner = web.AppRunner(app)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", port).start()
        return runner

    def run() -> None:
        asyncio.set_event_loop(loop)
        runner = loop.run_until_complete(serve())
        ready.set()
        loop.run_forever()
        loop.run_until_complete(runner.cleanup())

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    ready.wait(10)
    yield f"http://127.0.0.1:{port}/webhooks/rest/webhook", received
    loop.call_soon_threadsafe(loop.stop)
    thread.join(10)


def test_patients_play_whole_scripts_in_order_each_under_its_own_sender(webhook) -> None:
    url, received = webhook
    figures = load.run(url, [["hi", "my knee hurts", "no"]], patients=3, seconds=1.0)
    assert figures["errors"] == 0
    assert figures["turns"] == len(received) > 20
    assert figures["conversations"] >= 3
    by_sender: dict[str, list[str]] = {}
    for body in received:
        by_sender.setdefault(body["sender"], []).append(body["message"])
    finished = [m for m in by_sender.values() if len(m) == 3]
    assert finished and all(m == ["hi", "my knee hurts", "no"] for m in finished)
    assert len({s.rsplit("-", 1)[0] for s in by_sender}) == 3  # three patients
    assert 10 <= figures["p50_ms"] <= figures["p95_ms"] <= figures["p99_ms"]
    assert figures["turns_per_s"] > 0


def test_a_failed_turn_is_counted_and_not_timed(webhook) -> None:
    url, _ = webhook
    figures = load.run(url, [["hi", "fail"]], patients=1, seconds=0.5)
    assert figures["errors"] == figures["turns"] // 2 > 0
    assert len(figures["latencies_ms"]) == figures["turns"] - figures["errors"]


def test_percentiles_interpolate_between_ranks() -> None:
    values = [float(v) for v in range(1, 101)]
    assert load.percentile(values, 0.5) == pytest.approx(50.5)
    assert load.percentile(values, 0.99) == pytest.approx(99.01)
    assert load.percentile([], 0.5) is None


def _side(p50: float, per_s: float, rss: float) -> dict:
    figures = {"turns": 10, "conversations": 1, "errors": 0, "p50_ms": p50, "p95_ms": p50 * 2,
               "p99_ms": p50 * 3, "turns_per_s": per_s, "latencies_ms": [p50]}
    return {"start_to_first_answer_s": 10.0, "training_s": 60.0, "model_mb": 20.0,
            "rss_peak_mb": {"rasa": rss}, "scripts": 1, "scripts_reaching_outcome": None,
            "loads": {"1": figures}}


def test_ratios_and_table_compare_the_assistant_with_the_baseline(tmp_path) -> None:
    results = {"patients": [1], "seconds_per_level": 1.0,
               "sides": {"assistant": _side(30.0, 30.0, 400.0),
                         "baseline": _side(60.0, 10.0, 800.0)}}
    results["ratios"] = report.ratios(results)
    assert results["ratios"]["1_patients"]["p50_ms"] == 0.5
    assert results["ratios"]["1_patients"]["turns_per_s"] == 3.0
    assert results["ratios"]["rasa_rss"] == 0.5
    report.save(results, tmp_path)
    assert (tmp_path / "bench.png").stat().st_size > 1000
    text = report.table(results, report.previous(tmp_path))
    line = next(row for row in text.splitlines() if row.startswith("1 patient(s): p50_ms"))
    assert line.split() == ["1", "patient(s):", "p50_ms", "30", "60", "0.5", "30"]
    report.save(results, tmp_path)
    assert (tmp_path / "bench-previous.json").exists()


def test_resident_memory_of_this_process_group_is_read() -> None:
    import os

    assert group_rss_mb(os.getpgid(0)) > 10
