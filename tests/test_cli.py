"""The command line contract (issue: end to end): names and formats others rely on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader import __version__
from reader.resources import bundled_article_path

REPO = Path(__file__).resolve().parent.parent


def glose(
    *args: str, data_dir: Path | None = None, check: bool = True
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if data_dir is not None:
        env["GLOSE_DATA_DIR"] = str(data_dir)
    result = subprocess.run(
        [sys.executable, "-m", "ui", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


def test_version() -> None:
    assert glose("--version").stdout.strip() == f"glose {__version__}"


@pytest.fixture(scope="module")
def detected() -> dict:  # type: ignore[type-arg]
    result = glose("detect", str(bundled_article_path()), "--json")
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_detect_contract(detected: dict) -> None:  # type: ignore[type-arg]
    text = detected["text"]
    assert detected["title"].startswith("Donald Trump et Vladimir Poutine")
    assert text.startswith(detected["title"])
    assert all(0 <= s < e <= len(text) for s, e in detected["paragraphs"])
    assert len(detected["quotes"]) == 11
    for quote in detected["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]
        assert quote["text"][0] == "«" and quote["text"][-1] == "»"
        assert set(quote) >= {"start", "end", "text", "speaker", "cue"}
    two_paragraphs = [q for q in detected["quotes"] if "\n" in q["text"]]
    assert [q["text"] for q in two_paragraphs] == [
        "« +BON SENS+.\nNous y croyons tous deux très fortement. »"
    ]
    for entity in detected["entities"]:
        assert text[entity["start"] : entity["end"]] == entity["text"]
        assert entity["label"] in {"PER", "LOC", "ORG", "MISC", "DATE"}


def test_annotate_then_export_markdown(data_dir: Path) -> None:
    article = str(bundled_article_path())
    result = glose(
        "annotate",
        article,
        "--quote",
        "pourparlers de paix",
        "--note",
        "Vocabulaire du Kremlin",
        "--tag",
        "diplomatie",
        "--style",
        "verify",
        data_dir=data_dir,
    )
    annotation_id = result.stdout.strip()
    assert len(annotation_id) == 36
    exported = glose("export", article, "--format", "markdown", data_dir=data_dir).stdout
    assert "> pourparlers de paix" in exported
    assert "Vocabulaire du Kremlin" in exported
    assert "#diplomatie" in exported
    assert "^glose-" + annotation_id.replace("-", "")[:12] in exported
    assert exported.startswith('---\ntitle: "Donald Trump et Vladimir Poutine')
    again = glose("export", article, "--format", "markdown", data_dir=data_dir).stdout
    assert again == exported

    out = data_dir / "export.md"
    glose("export", "--all", "--format", "markdown", "-o", str(out), data_dir=data_dir)
    assert out.read_text(encoding="utf-8") == exported

    listing = json.loads(glose("list", "--json", data_dir=data_dir).stdout)
    assert listing[0]["annotations"] == 1
    assert listing[0]["title"].startswith("Donald Trump")


def test_annotate_by_offsets_and_occurrence(data_dir: Path) -> None:
    article = str(bundled_article_path())
    text = json.loads(glose("detect", article, "--json", "--engine", "rules").stdout)["text"]
    second = text.index("Poutine", text.index("Poutine") + 1)
    glose("annotate", article, "--quote", "Poutine", "--occurrence", "2", data_dir=data_dir)
    glose("annotate", article, "--start", "0", "--end", "12", data_dir=data_dir)
    exported = glose("export", article, data_dir=data_dir).stdout
    assert exported.index("> Donald Trump") < exported.index("> Poutine")
    assert second > 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("detect", "no-such-file.txt", "--json"), "does not exist"),
        (("annotate", "BUNDLED", "--quote", "absent de l’article"), "occurs fewer than"),
        (("annotate", "BUNDLED", "--start", "5", "--end", "99999"), "--start/--end"),
        (("export",), "either an article PATH or --all"),
        (("annotate", "BUNDLED", "--quote", "Kiev", "--style", "fluo"), "no style named 'fluo'"),
    ],
)
def test_errors_are_one_clear_line(args: tuple[str, ...], message: str, data_dir: Path) -> None:
    args = tuple(str(bundled_article_path()) if a == "BUNDLED" else a for a in args)
    result = glose(*args, data_dir=data_dir, check=False)
    assert result.returncode != 0
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_binary_file_is_refused_clearly(tmp_path: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    result = glose("detect", str(binary), "--json", check=False)
    assert result.returncode == 1
    assert "binary" in result.stderr


def test_screenshot_writes_a_non_blank_png(tmp_path: Path, data_dir: Path) -> None:
    from PySide6.QtGui import QImage

    out = tmp_path / "shot.png"
    glose("--screenshot", str(out), "--size", "1000x700", "--theme", "dark", data_dir=data_dir)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1000, 700)
    colours = {image.pixel(x, y) for x in range(0, 1000, 25) for y in range(0, 700, 25)}
    assert len(colours) > 8


def test_import_list_and_search(tmp_path: Path, data_dir: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        "Sommet aux États-Unis\n\n« Nous irons vite », a déclaré Pete Hegseth à Washington.\n",
        encoding="utf-8",
    )
    line = glose("import", str(article), data_dir=data_dir).stdout
    assert "Sommet aux États-Unis" in line
    listing = json.loads(glose("list", "--json", data_dir=data_dir).stdout)
    assert [a["title"] for a in listing] == ["Sommet aux États-Unis"]
    hits = json.loads(glose("search", "etats", "unis", "--json", data_dir=data_dir).stdout)
    assert hits and hits[0]["kind"] == "article" and "[États]" in hits[0]["snippet"]
    quotes = json.loads(glose("search", "irons", "--json", data_dir=data_dir).stdout)
    assert "quote" in {hit["kind"] for hit in quotes}
    assert glose("search", "introuvable", data_dir=data_dir).stdout.strip() == "No match."
    said = json.loads(
        glose("search", "--speaker", "Pete Hegseth", "--json", data_dir=data_dir).stdout
    )
    assert [(hit["kind"], hit["snippet"]) for hit in said] == [("quote", "« Nous irons vite »")]
    naming = json.loads(
        glose("search", "--mentions", "Washington", "--json", data_dir=data_dir).stdout
    )
    assert [(hit["title"], hit["snippet"]) for hit in naming] == [
        ("Sommet aux États-Unis", "Washington ×1")
    ]
    assert glose("search", data_dir=data_dir, check=False).returncode != 0


def test_jsonld_export_import_round_trip_and_filters(tmp_path: Path, data_dir: Path) -> None:
    article = str(bundled_article_path())
    glose(
        "annotate",
        article,
        "--quote",
        "carnage",
        "--note",
        "fort",
        "--tag",
        "ton",
        data_dir=data_dir,
    )
    glose("annotate", article, "--quote", "Crimée", "--style", "verify", data_dir=data_dir)
    first = tmp_path / "export.jsonld"
    glose("export", "--all", "--format", "jsonld", "-o", str(first), data_dir=data_dir)
    empty = tmp_path / "empty-library"
    report = glose("import-annotations", str(first), data_dir=empty).stdout
    assert report.startswith("2 created, 0 updated, 0 unchanged")
    second = tmp_path / "again.jsonld"
    glose("export", "--all", "--format", "jsonld", "-o", str(second), data_dir=empty)
    assert json.loads(second.read_text())["first"] == json.loads(first.read_text())["first"]
    assert glose("import-annotations", str(first), data_dir=empty).stdout.startswith(
        "0 created, 0 updated, 2 unchanged"
    )

    only_tagged = glose("export", article, "--tag", "ton", data_dir=data_dir).stdout
    assert "carnage" in only_tagged and "> Crimée" not in only_tagged
    only_style = glose("export", article, "--style", "verify", data_dir=data_dir).stdout
    assert "> Crimée" in only_style and "> carnage" not in only_style
    folder = tmp_path / "par-article"
    glose("export", "--all", "--dir", str(folder), data_dir=data_dir)
    (written,) = folder.iterdir()
    assert written.name.startswith("Donald-Trump-et-Vladimir-Poutine") and written.suffix == ".md"


def test_export_with_entities_indexes_them_by_kind_with_counts(data_dir: Path) -> None:
    article = str(bundled_article_path())
    glose("annotate", article, "--quote", "trois ans", data_dir=data_dir)
    exported = glose(
        "export", article, "--with-entities", "--engine", "rules", data_dir=data_dir
    ).stdout
    index = exported[exported.index("## Entités") :]
    headings = [line for line in index.splitlines() if line.startswith("### ")]
    assert headings[:3] == ["### Personnes", "### Organisations", "### Lieux"]
    people = index[index.index("### Personnes") : index.index("### Organisations")]
    assert people.splitlines()[2] == "- Donald Trump ×6"
    assert "Entité : date · trois ans" in exported


def test_annotate_accepts_a_style_the_reader_created(data_dir: Path) -> None:
    from reader.store import Store
    from reader.styles import HighlightStyle

    with Store(data_dir) as store:
        styles = store.styles()
        store.save_styles(
            [*styles, HighlightStyle("sources", "Sources", "Sources", "#cfe8ff", "#1d4a73")]
        )
    article = str(bundled_article_path())
    glose("annotate", article, "--quote", "Kiev", "--style", "sources", data_dir=data_dir)
    exported = glose("export", article, "--style", "sources", data_dir=data_dir).stdout
    assert "> Kiev" in exported and "Style : Sources" in exported


def test_jsonld_export_keeps_to_the_tag_and_style_filters(data_dir: Path) -> None:
    article = str(bundled_article_path())
    glose("annotate", article, "--quote", "carnage", "--tag", "ton", data_dir=data_dir)
    glose("annotate", article, "--quote", "Crimée", "--style", "verify", data_dir=data_dir)
    as_jsonld = ("export", article, "--format", "jsonld")
    tagged = json.loads(glose(*as_jsonld, "--tag", "#TON", data_dir=data_dir).stdout)
    assert [item["target"]["selector"][0]["exact"] for item in tagged["first"]["items"]] == [
        "carnage"
    ]
    styled = json.loads(glose(*as_jsonld, "--style", "verify", data_dir=data_dir).stdout)
    assert [item["target"]["selector"][0]["exact"] for item in styled["first"]["items"]] == [
        "Crimée"
    ]


def test_the_launcher_holds_the_garbage_collector_off_for_the_app_only(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import gc

    from ui.launcher import main

    assert gc.isenabled()
    try:
        assert main(["list", "--data-dir", str(data_dir)]) == 0
        assert gc.isenabled()
    finally:
        gc.enable()
    assert "empty" in capsys.readouterr().out
