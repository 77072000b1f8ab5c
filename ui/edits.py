"""Every change the reader makes to the library, each one step of the undo stack.

``UndoableEdits`` is the part of the session (``ui.session.ArticleSession``) that turns an
intent into an undo command (``ui.commands``), and holds the library operations those
commands call, each followed by the signal that shows its result.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication

from reader.analysis.entity_fixes import Correction
from reader.analysis.model import Quote, SpeakerFix
from reader.library import ENTITY_CORRECTION, SPEAKER_FIX, Library
from reader.store import Annotation, Article, Kind, StoreError
from reader.styles import DEFAULT_STYLE, HighlightStyle, StyleBook
from ui.commands import (
    AddAnnotation,
    AddCorrection,
    DeleteAnnotation,
    DeleteArticle,
    EditAnnotation,
    ImportAnnotations,
    LibraryCommand,
    SaveStyles,
)
from ui.errors import describe
from ui.tasks import run_task

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QUndoStack

    from reader.annotation_import import AnnotationsImported
    from reader.export.jsonld import ImportReport


class UndoableEdits:
    """Annotate, edit, delete, correct, restyle, import: undoable, reported when they fail."""

    # Provided by the session.
    library: Library
    undo_stack: QUndoStack
    article: Article | None
    styles: StyleBook
    _annotations: dict[str, Annotation]
    annotation_added: SignalInstance
    annotation_changed: SignalInstance
    annotation_removed: SignalInstance
    library_changed: SignalInstance

    def stored_article(self) -> Article | None:
        raise NotImplementedError

    def all_annotations_in(self) -> None:
        raise NotImplementedError

    def annotations(self) -> list[Annotation]:
        raise NotImplementedError

    def report_error(self, text: str) -> None:
        raise NotImplementedError

    def reload(self) -> None:
        raise NotImplementedError

    def start_analysis(self) -> None:
        raise NotImplementedError

    def _pushed(self, command: LibraryCommand) -> bool:
        """Do ``command`` as a step of the undo stack; False when the library refused it (the
        reason is reported)."""
        self.undo_stack.push(command)
        return not command.failed

    # Intents ------------------------------------------------------------------------------

    def annotate(
        self,
        start: int,
        end: int,
        *,
        note: str = "",
        tags: Iterable[str] = (),
        style: str = DEFAULT_STYLE,
        kind: Kind = Kind.TEXT,
        ref: str = "",
    ) -> Annotation | None:
        article = self.stored_article()
        if article is None:
            return None
        self.all_annotations_in()
        try:
            annotation = self.library.new_annotation(
                article, start, end, note=note, tags=tags, style=style, kind=kind, ref=ref
            )
        except StoreError as problem:
            self.report_error(describe(problem))
            return None
        command = AddAnnotation(
            self, annotation, QCoreApplication.translate("ArticleSession", "Annoter")
        )
        return annotation if self._pushed(command) else None

    def edit(
        self,
        annotation_id: str,
        *,
        note: str | None = None,
        tags: Iterable[str] | None = None,
        style: str | None = None,
    ) -> bool:
        self.all_annotations_in()
        before = self._annotations.get(annotation_id)
        if before is None:
            return False
        after = Library.edited(before, note=note, tags=tags, style=style)
        if after == before:
            return True
        command = EditAnnotation(
            self,
            before,
            after,
            QCoreApplication.translate("ArticleSession", "Modifier l’annotation"),
        )
        return self._pushed(command)

    def delete(self, annotation_id: str) -> bool:
        self.all_annotations_in()
        annotation = self._annotations.get(annotation_id)
        if annotation is None:
            return False
        command = DeleteAnnotation(
            self, annotation, QCoreApplication.translate("ArticleSession", "Supprimer l’annotation")
        )
        return self._pushed(command)

    def reattach(self, annotation_id: str, start: int, end: int) -> bool:
        """Attach an orphaned (or any) annotation to a new passage of the open article."""
        self.all_annotations_in()
        before = self._annotations.get(annotation_id)
        article = self.stored_article()
        if before is None or article is None or not 0 <= start < end <= len(article.text):
            return False
        after = Library.reattached(before, article, start, end)
        command = EditAnnotation(
            self,
            before,
            after,
            QCoreApplication.translate("ArticleSession", "Rattacher l’annotation"),
        )
        return self._pushed(command)

    def delete_article(self, article_id: int) -> bool:
        if self.article is not None and self.article.id == article_id:
            self.report_error(
                QCoreApplication.translate(
                    "ArticleSession", "Ouvrez un autre article avant de supprimer celui-ci."
                )
            )
            return False
        command = DeleteArticle(
            self, article_id, QCoreApplication.translate("ArticleSession", "Supprimer l’article")
        )
        return self._pushed(command)

    def fix_speaker(self, quote: Quote, name: str | None) -> bool:
        """Say who said ``quote`` (None: nobody); kept across re-analysis, undoable."""
        article = self.stored_article()
        if article is None:
            return False
        fix = SpeakerFix(quote.start, quote.end, quote.text, name)
        command = AddCorrection(
            self,
            SPEAKER_FIX,
            fix.to_json(),
            article.id,
            QCoreApplication.translate("ArticleSession", "Corriger le locuteur"),
        )
        return self._pushed(command)

    def correct_entities(self, corrections: Sequence[Correction], everywhere: bool = False) -> bool:
        """Apply corrections to this article's entities (or to every article), as one undoable
        step."""
        article = self.stored_article()
        if article is None or not corrections:
            return False
        self.undo_stack.beginMacro(
            QCoreApplication.translate("ArticleSession", "Corriger les entités")
        )
        failed = False
        for correction in corrections:
            command = AddCorrection(
                self,
                ENTITY_CORRECTION,
                correction.to_json(),
                None if everywhere else article.id,
                QCoreApplication.translate("ArticleSession", "Corriger les entités"),
            )
            failed = not self._pushed(command) or failed
        self.undo_stack.endMacro()
        return not failed

    def save_styles(self, styles: list[HighlightStyle]) -> bool:
        before = list(self.styles)
        if styles == before:
            return True
        restyled = {
            annotation.id: annotation.style
            for annotation in self.annotations()
            if annotation.style not in {style.name for style in styles}
        }
        command = SaveStyles(
            self,
            before,
            styles,
            restyled,
            QCoreApplication.translate("ArticleSession", "Modifier les styles"),
        )
        return self._pushed(command)

    def import_annotations(self, path: Path, done: Callable[[ImportReport], None]) -> None:
        """Import a Web Annotation JSON-LD file: read, checked and written on a worker thread
        (a large file held the window meanwhile), then pushed on the undo stack as one step,
        and its report handed to ``done``. A problem is reported, and nothing is imported."""
        library = self.library

        def work() -> AnnotationsImported:
            with library.on_worker() as own:
                return own.import_annotations(path)

        def finished(result: object) -> None:
            imported = cast("AnnotationsImported", result)
            self.undo_stack.push(
                ImportAnnotations(
                    self,
                    imported,
                    QCoreApplication.translate("ArticleSession", "Importer des annotations"),
                )
            )
            done(imported.report)

        def failed(problem: Exception, trace: str) -> None:
            self.report_error(describe(problem))

        run_task(work, finished, failed)

    # Library operations, called by the undo commands ---------------------------------------

    def put_annotation(self, annotation: Annotation) -> None:
        """Save ``annotation`` as given (new, edited, or put back by an undo)."""
        known = annotation.id in self._annotations
        annotation = self.library.put_annotation(annotation, edited=known)
        self._annotations[annotation.id] = annotation
        (self.annotation_changed if known else self.annotation_added).emit(annotation.id)

    def remove_annotation(self, annotation_id: str) -> None:
        self.library.delete_annotation(annotation_id)
        self._annotations.pop(annotation_id, None)
        self.annotation_removed.emit(annotation_id)

    def put_styles(
        self, styles: list[HighlightStyle], restore: dict[str, str] | None = None
    ) -> None:
        """Save the styles; ``restore`` gives annotations back the style they had (undo)."""
        self.library.save_styles(styles)
        self.library.restyle(
            {key: style for key, style in (restore or {}).items() if key in self._annotations}
        )
        self.reload()

    def remove_article(self, article_id: int) -> tuple[Article, list[Annotation]]:
        removed = self.library.delete_article(article_id)
        self.library_changed.emit()
        return removed

    def put_back_article(self, article: Article, annotations: Sequence[Annotation]) -> None:
        self.library.restore_article(article, annotations)
        self.library_changed.emit()

    def add_correction(self, scope: int | None, kind: str, data: dict[str, object]) -> int:
        """Keep a correction, then analyse the article again with it."""
        correction_id = self.library.add_correction(scope, kind, data)
        self.start_analysis()
        return correction_id

    def remove_correction(self, correction_id: int) -> None:
        self.library.remove_correction(correction_id)
        self.start_analysis()

    def take_back_import(self, imported: AnnotationsImported) -> None:
        self.library.undo_import(imported)
        self.reload()

    def import_again(self, imported: AnnotationsImported) -> None:
        self.library.redo_import(imported)
        self.reload()
