"""Speakers in real news and first-person prose, with the real French model: the error classes
read in the evaluation sets (an organisation in apposition, pronouns of the wrong gender,
« pour X, », descriptions, the narrator), each on a sentence written for the test."""

from __future__ import annotations

import pytest

from reader.analysis.engines import engine_available
from reader.analysis.entities import load_engine
from reader.analysis.model import Quote, QuoteKind
from reader.analysis.pipeline import analyse
from reader.sources import article_from_text

pytestmark = pytest.mark.skipif(not engine_available(), reason="the French model is not installed")


def _quotes(body: str) -> list[Quote]:
    article = article_from_text("test", "Titre\n" + body)
    return analyse(article.text, article.layout, load_engine("auto")).quotes


CASES = [
    (
        "Sur Twitter, Philippe Gosselin (UMP) a dénoncé un « incident grave qui ne doit pas "
        "se reproduire ».",
        "Philippe Gosselin",
        "person",
    ),
    (
        "Le ministre Christian Jacob, président du groupe UMP, a déclaré : « Vous êtes une "
        "héritière qui vit dans un château. »",
        "Christian Jacob",
        "person",
    ),
    (
        "François Hollande a reçu Angela Merkel à Paris. « Nous avancerons ensemble sur ce "
        "dossier », a-t-elle déclaré.",
        "Angela Merkel",
        "person",
    ),
    (
        "Barack Obama parlait dans l'Ohio. Mais pour Barack Obama, « le problème est que tout "
        "le monde connaît déjà sa stratégie ».",
        "Barack Obama",
        "person",
    ),
    (
        "D'après le ministre du budget, Jérôme Cahuzac, « il y a bien une ardoise cachée que "
        "nous devons honorer ».",
        "Jérôme Cahuzac",
        "person",
    ),
    (
        "Un ancien guide touristique a indiqué : « Ils sont venus avec des pioches et ils ont "
        "cassé la porte. »",
        "Un ancien guide touristique",
        "described",
    ),
    (
        "L'ONG Human Rights Watch a publié un rapport sur la Syrie. Cependant, l'ONG précise "
        "que « le nombre de centres de détention est beaucoup plus élevé ».",
        "Human Rights Watch",
        "organisation",
    ),
    (
        "Je poussai la porte de la salle et je dis : « Je vous demande bien pardon, messieurs. »",
        "le narrateur",
        "narrator",
    ),
]


@pytest.mark.parametrize(("body", "speaker", "kind"), CASES)
def test_the_speaker_of_each_error_class(body: str, speaker: str, kind: str) -> None:
    (quote,) = [q for q in _quotes(body) if q.kind is QuoteKind.SPEECH]
    assert quote.speaker is not None
    assert (quote.speaker.name, str(quote.speaker.kind)) == (speaker, kind)


def test_a_quotation_and_the_one_a_cue_gives_in_the_same_sentence_share_it() -> None:
    quotes = _quotes(
        "Arnaud Montebourg était à Paris. « Avec une augmentation continue de la consommation », "
        "la question est de savoir « si nous allons continuer à investir », affirme-t-il."
    )
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Arnaud Montebourg"] * 2


def test_a_short_title_is_a_term_and_an_object_is_a_doubtful_speaker() -> None:
    (title,) = _quotes("La vidéo « Collateral Murder » a été diffusée en avril.")
    assert (title.kind, title.speaker) == (QuoteKind.TERM, None)
    (quote,) = _quotes(
        "Le major semblait enchanté ; il prit à sa droite Paméla, Blondine à sa gauche, et "
        "déclara, en dépliant sa serviette : « Vous avez eu là une charmante idée, capitaine. »"
    )
    assert quote.confidence < 0.8
