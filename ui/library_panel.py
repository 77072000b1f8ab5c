"""The *Bibliothèque* side panel: every article in the library, and one search box over all of
them (article text, quotations, notes and tags)."""

from __future__ import annotations

from enum import Enum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.library import SearchHit
from reader.store import ArticleSummary
from ui.cards import CardRole, Index, redraw_rows, show_as_cards
from ui.theme import Theme

ARTICLE_ID_ROLE = CardRole.ARTICLE_ID


class Listing(Enum):
    """What the panel lists."""

    ARTICLES = "articles"
    RESULTS = "results"
    """What a search found."""
    QUOTES_OF_SPEAKER = "quotes-of-speaker"
    ARTICLES_MENTIONING = "articles-mentioning"


SEARCH_DELAY_MS = 200


def _source_label(source: str) -> str:
    if source.startswith("glose:bundled/"):
        return QCoreApplication.translate("LibraryModel", "Article fourni avec Glose")
    return source


class LibraryModel(QAbstractListModel):
    """Articles, or search hits when a search is running."""

    def __init__(self, theme: Theme) -> None:
        super().__init__()
        self._articles: list[ArticleSummary] = []
        self._hits: list[SearchHit] | None = None
        self._theme = theme
        self.current_article: int | None = None

    def set_articles(self, articles: list[ArticleSummary]) -> None:
        self.beginResetModel()
        self._articles = list(articles)
        self.endResetModel()

    def set_hits(self, hits: list[SearchHit] | None) -> None:
        self.beginResetModel()
        self._hits = hits
        self.endResetModel()

    @property
    def searching(self) -> bool:
        return self._hits is not None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return len(self._hits) if self._hits is not None else len(self._articles)

    def hit_at(self, row: int) -> SearchHit | None:
        return self._hits[row] if self._hits is not None else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if self._hits is not None:
            return self._hit_data(self._hits[index.row()], role)
        article = self._articles[index.row()]
        if role == CardRole.HEADLINE:
            return article.title or self.tr("Sans titre")
        if role == CardRole.BODY:
            return _source_label(article.source)
        if role == CardRole.META:
            return (
                self.tr("%n annotation(s)", "", article.annotation_count)
                + " · "
                + article.updated[:10]
            )
        if role == CardRole.BAR_COLOUR:
            return self._theme.accent if article.id == self.current_article else None
        if role == ARTICLE_ID_ROLE:
            return article.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{article.title} — {article.source}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return article.source
        return None

    def _hit_data(self, hit: SearchHit, role: int) -> Any:
        kinds = {
            "article": self.tr("Article"),
            "annotation": self.tr("Annotation"),
            "quote": self.tr("Citation"),
            "verdict": self.tr("Verdict sur une citation"),
        }
        if role == CardRole.HEADLINE:
            return hit.snippet.replace("\n", " ")
        if role == CardRole.META:
            speaker = f" · {hit.ref}" if hit.kind == "quote" and hit.ref else ""
            return f"{kinds.get(hit.kind, hit.kind)}{speaker} · {hit.title}"
        if role == CardRole.BAR_COLOUR:
            return {"annotation": "#d4a017", "quote": self._theme.quote_text}.get(
                hit.kind, self._theme.accent
            )
        if role == ARTICLE_ID_ROLE:
            return hit.article_id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{kinds.get(hit.kind, hit.kind)}: {hit.snippet} — {hit.title}"
        return None


class LibraryPanel(QWidget):
    open_requested = Signal(int, int, int)
    """(article id, start, end) — start and end are -1 to open at the top."""
    delete_requested = Signal(int)
    search_requested = Signal(str)

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPanel")
        self.model = LibraryModel(theme)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(lambda: self.search_requested.emit(self.search.text()))
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(lambda: self.search_requested.emit(self.search.text()))
        self.view = QListView()
        self.view.setModel(self.model)
        show_as_cards(self.view)
        self.view.activated.connect(self._open)
        self.view.doubleClicked.connect(self._open)
        self.view.clicked.connect(self._clicked)
        self.summary = QLabel()
        self._listed: tuple[Listing, str, int] | None = None
        """What the list shows, for its summary: which listing, of whom, how many rows."""
        self.open_button = QPushButton()
        self.open_button.clicked.connect(lambda: self._open(self.view.currentIndex()))
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self._delete)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.show_all_articles)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        """Word the panel and its cards in the interface language now in use."""
        self.search.setPlaceholderText(self.tr("Rechercher dans toute la bibliothèque"))
        self.search.setAccessibleName(self.tr("Rechercher dans la bibliothèque"))
        self.view.setAccessibleName(self.tr("Articles de la bibliothèque"))
        self.open_button.setText(self.tr("Ouvrir"))
        self.open_button.setAccessibleName(self.tr("Ouvrir l’article choisi"))
        self.delete_button.setText(self.tr("Supprimer…"))
        self.delete_button.setAccessibleName(self.tr("Supprimer l’article choisi"))
        self.back_button.setText(self.tr("Tous les articles"))
        self.back_button.setAccessibleName(self.tr("Revenir à la liste des articles"))
        self._word_summary()
        redraw_rows(self.model)  # their kinds and counts

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def _list(self, listing: Listing, count: int, name: str = "") -> None:
        self._listed = (listing, name, count)
        self._word_summary()

    def _word_summary(self) -> None:
        if self._listed is None:
            return
        listing, name, count = self._listed
        if listing is Listing.ARTICLES:
            text = self.tr("%n article(s)", "", count)
        elif listing is Listing.RESULTS:
            text = self.tr("%n résultat(s)", "", count)
        elif listing is Listing.QUOTES_OF_SPEAKER:
            text = self.tr("Citations de %1 : %2").replace("%1", name).replace("%2", str(count))
        else:
            text = (
                self.tr("Articles qui mentionnent %1 : %2")
                .replace("%1", name)
                .replace("%2", str(count))
            )
        self.summary.setText(text)

    def show_articles(self, articles: list[ArticleSummary], current: int | None) -> None:
        self.model.current_article = current
        self.model.set_articles(articles)
        if not self.model.searching:
            self._list(Listing.ARTICLES, len(articles))
        self._update_buttons()

    def show_hits(self, hits: list[SearchHit] | None) -> None:
        self.model.set_hits(hits)
        if hits is not None:
            self._list(Listing.RESULTS, len(hits))
        self._update_buttons()

    def show_view(self, listing: Listing, name: str, hits: list[SearchHit]) -> None:
        """A list across the library: a speaker's quotations, the articles naming an entity."""
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.model.set_hits(hits)
        self._list(listing, len(hits), name)
        self._update_buttons()
        self.view.setFocus()

    def show_all_articles(self) -> None:
        self.search.clear()
        self.model.set_hits(None)
        self._list(Listing.ARTICLES, self.model.rowCount())
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.delete_button.setVisible(not self.model.searching)
        self.back_button.setVisible(self.model.searching and not self.search.text())

    def _clicked(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if self.model.searching:
            self._open(index)

    def _open(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if not index.isValid():
            return
        hit = self.model.hit_at(index.row())
        article_id = int(index.data(ARTICLE_ID_ROLE))
        if hit is not None and hit.start is not None and hit.end is not None:
            self.open_requested.emit(article_id, hit.start, hit.end)
        else:
            self.open_requested.emit(article_id, -1, -1)

    def _delete(self) -> None:
        index = self.view.currentIndex()
        if index.isValid() and not self.model.searching:
            self.delete_requested.emit(int(index.data(ARTICLE_ID_ROLE)))
