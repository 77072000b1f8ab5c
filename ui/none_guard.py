"""A guard against reference-count bugs of PySide6 6.12 on Python 3.11.

With that pair, every call of a Qt method that returns nothing (``QWidget.update()``,
``QTimer.start()``, ``QEventLoop.exec()``, ``QSyntaxHighlighter.setFormat()``…) drops one
reference to ``None``. ``None`` starts with a few thousand references, so after a few thousand
such calls (opening a long text is enough) the interpreter aborts with "none_dealloc:
deallocating None". ``True`` and ``False`` lose references too: after views of long texts,
the interpreter's own shutdown took thousands from them and aborted with "bool_dealloc".
Python 3.12 made all three immortal, which hides the bugs there.

On older Pythons, :func:`make_constants_immortal` does what 3.12 does: it gives ``None``,
``True`` and ``False`` reference counts that no program can use up. Call it once, before the
first Qt call.
"""

from __future__ import annotations

import ctypes
import sys

SURPLUS = 1 << 48
"""References added to each constant: far more than any session can drop."""

_done = False


def needed() -> bool:
    """True on the Pythons where the constants can be deallocated (before 3.12, release
    builds)."""
    return sys.version_info < (3, 12) and not hasattr(sys, "gettotalrefcount")


def make_constants_immortal() -> bool:
    """Give ``None``, ``True`` and ``False`` practically infinite reference counts; True when
    it was needed."""
    global _done
    if _done or not needed():
        return False
    # In a release build of CPython 3.11 an object starts with its Py_ssize_t refcount.
    for constant in (None, True, False):
        ctypes.c_ssize_t.from_address(id(constant)).value += SURPLUS
    _done = True
    return True
