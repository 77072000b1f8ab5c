"""The *Annotations* side panel: every annotation of the article, searchable, in reading order."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.store import Annotation, Kind, Status
from reader.styles import StyleBook
from reader.text import markdown_preview
from ui import i18n
from ui.cards import CARDS_AT_A_TIME, CardRole, CardRows, Index, show_as_cards, show_row
from ui.theme import Theme


class _Role(IntEnum):
    STATUS = CardRole.ARTICLE_ID + 1
    TAGS = CardRole.ARTICLE_ID + 2
    STYLE = CardRole.ARTICLE_ID + 3
    KIND = CardRole.ARTICLE_ID + 4


class _AnnotationFilter(QSortFilterProxyModel):
    """The search text (any displayed word) and the tag, style, kind and status filters."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._wanted: dict[int, str] = {}

    def set_filter(self, role: int, value: str) -> None:
        self.beginFilterChange()
        if value:
            self._wanted[role] = value
        else:
            self._wanted.pop(role, None)
        self.endFilterChange()

    def filtering(self) -> bool:
        """A tag, style, kind, status or search filter is on."""
        return bool(self._wanted or self.filterRegularExpression().pattern())

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        if not self._wanted and not self.filterRegularExpression().pattern():
            return True
        index = self.sourceModel().index(row, 0, parent)
        for role, value in self._wanted.items():
            found = index.data(role)
            if value not in found if isinstance(found, tuple) else found != value:
                return False
        return super().filterAcceptsRow(row, parent)


