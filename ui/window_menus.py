"""The main window's menu bar and tool bar: which action each menu holds, in what order.

The window words the menus' titles (``MainWindow.retranslate``); the actions word themselves
(``ui.actions``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu, QMenuBar, QToolBar, QWidget

from ui.actions import Actions


@dataclass(frozen=True)
class Menus:
    file: QMenu
    recent: QMenu
    """*Fichiers récents*, filled each time it opens (``ui.file_actions``)."""
    edit: QMenu
    styles: QMenu
    view: QMenu
    themes: QMenu
    language: QMenu
    layers: QMenu
    """One item per highlight layer, given by the legend (``ui.legend``)."""
    help: QMenu


def build_menus(
    bar: QMenuBar,
    acts: Actions,
    restore: QAction,
    side_docks: Sequence[QDockWidget],
    library_dock: QDockWidget,
) -> Menus:
    """Fill the menu bar: *Fichier*, *Édition*, *Affichage* (with a switch for each side
    panel and, on Ctrl+L, the library) and *Aide*."""
    file = bar.addMenu("")
    file.addActions([acts.open, acts.open_address])
    recent = file.addMenu("")
    file.addActions([acts.export, acts.import_annotations])
    file.addAction(restore)
    file.addSeparator()
    file.addAction(acts.quit)
    edit = bar.addMenu("")
    edit.addActions([acts.undo, acts.redo])
    edit.addSeparator()
    edit.addActions([acts.annotate, acts.highlight, acts.add_entity, acts.everywhere, acts.edit])
    edit.addAction(acts.delete)
    edit.addSeparator()
    edit.addAction(acts.find)
    styles = edit.addMenu("")
    styles.addActions(acts.style_keys)
    edit.addAction(acts.styles)
    view = bar.addMenu("")
    view.addActions([acts.zoom_in, acts.zoom_out, acts.zoom_reset, acts.caret])
    view.addSeparator()
    themes = view.addMenu("")
    themes.addActions(list(acts.themes.values()))
    language = view.addMenu("")
    language.addActions(list(acts.languages.values()))
    layers = view.addMenu("")
    view.addSeparator()
    for dock in side_docks:
        view.addAction(dock.toggleViewAction())
    library_toggle = library_dock.toggleViewAction()
    library_toggle.setShortcut(QKeySequence("Ctrl+L"))
    view.addAction(library_toggle)
    help_menu = bar.addMenu("")
    help_menu.addActions([acts.shortcuts, acts.about])
    return Menus(file, recent, edit, styles, view, themes, language, layers, help_menu)


def build_tool_bar(window: QWidget, acts: Actions) -> QToolBar:
    """The tool bar over the text: open, annotate, export, undo and redo, as words."""
    tools = QToolBar(window)
    tools.setObjectName("toolsToolbar")
    tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    tools.setMovable(False)
    tools.addActions([acts.open, acts.annotate, acts.export])
    tools.addSeparator()
    tools.addActions([acts.undo, acts.redo])
    return tools
