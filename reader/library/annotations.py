"""Annotations and the styles they are drawn in: each change one transaction, returned so that
a front end can undo it."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader.library.base import LibraryBase
from reader.store import Annotation, Article, Kind
from reader.store.model import clean_tags
from reader.store.store import now_iso, reattached
from reader.styles import DEFAULT_STYLE, HighlightStyle

if TYPE_CHECKING:
    from reader.annotation_import import AnnotationsImported


class Annotations(LibraryBase):
    def annotations(
        self, article_id: int, *, after: Annotation | None = None, limit: int = -1
    ) -> list[Annotation]:
        """An article's annotations in reading order; with ``after``, those that follow
        it; with ``limit``, that many at most."""
        return self.store.annotations(article_id, after=after, limit=limit)

    def all_tags(self) -> list[str]:
        return self.store.all_tags()

    def new_annotation(
        self,
        article: Article,
        start: int,
        end: int,
        *,
        note: str = "",
        tags: Iterable[str] = (),
        style: str = DEFAULT_STYLE,
        kind: Kind = Kind.TEXT,
        ref: str = "",
    ) -> Annotation:
        """An annotation of ``article.text[start:end]``, ready for ``put_annotation`` (not
        stored yet); ``StoreError`` for a passage outside the text."""
        return self.store.new_annotation(
            article, start, end, note=note, tags=tags, style=style, kind=kind, ref=ref
        )

    def add_annotation(
        self,
        article: Article,
        start: int,
        end: int,
        *,
        note: str = "",
        tags: Iterable[str] = (),
        style: str = DEFAULT_STYLE,
        kind: Kind = Kind.TEXT,
        ref: str = "",
    ) -> Annotation:
        """A new annotation of ``article.text[start:end]``, stored; returns it."""
        return self.put_annotation(
            self.new_annotation(
                article, start, end, note=note, tags=tags, style=style, kind=kind, ref=ref
            )
        )

    @staticmethod
    def edited(
        annotation: Annotation,
        *,
        note: str | None = None,
        tags: Iterable[str] | None = None,
        style: str | None = None,
    ) -> Annotation:
        """``annotation`` with what was given changed (tags cleaned as typed), not stored."""
        return annotation.with_changes(
            note=annotation.note if note is None else note,
            tags=annotation.tags if tags is None else clean_tags(tags),
            style=annotation.style if style is None else style,
        )

    @staticmethod
    def reattached(annotation: Annotation, article: Article, start: int, end: int) -> Annotation:
        """``annotation`` moved onto ``article.text[start:end]`` (not stored yet)."""
        return reattached(annotation, article, start, end)

    def put_annotation(self, annotation: Annotation, *, edited: bool = False) -> Annotation:
        """Store ``annotation`` as given (new, or put back by an undo); ``edited`` dates the
        change now. Returns what is stored."""
        if edited:
            annotation = dataclasses.replace(annotation, updated=now_iso())
        self.store.restore_annotation(annotation)
        return annotation

    def delete_annotation(self, annotation_id: str) -> Annotation:
        """Remove an annotation; returns it, for ``put_annotation`` to put it back."""
        return self.store.delete_annotation(annotation_id)

    def restyle(self, styles: dict[str, str]) -> None:
        """Give annotations (by id) these styles back (the undo of a style's removal)."""
        for annotation_id, style in styles.items():
            self.store.update_annotation(annotation_id, style=style)

    def import_annotations(self, path: Path) -> AnnotationsImported:
        """Bring the annotations of a Web Annotation JSON-LD file into the library (see
        ``reader.export.jsonld``), all or nothing, and say what changed so that it can be
        undone."""
        from reader.annotation_import import import_file

        return import_file(self.store, Path(path))

    def undo_import(self, imported: AnnotationsImported) -> None:
        """The library as it was before ``imported``."""
        from reader.annotation_import import undo

        undo(self.store, imported)

    def redo_import(self, imported: AnnotationsImported) -> None:
        """The library as ``imported`` left it, after ``undo_import``."""
        from reader.annotation_import import redo

        redo(self.store, imported)

    def styles(self) -> list[HighlightStyle]:
        return self.store.styles()

    def save_styles(self, styles: Sequence[HighlightStyle]) -> None:
        """Replace the set of styles; annotations in a removed style take the first one."""
        self.store.save_styles(styles)
