"""Python's cyclic garbage collector, held off while the app builds many lasting objects.

A full collection scans every object the collector tracks, and one comes each time their
number grows by a quarter: while an article carrying 100,000 annotations was read and listed,
seven of them held the window 20–120 ms each (measured with ``gc.callbacks``). What is built
meanwhile is meant to last (the annotations held, their highlights and cards) and forms no
cycles, so the collector is held off until it is all in, then what was built is left out of
its later rounds (``gc.freeze``). A cycle that became garbage meanwhile is never freed; none
is known to.
"""

from __future__ import annotations

import gc


class HeldCollection:
    """The collector held off by one owner, and let go by it alone."""

    def __init__(self) -> None:
        self._holding = False

    def hold(self) -> None:
        """Hold the collector off, unless something else already does (the launcher)."""
        if not self._holding and gc.isenabled():
            gc.disable()
            self._holding = True

    def release(self) -> None:
        if self._holding:
            self._holding = False
            collect_again()


def collect_again() -> None:
    """Turn the collector back on if it is off; what exists now is left out of its rounds."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
