"""Typo correction before vocabulary matching: the `vocabulary_spelling` spaCy component.

People describe their knee on a phone: "my nee is swolen", "pins and needels in my fot".
The component runs before the entity_ruler and sets `token.norm_` of a misspelt word to its
correction; the ruler matches on NORM, so "nee" finds the knee. The text, and so every span
an extractor reports, stays what the person typed.

A token is looked at only when it is alphabetic, at least 3 letters long, not a number, not
a word of any vocabulary phrase (language/vocabulary.yml), not a common English word, not
chat shorthand ("dont", "ok", "idk"), not a capitalised name inside a sentence ("Tesco")
and not a short acronym ("MRI"). Then:

- a letter held down stretches a word: "painnnn" is "pain", "sooo" is left alone;
- a word that sounds like a vocabulary word ("nee", "flite") becomes that word;
- a word in symspellpy's English list that is not common ("telly", "physio") is a real
  word, only rarer, and is left alone;
- any other word takes the likeliest of symspellpy's candidates (edit distance 1 for words
  of 3-4 letters, 2 from 5 letters on) from the vocabulary's words, given a high frequency,
  and the most frequent English words. Likeliest weighs how often the word is written
  against how easily a thumb makes the slip (`typing_cost`: "fot" is "foot", "cald" is
  "calf"). The correction is kept only when it is a vocabulary word, or a common English
  word one easy slip away ("realy"), and only when the slip is small: "zumba" stays zumba.

The dictionary is built once per process, when the component is first created (`spacy.load`
of the saved pipeline rebuilds it from vocabulary.yml and symspellpy's package data; nothing
of it is saved with the pipeline).
"""

# No `from __future__ import annotations`: spaCy validates the factory arguments against
# the real annotations.
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from importlib.resources import files
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token
from symspellpy import SymSpell, Verbosity
from symspellpy.editdistance import DistanceAlgorithm, EditDistance

from language.vocabulary import DETERMINERS, OPTIONAL_WORD, SIDES, VOCABULARY_FILE, Vocabulary

FACTORY = "vocabulary_spelling"
ENGLISH_DICTIONARY = "frequency_dictionary_en_82_765.txt"

# An English word this frequent in symspellpy's list (Google Books counts) is never
# changed. 2,000,000 is about the 15,000 most frequent words: "shin" (2.3 million) and
# "limp" are common, "nee" (1.5 million) and "flite" (0.4 million) are not.
COMMON_FREQUENCY = 2_000_000
# How many of the list's most frequent words go into the symspell dictionary: the common
# ones as corrections, the rarer ones so that a typo of a rare word is not pulled onto a
# vocabulary word. The rest of the 82,765 words only tell that a word is real.
ENGLISH_WORDS = 30_000
PREFIX_LENGTH = 5  # symspellpy's prefix: 5 builds 3 times faster than 7, same results
MIN_LETTERS = 3
LONG_WORD = 5  # from this length on, candidates up to edit distance 2
# The most a correction may cost in `typing_cost` slips: one slip, or two easy ones; from 7
# letters on, one and a half. A correction that changes the first letter must be one easy
# slip (a neighbouring key, a doubled letter).
MAX_COST = 1.0
MAX_COST_LONG = 1.5
LONG_COST_WORD = 7
NEAR_SLIP = 0.75
# Choosing between candidates: log10 of the word's English frequency (times 1 + BOOST for
# each vocabulary phrase it is in, so that vocabulary words win; not for FUNCTION_WORDS),
# minus SLIP_PENALTY per unit of `typing_cost`. "fot" is "foot", not "for"; "taht" is
# "that", not "taut"; "cald" is "calf" (d and f are neighbours), not "cold". Tuned on
# made-up slips of the vocabulary's words and of the 3,000 most frequent English words.
VOCABULARY_BOOST = 300
SLIP_PENALTY = 8.0
RARE_FREQUENCY = 100_000  # for vocabulary words not in the English list ("kne")
# A correction to an English word that is not in the vocabulary helps no pattern; it is
# made only for the cheapest slips (a neighbouring key, a doubled letter, two swapped).
ENGLISH_COST = 0.75

