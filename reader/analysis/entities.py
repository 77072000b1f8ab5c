"""Named entities: the spaCy French model (or rules when it is not installed), cleaned,
dated, grouped under canonical names, cached per paragraph, with the reader's corrections.

Known mistakes of ``fr_core_news_md`` on news that the cleaning fixes (measured on the bundled
article): « SENS+ » as LOC, « Laisser » (page furniture) as PER, « Washington » as PER,
demonyms (« Américain », « Russe », « Européens ») as LOC, « BTC-e. » swallowing its full stop,
« Kremlin » and « Maison Blanche » as LOC, « Défense » alone, elided articles (« l’OTAN »).
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Protocol

from reader.analysis.engines import (
    MODEL_NAME,
    RULES_ENGINE,
    RULES_VERSION,
    SPACY_ENGINE,
    EntityEngine,
    engine_available,
    model_version,
    paragraph_cache_key,
)
from reader.analysis.entity_fixes import Correction, apply_corrections
from reader.analysis.entity_grouping import canonical_names, spreadable_alias
from reader.analysis.entity_rules import (
    RawEntity,
    clean,
    common_words,
    drop_overlaps,
    find_dates,
    is_first_name,
    is_organisation,
    is_place,
    recognise_by_rules,
)
from reader.analysis.model import Entity, Label
from reader.analysis.pipeline import AnalysisFailed
from reader.text import Layout, Paragraph, cut_into_pieces

EXCLUDED_COMPONENTS = ["parser", "lemmatizer", "morphologizer", "attribute_ruler", "senter"]
BATCH_SIZE = 64
PIECE_CHARS = 100_000
"""The longest text the engine is given: a tenth of what spaCy accepts (its E088 limit)."""
BATCH_CHARS = 100_000
"""The most characters in one batch of paragraphs, unless one paragraph is longer."""


class ParagraphCache(Protocol):
    def get(self, key: str) -> list[Any] | None: ...

    def put(self, key: str, value: list[Any]) -> None: ...


class MemoryCache:
    def __init__(self) -> None:
        self.values: dict[str, list[Any]] = {}

    def get(self, key: str) -> list[Any] | None:
        return self.values.get(key)

    def put(self, key: str, value: list[Any]) -> None:
        self.values[key] = value


def for_model(paragraph: str) -> str:
    """The text the model sees: typographic apostrophes made plain, one character for one,
    so offsets do not move (the model splits « l’Ukraine » only with a plain apostrophe)."""
    return paragraph.replace("’", "'").replace("ʼ", "'")


class SpacyEngine:
    """spaCy's French pipeline, NER only, loaded on first use (seconds, hundreds of MiB)."""

    name = SPACY_ENGINE

    def __init__(self) -> None:
        self._nlp: Any = None
        self._lock = threading.Lock()
        self.version = f"{model_version()}+{RULES_VERSION}"

    def load(self) -> Any:
        with self._lock:
            if self._nlp is None:
                import spacy

                self._nlp = spacy.load(MODEL_NAME, exclude=EXCLUDED_COMPONENTS)
            return self._nlp

    def recognise(self, paragraphs: Sequence[str]) -> list[list[RawEntity]]:
        nlp = self.load()
        texts = [for_model(paragraph) for paragraph in paragraphs]
        return [
            [RawEntity(e.start_char, e.end_char, e.label_) for e in doc.ents]
            for doc in nlp.pipe(texts, batch_size=BATCH_SIZE)
        ]


class RulesEngine:
    """Capitalised sequences typed by lexicons: what Glose does without the model."""

    name = RULES_ENGINE
    version = RULES_VERSION

    def recognise(self, paragraphs: Sequence[str]) -> list[list[RawEntity]]:
        return [recognise_by_rules(paragraph) for paragraph in paragraphs]


def load_engine(prefer: str = "auto") -> EntityEngine:
    """The spaCy engine when ``prefer`` is "auto" and the model is installed, else rules."""
    if prefer != "rules" and engine_available():
        return SpacyEngine()
    return RulesEngine()


