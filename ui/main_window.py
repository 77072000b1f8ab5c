"""The main window: it assembles the article view, the side panels, menus, toolbars and the
legend, and words them again when the interface language changes.

Behaviour lives elsewhere: the session (``ui.session``) acts on the library; the gestures
(``ui.annotating``), the files (``ui.file_actions``) and the library dock
(``ui.library_dock``) translate what the reader does into session calls; ``ui.layer_presenter``
pushes what the session holds to the view's highlight layers; ``ui.window_menus`` says which
action goes in which menu.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from reader import APP_NAME, __version__
from ui import i18n, layers
from ui import theme as themes
from ui.actions import Actions
from ui.annotating import Annotating
from ui.annotations_panel import AnnotationsPanel
from ui.article_display import ArticleDisplay
from ui.article_view import ArticleView
from ui.backup_actions import restore_action
from ui.entities_panel import EntitiesPanel
from ui.file_actions import FileActions
from ui.find_bar import FindBar
from ui.layer_presenter import LayerPresenter
from ui.legend import Legend, legend_icon
from ui.library_dock import LibraryDock
from ui.library_panel import LibraryPanel
from ui.quotation_tracking import QuotationTracking
from ui.quotes_panel import QuotesPanel
from ui.session import ArticleSession
from ui.settings import Settings
from ui.theme import Theme
from ui.window_menus import build_menus, build_tool_bar

if TYPE_CHECKING:
    from ui.export_dialog import ExportDialog

STATUS_TIMEOUT_MS = 8000


class MainWindow(QMainWindow):
    def __init__(self, session: ArticleSession, theme: Theme, settings: Settings) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.session = session
        self.theme = theme
        self.settings = settings
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self.resize(1280, 800)

        self.view = ArticleView(self)
        self.view.set_zoom(settings.zoom)
        self.find_bar = FindBar(self)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.view, 1)
        column.addWidget(self.find_bar)
        self.setCentralWidget(central)
        self.layers = LayerPresenter(self.view, theme)

        self.annotations_panel = AnnotationsPanel(theme)
        self.quotes_panel = QuotesPanel(theme)
        self.entities_panel = EntitiesPanel(theme)
        self.library_panel = LibraryPanel(theme)
        self.annotations_dock = self._dock("annotationsDock", self.annotations_panel)
        self.quotes_dock = self._dock("quotesDock", self.quotes_panel)
        self.entities_dock = self._dock("entitiesDock", self.entities_panel)
        self.tabifyDockWidget(self.annotations_dock, self.quotes_dock)
        self.tabifyDockWidget(self.quotes_dock, self.entities_dock)
        self.library_dock = self._dock("libraryDock", self.library_panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library_dock)
        self.library_dock.hide()
        self.annotations_dock.raise_()

        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.setVisible(False)
        self.counts_label = QLabel()
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.progress)

        self.action_set = Actions(self, session.undo_stack)
        self.annotating = Annotating(self)
        self._create_bars()
        self.files = FileActions(self, session, settings, self.menus.recent)
        self.library = LibraryDock(
            session, self.library_dock, self.library_panel, self.view, self.find_bar
        )
        self.library.message.connect(self.show_message)
        self.tracking = QuotationTracking(self)
        self.hidden_layers = settings.hidden_layers()
        self.display = ArticleDisplay(self)
        self._style_indicators()
        self._connect()
        self.annotations_panel.model.styles = session.styles
        self._styles_changed()
        self.retranslate()
        if settings.geometry is not None:
            self.restoreGeometry(settings.geometry)
        if settings.window_state is not None:
            self.restoreState(settings.window_state)

    # Assembly -----------------------------------------------------------------------------

    def _style_indicators(self) -> None:
        """The menus' checkable items and the quotations list's check box."""
        for widget in (self.menuBar(), self.quotes_panel.group):
            themes.style_indicators(widget, self.theme)

    def _dock(self, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setMinimumWidth(300)
        dock.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        return dock

    def _create_bars(self) -> None:
        acts = self.action_set
        side_docks = (self.annotations_dock, self.quotes_dock, self.entities_dock)
        restore = restore_action(self.session, self)
        self.menus = build_menus(self.menuBar(), acts, restore, side_docks, self.library_dock)
        self.tools = build_tool_bar(self, acts)
        self.addToolBar(self.tools)
        self.legend = Legend(self.theme, self.menus.layers, self._toggle_layer, self)
        self.layer_actions = self.legend.layer_actions
        self.addToolBarBreak()
        self.addToolBar(self.legend)

    def _connect(self) -> None:
        session, acts, doing = self.session, self.action_set, self.annotating
        acts.open.triggered.connect(lambda: self.files.choose_file())
        acts.open_address.triggered.connect(lambda: self.files.ask_address())
        acts.export.triggered.connect(self.show_export)
        acts.import_annotations.triggered.connect(lambda: self.import_annotations())
        acts.quit.triggered.connect(self.close)
        acts.annotate.triggered.connect(doing.annotate)
        acts.edit.triggered.connect(doing.edit_current)
        acts.delete.triggered.connect(doing.delete_current)
        acts.zoom_in.triggered.connect(lambda: self._zoom(self.view.zoom + 1))
        acts.zoom_out.triggered.connect(lambda: self._zoom(self.view.zoom - 1))
        acts.zoom_reset.triggered.connect(lambda: self._zoom(0))
        acts.caret.toggled.connect(self.view.set_caret_browsing)
        acts.about.triggered.connect(self._about)
        acts.find.triggered.connect(self._open_find)
        acts.highlight.triggered.connect(doing.highlight_selection)
        acts.shortcuts.triggered.connect(self.show_shortcuts)
        acts.styles.triggered.connect(doing.edit_styles)
        acts.add_entity.triggered.connect(doing.add_entity)
        for index, action in enumerate(acts.style_keys):
            action.triggered.connect(lambda _on=False, chosen=index: doing.pick_style_at(chosen))
        for name, action in acts.themes.items():
            action.setChecked(self.settings.theme == name)
            action.triggered.connect(lambda _on=False, chosen=name: self.choose_theme(chosen))
        for code, action in acts.languages.items():
            action.setChecked(i18n.language() == code)
            action.triggered.connect(lambda _on=False, chosen=code: self.choose_language(chosen))
        for action in (acts.edit, acts.delete):
            self.view.addAction(action)
            self.annotations_panel.addAction(action)
        self.view.add_annotate_action(acts.annotate)

        session.styles_changed.connect(self._styles_changed)
        self.find_bar.matches_changed.connect(self._show_matches)
        self.find_bar.current_changed.connect(self._show_match)
        self.find_bar.closed.connect(self.view.setFocus)
        self.view.text_painted.connect(session.text_painted)
        self.view.text_laid_out.connect(session.text_laid_out)
        # Bound methods, not lambdas: Qt drops them when the window goes, while a late answer
        # from the analysis can still reach the session.
        session.message.connect(self.show_message)
        session.error.connect(self.show_error)

        self.view.clicked_at.connect(doing.clicked_at)
        self.view.tooltip_requested.connect(doing.tooltip_at)
        self.annotations_panel.activated.connect(doing.reveal_annotation)
        self.annotations_panel.edit_requested.connect(doing.edit_annotation)
        self.annotations_panel.delete_requested.connect(session.delete)
        self.annotations_panel.reattach_requested.connect(doing.reattach)
        self.quotes_panel.activated.connect(self.view.reveal)
        self.quotes_panel.speaker_fix_requested.connect(doing.fix_speaker)
        self.quotes_panel.speaker_view_requested.connect(self.library.show_quotes_of_speaker)
        self.entities_panel.mention_requested.connect(self.view.reveal)
        self.entities_panel.mentions_view_requested.connect(self.library.show_articles_mentioning)
        self.entities_panel.relabel_requested.connect(doing.relabel_group)
        self.entities_panel.remove_requested.connect(doing.remove_group)
        self.entities_panel.merge_requested.connect(doing.merge_groups)
        self.entities_panel.split_requested.connect(doing.split_group)

    # The interface language ---------------------------------------------------------------

    def retranslate(self) -> None:
        """Word the window, its menus, toolbars, docks and legend in the language now in use
        (the panels word themselves, and dialogs at their next opening)."""
        self.action_set.retranslate()
        menus = self.menus
        for menu, text in (
            (menus.file, self.tr("&Fichier")),
            (menus.recent, self.tr("Fichiers &récents")),
            (menus.edit, self.tr("É&dition")),
            (menus.styles, self.tr("Style &courant")),
            (menus.view, self.tr("&Affichage")),
            (menus.themes, self.tr("&Thème")),
            (menus.language, self.tr("&Langue")),
            (menus.layers, self.tr("&Calques")),
            (menus.help, self.tr("Aid&e")),
        ):
            menu.setTitle(text)
        for dock, text in (
            (self.annotations_dock, self.tr("Annotations")),
            (self.quotes_dock, self.tr("Citations")),
            (self.entities_dock, self.tr("Entités")),
            (self.library_dock, self.tr("Bibliothèque")),
        ):
            dock.setWindowTitle(text)
        self.tools.setWindowTitle(self.tr("Outils"))
        self.legend.retranslate()
        self.annotating.label_style_keys()
        self.display.update_legend()

    def choose_language(self, code: str) -> None:
        """Switch the interface language now, and keep it for the next launches."""
        self.settings.language = code
        for key, action in self.action_set.languages.items():
            action.setChecked(key == code)
        i18n.install(code)  # every widget then receives a LanguageChange event

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.session.refresh_if_changed()

    def _toggle_layer(self, name: str, visible: bool) -> None:
        self.view.highlighter.set_visible(name, visible)
        (self.hidden_layers.discard if visible else self.hidden_layers.add)(name)
        self.settings.set_hidden_layers(self.hidden_layers)

    def _styles_changed(self) -> None:
        self.annotating.label_style_keys()
        self.annotations_panel.model.styles = self.session.styles
        first = next(iter(self.session.styles))
        self.legend.layer_actions[layers.ANNOTATIONS].setIcon(
            legend_icon(self.theme, layers.ANNOTATIONS, self.theme.style_background(first))
        )

    def _open_find(self) -> None:
        selected = self.view.selected_range()
        initial = self.view.text[selected[0] : selected[1]] if selected else ""
        self.find_bar.open_bar(initial if "\n" not in initial else "")

    def _show_matches(self, matches: list[tuple[int, int]]) -> None:
        self.layers.show_matches(matches)

    def _show_match(self, start: int, end: int) -> None:
        self.view.reveal(start, end)
        self.view.select_range(start, end)

    def _zoom(self, steps: int) -> None:
        self.view.set_zoom(steps)
        self.settings.zoom = self.view.zoom

    def raise_panel(self, name: str) -> None:
        """Bring a side panel to the front: annotations, quotes, entities or library."""
        dock = {
            "annotations": self.annotations_dock,
            "quotes": self.quotes_dock,
            "entities": self.entities_dock,
            "library": self.library_dock,
        }[name]
        dock.show()
        dock.raise_()

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_TIMEOUT_MS)

    def show_error(self, text: str) -> None:
        self.statusBar().showMessage(text, 2 * STATUS_TIMEOUT_MS)
        box = QMessageBox(
            QMessageBox.Icon.Warning, APP_NAME, text, QMessageBox.StandardButton.Ok, self
        )
        box.setObjectName("errorBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # Theme --------------------------------------------------------------------------------

    def choose_theme(self, name: str) -> None:
        self.settings.theme = name
        for key, action in self.action_set.themes.items():
            action.setChecked(key == name)
        self.apply_theme(themes.resolve(name))

    def apply_theme(self, theme: Theme) -> None:
        self.theme = self.layers.theme = theme
        app = QApplication.instance()
        if isinstance(app, QApplication):
            themes.apply_palette(app, theme)
        self._style_indicators()
        self.view.set_theme(theme)
        for model in (
            self.annotations_panel.model,
            self.quotes_panel.model,
            self.entities_panel.model,
        ):
            model.set_theme(theme)
        first = next(iter(self.session.styles))
        self.legend.set_theme(theme, theme.style_background(first))
        self._styles_changed()
        self.display.show_analysis()
        self.display.show_annotations()
        self._show_matches(self.find_bar.matches)

    # Dialogs, files and the window's own events -------------------------------------------

    def show_shortcuts(self) -> None:
        from ui.shortcuts_help import ShortcutsHelp

        acts = self.action_set
        dialog = ShortcutsHelp([*self.actions(), acts.edit, acts.delete], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_export(self) -> ExportDialog:
        return self.files.show_export(self.theme, self.annotations_panel)

    def import_annotations(self, path: str | None = None) -> None:
        self.files.import_annotations(path)

    def open_file(self, path: str) -> bool:
        return self.files.open_file(path)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("À propos de Glose"),
            self.tr(
                "<h3>Glose %1</h3><p>Lire et annoter les articles de presse : citations et "
                "locuteurs, entités nommées, notes exportées en Markdown.</p>"
            ).replace("%1", __version__),
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = [url for url in event.mimeData().urls() if url.isLocalFile()]
        if urls:
            event.acceptProposedAction()
            self.open_file(urls[0].toLocalFile())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.zoom = self.view.zoom
        self.settings.sync()
        self.session.close()
        super().closeEvent(event)
