"""The legend under the toolbar: one button per highlight layer, with a sample of its look and
its count, that shows or hides the layer."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QMenu, QToolBar, QWidget

from reader.analysis.model import Label
from ui import layers
from ui.theme import Theme

ICON_SIZE = 18


def _underline(painter: QPainter, style: layers.Underline, colour: QColor) -> None:
    """The underline a layer draws under its words, as the text shows it."""
    pen = QPen(colour, 2)
    if style is layers.Underline.WAVE:
        path = QPainterPath(QPointF(1, 15))
        for step in range(4):
            x = 1 + 4 * step
            path.quadTo(QPointF(x + 1, 13 if step % 2 == 0 else 17), QPointF(x + 4, 15))
        painter.setPen(pen)
        painter.drawPath(path)
        return
    pen.setStyle(
        {
            layers.Underline.SOLID: Qt.PenStyle.SolidLine,
            layers.Underline.DASH: Qt.PenStyle.DashLine,
            layers.Underline.DOT: Qt.PenStyle.DotLine,
            layers.Underline.DASH_DOT: Qt.PenStyle.DashDotLine,
        }[style]
    )
    painter.setPen(pen)
    painter.drawLine(1, 15, 17, 15)


def legend_icon(theme: Theme, name: str, annotation_colour: str = "#ffe58a") -> QIcon:
    """A sample of how a layer looks: tint, background or underline pattern."""
    pixmap = QPixmap(ICON_SIZE, ICON_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if name == layers.QUOTES:
        painter.fillRect(1, 3, 16, 12, QColor(theme.quote_background))
        painter.setPen(QColor(theme.quote_text))
        painter.drawText(pixmap.rect(), int(Qt.AlignmentFlag.AlignCenter), "«»")
    elif name == layers.ANNOTATIONS:
        painter.fillRect(1, 3, 16, 12, QColor(annotation_colour))
    elif name == layers.SEARCH:
        painter.fillRect(1, 3, 16, 12, QColor(theme.search_background))
    else:
        colour = QColor(theme.entity_colours.get(name, theme.text))
        painter.setPen(colour)
        painter.drawText(
            pixmap.rect().adjusted(0, -3, 0, 0), int(Qt.AlignmentFlag.AlignCenter), "Ab"
        )
        _underline(painter, layers.underline_of(Label(name)), colour)
    painter.end()
    return QIcon(pixmap)


class Legend(QToolBar):
    """The layers' buttons (also listed in ``menu``); ``toggled(name, visible)`` when one is
    pressed."""

    def __init__(
        self, theme: Theme, menu: QMenu, toggled: Callable[[str, bool], None], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setObjectName("legendToolbar")
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.setMovable(False)
        self._counts: Counter[str] = Counter()
        self.layer_actions: dict[str, QAction] = {}
        for info in layers.layer_infos():
            if info.name == layers.SEARCH:
                continue
            action = QAction(legend_icon(theme, info.name), "", self)
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(lambda on, name=info.name: toggled(name, on))
            self.layer_actions[info.name] = action
            self.addAction(action)
            menu.addAction(action)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Légende"))
        self.setAccessibleName(self.tr("Légende des surlignages"))
        for info in layers.layer_infos():
            action = self.layer_actions.get(info.name)
            if action is not None:
                action.setText(f"{info.label} {self._counts.get(info.name, 0)}")
                action.setToolTip(f"{info.label} — {info.description}")

    def show_counts(self, counts: Counter[str]) -> None:
        self._counts = counts
        for info in layers.layer_infos():
            action = self.layer_actions.get(info.name)
            if action is not None:
                action.setText(f"{info.label} {counts.get(info.name, 0)}")

    def set_theme(self, theme: Theme, annotation_colour: str) -> None:
        for name, action in self.layer_actions.items():
            action.setIcon(legend_icon(theme, name, annotation_colour))

    def hide_layers(self, names: set[str]) -> None:
        for name in names:
            if name in self.layer_actions:
                self.layer_actions[name].setChecked(False)
