"""Words that speaker attribution reads: reporting verbs in every form, pronouns, role nouns,
nationalities, and the small closed classes (auxiliaries, prepositions) around them.

The open lists live in ``resources/lexicons`` (``reporting_verbs_fr.txt``,
``speakers_pronouns.txt``, ``speakers_descriptions.txt``, ``speaking_nouns.txt``,
``demonyms.txt``) so they can grow without touching code; everything is compared in folded
form (no case, no accents, ’ → ').
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, TypeVar

from reader.analysis.entity_rules import demonym_forms
from reader.folding import fold_token, fold_words
from reader.resources import read_lexicon

_TOKEN = re.compile(r"\w+[’']?|[^\w\s□]")
"""Words keep an elided apostrophe (« qu’ », « l’ ») so « qu’il » gives « qu’ » and « il »."""


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    folded: str
    """Without case or accents, for closed word classes and lexicons."""
    lower: str
    """Without case but with accents: verb forms need them (« estime » is not « estimé »)."""
    start: int
    end: int


@lru_cache(maxsize=1 << 16)
def _lower(word: str) -> str:
    return word.casefold().replace("’", "'")


def tokenize(text: str, start: int, end: int) -> list[Token]:
    tokens = []
    for match in _TOKEN.finditer(text, start, end):
        word = match.group()
        word_start, word_end = match.span()
        tokens.append(Token(word, fold_token(word), _lower(word), word_start, word_end))
    return tokens


def word_set(line: str) -> frozenset[str]:
    return frozenset(line.split())


AUX_AVOIR = word_set("a ont avait avaient aura auront aurait auraient ai as avons avez eut eurent")
AUX_ETRE = word_set(
    "est sont etait etaient sera seront serait seraient suis es sommes etes fut furent"
)
VERBISH = (
    AUX_AVOIR
    | AUX_ETRE
    | word_set("va vont allait doit doivent devait peut peuvent pouvait veut veulent voulait")
)
"""Finite verbs common enough to mark where a sentence's subject ends."""
CLITICS = word_set("ne n' lui leur l' le la les y en se s' me m' te t' nous vous , -")
DETERMINERS = word_set("le la les l' un une des ce cet cette son sa ses leur")
POSSESSIVES = word_set("mon ma ton ta son sa notre votre leur")
PLURAL_POSSESSIVES = word_set("mes tes ses nos vos leurs")
OBJECT_CLITICS = word_set("lui leur me m' te t' nous vous")
"""« lui dit-elle », « », me répondit-il »: to whom it is said, between a verb and its cue."""
PREPOSITIONS = word_set(
    "à au aux de du des d' avec pour par contre entre sur chez envers vers sans selon dans "
    "apres avant pres concernant"
)
_ADVERBS = word_set(
    "egalement aussi encore deja alors ensuite notamment meme pourtant toutefois ainsi enfin "
    "hier recemment aussitot ailleurs plus pas jamais bien tout lui-meme elle-meme "
    "publiquement clairement fermement lundi mardi mercredi jeudi vendredi samedi dimanche "
    "quelquefois parfois souvent soudain bientot tantot longtemps maintenant autrefois jadis "
    "desormais tard tot vite"
)


def is_adverb(folded: str) -> bool:
    return folded in _ADVERBS or (folded.endswith("ment") and len(folded) > 6)


def _regular_forms(lemma: str) -> tuple[set[str], set[str], set[str]]:
    """(finite, past participles, present participles) of a regular -er or -ir verb."""
    if lemma.endswith("ir"):
        stem = lemma[:-2]
        finite = {
            stem + e
            for e in (
                "is",
                "it",
                "issons",
                "issez",
                "issent",
                "issait",
                "issaient",
                "irent",
                "ira",
                "iront",
                "irait",
                "iraient",
            )
        }
        return finite, {stem + e for e in ("i", "ie", "is", "ies")}, {stem + "issant"}
    stem = lemma[:-2]
    soft = stem + "e" if stem.endswith("g") else (stem[:-1] + "ç" if stem.endswith("c") else stem)
    open_e = (
        re.sub(r"[ée]([^aeiouyéè]+)$", r"è\1", stem) if re.search(r"é[^aeiouyéè]+$", stem) else stem
    )
    finite = {open_e + e for e in ("e", "es", "ent")}
    finite |= {
        stem + e
        for e in (
            "ez",
            "iez",
            "ions",
            "erai",
            "eras",
            "era",
            "erons",
            "erez",
            "eront",
            "erais",
            "erait",
            "erions",
            "eriez",
            "eraient",
            "èrent",
        )
    }
    finite |= {soft + e for e in ("ons", "ais", "ait", "aient", "a", "as", "âmes", "âtes")}
    participles = {stem + e for e in ("é", "ée", "és", "ées")}
    return finite, participles, {soft + "ant"}


