"""P8 quotation tracker: adding an article to a library of 10,000 articles and 200,000
quotations, with its quotations grouped, against storing it without.

The library is built once (kept with ``--work-dir``) through the real store and tracker.
Its quotations are French sentences of the corpus with half their longer words drawn anew,
so that they do not repeat by accident; a fifth of them report a « popular » statement again
(a few statements are carried by hundreds of articles, most by a handful), cut, with « […] »,
a word changed or another speaker, as the press does.

Each measured article is added as ``glose import`` adds one: its text stored with its
full-text index (``Library.add``), then analysed by the rules engine, the quickest there is, and
what the analysis found stored (its paragraphs in the analysis cache, its quotation and entity
rows with their indexes), which groups its quotations (``Library.analyse``). The floor is the
same addition without the grouping (the time spent grouping taken out); the ratio is the median
of the additions' ratios. A second row compares, for the record, the database writes alone (the
article's text and its quotation rows) with the same writes followed by the grouping.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from reader.store import Store
from reader.tracker.clustering import track_article
from tests.benchmarks.core import (
    Result,
    Workspace,
    corpus_path,
    corpus_text,
    median,
    skipped,
    summary,
    to_ms,
)

MAX_RATIO = 2.0
MAX_SECONDS = 1.0
"""The issue's bound on grouping one article's quotations."""
QUOTES_PER_ARTICLE = 20


@dataclass(frozen=True)
class Sizes:
    articles: int
    pairs: int
    """Articles measured, each with its floor."""
    popular: int
    """Statements reported again and again across the library."""


FULL = Sizes(10_000, 25, 5_000)
QUICK = Sizes(300, 5, 150)

_SENTENCE = re.compile(r"[^.!?;:«»\"“”\n]{40,240}[.!?]")
SPEAKERS = [
    f"{first} {last}"
    for first in ("Claire", "Marc", "Sophie", "Jean", "Nadia", "Hugo", "Léa", "Karim", "Anne")
    for last in ("Vautrin", "Delorme", "Benali", "Martin", "Roux", "Garnier", "Lemoine", "Faure")
]


class QuoteMaker:
    """Statements built from the corpus, and the ways the press reports them."""

    def __init__(self, text: str) -> None:
        self.sentences = [
            " ".join(found.group().split())
            for found in _SENTENCE.finditer(text)
            if 8 <= len(found.group().split()) <= 40
        ]
        self.words = [w for s in self.sentences for w in s.split() if len(w) > 4]

    def statement(self, rng: random.Random) -> str:
        """A sentence of the corpus with half its longer words drawn anew: new statements,
        with the corpus's vocabulary, that share no long run of words by accident."""
        words = rng.choice(self.sentences).split()
        for index, word in enumerate(words):
            if len(word) > 4 and rng.random() < 0.5:
                words[index] = rng.choice(self.words)
        return " ".join(words)

    def reported(self, statement: str, rng: random.Random) -> str:
        """``statement`` as one more article reports it."""
        words = statement.split()
        choice = rng.random()
        if choice < 0.3 and len(words) > 10:
            start = rng.randrange(0, len(words) // 4)
            end = len(words) - rng.randrange(0, len(words) // 4)
            words = words[start:end]
        elif choice < 0.5 and len(words) > 12:
            middle = len(words) // 2
            words = [*words[: middle - 2], "[…]", *words[middle + 2 :]]
        elif choice < 0.7:
            words[rng.randrange(len(words))] = rng.choice(self.words)
        return "« " + " ".join(words).rstrip(".!?") + " »"


class LibraryMaker:
    def __init__(self, sizes: Sizes, corpus: str, seed: int = 8) -> None:
        self.sizes = sizes
        self.seed = seed
        self.quotes = QuoteMaker(corpus)
        rng = random.Random(seed)
        self.popular = [
            (self.quotes.statement(rng), rng.choice(SPEAKERS)) for _ in range(sizes.popular)
        ]
        # Zipf-like weights: a few statements are everywhere, most are reported a few times.
        self.weights = [1.0 / (rank + 10) for rank in range(len(self.popular))]

    def article(self, number: int) -> tuple[str, str, list[tuple[int, int, str, str, str]]]:
        """Title, text and quotations (as analysis stores them) of article ``number``, the
        same for the same number."""
        rng = random.Random(self.seed * 1_000_003 + number)
        title = f"Article {number} : {self.quotes.statement(rng)[:60]}"
        body = [title, ""]
        quotes: list[tuple[int, int, str, str, str]] = []
        offset = len(title) + 2
        for index in range(QUOTES_PER_ARTICLE):
            if index % 5 == 0:
                statement, speaker = rng.choices(self.popular, self.weights)[0]
                if rng.random() < 0.05:
                    speaker = rng.choice(SPEAKERS)
            else:
                statement, speaker = self.quotes.statement(rng), rng.choice(SPEAKERS)
            quote = self.quotes.reported(statement, rng)
            context = rng.choice(self.quotes.sentences)
            paragraph = f"{context} {quote}, a déclaré {speaker}."
            start = offset + len(context) + 1
            quotes.append((start, start + len(quote), quote, speaker, "a déclaré"))
            body.append(paragraph)
            offset += len(paragraph) + 1
        return title, "\n".join(body), quotes


def _store(
    store: Store, number: int, made: tuple[str, str, list[tuple[int, int, str, str, str]]]
) -> int:
    title, text, quotes = made
    article = store.add_or_update_article(f"bench:p8-{number}", title, text)
    store.replace_analysis(article.id, quotes, [])
    return article.id


def build_library(store: Store, maker: LibraryMaker) -> float:
    """The library of ``maker.sizes.articles`` tracked articles (kept when already built)."""
    have = store.connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    started = time.perf_counter()
    for number in range(have, maker.sizes.articles):
        made = maker.article(number)
        track_article(store, _store(store, number, made))
        if number % 1000 == 999:
            print(f"    P8 library: {number + 1:,} articles", flush=True)
    return time.perf_counter() - started


class Timed:
    """Adds up the time spent in a module's function while it is wrapped."""

    def __init__(self, module: ModuleType | object, name: str) -> None:
        self.module, self.name = module, name
        self.original: Callable[..., Any] = getattr(module, name)
        self.seconds = 0.0

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return self.original(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - started

        setattr(module, name, timed)

    def remove(self) -> None:
        setattr(self.module, self.name, self.original)


def p8_tracker(workspace: Workspace, sizes: Sizes = FULL) -> list[Result]:
    what = f"add an article, library of {sizes.articles:,}"
    corpus = corpus_text()
    if corpus is None:
        return [skipped("P8", what, f"corpus not found at {corpus_path()} (set GLOSE_CORPUS)")]
    from reader.analysis.entities import load_engine
    from reader.library import Library
    from reader.sources import article_from_text
    from reader.tracker import clustering

    maker = LibraryMaker(sizes, corpus)
    engine = load_engine("rules")
    with Store(workspace.data_dir("p8")) as store:
        build_seconds = build_library(store, maker)
        members = store.connection.execute("SELECT COUNT(*) FROM tracker_members").fetchone()[0]
        quotations = store.connection.execute("SELECT COUNT(*) FROM article_quotes").fetchone()[0]
        library = Library(store)
        tracking = Timed(clustering, "track_article")
        writing = Timed(store, "replace_analysis")
        added: list[float] = []
        grouping: list[float] = []
        written: list[float] = []
        measured_ids: list[int] = []
        added_ids: list[int] = []
        try:
            # The same articles at every run, taken away again at its end: a library kept
            # with --work-dir is measured as it was built, not grown by every earlier run
            # (whose articles, reporting the same statements, made its clusters ever larger).
            # The first addition, not counted, brings the library's pages into memory.
            first = sizes.articles
            for number in range(first, first + sizes.pairs + 1):
                _title, text, _quotes = maker.article(number)
                loaded = article_from_text(f"bench:p8-{number}", text)
                tracking.seconds = writing.seconds = 0.0
                started = time.perf_counter()
                article = library.add(loaded)
                added_ids.append(article.id)
                stored_text = time.perf_counter() - started
                library.analyse(loaded.text, loaded.layout, engine, article.id)
                if number == first:
                    continue
                measured_ids.append(article.id)
                added.append(time.perf_counter() - started)
                grouping.append(tracking.seconds)
                written.append(stored_text + writing.seconds)
        finally:
            tracking.remove()
            writing.remove()
        marks = ", ".join("?" * len(measured_ids))
        joined, tracked_quotes = store.connection.execute(
            "SELECT SUM(EXISTS (SELECT 1 FROM tracker_members other"
            " WHERE other.cluster_id = m.cluster_id AND other.article_id != m.article_id)),"
            f" COUNT(*) FROM tracker_members m WHERE m.article_id IN ({marks})",
            measured_ids,
        ).fetchone()
        for article_id in added_ids:
            library.delete_article(article_id)
    floors = [total - group for total, group in zip(added, grouping, strict=True)]
    ratios = [total / floor for total, floor in zip(added, floors, strict=True)]
    write_ratios = [
        (writes + group) / writes for writes, group in zip(written, grouping, strict=True)
    ]
    library_text = f"{sizes.articles:,} articles, {quotations:,} quotations, {members:,} tracked"
    return [
        Result(
            "P8",
            what,
            "ms",
            to_ms(median(added)),
            floor=to_ms(median(floors)),
            max_ratio=MAX_RATIO,
            paired_ratio=median(ratios),
            details={
                "library": library_text,
                "added_and_grouped_ms": summary([to_ms(s) for s in added], 2),
                "added_ms": summary([to_ms(s) for s in floors], 2),
                "ratios": summary(ratios, 3),
                "quotations_per_article": QUOTES_PER_ARTICLE,
                "measured_quotations_tracked": tracked_quotes,
                "measured_quotations_in_a_cluster_with_other_articles": joined,
                "build_s": round(build_seconds, 1),
                "floor": "the article added as glose import adds it (its text stored, analysed"
                " by the rules engine, what was found stored), without grouping",
            },
        ),
        Result(
            "P8",
            "its rows written, then grouped (for the record)",
            "ms",
            to_ms(median([w + g for w, g in zip(written, grouping, strict=True)])),
            floor=to_ms(median(written)),
            paired_ratio=median(write_ratios),
            details={"written_ms": summary([to_ms(s) for s in written], 2)},
        ),
        Result(
            "P8",
            f"group one article's {QUOTES_PER_ARTICLE} quotations",
            "ms",
            to_ms(median(grouping)),
            max_value=to_ms(MAX_SECONDS),
            details={"grouping_ms": summary([to_ms(s) for s in grouping], 2)},
        ),
    ]
