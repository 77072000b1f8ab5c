"""``glose annotate PATH``: one annotation on a passage, found by its words or its offsets."""

from __future__ import annotations

import argparse

from reader.cli.common import (
    CommandError,
    add_library_options,
    article_argument,
    load_source,
    open_store,
    typed_text,
)
from reader.library import Library
from reader.store import Kind
from reader.styles import DEFAULT_STYLE, DEFAULT_STYLES


def configure(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    annotate = commands.add_parser("annotate", help="add an annotation to an article")
    annotate.add_argument("path", type=article_argument)
    where = annotate.add_mutually_exclusive_group(required=True)
    where.add_argument(
        "--quote", metavar="TEXT", type=typed_text, help="the passage to annotate, as written"
    )
    where.add_argument("--start", type=int, help="start offset (with --end)")
    annotate.add_argument("--end", type=int, help="end offset (exclusive)")
    annotate.add_argument("--occurrence", type=int, default=1, help="which occurrence of --quote")
    annotate.add_argument("--note", default="", type=typed_text)
    annotate.add_argument("--tag", action="append", default=[], metavar="T", type=typed_text)
    annotate.add_argument(
        "--style",
        default=DEFAULT_STYLE,
        type=typed_text,
        metavar="NAME",
        help=f"a style of the library (default: {DEFAULT_STYLE}; built in: "
        + ", ".join(style.name for style in DEFAULT_STYLES)
        + ")",
    )
    add_library_options(annotate)


def passage(text: str, args: argparse.Namespace) -> tuple[int, int]:
    """The (start, end) the arguments name in ``text``."""
    if args.quote is not None:
        if not args.quote:
            raise CommandError("--quote needs the words to annotate.")
        position = -1
        for _ in range(max(1, args.occurrence)):
            position = text.find(args.quote, position + 1)
            if position == -1:
                raise CommandError(
                    f"« {args.quote} » occurs fewer than {args.occurrence} time(s) in the article."
                )
        return position, position + len(args.quote)
    if args.end is None:
        raise CommandError("--start needs --end.")
    if not 0 <= args.start < args.end <= len(text):
        raise CommandError(f"--start/--end must satisfy 0 ≤ start < end ≤ {len(text)}.")
    return args.start, args.end


def run(args: argparse.Namespace) -> int:
    loaded = load_source(args.path)
    start, end = passage(loaded.text, args)
    with open_store(args) as store:
        styles = [style.name for style in store.styles()]
        if args.style not in styles:
            raise CommandError(
                f"no style named {args.style!r}; the library has: {', '.join(styles)}."
            )
        article = Library(store).add(loaded)
        annotation = store.add_annotation(
            article, start, end, note=args.note, tags=args.tag, style=args.style, kind=Kind.TEXT
        )
    print(annotation.id)
    return 0
