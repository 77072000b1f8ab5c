"""The ``glose`` command: imports nothing from Qt until the app itself is asked for."""

from __future__ import annotations

import sys

from reader.cli import main as cli_main


def main() -> None:
    sys.exit(cli_main(sys.argv[1:]))


if __name__ == "__main__":
    main()
