"""The evaluation harness (``make evaluate``) on a slice of every set, and its scoring."""

from __future__ import annotations

from tests.evaluation.corpora import GoldEntity, GoldQuote, GoldSpeaker
from tests.evaluation.metrics import entity_counts, match_quotes, same_speaker
from tests.evaluation.runner import evaluate


def test_entity_scores_exact_and_overlapping() -> None:
    gold = [GoldEntity(0, 12, "PER"), GoldEntity(20, 25, "LOC")]
    found = [GoldEntity(6, 12, "PER"), GoldEntity(20, 25, "ORG"), GoldEntity(30, 35, "LOC")]
    exact = entity_counts(found, gold, overlap=False)
    overlap = entity_counts(found, gold, overlap=True)
    assert (exact["PER"].right, overlap["PER"].right) == (0, 1)
    assert overlap["LOC"].precision == 0.0 and overlap["LOC"].recall == 0.0
    assert overlap["PER"].f1 == 1.0


def test_quotations_match_despite_an_incise_and_speakers_by_their_mentions() -> None:
    text = "— Oui, dit-il, je viendrai. Pierre Martin sourit."
    gold = [GoldQuote(((0, 5), (14, 27)), GoldSpeaker(((8, 13), (28, 40)), ("Pierre Martin",)))]
    assert match_quotes([(0, 27)], gold) == {0: 0}
    assert match_quotes([(0, 5)], gold) == {}
    speaker = gold[0].speaker
    assert speaker is not None
    assert same_speaker(text, "Pierre Martin", (28, 40), speaker)
    assert same_speaker(text, "Martin", (0, 0), speaker)
    assert not same_speaker(text, "Paul", (0, 4), speaker)


def test_the_harness_prints_one_table_for_every_set() -> None:
    table = evaluate(smoke=True, engine="rules")
    lines = table.splitlines()
    assert any(line.startswith("| Europeana presse ancienne | Glose |") for line in lines)
    assert any(line.startswith("| Europeana presse ancienne | spaCy seul |") for line in lines)
    fiction = next(line for line in lines if line.startswith("| Romans (fr-litbank) |"))
    f1 = float(fiction.split("|")[2].split("/")[2])
    assert f1 > 0.5


def test_news_annotations_find_their_quotation_and_unknown_sources_want_nobody() -> None:
    from tests.evaluation.corpora import _find_quoted
    from tests.evaluation.runner import _right

    text = "Il a dit : «  On a vu 261 cas de « réelle » fraude. » Puis « fin »."
    start = text.index("«")
    assert _find_quoted(text, "«On a vu", 0) == (start, text.index("Puis") - 1)
    assert _find_quoted(text, "«fin»", 0) == (text.index("« fin"), text.index("« fin") + 7)
    assert _find_quoted(text, "«absent", 0) is None
    unknown = GoldSpeaker((), (), "unknown")
    assert _right(text, None, unknown)
    assert not _right(text, ("Pierre", (0, 2)), unknown)
    organisation = GoldSpeaker((), ("porte-parole de la fédération", "Febelfin"), "described")
    assert same_speaker(text, "la porte-parole", None, organisation)
