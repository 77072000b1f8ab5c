"""``make evaluate``: Glose's analysis and the raw French model on the evaluation sets, in one
table. ``--smoke`` runs a slice of every set in seconds (the test suite runs it)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.analysis.engines import paragraph_cache_key
from reader.analysis.entities import MemoryCache, load_engine
from reader.analysis.entity_rules import RawEntity
from reader.analysis.model import Label, QuoteKind
from reader.analysis.pipeline import analyse
from reader.sources import article_from_text
from tests.evaluation.corpora import (
    Document,
    EvaluationSet,
    GoldEntity,
    GoldSpeaker,
    every_set,
)
from tests.evaluation.metrics import LABELS, Counts, entity_counts, match_quotes, same_speaker

SURE = 0.8


@dataclass(slots=True)
class EntityScores:
    exact: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in LABELS})
    overlap: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in LABELS})

    def add(self, exact: dict[str, Counts], overlap: dict[str, Counts]) -> None:
        for label in LABELS:
            self.exact[label].add(exact[label])
            self.overlap[label].add(overlap[label])

    def all(self, overlap: bool) -> Counts:
        total = Counts()
        for counts in (self.overlap if overlap else self.exact).values():
            total.add(counts)
        return total


@dataclass(slots=True)
class QuoteScores:
    quotes: Counts = field(default_factory=Counts)
    attributed: int = 0
    """Annotated quotations with a speaker."""
    right: int = 0
    baseline: int = 0
    sure: int = 0
    sure_right: int = 0
    wrong: list[str] = field(default_factory=list)


def run_entities(
    documents: Sequence[Document], engine_name: str
) -> tuple[EntityScores, EntityScores]:
    """(Glose, raw model) scores over the documents."""
    engine = load_engine(engine_name)
    cache = MemoryCache()
    glose, raw = EntityScores(), EntityScores()
    for document in documents:
        article = article_from_text(document.id, document.text)
        analysis = analyse(article.text, article.layout, engine, cache=cache)
        found = [GoldEntity(e.start, e.end, str(e.label)) for e in analysis.entities]
        gold = document.entities or []
        glose.add(entity_counts(found, gold, False), entity_counts(found, gold, True))
        model: list[GoldEntity] = []
        for paragraph in article.layout.paragraphs:
            if not paragraph.analysed:
                continue
            stored = (
                cache.get(
                    paragraph_cache_key(article.text[paragraph.start : paragraph.end], engine)
                )
                or []
            )
            for item in stored:
                entity = RawEntity.from_json(item)
                model.append(
                    GoldEntity(
                        paragraph.start + entity.start, paragraph.start + entity.end, entity.label
                    )
                )
        raw.add(entity_counts(model, gold, False), entity_counts(model, gold, True))
    return glose, raw


def run_quotes(documents: Sequence[Document], engine_name: str, show_errors: bool) -> QuoteScores:
    engine = load_engine(engine_name)
    scores = QuoteScores()
    for document in documents:
        article = article_from_text(document.id, document.text)
        text = article.text
        analysis = analyse(text, article.layout, engine)
        every = [q for q in analysis.quotes if q.kind is QuoteKind.SPEECH]
        gold = document.quotes or []
        matched = match_quotes([(q.start, q.end) for q in every], gold)
        # A nested quotation is one the annotators may mark (« On disait : « Vous savez… » »
        # inside a story told); when they did not, it is part of the quotation around it,
        # not a quotation too many.
        speech = [q for i, q in enumerate(every) if q.parent is None or i in matched.values()]
        matched = match_quotes([(q.start, q.end) for q in speech], gold)
        scores.quotes.add(Counts(len(speech), len(gold), len(matched)))
        people = [e for e in analysis.entities if e.label is Label.PER]
        for gold_index, quote in enumerate(gold):
            if quote.speaker is None:
                continue
            scores.attributed += 1
            nearest = _nearest_name(
                text, article.layout.analysed_ranges(), quote.start, quote.end, people, gold
            )
            if _right(text, nearest, quote.speaker):
                scores.baseline += 1
            if gold_index not in matched:
                if show_errors:
                    scores.wrong.append(f"  missed {text[quote.start : quote.end][:70]!r}")
                continue
            found = speech[matched[gold_index]]
            speaker = found.speaker
            right = _right(
                text,
                (speaker.name, (speaker.start, speaker.end)) if speaker else None,
                quote.speaker,
            )
            scores.right += right
            if speaker is not None and found.confidence >= SURE:
                scores.sure += 1
                scores.sure_right += right
            if show_errors and not right:
                expected = quote.speaker.names[:1] or [
                    text[s:e] for s, e in quote.speaker.spans[:1]
                ]
                scores.wrong.append(
                    f"  {document.id}: {_context(text, found.start, found.end)}\n"
                    f"      → {speaker.name if speaker else None} ({found.confidence},"
                    f" {speaker.kind if speaker else '-'}) expected {expected or 'nobody'}"
                )
        if show_errors:
            taken = set(matched.values())
            scores.wrong += [
                f"  extra {document.id}: {_context(text, q.start, q.end)}"
                for index, q in enumerate(speech)
                if index not in taken
            ]
    return scores


def _context(text: str, start: int, end: int) -> str:
    """A quotation on one line with the words before and after it, shortened."""
    quoted = text[start:end]
    if len(quoted) > 70:
        quoted = quoted[:40] + " … " + quoted[-25:]
    before = text[max(0, start - 110) : start].rpartition("\n")[2]
    after = text[end : end + 50].partition("\n")[0]
    return f"{before}[{quoted}]{after}".replace("\n", " ⏎ ")


def _right(text: str, found: tuple[str, tuple[int, int]] | None, gold: GoldSpeaker) -> bool:
    """Is a speaker (name, mention) the annotated one? Where the text does not say who
    speaks, the only right answer is nobody."""
    if gold.kind == "unknown":
        return found is None
    return found is not None and same_speaker(text, found[0], found[1], gold)


def _nearest_name(
    text: str,
    paragraphs: Sequence[tuple[int, int]],
    start: int,
    end: int,
    people: Sequence[object],
    gold: Sequence[object],
) -> tuple[str, tuple[int, int]] | None:
    """The baseline: the person name nearest the quotation in its paragraph, outside it and
    outside every other quotation."""
    paragraph = next(((s, e) for s, e in paragraphs if s <= start < e), None)
    if paragraph is None:
        return None
    quoted = [(q.start, q.end) for q in gold]  # type: ignore[attr-defined]
    best: tuple[int, str, tuple[int, int]] | None = None
    for entity in people:
        s, e = entity.start, entity.end  # type: ignore[attr-defined]
        if s < paragraph[0] or e > paragraph[1] or any(a <= s < b for a, b in quoted):
            continue
        distance = start - e if e <= start else s - end
        if distance < 0:
            continue
        if best is None or distance < best[0]:
            best = (distance, entity.canonical, (s, e))  # type: ignore[attr-defined]
    return (best[1], best[2]) if best else None


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _prf(counts: Counts) -> str:
    return f"{counts.precision:.2f} / {counts.recall:.2f} / {counts.f1:.2f}"


def entity_table(name: str, glose: EntityScores, raw: EntityScores) -> list[str]:
    lines = []
    for who, scores in (("Glose", glose), ("spaCy seul", raw)):
        cells = [name, who]
        cells += [_prf(scores.exact[label]) for label in LABELS]
        cells += [_prf(scores.all(False)), _prf(scores.all(True))]
        lines.append(_row(cells))
    return lines


def quote_table(name: str, scores: QuoteScores) -> str:
    attributed = max(scores.attributed, 1)
    return _row(
        [
            name,
            _prf(scores.quotes),
            f"{scores.right}/{scores.attributed} ({scores.right / attributed:.2f})",
            f"{scores.baseline}/{scores.attributed} ({scores.baseline / attributed:.2f})",
            f"{scores.sure_right}/{scores.sure}",
        ]
    )


def select(evaluation: EvaluationSet, split: str, smoke: bool) -> list[Document]:
    documents = [d for d in evaluation.documents if split == "all" or d.split == split]
    if smoke:
        documents = documents[:1]
        for document in documents:
            first = document.quotes[0].start if document.quotes else 0
            document.text, cut = _first_paragraphs(document.text, first + 3000)
            if document.entities is not None:
                document.entities = [e for e in document.entities if e.end <= cut]
            if document.quotes is not None:
                document.quotes = [q for q in document.quotes if q.end <= cut]
    return documents


def _first_paragraphs(text: str, size: int) -> tuple[str, int]:
    cut = text.find("\n", size)
    cut = len(text) if cut == -1 else cut
    return text[:cut], cut


def evaluate(
    split: str = "all", smoke: bool = False, engine: str = "auto", errors: bool = False
) -> str:
    entity_lines = [
        _row(
            [
                "Ensemble",
                "Analyse",
                "PER P/R/F1",
                "LOC P/R/F1",
                "ORG P/R/F1",
                "Tout (exact)",
                "Tout (chevauchement)",
            ]
        ),
        _row(["---"] * 7),
    ]
    quote_lines = [
        _row(
            [
                "Ensemble",
                "Citations P/R/F1",
                "Locuteur juste",
                "Nom le plus proche",
                "Confiance ≥ 0.8 juste",
            ]
        ),
        _row(["---"] * 5),
    ]
    details: list[str] = []
    for evaluation in every_set():
        documents = select(evaluation, split, smoke)
        if not documents:
            continue
        if evaluation.kind == "entities":
            glose, raw = run_entities(documents, engine)
            entity_lines += entity_table(evaluation.name, glose, raw)
        else:
            scores = run_quotes(documents, engine, errors)
            quote_lines.append(quote_table(evaluation.name, scores))
            if errors and scores.wrong:
                details += [evaluation.name, *scores.wrong]
    return "\n".join(entity_lines + [""] + quote_lines + (["", *details] if details else []))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.evaluation", description=__doc__)
    parser.add_argument("--split", choices=("tune", "heldout", "fresh", "all"), default="all")
    parser.add_argument("--smoke", action="store_true", help="a slice of each set, in seconds")
    parser.add_argument("--engine", choices=("auto", "rules"), default="auto")
    parser.add_argument("--errors", action="store_true", help="list the wrong speakers")
    args = parser.parse_args(argv)
    sys.stdout.write(evaluate(args.split, args.smoke, args.engine, args.errors) + "\n")
    return 0
