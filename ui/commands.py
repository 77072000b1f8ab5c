"""One small undo command per user intent; each only calls the session's library operations
(``ui.edits``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from reader.store import Annotation, Article, StoreError
from reader.styles import HighlightStyle
from ui.errors import describe

if TYPE_CHECKING:
    from reader.annotation_import import AnnotationsImported
    from ui.edits import UndoableEdits


class LibraryCommand(QUndoCommand):
    """A command whose failure (locked or full library…) is reported, not left half-done."""

    def __init__(self, session: UndoableEdits, text: str) -> None:
        super().__init__(text)
        self.session = session
        self.failed = False

    def _attempt(self, action: str) -> None:
        try:
            getattr(self, action)()
        except StoreError as error:
            self.failed = True
            self.setObsolete(True)
            self.session.report_error(describe(error))

    def redo(self) -> None:
        self._attempt("_redo")

    def undo(self) -> None:
        self._attempt("_undo")

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class AddAnnotation(LibraryCommand):
    def __init__(self, session: UndoableEdits, annotation: Annotation, text: str) -> None:
        super().__init__(session, text)
        self.annotation = annotation

    def _redo(self) -> None:
        self.session.put_annotation(self.annotation)

    def _undo(self) -> None:
        self.session.remove_annotation(self.annotation.id)


class EditAnnotation(LibraryCommand):
    def __init__(
        self, session: UndoableEdits, before: Annotation, after: Annotation, text: str
    ) -> None:
        super().__init__(session, text)
        self.before = before
        self.after = after

    def _redo(self) -> None:
        self.session.put_annotation(self.after)

    def _undo(self) -> None:
        self.session.put_annotation(self.before)


class DeleteAnnotation(LibraryCommand):
    def __init__(self, session: UndoableEdits, annotation: Annotation, text: str) -> None:
        super().__init__(session, text)
        self.annotation = annotation

    def _redo(self) -> None:
        self.session.remove_annotation(self.annotation.id)

    def _undo(self) -> None:
        self.session.put_annotation(self.annotation)


class SaveStyles(LibraryCommand):
    """Replace the named styles; undo also gives back their style to annotations that lost it
    (``restyled``: annotation id → style)."""

    def __init__(
        self,
        session: UndoableEdits,
        before: list[HighlightStyle],
        after: list[HighlightStyle],
        restyled: dict[str, str],
        text: str,
    ) -> None:
        super().__init__(session, text)
        self.before = before
        self.after = after
        self.restyled = restyled

    def _redo(self) -> None:
        self.session.put_styles(self.after)

    def _undo(self) -> None:
        self.session.put_styles(self.before, restore=self.restyled)


class DeleteArticle(LibraryCommand):
    def __init__(self, session: UndoableEdits, article_id: int, text: str) -> None:
        super().__init__(session, text)
        self.article_id = article_id
        self.removed: tuple[Article, list[Annotation]] | None = None

    def _redo(self) -> None:
        self.removed = self.session.remove_article(self.article_id)

    def _undo(self) -> None:
        if self.removed is not None:
            self.session.put_back_article(*self.removed)


class AddCorrection(LibraryCommand):
    """A correction of the analysis (an entity, a speaker): stored, then the article re-analysed."""

    def __init__(
        self,
        session: UndoableEdits,
        kind: str,
        data: dict[str, object],
        scope: int | None,
        text: str,
    ) -> None:
        super().__init__(session, text)
        self.kind = kind
        self.data = data
        self.scope = scope
        self.correction_id: int | None = None

    def _redo(self) -> None:
        self.correction_id = self.session.add_correction(self.scope, self.kind, self.data)

    def _undo(self) -> None:
        if self.correction_id is not None:
            self.session.remove_correction(self.correction_id)
            self.correction_id = None


class ImportAnnotations(LibraryCommand):
    """An import of annotations, made before the command is pushed (its reading, checking and
    writing run off the GUI thread): undo takes all of it back, redo puts it in again."""

    def __init__(self, session: UndoableEdits, imported: AnnotationsImported, text: str) -> None:
        super().__init__(session, text)
        self.imported = imported
        self._done = True

    def _redo(self) -> None:
        if self._done:
            self._done = False  # pushed once made: the first redo shows it
            self.session.reload()
            return
        self.session.import_again(self.imported)

    def _undo(self) -> None:
        self.session.take_back_import(self.imported)
