"""The app reaches the library through ``reader.library`` only: it never imports the store's
modules, nor the ``Store`` class (it may use the plain data types of ``reader.store``)."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"


def test_the_app_never_reaches_past_the_library_into_the_store() -> None:
    reached = []
    for path in sorted(UI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names = {alias.name for alias in node.names}
                if node.module.startswith("reader.store.") or (
                    node.module == "reader.store" and "Store" in names
                ):
                    reached.append(f"{path.name}:{node.lineno} from {node.module}")
            elif isinstance(node, ast.Import):
                reached += [
                    f"{path.name}:{node.lineno} import {alias.name}"
                    for alias in node.names
                    if alias.name.startswith("reader.store")
                ]
    assert not reached, "ui/ imports the store past reader.library:\n" + "\n".join(reached)
