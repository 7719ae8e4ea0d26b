"""Explain, in plain words, the conditions a user asks about (content: content/conditions.yml)."""

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

CONTENT_FILE = Path(__file__).parent / "content" / "conditions.yml"
MAX_CONDITIONS_PER_ANSWER = 2
MENU_CONDITIONS = (
    "sciatica",
    "peroneal_nerve",
    "osteoarthritis",
    "meniscus_tear",
    "bakers_cyst",
)


@dataclass(frozen=True)
class ConditionInfo:
    id: str
    name: str
    what_it_is: str
    typical_signs: str
    what_helps: str
    sources: tuple[str, ...]

    def explanation(self) -> str:
        return (
            f"{self.name}\n"
            f"What it is: {self.what_it_is}\n"
            f"Signs: {self.typical_signs}\n"
            f"What helps: {self.what_helps}\n"
            f"(Source: {', '.join(self.sources)})"
        )


def load_conditions(path: Path = CONTENT_FILE) -> dict[str, ConditionInfo]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        condition_id: ConditionInfo(
            id=condition_id,
            name=entry["name"],
            what_it_is=entry["what_it_is"],
            typical_signs=entry["typical_signs"],
            what_helps=entry["what_helps"],
            sources=tuple(entry["sources"]),
        )
        for condition_id, entry in raw.items()
    }


def _normalise(text: str) -> str:
    """'Baker's cyst' -> 'bakers_cyst', so ids, names and typed text compare equal."""
    without_apostrophes = re.sub(r"['’]", "", text.strip().lower())
    return re.sub(r"[^a-z0-9]+", "_", without_apostrophes).strip("_")


def _lookup_keys(condition: ConditionInfo) -> list[str]:
    """The id, the full name, and for 'Deep vein thrombosis (DVT)' also each part on its own."""
    keys = [condition.id, condition.name]
    match = re.fullmatch(r"(.+?)\s*\((.+)\)", condition.name)
    if match:
        keys.extend(match.groups())
    return [_normalise(key) for key in keys]


CONDITIONS = load_conditions()
_BY_KEY = {key: info for info in CONDITIONS.values() for key in _lookup_keys(info)}


def find_condition(value: Any) -> ConditionInfo | None:
    if not isinstance(value, str):
        return None
    return _BY_KEY.get(_normalise(value))


def _menu_text() -> str:
    return (
        "I can explain the conditions that can make knee pain spread down the leg. "
        "Pick one below, or just type the name of any other, for example "
        "\"runner's knee\" or \"DVT\"."
    )


def _menu_buttons() -> list[dict[str, str]]:
    return [
        {
            "title": CONDITIONS[condition_id].name,
            "payload": f"/ask_condition_info{json.dumps({'condition': condition_id})}",
        }
        for condition_id in MENU_CONDITIONS
    ]


class ActionExplainCondition(Action):
    def name(self) -> str:
        return "action_explain_condition"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: dict[str, Any],
    ) -> list[dict[str, Any]]:
        asked: list[ConditionInfo] = []
        for value in tracker.get_latest_entity_values("condition"):
            info = find_condition(value)
            if info is not None and info not in asked:
                asked.append(info)

        if not asked:
            dispatcher.utter_message(text=_menu_text(), buttons=_menu_buttons())
            return []

        for info in asked[:MAX_CONDITIONS_PER_ANSWER]:
            dispatcher.utter_message(text=info.explanation())
        return []
