"""Write the benchmark's scripted patients (bench/conversations.yml) from the vignettes.

    .venv/bin/python -m bench.record [--count 20] [--out bench/conversations.yml]

Each script is a whole triage conversation as a patient types it: the opening complaint,
the free-text answer to every history question the assistant asks, then one education
question once the outcome is given. The answers come from the scripted patient of the
conversation suite (tests/conversations/patient.py), played once against the trained
assistant (its own servers on free ports), so that the same messages replayed later take
the same path. The benchmark sends the same scripts to the stock assistant too, so both
sides get the same messages; it does not rerecord, so that two runs can be compared.
Rerecord after the history questions change: `make bench` reports how many replayed
scripts still reach an outcome.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
from typing import Any

import requests
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "conversations")]

from patient import Patient  # noqa: E402
from servers import servers  # noqa: E402

VIGNETTES = ROOT / "tests" / "vignettes"
OUT = Path(__file__).resolve().parent / "conversations.yml"
# Mostly full histories (soon, self care, urgent), a few emergencies that end early.
SHARE = {"soon": 7, "self_care": 6, "urgent": 5, "emergency": 2}
EDUCATION = ("what exercises can I do for this?", "what usually causes this?",
             "when should I see a doctor?", "how can I stop it coming back?")
MAX_ANSWERS = 25


def pick_cases(count: int, seed: int = 0) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    total = sum(SHARE.values())
    picked: list[dict[str, Any]] = []
    for name, share in SHARE.items():
        cases = yaml.safe_load((VIGNETTES / f"{name}.yml").read_text(encoding="utf-8"))
        picked += rng.sample(cases, min(len(cases), round(count * share / total)))
    return picked[:count]


def play(session: requests.Session, url: str, token: str, case: dict[str, Any],
         education: str) -> dict[str, Any]:
    patient = Patient(case["history"], seed=f"bench:{case['id']}", unknown="no")
    sender = f"bench-record-{case['id']}"
    messages: list[str] = []

    def say(text: str) -> dict[str, Any]:
        messages.append(text)
        session.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text},
                     timeout=120).raise_for_status()
        tracker = session.get(f"{url}/conversations/{sender}/tracker",
                              params={"token": token}, timeout=60)
        tracker.raise_for_status()
        return tracker.json()

    tracker = say(patient.opening())
    for _ in range(MAX_ANSWERS):
        loop = (tracker.get("active_loop") or {}).get("name")
        pending = (tracker.get("slots") or {}).get("requested_slot") if loop else None
        if not pending:
            break
        tracker = say(patient.answer(pending))
    level = (tracker.get("slots") or {}).get("triage_level")
    say(education)
    return {"id": case["id"], "level": level, "messages": messages}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    cases = pick_cases(args.count)
    with servers(logs=ROOT / "results" / "bench", name="record") as found:
        session = requests.Session()
        scripts = [play(session, found.rasa_url, found.token, case, EDUCATION[n % len(EDUCATION)])
                   for n, case in enumerate(cases)]
    unfinished = [s["id"] for s in scripts if not s["level"]]
    header = ("# Scripted patients for `make bench`, written by `python -m bench.record` "
              "(see its docstring).\n# Whole triage conversations: the opening, the answers, "
              "then one education question.\n")
    args.out.write_text(header + yaml.safe_dump(
        {"conversations": [{"id": s["id"], "messages": s["messages"]} for s in scripts]},
        sort_keys=False, allow_unicode=True, width=100), encoding="utf-8")
    turns = sum(len(s["messages"]) for s in scripts)
    print(f"{len(scripts)} conversations, {turns} messages -> {args.out}")
    if unfinished:
        print(f"no outcome reached: {', '.join(unfinished)}")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
