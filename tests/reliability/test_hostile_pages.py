"""Web pages and addresses that try to take over another article, hang the download, hide a
password, or yield no text: each is refused with one sentence, and no stored article changes.
Every page is served on 127.0.0.1 by the test itself."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.library import Library
from reader.sources import BUNDLED_SOURCE, SourceError, SourceProblem, load_bundled, load_file
from reader.store import Status, Store
from reader.web import fetch_article
from tests.reliability.web_server import (
    TRICKLE_LIMIT_BYTES,
    Answer,
    Site,
    html_answer,
    local_site,
    redirect_to,
)


def article_page(title: str, paragraph: str, canonical: str | None = None) -> str:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return (
        f"<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>{title}</title>"
        f"{link}</head><body><article><h1>{title}</h1>"
        f"<p>{paragraph}</p>"
        "<p>Un second paragraphe, assez long pour que l’extracteur reconnaisse un article "
        "ordinaire et le garde en entier.</p></article></body></html>"
    )


VICTIM_TEXT = "Le ministre a déclaré que la réforme serait votée avant l’été, selon ses proches."
ATTACK_TEXT = "Ce texte remplace celui de la victime si la page est crue sur parole."


@pytest.fixture
def site() -> Iterator[Site]:
    with local_site() as served:
        yield served


@pytest.fixture
def library(data_dir: Path) -> Iterator[Library]:
    with Store(data_dir) as store:
        yield Library(store)


def annotated(library: Library, source: str, text: str) -> int:
    """An article already in the library, with a note on its first sentence's words."""
    article = library.store.add_or_update_article(source, "Victime", text)
    start = text.index("réforme") if "réforme" in text else 0
    library.store.add_annotation(article, start, start + 7, note="ma note")
    return article.id


def unchanged(library: Library, article_id: int, text: str) -> None:
    article = library.store.article(article_id)
    assert article is not None and article.text == text
    (note,) = library.store.annotations(article_id)
    assert note.status is Status.ANCHORED and note.note == "ma note"


# A page is only ever the article of its own address -------------------------------------------


@pytest.mark.parametrize("victim", ["address", "file", "bundled"])
def test_a_canonical_link_cannot_replace_another_article(
    site: Site, library: Library, tmp_path: Path, victim: str
) -> None:
    if victim == "address":
        site.routes["/victim"] = html_answer(article_page("Victime", VICTIM_TEXT))
        loaded = fetch_article(site.url("/victim"))
    elif victim == "file":
        path = tmp_path / "victime.txt"
        path.write_text("Victime\n" + VICTIM_TEXT, encoding="utf-8")
        loaded = load_file(path)
    else:
        loaded = load_bundled()
        assert loaded.source == BUNDLED_SOURCE
    victim_article = library.add(loaded)
    library.store.add_annotation(victim_article, 0, 7, note="ma note")
    site.routes["/evil"] = html_answer(article_page("Piège", ATTACK_TEXT, loaded.source))

    taken = fetch_article(site.url("/evil"))
    stored = library.add(taken)

    assert stored.id != victim_article.id
    assert stored.source == site.url("/evil")
    assert taken.metadata["canonical_url"] == loaded.source
    kept = library.store.article(victim_article.id)
    assert kept is not None and kept.text == victim_article.text
    (note,) = library.store.annotations(victim_article.id)
    assert note.status is Status.ANCHORED and note.note == "ma note"


def test_a_redirect_never_replaces_the_article_of_its_target(site: Site, library: Library) -> None:
    site.routes["/target"] = html_answer(article_page("Cible", VICTIM_TEXT))
    target_id = annotated(library, site.url("/target"), "Cible\n" + VICTIM_TEXT)
    site.routes["/target"] = html_answer(article_page("Cible", ATTACK_TEXT))
    site.routes["/hop"] = redirect_to(site.url("/target"))

    loaded = fetch_article(site.url("/hop"))
    stored = library.add(loaded)

    assert stored.source == site.url("/hop") and stored.id != target_id
    assert loaded.metadata["url"] == site.url("/target")
    unchanged(library, target_id, "Cible\n" + VICTIM_TEXT)


def test_the_same_address_fetched_again_updates_its_article(site: Site, library: Library) -> None:
    site.routes["/page"] = html_answer(article_page("Page", VICTIM_TEXT))
    first = library.add(fetch_article(site.url("/page")))
    start = first.text.index("réforme")
    library.store.add_annotation(first, start, start + 7, note="ma note")
    site.routes["/page"] = html_answer(article_page("Page", "Chapeau ajouté. " + VICTIM_TEXT))

    again = library.add(fetch_article(site.url("/page")))

    assert again.id == first.id and "Chapeau ajouté" in again.text
    (note,) = library.store.annotations(first.id)
    assert again.text[note.start : note.end] == "réforme"


