"""The garbage collector's one owner (``ui.garbage``): held while anyone needs it held."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

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
