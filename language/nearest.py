"""The vocabulary phrase a free wording is nearest to.

The CRF extractor, trained on the NLU examples, tags spans the vocabulary has no phrase for:
"cant catch my breth", "went freezin cold", "started to cough blood". Such a span is read as
the vocabulary entry whose phrase it nearly repeats, word for word after the spelling step
("can't catch my breath"), and as nothing when no phrase is near enough: the CRF's tag alone
never makes a finding. rapidfuzz does the comparing (normalised Indel similarity, the
`fuzz.ratio` of the two word strings).

The cut-off was chosen on the worked-from robustness files (tests/robustness/README in
README.md): lower, and "my knee" type spans drift onto other findings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cached_property

from rapidfuzz import fuzz, process

from language.spelling import Speller
from language.vocabulary import DETERMINERS, OPTIONAL_WORD, Vocabulary

CUT_OFF = 90.0
MIN_WORDS = 2  # one word alone is the vocabulary's and the speller's business


def normal_words(words: Iterable[str]) -> str:
    """Lower-case words without determiners ("my", "the"), joined by single spaces."""
    return " ".join(w for w in (w.lower() for w in words) if w and w not in DETERMINERS)


class NearestPhrase:
    """Entity type -> (the phrases' words as the spelling step leaves them, canonical id)."""

    def __init__(self, vocabulary: Vocabulary, speller: Speller,
                 make_doc: Callable[[str], object]) -> None:
        self.vocabulary = vocabulary
        self.speller = speller
        self.make_doc = make_doc

    def _norms(self, text: str) -> list[str]:
        return [self.speller.correct(t.lower_) or t.norm_ for t in self.make_doc(text)
                if not t.is_punct]

    @cached_property
    def choices(self) -> dict[str, tuple[list[str], list[str]]]:
        found: dict[str, tuple[list[str], list[str]]] = {}
        for entity, ids in self.vocabulary.entries.items():
            phrases, canonicals = [], []
            for canonical in ids:
                for phrase in self.vocabulary.phrases(entity, canonical):
                    words = normal_words(self._norms(phrase.replace(OPTIONAL_WORD, " ")))
                    if len(words.split()) >= MIN_WORDS:
                        phrases.append(words)
                        canonicals.append(canonical)
            found[entity] = (phrases, canonicals)
        return found

    def canonical(self, entity: str, norms: list[str]) -> str | None:
        """The canonical id of the phrase nearest to the words `norms` (the spelling step's
        norms of a tagged span), or None when none is at least CUT_OFF similar."""
        words = normal_words(norms)
        phrases, canonicals = self.choices.get(entity, ([], []))
        if len(words.split()) < MIN_WORDS or not phrases:
            return None
        best = process.extractOne(words, phrases, scorer=fuzz.ratio, score_cutoff=CUT_OFF)
        return canonicals[best[2]] if best else None
