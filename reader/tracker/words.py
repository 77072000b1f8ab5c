"""A quotation as the words it reports: folded, tokenised, each word weighed and keyed.

Two reports of one utterance differ in ways that carry no meaning: quotation marks, case,
accents, apostrophes, punctuation, ellipses marking a cut (« […] », « (...) »), an added
« [sic] » or editor's note. Those are dropped here. What is left is a sequence of words; a cut
marked by an ellipsis is kept as a position, so that words missing there are not held against
the shorter report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

# Folding is the library search's: one definition of « the same letters » across Glose.
from reader.resources import read_lexicon
from reader.search import fold

CUT = "…"
"""Stands, among the words, for an ellipsis that marks a cut (every form of ellipsis is
written as this one before the words are read)."""

_ELLIPSIS = re.compile(r"[\[(]\s*(?:\.\s*){2,}\.?\s*[\])]|[\[(]\s*…\s*[\])]|…|\.{3,}")
_EDITORIAL = re.compile(r"\[\s*(?:sic|n\.?\s*d\.?\s*l\.?\s*r\.?\b[^\]]*|note\b[^\]]*)\s*\]", re.I)
_WORD = re.compile(r"[^\W_]+|…")

MIN_WORDS = 4
"""Fewer words than this is a phrase in quotation marks (« carnage », « en même temps »),
not an utterance anyone could track."""


@cache
def grammar_words() -> frozenset[str]:
    """Grammar words (folded): they weigh little, and the index never looks them up."""
    return frozenset(fold(word) for word in read_lexicon("grammar_words_fr.txt"))


@cache
def _negations() -> tuple[frozenset[str], frozenset[str]]:
    """Words that negate, and words that negate only after « ne » (« ne … plus »)."""
    always: set[str] = set()
    after_ne: set[str] = set()
    for line in read_lexicon("negations_fr.txt"):
        if line.startswith("ne +"):
            after_ne.add(fold(line.removeprefix("ne +").strip()))
        else:
            always.add(fold(line))
    return frozenset(always), frozenset(after_ne)


# Endings of French inflection, longest first.
_SUFFIXES = (
    "issements",
    "issement",
    "eraient",
    "ements",
    "erions",
    "ement",
    "eriez",
    "erais",
    "erait",
    "erons",
    "eront",
    "aient",
    "erez",
    "erai",
    "eras",
    "ions",
    "era",
    "iez",
    "ons",
    "ent",
    "ais",
    "ait",
    "ant",
    "ees",
    "ez",
    "ee",
    "es",
    "er",
    "ir",
    "e",
    "s",
    "x",
)

CONTENT_WEIGHT = 1.0
STOP_WEIGHT = 0.25
NEGATION_WEIGHT = 0.5


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem, so that inflections of one word compare equal (« lâcherons » and
    « lâcherai », « retraite » and « retraites »). Short words and numbers stay as they are."""
    if len(word) <= 4 or not word.isalpha():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True, slots=True)
class QuoteWords:
    """The words a quotation reports, ready to be compared."""

    words: tuple[str, ...]
    """Folded words, without the cut markers."""
    keys: tuple[str, ...]
    """Their stems: the form compared."""
    weights: tuple[float, ...]
    cuts: frozenset[int]
    """Positions ``i`` where an ellipsis stands just before ``words[i]``."""
    negations: tuple[bool, ...]
    """Which words negate (« pas », « jamais », « ne … plus »)."""
    key_set: frozenset[str]
    content_keys: frozenset[str]
    """The stems of the words that are not grammar words: what the index looks up."""
    content_words: frozenset[str]
    """Those words themselves."""

    @property
    def trackable(self) -> bool:
        """Enough words to stand for one utterance."""
        return len(self.words) >= MIN_WORDS and any(w == CONTENT_WEIGHT for w in self.weights)

    @property
    def total_weight(self) -> float:
        return sum(self.weights)

    def stored(self) -> str:
        """The words as one string, cut markers included, for ``from_stored``."""
        pieces = []
        for index, word in enumerate(self.words):
            if index in self.cuts:
                pieces.append(CUT)
            pieces.append(word)
        return " ".join(pieces)


def _without_editing(text: str) -> str:
    """The quotation with its editorial marks replaced: cuts become ``CUT``, « [sic] » and
    editor's notes go, other brackets (« [le président] ») keep their words."""
    text = _EDITORIAL.sub(" ", text)
    return _ELLIPSIS.sub(f" {CUT} ", text)


def quote_words(text: str) -> QuoteWords:
    """The words of a quotation as it appears in an article, marks and all."""
    return from_words(_WORD.findall(fold(_without_editing(text))))


@lru_cache(maxsize=8192)
def from_stored(stored: str) -> QuoteWords:
    """The words kept by ``QuoteWords.stored``, as they were (kept for the quotations a
    library compares again and again)."""
    return from_words(stored.split(" ") if stored else [])


def from_words(tokens: list[str]) -> QuoteWords:
    words: list[str] = []
    cuts: set[int] = set()
    for token in tokens:
        if token == CUT:
            cuts.add(len(words))
        elif token:
            words.append(token)
    always, after_ne = _negations()
    stop_words = grammar_words()
    negations = []
    for index, word in enumerate(words):
        if index and words[index - 1] == "sans":
            # « sans aucune exception » says what « sans exception » says.
            negations.append(False)
        elif word in after_ne:
            before = words[max(0, index - 4) : index]
            negations.append("ne" in before or "n" in before)
        else:
            negations.append(word in always)
    weights = tuple(
        NEGATION_WEIGHT if negated else STOP_WEIGHT if word in stop_words else CONTENT_WEIGHT
        for word, negated in zip(words, negations, strict=True)
    )
    keys = tuple(stem(word) for word in words)
    return QuoteWords(
        tuple(words),
        keys,
        weights,
        frozenset(cut for cut in cuts if 0 < cut < len(words)),
        tuple(negations),
        frozenset(keys),
        frozenset(k for k, w in zip(keys, weights, strict=True) if w == CONTENT_WEIGHT),
        frozenset(k for k, w in zip(words, weights, strict=True) if w == CONTENT_WEIGHT),
    )