class AnnotationListModel(CardRows):
    """The article's annotations in reading order, given to the list as it is scrolled."""

    def __init__(self, theme: Theme) -> None:
        super().__init__()
        self._rows: list[Annotation] = []
        self.tag_counts: Counter[str] = Counter()
        self.style_counts: Counter[str] = Counter()
        """How many rows carry each tag and each style: the filters offer those."""
        self._text = ""
        self._theme = theme
        self.styles = StyleBook()
        self._derived_cache: dict[tuple[str, str, str], tuple[str, str]] = {}

    def _derived(self, annotation: Annotation) -> tuple[str, str]:
        """The note's one-line preview and the short date, worked out once per version."""
        key = (annotation.id, annotation.updated, annotation.note)
        found = self._derived_cache.get(key)
        if found is None:
            found = (markdown_preview(annotation.note), _short_date(annotation.created))
            self._derived_cache[key] = found
        return found

    def set_content(self, text: str, annotations: list[Annotation]) -> None:
        if len(self._derived_cache) > 2 * len(annotations) + 1000:
            self._derived_cache.clear()
        self.beginResetModel()
        self._text = text
        self._rows = list(annotations)  # the session gives them in reading order
        self.tag_counts = Counter(tag for a in self._rows for tag in a.tags)
        self.style_counts = Counter(a.style for a in self._rows)
        self._end_reset()

    def extend(self, annotations: list[Annotation]) -> None:
        """Rows that come after all the others in reading order, added at the end (shown
        when the list asks for more, or at once while it shows every row)."""
        if not annotations:
            return
        every_row_shown = self._shown == len(self._rows)
        self._rows.extend(annotations)
        self.tag_counts.update(tag for a in annotations for tag in a.tags)
        self.style_counts.update(a.style for a in annotations)
        if self._every_row_wanted:
            self.show_up_to(len(self._rows) - 1)
        elif every_row_shown:
            self.show_up_to(CARDS_AT_A_TIME - 1)

    def row_total(self) -> int:
        return len(self._rows)

    def put(self, annotation: Annotation) -> None:
        """One annotation added or changed, without resetting the other rows."""
        row = self.row_of(annotation.id)
        if row >= 0:
            before = self._rows[row]
            if before.reading_order == annotation.reading_order:
                self._count(before, -1)
                self._count(annotation, +1)
                self._rows[row] = annotation
                if row < self._shown:
                    self.dataChanged.emit(self.index(row), self.index(row))
                return
            self.remove(annotation.id)  # re-attached elsewhere: it moves to its new place
        # Rows stay in reading order, so the list needs no sorting in that order.
        at = bisect_right(self._rows, annotation.reading_order, key=lambda a: a.reading_order)
        shown = at <= self._shown
        if shown:
            self.beginInsertRows(QModelIndex(), at, at)
            self._shown += 1
        self._rows.insert(at, annotation)
        self._count(annotation, +1)
        if shown:
            self.endInsertRows()

    def remove(self, annotation_id: str) -> None:
        row = self.row_of(annotation_id)
        if row < 0:
            return
        if row >= self._shown:
            self._count(self._rows.pop(row), -1)
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        self._shown -= 1
        self._count(self._rows.pop(row), -1)
        self.endRemoveRows()

    def _count(self, annotation: Annotation, step: int) -> None:
        """Keep the tag and style counts of the filters in step with the rows."""
        self.tag_counts.update({tag: step for tag in annotation.tags})
        self.style_counts.update({annotation.style: step})
        for counts in (self.tag_counts, self.style_counts):
            for key in [k for k in (*annotation.tags, annotation.style) if counts.get(k) == 0]:
                del counts[key]

    def __len__(self) -> int:
        return len(self._rows)

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        if self._shown:
            self.dataChanged.emit(self.index(0), self.index(self._shown - 1))

    def annotation_at(self, row: int) -> Annotation:
        return self._rows[row]

    def row_of(self, annotation_id: str) -> int:
        """Where the annotation is among all the rows (shown in the list or not yet)."""
        return next((i for i, a in enumerate(self._rows) if a.id == annotation_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        annotation = self._rows[index.row()]
        # An orphan's offsets point at whatever took its place: it shows the words it was on.
        orphaned = annotation.status is Status.ORPHANED
        passage = annotation.exact if orphaned else self._text[annotation.start : annotation.end]
        passage = passage or annotation.exact
        if role == CardRole.HEADLINE:
            flat = " ".join(passage.split())
            # A passage that is itself a quotation keeps its own marks rather than doubling them.
            quoted = len(flat) > 1 and flat[0] in '«“"' and flat[-1] in '»”"'
            return flat if quoted else f"« {flat} »"
        if role == CardRole.BODY:
            return self._derived(annotation)[0]
        if role == CardRole.META:
            parts = [self.styles.label(annotation.style, i18n.language())]
            parts += ["#" + tag for tag in annotation.tags]
            if annotation.created:
                parts.append(self._derived(annotation)[1])
            if annotation.status is Status.MOVED:
                parts.append(self.tr("déplacée"))
            elif annotation.status is Status.ORPHANED:
                parts.append(self.tr("orpheline"))
            return " · ".join(parts)
        if role == CardRole.BAR_COLOUR:
            return self._theme.style_background(self.styles.named(annotation.style))
        if role == CardRole.KEY:
            return annotation.id
        if role == CardRole.STRUCK:
            return annotation.status is Status.ORPHANED
        if role == _Role.STATUS:
            return annotation.status.value
        if role == _Role.TAGS:
            return annotation.tags
        if role == _Role.STYLE:
            return annotation.style
        if role == _Role.KIND:
            return annotation.kind.value
        if role == CardRole.START:
            return annotation.start
        if role == CardRole.SORT_DATE:
            return annotation.created
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            tags = " ".join("#" + t for t in annotation.tags)
            return f"{passage}\n{annotation.note}\n{tags}".strip()
        if role == Qt.ItemDataRole.ToolTipRole:
            note = annotation.note or self.tr("(sans note)")
            return f"<p><i>{_html(passage)}</i></p><p>{_html(note)}</p>"
        return None


def _short_date(iso: str) -> str:
    """« 24 nov. 2026 » in the interface language, from a stored ISO timestamp."""
    moment = QDateTime.fromString(iso[:19], Qt.DateFormat.ISODate)
    return QLocale().toString(moment.date(), "d MMM yyyy") if moment.isValid() else ""


def _html(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
    )


class _ListView(QListView):
    delete_pressed = Signal()
    enter_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self.currentIndex().isValid()
        ):
            self.delete_pressed.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.enter_pressed.emit()
            return
        super().keyPressEvent(event)


class AnnotationsPanel(QWidget):
    activated = Signal(str)
    """The reader picked an annotation: show it in the text."""
    edit_requested = Signal(str)
    delete_requested = Signal(str)
    reattach_requested = Signal(str)

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationsPanel")
        self.model = AnnotationListModel(theme)
        self.proxy = _AnnotationFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterRole(Qt.ItemDataRole.DisplayRole)
        # Reading order is the model's own; the proxy only sorts when asked for dates.
        self.proxy.setSortRole(CardRole.SORT_DATE)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Rechercher…"))
        self.search.setAccessibleName(self.tr("Rechercher dans les annotations"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_for)

        self.sort_order = QComboBox()
        self.sort_order.setAccessibleName(self.tr("Ordre des annotations"))
        self.sort_order.addItem(self.tr("Ordre du texte"), "position")
        self.sort_order.addItem(self.tr("Plus récentes"), "newest")
        self.sort_order.addItem(self.tr("Plus anciennes"), "oldest")
        self.sort_order.currentIndexChanged.connect(self._sort)

        self.tag_filter = self._filter_box(self.tr("Filtrer par étiquette"), _Role.TAGS)
        self.style_filter = self._filter_box(self.tr("Filtrer par style"), _Role.STYLE)
        self.kind_filter = self._filter_box(self.tr("Filtrer par nature"), _Role.KIND)
        for label, kind in (
            (self.tr("Toutes natures"), ""),
            (self.tr("Passages"), Kind.TEXT.value),
            (self.tr("Citations"), Kind.QUOTE.value),
            (self.tr("Entités"), Kind.ENTITY.value),
        ):
            self.kind_filter.addItem(label, kind)
        self.status_filter = self._filter_box(self.tr("Filtrer par état d’ancrage"), _Role.STATUS)
        for label, status in (
            (self.tr("Tous états"), ""),
            (self.tr("Ancrées"), Status.ANCHORED.value),
            (self.tr("Déplacées (texte modifié)"), Status.MOVED.value),
            (self.tr("Orphelines (passage disparu)"), Status.ORPHANED.value),
        ):
            self.status_filter.addItem(label, status)

        self.view = _ListView()
        self.view.setAccessibleName(self.tr("Liste des annotations"))
        self.view.setModel(self.proxy)
        show_as_cards(self.view)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.clicked.connect(self._activate)
        self.view.activated.connect(self._activate)
        self.view.doubleClicked.connect(lambda _index: self._request(self.edit_requested))
        self.view.delete_pressed.connect(lambda: self._request(self.delete_requested))
        self.view.enter_pressed.connect(lambda: self._request(self.edit_requested))

        self.empty_label = QLabel(
            self.tr("Sélectionnez un passage puis « Annoter… » (touche A) pour ajouter une note.")
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setContentsMargins(12, 24, 12, 24)

        self.edit_button = QPushButton(self.tr("Modifier…"))
        self.edit_button.setAccessibleName(self.tr("Modifier l’annotation choisie"))
        self.edit_button.clicked.connect(lambda: self._request(self.edit_requested))
        self.delete_button = QPushButton(self.tr("Supprimer"))
        self.delete_button.setAccessibleName(self.tr("Supprimer l’annotation choisie"))
        self.delete_button.clicked.connect(lambda: self._request(self.delete_requested))
        self.reattach_button = QPushButton(self.tr("Rattacher à la sélection"))
        self.reattach_button.setAccessibleName(
            self.tr("Rattacher l’annotation choisie au passage sélectionné")
        )
        self.reattach_button.clicked.connect(lambda: self._request(self.reattach_requested))
        buttons = QHBoxLayout()
        buttons.addWidget(self.reattach_button)
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.sort_order)
        filters = QGridLayout()
        filters.addWidget(self.tag_filter, 0, 0)
        filters.addWidget(self.style_filter, 0, 1)
        filters.addWidget(self.kind_filter, 1, 0)
        filters.addWidget(self.status_filter, 1, 1)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addLayout(buttons)
        self.view.selectionModel().currentChanged.connect(self._update_buttons)
        self._update_buttons()

    def _filter_box(self, name: str, role: int) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(name)
        box.setToolTip(name)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(8)
        box.currentIndexChanged.connect(
            lambda _index: self._filter(role, str(box.currentData() or ""))
        )
        return box

    def _search_for(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._want_every_row()

    def _filter(self, role: int, value: str) -> None:
        self.proxy.set_filter(role, value)
        self._want_every_row()

    def _want_every_row(self) -> None:
        """Every row in the list while a filter or a sort by date is on: they look at all."""
        by_date = self.sort_order.currentData() != "position"
        self.model.want_every_row(self.proxy.filtering() or by_date)

    def _sort(self) -> None:
        self._want_every_row()
        order = self.sort_order.currentData()
        if order == "position":
            self.proxy.sort(-1)
            self.proxy.invalidate()
            return
        descending = order == "newest"
        self.proxy.sort(
            0, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        )

    def _refill(
        self, box: QComboBox, role: int, everything: str, choices: list[tuple[str, str]]
    ) -> None:
        """New choices for a filter, keeping the chosen one when it still exists."""
        offered = [(box.itemText(i), box.itemData(i)) for i in range(1, box.count())]
        if box.count() and offered == choices:
            return
        chosen = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(everything, "")
        for label, value in choices:
            box.addItem(label, value)
        kept = max(0, box.findData(chosen))
        box.setCurrentIndex(kept)
        box.blockSignals(False)
        if (box.currentData() or "") != (chosen or ""):
            # The chosen tag or style is gone: show everything rather than an empty list.
            self._filter(role, str(box.currentData() or ""))

    def set_content(self, text: str, annotations: list[Annotation]) -> None:
        current = self.current_id()
        self.model.set_content(text, annotations)
        self._after_change()
        if current:
            self.select(current)

    def extend(self, annotations: list[Annotation]) -> None:
        """Show more annotations, which follow the others in reading order."""
        self.model.extend(annotations)
        self._after_change()

    def put(self, annotation: Annotation) -> None:
        """Show one added or changed annotation; the others stay as they are."""
        self.model.put(annotation)
        self._after_change()

    def remove(self, annotation_id: str) -> None:
        self.model.remove(annotation_id)
        self._after_change()

    def _after_change(self) -> None:
        tags = sorted(self.model.tag_counts, key=str.casefold)
        self._refill(
            self.tag_filter, _Role.TAGS, self.tr("Toutes étiquettes"), [("#" + t, t) for t in tags]
        )
        used = self.model.style_counts
        self._refill(
            self.style_filter,
            _Role.STYLE,
            self.tr("Tous styles"),
            [
                (self.model.styles.label(st.name, i18n.language()), st.name)
                for st in self.model.styles
                if st.name in used
            ],
        )
        self.empty_label.setVisible(not len(self.model))
        self.view.setVisible(bool(len(self.model)))
        self._update_buttons()

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        return str(index.data(CardRole.KEY)) if index.isValid() else None

    def select(self, annotation_id: str) -> bool:
        row = self.model.row_of(annotation_id)
        return row >= 0 and show_row(self.view, row)

    def _activate(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if index.isValid():
            self.activated.emit(str(index.data(CardRole.KEY)))

    def _request(self, signal: Any) -> None:
        annotation_id = self.current_id()
        if annotation_id:
            signal.emit(annotation_id)

    def _update_buttons(self, *_args: object) -> None:
        index = self.view.currentIndex()
        has_current = index.isValid()
        self.edit_button.setEnabled(has_current)
        self.delete_button.setEnabled(has_current)
        self.reattach_button.setVisible(
            has_current and index.data(_Role.STATUS) != Status.ANCHORED.value
        )
