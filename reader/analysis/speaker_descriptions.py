"""Someone the text describes without naming: « le laquais », « un ancien guide
touristique », « de nombreux habitants », « la porte-parole de la fédération »; and the nouns
that stand for an organisation named before (« l'ONG », « le quotidien »)."""

from __future__ import annotations

from collections.abc import Sequence

from reader.analysis.entity_rules import is_media
from reader.analysis.model import Label, Mention, SpeakerKind
from reader.analysis.speaker_context import ArticleContext, Resolved, mention_of
from reader.analysis.speaker_lexicon import (
    PLURAL_POSSESSIVES,
    POSSESSIVES,
    PREPOSITIONS,
    VERBISH,
    Token,
    is_adverb,
    nationality,
    speaking_nouns,
    tokenize,
    word_set,
)

SPEAKER_DETERMINERS = frozenset({"le", "la", "l'", "un", "une", "ce", "cet", "cette"}) | (
    POSSESSIVES  # « lui cria sa mère », « mon père répondit »: kin speak in stories
)
_STOPS = (
    PREPOSITIONS
    | VERBISH
    | frozenset(
        [
            "qui",
            "que",
            "qu'",
            "dont",
            "et",
            "ou",
            "mais",
            "en",
            "avec",
            "son",
            "sa",
            "ses",
            "il",
            "elle",
            "on",
            "se",
            "s'",
            "ne",
            "n'",
        ]
    )
)
PLURAL_DETERMINERS = (
    frozenset({"les", "des", "plusieurs", "certains", "nombreux", "quelques"}) | PLURAL_POSSESSIVES
)
_COMPLEMENT = frozenset({"de", "du", "des", "d'"})
_NOBODY = word_set(
    "fois jour jours soir soirs matin matins nuit nuits heure heures moment instant lendemain "
    "veille an ans annee annees semaine mois minute seconde cote part tour"
)
"""« Un soir, … lui dit : », « une fois », « de son côté », « à son tour »: the time or the
turn a sentence opens with is nobody."""
OPENING_WORDS = frozenset({"mais", "et", "puis", "alors", "or", "donc", "cependant", ","})
PHRASE_FACTOR = 0.65
ORGANISATION_NOUNS = {
    "ong": "organisation",
    "organisation": "organisation",
    "federation": "organisation",
    "association": "organisation",
    "syndicat": "organisation",
    "centrale": "organisation",
    "agence": "organisation",
    "entreprise": "organisation",
    "societe": "organisation",
    "groupe": "organisation",
    "firme": "organisation",
    "compagnie": "organisation",
    "institut": "organisation",
    "parti": "organisation",
    "quotidien": "media",
    "journal": "media",
    "hebdomadaire": "media",
    "chaine": "media",
    "radio": "media",
    "magazine": "media",
    "documentaire": "media",
    "reportage": "media",
}
"""Nouns that stand for an organisation (or a newspaper) the article named before."""


def describe(article: ArticleContext, tokens: Sequence[Token], index: int) -> Resolved | None:
    """« le laquais », « un ancien guide touristique », « de nombreux habitants », « la
    porte-parole de la fédération »: someone the text describes without naming, as a
    phrase (a determiner, its noun and what qualifies it). « l'ONG », « le quotidien »:
    the organisation or the newspaper the article named last."""
    if index >= len(tokens):
        return None
    first = index
    if tokens[index].folded == "de" and index + 1 < len(tokens):
        index += 1  # « de nombreux habitants »
    determiner = tokens[index].folded
    if determiner not in SPEAKER_DETERMINERS | PLURAL_DETERMINERS:
        return None
    head = index + 1
    if determiner in ("un", "une") and head < len(tokens) and tokens[head].folded == "des":
        head += 1  # « un des messieurs », « une des femmes »
    words: list[Token] = []
    for token in tokens[head : head + 3]:
        if not (token.text.replace("-", "").isalpha() and token.text.islower()):
            break
        if token.folded in _STOPS and not (words and token.folded in _COMPLEMENT):
            break
        if words and token.folded not in _COMPLEMENT and not _adjectival(words, token):
            break  # « le major quitta »: a verb, not more of the description
        words.append(token)
        if token.folded in _COMPLEMENT:
            break
    if words and words[-1].folded in _COMPLEMENT:
        words += _complement(tokens, head + len(words))
        if words[-1].folded in _COMPLEMENT:
            words.pop()
    if not words or words[0].folded in _NOBODY:
        return None
    organisation = organisation_noun(article, words[0], tokens[first].start)
    if organisation is not None:
        # « son groupe parlementaire »: where someone belongs, not who speaks.
        return None if determiner in POSSESSIVES else organisation
    start, end = tokens[first].start, words[-1].end
    gender = (
        "f"
        if determiner in ("la", "une", "cette", "ma", "ta", "sa")
        else ("m" if determiner in ("le", "un", "ce", "cet") else "")
    )
    mention = Mention(article.text[start:end], start, end, SpeakerKind.DESCRIBED)
    return Resolved(mention, PHRASE_FACTOR, None, gender)


