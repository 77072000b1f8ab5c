"""The ``glose`` command line: the app, and commands that need no display.

    glose [PATH] [--data-dir DIR]                 the app, on PATH or the bundled article
    glose --screenshot OUT.png [PATH] [--theme light|dark] [--size 1280x800]
    glose --version
    glose detect PATH --json
    glose annotate PATH (--quote TEXT [--occurrence N] | --start N --end M) [--note TEXT]
                        [--tag T]... [--style NAME]
    glose export [PATH | --all] --format markdown|jsonld [-o FILE | --dir DIR] [--tag T]
                 [--style S] [--with-quotes] [--with-entities]
    glose import-annotations FILE.jsonld
    glose list [--json]
    glose import PATH|URL
    glose search QUERY [--json]

Errors exit with a status other than 0 and one clear line on standard error.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from reader import __version__
from reader.analysis.model import Analysis
from reader.export.files import ExportError, safe_file_name, write_atomically
from reader.library import AnnotationFilter, Library
from reader.sources import LoadedArticle, SourceError, is_address, load_bundled, load_file
from reader.store import Article, Kind, Store, StoreError, data_dir
from reader.styles import DEFAULT_STYLES
from reader.text import layout

# The entity engines and the Markdown export are imported by the commands that use them:
# ``glose`` alone opens the window, which needs neither before its first paint.

COMMANDS = ("detect", "annotate", "export", "list", "import", "search", "import-annotations")
EXIT_USAGE = 2
EXIT_FAILURE = 1


class CommandError(Exception):
    """A failure to report as one line."""


def _data_dir_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder of the library (default: $GLOSE_DATA_DIR, else the user data folder)",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")


def app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="glose",
        description="Read and annotate news articles. Commands: " + ", ".join(COMMANDS) + ".",
        epilog="Run 'glose COMMAND --help' for a command's options.",
    )
    parser.add_argument("path", nargs="?", help="article to open (default: the bundled one)")
    parser.add_argument("--version", action="version", version=f"glose {__version__}")
    parser.add_argument("--screenshot", metavar="OUT.png", help="render the window to a PNG, exit")
    parser.add_argument("--theme", choices=("light", "dark", "system"), default=None)
    parser.add_argument("--size", default="1280x800", help="window size for --screenshot")
    parser.add_argument("--language", choices=("fr", "en"), default=None, help="interface language")
    parser.add_argument(
        "--panel",
        choices=("annotations", "quotes", "entities", "library"),
        default=None,
        help="side panel to show first",
    )
    _data_dir_argument(parser)
    return parser


def command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="glose")
    sub = parser.add_subparsers(dest="command", required=True)

    detect = sub.add_parser("detect", help="print the quotations and entities of an article")
    detect.add_argument("path")
    detect.add_argument("--json", action="store_true", help="print one JSON object (default)")
    detect.add_argument("--engine", choices=("auto", "rules"), default="auto")
    _data_dir_argument(detect)

    annotate = sub.add_parser("annotate", help="add an annotation to an article")
    annotate.add_argument("path")
    where = annotate.add_mutually_exclusive_group(required=True)
    where.add_argument("--quote", metavar="TEXT", help="the passage to annotate, as written")
    where.add_argument("--start", type=int, help="start offset (with --end)")
    annotate.add_argument("--end", type=int, help="end offset (exclusive)")
    annotate.add_argument("--occurrence", type=int, default=1, help="which occurrence of --quote")
    annotate.add_argument("--note", default="")
    annotate.add_argument("--tag", action="append", default=[], metavar="T")
    annotate.add_argument(
        "--style",
        default="important",
        metavar="NAME",
        help="a style of the library (default: important; built in: "
        + ", ".join(style.name for style in DEFAULT_STYLES)
        + ")",
    )
    _data_dir_argument(annotate)

    export = sub.add_parser("export", help="write annotations as Markdown or W3C JSON-LD")
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
    _data_dir_argument(export)

    importing_annotations = sub.add_parser(
        "import-annotations", help="bring back annotations exported as JSON-LD"
    )
    importing_annotations.add_argument("file", metavar="FILE.jsonld")
    _data_dir_argument(importing_annotations)

    listing = sub.add_parser("list", help="list the articles in the library")
    listing.add_argument("--json", action="store_true")
    _data_dir_argument(listing)

    importing = sub.add_parser("import", help="add an article (file or web address) to the library")
    importing.add_argument("source", metavar="PATH|URL")
    _data_dir_argument(importing)

    search = sub.add_parser("search", help="search articles, quotations, notes and tags")
    search.add_argument("query", nargs="*")
    which = search.add_mutually_exclusive_group()
    which.add_argument("--speaker", metavar="NAME", help="every quotation of this speaker")
    which.add_argument("--mentions", metavar="NAME", help="every article naming this entity")
    search.add_argument("--json", action="store_true")
    search.add_argument("--limit", type=int, default=30)
    _data_dir_argument(search)
    return parser


def _load(path: str | None) -> LoadedArticle:
    if path and is_address(path):
        from reader.web import fetch_article  # urllib and trafilatura only when needed

        return fetch_article(path)
    return load_file(path) if path else load_bundled()


def _open_store(args: argparse.Namespace) -> Store:
    return Store(data_dir(args.data_dir))


def _existing_store(args: argparse.Namespace) -> Store | None:
    """The library if it exists already: read-only commands never create one."""
    folder = data_dir(args.data_dir)
    return Store(folder) if (folder / "glose.db").exists() else None


def _analysis(
    library: Library | None, loaded: LoadedArticle, article: Article | None, engine_name: str
) -> Analysis:
    from reader.analysis.entities import load_engine

    engine = load_engine(engine_name)
    if library is None:
        from reader.analysis.pipeline import analyse

        return analyse(loaded.text, loaded.layout, engine)
    return library.analyse(
        loaded.text, loaded.layout, engine, article_id=article.id if article else None
    )


def run_detect(args: argparse.Namespace) -> int:
    loaded = _load(args.path)
    store = _existing_store(args)
    library = Library(store) if store else None
    article = store.find_article(loaded.source) if store else None
    analysis = _analysis(library, loaded, article, args.engine)
    result: dict[str, Any] = {
        "title": loaded.title,
        "text": loaded.text,
        "paragraphs": [[p.start, p.end] for p in loaded.layout.paragraphs],
        "paragraph_roles": [str(p.role) for p in loaded.layout.paragraphs],
        "quotes": [quote.to_json() for quote in analysis.quotes],
        "entities": [entity.to_json() for entity in analysis.entities],
        "problems": [problem.to_json() for problem in analysis.problems],
        "engine": analysis.engine,
        "encoding": loaded.encoding,
    }
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def _passage(text: str, args: argparse.Namespace) -> tuple[int, int]:
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


def run_annotate(args: argparse.Namespace) -> int:
    loaded = _load(args.path)
    start, end = _passage(loaded.text, args)
    with _open_store(args) as store:
        styles = [style.name for style in store.styles()]
        if args.style not in styles:
            raise CommandError(
                f"no style named {args.style!r}; the library has: {', '.join(styles)}."
            )
        article = Library(store).add(loaded)
        kind = Kind.TEXT
        annotation = store.add_annotation(
            article, start, end, note=args.note, tags=args.tag, style=args.style, kind=kind
        )
    print(annotation.id)
    return 0


def run_export(args: argparse.Namespace) -> int:
    if bool(args.path) == bool(args.all):
        raise CommandError("give either an article PATH or --all.")
    from reader.export.markdown import MarkdownOptions

    options = MarkdownOptions(with_quotes=args.with_quotes, with_entities=args.with_entities)
    suffix = ".jsonld" if args.format == "jsonld" else ".md"
    with _open_store(args) as store:
        library = Library(store)
        analysed: list[tuple[Article, Analysis]] = []
        if args.all:
            if not store.articles():
                raise CommandError("the library is empty: open or annotate an article first.")
            for summary in sorted(store.articles(), key=lambda s: s.id):
                article = store.article(summary.id)
                assert article is not None
                loaded = LoadedArticle(article.source, article.text, "UTF-8", layout(article.text))
                analysed.append((article, _analysis(library, loaded, article, args.engine)))
        else:
            loaded = _load(args.path)
            article = library.add(loaded)
            analysed.append((article, _analysis(library, loaded, article, args.engine)))

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


def run_import_annotations(args: argparse.Namespace) -> int:
    from reader.export.jsonld import AnnotationImportError, import_annotations_file

    with _open_store(args) as store:
        try:
            report = import_annotations_file(store, Path(args.file))
        except AnnotationImportError as error:
            raise CommandError(str(error)) from error
    print(report.summary())
    return 0


def run_list(args: argparse.Namespace) -> int:
    store = _existing_store(args)
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


def run_import(args: argparse.Namespace) -> int:
    from reader.analysis.entities import load_engine

    loaded = _load(args.source)
    with _open_store(args) as store:
        library = Library(store)
        article = library.add(loaded)
        library.analyse(loaded.text, loaded.layout, load_engine("auto"), article.id)
        count = len(store.annotations(article.id))
    print(f"{article.id}\t{article.title}\t{article.source}\t{count} annotation(s)")
    return 0


def run_search(args: argparse.Namespace) -> int:
    if not args.query and not args.speaker and not args.mentions:
        raise CommandError("search needs words, --speaker NAME or --mentions NAME.")
    store = _existing_store(args)
    if store is None:
        hits = []
    elif args.speaker:
        hits = Library(store).quotes_of_speaker(args.speaker)
    elif args.mentions:
        hits = Library(store).articles_mentioning(args.mentions)
    else:
        hits = store.search(" ".join(args.query), limit=args.limit)
    if args.json:
        json.dump([asdict(hit) for hit in hits], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif not hits:
        print("No match.")
    else:
        for hit in hits:
            where = f"@{hit.start}" if hit.start is not None else ""
            print(f"{hit.kind:<10} {hit.article_id:>4}{where:<8} {hit.title[:50]}  {hit.snippet}")
    return 0


RUNNERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "detect": run_detect,
    "annotate": run_annotate,
    "export": run_export,
    "list": run_list,
    "import": run_import,
    "search": run_search,
    "import-annotations": run_import_annotations,
}


def _launch_app(args: argparse.Namespace) -> int:
    try:
        app = importlib.import_module("ui.app")
    except ImportError as error:
        raise CommandError(
            f"the desktop app is not available ({error}); commands: {', '.join(COMMANDS)}."
        ) from error
    return int(app.run(args))


def main(
    argv: Sequence[str] | None = None, launch: Callable[[argparse.Namespace], int] | None = None
) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    is_command = bool(argv) and argv[0] in COMMANDS
    parser = command_parser() if is_command else app_parser()
    args = parser.parse_args(argv)
    try:
        if is_command:
            gc.enable()  # held off by the launcher for the app's start-up only
            return RUNNERS[args.command](args)
        return (launch or _launch_app)(args)
    except (CommandError, SourceError, StoreError, ExportError) as error:
        if args.debug:
            traceback.print_exc()
        print(f"glose: {error}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        if args.debug:
            traceback.print_exc()
        else:
            print(
                f"glose: unexpected error: {error} (run with --debug for details)", file=sys.stderr
            )
        return EXIT_FAILURE
