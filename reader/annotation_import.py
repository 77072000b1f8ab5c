"""An annotation import that can be undone: what it added, replaced and brought along.

The import itself is ``reader.export.jsonld``'s; this module notes the library's annotations
before it, so that the front end can take the whole import back as one step and do it again.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from reader.export.jsonld import ImportReport, import_annotations_file
from reader.store import Annotation, Article, Store


@dataclasses.dataclass(frozen=True)
class AnnotationsImported:
    """What an import changed, so that it can be undone and done again as one step."""

    report: ImportReport
    added: tuple[Annotation, ...]
    """The annotations the import created, as stored."""
    replaced: tuple[tuple[Annotation, Annotation], ...]
    """(before, after) for each annotation the import changed."""
    articles: tuple[Article, ...]
    """The articles the import brought with its annotations (new to the library)."""

    @property
    def changed_ids(self) -> frozenset[str]:
        return frozenset(
            [a.id for a in self.added] + [after.id for _before, after in self.replaced]
        )


def import_file(store: Store, path: Path) -> AnnotationsImported:
    """``import_annotations_file`` into ``store``, with what it changed."""
    known = {summary.id for summary in store.articles()}
    before = {a.id: a for article_id in known for a in store.annotations(article_id)}
    report = import_annotations_file(store, path)
    added: list[Annotation] = []
    replaced: list[tuple[Annotation, Annotation]] = []
    for article_id in report.articles:
        for annotation in store.annotations(article_id):
            previous = before.get(annotation.id)
            if previous is None:
                added.append(annotation)
            elif previous != annotation:
                replaced.append((previous, annotation))
    articles = [
        article
        for article_id in report.articles
        if article_id not in known and (article := store.article(article_id))
    ]
    return AnnotationsImported(report, tuple(added), tuple(replaced), tuple(articles))


def undo(store: Store, imported: AnnotationsImported) -> None:
    """Put ``store`` back as it was before ``imported``."""
    for article in imported.articles:
        store.delete_article(article.id)  # and its annotations with it
    brought = {article.id for article in imported.articles}
    for annotation in imported.added:
        if annotation.article_id not in brought:
            store.delete_annotation(annotation.id)
    for before, _after in imported.replaced:
        store.restore_annotation(before)


def redo(store: Store, imported: AnnotationsImported) -> None:
    """Put ``store`` back as ``imported`` left it, after ``undo``."""
    brought = {article.id for article in imported.articles}
    for article in imported.articles:
        store.restore_article(article, [a for a in imported.added if a.article_id == article.id])
    for annotation in imported.added:
        if annotation.article_id not in brought:
            store.restore_annotation(annotation)
    for _before, after in imported.replaced:
        store.restore_annotation(after)
