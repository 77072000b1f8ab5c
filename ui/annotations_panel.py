"""The *Annotations* side panel: every annotation of the article, searchable, in reading order;
its list and filters are ``ui.annotation_list``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
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
from ui import i18n
from ui.annotation_list import AnnotationFilter, AnnotationListModel, AnnotationRole
from ui.cards import CardRole, redraw_rows, show_as_cards, show_row
from ui.theme import Theme

SORT_ORDERS = ("position", "newest", "oldest")


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
        self.proxy = AnnotationFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterRole(Qt.ItemDataRole.DisplayRole)
        # Reading order is the model's own; the proxy only sorts when asked for dates.
        self.proxy.setSortRole(CardRole.SORT_DATE)

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_for)

        self.sort_order = QComboBox()
        for order in SORT_ORDERS:
            self.sort_order.addItem("", order)
        self.sort_order.currentIndexChanged.connect(self._sort)

        self.tag_filter = self._filter_box(AnnotationRole.TAGS)
        self.style_filter = self._filter_box(AnnotationRole.STYLE)
        self.kind_filter = self._filter_box(AnnotationRole.KIND)
        self.status_filter = self._filter_box(AnnotationRole.STATUS)

        self.view = _ListView()
        self.view.setModel(self.proxy)
        show_as_cards(self.view)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.clicked.connect(self._activate)
        self.view.activated.connect(self._activate)
        self.view.doubleClicked.connect(lambda _index: self._request(self.edit_requested))
        self.view.delete_pressed.connect(lambda: self._request(self.delete_requested))
        self.view.enter_pressed.connect(lambda: self._request(self.edit_requested))

        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setContentsMargins(12, 24, 12, 24)

        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(lambda: self._request(self.edit_requested))
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(lambda: self._request(self.delete_requested))
        self.reattach_button = QPushButton()
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
        self.retranslate()

    def retranslate(self) -> None:
        """Word the panel, its filters and its cards in the interface language now in use."""
        self.search.setPlaceholderText(self.tr("Rechercher…"))
        self.search.setAccessibleName(self.tr("Rechercher dans les annotations"))
        self.sort_order.setAccessibleName(self.tr("Ordre des annotations"))
        for index, text in enumerate(
            (self.tr("Ordre du texte"), self.tr("Plus récentes"), self.tr("Plus anciennes"))
        ):
            self.sort_order.setItemText(index, text)
        for box, name in (
            (self.tag_filter, self.tr("Filtrer par étiquette")),
            (self.style_filter, self.tr("Filtrer par style")),
            (self.kind_filter, self.tr("Filtrer par nature")),
            (self.status_filter, self.tr("Filtrer par état d’ancrage")),
        ):
            box.setAccessibleName(name)
            box.setToolTip(name)
        self._refill(
            self.kind_filter,
            AnnotationRole.KIND,
            self.tr("Toutes natures"),
            [
                (self.tr("Passages"), Kind.TEXT.value),
                (self.tr("Citations"), Kind.QUOTE.value),
                (self.tr("Entités"), Kind.ENTITY.value),
            ],
        )
        self._refill(
            self.status_filter,
            AnnotationRole.STATUS,
            self.tr("Tous états"),
            [
                (self.tr("Ancrées"), Status.ANCHORED.value),
                (self.tr("Déplacées (texte modifié)"), Status.MOVED.value),
                (self.tr("Orphelines (passage disparu)"), Status.ORPHANED.value),
            ],
        )
        self.view.setAccessibleName(self.tr("Liste des annotations"))
        self.empty_label.setText(
            self.tr("Sélectionnez un passage puis « Annoter… » (touche A) pour ajouter une note.")
        )
        self.edit_button.setText(self.tr("Modifier…"))
        self.edit_button.setAccessibleName(self.tr("Modifier l’annotation choisie"))
        self.delete_button.setText(self.tr("Supprimer"))
        self.delete_button.setAccessibleName(self.tr("Supprimer l’annotation choisie"))
        self.reattach_button.setText(self.tr("Rattacher à la sélection"))
        self.reattach_button.setAccessibleName(
            self.tr("Rattacher l’annotation choisie au passage sélectionné")
        )
        self._after_change()
        redraw_rows(self.model)  # their style names and states

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def _filter_box(self, role: int) -> QComboBox:
        box = QComboBox()
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
        offered = [(box.itemText(i), box.itemData(i)) for i in range(box.count())]
        if offered == [(everything, ""), *choices]:
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
        """The filters offer the tags and styles in use; the list or, empty, a hint shows."""
        tags = sorted(self.model.tag_counts, key=str.casefold)
        self._refill(
            self.tag_filter,
            AnnotationRole.TAGS,
            self.tr("Toutes étiquettes"),
            [("#" + t, t) for t in tags],
        )
        used = self.model.style_counts
        self._refill(
            self.style_filter,
            AnnotationRole.STYLE,
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
            has_current and index.data(AnnotationRole.STATUS) != Status.ANCHORED.value
        )
