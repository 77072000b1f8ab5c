"""Articles from web pages: a saved ``.html`` file or an address, through trafilatura.

Only the page's text is kept: no script runs, no image, frame or style sheet is fetched. An
address is fetched once, on the reader's explicit request, and recorded with its canonical URL.
"""

from __future__ import annotations

import html as html_entities
import re
import urllib.error
import urllib.request
from typing import Any

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
_CANONICAL = re.compile(
    r"<link\b[^>]*\brel=[\"']?canonical[\"']?[^>]*>|<meta\b[^>]*\bproperty=[\"']?og:url[\"']?[^>]*>",
    re.IGNORECASE,
)
_HREF = re.compile(r"\b(?:href|content)=[\"']([^\"']+)[\"']", re.IGNORECASE)


def canonical_url(page: str) -> str | None:
    """The page's own idea of its address: ``rel=canonical``, else ``og:url``."""
    found: dict[str, str] = {}
    for tag in _CANONICAL.findall(page[:200_000]):
        href = _HREF.search(tag)
        if href:
            kind = "canonical" if "canonical" in tag.lower() else "og"
            found.setdefault(kind, html_entities.unescape(href.group(1)).strip())
    return found.get("canonical") or found.get("og")


def article_from_html(page: str, source: str, fetched_from: str | None = None) -> LoadedArticle:
    """The article in a web page, with its title, author, date and site when the page says."""
    import trafilatura

    document = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, include_tables=False, url=fetched_from
    )
    fields: dict[str, Any] = {}
    if document is not None:
        fields = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    body = (fields.get("text") or "").strip()
    if not body:
        raise SourceError(
            f"No article text was found in {source}: the page may be empty, need JavaScript, "
            "or be a front page rather than an article.",
            SourceProblem.NO_ARTICLE,
            source,
        )
    title = (fields.get("title") or "").strip()
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


def fetch_article(url: str) -> LoadedArticle:
    """Fetch ``url`` (http or https only) and extract its article."""
    if not is_address(url):
        raise SourceError(
            f"{url} is not a web address (it must start with http:// or https://).",
            SourceProblem.NOT_AN_ADDRESS,
            url,
        )
    request = urllib.request.Request(
        url, headers={"User-Agent": f"Glose/{__version__} (article reader)"}
    )
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_S) as response:
            final_url = response.geturl()
            data = response.read(MAX_PAGE_BYTES + 1)
            charset = response.headers.get_content_charset() or "utf-8"
    except urllib.error.HTTPError as error:
        raise SourceError(
            f"{url} answered {error.code} {error.reason}.",
            SourceProblem.HTTP_ERROR,
            url,
            f"{error.code} {error.reason}",
        ) from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise SourceError(
            f"{url} could not be reached ({reason}). Check the address.",
            SourceProblem.UNREACHABLE,
            url,
            str(reason),
        ) from None
    if len(data) > MAX_PAGE_BYTES:
        raise SourceError(
            f"{url} is larger than {MAX_PAGE_BYTES // 1024 // 1024} MB.",
            SourceProblem.TOO_BIG,
            url,
            str(MAX_PAGE_BYTES // 1024 // 1024),
        )
    page = data.decode(charset, errors="replace")
    canonical = canonical_url(page)
    loaded = article_from_html(page, canonical or final_url, fetched_from=final_url)
    return loaded
