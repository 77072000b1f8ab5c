"""P7 analysis throughput: Glose's whole analysis of the corpus against spaCy's own
``nlp.pipe`` over the same paragraphs with the same components (the model loaded once, and
not timed, for both)."""

from __future__ import annotations

import time

from reader.analysis.engines import engine_available
from reader.analysis.entities import BATCH_SIZE, SpacyEngine
from reader.library import Library
from reader.sources import article_from_text
from reader.store import Store
from tests.benchmarks.core import Result, Workspace, corpus_path, corpus_text, skipped, summary

P7_MAX_RATIO = 1.2
QUICK_CHARS = 60_000
WARM_UP_PARAGRAPHS = 200
PASSES = 2
"""Alternating passes (spaCy, Glose, spaCy, Glose); the best of each is kept."""


def p7_throughput(
    workspace: Workspace, quick: bool = False, characters: int | None = None
) -> list[Result]:
    limit = characters or (QUICK_CHARS if quick else None)
    what = "analysis of the corpus" if limit is None else f"analysis of {limit:,} characters"
    text = corpus_text(limit)
    if text is None:
        return [skipped("P7", what, f"corpus not found at {corpus_path()} (set GLOSE_CORPUS)")]
    if not engine_available():
        return [skipped("P7", what, "spaCy or fr_core_news_md is not installed")]
    loaded = article_from_text("bench:p7", text)
    paragraphs = [loaded.text[p.start : p.end] for p in loaded.layout.paragraphs if p.analysed]
    engine = SpacyEngine()
    started = time.perf_counter()
    nlp = engine.load()
    load_seconds = time.perf_counter() - started
    for _doc in nlp.pipe(paragraphs[:WARM_UP_PARAGRAPHS], batch_size=BATCH_SIZE):
        pass

    floors: list[float] = []
    measured: list[float] = []
    analysis = None
    for number in range(1 if quick else PASSES):
        started = time.perf_counter()
        for _doc in nlp.pipe(paragraphs, batch_size=BATCH_SIZE):
            pass
        floors.append(time.perf_counter() - started)
        with Store(workspace.data_dir(f"p7-{number}")) as store:
            library = Library(store)
            article = library.add(loaded)
            started = time.perf_counter()
            analysis = library.analyse(loaded.text, loaded.layout, engine, article.id)
            measured.append(time.perf_counter() - started)
            started = time.perf_counter()
            library.analyse(loaded.text, loaded.layout, engine, article.id)
            cached = time.perf_counter() - started
    assert analysis is not None
    return [
        Result(
            "P7",
            what,
            "s",
            min(measured),
            floor=min(floors),
            max_ratio=P7_MAX_RATIO,
            details={
                "characters": len(text),
                "paragraphs": len(paragraphs),
                "entities": len(analysis.entities),
                "quotes": len(analysis.quotes),
                "model_load_s": round(load_seconds, 2),
                "glose_s": summary(measured),
                "spacy_pipe_s": summary(floors),
                "again_from_cache_s": round(cached, 3),
                "components": list(nlp.pipe_names),
                "floor": "nlp.pipe over the same paragraphs, same components",
            },
        )
    ]
