"""The *Entités* side panel: mentions grouped under one canonical name, with counts and type
filter; a click steps through a group's mentions; corrections are offered in its menu."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListView,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from reader.analysis.model import Entity, EntityGroup, Label, group_entities
from ui.cards import CardRole, CardRows, Index, redraw_rows, show_as_cards, show_row
from ui.layers import label_name
from ui.theme import Theme

LABEL_ROLE = CardRole.LABEL


class EntityGroupModel(CardRows):
    def __init__(self, theme: Theme) -> None:
        super().__init__()
        self._groups: list[EntityGroup] = []
        self._theme = theme

    def set_entities(self, entities: list[Entity]) -> None:
        self.beginResetModel()
        self._groups = group_entities(entities)
        self._end_reset()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme

    def row_total(self) -> int:
        return len(self._groups)

    def group_at(self, row: int) -> EntityGroup:
        return self._groups[row]

    def groups(self) -> list[EntityGroup]:
        return list(self._groups)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        group = self._groups[index.row()]
        if role == CardRole.HEADLINE:
            return f"{group.canonical}  ×{len(group.mentions)}"
        if role == CardRole.META:
            others = [form for form in group.forms if form != group.canonical]
            kind = label_name(str(group.label))
            return kind + (" · " + ", ".join(others[:4]) if others else "")
        if role == CardRole.BAR_COLOUR:
            return self._theme.entity_colours[group.label]
        if role == CardRole.KEY:
            return f"{group.label}:{group.canonical}"
        if role == LABEL_ROLE:
            return str(group.label)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{group.canonical} ({label_name(str(group.label))}, {len(group.mentions)})"
        return None


class EntitiesPanel(QWidget):
    mention_requested = Signal(int, int)
    """Show this mention (start, end) in the text."""
    relabel_requested = Signal(object, str)
    """(EntityGroup, new label)."""
    remove_requested = Signal(object)
    merge_requested = Signal(object, object)
    """(group merged away, group kept)."""
    split_requested = Signal(object, str)
    """(EntityGroup, the surface form that becomes its own group)."""
    mentions_view_requested = Signal(str)
    """Show every article of the library that mentions this entity group."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entitiesPanel")
        self.model = EntityGroupModel(theme)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(LABEL_ROLE)
        self.type_filter = QComboBox()
        self.type_filter.addItem("", "")
        for label in Label:
            self.type_filter.addItem("", str(label))
        self.type_filter.currentIndexChanged.connect(self._filter)
        self.view = QListView()
        self.view.setModel(self.proxy)
        show_as_cards(self.view)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.clicked.connect(self._step)
        self.view.activated.connect(self._step)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.type_filter)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self._stepping: tuple[str, int] | None = None
        self._counts: tuple[int, int] | None = None
        """Groups and mentions, once the article's entities are given."""
        self._step_shown: tuple[str, int, int] | None = None
        """The group's name, the mention stepped to and their number, as the status says."""
        self._engine = ""
        self.retranslate()

    def retranslate(self) -> None:
        """Word the panel and its cards in the interface language now in use."""
        self.type_filter.setAccessibleName(self.tr("Filtrer les entités par type"))
        names = [self.tr("Tous les types"), *(label_name(str(label)) for label in Label)]
        for index, name in enumerate(names):
            self.type_filter.setItemText(index, name)
        self.view.setAccessibleName(self.tr("Liste des entités"))
        self._word_status()
        redraw_rows(self.model)  # their types

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def set_entities(self, entities: list[Entity], engine: str = "") -> None:
        self.model.set_entities(entities)
        self._stepping = self._step_shown = None
        self._counts = (self.model.row_total(), len(entities))
        self._engine = engine
        self._word_status()

    def _word_status(self) -> None:
        """The groups and mentions counted, or the mention the reader stepped to."""
        text = ""
        if self._step_shown is not None:
            name, position, total = self._step_shown
            text = (
                self.tr("%1 — mention %2 sur %3")
                .replace("%1", name)
                .replace("%2", str(position + 1))
                .replace("%3", str(total))
            )
        elif self._counts is not None:
            text = (
                self.tr("%1 groupes, %2 mentions")
                .replace("%1", str(self._counts[0]))
                .replace("%2", str(self._counts[1]))
            )
        self.status.setText(text)
        # The engine matters when results surprise; it stays one hover away.
        engine = self._engine
        self.status.setToolTip(self.tr("Reconnues par %1").replace("%1", engine) if engine else "")

    def current_group(self) -> EntityGroup | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.group_at(self.proxy.mapToSource(index).row())

    def select_mention(self, entity: Entity) -> None:
        for row, group in enumerate(self.model.groups()):
            if entity in group.mentions:
                if show_row(self.view, row):
                    self._stepping = (
                        f"{group.label}:{group.canonical}",
                        group.mentions.index(entity),
                    )
                return

    def _filter(self) -> None:
        label = str(self.type_filter.currentData() or "")
        self.model.want_every_row(bool(label))
        self.proxy.setFilterFixedString(label)

    def _step(self, index: QModelIndex | QPersistentModelIndex) -> None:
        """Each click on the same group shows its next mention."""
        if not index.isValid():
            return
        group = self.model.group_at(self.proxy.mapToSource(index).row())
        key = f"{group.label}:{group.canonical}"
        position = 0
        if self._stepping is not None and self._stepping[0] == key:
            position = (self._stepping[1] + 1) % len(group.mentions)
        self._stepping = (key, position)
        mention = group.mentions[position]
        self._step_shown = (group.canonical, position, len(group.mentions))
        self._word_status()
        self.mention_requested.emit(mention.start, mention.end)

    def _menu(self, point: QPoint) -> None:
        index = self.view.indexAt(point)
        if not index.isValid():
            return
        self.view.setCurrentIndex(index)
        group = self.model.group_at(self.proxy.mapToSource(index).row())
        menu = QMenu(self)
        relabel = menu.addMenu(self.tr("Changer le type"))
        for label in Label:
            if label is group.label:
                continue
            action = relabel.addAction(label_name(str(label)))
            action.triggered.connect(
                lambda _checked=False, chosen=str(label): self.relabel_requested.emit(group, chosen)
            )
        remove = menu.addAction(self.tr("Ce n’est pas une entité"))
        remove.triggered.connect(lambda: self.remove_requested.emit(group))
        merge = menu.addMenu(self.tr("Fusionner avec"))
        for other in self.model.groups():
            if other is group or other.label is not group.label:
                continue
            action = merge.addAction(other.canonical)
            action.triggered.connect(
                lambda _checked=False, kept=other: self.merge_requested.emit(group, kept)
            )
        merge.setEnabled(not merge.isEmpty())
        split = menu.addMenu(self.tr("Séparer"))
        for form in group.forms:
            if form == group.canonical:
                continue
            action = split.addAction(self.tr("« %1 » à part").replace("%1", form))
            action.triggered.connect(
                lambda _checked=False, chosen=form: self.split_requested.emit(group, chosen)
            )
        split.setEnabled(not split.isEmpty())
        menu.addSeparator()
        everywhere = menu.addAction(
            self.tr("Articles qui mentionnent %1").replace("%1", group.canonical)
        )
        everywhere.triggered.connect(lambda: self.mentions_view_requested.emit(group.canonical))
        menu.exec(self.view.viewport().mapToGlobal(point))
