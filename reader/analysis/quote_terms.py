"""Quotation marks around a term or a title rather than someone's words: « le mot
« changement » », « l'émission « Quotidien » », a scare-quoted word (« bon ton »). They are
shown, but credited to nobody."""

from __future__ import annotations

from reader.analysis.model import Quote, SpeakerKind
from reader.analysis.speaker_lexicon import PLURAL_POSSESSIVES, POSSESSIVES, word_set
from reader.folding import fold_words

_NAMING = frozenset(
    [
        "mot",
        "mots",
        "terme",
        "termes",
        "expression",
        "formule",
        "slogan",
        "emission",
        "film",
        "livre",
        "roman",
        "serie",
        "journal",
        "magazine",
        "programme",
        "operation",
        "titre",
        "intitule",
        "intitulee",
        "baptise",
        "baptisee",
        "surnomme",
        "surnommee",
        "appele",
        "appelee",
        "nomme",
        "nommee",
        "dite",
        "dits",
        "dites",
        "qualifie",
        "qualifiee",
        "video",
        "chanson",
        "album",
        "theme",
        "colloque",
        "sculpture",
        "tableau",
        "oeuvre",
        "label",
        "version",
    ]
)
"""Words after which marks give a name or a title (folded)."""
_SHORT = 4
"""At most this many words make a term when nobody is found to say them."""


def is_term(text: str, quote: Quote) -> bool:
    """Marks around a term or a title rather than someone's words: after a naming word
    (« l'émission « Quotidien » », « le mot « changement » »), or a few words with no sentence
    in them that no cue introduces and that nobody is found to say (« bon ton », « tablettes »)
    or that look like a title (« Congrès national général »)."""
    if quote.marks == "—" or quote.parent is not None:
        return False
    before = text[max(0, quote.start - 30) : quote.start].rpartition("\n")[2].split()
    if before and fold_words(before[-1]).rpartition("'")[2] in _NAMING:
        return True
    words = quote.inner.split()
    if len(words) > _SHORT or any(c in quote.inner for c in ".!?…"):
        return False
    if (
        quote.speaker is not None
        and quote.speaker.kind is SpeakerKind.NARRATOR
        and quote.inner[:1].islower()
        and before
        and before[-1][-1:].isalpha()
    ):
        return True  # « dans « ma » chambre », « les meubles que « nous avions choisis » »
    if quote.cue is not None:
        return False
    if before and fold_words(before[-1]) in _GOVERNING and quote.confidence < 0.5:
        return True  # « très ami du « bon ton » », « un peu « sermonneuse » »: a word used
    # A speaker found without a cue stays, shown as doubtful (« des négociations
    # « immédiates » »), unless the words are capitalised like a title (« Collateral Murder »).
    return quote.speaker is None or (quote.confidence < 0.5 and quote.inner[:1].isupper())


_GOVERNING = (
    word_set("du des le la les l' un une en au aux tres si peu plus moins pour par sur dans")
    | word_set("ce cet cette ces")
    | POSSESSIVES
    | PLURAL_POSSESSIVES
)
"""Words after which a few words in marks are part of the sentence around them, a word or a
phrase the writer holds at a distance, not someone's words."""
