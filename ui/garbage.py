"""Python's cyclic garbage collector: the one module that turns it off and on again.

A full collection scans every object the collector tracks, and one comes each time their
number grows by a quarter. Twice the app builds many objects meant to last, in a burst:
while it starts (the window, its panels, the first article), and while an article carrying
many annotations is read and listed (the annotations held, their highlights and cards). The
collector ran dozens of times during each burst and held the window each time (measured with
``gc.callbacks``); what was built forms no cycles, so the collector is held off while a burst
lasts, then what was built is left out of its later rounds (``gc.freeze``). A cycle that
became garbage meanwhile is freed only by the collections after it; none is known to.

Whoever needs the collector held says so with ``hold(owner)`` and lets it go with
``release(owner)``: it runs again once nobody holds it. Nothing else in the app calls ``gc``.
This module imports no Qt at load time: the launcher uses it before Qt is loaded.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.article_view import ArticleView

START_UP = "start-up"
"""The owner that holds the collector from the launcher to the window's first paint."""
FIRST_PAINT_DEADLINE_MS = 3000
"""Start-up lets the collector go at the first paint, or this long after the window is built
should nothing be painted (a minimised window)."""

_holders: set[object] = set()


def hold(owner: object) -> None:
    """Hold the collector off until ``owner`` lets it go (and nobody else holds it). A
    collector already turned off by something else (a test, an embedding program) is left
    to it: it is neither held nor turned back on here."""
    if not _holders:
        if not gc.isenabled():
            return
        gc.disable()
    _holders.add(owner)


def release(owner: object) -> None:
    """``owner`` no longer needs the collector held; the last one to let go turns it back
    on, leaving what exists now out of its rounds."""
    if owner not in _holders:
        return
    _holders.discard(owner)
    if not _holders:
        gc.freeze()
        gc.enable()


def release_after_first_paint(view: ArticleView) -> None:
    """Let start-up's hold go once ``view`` has painted its text (or after a deadline)."""
    from PySide6.QtCore import QTimer

    view.text_painted.connect(_start_up_painted)
    QTimer.singleShot(FIRST_PAINT_DEADLINE_MS, _start_up_painted)


def _start_up_painted() -> None:
    release(START_UP)
