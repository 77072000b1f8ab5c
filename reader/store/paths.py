"""Where the library lives: ``--data-dir``, else ``GLOSE_DATA_DIR``, else the user data dir."""

from __future__ import annotations

import os
from pathlib import Path

import appdirs

from reader import APP_NAME

DATABASE_NAME = "glose.db"
DATA_DIR_VARIABLE = "GLOSE_DATA_DIR"


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    from_environment = os.environ.get(DATA_DIR_VARIABLE)
    if from_environment:
        return Path(from_environment).expanduser()
    return Path(appdirs.user_data_dir(APP_NAME, appauthor=False))
