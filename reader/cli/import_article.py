"""``glose import PATH|URL``: an article added to the library and analysed."""

from __future__ import annotations

import argparse

from reader.cli.common import add_library_options, load_source, open_store
from reader.cli.output import printable
from reader.library import Library


def configure(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    importing = commands.add_parser(
        "import", help="add an article (file or web address) to the library"
    )
    importing.add_argument("source", metavar="PATH|URL")
    add_library_options(importing)


def run(args: argparse.Namespace) -> int:
    from reader.analysis.entities import load_engine

    loaded = load_source(args.source)
    with open_store(args) as store:
        library = Library(store)
        article = library.add(loaded)
        library.analyse(loaded.text, loaded.layout, load_engine("auto"), article.id)
        count = len(store.annotations(article.id))
    title, source = printable(article.title), printable(article.source)
    print(f"{article.id}\t{title}\t{source}\t{count} annotation(s)")
    return 0