def test_an_article_an_earlier_glose_keyed_by_its_canonical_is_still_found(
    site: Site, library: Library
) -> None:
    """Glose once stored a fetched page under its canonical address, with the address it was
    fetched from as ``url``: fetching that address again updates it, not a copy."""
    canonical = "https://journal.example/reforme"
    site.routes["/article"] = html_answer(article_page("Réforme", VICTIM_TEXT, canonical))
    earlier = library.store.add_or_update_article(
        canonical,
        "Réforme",
        "Réforme\nUne version plus ancienne de l’article.",
        {"url": site.url("/article"), "canonical_url": canonical},
    )

    stored = library.add(fetch_article(site.url("/article")))

    assert stored.id == earlier.id and VICTIM_TEXT in stored.text
    assert len(library.store.articles()) == 1


def test_an_earlier_article_fetched_elsewhere_is_not_taken_by_the_same_canonical(
    site: Site, library: Library
) -> None:
    canonical = site.url("/original")
    victim_id = annotated(library, canonical, "Victime\n" + VICTIM_TEXT)
    site.routes["/evil"] = html_answer(article_page("Piège", ATTACK_TEXT, canonical))

    stored = library.add(fetch_article(site.url("/evil")))

    assert stored.id != victim_id
    unchanged(library, victim_id, "Victime\n" + VICTIM_TEXT)


# Slow servers ----------------------------------------------------------------------------------


