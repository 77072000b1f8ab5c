"""``glose quotes``: the quotations the library reports more than once, grouped by utterance."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from reader.cli.common import CommandError, add_library_options, existing_store
from reader.cli.output import configure_streams, printable, write_document
from reader.store import Store
from reader.store.clusters import Cluster

if TYPE_CHECKING:
    from reader.tracker.tracker import QuotationTracker


def configure(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    quotes = commands.add_parser(
        "quotes",
        help="list the quotations reported by several articles, each with its variants",
        description="List clusters of quotations that report the same words across the "
        "library, each with its variants in the order the articles carried them.",
    )
    quotes.add_argument("--speaker", metavar="NAME", help="only clusters attributed to NAME")
    quotes.add_argument(
        "--min-articles",
        metavar="N",
        type=int,
        default=2,
        help="only clusters carried by at least N articles (default: 2; 1 lists every "
        "tracked quotation)",
    )
    quotes.add_argument("--json", action="store_true")
    add_library_options(quotes)


def up_to_date_tracker(store: Store) -> QuotationTracker:
    """The library's tracker, once every article's quotations are grouped (a library from
    before the tracker is grouped on first use, which says so on standard error)."""
    from reader.tracker.tracker import QuotationTracker

    tracker = QuotationTracker(store)
    pending = tracker.pending_articles()
    if pending:
        print(
            f"Grouping the quotations of {len(pending)} article(s) not grouped yet…",
            file=sys.stderr,
            flush=True,
        )
        tracker.catch_up()
    return tracker


def run(args: argparse.Namespace) -> int:
    configure_streams()
    if args.min_articles < 1:
        raise CommandError("--min-articles must be 1 or more.")
    store = existing_store(args)
    clusters = up_to_date_tracker(store).clusters(args.speaker, args.min_articles) if store else []
    if args.json:
        rows = [cluster.to_json() for cluster in clusters]
        write_document(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif not clusters:
        print("No quotation is reported by that many articles.")
    else:
        for cluster in clusters:
            print_cluster(cluster)
    return 0


def print_cluster(cluster: Cluster) -> None:
    """A cluster for a terminal: a heading line, then one line per variant."""
    heading = [f"#{cluster.id}", printable(cluster.speaker or "unknown speaker")]
    if cluster.disputed:
        heading.append("speakers disagree: " + " / ".join(printable(s) for s in cluster.speakers))
    count = len(cluster.article_ids)
    heading.append(f"{count} article{'s' if count > 1 else ''}")
    if cluster.verdict:
        verdict = cluster.verdict.verdict.label
        if cluster.verdict.source:
            verdict += f" ({printable(cluster.verdict.source)})"
        heading.append(verdict)
    print("  ·  ".join(heading))
    for variant in cluster.variants:
        line = f"  {variant.carried[:10]}  {printable(variant.text)}"
        line += f"  — {printable(variant.title)} [{variant.article_id}@{variant.start}]"
        if variant.speaker and cluster.disputed:
            line += f" ({printable(variant.speaker)})"
        if variant.verdict:
            line += f"  {variant.verdict.verdict.label}"
        print(line)
    if cluster.verdict and cluster.verdict.note:
        print(f"  note: {printable(cluster.verdict.note)}")
    print()
