"""Articles from saved web pages and from addresses (served locally, on 127.0.0.1 only)."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.sources import SourceError, load_file
from reader.text import Role
from reader.web import canonical_url, fetch_article

PAGE = """<!DOCTYPE html>
<html lang="fr"><head>
<meta charset="utf-8"><title>Le Journal — Sommet à Bruxelles</title>
<link rel="canonical" href="https://journal.example/sommet">
<meta property="og:url" content="https://journal.example/og-sommet">
<meta name="author" content="Jeanne Martin">
<meta property="article:published_time" content="2025-02-12T09:00:00+01:00">
<meta property="og:site_name" content="Le Journal">
<script>document.write("injected")</script>
</head><body>
<nav><a href="/">Accueil</a> <a href="javascript:alert(1)">piège</a></nav>
<article>
<h1>Sommet à Bruxelles</h1>
<p>Le ministre a déclaré : « Nous devons agir vite pour la paix », devant les journalistes
réunis.</p>
<p>Les Européens craignent un accord conclu sans eux, selon plusieurs diplomates présents
au sommet.</p>
<iframe src="https://remote.example/frame"></iframe>
<img src="https://remote.example/image.png" alt="photo">
<form action="https://remote.example/post"><input name="q"></form>
</article>
<footer>Partager sur Facebook</footer>
</body></html>
"""


def test_saved_page_gives_text_title_and_metadata(tmp_path: Path) -> None:
    saved = tmp_path / "sommet.html"
    saved.write_text(PAGE, encoding="utf-8")
    loaded = load_file(saved)
    assert loaded.title == "Sommet à Bruxelles"
    assert loaded.layout.paragraphs[0].role is Role.TITLE
    assert "« Nous devons agir vite pour la paix »" in loaded.text
    assert "injected" not in loaded.text and "alert" not in loaded.text
    assert "Accueil" not in loaded.text
    assert loaded.metadata["author"] == "Jeanne Martin"
    assert loaded.metadata["site"] == "Le Journal"
    assert loaded.metadata["date"].startswith("2025-02-12")
    assert loaded.metadata["canonical_url"] == "https://journal.example/sommet"


def test_canonical_prefers_rel_canonical_over_og_url() -> None:
    assert canonical_url(PAGE) == "https://journal.example/sommet"
    assert (
        canonical_url('<meta property="og:url" content="https://a.example/x">')
        == "https://a.example/x"
    )
    assert canonical_url("<p>rien</p>") is None


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/article":
            body = PAGE.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
        elif self.path == "/empty":
            body = b"<html><body></body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
        else:
            body = b"not here"
            self.send_response(404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_address_is_kept_as_fetched_with_its_canonical_url_as_a_hint(server: str) -> None:
    loaded = fetch_article(f"{server}/article")
    assert loaded.source == f"{server}/article"
    assert loaded.metadata["url"] == f"{server}/article"
    assert loaded.metadata["canonical_url"] == "https://journal.example/sommet"
    assert loaded.title == "Sommet à Bruxelles"


def test_bad_addresses_give_clear_messages(server: str) -> None:
    with pytest.raises(SourceError, match="404"):
        fetch_article(f"{server}/missing")
    with pytest.raises(SourceError, match="No article text"):
        fetch_article(f"{server}/empty")
    with pytest.raises(SourceError, match="not a web address"):
        fetch_article("file:///etc/passwd")
    with pytest.raises(SourceError, match="could not be reached"):
        fetch_article("http://127.0.0.1:9/nothing")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Titre\nÉté à Noël « oui »".encode("utf-8-sig"), "UTF-8 (BOM)"),
        ("Titre\nÉté à Noël « oui »".encode("utf-16"), "UTF-16"),
        ("Titre\nÉté à Noël « oui » — 5 €".encode("cp1252"), "Windows-1252"),
        ("Titre\nÉté à Noël « oui »".encode(), "UTF-8"),
    ],
)
def test_encodings_are_detected(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    loaded = load_file(path)
    assert loaded.encoding == encoding
    assert "Été à Noël « oui »" in loaded.text