def find_entities(
    text: str,
    layout: Layout,
    engine: EntityEngine,
    corrections: Sequence[Correction] = (),
    cache: ParagraphCache | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Entity]:
    """Every entity of the analysed paragraphs, in text order, with absolute offsets.

    A paragraph longer than ``PIECE_CHARS`` is analysed in pieces cut between sentences (or
    words): spaCy refuses a text over a million characters, its memory grows with a text's
    length, and the cleaning rules compare every entity of a text with every other. What the
    engine finds is cached for the whole paragraph, as for any other.
    """
    paragraphs = [p for p in layout.paragraphs if p.analysed]
    texts = [text[p.start : p.end] for p in paragraphs]
    spans = [cut_into_pieces(paragraph_text, PIECE_CHARS) for paragraph_text in texts]
    raw: list[list[RawEntity] | None] = [None] * len(texts)
    if cache is not None:
        for index, paragraph_text in enumerate(texts):
            stored = cache.get(paragraph_cache_key(paragraph_text, engine))
            if stored is not None:
                raw[index] = _cached(stored, len(paragraph_text))
    missing = [index for index, found in enumerate(raw) if found is None]
    total = len(texts)
    done = total - len(missing)
    if progress is not None:
        progress(done, total)
    collected: dict[int, list[RawEntity]] = {index: [] for index in missing}
    pieces_left = {index: len(spans[index]) for index in missing}
    jobs = [(index, start, end) for index in missing for start, end in spans[index]]
    for batch in _batches(jobs):
        results = _recognise(engine, [texts[index][start:end] for index, start, end in batch])
        for (index, start, _), found in zip(batch, results, strict=True):
            collected[index] += [RawEntity(e.start + start, e.end + start, e.label) for e in found]
            pieces_left[index] -= 1
            if pieces_left[index]:
                continue
            raw[index] = entities = collected.pop(index)
            done += 1
            if cache is not None:
                cache.put(
                    paragraph_cache_key(texts[index], engine), [e.to_json() for e in entities]
                )
        if progress is not None:
            progress(done, total)

    located: list[tuple[int, int, str]] = []
    for paragraph, paragraph_text, pieces, model_output in zip(
        paragraphs, texts, spans, raw, strict=True
    ):
        for (start, end), found in zip(pieces, _by_piece(model_output or [], pieces), strict=True):
            piece = paragraph_text[start:end]
            names_found = clean(piece, found)
            dates = [d for d in find_dates(piece) if not _inside_name(d, names_found)]
            offset = paragraph.start + start
            for entity in drop_overlaps(names_found + dates):
                located.append((offset + entity.start, offset + entity.end, entity.label))
    located = _without_common_nouns(text, _with_surnames(text, paragraphs, located))
    located = _people_not_misc(text, located)
    names = canonical_names([(text[s:e], label) for s, e, label in located])
    result = [
        Entity(
            s,
            e,
            text[s:e],
            Label(label),
            name,
            "rules" if label == Label.DATE or engine.name == "rules" else "model",
        )
        for (s, e, label), name in zip(located, names, strict=True)
    ]
    return apply_corrections(text, layout, result, corrections)


def _batches(jobs: Sequence[tuple[int, int, int]]) -> Iterator[list[tuple[int, int, int]]]:
    """The (paragraph, start, end) pieces in batches for the engine: ``BATCH_SIZE`` at most,
    and ``BATCH_CHARS`` characters at most unless one piece is longer, so that the pieces of a
    long paragraph do not all go to the model at once."""
    batch: list[tuple[int, int, int]] = []
    chars = 0
    for job in jobs:
        length = job[2] - job[1]
        if batch and (len(batch) >= BATCH_SIZE or chars + length > BATCH_CHARS):
            yield batch
            batch, chars = [], 0
        batch.append(job)
        chars += length
    if batch:
        yield batch


