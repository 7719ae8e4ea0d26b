"""Try a history without chatting: `python -m actions.triage [FILE] [--json]`.

FILE holds one history as YAML or JSON (a mapping of facts, or a vignette with a
`history` key, or a list of either); without FILE the history is read from stdin.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Sequence
from typing import Any

import yaml

from actions.triage.engine import Decision, assess
from actions.triage.history import History


def load_histories(text: str) -> list[tuple[str, History]]:
    """Histories from YAML/JSON text; raises ValueError if it cannot be read at all."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ValueError(f"not valid YAML or JSON: {error}") from error
    items = data if isinstance(data, list) else [data]
    found = []
    for number, item in enumerate(items, start=1):
        if item is None:
            item = {}
        if not isinstance(item, dict):
            raise ValueError(f"item {number} is not a mapping of facts")
        name = str(item.get("id", number)) if isinstance(data, list) else ""
        facts = item.get("history", item) if isinstance(item.get("history"), dict) else item
        found.append((name, History.from_mapping(facts)))
    return found


def render(decision: Decision) -> str:
    wrap = textwrap.TextWrapper(width=88, subsequent_indent="    ")
    lines = [f"Level: {decision.level.value.upper()}", wrap.fill(f"  {decision.advice}")]
    if decision.fired:
        lines.append("Why:")
        for hit in decision.fired:
            lines.append(wrap.fill(
                f"  - {hit.rule_id} ({hit.level.value}): {hit.reason} [{hit.source}]"))
    else:
        lines.append("Why: no rule fired; the pain is mild, recent and without warning signs.")
    if decision.patterns:
        lines.append("Consistent with (not a diagnosis), most likely first:")
        for rank, match in enumerate(decision.patterns[:5], start=1):
            lines.append(wrap.fill(
                f"  {rank}. {match.name} - score {match.score:g}: {', '.join(match.clues)} "
                f"[{'; '.join(match.sources)}]"))
    if decision.open_questions:
        lines.append("Not yet excluded - ask next (could raise the level):")
        for q in decision.open_questions:
            lines.append(f"  - {q.fact} -> {', '.join(q.rule_ids)} ({q.level.value})")
    if decision.self_care_unknowns:
        lines.append("Needed before home care can be advised: "
                     + ", ".join(decision.self_care_unknowns))
    if decision.needs_clarification:
        lines.append("Needs clarification:")
        lines += [f"  - {c.fact}: {c.problem}" for c in decision.needs_clarification]
    if decision.ignored_input:
        lines.append("Not understood (ignored): " + ", ".join(decision.ignored_input))
    lines.append(wrap.fill(f"Safety net: {decision.safety_net}"))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m actions.triage", description=__doc__)
    parser.add_argument("file", nargs="?", help="history as YAML or JSON (default: stdin)")
    parser.add_argument("--json", action="store_true", help="print the decision as JSON")
    args = parser.parse_args(argv)
    try:
        if args.file:
            with open(args.file, encoding="utf-8") as handle:
                text = handle.read()
        else:
            text = sys.stdin.read()
        histories = load_histories(text)
    except (OSError, ValueError, UnicodeDecodeError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2

    decisions = [(name, assess(history)) for name, history in histories]
    if args.json:
        out: Any = [dict(d.to_dict(), id=name) if name else d.to_dict() for name, d in decisions]
        print(json.dumps(out if len(out) > 1 else out[0], indent=2))
    else:
        blocks = [(f"== {name}\n" if name else "") + render(d) for name, d in decisions]
        print("\n\n".join(blocks))
    return 0


if __name__ == "__main__":
    sys.exit(main())
