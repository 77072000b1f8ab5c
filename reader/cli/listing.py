"""``glose list``: the articles of the library."""

from __future__ import annotations

import argparse
import json
import sys

from reader.cli.common import add_library_options, existing_store


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
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif not summaries:
        print("The library is empty.")
    else:
        for s in summaries:
            print(f"{s.id:>4}  {s.annotation_count:>4} annotation(s)  {s.title}  [{s.source}]")
    return 0
