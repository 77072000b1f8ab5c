"""``glose search``: words across the library, a speaker's quotations, an entity's articles."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from reader.cli.common import (
    CommandError,
    add_library_options,
    count_argument,
    existing_store,
    typed_text,
)
from reader.cli.output import json_document, printable, write_document
from reader.library import Library


def configure(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    search = commands.add_parser(
        "search", help="search articles, quotations, notes, tags and verdicts on quotations"
    )
    search.add_argument("query", nargs="*", type=typed_text)
    which = search.add_mutually_exclusive_group()
    which.add_argument(
        "--speaker", metavar="NAME", type=typed_text, help="every quotation of this speaker"
    )
    which.add_argument(
        "--mentions", metavar="NAME", type=typed_text, help="every article naming this entity"
    )
    search.add_argument("--json", action="store_true")
    search.add_argument(
        "--limit", type=count_argument, default=30, help="the most results to show (30)"
    )
    add_library_options(search)


def run(args: argparse.Namespace) -> int:
    if not args.query and not args.speaker and not args.mentions:
        raise CommandError("search needs words, --speaker NAME or --mentions NAME.")
    store = existing_store(args)
    if store is None:
        hits = []
    elif args.speaker:
        hits = Library(store).quotes_of_speaker(args.speaker)
    elif args.mentions:
        hits = Library(store).articles_mentioning(args.mentions)
    else:
        hits = store.search(" ".join(args.query), limit=args.limit)
    if args.json:
        write_document(json_document([asdict(hit) for hit in hits]))
    elif not hits:
        print("No match.")
    else:
        for hit in hits:
            where = f"@{hit.start}" if hit.start is not None else ""
            title = printable(hit.title[:50])
            # A verdict is on a cluster of quotations, which `glose quotes` lists by id.
            cluster = f"  (quotation #{printable(hit.ref)})" if hit.kind == "verdict" else ""
            print(
                f"{hit.kind:<10} {hit.article_id:>4}{where:<8} {title}  {printable(hit.snippet)}"
                + cluster
            )
    return 0
