"""The ``glose`` commands, which need no display: one module per command.

    glose detect PATH --json
    glose annotate PATH (--quote TEXT [--occurrence N] | --start N --end M) [--note TEXT]
                        [--tag T]... [--style NAME]
    glose export [PATH | --all] --format markdown|jsonld [-o FILE | --dir DIR] [--tag T]
                 [--style S] [--with-quotes] [--with-entities]
    glose import-annotations FILE.jsonld
    glose list [--json]
    glose import PATH|URL
    glose search QUERY [--json]
    glose quotes [--speaker NAME] [--min-articles N] [--json]
    glose verdict CLUSTER_ID (verifiee|deformee|mal-attribuee|non-verifiee [--source URL]
                  [--note TEXT] | --clear) [--variant ID]

The desktop app is started by ``ui.launcher``, which hands these commands to ``main``. Errors
exit with a status other than 0 and one clear line on standard error.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence
from types import ModuleType

from reader import __version__
from reader.cli import (
    annotate,
    detect,
    export,
    import_annotations,
    import_article,
    listing,
    quotes,
    search,
    verdict,
)
from reader.cli.common import EXIT_FAILURE, CommandError, add_library_options
from reader.export.files import ExportError
from reader.sources import SourceError
from reader.store import StoreError

COMMANDS: dict[str, ModuleType] = {
    "detect": detect,
    "annotate": annotate,
    "export": export,
    "list": listing,
    "import": import_article,
    "search": search,
    "import-annotations": import_annotations,
    "quotes": quotes,
    "verdict": verdict,
}

__all__ = ["COMMANDS", "add_library_options", "command_parser", "main", "report"]

EXPECTED_ERRORS = (CommandError, SourceError, StoreError, ExportError)
"""Failures whose message is already the sentence to show."""


def command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="glose", description="Read and annotate news articles from the command line."
    )
    parser.add_argument("--version", action="version", version=f"glose {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    for module in COMMANDS.values():
        module.configure(commands)
    return parser


def report(error: BaseException, debug: bool) -> int:
    """Tell the person what failed, in one line on standard error; the exit status."""
    if debug:
        traceback.print_exc()
    if isinstance(error, KeyboardInterrupt):
        return 130
    if isinstance(error, EXPECTED_ERRORS):
        print(f"glose: {error}", file=sys.stderr)
    elif not debug:
        print(f"glose: unexpected error: {error} (run with --debug for details)", file=sys.stderr)
    return EXIT_FAILURE


def main(argv: Sequence[str] | None = None) -> int:
    args = command_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    try:
        return int(COMMANDS[args.command].run(args))
    except (Exception, KeyboardInterrupt) as error:
        return report(error, args.debug)
