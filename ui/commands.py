"""One small undo command per user intent; each only calls the session's store operations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from reader.store import Annotation, Article, StoreError
from reader.styles import HighlightStyle
from ui.errors import describe

if TYPE_CHECKING:
    from ui.session import ArticleSession


class _StoreCommand(QUndoCommand):
    """A command whose failure (locked or full library…) is reported, not left half-done."""

    def __init__(self, session: ArticleSession, text: str) -> None:
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


class AddAnnotation(_StoreCommand):
    def __init__(self, session: ArticleSession, annotation: Annotation, text: str) -> None:
        super().__init__(session, text)
        self.annotation = annotation

    def _redo(self) -> None:
        self.session.put_annotation(self.annotation)

    def _undo(self) -> None:
        self.session.remove_annotation(self.annotation.id)


class EditAnnotation(_StoreCommand):
    def __init__(
        self, session: ArticleSession, before: Annotation, after: Annotation, text: str
    ) -> None:
        super().__init__(session, text)
        self.before = before
        self.after = after

    def _redo(self) -> None:
        self.session.put_annotation(self.after)

    def _undo(self) -> None:
        self.session.put_annotation(self.before)


class DeleteAnnotation(_StoreCommand):
    def __init__(self, session: ArticleSession, annotation: Annotation, text: str) -> None:
        super().__init__(session, text)
        self.annotation = annotation

    def _redo(self) -> None:
        self.session.remove_annotation(self.annotation.id)

    def _undo(self) -> None:
        self.session.put_annotation(self.annotation)


class SaveStyles(_StoreCommand):
    """Replace the named styles; undo also gives back their style to annotations that lost it."""

    def __init__(
        self,
        session: ArticleSession,
        before: list[HighlightStyle],
        after: list[HighlightStyle],
        text: str,
    ) -> None:
        super().__init__(session, text)
        self.before = before
        self.after = after
        kept = {style.name for style in after}
        self.restyled = {
            annotation.id: annotation.style
            for annotation in session.annotations()
            if annotation.style not in kept
        }

    def _redo(self) -> None:
        self.session.put_styles(self.after)

    def _undo(self) -> None:
        self.session.put_styles(self.before, restore=self.restyled)


class DeleteArticle(_StoreCommand):
    def __init__(self, session: ArticleSession, article_id: int, text: str) -> None:
        super().__init__(session, text)
        self.article_id = article_id
        self.removed: tuple[Article, list[Annotation]] | None = None

    def _redo(self) -> None:
        self.removed = self.session.store.delete_article(self.article_id)
        self.session.library_changed.emit()

    def _undo(self) -> None:
        if self.removed is not None:
            self.session.store.restore_article(*self.removed)
            self.session.library_changed.emit()


class AddCorrection(_StoreCommand):
    """A correction of the analysis (an entity, a speaker): stored, then the article re-analysed."""

    def __init__(
        self,
        session: ArticleSession,
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
        self.correction_id = self.session.store.add_correction(self.scope, self.kind, self.data)
        self.session.start_analysis()

    def _undo(self) -> None:
        if self.correction_id is not None:
            self.session.store.remove_correction(self.correction_id)
            self.correction_id = None
            self.session.start_analysis()