# Written without an apostrophe or shortened on a phone, and meant as they are.
SHORTHAND = frozenset(
    """
    dont cant wont isnt aint arent wasnt werent doesnt didnt hasnt havent hadnt couldnt
    wouldnt shouldnt mustnt neednt im ive id ill youre youve youll youd theyre theyve
    theyll hes shes thats whats wheres theres heres whos lets itll itd wed weve
    ok okay okey lol idk tbh imo btw omg pls plz thx thnx ty cuz coz bc tho thru abt alot
    rn asap ya yea yeh yep yup nah nope hmm umm ugh erm aww hiya heya hey
    gonna wanna gotta dunno lemme gimme kinda sorta ima tryna innit
    gp nhs mri xray physio ibuprofen naproxen paracetamol codeine cocodamol
    """.split()
)

# Words that are in the vocabulary only as parts of longer phrases ("sitting for long"): a
# typo as near to a word that names something goes to that word ("fot" is "foot").
FUNCTION_WORDS = frozenset(
    """
    a an the this that these those my me i it its is are was were be been am has have had
    do does did not no nor so if but or and as at by for from in into of off on onto out
    over to too up with all any some each very just can could should would will
    when where what who there here than then
    get gets got gotten getting go goes going gone went come comes came coming sat
    """.split()
)

# A rough sound key: two spellings with the same key sound alike. It only rewrites letter
# groups that are silent or sound as another ("nee" and "knee", "flite" and "flight").
# Merging doubled vowels too would find "fot" (which edit distance finds anyway) but also
# make "poop" a "pop" and "foor" a "for".
_SOUND_RULES = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"ight", "ite"),
        (r"ph", "f"),
        (r"^kn", "n"),
        (r"mb$", "m"),
        (r"ough", "of"),
        (r"ck", "k"),
        (r"oo", "u"),  # "blud" is blood, not blue
        (r"(?:er|ah|a)$", "a"),  # "feva", "bladda"
        (r"ing$", "in"),  # "freezin", "tinglin"
        (r"ue$", "u"),  # "blu"
    )
)


def sound_key(word: str) -> str:
    for pattern, replacement in _SOUND_RULES:
        word = pattern.sub(replacement, word)
    return word


_KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
# keys next to each other on a phone's QWERTY keyboard (rows are staggered)
_NEAR_KEYS = {
    (key, other)
    for row, keys in enumerate(_KEYBOARD)
    for i, key in enumerate(keys)
    for r, columns in ((row, (i - 1, i + 1)), (row - 1, (i, i + 1)), (row + 1, (i - 1, i)))
    if 0 <= r < len(_KEYBOARD)
    for j in columns
    if 0 <= j < len(_KEYBOARD[r])
    for other in _KEYBOARD[r][j]
}


def typing_cost(typed: str, word: str) -> float:
    """Edit distance from `word` to `typed`, weighted by how easily a thumb makes each
    slip: a neighbouring key, a doubled letter typed once or a letter typed twice (0.5), two
    letters swapped (0.75), any other letter left out, added or replaced (1)."""

    def doubled(text: str, i: int) -> bool:
        return (i > 0 and text[i - 1] == text[i]) or (i + 1 < len(text) and text[i + 1] == text[i])

    rows = [[float(j) for j in range(len(word) + 1)]]
    for i in range(1, len(typed) + 1):
        row = [float(i)]
        for j in range(1, len(word) + 1):
            a, b = typed[i - 1], word[j - 1]
            substitution = 0.0 if a == b else 0.5 if (a, b) in _NEAR_KEYS else 1.0
            cost = min(
                rows[i - 1][j] + (0.5 if doubled(typed, i - 1) else 1.0),  # typed too many
                row[j - 1] + (0.5 if doubled(word, j - 1) else 1.0),  # left out
                rows[i - 1][j - 1] + substitution,
            )
            if i > 1 and j > 1 and a == word[j - 2] and typed[i - 2] == b:
                cost = min(cost, rows[i - 2][j - 2] + 0.75)
            row.append(cost)
        rows.append(row)
    return rows[-1][-1]


def english_frequencies() -> dict[str, int]:
    """symspellpy's English frequency list: word -> count, most frequent first."""
    text = files("symspellpy").joinpath(ENGLISH_DICTIONARY).read_text(encoding="utf-8")
    frequencies: dict[str, int] = {}
    for line in text.splitlines():
        word, _, count = line.partition(" ")
        frequencies[word] = int(count)
    return frequencies


def vocabulary_words(make_doc: Callable[[str], Doc], vocabulary: Vocabulary) -> Counter[str]:
    """Every alphabetic word of every vocabulary phrase (canonical ids included), as the
    tokenizer splits it, with the number of phrases it occurs in."""
    counts: Counter[str] = Counter()
    for entity, ids in vocabulary.entries.items():
        for canonical in ids:
            for phrase in vocabulary.phrases(entity, canonical):
                words = set()
                for raw in phrase.lower().replace("\u2019", "'").split():
                    if raw == OPTIONAL_WORD:
                        continue
                    if raw.isalpha():
                        words.add(raw)
                    words.update(t.lower_ for t in make_doc(raw) if t.is_alpha)
                counts.update(words)
    counts.update(w for w in (*DETERMINERS, *SIDES) if w not in counts)
    return counts


