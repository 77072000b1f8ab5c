"""The ``glose`` command: a command of ``reader.cli``, or the desktop app.

Nothing from Qt is imported until the app itself is asked for.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from reader import __version__
from reader.cli import COMMANDS, add_library_options, report
from reader.cli import main as run_command
from reader.cli.common import article_argument
from reader.cli.output import configure_streams
from ui import garbage


def app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="glose",
        description="Read and annotate news articles. Commands: " + ", ".join(COMMANDS) + ".",
        epilog="Run 'glose COMMAND --help' for a command's options.",
    )
    parser.add_argument(
        "path", nargs="?", type=article_argument, help="article to open (default: the bundled one)"
    )
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
    add_library_options(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``glose`` with ``argv`` (default: the process's arguments); the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments and arguments[0] in COMMANDS:
        return run_command(arguments)
    configure_streams()
    # The window and its panels are built to last: the collector rests until they are painted.
    garbage.hold(garbage.START_UP)
    args = app_parser().parse_args(arguments)
    try:
        from ui.app import run

        return run(args)
    except (Exception, KeyboardInterrupt) as error:
        garbage.release(garbage.START_UP)
        return report(error, args.debug)


if __name__ == "__main__":
    sys.exit(main())
