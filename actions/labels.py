"""Plain-language labels for canonical entity ids (content in content/labels.yml)."""

from __future__ import annotations

from pathlib import Path

import yaml

_LABELS: dict[str, dict[str, str]] = yaml.safe_load(
    (Path(__file__).parent / "content" / "labels.yml").read_text(encoding="utf-8")
)
BODY_ORDER: tuple[str, ...] = tuple(_LABELS["body_location"])


def label(entity: str, canonical: str) -> str:
    return _LABELS.get(entity, {}).get(canonical, canonical.replace("_", " "))


def top_to_bottom(locations: list[str]) -> list[str]:
    """Body locations sorted from the lower back down to the toes (unknown ones last)."""
    rank = {loc: i for i, loc in enumerate(BODY_ORDER)}
    return sorted(locations, key=lambda loc: rank.get(loc, len(rank)))


def your(places: list[str]) -> str:
    """Body parts as one's own: "your knee and calf", "the back of your knee and your calf"."""
    if not any(" of the " in place for place in places):
        return f"your {join(places)}"
    owned = []
    for place in places:
        part, of_the, whole = place.partition(" of the ")
        owned.append(f"the {part} of your {whole}" if of_the else f"your {place}")
    return join(owned)


def join(words: list[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