def entries_of_words(vocabulary: Vocabulary) -> dict[str, set[str]]:
    """Each word of the vocabulary's phrases -> the entries ("symptom:cold_leg") it is in."""
    entries: dict[str, set[str]] = {}
    for entity, ids in vocabulary.entries.items():
        for canonical in ids:
            for phrase in vocabulary.phrases(entity, canonical):
                for word in phrase.lower().split():
                    entries.setdefault(word, set()).add(f"{entity}:{canonical}")
    return entries


def one_word_terms(vocabulary: Vocabulary) -> frozenset[str]:
    """The vocabulary's phrases of one word ("foot", "numb", "swolen"): terms on their own."""
    return frozenset(
        phrase.lower()
        for entity, ids in vocabulary.entries.items()
        for canonical in ids
        for phrase in vocabulary.phrases(entity, canonical)
        if phrase.isalpha())


class Speller:
    """Corrections of single lower-case words towards the vocabulary."""

    def __init__(
        self,
        vocabulary: Counter[str],
        english: dict[str, int],
        common_frequency: int = COMMON_FREQUENCY,
        english_words: int = ENGLISH_WORDS,
        terms: frozenset[str] = frozenset(),
        entries: dict[str, set[str]] | None = None,
    ) -> None:
        self.vocabulary = vocabulary
        self.english = english
        self.common_frequency = common_frequency
        self.symspell = SymSpell(max_dictionary_edit_distance=2, prefix_length=PREFIX_LENGTH)
        self.symspell.distance_comparer = EditDistance(DistanceAlgorithm.DAMERAU_OSA_FAST)
        for word, phrases in vocabulary.items():
            # a vocabulary word is written far more often here than in books
            frequency = english.get(word, 0) or RARE_FREQUENCY
            if word not in FUNCTION_WORDS:
                frequency *= 1 + VOCABULARY_BOOST * phrases
            self.symspell.create_dictionary_entry(word, frequency)
        for rank, (word, count) in enumerate(english.items()):
            if rank >= english_words:
                break
            if word not in vocabulary and word.isalpha():
                self.symspell.create_dictionary_entry(word, count)
        # The vocabulary's own misspellings inside longer phrases ("ice cold fot"): not words
        # to keep but slips of a term said on its own ("foot"), so that "pain in my fot" is
        # corrected too. A word that is no English word, no shorthand and no term on its own
        # is taken for one when it corrects to such a term that the same entry spells out
        # ("anserine" corrects to none; "pooed" is no slip of "popped", another entry's).
        self.slips: frozenset[str] = frozenset(
            w for w in vocabulary
            if len(w) >= MIN_LETTERS and w not in english and w not in SHORTHAND
            and w not in terms)
        self.sounds: dict[str, str] = {}
        self._add_sounds()
        entries = entries or {}
        corrected = {w: self.correct(w) or "" for w in self.slips}
        self.slips = frozenset(
            w for w, word in corrected.items()
            if word in vocabulary and word not in self.slips
            and entries.get(w, set()) & entries.get(word, set()))
        self._add_sounds()

    def _add_sounds(self) -> None:
        vocabulary, english = self.vocabulary, self.english
        for word in sorted(vocabulary, key=lambda w: (-vocabulary[w], -english.get(w, 0), w)):
            if len(word) >= MIN_LETTERS and word not in self.slips:
                self.sounds.setdefault(sound_key(word), word)

    def is_word(self, word: str) -> bool:
        """A vocabulary word that is not one of its misspellings."""
        return word in self.vocabulary and word not in self.slips

    def is_common(self, word: str) -> bool:
        return self.english.get(word, 0) >= self.common_frequency

    def should_check(self, word: str) -> bool:
        return (
            len(word) >= MIN_LETTERS
            and word.isalpha()
            and not self.is_word(word)
            and word not in SHORTHAND
            and not self.is_common(word)
        )

    def correct(self, word: str) -> str | None:
        """The correction of `word` (lower case), or None to leave it as it is."""
        if not self.should_check(word):
            return None
        stretched = self._stretched(word)
        if stretched is not None:
            return stretched or None
        sounds_like = self.sounds.get(sound_key(word))
        if sounds_like or word in self.english:
            return sounds_like  # an English word is a real word, only rarer
        distance = 2 if len(word) >= LONG_WORD else 1
        # vocabulary words of one or two letters ("op", "oa") are not corrections
        candidates = [
            candidate
            for candidate in self.symspell.lookup(word, Verbosity.ALL, max_edit_distance=distance)
            if len(candidate.term) >= MIN_LETTERS and candidate.term not in self.slips
        ]
        if not candidates:
            return None
        best = max((c.term for c in candidates), key=lambda term: self._score(word, term))
        cost = typing_cost(word, best)
        if cost > (MAX_COST_LONG if len(word) >= LONG_COST_WORD else MAX_COST):
            return None  # "zumba" is not "lumbar", nor "garmin" "groin"
        if best[0] != word[0] and cost > NEAR_SLIP:
            return None  # "alot" is not "clot"
        if self.is_word(best):
            return best
        if self.is_common(best) and cost <= ENGLISH_COST:
            return best  # "realy", "becuase"; not "tesco" ("test"), "asda" ("asia")
        return None  # nearest to a rare English word: a typo of that word, or no typo

    def _stretched(self, word: str) -> str | None:
        """For a word with a letter held down ("sooo", "painnnn"): the vocabulary word it
        stretches, "" when it stretches another word, None when it is not stretched."""
        if not re.search(r"(.)\1\1", word):
            return None
        for length in (2, 1):
            shorter = re.sub(r"(.)\1{2,}", r"\1" * length, word)
            if self.is_word(shorter):
                return shorter
            if shorter in SHORTHAND or self.is_common(shorter):
                return ""
        return None

    def _score(self, word: str, candidate: str) -> tuple:
        """Higher is likelier: how often the candidate is written (a vocabulary word more
        often here, the more phrases it is in) against how hard a slip `word` is from it."""
        frequency = self.symspell.words[candidate]
        return (
            math.log10(frequency) - SLIP_PENALTY * typing_cost(word, candidate),
            candidate[0] == word[0],
            candidate,
        )


