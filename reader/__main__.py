"""`python -m reader` runs the command line (and the app, when the GUI is installed)."""

import sys

from reader.cli import main

sys.exit(main(sys.argv[1:]))
