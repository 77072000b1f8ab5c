"""*Édition → Styles…*: name, reorder, recolour, add and remove the highlight styles."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.styles import HighlightStyle, new_style_name
from ui import i18n
from ui.dialog_buttons import save_or_cancel
from ui.theme import DARK, LIGHT, contrast_ratio


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class StylesDialog(QDialog):
    def __init__(self, styles: list[HighlightStyle], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stylesDialog")
        self.setWindowTitle(self.tr("Styles de surlignage"))
        self.resize(560, 380)
        self._styles = list(styles)

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Styles"))
        self.list.currentRowChanged.connect(self._show_current)

        self.label_fr = QLineEdit()
        self.label_fr.setAccessibleName(self.tr("Nom en français"))
        self.label_en = QLineEdit()
        self.label_en.setAccessibleName(self.tr("Nom en anglais"))
        self.light_button = QPushButton()
        self.light_button.setAccessibleName(self.tr("Couleur sur fond clair"))
        self.dark_button = QPushButton()
        self.dark_button.setAccessibleName(self.tr("Couleur sur fond sombre"))
        self.contrast = QLabel()
        self.contrast.setWordWrap(True)
        self.label_fr.textEdited.connect(lambda text: self._change(label_fr=text))
        self.label_en.textEdited.connect(lambda text: self._change(label_en=text))
        self.light_button.clicked.connect(lambda: self._pick_colour("light"))
        self.dark_button.clicked.connect(lambda: self._pick_colour("dark"))

        form = QFormLayout()
        form.addRow(self.tr("Nom (français)"), self.label_fr)
        form.addRow(self.tr("Nom (anglais)"), self.label_en)
        form.addRow(self.tr("Couleur, thème clair"), self.light_button)
        form.addRow(self.tr("Couleur, thème sombre"), self.dark_button)
        form.addRow(self.contrast)

        self.add_button = QPushButton(self.tr("&Ajouter"))
        self.remove_button = QPushButton(self.tr("&Retirer"))
        self.up_button = QPushButton(self.tr("Monter"))
        self.down_button = QPushButton(self.tr("Descendre"))
        self.add_button.clicked.connect(self.add_style)
        self.remove_button.clicked.connect(self.remove_style)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(+1))
        list_buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            list_buttons.addWidget(button)

        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addLayout(list_buttons)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(form, 1)

        buttons = save_or_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self._fill()
        self.list.setCurrentRow(0)

    @property
    def styles(self) -> list[HighlightStyle]:
        return list(self._styles)

    def _fill(self) -> None:
        row = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        for style in self._styles:
            item = QListWidgetItem(_swatch(style.light), style.label(i18n.language()))
            item.setData(Qt.ItemDataRole.UserRole, style.name)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.list.setCurrentRow(min(max(row, 0), len(self._styles) - 1))
        self.remove_button.setEnabled(len(self._styles) > 1)

    def _show_current(self, row: int) -> None:
        if not 0 <= row < len(self._styles):
            return
        style = self._styles[row]
        self.label_fr.setText(style.label_fr)
        self.label_en.setText(style.label_en)
        self.light_button.setIcon(_swatch(style.light))
        self.light_button.setText(style.light)
        self.dark_button.setIcon(_swatch(style.dark))
        self.dark_button.setText(style.dark)
        light_ratio = contrast_ratio(LIGHT.text, style.light)
        dark_ratio = contrast_ratio(DARK.text, style.dark)
        verdict = (
            self.tr("Contraste du texte : %1:1 (clair), %2:1 (sombre).")
            .replace("%1", f"{light_ratio:.1f}")
            .replace("%2", f"{dark_ratio:.1f}")
        )
        if min(light_ratio, dark_ratio) < 4.5:
            verdict += " " + self.tr("En dessous de 4,5:1 : le texte sera difficile à lire.")
        self.contrast.setText(verdict)

    def _change(self, **changes: str) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self._styles):
            return
        self._styles[row] = replace(self._styles[row], **changes)
        item = self.list.item(row)
        item.setText(self._styles[row].label(i18n.language()))
        item.setIcon(_swatch(self._styles[row].light))
        self._show_current(row)

    def _pick_colour(self, variant: str) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self._styles):
            return
        current = QColor(getattr(self._styles[row], variant))
        colour = QColorDialog.getColor(current, self, self.tr("Choisir une couleur"))
        if colour.isValid():
            self._change(**{variant: colour.name()})

    def add_style(self) -> None:
        label = self.tr("Nouveau style")
        name = new_style_name(label, {style.name for style in self._styles})
        self._styles.append(HighlightStyle(name, label, "New style", "#d7e3c1", "#3d4f1f"))
        self._fill()
        self.list.setCurrentRow(len(self._styles) - 1)
        self.label_fr.setFocus()
        self.label_fr.selectAll()

    def remove_style(self) -> None:
        row = self.list.currentRow()
        if len(self._styles) > 1 and 0 <= row < len(self._styles):
            del self._styles[row]
            self._fill()

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if 0 <= row < len(self._styles) and 0 <= target < len(self._styles):
            self._styles[row], self._styles[target] = self._styles[target], self._styles[row]
            self._fill()
            self.list.setCurrentRow(target)
