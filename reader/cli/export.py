"""``glose export``: annotations as Markdown or W3C JSON-LD, to a file, a folder or stdout.

What is never written over: the library and its backups, and the file of any article in it
(``ProtectedFiles``); a file already in the ``--dir`` folder unless ``--force`` is given. ``-o``
replaces an existing file it names, as a shell's ``>`` does, and writes into a pipe or a
terminal. Articles are exported with the analysis the library stores, as the app exports them; an
article not analysed yet is analysed first, and one whose analysis fails is exported without
speakers or entities, and said so: it never stops the export of the others.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from reader.cli.common import CommandError, add_library_options, load_source, open_store
from reader.cli.output import configure_streams, printable, write_document
from reader.export.files import ExportError, safe_file_name, write_export
from reader.export.protected import ProtectedFiles
from reader.library import AnnotationFilter, ExportRequest, Library
from reader.store import Article
from reader.text import layout

EXIT_BROKEN_PIPE = 141
"""What a shell reports for a command whose reader went away (128 + SIGPIPE)."""
REASON_CHARACTERS = 160
"""An analysis error is cut here: spaCy's run to a paragraph of advice."""


def configure(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = commands.add_parser(
        "export",
        help="write annotations as Markdown or W3C JSON-LD",
        description="Never writes over the library, its backups or an article's own file. "
        "-o replaces the file it names; --dir refuses files that exist unless --force.",
    )
    export.add_argument("path", nargs="?")
    export.add_argument("--all", action="store_true", help="every article in the library")
    export.add_argument("--format", choices=("markdown", "jsonld"), default="markdown")
    where = export.add_mutually_exclusive_group()
    where.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="file to write, replaced if it exists (default: stdout)",
    )
    where.add_argument("--dir", metavar="DIR", help="one file per article in this folder")
    export.add_argument(
        "--force", action="store_true", help="with --dir, replace files already in the folder"
    )
    export.add_argument("--tag", action="append", default=[], help="only annotations with a tag")
    export.add_argument("--style", action="append", default=[], help="only annotations in a style")
    export.add_argument("--with-quotes", action="store_true", help="add every quotation")
    export.add_argument("--with-entities", action="store_true", help="add an index of entities")
    export.add_argument(
        "--engine",
        choices=("auto", "rules"),
        default="auto",
        help="how to analyse an article not analysed yet (others keep their stored analysis)",
    )
    add_library_options(export)


def run(args: argparse.Namespace) -> int:
    configure_streams()
    if bool(args.path) == bool(args.all):
        raise CommandError("give either an article PATH or --all.")
    try:
        return _export(args)
    except ExportError as error:
        # Its path may hold anything a file name can, escape sequences included.
        raise CommandError(printable(error)) from error


