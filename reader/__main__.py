"""`python -m reader` runs the command line's commands (the app is `python -m ui`)."""

import sys

from reader.cli import main

sys.exit(main(sys.argv[1:]))
