from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader.store import (
    Annotation,
    Article,
    CorruptLibraryError,
    Kind,
    NewerLibraryError,
    NotFoundError,
    Status,
    Store,
    StoreError,
)
from reader.store.paths import data_dir as resolve_data_dir
from reader.store.schema import MIGRATIONS, SCHEMA_VERSION

TEXT = "Titre\nLe président a parlé. Le président a encore parlé."


def test_data_dir_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GLOSE_DATA_DIR", str(tmp_path / "env"))
    assert resolve_data_dir(tmp_path / "explicit") == tmp_path / "explicit"
    assert resolve_data_dir() == tmp_path / "env"
    monkeypatch.delenv("GLOSE_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert resolve_data_dir() == tmp_path / "xdg" / "Glose"


def test_new_library_is_versioned_wal_and_private(data_dir: Path) -> None:
    with Store(data_dir) as store:
        assert store.path == data_dir / "glose.db"
    conn = sqlite3.connect(data_dir / "glose.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == len(MIGRATIONS)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert (data_dir / "glose.db").stat().st_mode & 0o077 == 0
    assert data_dir.stat().st_mode & 0o077 == 0


def test_annotations_round_trip_and_persist(data_dir: Path) -> None:
    with Store(data_dir) as store:
        article = store.add_or_update_article("test:a", "Titre", TEXT)
        first = store.add_annotation(
            article, 6, 18, note="qui ?", tags=["#Politique", "politique", " à voir "]
        )
        second = store.add_annotation(article, 0, 5, style="verify", kind=Kind.QUOTE, ref="X")
        assert first.exact == "Le président"
        assert first.suffix.startswith(" a parlé.")
        assert first.tags == ("Politique", "à voir")
    with Store(data_dir) as store:
        listed = store.annotations(article.id)
        assert [a.id for a in listed] == [second.id, first.id]
        assert listed[1] == first
        assert store.all_tags() == ["Politique", "à voir"]
        edited = store.update_annotation(first.id, note="le président", tags=["x"])
        assert store.annotation(first.id) == edited
        store.delete_annotation(second.id)
        assert [a.id for a in store.annotations(article.id)] == [first.id]
        with pytest.raises(NotFoundError):
            store.delete_annotation(second.id)
        assert store.articles()[0].annotation_count == 1


def test_annotations_are_read_a_page_at_a_time_in_reading_order(data_dir: Path) -> None:
    with Store(data_dir) as store:
        article = store.add_or_update_article("test:a", "Titre", TEXT)
        # Same passages twice: the order goes on by creation, then by id.
        made = [store.add_annotation(article, start, start + 4) for start in (9, 0, 3, 0, 9, 3)]
        everything = store.annotations(article.id)
        assert sorted(made, key=lambda a: a.reading_order) == everything
        first = store.annotations(article.id, limit=2)
        middle = store.annotations(article.id, after=first[-1], limit=3)
        rest = store.annotations(article.id, after=middle[-1])
        assert first + middle + rest == everything
        assert [len(first), len(middle), len(rest)] == [2, 3, 1]
        assert store.annotations(article.id, after=everything[-1]) == []


def test_same_source_same_text_is_one_article(data_dir: Path) -> None:
    with Store(data_dir) as store:
        one = store.add_or_update_article("test:a", "Titre", TEXT)
        two = store.add_or_update_article("test:a", "Titre", TEXT)
        assert one.id == two.id
        assert len(store.articles()) == 1


def test_changed_text_reanchors_instead_of_dropping(data_dir: Path) -> None:
    with Store(data_dir) as store:
        article = store.add_or_update_article("test:a", "Titre", TEXT)
        second_mention = TEXT.index("Le président a encore")
        kept = store.add_annotation(article, second_mention, second_mention + 12)
        lost = store.add_annotation(article, TEXT.index("parlé"), TEXT.index("parlé") + 5)
        store.add_or_update_article(
            "test:a", "Titre", "Titre\nAjout. " + TEXT[6:].replace("parlé", "dit")
        )
        moved = store.annotation(kept.id)
        orphan = store.annotation(lost.id)
        assert moved is not None and orphan is not None
        assert moved.status is Status.MOVED
        new_text = store.article(article.id).text  # type: ignore[union-attr]
        assert new_text[moved.start : moved.end] == "Le président"
        assert new_text[moved.start :].startswith("Le président a encore")
        assert orphan.status is Status.ORPHANED


def test_passage_outside_text_is_refused(data_dir: Path) -> None:
    with Store(data_dir) as store:
        article = store.add_or_update_article("test:a", "Titre", TEXT)
        with pytest.raises(StoreError):
            store.add_annotation(article, 3, 3000)


def test_a_file_that_is_not_sqlite_is_reported(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "glose.db").write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(CorruptLibraryError, match="damaged"):
        Store(data_dir)
    assert (data_dir / "glose.db").read_bytes().startswith(b"this is not")


def test_a_library_from_a_newer_glose_is_refused(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    conn = sqlite3.connect(data_dir / "glose.db")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(NewerLibraryError, match="newer Glose"):
        Store(data_dir)


def test_cache_and_corrections(data_dir: Path) -> None:
    with Store(data_dir) as store:
        store.cache_put("k", [{"start": 1}])
        assert store.cache_get("k") == [{"start": 1}]
        assert store.cache_get("missing") is None
        article = store.add_or_update_article("test:a", "Titre", TEXT)
        correction_id = store.add_correction(article.id, "entity", {"text": "X"})
        store.add_correction(None, "entity", {"text": "Y"})
        assert [c["data"] for c in store.corrections(article.id)] == [{"text": "X"}]
        assert [c["data"] for c in store.corrections(None)] == [{"text": "Y"}]
        store.remove_correction(correction_id)
        assert store.corrections(article.id) == []


def test_a_version_1_library_migrates_keeping_its_annotations(data_dir: Path) -> None:
    dump = (Path(__file__).parent / "data" / "library-v1.sql").read_text(encoding="utf-8")
    data_dir.mkdir(parents=True)
    conn = sqlite3.connect(data_dir / "glose.db")
    conn.executescript(dump)
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    with Store(data_dir) as store:
        (annotation,) = store.annotations(1)
        assert annotation.note == "note v1" and annotation.tags == ("ancien",)
        assert [s.name for s in store.styles()][:2] == ["important", "verify"]
    conn = sqlite3.connect(data_dir / "glose.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_saving_styles_moves_orphan_annotations_to_the_first_style(data_dir: Path) -> None:
    from reader.styles import HighlightStyle

    with Store(data_dir) as store:
        article = store.add_or_update_article("test:a", "Titre", TEXT)
        kept = store.add_annotation(article, 0, 5, style="verify")
        moved = store.add_annotation(article, 6, 8, style="question")
        mine = HighlightStyle("mine", "À moi", "Mine", "#eeeeee", "#333333")
        store.save_styles([store.styles()[1], mine])
        assert [s.name for s in store.styles()] == ["verify", "mine"]
        assert store.annotation(kept.id).style == "verify"  # type: ignore[union-attr]
        assert store.annotation(moved.id).style == "verify"  # type: ignore[union-attr]
        with pytest.raises(StoreError):
            store.save_styles([])


def test_search_is_accent_insensitive_ranked_and_safe(data_dir: Path, bundled_text: str) -> None:
    with Store(data_dir) as store:
        article = store.add_or_update_article(
            "test:bundled", "Donald Trump et Vladimir Poutine", bundled_text
        )
        other = store.add_or_update_article("test:other", "Autre", "Autre\nLa pluie à Brest.")
        start = bundled_text.index("Alliance atlantique")
        note = store.add_annotation(
            article, start, start + 19, note="Élargissement de l’OTAN", tags=["défense"]
        )
        quote_start = bundled_text.index("« carnage »")
        store.replace_analysis(
            article.id,
            [(quote_start, quote_start + 11, "« carnage »", "Donald Trump", "a dénoncé")],
            [(0, 12, "Donald Trump", "PER", "Donald Trump")],
        )
        hits = store.search("etats unis")
        assert [(h.kind, h.article_id) for h in hits] == [("article", article.id)]
        assert "[États]-[Unis]" in hits[0].snippet
        assert [h.ref for h in store.search("elargissement") if h.kind == "annotation"] == [note.id]
        assert {h.kind for h in store.search("defense")} == {"annotation", "article"}
        assert [h.ref for h in store.search("carnage") if h.kind == "quote"] == ["Donald Trump"]
        assert store.search('" OR * NEAR(') == []
        assert store.search("brest")[0].article_id == other.id
        assert [q.text for q in store.quotes_by_speaker("donald trump")] == ["« carnage »"]
        ((summary, mentions),) = store.articles_mentioning("Donald Trump")
        assert summary.id == article.id and mentions == 1
        store.update_annotation(note.id, note="rien à voir")
        assert not [h for h in store.search("elargissement") if h.kind == "annotation"]


def test_deleting_an_article_can_be_undone(data_dir: Path) -> None:
    with Store(data_dir) as store:
        article = store.add_or_update_article("test:a", "Titre", TEXT)
        annotation = store.add_annotation(article, 0, 5, note="n")
        removed, annotations = store.delete_article(article.id)
        assert store.articles() == [] and store.annotation(annotation.id) is None
        assert store.search("président") == []
        store.restore_article(removed, annotations)
        assert store.annotation(annotation.id) == annotation
        assert store.search("président")[0].article_id == article.id


def test_the_library_knows_when_a_text_was_analysed_before(data_dir: Path) -> None:
    from reader.analysis.entities import load_engine
    from reader.library import Library
    from reader.sources import article_from_text, load_bundled

    article = load_bundled()
    engine = load_engine("rules")
    with Store(data_dir) as store:
        library = Library(store)
        assert not library.analysis_cached(article.text, article.layout, engine)
        library.analyse(article.text, article.layout, engine)
        assert library.analysis_cached(article.text, article.layout, engine)
        edited = article_from_text("x", article.text + "\n\nUn paragraphe nouveau à Lyon.")
        assert not library.analysis_cached(edited.text, edited.layout, engine)
        many = [f"key {n}" for n in range(1200)]
        for key in many[:-1]:
            store.cache_put(key, [])
        assert store.cache_has_all(many[:-1])
        assert not store.cache_has_all(many)


def test_a_stored_analysis_keeps_nesting_marks_and_speakers(data_dir: Path) -> None:
    from reader.analysis.entities import load_engine
    from reader.library import Library
    from reader.sources import article_from_text

    article = article_from_text(
        "test:nested",
        "Sommet à Paris\n\n"
        "« Nous dirons “jamais” à ces menaces », a déclaré Emmanuel Macron mardi.\n\n"
        "Le ministre a ajouté : « La porte reste ouverte.\n",
    )
    with Store(data_dir) as store:
        library = Library(store)
        stored_article = library.add(article)
        fresh = library.analyse(
            article.text, article.layout, load_engine("rules"), stored_article.id
        )
        kept = library.stored_analysis(stored_article.id)

    def shape(quotes: list) -> list[tuple]:  # type: ignore[type-arg]
        return [
            (q.start, q.end, q.marks, q.parent, q.closed, q.speaker.name if q.speaker else None)
            for q in quotes
        ]

    assert any(q.parent is not None for q in fresh.quotes)
    assert shape(kept.quotes) == shape(fresh.quotes)


def test_an_annotation_written_again_leaves_none_of_its_old_words_in_the_search_index(
    data_dir: Path,
) -> None:
    with Store(data_dir) as store:
        article = store.add_or_update_article("test:a", "Titre", TEXT)
        first = store.add_annotation(article, 6, 18, note="zébulon")
        # An import or an undo writes an annotation again under its id.
        store.restore_annotation(first.with_changes(note="xylophone"))
        assert [h.ref for h in store.search("xylophone")] == [first.id]
        store.delete_annotation(first.id)
        later = store.add_annotation(article, 0, 5, note="autre chose")
        assert store.search("zebulon") == []
        assert [h.ref for h in store.search("autre")] == [later.id]


OPEN_READ_AND_ANNOTATE = """
import sys
from pathlib import Path

from reader.store.recovery import open_library

with open_library(Path(sys.argv[1])) as store:
    (summary,) = store.articles()
    article = store.article(summary.id)
    (existing,) = store.annotations(article.id, limit=1000)
    store.styles()
    store.all_tags()
    store.cache_has_all(["paragraph"])
    added = store.add_annotation(article, 6, 8, note="nouvelle")
    store.update_annotation(added.id, note="modifiée", tags=["à voir"])
    store.update_annotation(existing.id, style="verify")
print("sqlite_utils" in sys.modules)
"""


def test_opening_reading_and_annotating_an_existing_library_does_not_import_sqlite_utils(
    data_dir: Path,
) -> None:
    """sqlite-utils (and the numpy it loads when installed) would weigh on every start; the
    normal start needs sqlite3 only. In a process of its own, so that what other tests
    imported does not count."""
    with Store(data_dir) as store:
        article = store.add_or_update_article("test:a", "Titre", TEXT)
        store.add_annotation(article, 0, 5, note="déjà là")
    done = subprocess.run(
        [sys.executable, "-c", OPEN_READ_AND_ANNOTATE, str(data_dir)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
    with Store(data_dir) as store:
        assert {a.note for a in store.annotations(article.id)} == {"déjà là", "modifiée"}


def test_sqlite_utils_works_over_the_stores_own_connection(data_dir: Path) -> None:
    with Store(data_dir) as store:
        store.add_or_update_article("test:a", "Titre", TEXT)
        assert store.db.conn is store.connection
        assert store.db["articles"].count == 1


def test_imported_records_land_whole_or_not_at_all(data_dir: Path) -> None:
    with Store(data_dir) as store:
        known = store.add_or_update_article("test:a", "Titre", TEXT)
        kept = store.add_annotation(known, 6, 18, note="avant l’import")
        other = Article(0, "test:b", "Autre", "Autre\nLa pluie à Brest.", "b", "t", "t")
        on_other = Annotation("new", 0, 0, 5, "Autre", "", "\nLa pluie", note="importée")
        broken = Annotation("broken", 0, 5, 2, "", "", "")  # ends before it starts
        with pytest.raises(StoreError):
            store.import_records([(other, [on_other])], [kept.with_changes(note="x"), broken])
        assert [a.source for a in store.articles()] == ["test:a"]
        assert store.annotation(kept.id) == kept

        (added,) = store.import_records(
            [(other, [on_other])], [kept.with_changes(note="après l’import")]
        )
        assert store.annotation("new") == on_other.with_changes(article_id=added)
        assert store.annotation(kept.id).note == "après l’import"  # type: ignore[union-attr]
        assert store.search("avant") == []


def test_thousands_of_annotations_written_together_land_whole_or_not_at_all(
    data_dir: Path,
) -> None:
    text = "Titre\n" + "Le président a parlé. " * 300
    with Store(data_dir) as store:
        article = store.add_or_update_article("test:a", "Titre", text)
        made = [store.new_annotation(article, n, n + 5, note=f"note{n}") for n in range(1200)]
        store.import_records([], made)
        removed, annotations = store.delete_article(article.id)
        assert len(annotations) == 1200
        broken = [*annotations[:-1], annotations[-1].with_changes(start=10, end=5)]
        with pytest.raises(StoreError):
            store.restore_article(removed, broken)
        assert store.articles() == [] and store.search("note1199") == []
        store.restore_article(removed, annotations)
        assert store.annotations(article.id) == annotations
        assert [h.ref for h in store.search("note1199")] == [made[-1].id]
        store.connection.execute(
            "INSERT INTO annotations_fts(annotations_fts) VALUES ('integrity-check')"
        )


def test_a_version_4_library_migrates_and_knows_its_stored_analysis_is_stale(
    data_dir: Path,
) -> None:
    from reader.library import Library

    data_dir.mkdir(parents=True)
    conn = sqlite3.connect(data_dir / "glose.db")
    for migration in MIGRATIONS[:4]:  # frozen: what Glose at schema 4 made
        migration(conn)
    text = "Titre v4\n\nSophie Binet a déclaré « nous irons jusqu'au bout » hier.\n"
    start, end = text.index("«"), text.index("»") + 1
    conn.execute(
        "INSERT INTO articles (id, source, title, text, sha256, created, updated)"
        " VALUES (1, 'test:v4', 'Titre v4', ?, 'old', '2026-11-01', '2026-11-01')",
        (text,),
    )
    conn.execute(
        'INSERT INTO article_quotes (article_id, start, "end", text, speaker, cue)'
        " VALUES (1, ?, ?, ?, 'Sophie Binet', 'a déclaré')",
        (start, end, text[start:end]),
    )
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()
    with Store(data_dir) as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        library = Library(store)
        (quote,) = library.stored_analysis(1).quotes
        assert (quote.speaker and quote.speaker.name, str(quote.kind)) == ("Sophie Binet", "speech")
        article = library.article(1)
        assert article is not None and not library.has_current_analysis(article)
