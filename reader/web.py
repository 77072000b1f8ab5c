"""Articles from web pages: a saved ``.html`` file or an address, through trafilatura.

Only the page's text is kept: no script runs, no image, frame or style sheet is fetched. An
address is fetched once, on the reader's explicit request.

An article fetched from an address is kept under that address, the one the reader asked for
(as a URI, without credentials): fetching it again updates it, and nothing else can. Where the
page ended up after redirects and the address the page claims as its own (``rel=canonical``)
are kept in its metadata as ``url`` and ``canonical_url``, hints and never its identity: a
page saying it is another article, or a redirect to another article's address, must not
replace that article's text under its annotations.
"""

from __future__ import annotations

import base64
import codecs
import html as html_entities
import re
from typing import Any
from urllib.parse import SplitResult, quote, unquote, urlsplit, urlunsplit

from reader import __version__
from reader.sources import (
    LoadedArticle,
    SourceError,
    SourceProblem,
    article_from_text,
    is_address,
)

MAX_PAGE_BYTES = 20 * 1024 * 1024
FETCH_TIMEOUT_S = 20
"""The longest wait for any one step of a download (connecting, one read)."""
DOWNLOAD_DEADLINE_S = 60
"""The longest a whole download may take, from connecting to the last byte: a server sending
a byte now and then never lets one read time out, and would otherwise hold Glose forever."""
_CANONICAL = re.compile(
    r"<link\b[^>]*\brel=[\"']?canonical[\"']?[^>]*>|<meta\b[^>]*\bproperty=[\"']?og:url[\"']?[^>]*>",
    re.IGNORECASE,
)
_HREF = re.compile(r"\b(?:href|content)=[\"']([^\"']+)[\"']", re.IGNORECASE)
# What stays as it is in a URI's path and query: the reserved and unreserved characters, and
# "%" so that an address already percent-encoded is not encoded twice.
_URI_SAFE = "/:@!$&'()*+,;=?%~"


def canonical_url(page: str) -> str | None:
    """The page's own idea of its address: ``rel=canonical``, else ``og:url``."""
    found: dict[str, str] = {}
    for tag in _CANONICAL.findall(page[:200_000]):
        href = _HREF.search(tag)
        if href:
            kind = "canonical" if "canonical" in tag.lower() else "og"
            found.setdefault(kind, html_entities.unescape(href.group(1)).strip())
    return found.get("canonical") or found.get("og")


def redacted(address: str) -> str:
    """``address`` as it may be shown or stored: without a user name or password."""
    try:
        parts = urlsplit(address.strip())
    except ValueError:
        return re.sub(r"//[^/?#]*@", "//", address.strip())
    if "@" not in parts.netloc:
        return address.strip()
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


def _host_ascii(parts: SplitResult) -> str:
    """The host of ``parts`` in ASCII (IDNA for an international name), with its port."""
    host = parts.hostname or ""
    if not host:
        raise ValueError("it has no host name")
    if ":" in host:  # an IPv6 address
        host = f"[{host}]"
    else:
        try:
            # IDNA for an international name; for any name, the checks on its labels' lengths.
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            raise ValueError(f"{host} is not a valid host name") from None
    port = parts.port  # raises ValueError for a port that is not a number
    return f"{host}:{port}" if port is not None else host


def address_uri(address: str) -> str:
    """``address`` as the URI Glose fetches and keeps an article under: its host in lower case
    (IDNA for an international name), its path and query percent-encoded as UTF-8, without
    credentials or fragment. ``ValueError`` says why an address cannot be one."""
    parts = urlsplit(address.strip())
    return urlunsplit(
        (
            parts.scheme.lower(),
            _host_ascii(parts).lower(),
            quote(parts.path or "/", safe=_URI_SAFE),
            quote(parts.query, safe=_URI_SAFE),
            "",
        )
    )


def _credentials(address: str) -> tuple[str, str] | None:
    parts = urlsplit(address.strip())
    if parts.username is None:
        return None
    return unquote(parts.username), unquote(parts.password or "")


def _no_text(source: str, why: str) -> SourceError:
    return SourceError(
        f"The text of {source} could not be extracted: {why}.",
        SourceProblem.NO_ARTICLE,
        source,
        why,
    )


