"""Whole conversations written by someone who never read our data, played through REST.

    .venv/bin/python tests/robustness/play_conversations.py [--floors] [--show] [--out DIR]
        [--cases c01,c07] [--url URL --token TOKEN]

Each conversation of tests/robustness/conversations/*.yml has an opening, the person's own
answers keyed by question id and, optionally, news volunteered after some answers. Both
servers are started as `make run` would (tests/servers.py), the opening is sent to the REST
webhook, and every question the assistant asks (its `requested_slot`) is answered with the
person's answer, or, where the script has none, with the plain reassuring answer to the
question as worded (language/questions.yml says which side is the worrying one). The level
is read from the `triage_level` slot, as the outside checks read it.

Reported: exact level, under- and over-triage, emergencies answered on the turn they were
said (the opening, the news, or the scripted answer that carries them), harmless mentions
given an emergency answer, questions before the outcome, conversations stuck. The
conversations' sentences are held out: they are printed only with --show, so that no one
tunes the language layer to them.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import statistics
import sys
from pathlib import Path
from typing import Any

import requests
import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "conversations")]

from run_conversations import (  # noqa: E402
    REPEATED,
    Client,
    _existing,
    bot_texts,
    pending_question,
    repeated_reply,
)
from servers import ENV, servers  # noqa: E402

FOLDER = Path(__file__).parent / "conversations"
LEVELS = ("self_care", "soon", "urgent", "emergency")
MAX_ANSWERS = 25
# Answers for questions asked with a value, where the script has none.
VALUE_DEFAULTS = {"days": "2 weeks", "score": "4", "age": "45", "onset": "gradually"}
# The goals of issue 11, held in CI as floors (exact level 0.95 in session 6 with 160; 0.962
# in session 8 with 240; 0.968 in session 9 with 280).
FLOORS = {"exact_level": 0.95, "false_emergencies": 0.05, "emergencies_on_turn": 1.0}


def load_conversations(folder: Path = FOLDER) -> list[dict[str, Any]]:
    found = []
    for path in sorted(folder.glob("*.yml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            found.append({**entry, "file": path.name})
    return found


def reassuring_answers() -> dict[str, str]:
    """The plain answer to each question that fires no rule."""
    meanings = yaml.safe_load((ROOT / "language" / "questions.yml").read_text("utf-8"))
    answers = {}
    for question, meaning in meanings.items():
        if meaning.get("kind"):
            answers[question] = VALUE_DEFAULTS[meaning["kind"]]
        else:
            answers[question] = "no" if str(meaning.get("worrying")) == "yes" else "yes"
    return answers


def _level(tracker: dict[str, Any]) -> str | None:
    return (tracker.get("slots") or {}).get("triage_level")


def play(client: Client, case: dict[str, Any], defaults: dict[str, str], run_id: str
         ) -> dict[str, Any]:
    sender = f"stranger-{case['id']}-{run_id}"
    scripted = {str(q): str(a) for q, a in (case.get("answers") or {}).items()}
    news = case.get("news") or {}
    transcript: list[dict[str, Any]] = []
    problems: list[str] = []
    emergency_turn = None  # index in the transcript of the first emergency answer
    asked: list[str] = []

    def say(text: str, question: str | None, source: str) -> dict[str, Any]:
        nonlocal emergency_turn
        replies = client.say(sender, text)
        tracker = client.tracker(sender)
        transcript.append({"question": question, "source": source, "patient": text,
                           "bot": bot_texts(replies), "level": _level(tracker),
                           "pending": pending_question(tracker)})
        if emergency_turn is None and _level(tracker) == "emergency":
            emergency_turn = len(transcript) - 1
        return tracker

    try:
        tracker = say(str(case["opening"]), None, "opening")
        pending = pending_question(tracker)
        streak, last, answered = 0, None, 0
        while pending and emergency_turn is None:
            streak = streak + 1 if pending == last else 1
            last = pending
            if streak >= 3:
                problems.append(f"question {pending} asked {streak} times in a row")
                break
            if len(asked) >= MAX_ANSWERS:
                problems.append(f"still asking after {MAX_ANSWERS} answers")
                break
            if news and answered == int(news.get("after", 0)) and not news.get("said"):
                news["said"] = True
                tracker = say(str(news["text"]), pending, "news")
            else:
                asked.append(pending)
                source = "script" if pending in scripted else "default"
                text = scripted.get(pending) or defaults.get(pending, "not sure")
                tracker = say(text, pending, source)
                answered += 1
            pending = pending_question(tracker)
    except requests.RequestException as error:
        problems.append(f"HTTP error: {error}")

    repeated = repeated_reply(transcript)
    if repeated:
        problems.append(REPEATED)
    level = _level(tracker) if transcript else None
    expected = case["expected"]
    if level not in LEVELS:
        problems.append("no triage_level at the end")
    on_turn = None
    if expected == "emergency":
        on_turn = emergency_turn is not None and (
            transcript[emergency_turn]["source"] in ("opening", "news", "script")
            and not (case.get("kind") == "emergency-opening" and emergency_turn != 0))
    rank = {name: i for i, name in enumerate(LEVELS)}
    return {
        "id": case["id"], "kind": case.get("kind", ""), "expected": expected,
        "rules": case.get("rules") or [], "level": level,
        "ok": level == expected and not problems and on_turn is not False,
        "under_triaged": level not in rank or rank[level] < rank[expected],
        "over_triaged": level in rank and rank[level] > rank[expected],
        "false_emergency": expected != "emergency" and emergency_turn is not None,
        "emergency_on_turn": on_turn,
        "emergency_turn": emergency_turn,
        "questions": len(asked), "asked": asked,
        "red_flags": (tracker.get("slots") or {}).get("red_flags") if transcript else None,
        "problems": problems, "transcript": transcript,
    }


def totals(results: list[dict[str, Any]]) -> dict[str, Any]:
    n = len(results)
    emergencies = [r for r in results if r["expected"] == "emergency"]
    others = [r for r in results if r["expected"] != "emergency"]
    questions = [r["questions"] for r in others]
    return {
        "conversations": n,
        "exact_level": sum(r["level"] == r["expected"] for r in results) / n if n else 0.0,
        "under_triaged": sum(r["under_triaged"] for r in results),
        "over_triaged": sum(r["over_triaged"] for r in results),
        "emergencies": len(emergencies),
        "emergencies_on_turn": (sum(bool(r["emergency_on_turn"]) for r in emergencies)
                                / len(emergencies)) if emergencies else 1.0,
        "false_emergencies": (sum(r["false_emergency"] for r in others) / len(others))
        if others else 0.0,
        "median_questions_non_emergency": statistics.median(questions) if questions else None,
        "stuck": sum(REPEATED in r["problems"] for r in results),
    }


def report(results: list[dict[str, Any]], summary: dict[str, Any], show: bool) -> str:
    lines = [f"{'case':<6} {'kind':<20} {'expected':<10} {'level':<10} {'asked':>5}  result"]
    for r in results:
        result = "ok" if r["ok"] else "FAIL"
        if r["under_triaged"]:
            result += " UNDER-TRIAGED"
        if r["false_emergency"]:
            result += " FALSE EMERGENCY"
        if r["emergency_on_turn"] is False:
            result += " EMERGENCY LATE"
        lines.append(f"{r['id']:<6} {r['kind'][:20]:<20} {r['expected']:<10} "
                     f"{str(r['level']):<10} {r['questions']:>5}  {result}"
                     + (f"  [{'; '.join(r['problems'])}]" if r["problems"] else ""))
        if not r["ok"] or r["emergency_on_turn"] is False:
            lines.append(f"       expected rules {', '.join(r['rules']) or '-'}; red flags "
                         f"{', '.join(r['red_flags'] or []) or '-'}; asked "
                         f"{', '.join(r['asked'])}")
            if show:
                for turn in r["transcript"]:
                    lines.append(f"         [{turn['source']}:{turn['question'] or ''}] "
                                 f"{turn['patient']!r} -> {turn['level']}")
                    lines += [f"            bot: {b[:150]}" for b in turn["bot"]]
    lines += [
        "",
        f"Conversations: {summary['conversations']}",
        f"Exact level: {100 * summary['exact_level']:.1f}%",
        f"Under-triaged: {summary['under_triaged']}   over-triaged: {summary['over_triaged']}",
        f"Emergencies answered on the turn said: {100 * summary['emergencies_on_turn']:.1f}% "
        f"of {summary['emergencies']}",
        f"Harmless mentions given an emergency answer: "
        f"{100 * summary['false_emergencies']:.1f}%",
        f"Median questions before the outcome (non-emergency): "
        f"{summary['median_questions_non_emergency']}",
        f"Conversations stuck ({REPEATED}): {summary['stuck']}",
    ]
    return "\n".join(lines)


def below_floors(summary: dict[str, Any]) -> list[str]:
    reasons = []
    if summary["under_triaged"]:
        reasons.append(f"{summary['under_triaged']} conversation(s) under-triaged")
    if summary["stuck"]:
        reasons.append(f"{summary['stuck']} conversation(s) stuck")
    if summary["exact_level"] < FLOORS["exact_level"]:
        reasons.append(f"exact level {summary['exact_level']:.3f} < {FLOORS['exact_level']}")
    if summary["false_emergencies"] > FLOORS["false_emergencies"]:
        reasons.append(f"false emergencies {summary['false_emergencies']:.3f} > "
                       f"{FLOORS['false_emergencies']}")
    if summary["emergencies_on_turn"] < FLOORS["emergencies_on_turn"]:
        reasons.append(f"emergencies on the turn {summary['emergencies_on_turn']:.3f} < "
                       f"{FLOORS['emergencies_on_turn']}")
    return reasons


def _terminate(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt  # so that the servers started here are stopped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "knee-triage.tar.gz")
    parser.add_argument("--out", type=Path, default=ROOT / "results" / "robustness")
    parser.add_argument("--folder", type=Path, default=FOLDER,
                        help="folder of conversation files (default: %(default)s)")
    parser.add_argument("--cases", default="", help="comma-separated conversation ids")
    parser.add_argument("--floors", action="store_true", help="fail under FLOORS")
    parser.add_argument("--show", action="store_true",
                        help="print the sentences of failed conversations (held out: only to "
                             "find a cause, never to tune to them)")
    parser.add_argument("--url", help="a Rasa server already running (with --token)")
    parser.add_argument("--token", default="")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, _terminate)
    os.chdir(ROOT)
    os.environ.update(ENV)
    cases = load_conversations(args.folder)
    if args.cases:
        wanted = set(args.cases.split(","))
        cases = [c for c in cases if c["id"] in wanted]
    defaults = reassuring_answers()
    run_id = secrets.token_hex(4)
    context = (_existing(args.url, args.token) if args.url
               else servers(args.model, args.out, name="strangers"))
    with context as found:
        client = Client(found)
        results = [play(client, case, defaults, run_id) for case in cases]
    summary = totals(results)
    print(report(results, summary, args.show))
    args.out.mkdir(parents=True, exist_ok=True)
    reasons = below_floors(summary)
    (args.out / "conversations.json").write_text(json.dumps(
        {"totals": summary, "floors": FLOORS, "reasons": reasons,
         "cases": [{k: v for k, v in r.items() if k != "transcript"} for r in results]},
        indent=2) + "\n", encoding="utf-8")
    if args.floors and reasons:
        print("FAILED: " + "; ".join(reasons))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
