"""Mentions of one person grouped under one name: which word of a name may stand for the person
alone (« Trump » for « Donald Trump », never « de »), and the canonical name of each mention."""

from __future__ import annotations

from collections.abc import Sequence

from reader.analysis.entity_rules import EDGE_TRIM, folded_lexicon, is_first_name
from reader.analysis.model import Label
from reader.folding import fold_words

_NAME_PARTICLES = frozenset(
    [
        "de",
        "du",
        "des",
        "d'",
        "la",
        "le",
        "les",
        "l'",
        "van",
        "von",
        "der",
        "den",
        "di",
        "da",
        "dos",
        "del",
        "el",
        "al",
        "bin",
        "ben",
        "y",
        "et",
    ]
)


def spreadable_alias(word: str) -> bool:
    """May ``word``, the last word of a person's name, stand for that person alone? Only a
    capitalised proper-name token of three letters or more: never a particle (« de », « van »),
    a function word, a title, nor an OCR fragment (« i », « Fa »)."""
    plain = word.strip(EDGE_TRIM)
    if len(plain) < 3 or plain != word or not plain[0].isupper() or not plain.isalpha():
        return False
    if plain.isupper() and len(plain) > 3:
        return False  # a word in capitals is a heading or an acronym, not a surname
    folded = fold_words(plain)
    return not (
        folded in _NAME_PARTICLES
        or folded in folded_lexicon("titles.txt")
        or folded in folded_lexicon("not_entities.txt")
        or is_first_name(plain)
    )


def canonical_names(mentions: Sequence[tuple[str, str]]) -> list[str]:
    """For each (text, label), the name of its group: a person's surname alone joins the full
    name used elsewhere in the article (« Trump » → « Donald Trump »); other names group by
    their folded form and take the first full spelling met."""
    full_names: dict[str, str] = {}
    for text, label in mentions:
        words = text.split()
        if label == Label.PER and len(words) > 1 and spreadable_alias(words[-1]):
            full_names.setdefault(fold_words(words[-1]), text)
    spelling: dict[tuple[str, str], str] = {}
    result: list[str] = []
    for text, label in mentions:
        name = text
        words = text.split()
        if label == Label.PER and len(words) == 1:
            name = full_names.get(fold_words(text), text)
        key = (fold_words(name), label)
        result.append(spelling.setdefault(key, name))
    return result