def _complement(tokens: Sequence[Token], index: int) -> list[Token]:
    """« de la fédération », « du groupe », « des Verts »: one noun after « de »."""
    taken: list[Token] = []
    for token in tokens[index : index + 2]:
        if token.folded in ("la", "l'", "le", "les") and not taken:
            taken.append(token)
            continue
        if token.text.replace("-", "").isalpha():
            taken.append(token)
        break
    return taken if taken and taken[-1].folded not in ("la", "l'", "le", "les") else []


def organisation_noun(article: ArticleContext, noun: Token, position: int) -> Resolved | None:
    """« l'ONG », « le quotidien », « la fédération »: the organisation (or newspaper)
    named last before ``position``, not far back."""
    wanted = ORGANISATION_NOUNS.get(noun.folded)
    if wanted is None:
        return None
    for entity in article.entities_before(position):
        if position - entity.end > 1500:
            break
        if entity.label is Label.ORG and (wanted != "media" or is_media(entity.canonical)):
            return Resolved(mention_of(entity), 0.85, entity.canonical)
    return None


_BEFORE_NOUN = frozenset(
    [
        "ancien",
        "ancienne",
        "jeune",
        "vieux",
        "vieil",
        "vieille",
        "nouveau",
        "nouvel",
        "nouvelle",
        "petit",
        "petite",
        "grand",
        "grande",
        "autre",
        "bon",
        "bonne",
        "seul",
        "seule",
        "premier",
        "premiere",
        "dernier",
        "derniere",
        "pauvre",
        "brave",
        "digne",
    ]
)
_ADJECTIVE_ENDINGS = (
    "ique",
    "ien",
    "ienne",
    "ais",
    "aise",
    "al",
    "ale",
    "aux",
    "el",
    "elle",
    "if",
    "ive",
    "eux",
    "euse",
    "ain",
    "aine",
    "ois",
    "oise",
    "aire",
    "iste",
    "ante",
)


def opens_clause(tokens: Sequence[Token], start: int) -> bool:
    """Does the mention at ``start`` open its clause (after « Mais », « Puis », adverbs)? A
    semicolon opens a clause as a full stop does (« Une révolte le secouait ; il jura : »)."""
    before = [t for t in tokens if t.end <= start]
    semicolons = [i for i, t in enumerate(before) if t.folded == ";"]
    if semicolons:
        before = before[semicolons[-1] + 1 :]
    return all(t.folded in OPENING_WORDS or is_adverb(t.folded) for t in before)


def _adjectival(words: list[Token], token: Token) -> bool:
    """May ``token`` go on a description begun by ``words``? The noun after « ancien », or
    an adjective after the noun (« guide touristique », « négociateur palestinien »)."""
    if len(words) == 1 and words[0].folded in _BEFORE_NOUN:
        return True
    folded = token.folded
    return (
        nationality(folded) is not None
        or folded.endswith(_ADJECTIVE_ENDINGS)
        or token.lower.endswith(("é", "ée", "és", "ées"))
    )


_AGENT_ENDINGS = ("eur", "euse", "rice", "iste", "ier", "iere", "ien", "ienne")
_NOT_AGENTS = word_set(
    "coeur honneur bonheur malheur interieur exterieur papier quartier metier escalier sentier "
    "rien bien lien entretien soutien"
)


def names_someone(phrase: str) -> bool:
    """Does a description stand for someone who may speak (« une vieille femme », « le
    postillon », « un des messieurs », « le rapport de la Ligue »), not a thing or a time
    (« les roues de sa bicyclette »)? Its words up to a complement are read: a noun of
    ``speaking_nouns.txt``, a role or an agent noun, else a complement that names someone."""
    words: list[str] = []
    tokens = tokenize(phrase, 0, len(phrase))
    named_complement = False
    for index, token in enumerate(tokens):
        if token.folded in SPEAKER_DETERMINERS | PLURAL_DETERMINERS | _COMPLEMENT:
            if words:
                # « le discours de l'abbé Sérapion » speaks for him; « les roues de sa
                # bicyclette » for nobody.
                named_complement = any(t.text[:1].isupper() for t in tokens[index:])
                break
            continue
        words.append(token.folded)
    return named_complement or any(
        word in speaking_nouns()
        or (word.endswith(_AGENT_ENDINGS) and word not in _NOT_AGENTS and len(word) > 4)
        for word in words
    )