def _export(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        library = Library(store)
        articles = _articles(library, args)
        protected = library.protected_files()
        # Checked before any analysis, which may take minutes, and again when writing.
        if args.output:
            protected.check(args.output)
        request = ExportRequest(
            tuple(article.id for article in articles),
            args.format,
            AnnotationFilter(frozenset(args.tag), frozenset(args.style)),
            with_quotes=args.with_quotes,
            with_entities=args.with_entities,
        )
        folder = (
            _folder_plan(Path(args.dir), articles, request, args, protected) if args.dir else None
        )
        _analyse_where_needed(library, articles, args.engine)
        if folder is not None:
            return _write_folder(folder, library, request, protected)
        content = library.export(request)
    if args.output and not _is_standard_output(args.output):
        saved = write_export(args.output, content, protected)
        print(f"Exported to {printable(saved)}", file=sys.stderr)
        return 0
    try:
        write_document(content)
    except BrokenPipeError:
        # The reader stopped early (``| head``): nothing to say, and nothing more to flush.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    return 0


def _articles(library: Library, args: argparse.Namespace) -> list[Article]:
    if not args.all:
        return [library.add(load_source(args.path))]
    summaries = sorted(library.articles(), key=lambda s: s.id)
    if not summaries:
        raise CommandError("the library is empty: open or annotate an article first.")
    return [article for s in summaries if (article := library.article(s.id)) is not None]


def _analyse_where_needed(library: Library, articles: Sequence[Article], engine_name: str) -> None:
    """Analyse (with the reader's corrections) each article whose present text has no stored
    analysis: the export, like the app's, reads the stored one. An article whose analysis
    fails is exported without speakers or entities, and one line on stderr says so; it never
    stops the export of the others."""
    waiting = [article for article in articles if not library.has_current_analysis(article)]
    if not waiting:
        return
    from reader.analysis.entities import load_engine

    engine = load_engine(engine_name)  # once: the model loads once for the whole library
    for article in waiting:
        try:
            library.analyse(article.text, layout(article.text), engine, article_id=article.id)
        except Exception as error:
            reason = printable(str(error) or type(error).__name__)
            if len(reason) > REASON_CHARACTERS:
                reason = reason[:REASON_CHARACTERS].rstrip() + "…"
            print(
                f"glose: article {article.id} « {printable(article.title)} » could not be "
                f"analysed ({reason}): exported without speakers or entities.",
                file=sys.stderr,
            )


def _is_standard_output(path: str) -> bool:
    """``-o /dev/stdout`` (or the file stdout is redirected to): written as stdout is, so that
    ``>>`` appends and nothing is renamed over the shell's file."""
    try:
        return os.path.samestat(os.stat(path), os.fstat(sys.stdout.fileno()))
    except (OSError, ValueError, AttributeError):
        return False


def _folder_plan(
    folder: Path,
    articles: Sequence[Article],
    request: ExportRequest,
    args: argparse.Namespace,
    protected: ProtectedFiles,
) -> list[tuple[Path, int]]:
    """The file of each article in ``folder``, every one checked before any is written."""
    if folder.exists() and not folder.is_dir():
        raise CommandError(f"{printable(folder)} is a file, not a folder: give --dir a folder.")
    names = file_names([(article.id, article.title) for article in articles])
    paths = [folder / (name + request.suffix) for name in names]
    for path in paths:
        protected.check(path)
        if path.is_dir():
            raise CommandError(f"{printable(path)} is a folder: nothing was written.")
    existing = [path for path in paths if path.exists() or path.is_symlink()]
    if existing and not args.force:
        others = f" (and {len(existing) - 1} other file(s) of this export)" if existing[1:] else ""
        raise CommandError(
            f"{printable(existing[0])} already exists{others}: nothing was written. "
            f"Export into an empty folder, or add --force to replace {'them' if others else 'it'}."
        )
    return [(path, article.id) for path, article in zip(paths, articles, strict=True)]


def file_names(articles: Sequence[tuple[int, str]]) -> list[str]:
    """A name per article from its title; a title met before (ignoring case, as the file
    systems of macOS and Windows do) gets the article's number after it."""
    used: set[str] = set()
    names: list[str] = []
    for article_id, title in articles:
        name = safe_file_name(title)
        while name.casefold() in used:
            name += f"-{article_id}"
        used.add(name.casefold())
        names.append(name)
    return names


def _write_folder(
    plan: Sequence[tuple[Path, int]],
    library: Library,
    request: ExportRequest,
    protected: ProtectedFiles,
) -> int:
    paths = [path for path, _article_id in plan]
    contents = [library.export(request.of_one(article_id)) for _path, article_id in plan]
    folder = paths[0].parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CommandError(
            f"the folder {printable(folder)} could not be created ({error.strerror}): "
            "nothing was written."
        ) from error
    replaced = sum(1 for path in paths if path.exists())
    order = sorted(range(len(paths)), key=lambda index: paths[index].name)
    for written, index in enumerate(order):
        try:
            write_export(paths[index], contents[index], protected)
        except ExportError as error:
            raise CommandError(f"{printable(error)} {_partial(written, len(paths))}") from error
    replacing = f", {replaced} replaced" if replaced else ""
    print(f"Exported {len(paths)} file(s) to {printable(folder)}{replacing}", file=sys.stderr)
    return 0


def _partial(written: int, total: int) -> str:
    if not written:
        return "No file of the export was written."
    return (
        f"The {written} file(s) before it in name order were written; it and the "
        f"{total - written - 1} after it were not (export again with --force once it is solved)."
    )
