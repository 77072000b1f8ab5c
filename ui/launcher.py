"""The ``glose`` command: imports nothing from Qt until the app itself is asked for."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Sequence


def command() -> Callable[[Sequence[str]], int]:
    """The command line's entry point, made ready as the ``glose`` command starts it.

    Python's cyclic garbage collector ran ninety times while the app started (11 ms of its
    first paint, for about 500 objects in cycles): it is held off until the window is painted
    (``ui.app``), or until a command starts (``reader.cli``).
    """
    gc.disable()
    from reader.cli import main as cli_main

    return cli_main


def main() -> None:
    sys.exit(command()(sys.argv[1:]))


if __name__ == "__main__":
    main()