_SPELLERS: dict[tuple, Speller] = {}


def speller(
    vocabulary_path: Path = VOCABULARY_FILE,
    common_frequency: int = COMMON_FREQUENCY,
    english_words: int = ENGLISH_WORDS,
    make_doc: Callable[[str], Doc] | None = None,
) -> Speller:
    """The speller for a vocabulary file, built once per process (and again only when the
    file changes). `make_doc` is the English tokenizer that splits the phrases' words."""
    path = Path(vocabulary_path).resolve()
    key = (path, path.stat().st_mtime, common_frequency, english_words)
    if key not in _SPELLERS:
        make_doc = make_doc or spacy.blank("en").make_doc
        loaded = Vocabulary.load(path)
        _SPELLERS[key] = Speller(vocabulary_words(make_doc, loaded), english_frequencies(),
                                 common_frequency, english_words, one_word_terms(loaded),
                                 entries_of_words(loaded))
    return _SPELLERS[key]


def _leave_alone(token: Token, doc: Doc) -> bool:
    """Names and acronyms: a capitalised word inside a sentence ("Tesco"), a short word in
    capitals ("ACL", "MRI")."""
    if token.is_upper and len(token) <= 4:
        return True
    starts_sentence = token.i == 0 or doc[token.i - 1].text in {".", "!", "?", "\n"}
    return token.is_title and not starts_sentence and token.text != "I"


class VocabularySpelling:
    """Sets `token.norm_` of misspelt words to their correction (see the module doc)."""

    def __init__(self, speller: Speller) -> None:
        self.speller = speller

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if not token.is_alpha or token.like_num or _leave_alone(token, doc):
                continue
            correction = self.speller.correct(token.lower_)
            if correction:
                token.norm_ = correction
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory(
    FACTORY,
    default_config={
        "vocabulary": None,
        "common_frequency": COMMON_FREQUENCY,
        "english_words": ENGLISH_WORDS,
    },
)
def make_vocabulary_spelling(
    nlp: Language,
    name: str,
    vocabulary: str | None,
    common_frequency: int,
    english_words: int,
) -> VocabularySpelling:
    """`vocabulary` is the path of the vocabulary file; None (the default, and what a saved
    pipeline keeps) is language/vocabulary.yml of this checkout."""
    path = Path(vocabulary) if vocabulary else VOCABULARY_FILE
    return VocabularySpelling(speller(path, common_frequency, english_words, nlp.make_doc))
