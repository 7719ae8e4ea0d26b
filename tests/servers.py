"""Start the assistant for a test: the action server and Rasa on free ports, with an
in-memory tracker store, stopped again on the way out.

    with servers(Path("models/knee-triage.tar.gz"), Path("results/x")) as found:
        requests.post(f"{found.rasa_url}/webhooks/rest/webhook", json=...)

Used by the scripted patient (tests/conversations) and the browser tests (tests/browser).
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import requests
import yaml

from channels import enabled

ROOT = Path(__file__).resolve().parents[1]
ENV = {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2",
       "SQLALCHEMY_SILENCE_UBER_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
MODEL = ROOT / "models" / "knee-triage.tar.gz"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Servers:
    rasa_url: str
    token: str
    action_log: Path | None = None
    rasa_log: Path | None = None
    processes: list[subprocess.Popen] = field(default_factory=list)


def start_process(command: list[str], log: Path, cwd: Path = ROOT) -> subprocess.Popen:
    """Start a server in its own session (process group), its output to `log`."""
    handle = log.open("w", encoding="utf-8")
    return subprocess.Popen(
        command, cwd=cwd, stdout=handle, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        env={**os.environ, **ENV}, start_new_session=True,
    )


def stop_process(process: subprocess.Popen) -> None:
    """Stop a server started here: its own process group (it was started in a new session)."""
    if process.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 10)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def _wait_until(check, processes: list[subprocess.Popen], what: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for process in processes:
            if process.poll() is not None:
                raise RuntimeError(f"{what}: a server exited with code {process.returncode}")
        try:
            if check():
                return
        except requests.RequestException:
            pass
        time.sleep(2)
    raise RuntimeError(f"{what}: not ready after {timeout:.0f}s")


def endpoint_settings(actions_port: int, db: Path | None = None) -> dict:
    """The project's endpoints.yml for a server of a test: its action endpoint settings on
    `actions_port`, and with `db` the project's tracker store on that SQLite file (else
    Rasa's in-memory one)."""
    project = yaml.safe_load((ROOT / "endpoints.yml").read_text(encoding="utf-8"))
    settings = {"action_endpoint": {**project["action_endpoint"],
                                    "url": f"http://localhost:{actions_port}/webhook"}}
    if db is not None:
        settings["tracker_store"] = {**project["tracker_store"], "db": str(db)}
    return settings


@contextmanager
def servers(model: Path = MODEL, logs: Path = ROOT / "results", timeout: float = 240,
            debug: bool = False, name: str = "conversations",
            credentials: Path | None = None, stored: bool = False) -> Iterator[Servers]:
    """Start the action server and Rasa on free ports; stop both on the way out.

    The channels are those of credentials.yml that need no secrets (REST, socket.io, the
    web chat page), unless a credentials file is given. The tracker store is Rasa's in-memory
    one, or with `stored` the project's own (endpoints.yml) on a SQLite file of the test's.
    Logs go to <logs>/<name>-actions.log and <logs>/<name>-rasa.log.
    """
    actions_port, rasa_port = free_port(), free_port()
    while rasa_port == actions_port:
        rasa_port = free_port()
    token = secrets.token_hex(24)  # never starts with "-", which rasa would take for an option
    rasa = str(ROOT / ".venv" / "bin" / "rasa")
    logs.mkdir(parents=True, exist_ok=True)
    found = Servers(f"http://localhost:{rasa_port}", token,
                    logs / f"{name}-actions.log", logs / f"{name}-rasa.log")
    with tempfile.TemporaryDirectory(prefix=f"{name}-") as tmp:
        if credentials is None:
            credentials = Path(tmp) / "credentials.yml"
            kept, _ = enabled.select(
                yaml.safe_load((ROOT / "credentials.yml").read_text(encoding="utf-8")), {})
            credentials.write_text(yaml.safe_dump(kept, sort_keys=False), encoding="utf-8")
        endpoints = Path(tmp) / "endpoints.yml"
        settings = endpoint_settings(actions_port,
                                     Path(tmp) / "conversations.sqlite" if stored else None)
        endpoints.write_text(yaml.safe_dump(settings), encoding="utf-8")
        try:
            found.processes.append(start_process(
                [rasa, "run", "actions", "--port", str(actions_port), "--actions", "actions"],
                found.action_log))
            found.processes.append(start_process(
                [rasa, "run", "--model", str(model), "--enable-api", "--auth-token", token,
                 "--port", str(rasa_port), "--endpoints", str(endpoints),
                 "--credentials", str(credentials), *(["--debug"] if debug else [])],
                found.rasa_log))
            print(f"Starting the action server (port {actions_port}, pid "
                  f"{found.processes[0].pid}) and Rasa (port {rasa_port}, pid "
                  f"{found.processes[1].pid}) ...", flush=True)
            started = time.monotonic()
            _wait_until(lambda: requests.get(
                f"http://localhost:{actions_port}/health", timeout=5).ok,
                found.processes, "action server", timeout)
            _wait_until(lambda: model_loaded(found), found.processes, "Rasa server", timeout)
            print(f"Both servers answer ({time.monotonic() - started:.0f}s).", flush=True)
            yield found
        finally:
            for process in reversed(found.processes):
                stop_process(process)


def model_loaded(found: Servers) -> bool:
    response = requests.get(f"{found.rasa_url}/status", params={"token": found.token},
                            timeout=5)
    if not response.ok:
        return False
    status = response.json()
    return bool(status.get("model_id") or status.get("model_file"))
