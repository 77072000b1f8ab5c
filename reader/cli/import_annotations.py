"""``glose import-annotations FILE.jsonld``: annotations exported as JSON-LD, brought back."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.cli.common import CommandError, add_library_options, open_store


def configure(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    importing = commands.add_parser(
        "import-annotations", help="bring back annotations exported as JSON-LD"
    )
    importing.add_argument("file", metavar="FILE.jsonld")
    add_library_options(importing)


def run(args: argparse.Namespace) -> int:
    from reader.export.jsonld import AnnotationImportError, import_annotations_file

    with open_store(args) as store:
        try:
            report = import_annotations_file(store, Path(args.file))
        except AnnotationImportError as error:
            raise CommandError(str(error)) from error
    print(report.summary())
    return 0
