"""The import rules of docs/ARCHITECTURE.md: data flows one way, and the app reaches the
library through its one door."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Each core package's layer: a module may import its own layer and those before it.
LAYERS = {
    "reader": 0,
    "reader.text": 0,
    "reader.folding": 0,
    "reader.resources": 0,
    "reader.styles": 0,
    "reader.anchoring": 0,
    "reader.search": 0,
    "reader.sources": 1,
    "reader.web": 1,
    "reader.download": 1,
    "reader.analysis": 2,
    "reader.store": 3,
    "reader.tracker": 4,
    "reader.export": 5,
    "reader.annotation_import": 5,
    "reader.library": 6,
    "reader.cli": 7,
    "reader.__main__": 7,
}

# The data types of the store a front end may hold; everything else of it is behind the door.
STORE_TYPES = {
    "Annotation",
    "Article",
    "ArticleSummary",
    "Kind",
    "Status",
    "StoreError",
    "CorruptLibraryError",
    "LockedLibraryError",
    "NewerLibraryError",
    "NotFoundError",
    "ReadOnlyLibraryError",
    "data_dir",
    "Cluster",
    "Variant",
    "Verdict",
    "VerdictRecord",
}

# What the app may take from the quotation tracker besides ``Library.tracker``: the word diff.
TRACKER_FOR_THE_APP = {"reader.tracker.diff"}


def imports(path: Path) -> Iterator[tuple[int, str, set[str]]]:
    """(line, module, names) of each import of ``path``, lazy ones included."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module, {alias.name for alias in node.names}
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, set()


def package_of(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2]) if parts[0] == "reader" and len(parts) > 1 else parts[0]


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_the_core_never_imports_the_app_and_flows_one_way() -> None:
    wrong = []
    for path in sorted((REPO / "reader").rglob("*.py")):
        own = package_of(module_name(path))
        for line, module, _names in imports(path):
            if module == "ui" or module.startswith("ui."):
                wrong.append(f"{path.relative_to(REPO)}:{line} imports {module} (the app)")
                continue
            if not module.startswith("reader"):
                continue
            theirs = package_of(module)
            if LAYERS[theirs] > LAYERS[own]:
                wrong.append(f"{path.relative_to(REPO)}:{line} imports {module}, a later layer")
    assert not wrong, "\n".join(wrong)


def test_every_core_package_has_a_layer() -> None:
    packages = {package_of(module_name(path)) for path in (REPO / "reader").rglob("*.py")}
    assert packages <= set(LAYERS), packages - set(LAYERS)


def test_the_app_reaches_the_library_only_through_its_door() -> None:
    wrong = []
    for path in sorted((REPO / "ui").rglob("*.py")):
        for line, module, names in imports(path):
            where = f"{path.relative_to(REPO)}:{line}"
            if module.startswith("reader.store."):
                wrong.append(f"{where} imports {module}")
            elif module == "reader.store" and names - STORE_TYPES:
                wrong.append(f"{where} imports {sorted(names - STORE_TYPES)} from reader.store")
            elif module.startswith("reader.tracker") and module not in TRACKER_FOR_THE_APP:
                wrong.append(f"{where} imports {module} (the tracker is Library.tracker)")
    assert not wrong, "ui/ reaches past reader.library:\n" + "\n".join(wrong)
