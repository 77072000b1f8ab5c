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
import importlib
import os
import sys
import traceback
from collections.abc import Sequence
from types import ModuleType

from reader import __version__
from reader.analysis.pipeline import AnalysisFailed
from reader.cli.common import EXIT_FAILURE, CommandError, add_library_options
from reader.cli.output import configure_streams, printable
from reader.export.files import ExportError
from reader.sources import SourceError
from reader.store import StoreError

COMMANDS: dict[str, str] = {
    "detect": "detect",
    "annotate": "annotate",
    "export": "export",
    "list": "listing",
    "import": "import_article",
    "search": "search",
    "import-annotations": "import_annotations",
    "quotes": "quotes",
    "verdict": "verdict",
}
"""Each command's name and its module in this package, imported when the command runs (the
desktop app, started by the same launcher, needs none of them)."""


def command_module(name: str) -> ModuleType:
    return importlib.import_module(f"{__name__}.{COMMANDS[name]}")


__all__ = ["COMMANDS", "add_library_options", "command_parser", "explain", "main", "report"]

EXPECTED_ERRORS = (AnalysisFailed, CommandError, SourceError, StoreError, ExportError)
"""Failures whose message is already the sentence to show."""


def command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="glose", description="Read and annotate news articles from the command line."
    )
    parser.add_argument("--version", action="version", version=f"glose {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        command_module(name).configure(commands)
    return parser


def report(error: BaseException, debug: bool, command: str | None = None) -> int:
    """Tell the person what failed, in one line on standard error; the exit status.

    The line is a sentence for a reader, never Python's own words for an internal fault: those
    are for ``--debug``. Content in it (a file name, a title) is shown without its control
    characters, so that it cannot drive the terminal.
    """
    if debug:
        traceback.print_exc()
    if isinstance(error, KeyboardInterrupt):
        return 130
    if isinstance(error, BrokenPipeError):
        # The reader of our output (« glose list | head ») has gone: nothing to say to anyone.
        _silence_stdout()
        return EXIT_FAILURE
    print(f"glose: {printable(explain(error, command))}", file=sys.stderr)
    return EXIT_FAILURE


def explain(error: BaseException, command: str | None = None) -> str:
    """``error`` as one sentence a reader understands."""
    doing = f"glose {command}" if command else "glose"
    if isinstance(error, EXPECTED_ERRORS) and str(error).strip():
        return str(error)
    if isinstance(error, MemoryError):
        return (
            f"not enough memory to finish « {doing} »: the input is too large for the memory"
            " left; close other programs or try a smaller input."
        )
    if isinstance(error, RecursionError):
        return (
            f"the input of « {doing} » is too deeply nested (elements inside elements) to be"
            " read; it was not used."
        )
    if isinstance(error, OSError) and error.strerror:
        if error.filename is not None:
            return f"{os.fsdecode(error.filename)} cannot be used: {error.strerror}."
        return f"« {doing} » failed: {error.strerror}."
    return (
        f"« {doing} » stopped on an unexpected problem ({type(error).__name__}); run it again"
        " with --debug to see where, and report it."
    )


def _silence_stdout() -> None:
    """Point standard output at nothing, so that Python's last flush at exit does not fail
    again on the closed pipe (and print its own message about it)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    configure_streams()
    args = command_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    try:
        return int(command_module(args.command).run(args))
    except (Exception, KeyboardInterrupt) as error:
        return report(error, args.debug, args.command)
