"""Text folded for comparison: the one rule by which Glose decides that two spellings are the
same word, whatever their case, accents, apostrophes, hyphens or spaces.

``fold_char`` is the rule, character by character (the find bar maps folded positions back to
the text through it); ``fold_words`` applies it to names and lexicon entries, spaces collapsed;
``fold_token`` is its variant for one word of a sentence, where « à » (a preposition) must stay
apart from « a » (a verb) and a punctuation mark must stay itself.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_EQUIVALENTS = {
    "’": "'",
    "‘": "'",
    "ʼ": "'",
    "`": "'",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\n": " ",
    "\t": " ",
    # Hyphens match spaces: « etats unis » finds « États-Unis », « Maison-Blanche » is
    # « Maison Blanche ».
    "-": " ",
    "‐": " ",
    "‑": " ",
    "–": " ",
    "œ": "oe",
    "æ": "ae",
    "ß": "ss",
    "“": '"',
    "”": '"',
}


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """What a character matches: lower case, no accents, plain apostrophes and spaces."""
    if char in _EQUIVALENTS:
        return _EQUIVALENTS[char]
    decomposed = unicodedata.normalize("NFD", char.casefold())
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _EQUIVALENTS.get(folded, folded)


def fold(text: str) -> str:
    """``text`` folded character by character (its spaces kept as they are)."""
    return "".join(fold_char(char) for char in text)


def fold_words(text: str) -> str:
    """``text`` folded, its words separated by single spaces: « Maison-Blanche » and
    « maison  blanche » give the same key."""
    return " ".join(fold(text).split())


@lru_cache(maxsize=1 << 16)
def fold_token(word: str) -> str:
    """One word of a sentence folded; « à » and punctuation marks stay themselves."""
    if not word[0].isalnum():
        return word
    return "à" if word in ("à", "À") else fold_words(word)
