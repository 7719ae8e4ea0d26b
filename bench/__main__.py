"""`make bench`: the assistant against the stock `rasa init` assistant, same load, one run.

    .venv/bin/python -m bench [--patients 1,20] [--seconds 60] [--smoke] [--out results/bench]

For each side in turn (bench/sides.py): train it if needed, start it, play every scripted
patient once (a warm-up, and for the assistant a check that the scripts still reach an
outcome), then drive the closed-loop load (bench/load.py) at each number of concurrent
patients. Prints per side and as ratios assistant/baseline: per-turn latency p50/p95/p99,
turns per second, peak RSS of Rasa and of the action server, start to first answer,
training time and model size; writes bench.json and bench.png in --out, and compares with
the previous bench.json found there (kept as bench-previous.json). Timings are reported,
never asserted: the exit code is 1 only if a side could not start or a turn failed.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import Any

import requests
import yaml

from bench import load, report
from bench.sides import ASSISTANT, BASELINE_SIDE, Side, prepare_baseline, started, training_seconds

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = Path(__file__).resolve().parent / "conversations.yml"


def load_scripts(path: Path = SCRIPTS) -> list[list[str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [c["messages"] for c in data["conversations"]]


def warm_up(url: str, token: str, scripts: list[list[str]], check_outcome: bool) -> int:
    """Play every script once, one message at a time; return how many reached an outcome."""
    reached = 0
    with requests.Session() as session:
        for n, script in enumerate(scripts):
            sender = f"bench-warm-{n}"
            for text in script:
                session.post(f"{url}/webhooks/rest/webhook",
                             json={"sender": sender, "message": text}, timeout=60)
            if check_outcome:
                tracker = session.get(f"{url}/conversations/{sender}/tracker",
                                      params={"token": token}, timeout=60).json()
                reached += bool((tracker.get("slots") or {}).get("triage_level"))
    return reached


def measure(side: Side, scripts: list[list[str]], patients: list[int], seconds: float,
            logs: Path) -> dict[str, Any]:
    print(f"\n== {side.name}: starting ...", flush=True)
    with tempfile.TemporaryDirectory(prefix=f"bench-{side.name}-") as tmp, \
            started(side, logs, Path(tmp)) as running:
        print(f"   first answer {running.started_s:.1f}s after launch", flush=True)
        reached = warm_up(running.url, running.token, scripts, check_outcome=side.actions)
        loads = {}
        for count in patients:
            print(f"   {count} concurrent patient(s) for {seconds:.0f}s ...", flush=True)
            loads[str(count)] = load.run(f"{running.url}/webhooks/rest/webhook", scripts,
                                         count, seconds, prefix=f"bench-{side.name}-{count}")
            print("   " + report.load_line(loads[str(count)]), flush=True)
        peaks = running.peak_rss_mb()
    return {
        "start_to_first_answer_s": running.started_s,
        "training_s": training_seconds(side),
        "model_mb": round(side.model.stat().st_size / 1e6, 1),
        "rss_peak_mb": peaks,
        "scripts": len(scripts),
        "scripts_reaching_outcome": reached if side.actions else None,
        "loads": loads,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", default="1,20",
                        help="numbers of concurrent patients, comma-separated")
    parser.add_argument("--seconds", type=float, default=60.0, help="load time per level")
    parser.add_argument("--smoke", action="store_true",
                        help="a few conversations: 1 and 2 patients, 5 s each (CI)")
    parser.add_argument("--out", type=Path, default=ROOT / "results" / "bench")
    parser.add_argument("--sides", default="assistant,baseline")
    args = parser.parse_args(argv)
    patients = [1, 2] if args.smoke else [int(p) for p in args.patients.split(",")]
    seconds = 5.0 if args.smoke else args.seconds
    scripts = load_scripts()
    if args.smoke:
        scripts = scripts[:3]
    chosen = {side.name: side for side in (ASSISTANT, BASELINE_SIDE)}
    names = [name.strip() for name in args.sides.split(",")]
    if "baseline" in names:
        prepare_baseline()
    results = {"patients": patients, "seconds_per_level": seconds,
               "sides": {name: measure(chosen[name], scripts, patients, seconds, args.out)
                         for name in names}}
    results["ratios"] = report.ratios(results)
    previous = report.previous(args.out)
    args.out.mkdir(parents=True, exist_ok=True)
    report.save(results, args.out)
    print("\n" + report.table(results, previous))
    print(f"\nwritten: {args.out / 'bench.json'}, {args.out / 'bench.png'}")
    failed = [f"{name} at {count}: {figures['errors']} failed turns"
              for name, side in results["sides"].items()
              for count, figures in side["loads"].items() if figures["errors"]]
    for line in failed:
        print("FAILED: " + line)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
