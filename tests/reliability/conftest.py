"""Helpers for the reliability tests: damaged libraries, read-only files, dialogs to click,
and the ``soak`` marker (long variants, only run by ``make soak``)."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from reader.store import Store

SOAK_VARIABLE = "GLOSE_SOAK"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "soak: long variants, run by `make soak` (GLOSE_SOAK=1)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get(SOAK_VARIABLE):
        return
    soak = [item for item in items if item.get_closest_marker("soak")]
    if soak:
        config.hook.pytest_deselected(items=soak)
        items[:] = [item for item in items if item not in soak]


TEXT = "Titre\nLe président a parlé. Le président a encore parlé. 🙂 Fin."


def make_library(data_dir: Path, notes: int = 3, padding: int = 0) -> Path:
    """A real library with one article and ``notes`` annotations; returns its file."""
    with Store(data_dir) as store:
        article = store.add_or_update_article("test:a", "Titre", TEXT + " x" * padding)
        for number in range(notes):
            store.add_annotation(article, 6, 18, note=f"note {number} " + "n" * 300)
    return data_dir / "glose.db"


def damaged_pages(database: Path) -> None:
    """The header and schema are sound; pages further in are garbage (found by quick_check)."""
    data = bytearray(database.read_bytes())
    data[4096 * 2 : 4096 * 4] = random.Random(2).randbytes(4096 * 2)
    database.write_bytes(bytes(data))


def set_user_version(database: Path, version: int) -> None:
    """Mark a library as written by another schema version (a newer Glose, an older one)."""
    conn = sqlite3.connect(database)
    try:
        conn.execute(f"PRAGMA user_version = {version:d}")
    finally:
        conn.close()


def notes_in(database: Path) -> list[str]:
    """The notes of every annotation in a library file, sorted."""
    conn = sqlite3.connect(database)
    try:
        return sorted(row[0] for row in conn.execute("SELECT note FROM annotations"))
    finally:
        conn.close()


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """``path`` (file or folder) cannot be written, even by root (immutable attribute)."""
    if os.geteuid() == 0:
        chattr = shutil.which("chattr")
        if chattr is None or subprocess.run([chattr, "+i", str(path)]).returncode != 0:
            pytest.skip("running as root without chattr +i: cannot make a file read-only")
        try:
            yield
        finally:
            subprocess.run([chattr, "-i", str(path)], check=True)
    else:
        mode = path.stat().st_mode
        path.chmod(0o500 if path.is_dir() else 0o400)
        try:
            yield
        finally:
            path.chmod(mode)


@contextmanager
def write_locked(database: Path) -> Iterator[sqlite3.Connection]:
    """Another program holding the library's write lock."""
    conn = sqlite3.connect(database, isolation_level=None, check_same_thread=False)
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.close()
