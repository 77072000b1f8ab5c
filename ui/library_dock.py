"""The library dock's behaviour: listing and searching the library, the views across it (a
speaker's quotations, the articles naming an entity), opening and deleting its articles."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDockWidget, QMessageBox, QWidget

from reader.library import SearchHit
from reader.store import StoreError
from ui.article_view import ArticleView
from ui.errors import describe
from ui.find_bar import FindBar
from ui.library_panel import LibraryPanel, Listing
from ui.session import ArticleSession


class LibraryDock(QObject):
    message = Signal(str)
    """Something to tell the reader (a library that cannot be read)."""

    def __init__(
        self,
        session: ArticleSession,
        dock: QDockWidget,
        panel: LibraryPanel,
        view: ArticleView,
        find_bar: FindBar,
    ) -> None:
        super().__init__(dock)
        self.session = session
        self.dock = dock
        self.panel = panel
        self.view = view
        self.find_bar = find_bar
        panel.open_requested.connect(self._open)
        panel.delete_requested.connect(self._delete_article)
        panel.search_requested.connect(self._search)
        session.library_changed.connect(self.show_library)
        session.annotation_added.connect(self._annotations_changed)
        session.annotation_removed.connect(self._annotations_changed)
        dock.visibilityChanged.connect(self._shown)

    def _shown(self, visible: bool) -> None:
        if visible:
            self.show_library()

    def _annotations_changed(self, _annotation_id: str) -> None:
        self.show_library()

    def show_library(self) -> None:
        # Articles with their annotation counts: a query worth running only where it is seen;
        # the dock catches up when it is shown.
        if not self.dock.isVisible():
            return
        try:
            articles = self.session.library.articles()
        except StoreError as error:
            self.message.emit(describe(error))
            return
        current = self.session.article.id if self.session.article else None
        self.panel.show_articles(articles, current)
        if self.panel.model.searching:
            self._search(self.panel.search.text())

    def show_quotes_of_speaker(self, speaker: str) -> None:
        self._show_view(
            lambda: self.session.library.quotes_of_speaker(speaker),
            Listing.QUOTES_OF_SPEAKER,
            speaker,
        )

    def show_articles_mentioning(self, canonical: str) -> None:
        self._show_view(
            lambda: self.session.library.articles_mentioning(canonical),
            Listing.ARTICLES_MENTIONING,
            canonical,
        )

    def _show_view(self, hits: Callable[[], list[SearchHit]], listing: Listing, name: str) -> None:
        try:
            found = hits()
        except StoreError as error:
            self.message.emit(describe(error))
            return
        self.dock.show()
        self.dock.raise_()
        self.panel.show_view(listing, name, found)

    def _search(self, query: str) -> None:
        if not query.strip():
            self.panel.show_hits(None)
            return
        try:
            self.panel.show_hits(self.session.library.search(query))
        except StoreError as error:
            self.message.emit(describe(error))

    def _open(self, article_id: int, start: int, end: int) -> None:
        current = self.session.article.id if self.session.article else None
        if article_id != current and not self.session.open_article(article_id):
            return
        if start >= 0:
            self.view.reveal(start, end)
            self.view.select_range(start, end)
        elif self.panel.model.searching:
            self.find_bar.open_bar(self.panel.search.text())

    def _delete_article(self, article_id: int) -> None:
        parent = self.dock.window()
        answer = QMessageBox.question(
            parent if isinstance(parent, QWidget) else None,
            self.tr("Supprimer l’article"),
            self.tr(
                "Supprimer cet article et ses annotations de la bibliothèque ? "
                "Vous pourrez annuler (Ctrl+Z)."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.session.delete_article(article_id)
