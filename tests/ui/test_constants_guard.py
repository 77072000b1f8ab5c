"""The guard against PySide6 6.12's reference-count bugs on Python 3.11 (``ui.none_guard``)."""

from __future__ import annotations

import sys

import pytest

from ui.none_guard import SURPLUS, make_constants_immortal, needed


@pytest.mark.skipif(not needed(), reason="this Python's constants are immortal already")
def test_none_true_and_false_keep_more_references_than_a_session_can_drop() -> None:
    make_constants_immortal()  # done once at start-up; a second call changes nothing
    make_constants_immortal()
    for constant in (None, True, False):
        assert SURPLUS < sys.getrefcount(constant) < 2 * SURPLUS
