"""Every test runs with a temporary data directory and a temporary HOME: the real library,
settings and caches of the person running the tests are never touched."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.resources import bundled_article_path
from reader.sources import load_bundled
from reader.text import normalise_text

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SOURCE_DATE_EPOCH", "1764000000")

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "home"
    home.mkdir()
    data = tmp_path / "data"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("GLOSE_DATA_DIR", str(data))
    yield data


@pytest.fixture
def data_dir(isolated_environment: Path) -> Path:
    return isolated_environment


@pytest.fixture(scope="session")
def bundled_text() -> str:
    return normalise_text(bundled_article_path().read_text(encoding="utf-8"))


@pytest.fixture
def bundled():  # type: ignore[no-untyped-def]
    return load_bundled()
