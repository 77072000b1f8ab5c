"""Rules around the NER model: lexicons, dates and durations, cleaning of the model's known
mistakes on news, the fallback recogniser used when spaCy is not installed, and grouping of
mentions under one canonical name.

Every function here works on one paragraph at a time with offsets relative to it, so that
results can be cached per paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from reader.analysis.model import Label
from reader.folding import fold_words
from reader.resources import read_lexicon


@dataclass(frozen=True, slots=True, order=True)
class RawEntity:
    """A mention found in one paragraph; offsets are relative to the paragraph."""

    start: int
    end: int
    label: str

    def to_json(self) -> list[Any]:
        return [self.start, self.end, self.label]

    @classmethod
    def from_json(cls, data: Sequence[Any]) -> RawEntity:
        return cls(int(data[0]), int(data[1]), str(data[2]))


_APOSTROPHES = "’'ʼ"
_ELISION = re.compile(r"(?i)(?:jusqu|lorsqu|puisqu|quoiqu|qu|[ldjmnstc])[’'ʼ]")
EDGE_TRIM = ' \u00a0\u202f.,;:!?«»"“”()[]—–-'
_WORD = r"[\w’'-]"


@cache
def _lexicon(name: str) -> frozenset[str]:
    return frozenset(read_lexicon(name))


@cache
def folded_lexicon(name: str) -> frozenset[str]:
    return frozenset(fold_words(entry) for entry in read_lexicon(name))


@cache
def demonym_forms() -> dict[str, str]:
    """Every form of each nationality in ``demonyms.txt`` (feminine, plural) → its base:
    « américaines » → « américain », « françaises » → « français »."""
    forms: dict[str, str] = {}
    for base in read_lexicon("demonyms.txt"):
        stems = {base}
        if base.endswith("ien"):
            stems.add(base + "ne")
        elif not base.endswith("e"):
            stems.add(base + "e")
        for stem in stems:
            forms[stem] = base
            if not stem.endswith(("s", "x")):
                forms[stem + "s"] = base
    return forms


@cache
def demonyms() -> frozenset[str]:
    return frozenset(demonym_forms())


def is_place(text: str) -> bool:
    return fold_words(text) in folded_lexicon("places.txt")


def is_organisation(text: str) -> bool:
    return fold_words(text) in folded_lexicon("organisations.txt")


def is_media(text: str) -> bool:
    """A newspaper, agency or broadcaster (``media.txt``): a speaker that is a source."""
    return fold_words(text) in folded_lexicon("media.txt")


def is_demonym(text: str) -> bool:
    return text in demonyms()


def is_first_name(word: str) -> bool:
    return word in _lexicon("first_names.txt")


def is_never_an_entity(text: str) -> bool:
    return fold_words(text) in folded_lexicon("not_entities.txt")


@cache
def _known_names_pattern() -> re.Pattern[str]:
    names = list(read_lexicon("organisations.txt")) + list(read_lexicon("places.txt"))
    names += sorted(demonyms())
    names.sort(key=len, reverse=True)
    alternation = "|".join(re.escape(name) for name in names)
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])")


def _known_label(text: str) -> str:
    if is_demonym(text):
        return Label.MISC
    if is_organisation(text):
        return Label.ORG
    return Label.LOC


def known_names(paragraph: str) -> list[RawEntity]:
    """Every lexicon name in the paragraph (places, organisations, demonyms)."""
    return [
        RawEntity(m.start(), m.end(), _known_label(m.group()))
        for m in _known_names_pattern().finditer(paragraph)
    ]


# Dates and durations ------------------------------------------------------------------------

_MONTHS = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|"
    "novembre|décembre|decembre"
)
_DAYS = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
_NUMBER_WORDS = (
    "un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|"
    "seize|vingt|trente|quarante|cinquante|soixante|cent|mille|plusieurs|quelques"
)
_UNITS = "ans?|années?|mois|semaines?|jours?|heures?|minutes?|secondes?|siècles?|décennies?"
_DATE_PATTERNS = [
    re.compile(
        rf"(?i)\b(?:(?:le|du|au)\s+)?(?:(?:{_DAYS})\s+)?(?:1er|\d{{1,2}})\s+(?:{_MONTHS})"
        rf"(?:\s+(?:1[89]\d\d|20\d\d))?\b"
    ),
    re.compile(rf"(?i)\b(?:(?:début|fin|mi)[\s-])?(?:{_MONTHS})\s+(?:1[89]\d\d|20\d\d)\b"),
    re.compile(rf"(?i)\b(?:{_DAYS})\b(?:\s+(?:dernier|prochain))?"),
    re.compile(r"(?<![\d,.\w])(?:1[89]\d\d|20\d\d)(?![\d,.]\d|\w|\s?%)"),
    re.compile(rf"(?i)\b(?:{_NUMBER_WORDS}|\d+)\s+(?:{_UNITS})(?:\s+et\s+demie?)?\b"),
]


def find_dates(paragraph: str) -> list[RawEntity]:
    """Dates and durations, longest first when they overlap."""
    found: list[RawEntity] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(paragraph):
            start, end = match.span()
            if paragraph[start:end].lower() in ("un an", "une an"):
                continue
            found.append(RawEntity(start, end, Label.DATE))
    return drop_overlaps(found)


def drop_overlaps(entities: Iterable[RawEntity]) -> list[RawEntity]:
    """Keep the longest of overlapping mentions (earliest on ties)."""
    kept: list[RawEntity] = []
    for entity in sorted(entities, key=lambda e: (-(e.end - e.start), e.start)):
        if all(entity.end <= other.start or entity.start >= other.end for other in kept):
            kept.append(entity)
    return sorted(kept)


# Cleaning the model's output ----------------------------------------------------------------


def _trim(paragraph: str, start: int, end: int) -> tuple[int, int]:
    while end > start and paragraph[end - 1] in EDGE_TRIM:
        end -= 1
    while start < end and paragraph[start] in EDGE_TRIM:
        start += 1
    elision = _ELISION.match(paragraph, start)
    if elision and elision.end() < end:
        start = elision.end()
    # A leading title is not part of the name (« président Trump », « cardinal Mathieu »), but
    # it stays before a particle: « M. de Lanessan » is not « de Lanessan ».
    words = paragraph[start:end].split(" ")
    while (
        len(words) > 1
        and fold_words(words[0]) in folded_lexicon("titles.txt")
        and words[1][:1].isupper()
    ):
        start += len(words[0]) + 1
        words = words[1:]
    # Other lower-case words before the name are not part of it, except the word that opens
    # a place's or an institution's name (« rue Neuve », « ministère des Affaires étrangères »).
    while (
        len(words) > 1
        and words[0][:1].islower()
        and fold_words(words[0]) not in _NAME_OPENING_WORDS
    ):
        start += len(words[0]) + 1
        words = words[1:]
    return start, end


_NAME_OPENING_WORDS = frozenset(
    [
        "rue",
        "place",
        "avenue",
        "boulevard",
        "quai",
        "cours",
        "impasse",
        "route",
        "chemin",
        "pont",
        "porte",
        "ile",
        "lac",
        "mont",
        "col",
        "cap",
        "golfe",
        "baie",
        "faubourg",
        "square",
        "allee",
        "ocean",
        "mer",
        "mosquee",
        "eglise",
        "cathedrale",
        "hopital",
        "musee",
        "palais",
        "stade",
        "aeroport",
        "ministere",
        "orchestre",
        "universite",
        "institut",
    ]
)


def is_garbled(text: str) -> bool:
    """A span the model took from noise: a word under three letters, or characters no name
    has (« KJbFU±SL », « 9& »)."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 3 and not _two_letter_acronym(text):
        return True
    return any(not (c.isalnum() or c in " -.'’&") for c in text)