def _parsed_page(page: str, source: str) -> Any:
    """The page as an lxml tree, or why its text cannot be extracted. libxml2 stops reading a
    page nested too deeply or holding too long a run of text and keeps what it had: the title
    and none of the article. Such a page is refused here rather than kept as a title alone."""
    from lxml import etree
    from lxml.html import HTMLParser, fromstring

    parser = HTMLParser(
        collect_ids=False, default_doctype=False, remove_comments=True, remove_pis=True
    )
    try:
        try:
            tree = fromstring(page, parser=parser)
        except ValueError:  # a string that declares its own encoding
            tree = fromstring(page.encode("utf-8"), parser=parser)
    except (etree.LxmlError, ValueError, RecursionError, MemoryError) as error:
        raise _no_text(source, f"the page cannot be read as HTML ({error})") from None
    if any(entry.level_name == "FATAL" for entry in parser.error_log):
        raise _no_text(
            source, "the page is nested too deeply or holds a block of text too long to read"
        )
    return tree


def article_from_html(page: str, source: str, fetched_from: str | None = None) -> LoadedArticle:
    """The article in a web page, with its title, author, date and site when the page says."""
    import trafilatura
    from lxml import etree

    tree = _parsed_page(page, source)
    try:
        document = trafilatura.bare_extraction(
            tree, with_metadata=True, include_comments=False, include_tables=False, url=fetched_from
        )
    except (etree.LxmlError, ValueError, RecursionError) as error:
        raise _no_text(source, f"the page could not be taken apart ({error})") from None
    fields: dict[str, Any] = {}
    if document is not None:
        fields = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    body = (fields.get("text") or "").strip()
    title = (fields.get("title") or "").strip()
    if not body or body == title:
        raise SourceError(
            f"No article text was found in {source}: the page may be empty, need JavaScript, "
            "or be a front page rather than an article.",
            SourceProblem.NO_ARTICLE,
            source,
        )
    lines = [] if not title or body.startswith(title) else [title]
    lines.append(body)
    metadata = {
        key: str(fields[name]).strip()
        for key, name in (("author", "author"), ("date", "date"), ("site", "sitename"))
        if fields.get(name)
    }
    canonical = canonical_url(page)
    if fetched_from:
        metadata["url"] = fetched_from
    if canonical:
        metadata["canonical_url"] = canonical
    loaded = article_from_text(source, "\n".join(lines), "HTML")
    return LoadedArticle(loaded.source, loaded.text, loaded.encoding, loaded.layout, metadata)


def _charset(declared: str | None) -> str:
    """The page's declared character set, or UTF-8 when it names none Python knows."""
    if declared:
        try:
            return codecs.lookup(declared).name
        except LookupError:
            pass
    return "utf-8"


def fetch_article(url: str, deadline_s: float = DOWNLOAD_DEADLINE_S) -> LoadedArticle:
    """Fetch ``url`` (http or https only) and extract its article, in ``deadline_s`` seconds
    at most; the article's source is ``url`` as a URI (see the module's note)."""
    from reader.download import download

    shown = redacted(url)
    if not is_address(url.strip()):
        raise SourceError(
            f"{shown} is not a web address (it must start with http:// or https://).",
            SourceProblem.NOT_AN_ADDRESS,
            shown,
        )
    try:
        address = address_uri(url)
    except ValueError as error:
        raise SourceError(
            f"{shown} is not a valid web address ({error}).",
            SourceProblem.NOT_AN_ADDRESS,
            shown,
            str(error),
        ) from None
    headers = {"User-Agent": f"Glose/{__version__} (article reader)"}
    secret_headers = {}
    if credentials := _credentials(url):
        token = base64.b64encode(":".join(credentials).encode("utf-8")).decode("ascii")
        secret_headers["Authorization"] = f"Basic {token}"
    fetched = download(
        address,
        shown,
        headers=headers,
        secret_headers=secret_headers,
        max_bytes=MAX_PAGE_BYTES,
        timeout_s=FETCH_TIMEOUT_S,
        deadline_s=deadline_s,
    )
    page = fetched.data.decode(_charset(fetched.charset), errors="replace")
    return article_from_html(page, address, fetched_from=redacted(fetched.final_url))
