"""The reader's verdicts on quotations as schema.org ``ClaimReview`` (JSON-LD), the form
fact-checking sites publish theirs in.

Each review is a node of its own with ``"@context": "https://schema.org"``, so that it can be
lifted out of the export and published as it is; inside the W3C annotation collection it sits
beside the annotations (``glose:claimReviews``), where a JSON-LD processor reads it with its
own context. The context is referred to by its address, never fetched.

A verdict on a whole cluster reviews the utterance as every article reports it (each one an
``appearance`` of the claim, the first carrier its ``firstAppearance``); a verdict on one
report reviews that report alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.store.clusters import Cluster, Variant, VerdictRecord

SCHEMA_CONTEXT = "https://schema.org"

# « le Kremlin », « la CGT », « l'Élysée », « les syndicats »: a phrase the analysis gives
# for an institution; a name in capitals (« CGT », « ONU ») is an acronym.
_INSTITUTION = re.compile(r"(?:l['’]|les?\s|la\s|du\s|des\s)", re.IGNORECASE)


def author_of(name: str) -> dict[str, Any]:
    """Who a claim is attributed to, as a schema.org ``Person`` or ``Organization``."""
    name = " ".join(name.split())
    letters = [c for c in name if c.isalpha()]
    institution = _INSTITUTION.match(name) is not None or (
        len(letters) >= 2 and all(c.isupper() for c in letters)
    )
    return {"@type": "Organization" if institution else "Person", "name": name}


def _appearance(variant: Variant, source_iri: str) -> dict[str, Any]:
    """The article that carries a report of the claim."""
    node: dict[str, Any] = {"@type": "CreativeWork", "url": source_iri, "text": variant.text}
    if variant.title:
        node["headline"] = variant.title
    if variant.carried:
        node["datePublished"] = variant.carried[:10]
    return node


def _citation(source: str) -> dict[str, Any]:
    """The source the reader checked the claim against: an address, or a reference."""
    if re.match(r"[a-z][a-z0-9+.-]*://", source, re.IGNORECASE):
        return {"@type": "CreativeWork", "url": source}
    return {"@type": "CreativeWork", "name": source}


def _review(
    review_id: str,
    record: VerdictRecord,
    variants: Sequence[Variant],
    speaker: str,
    iri: Callable[[str], str],
) -> dict[str, Any]:
    first = variants[0]
    claim: dict[str, Any] = {
        "@type": "Claim",
        "appearance": [_appearance(v, iri(v.source)) for v in variants],
        "firstAppearance": _appearance(first, iri(first.source)),
    }
    if speaker.strip():
        claim["author"] = author_of(speaker)
    review: dict[str, Any] = {
        "@context": SCHEMA_CONTEXT,
        "@type": "ClaimReview",
        "@id": review_id,
        "claimReviewed": first.text,
        "itemReviewed": claim,
        "reviewRating": {"@type": "Rating", "alternateName": record.verdict.label},
        "inLanguage": "fr",
    }
    if record.note.strip():
        review["reviewBody"] = record.note
    if record.source.strip():
        review["citation"] = _citation(record.source.strip())
    if record.created:
        review["dateCreated"] = record.created
    if record.updated:
        review["dateModified"] = record.updated
        review["datePublished"] = record.updated[:10]
    return review


def claim_reviews(clusters: Sequence[Cluster], iri: Callable[[str], str]) -> list[dict[str, Any]]:
    """A ``ClaimReview`` for each verdict of ``clusters``: the cluster's own, then each
    report's, in the clusters' order. ``iri`` makes an article's source its IRI, as the
    annotations name their targets."""
    reviews: list[dict[str, Any]] = []
    for cluster in clusters:
        if not cluster.variants:
            continue  # every article that carried it has left the library
        if cluster.verdict is not None:
            reviews.append(
                _review(
                    f"urn:glose:quotation:{cluster.id}",
                    cluster.verdict,
                    cluster.variants,
                    cluster.speaker,
                    iri,
                )
            )
        for variant in cluster.variants:
            if variant.verdict is not None:
                reviews.append(
                    _review(
                        f"urn:glose:quotation:{cluster.id}:report:{variant.id}",
                        variant.verdict,
                        [variant],
                        variant.speaker,
                        iri,
                    )
                )
    return reviews
