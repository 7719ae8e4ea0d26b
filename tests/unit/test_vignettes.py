"""The clinical validation suite in tests/vignettes: coverage and the goals of the issue."""

from __future__ import annotations

from pathlib import Path

import pytest

from actions.triage import PATTERNS, POLICY_RULE_IDS, Level
from actions.triage.evaluate import Report, load_vignettes, run

VIGNETTES = Path(__file__).resolve().parents[1] / "vignettes"


@pytest.fixture(scope="module")
def report() -> Report:
    return run(load_vignettes(VIGNETTES))


def test_suite_size_and_levels(report: Report) -> None:
    assert len(report.results) >= 80
    for level in Level:
        assert report.level_counts[level.value] >= 15, level


def test_every_policy_rule_fires_in_some_case(report: Report) -> None:
    assert [rid for rid in POLICY_RULE_IDS if not report.rules_fired[rid]] == []


def test_every_pattern_leads_in_at_least_two_cases(report: Report) -> None:
    assert {p.id: report.leading_patterns[p.id] for p in PATTERNS
            if report.leading_patterns[p.id] < 2} == {}


def test_expected_patterns_and_rules_name_real_ones(report: Report) -> None:
    pattern_ids = {p.id for p in PATTERNS}
    for result in report.results:
        assert set(result.case.patterns) <= pattern_ids, result.case.id
        assert set(result.case.rules) <= set(POLICY_RULE_IDS) | {"S-INFO", "S-NOTMILD"}


def test_no_vignette_has_input_the_parser_ignores(report: Report) -> None:
    assert report.ignored_input == ()


def test_each_case_fires_the_rules_it_names(report: Report) -> None:
    assert {r.case.id: r.missing_rules for r in report.results if r.missing_rules} == {}


@pytest.mark.parametrize("prefix", ["T-4W", "T-2W", "T-6", "T-8", "T-7D", "T-55"])
def test_thresholds_have_near_misses_on_both_sides(report: Report, prefix: str) -> None:
    ids = {r.case.id for r in report.results}
    assert f"{prefix}-IN" in ids and f"{prefix}-OUT" in ids


def test_no_under_triage_and_full_emergency_sensitivity(report: Report) -> None:
    under = [(r.case.id, r.case.level.value, r.decision.level.value)
             for r in report.results if r.under_triaged]
    assert under == []
    assert report.metrics["emergency_sensitivity"] == 1.0


def test_agreement_and_pattern_goals(report: Report) -> None:
    metrics = report.metrics
    assert metrics["exact_agreement"] >= 0.95
    assert metrics["pattern_top1"] >= 0.80
    assert metrics["pattern_top3"] >= 0.95
