"""``glose list``: the articles of the library."""

from __future__ import annotations

import argparse

from reader.cli.common import add_library_options, existing_store
from reader.cli.output import json_document, printable, write_document


def configure(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    listing = commands.add_parser("list", help="list the articles in the library")
    listing.add_argument("--json", action="store_true")
    add_library_options(listing)


def run(args: argparse.Namespace) -> int:
    store = existing_store(args)
    summaries = store.articles() if store else []
    if args.json:
        rows = [
            {
                "id": s.id,
                "title": s.title,
                "source": s.source,
                "updated": s.updated,
                "annotations": s.annotation_count,
            }
            for s in summaries
        ]
        write_document(json_document(rows))
    elif not summaries:
        print("The library is empty.")
    else:
        for s in summaries:
            print(
                f"{s.id:>4}  {s.annotation_count:>4} annotation(s)  "
                f"{printable(s.title)}  [{printable(s.source)}]"
            )
    return 0
