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


# What the app may take from the quotation tracker: its records and the word diff. Its
# storage and grouping are reached through ``Library.tracker`` only.
TRACKER_FOR_THE_APP = {"reader.tracker.model", "reader.tracker.diff"}


def test_the_app_reaches_the_quotation_tracker_through_the_library() -> None:
    reached = []
    for path in sorted(UI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                modules = [node.module]
            elif isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            else:
                continue
            reached += [
                f"{path.name}:{node.lineno} {module}"
                for module in modules
                if module.startswith("reader.tracker") and module not in TRACKER_FOR_THE_APP
            ]
    assert not reached, "ui/ reaches the tracker past reader.library:\n" + "\n".join(reached)
