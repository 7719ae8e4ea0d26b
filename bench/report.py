"""The benchmark's figures: ratios, the printed table, bench.json, bench.png, the last run."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

LOAD_FIGURES = ("p50_ms", "p95_ms", "p99_ms", "turns_per_s")
SIDE_FIGURES = ("start_to_first_answer_s", "training_s", "model_mb")


def load_line(figures: dict[str, Any]) -> str:
    return (f"{figures['turns']} turns, {figures['conversations']} conversations, "
            f"{figures['turns_per_s']} turns/s, p50 {figures['p50_ms']} ms, "
            f"p95 {figures['p95_ms']} ms, p99 {figures['p99_ms']} ms, "
            f"{figures['errors']} failed")


def _ratio(mine: float | None, theirs: float | None) -> float | None:
    if mine is None or not theirs:
        return None
    return round(mine / theirs, 3)


def ratios(results: dict[str, Any]) -> dict[str, Any]:
    """assistant / baseline for every figure both sides have."""
    sides = results["sides"]
    if not {"assistant", "baseline"} <= sides.keys():
        return {}
    mine, theirs = sides["assistant"], sides["baseline"]
    out: dict[str, Any] = {key: _ratio(mine[key], theirs[key]) for key in SIDE_FIGURES}
    out["rasa_rss"] = _ratio(mine["rss_peak_mb"].get("rasa"), theirs["rss_peak_mb"].get("rasa"))
    for count, figures in mine["loads"].items():
        other = theirs["loads"].get(count, {})
        out[f"{count}_patients"] = {key: _ratio(figures[key], other.get(key))
                                    for key in LOAD_FIGURES}
    return out


def previous(folder: Path) -> dict[str, Any] | None:
    try:
        return json.loads((folder / "bench.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    return f"{value:g}" if isinstance(value, float) else str(value)


def _rows(results: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(figure, {side: value}) for every figure of the table."""
    sides = results["sides"]
    rows: list[tuple[str, dict[str, Any]]] = []
    for count in (str(c) for c in results["patients"]):
        for key in LOAD_FIGURES:
            rows.append((f"{count} patient(s): {key}",
                         {name: side["loads"].get(count, {}).get(key)
                          for name, side in sides.items()}))
    for role in ("rasa", "actions"):
        rows.append((f"peak RSS {role} (MB)",
                     {name: side["rss_peak_mb"].get(role) for name, side in sides.items()}))
    for key in SIDE_FIGURES:
        rows.append((key, {name: side[key] for name, side in sides.items()}))
    return rows


def table(results: dict[str, Any], last: dict[str, Any] | None = None) -> str:
    names = list(results["sides"])
    both = {"assistant", "baseline"} <= set(names)
    header = ["figure", *names, *(["assistant/baseline"] if both else []),
              *(["assistant, last run"] if last else [])]
    last_rows = dict(_rows(last)) if last else {}
    lines = [header]
    for figure, values in _rows(results):
        row = [figure, *(_cell(values.get(n)) for n in names)]
        if both:
            row.append(_cell(_ratio(values.get("assistant"), values.get("baseline"))))
        if last:
            row.append(_cell(last_rows.get(figure, {}).get("assistant")))
        lines.append(row)
    reached = results["sides"].get("assistant", {}).get("scripts_reaching_outcome")
    widths = [max(len(row[i]) for row in lines) for i in range(len(header))]
    text = "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True))
                     for row in lines)
    if reached is not None:
        scripts = results["sides"]["assistant"]["scripts"]
        text += f"\nassistant scripts reaching an outcome: {reached}/{scripts}"
    return text


def save(results: dict[str, Any], folder: Path) -> None:
    target = folder / "bench.json"
    if target.exists():
        shutil.copyfile(target, folder / "bench-previous.json")
    target.write_text(json.dumps(results, indent=1), encoding="utf-8")
    chart(results, folder / "bench.png")


def chart(results: dict[str, Any], path: Path) -> None:
    import matplotlib  # noqa: PLC0415 (only the benchmark draws)

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415

    sides = results["sides"]
    figure, (latency, throughput) = plt.subplots(1, 2, figsize=(12, 4.5))
    for name, side in sides.items():
        for count, figures in side["loads"].items():
            values = sorted(figures["latencies_ms"])
            if values:
                shares = [(n + 1) / len(values) for n in range(len(values))]
                latency.plot(values, shares, label=f"{name}, {count} patient(s)")
    latency.set_xscale("log")
    latency.set_xlabel("latency per turn (ms, log scale)")
    latency.set_ylabel("share of turns at or under")
    latency.set_title("Latency distribution")
    latency.legend(fontsize=8)
    latency.grid(True, which="both", alpha=0.3)
    counts = [str(c) for c in results["patients"]]
    width = 0.8 / max(len(sides), 1)
    for n, (name, side) in enumerate(sides.items()):
        positions = [i + n * width for i in range(len(counts))]
        throughput.bar(positions, [side["loads"].get(c, {}).get("turns_per_s", 0) for c in counts],
                       width, label=name)
    throughput.set_xticks([i + width * (len(sides) - 1) / 2 for i in range(len(counts))])
    throughput.set_xticklabels([f"{c} patient(s)" for c in counts])
    throughput.set_ylabel("turns per second")
    throughput.set_title("Throughput (closed loop)")
    throughput.legend(fontsize=8)
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)