def _by_piece(
    entities: Sequence[RawEntity], pieces: Sequence[tuple[int, int]]
) -> list[list[RawEntity]]:
    """A paragraph's entities, each with the piece it lies in, relative to that piece. One
    across a cut (only where a run without spaces was cut, or cached before cuts) is dropped:
    it cannot be a name."""
    if len(pieces) == 1:
        return [list(entities)]
    ends = [end for _, end in pieces]
    found: list[list[RawEntity]] = [[] for _ in pieces]
    for entity in entities:
        index = bisect_right(ends, entity.start)
        start, end = pieces[index]
        if entity.end <= end:
            found[index].append(RawEntity(entity.start - start, entity.end - start, entity.label))
    return found


def _recognise(engine: EntityEngine, texts: list[str]) -> list[list[RawEntity]]:
    """What the engine finds in ``texts``; ``AnalysisFailed`` when it cannot (its model
    missing or damaged, a text it refuses, memory running out), worded for a reader."""
    try:
        return engine.recognise(texts)
    except MemoryError as error:
        raise AnalysisFailed(
            f"The analysis stopped: not enough memory for the entity engine ({engine.name})."
        ) from error
    except Exception as error:  # a third-party model: any failure of it is reported as one
        reason = " ".join(str(error).split())[:300] or type(error).__name__
        raise AnalysisFailed(
            f"The analysis stopped in the entity engine ({engine.name}): {reason}"
        ) from error


def _cached(stored: list[Any], length: int) -> list[RawEntity] | None:
    """The entities a paragraph's cache entry holds, or None (analysed again) when the entry
    is not what Glose writes there: a library edited by hand or damaged must not stop the
    analysis, nor place an entity outside its paragraph."""
    try:
        found = [RawEntity.from_json(item) for item in stored]
    except (KeyError, IndexError, TypeError, ValueError):
        return None
    if all(0 <= e.start < e.end <= length and e.label in Label.__members__ for e in found):
        return found
    return None


def _with_surnames(
    text: str, paragraphs: Sequence[Paragraph], located: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """A person's surname alone is a mention of them wherever it appears (« Trump a dit »),
    even at the start of a sentence, where capitalisation says nothing. Only a true surname
    spreads: one model span « Frédéric-Henri Lequin de » must not make every « de » a person."""
    surnames = {
        words[-1]
        for s, e, label in located
        if label == Label.PER
        and len(words := text[s:e].split()) > 1
        and spreadable_alias(words[-1])
    }
    if not surnames:
        return sorted(located)
    # One pattern for every surname, longest first, and overlaps checked by bisection:
    # a book names hundreds of people, and each check against every entity found grows badly.
    names = "|".join(re.escape(name) for name in sorted(surnames, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w’'-])(?:{names})(?![\w-])")
    taken = sorted((s, e) for s, e, _ in located)
    starts = [s for s, _ in taken]
    added = list(located)
    for paragraph in paragraphs:
        for match in pattern.finditer(text, paragraph.start, paragraph.end):
            start, end = match.start(), match.end()
            index = bisect_left(starts, end)
            # The located spans never overlap, so their ends are in order too: only the last
            # one starting before this match's end can reach into it.
            if index and taken[index - 1][1] > start:
                continue
            added.append((start, end, str(Label.PER)))
    return sorted(added)


def _people_not_misc(text: str, located: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A name the model calls a person once and « other » elsewhere (« l'abbé Sérapion »,
    then « Sérapion, à cette vue, » as MISC) is that person throughout: one text, one sense
    per name, and MISC is the label the model gives a name it is least sure of."""
    people = {text[s:e] for s, e, label in located if label == Label.PER}
    return [
        (s, e, str(Label.PER) if label == Label.MISC and text[s:e] in people else label)
        for s, e, label in located
    ]


def _without_common_nouns(
    text: str, located: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Single capitalised words that the text also writes in lower case are common nouns the
    model took for names at a sentence's start, unless a lexicon knows them as names."""
    lower = common_words(text)
    kept = []
    for start, end, label in located:
        word = text[start:end]
        if (
            label != Label.DATE
            and " " not in word
            and word.lower() in lower
            and not (is_place(word) or is_organisation(word) or is_first_name(word))
        ):
            continue
        kept.append((start, end, label))
    return kept


def _inside_name(date: RawEntity, names: Sequence[RawEntity]) -> bool:
    return any(date.start < n.end and n.start < date.end for n in names)