def _two_letter_acronym(text: str) -> bool:
    """« UE », « ND », « PS »: capitals that are no French word (« LE », « DE » are)."""
    return (
        len(text) == 2
        and text.isalpha()
        and text.isupper()
        and fold_words(text) not in folded_lexicon("grammar_words_fr.txt")
    )


_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-zà-öø-ÿœ][\w-]*")


def common_words(text: str) -> frozenset[str]:
    """The words that ``text`` writes in lower case somewhere: a capitalised single word among
    them is a common noun at a sentence's start (« Naissances », « Etat »), not a name."""
    return frozenset(match.group() for match in _LOWER_WORD.finditer(text))


def clean(paragraph: str, raw: Sequence[RawEntity]) -> list[RawEntity]:
    """The model's mentions with its known mistakes on news fixed (see the issue list in the
    entities module), plus the lexicon's places, organisations and demonyms it missed."""
    cleaned: list[RawEntity] = []
    for entity in raw:
        start, end = _trim(paragraph, entity.start, entity.end)
        text = paragraph[start:end]
        if _role_complement(paragraph[entity.start : start].split()):
            continue  # « président de la République », « ministre des Finances »: a role
        if "\n" in text or (("+" in text or is_garbled(text)) and not is_media(text)):
            continue
        if not text[0].isupper() and fold_words(text.split()[0]) not in _NAME_OPENING_WORDS:
            continue
        if is_never_an_entity(text):
            continue
        label = entity.label
        if is_demonym(text) and not (label == "LOC" and is_place(text)):
            label = Label.MISC  # « les Suisses »; « en Suisse », the model says, is the country
        elif is_organisation(text) or is_media(text):
            label = Label.ORG
        elif is_place(text):
            label = Label.LOC
        elif label == "PER" and text.isupper() and len(text) <= 6:
            label = Label.ORG  # an acronym, not a person
        if label not in ("PER", "LOC", "ORG", "MISC"):
            label = Label.MISC
        cleaned.append(RawEntity(start, end, str(label)))
    known = [k for k in known_names(paragraph) if not _overlaps(k, cleaned)]
    # The model finds the name but the lexicon knows its type better (Kremlin → ORG).
    return drop_overlaps(cleaned + known)


