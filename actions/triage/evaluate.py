"""Clinical validation report: `python -m actions.triage.evaluate tests/vignettes [--strict]`.

Runs every vignette (YAML files: a list of cases with `id`, `summary`, `source`, `history`,
`level`, `patterns` and optional `rules`) through `assess` and prints exact level
agreement, emergency sensitivity, under- and over-triage rates, pattern top-1 and top-3
hit rates, and every disagreement. Exits 1 if any expected emergency or urgent case is
under-triaged (with --strict, also if a goal below is missed), 2 if the cases cannot be read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from actions.triage.engine import Decision, assess
from actions.triage.history import History
from actions.triage.patterns import PATTERNS
from actions.triage.rules import POLICY_RULE_IDS, Level

GOALS = {
    "emergency_sensitivity": 1.0,
    "exact_agreement": 0.95,
    "pattern_top1": 0.80,
    "pattern_top3": 0.95,
}


@dataclass(frozen=True)
class Vignette:
    id: str
    summary: str
    source: str
    history: History
    level: Level
    patterns: tuple[str, ...]  # acceptable leading patterns; empty: not scored
    rules: tuple[str, ...]  # rules that must fire
    file: str


@dataclass(frozen=True)
class CaseResult:
    case: Vignette
    decision: Decision

    @property
    def level_ok(self) -> bool:
        return self.decision.level is self.case.level

    @property
    def under_triaged(self) -> bool:
        return self.decision.level < self.case.level

    @property
    def over_triaged(self) -> bool:
        return self.decision.level > self.case.level

    @property
    def ranked(self) -> tuple[str, ...]:
        return tuple(match.id for match in self.decision.patterns)

    @property
    def top1(self) -> bool:
        return bool(self.ranked) and self.ranked[0] in self.case.patterns

    @property
    def top3(self) -> bool:
        return any(pid in self.case.patterns for pid in self.ranked[:3])

    @property
    def fired(self) -> tuple[str, ...]:
        return tuple(hit.rule_id for hit in self.decision.fired)

    @property
    def missing_rules(self) -> tuple[str, ...]:
        return tuple(rid for rid in self.case.rules if rid not in self.fired)


def _rate(hits: int, total: int) -> float:
    return hits / total if total else 1.0


@dataclass(frozen=True)
class Report:
    results: tuple[CaseResult, ...]

    @property
    def scored_patterns(self) -> tuple[CaseResult, ...]:
        return tuple(r for r in self.results if r.case.patterns)

    @property
    def metrics(self) -> dict[str, float]:
        results, emergencies = self.results, [
            r for r in self.results if r.case.level is Level.EMERGENCY]
        scored = self.scored_patterns
        return {
            "exact_agreement": _rate(sum(r.level_ok for r in results), len(results)),
            "emergency_sensitivity": _rate(
                sum(r.decision.level is Level.EMERGENCY for r in emergencies), len(emergencies)),
            "under_triage": _rate(sum(r.under_triaged for r in results), len(results)),
            "over_triage": _rate(sum(r.over_triaged for r in results), len(results)),
            "pattern_top1": _rate(sum(r.top1 for r in scored), len(scored)),
            "pattern_top3": _rate(sum(r.top3 for r in scored), len(scored)),
        }

    @property
    def critical_misses(self) -> tuple[CaseResult, ...]:
        """Expected emergency or urgent cases given a lower level."""
        return tuple(r for r in self.results
                     if r.under_triaged and r.case.level >= Level.URGENT)

    @property
    def goals_missed(self) -> tuple[str, ...]:
        metrics = self.metrics
        missed = [name for name, goal in GOALS.items() if metrics[name] < goal]
        if metrics["under_triage"] > 0:
            missed.append("under_triage")
        return tuple(missed)

    @property
    def level_counts(self) -> Counter[str]:
        return Counter(r.case.level.value for r in self.results)

    @property
    def rules_fired(self) -> Counter[str]:
        return Counter(rid for r in self.results for rid in r.fired)

    @property
    def leading_patterns(self) -> Counter[str]:
        """How often each pattern was both expected and ranked first."""
        return Counter(r.ranked[0] for r in self.scored_patterns if r.top1)

    @property
    def ignored_input(self) -> tuple[tuple[str, str], ...]:
        return tuple((r.case.id, key) for r in self.results
                     for key in r.decision.ignored_input)


def load_vignettes(path: str | Path) -> list[Vignette]:
    """All cases in a YAML file or in the *.yml files of a folder."""
    path = Path(path)
    files = sorted(path.glob("*.yml")) + sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    cases: list[Vignette] = []
    for file in files:
        with file.open(encoding="utf-8") as handle:
            items = yaml.safe_load(handle) or []
        if not isinstance(items, list):
            raise ValueError(f"{file}: expected a list of cases")
        cases += [_vignette(item, file.name) for item in items]
    ids = Counter(case.id for case in cases)
    duplicates = [cid for cid, n in ids.items() if n > 1]
    if duplicates:
        raise ValueError(f"duplicate vignette ids: {duplicates}")
    return cases


def _vignette(item: dict[str, Any], file: str) -> Vignette:
    try:
        level = Level(item["level"])
        return Vignette(
            id=str(item["id"]),
            summary=str(item.get("summary", "")),
            source=str(item.get("source", "")),
            history=History.from_mapping(item.get("history") or {}),
            level=level,
            patterns=tuple(item.get("patterns") or ()),
            rules=tuple(item.get("rules") or ()),
            file=file,
        )
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"{file}: bad case {item.get('id', item)!r}: {error}") from error


def run(cases: Sequence[Vignette]) -> Report:
    return Report(tuple(CaseResult(case, assess(case.history)) for case in cases))


def _pct(value: float) -> str:
    return f"{100 * value:.1f}%"


def format_report(report: Report) -> str:
    m = report.metrics
    counts = report.level_counts
    lines = [
        f"Clinical vignettes: {len(report.results)} cases ("
        + ", ".join(f"{lvl.value} {counts.get(lvl.value, 0)}" for lvl in Level) + ")",
        f"  exact level agreement   {_pct(m['exact_agreement'])}  (goal >= 95%)",
        f"  emergency sensitivity   {_pct(m['emergency_sensitivity'])}  (goal 100%)",
        f"  under-triage rate       {_pct(m['under_triage'])}  (goal 0%)",
        f"  over-triage rate        {_pct(m['over_triage'])}",
        f"  pattern top-1 hit rate  {_pct(m['pattern_top1'])}  (goal >= 80%, "
        f"{len(report.scored_patterns)} cases with an expected pattern)",
        f"  pattern top-3 hit rate  {_pct(m['pattern_top3'])}  (goal >= 95%)",
    ]
    unfired = [rid for rid in POLICY_RULE_IDS if not report.rules_fired[rid]]
    lines.append("  policy rules never fired: " + (", ".join(unfired) or "none"))
    rare = [p.id for p in PATTERNS if report.leading_patterns[p.id] < 2]
    lines.append("  patterns leading fewer than 2 cases: " + (", ".join(rare) or "none"))

    problems = []
    for r in report.results:
        notes = []
        if not r.level_ok:
            kind = "UNDER-TRIAGE" if r.under_triaged else "over-triage"
            notes.append(f"{kind}: expected {r.case.level.value}, got {r.decision.level.value}")
        if r.case.patterns and not r.top1:
            notes.append(f"pattern: expected {'/'.join(r.case.patterns)}, "
                         f"got {', '.join(r.ranked[:3]) or 'none'}")
        if r.missing_rules:
            notes.append(f"rules not fired: {', '.join(r.missing_rules)}")
        if notes:
            fired = ", ".join(r.fired) or "none"
            problems.append(f"  {r.case.id} ({r.case.file}): {'; '.join(notes)} [fired: {fired}]")
    lines.append(f"Disagreements: {len(problems)}")
    lines += problems
    if report.ignored_input:
        lines.append("Input not understood: "
                     + ", ".join(f"{cid}:{key}" for cid, key in report.ignored_input))
    misses = report.critical_misses
    lines.append(f"Under-triaged emergency/urgent cases: {len(misses)}"
                 + (" - FAIL" if misses else " - ok"))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m actions.triage.evaluate",
                                     description=__doc__)
    parser.add_argument("path", nargs="?", default="tests/vignettes",
                        help="a vignette YAML file or a folder of them")
    parser.add_argument("--strict", action="store_true",
                        help="also fail when any goal is missed")
    args = parser.parse_args(argv)
    try:
        cases = load_vignettes(args.path)
    except (OSError, ValueError, yaml.YAMLError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    report = run(cases)
    print(format_report(report))
    if report.critical_misses:
        return 1
    if args.strict and report.goals_missed:
        print("Goals missed: " + ", ".join(report.goals_missed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
