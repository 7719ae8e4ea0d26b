"""Measures two clinical assertion libraries on the robustness suite's opening messages.

For every symptom the vocabulary pipeline finds, the suite's `kind` says whether it should
count: in negated, hypothetical, historical and other-person messages the red-flag words
should not; in lay and typo messages with an expected red flag they should. Only the red-flag
words are compared (cold, bladder, fever, chest pain, deformity, ...). Reported: the share
of their non-current mentions each library marks as not the person's own, and the share of
real red-flag mentions it wrongly marks (a missed emergency).

    python scripts/compare_assertion.py [--negspacy PATH_TO_NEGSPACY_PACKAGE_DIR]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from language.assertion import Status, clinical_context  # noqa: E402
from language.red_flags import red_flag_intents  # noqa: E402
from language.spacy_pipeline import build  # noqa: E402

NOT_CURRENT = {"negated", "hypothetical", "historical", "other_person"}
# Only the words of red flags are compared: the rest of such a message ("just a sore knee")
# is the person's own.
RED_FLAG_WORDS = {f for flag in red_flag_intents().values() for f in flag.findings} - {
    "numbness", "tingling", "weakness", "warmth", "redness"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--negspacy", type=Path, help="folder holding the negspacy package")
    args = parser.parse_args()
    nlp = build()
    negex = None
    if args.negspacy:
        sys.path.insert(0, str(args.negspacy))
        import spacy
        from negspacy.negation import Negex  # noqa: F401  (registers the factory)

        negex = spacy.blank("en")
        negex.add_pipe("sentencizer")
        negex.add_pipe("negex", config={"ent_types": ["symptom"]})
    entries = []
    for path in sorted((ROOT / "tests" / "robustness").glob("*.yml")):
        entries += [e for e in yaml.safe_load(path.read_text()) if "text" in e]
    counts = {name: {"noncurrent": 0, "noncurrent_marked": 0, "current": 0,
                     "current_marked": 0} for name in ("medspacy_context", "negspacy")}
    for entry in entries:
        kind = entry.get("kind")
        should_count = bool(entry.get("red_flags")) and kind in ("lay", "typo")
        if kind not in NOT_CURRENT and not should_count:
            continue
        doc = nlp(entry["text"])
        ents = [e for e in doc.ents if e.label_ == "symptom" and e.ent_id_ in RED_FLAG_WORDS]
        if not ents:
            continue
        statuses = clinical_context().statuses(entry["text"], [(e.start_char, e.end_char)
                                                               for e in ents])
        marked = {"medspacy_context": [s is not Status.PRESENT for s in statuses]}
        if negex is not None:
            ndoc = negex.make_doc(entry["text"])
            ndoc.ents = [ndoc.char_span(e.start_char, e.end_char, label="symptom",
                                        alignment_mode="expand") for e in ents]
            for _name, proc in negex.pipeline:
                ndoc = proc(ndoc)
            marked["negspacy"] = [e._.negex for e in ndoc.ents]
        for name, flags in marked.items():
            key = "current" if should_count else "noncurrent"
            counts[name][key] += len(flags)
            counts[name][key + "_marked"] += sum(flags)
    for name, c in counts.items():
        if not c["noncurrent"]:
            continue
        print(f"{name:17} non-current mentions marked: {c['noncurrent_marked']}/{c['noncurrent']}"
              f" ({c['noncurrent_marked'] / c['noncurrent']:.0%}); real red-flag mentions "
              f"wrongly marked: {c['current_marked']}/{c['current']}")


if __name__ == "__main__":
    main()
