"""Patterns a history is consistent with (TRIAGE_POLICY.md section 6)."""

from __future__ import annotations

from actions.triage.history import History
from actions.triage.patterns import rank_patterns

NUMB_FOOT = {"locations": ["knee"], "spread_to": ["calf", "foot"], "symptoms": ["tingling"],
             "onset": "gradual"}


def pattern_ids(**history) -> list[str]:
    return [m.id for m in rank_patterns(History.from_mapping(history))]


def test_tingling_in_both_feet_is_consistent_with_peripheral_neuropathy() -> None:
    assert "peripheral_neuropathy" in pattern_ids(**NUMB_FOOT, side="both", diabetes=True)


def test_nerve_damage_in_both_feet_is_not_offered_when_one_leg_only_is_affected() -> None:
    assert "peripheral_neuropathy" not in pattern_ids(**NUMB_FOOT, both_legs=False)
    assert "peripheral_neuropathy" not in pattern_ids(**NUMB_FOOT, side="left")