@cache
def verb_forms() -> dict[str, tuple[str, bool]]:
    """Folded form → (kind, reflexive); kind is "finite", "participle" or "gerund"."""
    forms: dict[str, tuple[str, bool]] = {}
    for line in read_lexicon("reporting_verbs_fr.txt"):
        lemma, _, listed = line.partition(":")
        lemma = lemma.strip()
        reflexive = lemma.startswith(("se ", "s'", "s’"))
        lemma = lemma.split(" ", 1)[1] if lemma.startswith("se ") else lemma
        lemma = lemma[2:] if lemma.startswith(("s'", "s’")) else lemma
        if listed:
            given = [form.strip() for form in listed.split(",") if form.strip()]
            finite = {f for f in given if not f.endswith("ant")}
            participles: set[str] = set()
            gerunds = {f for f in given if f.endswith("ant")}
        else:
            finite, participles, gerunds = _regular_forms(lemma)
        for kind, group in (("participle", participles), ("finite", finite), ("gerund", gerunds)):
            for form in group:
                forms.setdefault(_lower(form), (kind, reflexive))
    return forms


@cache
def pronouns() -> tuple[tuple[tuple[str, ...], str, bool], ...]:
    """(folded words, gender, plural) of each pronoun, longest first."""
    entries = []
    for line in read_lexicon("speakers_pronouns.txt"):
        *words, gender, number = line.split()
        entries.append(
            (tuple(t.folded for t in tokenize(" ".join(words), 0, 999)), gender, number == "p")
        )
    return tuple(sorted(entries, key=lambda entry: -len(entry[0])))


@cache
def pronouns_by_first_word() -> dict[str, tuple[tuple[tuple[str, ...], str, bool], ...]]:
    """``pronouns()`` grouped by their first word, each group still longest first."""
    return _by_first_word(pronouns())


@cache
def descriptions_by_first_word() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """``descriptions()`` grouped by their first word, each group still longest first."""
    return _by_first_word(descriptions())


_Entry = TypeVar("_Entry", bound=tuple[Any, ...])


def _by_first_word(entries: tuple[_Entry, ...]) -> dict[str, tuple[_Entry, ...]]:
    groups: dict[str, list[_Entry]] = {}
    for entry in entries:
        groups.setdefault(entry[0][0], []).append(entry)
    return {first: tuple(group) for first, group in groups.items()}


@cache
def descriptions() -> tuple[tuple[tuple[str, ...], str], ...]:
    """(folded words, gender or "") of each role noun, longest first."""
    entries = {}
    for line in read_lexicon("speakers_descriptions.txt"):
        *words, gender = line.split()
        key = tuple(t.folded for t in tokenize(" ".join(words), 0, 999))
        entries[key] = "" if gender == "-" else gender
    return tuple(sorted(entries.items(), key=lambda entry: -len(entry[0])))


@cache
def _nationalities() -> dict[str, str]:
    """Every folded form of a nationality adjective → its base (« américaines » → américain)."""
    return {fold_words(form): fold_words(base) for form, base in demonym_forms().items()}


def nationality(folded: str) -> str | None:
    return _nationalities().get(folded)


@cache
def _first_name_genders() -> dict[str, str]:
    genders = {}
    for line in read_lexicon("first_names_gender.txt"):
        name, _, gender = line.rpartition(" ")
        genders[fold_words(name)] = gender
    return genders


_TITLE_GENDERS = {"m": "m", "monsieur": "m", "mme": "f", "madame": "f", "mlle": "f"}
_TITLE_GENDERS |= {"mademoiselle": "f", "sieur": "m", "dame": "f", "abbe": "m", "comte": "m"}
_TITLE_GENDERS |= {"comtesse": "f", "baron": "m", "baronne": "f", "marquis": "m"}
_TITLE_GENDERS |= {"marquise": "f", "duc": "m", "duchesse": "f", "prince": "m", "princesse": "f"}


def title_before(before: Sequence[Token]) -> str | None:
    """The title right before a name, over its abbreviation's dot and a particle: « M.
    Baupin », « M. de Coutelier », « l'abbé Sérapion » (folded), or None."""
    words = [t.folded for t in before[-3:] if t.folded != "."]
    if words and words[-1] in ("de", "d'"):
        words.pop()
    return words[-1] if words and words[-1] in _TITLE_GENDERS else None


def name_gender(name: str, before: list[Token]) -> str:
    """The gender a person's name says: its first name (« Marine Le Pen »), else the title
    just before it (« M. Baupin », « Mme Bensouda »); "" when neither says."""
    words = name.split()
    gender = _first_name_genders().get(fold_words(words[0])) if words else None
    # A name alone is taken for a first name only when feminine: « Martin », « Thomas »,
    # « Bernard » are surnames as often as first names, « Rachel » hardly ever.
    if gender and (len(words) > 1 or gender == "f"):
        return gender
    title = title_before(before)
    return _TITLE_GENDERS[title] if title else ""


@cache
def speaking_nouns() -> frozenset[str]:
    """The folded nouns of ``speaking_nouns.txt`` and every word of the role nouns."""
    nouns = {
        fold_words(word) for line in read_lexicon("speaking_nouns.txt") for word in line.split()
    }
    return frozenset(nouns | {word for key, _ in descriptions() for word in key})
