"""``glose detect PATH --json``: the quotations and entities of an article, as JSON."""

from __future__ import annotations

import argparse
from typing import Any

from reader.cli.common import (
    add_library_options,
    analysis_of,
    article_argument,
    existing_store,
    load_source,
)
from reader.cli.output import json_document, write_document
from reader.library import Library


def configure(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    detect = commands.add_parser("detect", help="print the quotations and entities of an article")
    detect.add_argument("path", type=article_argument)
    detect.add_argument("--json", action="store_true", help="print one JSON object (default)")
    detect.add_argument("--engine", choices=("auto", "rules"), default="auto")
    add_library_options(detect)


def run(args: argparse.Namespace) -> int:
    loaded = load_source(args.path)
    store = existing_store(args)
    library = Library(store) if store else None
    article = store.find_article(loaded.source) if store else None
    analysis = analysis_of(library, loaded, article, args.engine)
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
    write_document(json_document(result))
    return 0
