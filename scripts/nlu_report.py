"""Prints intent and entity F1 from a `rasa test nlu` results folder, and fails when the
intent macro F1 is under the floor.

    python scripts/nlu_report.py results/nlu --intent-floor 0.90
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def macro_f1(report: Path) -> float | None:
    if not report.exists():
        return None
    return json.loads(report.read_text())["macro avg"]["f1-score"]


def weakest(report: Path, count: int = 5) -> list[tuple[str, float]]:
    rows = json.loads(report.read_text())
    scores = [
        (name, row["f1-score"])
        for name, row in rows.items()
        if isinstance(row, dict) and "f1-score" in row and not name.endswith(" avg")
    ]
    return sorted(scores, key=lambda item: item[1])[:count]


def main() -> int:
    parser = argparse.ArgumentParser(description="NLU evaluation summary with a floor")
    parser.add_argument("results", type=Path)
    parser.add_argument("--intent-floor", type=float, default=0.90)
    args = parser.parse_args()

    intent_report = args.results / "intent_report.json"
    intent = macro_f1(intent_report)
    if intent is None:
        print(f"no intent report in {args.results}", file=sys.stderr)
        return 1
    print(f"Held-out NLU evaluation ({args.results})")
    print(f"  intent macro F1        {intent:.3f}  (floor {args.intent_floor:.2f})")
    for extractor in ("CRFEntityExtractor", "DIETClassifier", "SpacyEntityExtractor"):
        entity = macro_f1(args.results / f"{extractor}_report.json")
        if entity is not None:
            print(f"  entity macro F1 {extractor:<22} {entity:.3f}")
    print("  weakest intents: " + ", ".join(f"{n} {f:.2f}" for n, f in weakest(intent_report)))
    if intent < args.intent_floor:
        print(f"FAIL: intent macro F1 {intent:.3f} is under the floor {args.intent_floor:.2f}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
