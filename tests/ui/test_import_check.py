"""PySide6's check of each imported module, answered from the file's bytes."""

from __future__ import annotations

import inspect
import sys

import pytest

import reader.text
import ui.article_view
from ui.import_check import read_sources_directly


def test_the_check_answers_as_before_without_asking_inspect(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read_sources_directly()
    assert not read_sources_directly()  # once is enough
    feature = sys.modules["shibokensupport.feature"]

    def no_inspect(_module: object) -> str:
        raise AssertionError("inspect.getsource was asked")

    monkeypatch.setattr(inspect, "getsource", no_inspect)
    assert feature._mod_uses_pyside(ui.article_view) is True
    assert feature._mod_uses_pyside(reader.text) is False
