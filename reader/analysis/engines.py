"""Which entity engine a library's analysis comes from: its name, its version, the cache key
of a paragraph it analysed. Kept apart from the engines themselves (``entities``), so that
opening an article can ask whether it was analysed before without loading any of them."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol

if TYPE_CHECKING:
    from reader.analysis.entity_rules import RawEntity

MODEL_NAME = "fr_core_news_md"
RULES_VERSION = "glose4"
"""Bump when the model's raw output is post-processed differently before caching."""
SPACY_ENGINE = f"spacy/{MODEL_NAME}"
RULES_ENGINE = "rules"


class EngineId(NamedTuple):
    """What tells one engine's results from another's in the analysis cache."""

    name: str
    version: str


class EntityEngine(Protocol):
    name: str
    version: str

    def recognise(self, paragraphs: Sequence[str]) -> list[list[RawEntity]]: ...


def model_version() -> str:
    """The installed model's version, read from its ``meta.json`` as the model package reads
    it itself: asking ``importlib.metadata`` cost time on the way to the first paint."""
    try:
        spec = importlib.util.find_spec(MODEL_NAME)
        if spec is None or spec.origin is None:
            return "unknown"
        meta = json.loads((Path(spec.origin).parent / "meta.json").read_text(encoding="utf-8"))
        return str(meta["version"])
    except (OSError, ValueError, KeyError, TypeError, ImportError):
        return "unknown"


def engine_available() -> bool:
    return (
        importlib.util.find_spec("spacy") is not None
        and importlib.util.find_spec(MODEL_NAME) is not None
    )


def engine_id(prefer: str = "auto") -> EngineId:
    """The engine ``load_engine(prefer)`` gives, without loading it."""
    if prefer != "rules" and engine_available():
        return EngineId(SPACY_ENGINE, f"{model_version()}+{RULES_VERSION}")
    return EngineId(RULES_ENGINE, RULES_VERSION)


def paragraph_cache_key(paragraph: str, engine: EntityEngine | EngineId) -> str:
    digest = hashlib.sha256(paragraph.encode("utf-8")).hexdigest()
    return f"entities:{engine.name}:{engine.version}:{digest}"
