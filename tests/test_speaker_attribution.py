"""Who said it: the bundled article's speakers, and synthetic cases for each rule."""

from __future__ import annotations

import pytest

from reader.analysis.engines import engine_available
from reader.analysis.entities import RulesEngine, load_engine
from reader.analysis.pipeline import analyse
from reader.analysis.speakers import SpeakerFix, apply_speaker_fixes
from reader.sources import article_from_text, load_bundled
from tests.test_speakers import BUNDLED_SPEAKERS

EXPECTED = BUNDLED_SPEAKERS  # one table of the bundled article's speakers, in test_speakers


@pytest.mark.parametrize("engine_name", ["auto", "rules"])
def test_bundled_article_speakers(engine_name: str) -> None:
    if engine_name == "auto" and not engine_available():
        pytest.skip("the French spaCy model is not installed")
    article = load_bundled()
    analysis = analyse(article.text, article.layout, load_engine(engine_name))
    speakers = {q.text: q.speaker.name if q.speaker else None for q in analysis.quotes}
    for quote, speaker in EXPECTED.items():
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


CASES = [
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


@pytest.mark.parametrize(("sentence", "speaker", "cue"), CASES)
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


def test_terms_and_titles_are_nobodys_words() -> None:
    from reader.analysis.model import QuoteKind

    article = article_from_text(
        "test",
        "Titre\nLa ministre Rachida Dati a déclaré : « Nous avancerons. » Elle passait dans "
        "l’émission « Quotidien » et parlait du « bon ton » des salons.",
    )
    quotes = analyse(article.text, article.layout, RulesEngine()).quotes
    kinds = {q.text: (q.kind, q.speaker) for q in quotes}
    assert kinds["« Nous avancerons. »"][0] is QuoteKind.SPEECH
    assert kinds["« Quotidien »"] == (QuoteKind.TERM, None)
    assert kinds["« bon ton »"] == (QuoteKind.TERM, None)
    assert quotes[0].to_json()["speaker"]["kind"] == "person"
    assert quotes[1].to_json()["kind"] == "term"


def test_an_unclosed_mark_is_credited_to_nobody() -> None:
    found = _speakers("Emmanuel Macron a déclaré : « Nous avancerons sans fin.")
    assert found == [("« Nous avancerons sans fin.", None, None)]
