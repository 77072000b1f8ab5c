"""A quicker answer to a question PySide6 asks of every module imported after it.

PySide6 (6.4 and later) hooks the import system to find out whether each new module uses
PySide6, so that its ``__feature__`` switches apply to the modules that ask for them. It asks
by reading the module's source through ``inspect.getsource`` (line cache, tokenizer and all):
about 0.1 ms a module, and Glose imports some 250 of them on its way to the first paint. The
same question asked of the file's bytes takes a tenth of that, and answers the same.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_patched: set[Callable[[ModuleType], bool]] = set()


def read_sources_directly() -> bool:
    """Make PySide6's check read module files directly; True when it was changed. Call it
    before importing the app's Qt modules. Nothing changes if PySide6 no longer has the
    check."""
    import shiboken6  # noqa: F401  (loads the signature support that holds the check)

    feature = sys.modules.get("shibokensupport.feature")
    slow: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or slow is None or slow in _patched:
        return False

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return slow(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return slow(module)

    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    _patched.add(uses_pyside)
    return True
