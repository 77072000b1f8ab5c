"""Where the library lives: ``--data-dir``, else ``GLOSE_DATA_DIR``, else the user data dir."""

from __future__ import annotations

import os
from pathlib import Path

import appdirs

from reader import APP_NAME

DATABASE_NAME = "glose.db"
DATA_DIR_VARIABLE = "GLOSE_DATA_DIR"


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The library's folder. An empty ``GLOSE_DATA_DIR`` counts as unset, as an empty variable
    does by convention; an empty ``explicit`` folder is a mistake, refused with ``ValueError``:
    it must not fall back, unnoticed, on the reader's real library."""
    if explicit is not None:
        if not os.fspath(explicit).strip():
            raise ValueError("The library's folder is empty; give a folder.")
        return Path(explicit).expanduser()
    from_environment = os.environ.get(DATA_DIR_VARIABLE, "")
    if from_environment.strip():
        return Path(from_environment).expanduser()
    return Path(appdirs.user_data_dir(APP_NAME, appauthor=False))
