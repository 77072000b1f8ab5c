"""The garbage collector's one owner (``ui.garbage``): held while anyone needs it held."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from tests.qt_support import WindowFactory
from ui import garbage


@pytest.fixture
def collector() -> Iterator[None]:
    assert gc.isenabled()
    yield
    gc.enable()
    gc.unfreeze()


def test_the_collector_runs_again_once_its_last_holder_lets_go(collector: None) -> None:
    reading = object()
    garbage.hold(garbage.START_UP)
    garbage.hold(reading)
    garbage.release(garbage.START_UP)  # painted while the annotations are still read
    assert not gc.isenabled()
    garbage.release(reading)
    assert gc.isenabled() and gc.get_freeze_count() > 0
    garbage.release(reading)  # a second word from the same owner changes nothing
    assert gc.isenabled()


def test_a_collector_turned_off_elsewhere_is_left_to_whoever_did_it(collector: None) -> None:
    gc.disable()
    garbage.hold(garbage.START_UP)
    garbage.release(garbage.START_UP)
    assert not gc.isenabled()


def test_a_closed_window_with_an_undo_history_is_freed_whole(windows: WindowFactory) -> None:
    window = windows.open(wait_for_analysis=False)
    session = window.session
    added = session.annotate(10, 20, note="gardée")
    assert added is not None
    assert session.delete(added.id)
    session.undo_stack.undo()
    assert session.undo_stack.count() == 2
    assert session.article is not None
    article_id = session.article.id
    window.close()
    assert session.undo_stack.count() == 0, "closing the window ends its undo history"
    assert [annotation.note for annotation in session.library.annotations(article_id)] == ["gardée"]
    window.deleteLater()
    del window, session, added
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    # The session, its undo stack and the commands were one cycle: tearing it down whole
    # crashed the interpreter before the window's close ended the history.
    gc.collect()
