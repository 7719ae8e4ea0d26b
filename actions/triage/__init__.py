"""Clinical triage core for knee and leg pain: TRIAGE_POLICY.md as plain Python.

Pure: imports nothing from Rasa. The conversation builds a `History`, calls `assess`, and
turns the `Decision` into messages and slots.
"""

from actions.triage.engine import (
    Decision,
    OpenQuestion,
    RuleHit,
    assess,
    emergency_red_flags,
    safety_net,
    triage_level,
)
from actions.triage.history import (
    BODY_LOCATIONS,
    RISK_FACTOR_FACTS,
    SYMPTOM_FACTS,
    Clarification,
    History,
    Onset,
    Side,
)
from actions.triage.patterns import PATTERNS, Pattern, PatternMatch, rank_patterns
from actions.triage.rules import (
    POLICY_RULE_IDS,
    QUESTIONS,
    RULES,
    RULES_BY_ID,
    Level,
    Question,
    Rule,
)

__all__ = [
    "BODY_LOCATIONS", "PATTERNS", "POLICY_RULE_IDS", "QUESTIONS", "RISK_FACTOR_FACTS",
    "RULES", "RULES_BY_ID", "SYMPTOM_FACTS", "Clarification", "Decision", "History", "Level",
    "Onset", "OpenQuestion", "Pattern", "PatternMatch", "Question", "Rule", "RuleHit", "Side",
    "assess", "emergency_red_flags", "rank_patterns", "safety_net", "triage_level",
]
