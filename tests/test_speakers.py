"""Who said it: the bundled article with a hand-built entity list (independent of the entity
engine), synthetic cases for every rule (tests/data/quotes_speakers.txt), and user fixes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.engines import engine_available
from reader.analysis.entities import RulesEngine, load_engine
from reader.analysis.model import Entity, Label, Mention, Quote, QuoteKind, SpeakerKind
from reader.analysis.pipeline import analyse
from reader.analysis.quotes import find_quotes
from reader.analysis.speakers import SpeakerFix, apply_speaker_fixes, attribute_speakers
from reader.sources import article_from_text, load_bundled

DATA = Path(__file__).parent / "data" / "quotes_speakers.txt"
SURE = 0.5

BUNDLED_SPEAKERS = {
    "« immédiatement »": "Donald Trump",
    "« conversation prolongée et très productive »": "Donald Trump",
    "« dès maintenant »": "Donald Trump",
    "« +BON SENS+.\nNous y croyons tous deux très fortement. »": "Donald Trump",
    "« carnage »": "Donald Trump",
    "« solution de long terme »": "Vladimir Poutine",
    "« pourparlers de paix »": "Vladimir Poutine",
    "« début d’une relation »": "Maison Blanche",
    "« irréaliste »": "Pete Hegseth",
    "« pas réaliste »": "Pete Hegseth",
}
BUNDLED_ENTITIES = [
    ("Le président Trump", Label.PER, "Donald Trump"),
    ("Donald Trump", Label.PER, "Donald Trump"),
    ("Trump", Label.PER, "Donald Trump"),
    ("Vladimir Poutine", Label.PER, "Vladimir Poutine"),
    ("Poutine", Label.PER, "Vladimir Poutine"),
    ("Volodymyr Zelensky", Label.PER, "Volodymyr Zelensky"),
    ("Pete Hegseth", Label.PER, "Pete Hegseth"),
    ("Marc Fogel", Label.PER, "Marc Fogel"),
    ("Alexander Vinnik", Label.PER, "Alexander Vinnik"),
    ("Maison Blanche", Label.ORG, "Maison Blanche"),
    ("Kremlin", Label.ORG, "Kremlin"),
    ("OTAN", Label.ORG, "OTAN"),
    ("Truth Social", Label.MISC, "Truth Social"),
    ("Ukraine", Label.LOC, "Ukraine"),
    ("Russie", Label.LOC, "Russie"),
    ("Washington", Label.LOC, "Washington"),
    ("Kiev", Label.LOC, "Kiev"),
    ("Bruxelles", Label.LOC, "Bruxelles"),
]


def tag(text: str, names: list[tuple[str, Label, str]]) -> list[Entity]:
    """Every occurrence of each name, longest names first, never overlapping (as an engine)."""
    entities: list[Entity] = []
    for name, label, canonical in sorted(names, key=lambda n: -len(n[0])):
        start = text.find(name)
        while start != -1:
            end = start + len(name)
            if not any(e.start < end and start < e.end for e in entities):
                entities.append(Entity(start, end, name, label, canonical, "user"))
            start = text.find(name, start + 1)
    return sorted(entities, key=lambda e: e.start)


def attribute(text: str, names: list[tuple[str, Label, str]]) -> list[Quote]:
    article = article_from_text("test", text)
    quotes, _problems = find_quotes(article.text, article.layout.analysed_ranges())
    return attribute_speakers(article.text, article.layout, quotes, tag(article.text, names))


def bundled_quotes() -> tuple[str, list[Quote]]:
    article = load_bundled()
    quotes, _problems = find_quotes(article.text, article.layout.analysed_ranges())
    entities = tag(article.text, BUNDLED_ENTITIES)
    return article.text, attribute_speakers(article.text, article.layout, quotes, entities)


def test_bundled_article_speakers() -> None:
    text, quotes = bundled_quotes()
    found = {q.text: q.speaker.name if q.speaker else None for q in quotes}
    for quote, speaker in BUNDLED_SPEAKERS.items():
        assert found[quote] == speaker, quote
    for quote in quotes:
        if quote.text in BUNDLED_SPEAKERS:
            assert quote.confidence >= SURE, quote.text
            assert quote.speaker is not None
            # The mention chosen names the speaker in the text.
            assert quote.speaker.name.split()[-1] in text[quote.speaker.start : quote.speaker.end]
    unsure = next(q for q in quotes if q.text == "« immédiates »")
    assert unsure.speaker is None or unsure.confidence < SURE


def test_bundled_article_cues() -> None:
    text, quotes = bundled_quotes()
    cues = {q.text: q.cue.text if q.cue else None for q in quotes}
    assert cues["« immédiatement »"] == "a partagé sur son réseau"
    assert cues["« dès maintenant »"] == "a également indiqué"
    assert cues["« solution de long terme »"] == "a exprimé"
    assert cues["« début d’une relation »"] == "a exprimé"
    assert cues["« pas réaliste »"] == "a également déclaré"
    for quote in quotes:
        if quote.cue is not None:
            assert text[quote.cue.start : quote.cue.end] == quote.cue.text


@dataclass
class Case:
    name: str
    text: str = ""
    entities: list[tuple[str, Label, str]] = field(default_factory=list)
    expected: list[tuple[str, str | None, str | None]] = field(default_factory=list)


def load_cases() -> list[Case]:
    cases: list[Case] = []
    lines: list[str] | None = None
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line.startswith("== "):
            if cases and lines is not None:
                cases[-1].text = "\n".join(lines).strip("\n")
            cases.append(Case(line[3:]))
            lines = None
        elif lines is not None:
            lines.append(line)
        elif line.startswith("entity: "):
            name, label, *canonical = line[8:].split("/")
            cases[-1].entities.append((name, Label(label), canonical[0] if canonical else name))
        elif line.startswith("expect: "):
            quote, _, rest = line[8:].partition(" => ")
            speaker, _, cue = rest.partition(" | ")
            cases[-1].expected.append(
                (
                    quote.replace("\\n", "\n"),
                    None if speaker == "-" else speaker,
                    None if cue == "-" else cue,
                )
            )
        elif line == "text:":
            lines = []
    if cases and lines is not None:
        cases[-1].text = "\n".join(lines).strip("\n")
    return cases


CASES = load_cases()


def speaker_of(quote: Quote) -> str | None:
    return quote.speaker.name if quote.speaker and quote.confidence >= SURE else None


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_synthetic_case(case: Case) -> None:
    quotes = {q.text: q for q in attribute(case.text, case.entities)}
    for quote_text, speaker, cue in case.expected:
        assert quote_text in quotes, f"{quote_text!r} not found among {list(quotes)}"
        quote = quotes[quote_text]
        assert speaker_of(quote) == speaker
        if cue is not None:
            assert quote.cue is not None and quote.cue.text == cue


def test_synthetic_accuracy_meets_the_bar() -> None:
    right = total = 0
    for case in CASES:
        quotes = {q.text: q for q in attribute(case.text, case.entities)}
        for quote_text, speaker, _cue in case.expected:
            total += 1
            right += quote_text in quotes and speaker_of(quotes[quote_text]) == speaker
    assert total >= 35
    assert right / total >= 0.9


def test_no_entities_means_phrases_or_nobody_never_a_crash() -> None:
    quotes = attribute("Titre\nLe Kremlin a déclaré : « Non. » Il a ajouté « jamais ».", [])
    assert quotes[0].speaker == Mention("Le Kremlin", 6, 16, SpeakerKind.ORGANISATION)
    assert quotes[0].confidence < 0.9


def test_nested_quotes_are_never_the_outer_speakers_words() -> None:
    names = [("Marc Leroy", Label.PER, "Marc Leroy"), ("Marie Lefèvre", Label.PER, "Marie Lefèvre")]
    quotes = attribute("Titre\nMarc Leroy a raconté : « Il m’a dit “partez” hier ».", names)
    outer, inner = quotes
    assert inner.parent == 0 and outer.speaker is not None and inner.speaker is None
    fixed = apply_speaker_fixes(quotes, [SpeakerFix(outer.start, outer.end, outer.text, "X")])
    assert fixed[0].speaker is not None and fixed[0].speaker.name == "X"
    assert fixed[1].speaker is None
    text = "Titre\nMarie Lefèvre a confié : « Il m’a dit “je reviendrai demain” avant de partir »."
    outer, inner = attribute(text, names)
    assert outer.speaker is not None and outer.speaker.name == "Marie Lefèvre"
    assert inner.speaker is None or inner.speaker.name != "Marie Lefèvre"


def test_a_fix_finds_its_quote_by_text_then_nearest_position() -> None:
    text = "Titre\nA. a dit « oui ».\nB. a dit « oui ».\nC. a dit « non »."
    quotes = attribute(text, [])
    second = quotes[1]
    fix = SpeakerFix.from_json(
        SpeakerFix(second.start + 3, second.end + 3, "« oui »", "B").to_json()
    )
    fixed = apply_speaker_fixes(quotes, [fix])
    assert fixed[1].speaker is not None and fixed[1].speaker.name == "B"
    assert fixed[1].confidence == 1.0 and fixed[1].cue == quotes[1].cue
    assert fixed[0] == quotes[0] and fixed[2] == quotes[2]
    nobody = apply_speaker_fixes(fixed, [SpeakerFix(0, 0, "« non »", None)])
    assert nobody[2].speaker is None and nobody[2].confidence == 1.0
    assert apply_speaker_fixes(quotes, [SpeakerFix(0, 0, "« absent »", "Z")]) == quotes


WORDS = [
    "Il",
    "elle",
    "a",
    "déclaré",
    "selon",
    "Marie",
    "le",
    "président",
    ":",
    ",",
    ".",
    "«",
    "»",
    "“",
    "”",
    "-t-",
    "dit",
    "\n",
    "Le",
    "ministre",
    "américain",
    "’",
    "en",
    "notant",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=60))
def test_any_text_attributes_without_error(words: list[str]) -> None:
    text = "Titre\n" + " ".join(words)
    names = [("Marie", Label.PER, "Marie Curie")]
    quotes = attribute(text.strip() or "Titre", names)
    clean = article_from_text("t", text.strip() or "Titre").text
    for quote in quotes:
        assert 0.0 <= quote.confidence <= 1.0
        if quote.speaker is not None:
            assert 0 <= quote.speaker.start <= quote.speaker.end <= len(clean)
        if quote.cue is not None:
            assert clean[quote.cue.start : quote.cue.end] == quote.cue.text


def test_nationalities_are_inflected_as_the_entity_rules_inflect_them() -> None:
    from reader.analysis.entity_rules import demonyms
    from reader.analysis.speaker_lexicon import nationality
    from reader.folding import fold_words

    assert nationality(fold_words("Françaises")) == fold_words("français")
    assert nationality(fold_words("ukrainiennes")) == fold_words("ukrainien")
    assert nationality("belgee") is None and nationality("francaiss") is None
    assert {fold_words(form) for form in demonyms()} == {
        form for form in map(fold_words, demonyms()) if nationality(form) is not None
    }


# The whole pipeline (entity engine included) ----------------------------------------------


@pytest.mark.parametrize("engine_name", ["auto", "rules"])
def test_bundled_article_speakers_with_each_engine(engine_name: str) -> None:
    if engine_name == "auto" and not engine_available():
        pytest.skip("the French spaCy model is not installed")
    article = load_bundled()
    analysis = analyse(article.text, article.layout, load_engine(engine_name))
    speakers = {q.text: q.speaker.name if q.speaker else None for q in analysis.quotes}
    for quote, speaker in BUNDLED_SPEAKERS.items():
        assert speakers[quote] == speaker, quote
    cues = {q.text: q.cue.text if q.cue else None for q in analysis.quotes}
    assert cues["« solution de long terme »"] == "a exprimé"
    assert cues["« dès maintenant »"] == "a également indiqué"
    unsure = next(q for q in analysis.quotes if q.text == "« immédiates »")
    assert unsure.confidence < 0.5
    for quote in analysis.quotes:
        if quote.speaker is not None:
            assert article.text[quote.speaker.start : quote.speaker.end] in (
                quote.speaker.name,
                quote.speaker.name.split()[-1],
            )


SENTENCES = [
    ("La ministre Rachida Dati a déclaré : « Nous avancerons. »", "Rachida Dati", "a déclaré"),
    (
        "« Nous avancerons », a affirmé Emmanuel Macron devant la presse.",
        "Emmanuel Macron",
        "a affirmé",
    ),
    ("Selon Olaf Scholz, l’accord est « à portée de main ».", "Olaf Scholz", "Selon"),
    ("Emmanuel Macron : « Il faut agir. »", "Emmanuel Macron", None),
    ("L’OTAN a dénoncé une « provocation » de Moscou.", "OTAN", "a dénoncé"),
    ("Personne n’a parlé de « crise » ce jour-là.", None, None),
]


@pytest.mark.parametrize(("sentence", "speaker", "cue"), SENTENCES)
def test_rules_on_synthetic_sentences(sentence: str, speaker: str | None, cue: str | None) -> None:
    article = article_from_text("test", "Titre\n" + sentence)
    (quote,) = analyse(article.text, article.layout, RulesEngine()).quotes
    found = quote.speaker.name if quote.speaker and quote.confidence >= 0.5 else None
    assert found == speaker
    if cue is not None:
        assert quote.cue is not None and quote.cue.text == cue


def test_pronoun_resolves_to_the_previous_speaker() -> None:
    text = (
        "Titre\nPete Hegseth a précisé que le plan était « irréaliste ».\n"
        "Il a également déclaré que c’était « dangereux »."
    )
    article = article_from_text("test", text)
    quotes = analyse(article.text, article.layout, RulesEngine()).quotes
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Pete Hegseth"] * 2
    assert quotes[1].confidence < quotes[0].confidence


def test_a_fix_wins_and_survives_reanalysis() -> None:
    article = load_bundled()
    analysis = analyse(article.text, article.layout, RulesEngine())
    carnage = next(q for q in analysis.quotes if q.text == "« carnage »")
    fix = SpeakerFix(carnage.start, carnage.end, carnage.text, "Le Kremlin")
    again = analyse(
        article.text,
        article.layout,
        RulesEngine(),
        speaker_fixes=[SpeakerFix.from_json(fix.to_json())],
    )
    fixed = next(q for q in again.quotes if q.text == "« carnage »")
    assert (
        fixed.speaker is not None and fixed.speaker.name == "Le Kremlin" and fixed.confidence == 1.0
    )
    nobody = apply_speaker_fixes(
        again.quotes, [SpeakerFix(carnage.start, carnage.end, carnage.text, None)]
    )
    assert next(q for q in nobody if q.text == "« carnage »").speaker is None


def _speakers(body: str) -> list[tuple[str, str | None, str | None]]:
    article = article_from_text("test", "Titre\n" + body)
    quotes = analyse(article.text, article.layout, RulesEngine()).quotes
    return [
        (q.text, q.speaker.name if q.speaker else None, str(q.speaker.kind) if q.speaker else None)
        for q in quotes
    ]


def test_dialogue_incises_descriptions_and_alternating_turns() -> None:
    body = (
        "Le baron entra dans la salle.\n"
        "— Cela sera-t-il bien long ? demanda le laquais.\n"
        "— C’est l’affaire d’une heure, répondit le postillon ; nous allons manger.\n"
        "— Vraiment ?\n"
        "— Vraiment.\n"
        "Le major quitta sa pipe : « Quelle fête, capitaine ? »"
    )
    found = _speakers(body)
    assert found[0][1:] == ("le laquais", "described")
    assert found[1][1:] == ("le postillon", "described")
    assert found[2][1] == "le laquais" and found[3][1] == "le postillon"
    assert found[4][1:] == ("Le major", "described")


def kinds_of(text: str) -> dict[str, tuple[QuoteKind, SpeakerKind | None]]:
    article = article_from_text("test", "Titre\n" + text)
    quotes = analyse(article.text, article.layout, RulesEngine()).quotes
    return {q.text: (q.kind, q.speaker.kind if q.speaker else None) for q in quotes}


def test_terms_and_titles_are_nobodys_words() -> None:
    kinds = kinds_of(
        "La ministre Rachida Dati a déclaré : « Nous avancerons. » Elle passait dans "
        "l’émission « Quotidien ». On y parlait du « bon ton » des salons."
    )
    assert kinds["« Nous avancerons. »"] == (QuoteKind.SPEECH, SpeakerKind.PERSON)
    assert kinds["« Quotidien »"] == (QuoteKind.TERM, None)
    assert kinds["« bon ton »"] == (QuoteKind.TERM, None)
    article = article_from_text(
        "test", "Titre\nLa ministre Rachida Dati a déclaré : « Oui. » L’émission « Quotidien »."
    )
    quotes = analyse(article.text, article.layout, RulesEngine()).quotes
    assert [q.to_json()["kind"] for q in quotes] == ["speech", "term"]
    assert quotes[0].to_json()["speaker"]["kind"] == "person"
    # The teller's own word in marks is a term; what they say is their speech.
    kinds = kinds_of(
        "Je pensais à la nuit de noces dans cette chambre austère, dans « ma » chambre ! "
        "Je lui dis : « Partons demain. »"
    )
    assert kinds["« ma »"] == (QuoteKind.TERM, None)
    assert kinds["« Partons demain. »"] == (QuoteKind.SPEECH, SpeakerKind.NARRATOR)


def test_an_unclosed_mark_is_credited_to_nobody() -> None:
    found = _speakers("Emmanuel Macron a déclaré : « Nous avancerons sans fin.")
    assert found == [("« Nous avancerons sans fin.", None, None)]


def test_the_words_of_quotations_are_hidden_from_the_sentences_around_them() -> None:
    from reader.analysis.speaker_context import MASK, _masked

    article = article_from_text(
        "t",
        "Titre\nIl dit : « Oui. » Puis :\n"
        "– Vous m’avez dit : « Bonjour, Jean.\n« – Bonjour, monsieur. Vous voilà ? » Fin.",
    )
    quotes, _ = find_quotes(article.text, article.layout.analysed_ranges())
    hidden = _masked(article.text, [q for q in quotes if q.parent is None]).replace(MASK, "_")
    # A quotation's final stop ends its sentence and line breaks stay; where a line of
    # dialogue and a « … » that it opens overlap, what either hides is hidden.
    assert hidden == (
        "Titre\nIl dit : «____._» Puis :\n–" + "_" * 35 + "\n" + "_" * 34 + "?_» Fin."
    )
