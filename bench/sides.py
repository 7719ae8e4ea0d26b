"""The two sides of the benchmark, trained if needed and started on loopback ports.

- the assistant: `models/knee-triage.tar.gz` (built by `make train`), started as `make run`
  starts it: the action server, then Rasa with the project's tracker store (SQLite, on a
  file of the run's own) and the REST channel;
- the baseline: the stock `rasa init` assistant (Rasa 3.6's default pipeline and policies,
  copied from Rasa's own initial project into build/bench/baseline and trained there), with
  what it needs: Rasa alone, its default in-memory tracker store, no action server.

Each side's start is timed from launching its processes to the first answered message, and
the resident memory of each process group (Rasa; the action server) is sampled every
quarter second while it runs; the peak is reported.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import requests
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from servers import ENV, endpoint_settings, free_port, start_process, stop_process  # noqa: E402

RASA = ROOT / ".venv" / "bin" / "rasa"
ASSISTANT_MODEL = ROOT / "models" / "knee-triage.tar.gz"
ASSISTANT_TRAINING = ROOT / "models" / "knee-triage.training.json"
BASELINE = ROOT / "build" / "bench" / "baseline"
BASELINE_MODEL = BASELINE / "models" / "stock.tar.gz"
BASELINE_TRAINING = BASELINE / "models" / "stock.training.json"
START_TIMEOUT_S = 300
PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Side:
    name: str
    model: Path
    training: Path  # {"seconds": ...} written when the model was trained
    project: Path  # the directory Rasa runs in
    actions: bool  # needs the project's action server


ASSISTANT = Side("assistant", ASSISTANT_MODEL, ASSISTANT_TRAINING, ROOT, actions=True)
BASELINE_SIDE = Side("baseline", BASELINE_MODEL, BASELINE_TRAINING, BASELINE, actions=False)


def training_seconds(side: Side) -> float | None:
    try:
        return json.loads(side.training.read_text(encoding="utf-8"))["seconds"]
    except (OSError, ValueError, KeyError):
        return None


def prepare_baseline() -> None:
    """Copy Rasa's initial project (what `rasa init` copies) and train it, once, timed."""
    if BASELINE_MODEL.exists():
        return
    import rasa.cli.scaffold as scaffold  # noqa: PLC0415 (Rasa is slow to import)

    initial = Path(scaffold.__file__).parent / "initial_project"
    shutil.rmtree(BASELINE, ignore_errors=True)
    shutil.copytree(initial, BASELINE)
    print("Training the stock `rasa init` assistant (build/bench/baseline) ...", flush=True)
    started = time.monotonic()
    with (BASELINE / "training.log").open("w", encoding="utf-8") as log:
        subprocess.run([str(RASA), "train", "--fixed-model-name", "stock", "--out", "models"],
                       cwd=BASELINE, env={**os.environ, **ENV}, check=True,
                       stdout=log, stderr=subprocess.STDOUT)
    seconds = round(time.monotonic() - started, 1)
    BASELINE_TRAINING.write_text(json.dumps({"seconds": seconds}), encoding="utf-8")
    print(f"  trained in {seconds:.0f}s", flush=True)


def group_rss_mb(pgid: int) -> float:
    """Resident memory of every process in a process group, in MB."""
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text().rsplit(")", 1)[1].split()
            if int(stat[2]) != pgid:  # fields after the name: state, ppid, pgrp, ...
                continue
            total += int(Path(entry.path, "statm").read_text().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
    return total / 1e6


@dataclass
class Running:
    url: str
    token: str
    started_s: float = 0.0
    groups: dict[str, int] = field(default_factory=dict)  # role -> process group id
    peaks: dict[str, float] = field(default_factory=dict)
    _stop: threading.Event = field(default_factory=threading.Event)

    def sample(self) -> None:
        while not self._stop.wait(0.25):
            for role, pgid in self.groups.items():
                self.peaks[role] = max(self.peaks.get(role, 0.0), group_rss_mb(pgid))

    def peak_rss_mb(self) -> dict[str, float]:
        return {role: round(mb, 1) for role, mb in self.peaks.items()}


def _exited(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        if process.poll() is not None:
            raise RuntimeError(f"a server exited with code {process.returncode}")


def _action_server_up(webhook: str, processes: list[subprocess.Popen], deadline: float) -> None:
    health = webhook.rsplit("/", 1)[0] + "/health"
    while time.monotonic() < deadline:
        _exited(processes)
        try:
            if requests.get(health, timeout=5).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"no action server after {START_TIMEOUT_S}s")


def _first_answer(url: str, processes: list[subprocess.Popen], deadline: float) -> None:
    while time.monotonic() < deadline:
        _exited(processes)
        try:
            reply = requests.post(f"{url}/webhooks/rest/webhook",
                                  json={"sender": "bench-start", "message": "hello"},
                                  timeout=30)
            if reply.ok and reply.json():
                return
        except (requests.RequestException, ValueError):
            pass
        time.sleep(0.1)
    raise RuntimeError(f"no answer after {START_TIMEOUT_S}s")


@contextmanager
def started(side: Side, logs: Path, workdir: Path) -> Iterator[Running]:
    """Start one side on free loopback ports; stop it on the way out."""
    logs.mkdir(parents=True, exist_ok=True)
    rasa_port = free_port()
    token = "bench" + os.urandom(12).hex()
    running = Running(f"http://localhost:{rasa_port}", token)
    credentials = workdir / f"{side.name}-credentials.yml"
    credentials.write_text(yaml.safe_dump({"rest": None}), encoding="utf-8")
    endpoints = workdir / f"{side.name}-endpoints.yml"
    settings: dict = {}
    processes: list[subprocess.Popen] = []
    launched = time.monotonic()
    if side.actions:
        actions_port = free_port()
        settings = endpoint_settings(actions_port, workdir / f"{side.name}.sqlite")
        processes.append(start_process(
            [str(RASA), "run", "actions", "--actions", "actions", "--port", str(actions_port)],
            logs / f"{side.name}-actions.log", cwd=side.project))
        running.groups["actions"] = processes[-1].pid
    endpoints.write_text(yaml.safe_dump(settings), encoding="utf-8")
    processes.append(start_process(
        [str(RASA), "run", "--model", str(side.model), "--enable-api", "--auth-token", token,
         "--port", str(rasa_port), "--endpoints", str(endpoints),
         "--credentials", str(credentials)],
        logs / f"{side.name}-rasa.log", cwd=side.project))
    running.groups["rasa"] = processes[-1].pid
    sampler = threading.Thread(target=running.sample, daemon=True)
    sampler.start()
    try:
        if side.actions:  # a reply without the action server would be an error reply
            _action_server_up(settings["action_endpoint"]["url"], processes,
                              launched + START_TIMEOUT_S)
        _first_answer(running.url, processes, launched + START_TIMEOUT_S)
        running.started_s = round(time.monotonic() - launched, 1)
        yield running
    finally:
        running._stop.set()
        sampler.join()
        for process in reversed(processes):
            stop_process(process)
