"""The one lookup for what ships with Glose: bundled articles, lexicons, icons, styles.

In a checkout or an editable install the files live in the top-level ``resources/`` folder;
in a wheel or a frozen build they are packaged as ``reader/_resources``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

BUNDLED_ARTICLE = "articles/article-fr.txt"


@cache
def resources_root() -> Path:
    package_dir = Path(__file__).resolve().parent
    for candidate in (package_dir / "_resources", package_dir.parent / "resources"):
        if (candidate / BUNDLED_ARTICLE).is_file():
            return candidate
    raise FileNotFoundError(
        "Glose's resources are missing: reinstall Glose (looked in "
        f"{package_dir / '_resources'} and {package_dir.parent / 'resources'})."
    )


def resource_path(relative: str) -> Path:
    return resources_root() / relative


def bundled_article_path() -> Path:
    return resource_path(BUNDLED_ARTICLE)


@cache
def read_lexicon(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of ``resources/lexicons/<name>``."""
    lines = resource_path(f"lexicons/{name}").read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))