def _role_complement(removed: list[str]) -> bool:
    """Were the words trimmed from a span a title and its « de » (« président de la »)?"""
    return (
        len(removed) > 1
        and fold_words(removed[0]) in folded_lexicon("titles.txt")
        and fold_words(removed[-1]) in ("de", "du", "des", "la", "le", "les")
    )


def _overlaps(entity: RawEntity, others: Iterable[RawEntity]) -> bool:
    return any(entity.start < other.end and other.start < entity.end for other in others)


# The fallback recogniser ---------------------------------------------------------------------

_CAPITALISED = re.compile(
    r"(?<![\w’'+-])[A-ZÀ-ÖØ-Þ][\w-]*(?:\s+(?:(?:de|du|des|von|van|der|bin|al|el)\s+)?[A-ZÀ-ÖØ-Þ][\w-]*)*"
    r"(?![\w+])"
)
_SENTENCE_END = re.compile(r"(?<!\bM)[.!?…»:«“—–(]\s*$")
"""What comes just before a sentence's first word: its end, an opening quotation mark, or the
dash of a line of dialogue (« — Non, dit-il »); not the full stop of « M. Martin »."""


def _split_run(paragraph: str, start: int, end: int) -> list[tuple[int, int]]:
    """A run of capitalised words cut where a new name clearly begins: after a leading word
    that is never a name (« Selon », « Les »), after a demonym (« Russe Alexander Vinnik »)
    and before a first name (« Défense Pete Hegseth »)."""
    pieces: list[tuple[int, int]] = []
    words = [
        (m.start() + start, m.end() + start) for m in re.finditer(r"\S+", paragraph[start:end])
    ]
    current: list[tuple[int, int]] = []
    before = paragraph[max(0, start - 12) : start].split()
    previous = before[-1] if before else ""
    for index, (word_start, word_end) in enumerate(words):
        word, word_before = paragraph[word_start:word_end], previous
        previous = word
        if (
            current
            and is_first_name(word)
            and not is_first_name(paragraph[current[-1][0] : current[-1][1]])
        ):
            pieces.append((current[0][0], current[-1][1]))
            current = []
        if (
            not current
            and (is_never_an_entity(word) or word.islower())
            and not _article_of_a_name(paragraph, words[index:], word_before)
        ):
            continue
        current.append((word_start, word_end))
        if len(current) == 1 and is_demonym(word):
            pieces.append((word_start, word_end))
            current = []
    if current:
        pieces.append((current[0][0], current[-1][1]))
    return pieces


_ARTICLES = frozenset({"le", "la", "les"})
_PARTICLES = frozenset({"de", "du", "des", "d’", "d'"})


def _article_of_a_name(paragraph: str, words: list[tuple[int, int]], previous: str) -> bool:
    """Does the article opening ``words`` belong to the name that follows it: a known place
    or organisation (« Le Monde », « Le Havre »), or a surname after a particle (« Mlle de
    La Fayette »)?"""
    if len(words) < 2 or fold_words(paragraph[words[0][0] : words[0][1]]) not in _ARTICLES:
        return False
    two_words = paragraph[words[0][0] : words[1][1]]
    return is_place(two_words) or is_organisation(two_words) or previous in _PARTICLES


def recognise_by_rules(paragraph: str) -> list[RawEntity]:
    """Names found without a model: capitalised sequences typed by the lexicons."""
    found: list[RawEntity] = []
    for match in _CAPITALISED.finditer(paragraph):
        run_start, run_end = _trim(paragraph, *match.span())
        for start, end in _split_run(paragraph, run_start, run_end):
            text = paragraph[start:end]
            words = text.split()
            before = paragraph[max(0, start - 3) : start]
            sentence_start = start == 0 or bool(_SENTENCE_END.search(before))
            if not words or is_never_an_entity(text) or len(text) < 2:
                continue
            if (
                sentence_start
                and len(words) == 1
                and not (is_place(text) or is_organisation(text) or is_demonym(text))
            ):
                continue
            label = _rule_label(text, words)
            if label == Label.MISC and _after_title(paragraph, start):
                label = Label.PER  # « la ministre Rachida Dati »
            found.append(RawEntity(start, end, label))
    return drop_overlaps(found)


def _after_title(paragraph: str, start: int) -> bool:
    previous = paragraph[max(0, start - 40) : start].split()
    if previous and fold_words(previous[-1]) in _PARTICLES:
        previous = previous[:-1]  # « la duchesse de Chevreuse »
    return bool(previous) and fold_words(previous[-1]) in folded_lexicon("titles.txt")


def _rule_label(text: str, words: list[str]) -> str:
    if is_demonym(text):
        return Label.MISC
    if is_organisation(text):
        return Label.ORG
    if is_place(text):
        return Label.LOC
    if is_first_name(words[0]) and len(words) > 1:
        return Label.PER
    if text.isupper():
        return Label.ORG
    return Label.MISC if len(words) > 1 else Label.PER
