"""Drive whole conversations with a scripted patient through Rasa's REST channel.

    .venv/bin/python tests/conversations/run_conversations.py [--all] [--cases E-01,U-03]
        [--typos] [--unknown unsure|no] [--floor 0.9] [--seed 0] [--out DIR]

Starts its own action server and Rasa server on free ports (in-memory tracker store), plays
one conversation per vignette case (tests/vignettes), compares the level the conversation
reaches with the vignette's expected level and with the triage engine's level for the same
history, prints a report and writes reports/conversations.json (logs of both servers in
reports/conversations-*.log). Exit code 1 if a case is under-triaged, the level agreement
is below --floor or fewer than 20 cases ran; 2 if the servers could not be started.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import signal
import statistics
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import requests
import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(Path(__file__).resolve().parent)]

from patient import Patient  # noqa: E402
from servers import ENV, Servers, model_loaded, servers  # noqa: E402

from actions.triage import History, Level, assess  # noqa: E402
from actions.triage.history import FACT_FIELDS  # noqa: E402
from actions.triage.rules import QUESTIONS_BY_ID  # noqa: E402

LEVEL_FILES = ("emergency", "urgent", "soon", "self_care")
OTHER_FILES = ("bad_input", "thresholds")
FORM = "history_form"
MAX_TURNS = 25
MIN_CASES = 20
ERROR_LINE = re.compile(r"Traceback|\bERROR\b|Exception\b|exception:", re.IGNORECASE)


# ----- cases --------------------------------------------------------------------------------

def load_cases(files: Sequence[str]) -> list[dict[str, Any]]:
    """Cases of tests/vignettes/<file>.yml, as written (the history stays a mapping)."""
    cases = []
    for name in files:
        path = ROOT / "tests" / "vignettes" / f"{name}.yml"
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            cases.append({**item, "file": name})
    return cases


def select(cases: list[dict[str, Any]], everything: bool, ids: Sequence[str]) -> list[dict]:
    """The default set: every other case of each file (1st, 3rd, ...) that names a place."""
    if ids:
        wanted = set(ids)
        missing = wanted - {c["id"] for c in cases}
        if missing:
            raise SystemExit(f"unknown case ids: {', '.join(sorted(missing))}")
        return [c for c in cases if c["id"] in wanted]
    if everything:
        return cases
    chosen, position = [], {}
    for case in cases:
        index = position.get(case["file"], 0)
        position[case["file"]] = index + 1
        if index % 2 == 0 and (case.get("history") or {}).get("locations"):
            chosen.append(case)
    return chosen


# ----- one conversation ---------------------------------------------------------------------

class Client:
    def __init__(self, found: Servers) -> None:
        self.url, self.token = found.rasa_url, found.token
        self.session = requests.Session()

    def say(self, sender: str, text: str) -> list[dict[str, Any]]:
        response = self.session.post(f"{self.url}/webhooks/rest/webhook",
                                     json={"sender": sender, "message": text}, timeout=120)
        response.raise_for_status()
        return response.json() or []

    def tracker(self, sender: str) -> dict[str, Any]:
        response = self.session.get(f"{self.url}/conversations/{sender}/tracker",
                                    params={"token": self.token}, timeout=60)
        response.raise_for_status()
        return response.json()


def pending_question(tracker: dict[str, Any]) -> str | None:
    if ((tracker.get("active_loop") or {}).get("name")) != FORM:
        return None
    return (tracker.get("slots") or {}).get("requested_slot")


def bot_texts(messages: list[dict[str, Any]]) -> list[str]:
    texts = []
    for message in messages:
        text = message.get("text") or ""
        if message.get("buttons"):
            text += " [" + " | ".join(b.get("title", "") for b in message["buttons"]) + "]"
        texts.append(text)
    return texts


def consistent(stored: Any, intended: str) -> bool:
    if intended == "yes":
        return stored in ("yes", "partial")
    return stored == intended


def understood_history(slots: dict[str, Any]) -> History | None:
    """The History the assistant holds at the end (as actions/understanding.py builds it)."""
    try:
        from actions.understanding import QUESTION_SLOTS, Understanding
    except ImportError:  # rasa_sdk missing: the comparison is skipped
        return None
    record = Understanding(
        symptoms=list(slots.get("symptoms") or []),
        denied=list(slots.get("denied_symptoms") or []),
        locations=list(slots.get("body_locations") or []),
        side=slots.get("side"),
        spreads=bool(slots.get("pain_spreads")),
        facts=list(slots.get("history_facts") or []),
        answers={q: slots[q] for q in QUESTION_SLOTS if slots.get(q) is not None},
    )
    return record.history()


def fact_differences(case: History, understood: History) -> dict[str, list[str]]:
    """Facts true in the vignette that the assistant does not hold as true, and the reverse
    (only facts the vignette says are false count as wrongly added)."""
    missed = [f for f in FACT_FIELDS if case.fact(f) is True and understood.fact(f) is not True]
    added = [f for f in FACT_FIELDS if understood.fact(f) is True and case.fact(f) is False]
    numbers = [f"{f}: {getattr(case, f)} -> {getattr(understood, f)}"
               for f in ("pain_score", "age", "duration_days", "injury_days_ago")
               if None not in (getattr(case, f), getattr(understood, f))
               and getattr(case, f) != getattr(understood, f)]
    places = sorted(case.all_locations - understood.all_locations)
    return {"missed": missed, "wrongly_added": added, "numbers": numbers,
            "places_missed": places}


def _log_size(path: Path | None) -> int:
    return path.stat().st_size if path and path.exists() else 0


def _log_errors(path: Path | None, start: int) -> list[str]:
    if not path or not path.exists():
        return []
    with path.open("r", encoding="utf-8", errors="replace") as handle:
        handle.seek(start)
        return [line.rstrip() for line in handle if ERROR_LINE.search(line)][:20]


def run_case(client: Client, found: Servers, case: dict[str, Any], args: argparse.Namespace,
             run_id: str) -> dict[str, Any]:
    patient = Patient(case["history"], seed=f"{args.seed}:{case['id']}",
                      typos=args.typo_rate if args.typos else 0.0, context=not args.no_context,
                      unknown=args.unknown)
    history = patient.h
    expected = Level(case["level"])
    engine_decision = assess(History.from_mapping(case["history"]))
    engine = engine_decision.level
    engine_rules = [hit.rule_id for hit in engine_decision.fired]
    sender = f"patient-{case['id']}-{run_id}"
    offsets = (_log_size(found.action_log), _log_size(found.rasa_log))
    transcript: list[dict[str, Any]] = []
    problems: list[str] = []
    misreads: list[dict[str, Any]] = []
    asked: list[str] = []
    tracker: dict[str, Any] = {}
    try:
        text = patient.opening()
        replies = client.say(sender, text)
        tracker = client.tracker(sender)
        pending = pending_question(tracker)
        slots_before: dict[str, Any] = {}
        transcript.append({"patient": text, "bot": bot_texts(replies), "pending": pending,
                           "slots_set": _changed(slots_before, tracker)})
        if pending is None and not (tracker.get("slots") or {}).get("triage_level"):
            problems.append("opening not understood: no history question and no outcome "
                            f"(bot: {' / '.join(bot_texts(replies))[:160]!r})")
            if not args.no_rephrase:
                text = patient.rephrase()
                replies = client.say(sender, text)
                tracker = client.tracker(sender)
                pending = pending_question(tracker)
                transcript.append({"patient": text, "bot": bot_texts(replies),
                                   "pending": pending, "rephrased": True,
                                   "slots_set": _changed(slots_before, tracker)})
                if pending is None and not (tracker.get("slots") or {}).get("triage_level"):
                    problems.append("rephrased opening not understood either (bot: "
                                    f"{' / '.join(bot_texts(replies))[:160]!r})")
        streak, last = 0, None
        while pending:
            streak = streak + 1 if pending == last else 1
            last = pending
            asked.append(pending)
            if streak >= 3:
                problems.append(f"question {pending!r} asked {streak} times in a row")
                break
            if len(asked) > MAX_TURNS:
                problems.append(f"still asking after {MAX_TURNS} answers")
                break
            if pending not in QUESTIONS_BY_ID:
                problems.append(f"unknown question {pending!r}")
            intended = patient.intended(pending)
            text = patient.answer(pending)
            replies = client.say(sender, text)
            tracker = client.tracker(sender)
            stored = (tracker.get("slots") or {}).get(pending)
            following = pending_question(tracker)
            turn = {"question": pending, "bot_question": _question_text(transcript),
                    "patient": text, "intended": intended, "stored": stored,
                    "bot": bot_texts(replies), "pending": following,
                    "slots_set": _changed(slots_before, tracker)}
            transcript.append(turn)
            if stored is None and following == pending:
                misreads.append({"question": pending, "answer": text, "intended": intended,
                                 "stored": None, "kind": "not understood, asked again"})
            elif stored is not None and not consistent(stored, intended):
                misreads.append({"question": pending, "answer": text, "intended": intended,
                                 "stored": stored, "kind": "misread"})
            pending = following
    except requests.RequestException as error:
        problems.append(f"HTTP error: {error}")

    repeated = repeated_reply(transcript)
    if repeated:
        problems.append(f"{REPEATED}: {repeated[:160]!r}")
    slots = tracker.get("slots") or {}
    level_text = slots.get("triage_level")
    conversation = Level(level_text) if level_text in {lv.value for lv in Level} else None
    if conversation is None and not any(p.startswith("HTTP") for p in problems):
        problems.append("no triage_level at the end")
    asked_set = set(asked)
    unasked = {fact: q for fact, q in patient.withheld_red_flags().items()
               if q not in asked_set}
    if unasked and conversation is not Level.EMERGENCY:
        problems.append("red flag never asked: " + ", ".join(
            f"{fact} (question {q})" for fact, q in unasked.items()))
    understood = understood_history(slots)
    differences = fact_differences(history, understood) if understood is not None else {}
    decision = assess(understood) if understood is not None else None
    understood_level = decision.level.value if decision else None
    understood_rules = [hit.rule_id for hit in decision.fired] if decision else []
    under = conversation is not None and conversation < expected
    ok = conversation is expected and not problems
    return {
        "id": case["id"], "file": case["file"], "summary": case.get("summary", ""),
        "expected": expected.value, "conversation": conversation.value if conversation else None,
        "engine": engine.value, "engine_rules": engine_rules,
        "understood_engine_level": understood_level, "understood_rules": understood_rules,
        "questions": len(asked), "distinct_questions": len(asked_set),
        "asked": asked, "ok": ok, "under_triaged": under or conversation is None,
        "over_triaged": conversation is not None and conversation > expected,
        "red_flags": slots.get("red_flags"), "problems": problems, "misreads": misreads,
        "differences": differences, "opening": transcript[0]["patient"] if transcript else "",
        "opening_understood": {k: slots.get(k) for k in (
            "symptoms", "denied_symptoms", "body_locations", "side", "history_facts")},
        "action_log_errors": _log_errors(found.action_log, offsets[0]),
        "rasa_log_errors": _log_errors(found.rasa_log, offsets[1]),
        "sender": sender, "transcript": transcript,
    }


def _changed(before: dict[str, Any], tracker: dict[str, Any]) -> dict[str, Any]:
    """Slots whose value changed since the last call (updates `before`)."""
    slots = tracker.get("slots") or {}
    changed = {k: v for k, v in slots.items() if before.get(k) != v}
    before.clear()
    before.update(slots)
    return changed


def _question_text(transcript: list[dict[str, Any]]) -> str:
    bot = transcript[-1]["bot"] if transcript else []
    return bot[-1] if bot else ""


# ----- report -------------------------------------------------------------------------------

REPEATED = "the same reply three times in a row"


def repeated_reply(transcript: list[dict[str, Any]], times: int = 3) -> str | None:
    """The reply, if the assistant sent the same reply `times` turns in a row (a loop)."""
    replies = [" / ".join(turn["bot"]) for turn in transcript]
    for i in range(len(replies) - times + 1):
        if replies[i] and len(set(replies[i:i + times])) == 1:
            return replies[i]
    return None


def totals(results: list[dict[str, Any]]) -> dict[str, Any]:
    n = len(results)
    agree = sum(r["conversation"] == r["expected"] for r in results)
    engine_agree = sum(r["conversation"] == r["engine"] for r in results)
    non_emergency = [r["questions"] for r in results if r["expected"] != Level.EMERGENCY.value]
    return {
        "cases": n,
        "level_agreement": agree / n if n else 0.0,
        "agreeing": agree,
        "engine_agreement": engine_agree / n if n else 0.0,
        "under_triaged": sum(r["under_triaged"] for r in results),
        "over_triaged": sum(r["over_triaged"] for r in results),
        "failed": sum(not r["ok"] for r in results),
        "misread_answers": sum(len(r["misreads"]) for r in results),
        "median_questions_non_emergency": statistics.median(non_emergency)
        if non_emergency else None,
        "stuck": sum(any(p.startswith(REPEATED) for p in r["problems"]) for r in results),
        "cases_with_server_errors": sum(
            bool(r["action_log_errors"] or r["rasa_log_errors"]) for r in results),
    }


def format_report(results: list[dict[str, Any]], summary: dict[str, Any]) -> str:
    lines = [f"{'case':<22} {'expected':<10} {'conversation':<12} {'engine':<10} "
             f"{'questions':>9}  result"]
    for r in results:
        result = "ok" if r["ok"] else "FAIL"
        if r["under_triaged"]:
            result += " UNDER-TRIAGED"
        lines.append(f"{r['id']:<22} {r['expected']:<10} {str(r['conversation']):<12} "
                     f"{r['engine']:<10} {r['questions']:>9}  {result}")
    lines += [
        "",
        f"Cases: {summary['cases']}",
        f"Level agreement (conversation vs expected): {100 * summary['level_agreement']:.1f}%"
        f" ({summary['agreeing']}/{summary['cases']})",
        f"Conversation vs engine agreement: {100 * summary['engine_agreement']:.1f}%",
        f"Under-triaged cases: {summary['under_triaged']}",
        f"Over-triaged cases: {summary['over_triaged']}",
        f"Median questions (non-emergency cases): {summary['median_questions_non_emergency']}",
        f"Answers misread or not understood: {summary['misread_answers']}",
        f"Cases with errors in the server logs: {summary['cases_with_server_errors']}",
        f"Conversations stuck ({REPEATED}): {summary['stuck']}",
    ]
    notes = []
    for r in results:
        items = list(r["problems"])
        if r["conversation"] != r["expected"]:
            items.append(f"level {r['conversation']} (expected {r['expected']}, engine "
                         f"{r['engine']}); rules fired in the conversation: "
                         f"{', '.join(r['understood_rules']) or 'none'}, on the vignette: "
                         f"{', '.join(r['engine_rules']) or 'none'}")
        items += [f"{m['kind']}: {m['question']!r} answered {m['answer']!r} "
                  f"(meant {m['intended']}, stored {m['stored']})" for m in r["misreads"]]
        if not r["ok"] and r["differences"]:
            d = r["differences"]
            for key in ("missed", "wrongly_added", "numbers", "places_missed"):
                if d.get(key):
                    items.append(f"{key}: {', '.join(d[key])}")
        items += [f"action server log: {line}" for line in r["action_log_errors"][:3]]
        items += [f"rasa log: {line}" for line in r["rasa_log_errors"][:3]]
        if items:
            notes.append(f"  {r['id']}:")
            notes += [f"    - {item}" for item in items]
    if notes:
        lines += ["", "Problems:"] + notes
    return "\n".join(lines)


def verdict(summary: dict[str, Any], floor: float) -> list[str]:
    reasons = []
    if summary["under_triaged"]:
        reasons.append(f"{summary['under_triaged']} case(s) under-triaged")
    if summary["stuck"]:
        reasons.append(f"{summary['stuck']} conversation(s) sent {REPEATED}")
    if summary["level_agreement"] < floor:
        reasons.append(f"level agreement {100 * summary['level_agreement']:.1f}% is below "
                       f"the floor {100 * floor:.0f}%")
    if summary["cases"] < MIN_CASES:
        reasons.append(f"only {summary['cases']} cases ran (at least {MIN_CASES} needed)")
    return reasons


# ----- command line -------------------------------------------------------------------------

def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--all", action="store_true",
                        help="every case of the selected files (default: every other case)")
    parser.add_argument("--cases", default="", help="comma-separated case ids to run")
    parser.add_argument("--files", default=",".join(LEVEL_FILES),
                        help="vignette files to read (default: %(default)s; also "
                             f"{', '.join(OTHER_FILES)})")
    parser.add_argument("--typos", action="store_true", help="misspell some answers")
    parser.add_argument("--typo-rate", type=float, default=0.3,
                        help="share of yes/no/not sure/onset answers misspelt with --typos")
    parser.add_argument("--no-rephrase", action="store_true",
                        help="do not rephrase an opening the assistant did not understand")
    parser.add_argument("--no-context", action="store_true",
                        help="leave activities and clot risk factors out of the opening")
    parser.add_argument("--unknown", choices=("unsure", "no"), default="unsure",
                        help="answer to a yes/no question whose facts the vignette leaves "
                             "unknown: 'not sure' (default) or 'no'")
    parser.add_argument("--seed", default="0", help="seed of the patient's wording")
    parser.add_argument("--floor", type=float, default=0.9,
                        help="minimum level agreement (default: %(default)s)")
    parser.add_argument("--model", type=Path, default=Path("models/knee-triage.tar.gz"))
    parser.add_argument("--out", type=Path,
                        help="folder for the JSON report and the server logs (sets --report "
                             "to OUT/conversations.json and --logs to OUT)")
    parser.add_argument("--report", type=Path, default=Path("reports/conversations.json"))
    parser.add_argument("--logs", type=Path, default=Path("reports"),
                        help="folder for the server logs (default: %(default)s)")
    parser.add_argument("--startup-timeout", type=float, default=600)
    parser.add_argument("--rasa-debug", action="store_true", help="run Rasa with --debug")
    parser.add_argument("--url", help="use a Rasa server already running at this URL "
                        "(with --token) instead of starting servers")
    parser.add_argument("--token", help="auth token of the server given with --url")
    args = parser.parse_args(argv)
    if args.out:
        args.report, args.logs = args.out / "conversations.json", args.out
    return args


def _terminate(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt  # so that the servers started here are stopped


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _terminate)
    os.chdir(ROOT)
    os.environ.update(ENV)
    files = [f.strip() for f in args.files.split(",") if f.strip()]
    cases = select(load_cases(files), args.all, [c for c in args.cases.split(",") if c])
    if not cases:
        print("No cases selected.", file=sys.stderr)
        return 1
    run_id = secrets.token_hex(4)
    results: list[dict[str, Any]] = []
    started = time.monotonic()
    try:
        if args.url:
            context = _existing(args.url, args.token or "")
        else:
            if not args.model.exists():
                print(f"No model at {args.model}.", file=sys.stderr)
                return 2
            context = servers(args.model, args.logs, args.startup_timeout, args.rasa_debug)
        with context as found:
            client = Client(found)
            print(f"Running {len(cases)} conversations ...", flush=True)
            for case in cases:
                result = run_case(client, found, case, args, run_id)
                results.append(result)
                print(f"  {result['id']:<22} {'ok' if result['ok'] else 'FAIL':<5}"
                      f"{result['questions']:>3} questions", flush=True)
    except (RuntimeError, requests.RequestException) as error:
        print(f"Could not run the conversations: {error}", file=sys.stderr)
        for name in ("conversations-actions.log", "conversations-rasa.log"):
            log = args.logs / name
            if log.exists():
                tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-15:]
                print(f"--- last lines of {log} ---\n" + "\n".join(tail), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Interrupted; the servers were stopped.", file=sys.stderr)
        return 130

    summary = totals(results)
    print()
    print(format_report(results, summary))
    reasons = verdict(summary, args.floor)
    report = {
        "settings": {"cases": [c["id"] for c in cases], "files": files, "all": args.all,
                     "typos": args.typos, "typo_rate": args.typo_rate if args.typos else 0,
                     "context": not args.no_context, "unknown": args.unknown,
                     "rephrase": not args.no_rephrase,
                     "seed": args.seed, "floor": args.floor,
                     "model": str(args.model), "seconds": round(time.monotonic() - started)},
        "totals": summary,
        "passed": not reasons,
        "reasons": reasons,
        "logs": {"actions": str(args.logs / "conversations-actions.log"),
                 "rasa": str(args.logs / "conversations-rasa.log")} if not args.url else {},
        "cases": results,
    }
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n",
                           encoding="utf-8")
    print(f"\nReport written to {args.report}")
    if reasons:
        print("FAILED: " + "; ".join(reasons))
        return 1
    print("PASSED")
    return 0


@contextmanager
def _existing(url: str, token: str) -> Iterator[Servers]:
    found = Servers(url.rstrip("/"), token)
    if not model_loaded(found):
        raise RuntimeError(f"no model loaded at {url}")
    yield found


if __name__ == "__main__":
    sys.exit(main())
