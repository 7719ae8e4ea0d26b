"""Closed-loop load: scripted patients holding whole conversations through the REST webhook.

Each of `patients` concurrent patients plays one script after another, message by message,
sending the next message as soon as the reply to the last one has arrived (no think time),
each conversation under a new sender id, until the time is up. Every turn's latency is the
time from sending the message to having read the whole reply. Talks to one URL only, which
the caller gives (loopback in the benchmark).
"""

from __future__ import annotations

import asyncio
import statistics
import time
import uuid
from dataclasses import dataclass
from typing import Any

import aiohttp

TIMEOUT_S = 60


@dataclass(frozen=True)
class Turn:
    started: float  # monotonic seconds
    seconds: float
    ok: bool


async def _send(session: aiohttp.ClientSession, url: str, sender: str, text: str) -> Turn:
    started = time.monotonic()
    try:
        async with session.post(url, json={"sender": sender, "message": text}) as response:
            body = await response.json(content_type=None)
            ok = response.status == 200 and isinstance(body, list)  # [] is a silent turn
    except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
        ok = False
    return Turn(started, time.monotonic() - started, ok)


async def _patient(session: aiohttp.ClientSession, url: str, scripts: list[list[str]],
                   first: int, step: int, deadline: float, turns: list[Turn],
                   finished: list[int], prefix: str) -> None:
    index = first
    while time.monotonic() < deadline:
        script = scripts[index % len(scripts)]
        index += step
        sender = f"{prefix}-{uuid.uuid4().hex[:12]}"
        for text in script:
            if time.monotonic() >= deadline:
                return
            turns.append(await _send(session, url, sender, text))
        finished.append(1)


async def _drive(url: str, scripts: list[list[str]], patients: int, seconds: float,
                 prefix: str) -> tuple[list[Turn], int, float]:
    turns: list[Turn] = []
    finished: list[int] = []
    connector = aiohttp.TCPConnector(limit=patients)
    timeout = aiohttp.ClientTimeout(total=TIMEOUT_S)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        started = time.monotonic()
        await asyncio.gather(*(
            _patient(session, url, scripts, n, patients, started + seconds, turns, finished,
                     f"{prefix}-{n}")
            for n in range(patients)))
        elapsed = time.monotonic() - started
    return turns, len(finished), elapsed


def run(url: str, scripts: list[list[str]], patients: int, seconds: float,
        prefix: str = "bench") -> dict[str, Any]:
    """Drive the load and summarise it: latency percentiles (ms), turns/s, errors."""
    turns, conversations, elapsed = asyncio.run(_drive(url, scripts, patients, seconds, prefix))
    return summarise(turns, conversations, elapsed, patients)


def percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    position = share * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summarise(turns: list[Turn], conversations: int, elapsed: float,
              patients: int) -> dict[str, Any]:
    answered = [t.seconds * 1000 for t in turns if t.ok]
    return {
        "patients": patients,
        "seconds": round(elapsed, 1),
        "turns": len(turns),
        "errors": sum(1 for t in turns if not t.ok),
        "conversations": conversations,
        "turns_per_s": round(len(answered) / elapsed, 2) if elapsed else 0.0,
        "p50_ms": _round(percentile(answered, 0.50)),
        "p95_ms": _round(percentile(answered, 0.95)),
        "p99_ms": _round(percentile(answered, 0.99)),
        "mean_ms": _round(statistics.fmean(answered) if answered else None),
        "latencies_ms": [round(v, 1) for v in answered],
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)
