"""``glose export``: annotations as Markdown or W3C JSON-LD, to a file, a folder or stdout."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.analysis.model import Analysis
from reader.cli.common import (
    CommandError,
    add_library_options,
    analysis_of,
    load_source,
    open_store,
)
from reader.export.files import safe_file_name, write_atomically
from reader.library import AnnotationFilter, Library
from reader.sources import LoadedArticle
from reader.store import Article
from reader.text import layout


def configure(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = commands.add_parser("export", help="write annotations as Markdown or W3C JSON-LD")
    export.add_argument("path", nargs="?")
    export.add_argument("--all", action="store_true", help="every article in the library")
    export.add_argument("--format", choices=("markdown", "jsonld"), default="markdown")
    where = export.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    where.add_argument("--dir", metavar="DIR", help="one file per article in this folder")
    export.add_argument("--tag", action="append", default=[], help="only annotations with a tag")
    export.add_argument("--style", action="append", default=[], help="only annotations in a style")
    export.add_argument("--with-quotes", action="store_true", help="add every quotation")
    export.add_argument("--with-entities", action="store_true", help="add an index of entities")
    export.add_argument("--engine", choices=("auto", "rules"), default="auto")
    add_library_options(export)


def run(args: argparse.Namespace) -> int:
    if bool(args.path) == bool(args.all):
        raise CommandError("give either an article PATH or --all.")
    from reader.export.markdown import MarkdownOptions

    options = MarkdownOptions(with_quotes=args.with_quotes, with_entities=args.with_entities)
    suffix = ".jsonld" if args.format == "jsonld" else ".md"
    with open_store(args) as store:
        library = Library(store)
        analysed: list[tuple[Article, Analysis]] = []
        if args.all:
            if not store.articles():
                raise CommandError("the library is empty: open or annotate an article first.")
            for summary in sorted(store.articles(), key=lambda s: s.id):
                article = store.article(summary.id)
                assert article is not None
                loaded = LoadedArticle(article.source, article.text, "UTF-8", layout(article.text))
                analysed.append((article, analysis_of(library, loaded, article, args.engine)))
        else:
            loaded = load_source(args.path)
            article = library.add(loaded)
            analysed.append((article, analysis_of(library, loaded, article, args.engine)))

        keep = AnnotationFilter(frozenset(args.tag), frozenset(args.style))

        def render(items: list[tuple[Article, Analysis]]) -> str:
            if args.format == "jsonld":
                return library.jsonld(items, keep)
            return library.markdown(items, options, keep)

        if args.dir:
            folder = Path(args.dir)
            folder.mkdir(parents=True, exist_ok=True)
            used: set[str] = set()
            for item in analysed:
                name = safe_file_name(item[0].title)
                while name in used:
                    name += "-" + str(item[0].id)
                used.add(name)
                write_atomically(folder / (name + suffix), render([item]))
            print(f"Exported {len(analysed)} file(s) to {folder}", file=sys.stderr)
            return 0
        content = render(analysed)
    if args.output:
        write_atomically(args.output, content)
        print(f"Exported to {Path(args.output)}", file=sys.stderr)
    else:
        sys.stdout.write(content)
    return 0