def fetch_in_thread(url: str, deadline_s: float) -> list[BaseException | object]:
    """The outcome of fetching ``url``, from a thread the test can wait for without hanging."""
    outcome: list[BaseException | object] = []

    def fetch() -> None:
        try:
            outcome.append(fetch_article(url, deadline_s=deadline_s))
        except BaseException as error:
            outcome.append(error)

    worker = threading.Thread(target=fetch, daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive(), "the download never ended"
    return outcome


@pytest.mark.parametrize("what", ["body", "headers"])
def test_a_server_that_trickles_its_answer_meets_the_whole_download_deadline(
    site: Site, what: str
) -> None:
    page = article_page("Lent", VICTIM_TEXT).encode()
    if what == "body":
        # Headers at once, then a body that never ends quickly.
        def answer() -> Answer:
            return Answer(page, trickle_every_s=0.4)

        site.routes["/slow"] = answer
    else:
        site.routes["/slow"] = Answer(page, trickle_every_s=0.4)
    (outcome,) = fetch_in_thread(site.url("/slow"), deadline_s=2)
    assert isinstance(outcome, SourceError), outcome
    assert outcome.problem is SourceProblem.TOO_SLOW
    assert "2 s" in str(outcome) and site.url("/slow") in str(outcome)


def test_a_server_that_trickles_its_tls_handshake_meets_the_deadline() -> None:
    listener = socket.create_server(("127.0.0.1", 0))

    def trickle() -> None:
        connection, _address = listener.accept()
        with connection:
            # A TLS handshake record announced as 16 kB long, then sent a byte at a time.
            for byte in b"\x16\x03\x03\x40\x00" + b"\x02" * TRICKLE_LIMIT_BYTES:
                try:
                    connection.send(bytes([byte]))
                except OSError:
                    return
                time.sleep(0.4)

    threading.Thread(target=trickle, daemon=True).start()
    with listener:
        (outcome,) = fetch_in_thread(f"https://127.0.0.1:{listener.getsockname()[1]}/", 2)
    assert isinstance(outcome, SourceError), outcome
    assert outcome.problem is SourceProblem.TOO_SLOW


# Addresses -------------------------------------------------------------------------------------


def test_an_address_with_accents_is_fetched(site: Site) -> None:
    site.routes["/%C3%A9lection?tour=deuxi%C3%A8me"] = html_answer(
        article_page("Élection", VICTIM_TEXT)
    )
    loaded = fetch_article(site.url("/élection?tour=deuxième"))
    assert loaded.title == "Élection"
    assert loaded.source == site.url("/%C3%A9lection?tour=deuxi%C3%A8me")


def test_an_address_becomes_a_uri() -> None:
    from reader.web import address_uri

    assert address_uri("https://Exemple.fr/élection#haut") == "https://exemple.fr/%C3%A9lection"
    assert address_uri("https://bücher.example/a b?q=ü&r=%C3%A9") == (
        "https://xn--bcher-kva.example/a%20b?q=%C3%BC&r=%C3%A9"
    )
    assert address_uri("http://user:secret@exemple.fr:8080/x") == "http://exemple.fr:8080/x"


def test_an_international_host_is_tried_not_a_crash() -> None:
    with pytest.raises(SourceError) as raised:
        fetch_article("http://bücher.invalid/page", deadline_s=10)
    assert raised.value.problem is SourceProblem.UNREACHABLE
    assert "bücher.invalid" in str(raised.value)


def test_a_malformed_address_gets_a_sentence() -> None:
    for address in ("http://exemple.fr:port/", "http://[::1/", "http://" + "a" * 70 + ".fr/"):
        with pytest.raises(SourceError) as raised:
            fetch_article(address)
        assert raised.value.problem is SourceProblem.NOT_AN_ADDRESS, address


def test_a_password_in_an_address_is_never_shown_nor_stored(site: Site) -> None:
    from reader.web import redacted

    site.routes["/private"] = html_answer(article_page("Privé", VICTIM_TEXT))
    loaded = fetch_article(site.url("/private").replace("//", "//lecteur:s3cret@"))
    assert loaded.source == site.url("/private")
    assert "s3cret" not in repr(loaded.metadata)
    (_path, headers), *_ = site.requests
    assert headers["Authorization"] == "Basic bGVjdGV1cjpzM2NyZXQ="
    for address in (
        site.url("/missing").replace("//", "//lecteur:s3cret@"),
        "http://lecteur:s3cret@127.0.0.1:9/nothing",
    ):
        with pytest.raises(SourceError) as raised:
            fetch_article(address)
        assert "s3cret" not in str(raised.value) and "lecteur" not in str(raised.value)
        assert "s3cret" not in raised.value.subject
    assert redacted("https://jeton@exemple.fr/a") == "https://exemple.fr/a"


def test_the_password_is_not_sent_on_to_where_a_page_redirects(site: Site) -> None:
    site.routes["/private"] = redirect_to(site.url("/elsewhere"))
    site.routes["/elsewhere"] = html_answer(article_page("Ailleurs", VICTIM_TEXT))
    fetch_article(site.url("/private").replace("//", "//lecteur:s3cret@"))
    asked = dict(site.requests)
    assert "Authorization" in asked["/private"]
    assert "Authorization" not in asked["/elsewhere"]


def test_odd_answers_get_a_sentence(site: Site) -> None:
    site.routes["/charset"] = Answer(
        article_page("Codage", VICTIM_TEXT).encode(),
        headers={"Content-Type": "text/html; charset=nope"},
    )
    assert fetch_article(site.url("/charset")).title == "Codage"
    site.routes["/loop"] = redirect_to(site.url("/loop"))
    with pytest.raises(SourceError):
        fetch_article(site.url("/loop"))
    site.routes["/ftp"] = redirect_to("ftp://127.0.0.1:9/fichier")
    with pytest.raises(SourceError):
        fetch_article(site.url("/ftp"))


# Pages that yield no text ----------------------------------------------------------------------

PARAGRAPH = "Un paragraphe perdu tout au fond de la page, assez long pour compter comme texte."
UNREADABLE_PAGES = {
    "one huge paragraph": (
        "<html><head><title>Gros</title></head><body><article><h1>Gros titre</h1><p>"
        + "mot " * (11 * 1024 * 1024 // 4)
        + "</p></article></body></html>"
    ),
    "nested 100,000 deep": (
        "<html><head><title>Profond</title></head><body><article><h1>Titre profond</h1>"
        + "<div>" * 100_000
        + f"<p>{PARAGRAPH}</p>"
        + "</div>" * 100_000
        + "</article></body></html>"
    ),
    "spans nested 100,000 deep": (
        "<html><body><h1>Titre</h1><p>"
        + "<span>" * 100_000
        + PARAGRAPH
        + "</span>" * 100_000
        + "</p></body></html>"
    ),
}


@pytest.mark.parametrize("name", UNREADABLE_PAGES)
def test_a_page_whose_text_cannot_be_extracted_is_refused_from_a_file(
    tmp_path: Path, name: str
) -> None:
    path = tmp_path / "page.html"
    path.write_text(UNREADABLE_PAGES[name], encoding="utf-8")
    with pytest.raises(SourceError) as raised:
        load_file(path)
    assert raised.value.problem is SourceProblem.NO_ARTICLE
    assert "could not be extracted" in str(raised.value)


@pytest.mark.parametrize("name", UNREADABLE_PAGES)
def test_a_page_whose_text_cannot_be_extracted_is_refused_from_an_address(
    site: Site, name: str
) -> None:
    site.routes["/page"] = html_answer(UNREADABLE_PAGES[name])
    with pytest.raises(SourceError) as raised:
        fetch_article(site.url("/page"))
    assert raised.value.problem is SourceProblem.NO_ARTICLE
    assert "could not be extracted" in str(raised.value)
