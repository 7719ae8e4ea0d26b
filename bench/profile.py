"""Where a turn's time goes: py-spy samples both servers while scripted patients talk.

    .venv/bin/python -m bench.profile [--patients 1] [--seconds 40] [--out results/profile]

Starts the assistant as the benchmark does (bench/sides.py), records both servers with
py-spy (`pip install py-spy`; it attaches to a running process, so it changes nothing in
the code it samples) during the benchmark's load, and prints, per server, the frames that
take the largest share of the samples (inclusive: a function with everything it calls),
grouped by module and function. Writes flame graphs (rasa.svg, actions.svg) and the raw
collapsed stacks to --out. Idle time (the event loop waiting) is left out with --idle off,
py-spy's default.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

from bench import load
from bench.__main__ import load_scripts, warm_up
from bench.sides import ASSISTANT, ROOT, started

FRAME = re.compile(r"^(?P<function>[^ ]+) \((?P<file>[^:]+)(?::\d+)?\)$")


def _short(frame: str) -> str:
    """'run (rasa/core/processor.py:123)' -> 'rasa.core.processor:run'."""
    found = FRAME.match(frame)
    if not found:
        return frame
    path = found["file"]
    for marker in ("site-packages/", str(ROOT) + "/", "lib/python3.10/"):
        if marker in path:
            path = path.split(marker, 1)[1]
            break
    return f"{path.removesuffix('.py').replace('/', '.')}:{found['function']}"


def inclusive_shares(collapsed: Path) -> tuple[Counter, int]:
    """Samples per frame, each frame counted once per stack it is in."""
    shares: Counter = Counter()
    total = 0
    for line in collapsed.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        total += int(count)
        for frame in {_short(f) for f in stack.split(";")}:
            shares[frame] += int(count)
    return shares, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=40.0)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--out", type=Path, default=ROOT / "results" / "profile")
    args = parser.parse_args(argv)
    spy = shutil.which("py-spy") or str(ROOT / ".venv" / "bin" / "py-spy")
    args.out.mkdir(parents=True, exist_ok=True)
    scripts = load_scripts()
    with tempfile.TemporaryDirectory(prefix="profile-") as tmp, \
            started(ASSISTANT, args.out, Path(tmp)) as running:
        warm_up(running.url, running.token, scripts, check_outcome=False)
        recorders = {
            role: [subprocess.Popen([spy, "record", "--pid", str(pid), "--duration",
                                     str(int(args.seconds)), "--rate", "200", "--format", fmt,
                                     "--output", str(args.out / f"{role}.{ext}"), "--nonblocking"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                   for fmt, ext in (("raw", "txt"), ("flamegraph", "svg"))]
            for role, pid in running.groups.items()}
        figures = load.run(f"{running.url}/webhooks/rest/webhook", scripts, args.patients,
                           args.seconds, prefix="profile")
        for processes in recorders.values():
            for process in processes:
                process.wait(timeout=args.seconds + 60)
    print(f"load: {figures['turns']} turns, p50 {figures['p50_ms']} ms, "
          f"{figures['turns_per_s']} turns/s")
    for role in recorders:
        shares, total = inclusive_shares(args.out / f"{role}.txt")
        print(f"\n== {role}: {total} samples while busy (200/s); inclusive share")
        for frame, count in shares.most_common(args.top):
            print(f"  {100 * count / total:5.1f}%  {frame}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
