"""The main window: it assembles the article view, the side panels, menus and the legend.

Behaviour lives in the session (``ui.session``) and in the small handlers below, which only
translate user gestures into session calls.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from reader import APP_NAME, __version__
from reader.analysis.entity_fixes import Correction
from reader.analysis.model import Label, Quote
from reader.export.files import safe_file_name
from reader.store import Annotation, Kind, StoreError
from reader.store.model import SearchHit
from ui import i18n, layers
from ui import theme as themes
from ui.annotations_panel import AnnotationsPanel
from ui.article_view import ArticleView
from ui.backup_actions import restore_action
from ui.entities_panel import EntitiesPanel
from ui.errors import describe

# Dialogs are imported where they first open: importing one sets up, in Python, every Qt
# class it uses, about 10 ms of start-up for these, and Pygments for the export's preview.
if TYPE_CHECKING:
    from ui.export_dialog import ExportDialog
from ui.find_bar import FindBar
from ui.library_panel import LibraryPanel
from ui.quotes_panel import QuotesPanel
from ui.session import ArticleSession
from ui.settings import Settings
from ui.theme import Theme

STATUS_TIMEOUT_MS = 8000


def legend_icon(theme: Theme, name: str, annotation_colour: str = "#ffe58a") -> QIcon:
    """A 16 px sample of how a layer looks: tint, background or underline pattern."""
    pixmap = QPixmap(18, 18)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    if name == layers.QUOTES:
        painter.fillRect(1, 3, 16, 12, QColor(theme.quote_background))
        painter.setPen(QColor(theme.quote_text))
        painter.drawText(pixmap.rect(), int(Qt.AlignmentFlag.AlignCenter), "«»")
    elif name == layers.ANNOTATIONS:
        painter.fillRect(1, 3, 16, 12, QColor(annotation_colour))
    elif name == layers.SEARCH:
        painter.fillRect(1, 3, 16, 12, QColor(theme.search_background))
    else:
        pen_colour = QColor(theme.entity_colours.get(name, theme.text))
        painter.setPen(pen_colour)
        painter.drawText(
            pixmap.rect().adjusted(0, -3, 0, 0), int(Qt.AlignmentFlag.AlignCenter), "Ab"
        )
        pattern = {
            "PER": Qt.PenStyle.SolidLine,
            "LOC": Qt.PenStyle.DashLine,
            "ORG": Qt.PenStyle.DotLine,
            "MISC": Qt.PenStyle.DashDotDotLine,
            "DATE": Qt.PenStyle.DashDotLine,
        }.get(name, Qt.PenStyle.SolidLine)
        pen = painter.pen()
        pen.setStyle(pattern)
        pen.setWidth(2)
        painter.setPen(pen)
        painter.drawLine(1, 15, 17, 15)
    painter.end()
    return QIcon(pixmap)


class MainWindow(QMainWindow):
    def __init__(self, session: ArticleSession, theme: Theme, settings: Settings) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.session = session
        self._analysis_counts: Counter[str] = Counter()
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
        self.current_style = "important"

        self.annotations_panel = AnnotationsPanel(theme)
        self.quotes_panel = QuotesPanel(theme)
        self.entities_panel = EntitiesPanel(theme)
        self.library_panel = LibraryPanel(theme)
        self.annotations_dock = self._dock(
            self.tr("Annotations"), "annotationsDock", self.annotations_panel
        )
        self.quotes_dock = self._dock(self.tr("Citations"), "quotesDock", self.quotes_panel)
        self.entities_dock = self._dock(self.tr("Entités"), "entitiesDock", self.entities_panel)
        self.tabifyDockWidget(self.annotations_dock, self.quotes_dock)
        self.tabifyDockWidget(self.quotes_dock, self.entities_dock)
        self.library_dock = self._dock(self.tr("Bibliothèque"), "libraryDock", self.library_panel)
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

        self._create_actions()
        self._create_menus()
        self._create_toolbars()
        self._style_indicators()
        self._connect()
        self.annotations_panel.model.styles = session.styles
        self._styles_changed()
        self._hidden_layers = settings.hidden_layers()
        if settings.geometry is not None:
            self.restoreGeometry(settings.geometry)
        if settings.window_state is not None:
            self.restoreState(settings.window_state)

    # Assembly -----------------------------------------------------------------------------

    def _style_indicators(self) -> None:
        """The menus' checkable items and the quotations list's check box."""
        for widget in (self.menuBar(), self.quotes_panel.group):
            themes.style_indicators(widget, self.theme)

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setMinimumWidth(300)
        dock.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        return dock

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        self.addAction(action)
        return action

    def _create_actions(self) -> None:
        self.open_action = self._action(
            self.tr("&Ouvrir…"),
            QKeySequence.StandardKey.Open,
            self.tr("Ouvrir un article (.txt, .md)"),
        )
        self.open_address_action = self._action(
            self.tr("Ouvrir une &adresse…"),
            "Ctrl+Shift+O",
            self.tr("Télécharger un article depuis le web (seule action qui utilise le réseau)"),
        )
        self.export_action = self._action(
            self.tr("&Exporter…"), "Ctrl+E", self.tr("Exporter les annotations en Markdown")
        )
        self.import_action = self._action(
            self.tr("&Importer des annotations…"),
            None,
            self.tr("Importer des annotations W3C JSON-LD (d’un export de Glose ou d’ailleurs)"),
        )
        self.quit_action = self._action(self.tr("&Quitter"), QKeySequence.StandardKey.Quit)
        self.annotate_action = self._action(
            self.tr("&Annoter…"), "A", self.tr("Annoter la sélection, la citation ou l’entité (A)")
        )
        self.edit_action = self._action(
            self.tr("&Modifier l’annotation…"),
            "Return",
            self.tr("Modifier la note de l’annotation choisie (Entrée)"),
        )
        self.delete_action = self._action(
            self.tr("&Supprimer l’annotation"),
            QKeySequence.StandardKey.Delete,
            self.tr("Supprimer l’annotation choisie (Suppr)"),
        )
        self.undo_action = self.session.undo_stack.createUndoAction(self, self.tr("Annuler"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.session.undo_stack.createRedoAction(self, self.tr("Rétablir"))
        self.redo_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Shift+Z")]
        )
        self.addActions([self.undo_action, self.redo_action])
        self.zoom_in_action = self._action(self.tr("Zoom &avant"), QKeySequence.StandardKey.ZoomIn)
        self.zoom_in_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")]
        )
        self.zoom_out_action = self._action(
            self.tr("Zoom a&rrière"), QKeySequence.StandardKey.ZoomOut
        )
        self.zoom_reset_action = self._action(self.tr("Taille &normale"), "Ctrl+0")
        self.caret_action = self._action(
            self.tr("Curseur de &lecture"),
            "F7",
            self.tr("Afficher un curseur pour sélectionner au clavier (F7)"),
        )
        self.caret_action.setCheckable(True)
        self.caret_action.toggled.connect(self.view.set_caret_browsing)
        self.about_action = self._action(self.tr("À &propos de Glose"))
        self.add_entity_action = self._action(
            self.tr("Marquer comme &entité…"),
            "E",
            self.tr("Marquer la sélection comme personne, lieu, organisation… (E)"),
        )
        self.everywhere_action = self._action(self.tr("Corrections pour &tous les articles"))
        self.everywhere_action.setCheckable(True)
        self.everywhere_action.setToolTip(
            self.tr("Les corrections d’entités s’appliquent aussi aux autres articles")
        )
        self.find_action = self._action(
            self.tr("&Rechercher…"),
            QKeySequence.StandardKey.Find,
            self.tr("Rechercher dans l’article (Ctrl+F)"),
        )
        self.highlight_action = self._action(
            self.tr("Surli&gner"), "H", self.tr("Surligner la sélection dans le style courant (H)")
        )
        self.shortcuts_action = self._action(self.tr("&Raccourcis clavier"), "F1")
        self.shortcuts_action.setShortcuts([QKeySequence("F1"), QKeySequence("?")])
        self.styles_action = self._action(
            self.tr("St&yles…"), None, self.tr("Nommer et colorer les styles")
        )
        self.style_actions: list[QAction] = []
        for number in range(1, 10):
            action = self._action("", str(number))
            action.setCheckable(True)
            action.triggered.connect(
                lambda _checked=False, index=number - 1: self._pick_style_at(index)
            )
            self.style_actions.append(action)
        self._label_style_actions()
        self.theme_actions: dict[str, QAction] = {}
        for name, label in (
            ("system", self.tr("Thème du &système")),
            ("light", self.tr("Thème &clair")),
            ("dark", self.tr("Thème &sombre")),
        ):
            action = self._action(label)
            action.setCheckable(True)
            action.setChecked(self.settings.theme == name)
            action.triggered.connect(lambda _checked=False, chosen=name: self.choose_theme(chosen))
            self.theme_actions[name] = action
        for action in (self.edit_action, self.delete_action):
            # Return and Delete belong to the list or the text they act on, not the window
            # (the find bar and the editors need those keys for themselves).
            self.removeAction(action)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.view.addAction(action)
        self.view.add_annotate_action(self.annotate_action)

    def _create_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Fichier"))
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.open_address_action)
        self.recent_menu = file_menu.addMenu(self.tr("Fichiers &récents"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.import_action)
        file_menu.addAction(restore_action(self.session, self))
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("É&dition"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.annotate_action)
        edit_menu.addAction(self.highlight_action)
        edit_menu.addAction(self.add_entity_action)
        edit_menu.addAction(self.everywhere_action)
        edit_menu.addAction(self.edit_action)
        edit_menu.addAction(self.delete_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        styles_menu = edit_menu.addMenu(self.tr("Style &courant"))
        styles_menu.addActions(self.style_actions)
        edit_menu.addAction(self.styles_action)
        self.view_menu = self.menuBar().addMenu(self.tr("&Affichage"))
        self.view_menu.addAction(self.zoom_in_action)
        self.view_menu.addAction(self.zoom_out_action)
        self.view_menu.addAction(self.zoom_reset_action)
        self.view_menu.addAction(self.caret_action)
        self.view_menu.addSeparator()
        themes_menu = self.view_menu.addMenu(self.tr("&Thème"))
        themes_menu.addActions(list(self.theme_actions.values()))
        language_menu = self.view_menu.addMenu(self.tr("&Langue"))
        for code, label in (("fr", "Français"), ("en", "English")):
            action = language_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked((self.settings.language or i18n.system_language()) == code)
            action.triggered.connect(
                lambda _checked=False, chosen=code: self._choose_language(chosen)
            )
        self.layers_menu = self.view_menu.addMenu(self.tr("&Calques"))
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.annotations_dock.toggleViewAction())
        self.view_menu.addAction(self.quotes_dock.toggleViewAction())
        self.view_menu.addAction(self.entities_dock.toggleViewAction())
        library_toggle = self.library_dock.toggleViewAction()
        library_toggle.setShortcut(QKeySequence("Ctrl+L"))
        self.view_menu.addAction(library_toggle)
        help_menu = self.menuBar().addMenu(self.tr("Aid&e"))
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)

    def _create_toolbars(self) -> None:
        tools = QToolBar(self.tr("Outils"), self)
        tools.setObjectName("toolsToolbar")
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        tools.setMovable(False)
        tools.addAction(self.open_action)
        tools.addAction(self.annotate_action)
        tools.addAction(self.export_action)
        tools.addSeparator()
        tools.addAction(self.undo_action)
        tools.addAction(self.redo_action)
        self.addToolBar(tools)

        self.legend = QToolBar(self.tr("Légende"), self)
        self.legend.setObjectName("legendToolbar")
        self.legend.setAccessibleName(self.tr("Légende des surlignages"))
        self.legend.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.legend.setIconSize(QSize(18, 18))
        self.legend.setMovable(False)
        self.layer_actions: dict[str, QAction] = {}
        for info in layers.layer_infos():
            if info.name == layers.SEARCH:
                continue
            action = QAction(legend_icon(self.theme, info.name), info.label, self)
            action.setCheckable(True)
            action.setChecked(True)
            action.setToolTip(f"{info.label} — {info.description}")
            action.toggled.connect(lambda on, name=info.name: self._toggle_layer(name, on))
            self.layer_actions[info.name] = action
            self.legend.addAction(action)
            self.layers_menu.addAction(action)
        self.addToolBarBreak()
        self.addToolBar(self.legend)

    def _connect(self) -> None:
        session = self.session
        self.open_action.triggered.connect(self.choose_file)
        self.open_address_action.triggered.connect(self.ask_address)
        self.export_action.triggered.connect(self.show_export)
        self.import_action.triggered.connect(lambda: self.import_annotations())
        self.quit_action.triggered.connect(self.close)
        self.annotate_action.triggered.connect(self.annotate)
        self.edit_action.triggered.connect(self._edit_current)
        self.delete_action.triggered.connect(self._delete_current)
        self.zoom_in_action.triggered.connect(lambda: self._zoom(self.view.zoom + 1))
        self.zoom_out_action.triggered.connect(lambda: self._zoom(self.view.zoom - 1))
        self.zoom_reset_action.triggered.connect(lambda: self._zoom(0))
        self.about_action.triggered.connect(self._about)
        self.find_action.triggered.connect(self._open_find)
        self.highlight_action.triggered.connect(self.highlight_selection)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.styles_action.triggered.connect(self.edit_styles)
        session.styles_changed.connect(self._styles_changed)
        self.find_bar.matches_changed.connect(self._show_matches)
        self.find_bar.current_changed.connect(self._show_match)
        self.find_bar.closed.connect(self.view.setFocus)

        session.article_opened.connect(self._show_article)
        self.view.text_painted.connect(session.text_painted)
        self.view.text_laid_out.connect(session.text_laid_out)
        session.analysis_changed.connect(self._show_analysis)
        session.annotations_reset.connect(self._show_annotations)
        session.annotations_extended.connect(self._annotations_extended)
        session.annotation_added.connect(self._annotation_added)
        session.annotation_changed.connect(self._annotation_changed)
        session.annotation_removed.connect(self._annotation_removed)
        # Bound methods, not lambdas: Qt drops them when the window goes, while a late answer
        # from the analysis can still reach the session.
        session.message.connect(self._show_message)
        session.error.connect(self.show_error)
        session.analysis_started.connect(self._analysis_started)
        session.analysis_progress.connect(self._analysis_progress)

        self.view.clicked_at.connect(self._clicked_at)
        self.view.tooltip_requested.connect(self._tooltip_at)
        self.annotations_panel.activated.connect(self.reveal_annotation)
        self.annotations_panel.edit_requested.connect(self.edit_annotation)
        self.annotations_panel.delete_requested.connect(self.session.delete)
        self.quotes_panel.activated.connect(lambda start, end: self.view.reveal(start, end))
        self.entities_panel.mention_requested.connect(
            lambda start, end: self.view.reveal(start, end)
        )
        self.annotations_panel.reattach_requested.connect(self._reattach)
        self.quotes_panel.speaker_fix_requested.connect(self.fix_speaker)
        self.entities_panel.relabel_requested.connect(
            lambda group, label: self._correct(
                *[Correction("relabel", text=form, label=label) for form in group.forms]
            )
        )
        self.entities_panel.remove_requested.connect(
            lambda group: self._correct(*[Correction("remove", text=form) for form in group.forms])
        )
        self.entities_panel.merge_requested.connect(
            lambda group, kept: self._correct(
                Correction("merge", canonical=group.canonical, target=kept.canonical)
            )
        )
        self.entities_panel.split_requested.connect(
            lambda group, form: self._correct(Correction("split", text=form, canonical=form))
        )
        self.add_entity_action.triggered.connect(self.add_entity)
        self.library_panel.open_requested.connect(self._open_from_library)
        self.library_panel.delete_requested.connect(self._delete_article)
        self.library_panel.search_requested.connect(self._search_library)
        self.quotes_panel.speaker_view_requested.connect(self.show_quotes_of_speaker)
        self.entities_panel.mentions_view_requested.connect(self.show_articles_mentioning)
        session.library_changed.connect(self._show_library)
        self.library_dock.visibilityChanged.connect(self._library_shown)
        session.annotation_added.connect(self._library_changed)
        session.annotation_removed.connect(self._library_changed)
        self.annotations_panel.addAction(self.edit_action)
        self.annotations_panel.addAction(self.delete_action)

    # Showing ------------------------------------------------------------------------------

    def _show_article(self) -> None:
        loaded = self.session.loaded
        assert loaded is not None
        self.view.show_article(loaded.text, loaded.layout, self.theme)
        self.find_bar.set_text(loaded.text)
        title = loaded.title or APP_NAME
        self.setWindowTitle(f"{title} — {APP_NAME}")
        for name in self._hidden_layers:
            if name in self.layer_actions:
                self.layer_actions[name].setChecked(False)

    def _show_analysis(self) -> None:
        analysis = self.session.analysis
        self.view.highlighter.set_layer(layers.QUOTES, 10, layers.quote_spans(analysis, self.theme))
        by_label = layers.entity_spans(analysis, self.theme)
        priorities = {info.name: info.priority for info in layers.layer_infos()}
        for label, spans in by_label.items():
            self.view.highlighter.set_layer(label, priorities[label], spans)
        self.quotes_panel.set_quotes(analysis.quotes)
        self.entities_panel.set_entities(analysis.entities, analysis.engine)
        self._count_analysis()
        self._update_legend()
        if self.session.analysis_complete:
            self.progress.setVisible(False)

    def _show_annotations(self) -> None:
        annotations = self._show_annotation_layer()
        loaded = self.session.loaded
        self.annotations_panel.set_content(loaded.text if loaded else "", annotations)

    def _show_annotation_layer(self) -> list[Annotation]:
        annotations = self.session.annotations_so_far()
        self.view.highlighter.set_layer(
            layers.ANNOTATIONS,
            20,
            layers.annotation_spans(annotations, self.theme, self.session.styles),
        )
        self.view.set_note_markers(layers.note_markers(annotations))
        self._update_legend()
        return annotations

    def _annotations_extended(self, annotations: list[Annotation]) -> None:
        """More annotations of the open article, read in the background: highlighted and
        listed after the others."""
        styles = self.session.styles
        self.view.highlighter.add_spans(
            layers.ANNOTATIONS, 20, layers.annotation_spans(annotations, self.theme, styles)
        )
        for key, marker in layers.note_markers(annotations).items():
            self.view.put_note_marker(key, marker)
        self.annotations_panel.extend(annotations)
        self._update_legend()

    def _annotation_added(self, annotation_id: str) -> None:
        self._annotation_changed(annotation_id)
        self.annotations_dock.raise_()
        self.annotations_panel.select(annotation_id)

    def _annotation_changed(self, annotation_id: str) -> None:
        """One annotation: its highlight and its card, not the whole list again."""
        annotation = self.session.annotation(annotation_id)
        self._restyle_annotation(annotation_id, annotation)
        if annotation is not None:
            self.annotations_panel.put(annotation)

    def _annotation_removed(self, annotation_id: str) -> None:
        self._restyle_annotation(annotation_id, None)
        self.annotations_panel.remove(annotation_id)

    def _restyle_annotation(self, annotation_id: str, annotation: Annotation | None) -> None:
        """Swap one annotation's highlight and note marker (``None``: it is gone)."""
        span, marker = None, None
        if annotation is not None:
            span = layers.annotation_span(annotation, self.theme, self.session.styles)
            marker = layers.note_marker(annotation)
        self.view.highlighter.put_span(layers.ANNOTATIONS, 20, annotation_id, span)
        self.view.put_note_marker(annotation_id, marker)
        self._update_legend()

    def _count_analysis(self) -> None:
        """What the legend shows of the analysis, counted once per analysis rather than at
        every annotation change (a long text has tens of thousands of entities)."""
        analysis = self.session.analysis
        counts = Counter(str(entity.label) for entity in analysis.entities)
        counts[layers.QUOTES] = sum(1 for q in analysis.quotes if q.parent is None)
        self._analysis_counts = counts

    def _update_legend(self) -> None:
        counts = Counter(self._analysis_counts)
        counts[layers.ANNOTATIONS] = self.session.annotation_count()
        for info in layers.layer_infos():
            action = self.layer_actions.get(info.name)
            if action is not None:
                action.setText(f"{info.label} {counts.get(info.name, 0)}")
        self.counts_label.setText(
            self.tr("%1 citations · %2 entités · %3 annotations")
            .replace("%1", str(counts[layers.QUOTES]))
            .replace("%2", str(len(self.session.analysis.entities)))
            .replace("%3", str(counts[layers.ANNOTATIONS]))
        )

    def _toggle_layer(self, name: str, visible: bool) -> None:
        self.view.highlighter.set_visible(name, visible)
        if visible:
            self._hidden_layers.discard(name)
        else:
            self._hidden_layers.add(name)
        self.settings.set_hidden_layers(self._hidden_layers)

    def _analysis_started(self, text: str) -> None:
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.statusBar().showMessage(text, STATUS_TIMEOUT_MS)

    def _analysis_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

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

    def show_error(self, text: str) -> None:
        self.statusBar().showMessage(text, 2 * STATUS_TIMEOUT_MS)
        box = QMessageBox(
            QMessageBox.Icon.Warning, APP_NAME, text, QMessageBox.StandardButton.Ok, self
        )
        box.setObjectName("errorBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # Gestures -----------------------------------------------------------------------------

    def _clicked_at(self, offset: int) -> None:
        annotations = self.session.annotations_at(offset)
        if annotations:
            self.annotations_panel.select(annotations[-1].id)
            self.annotations_dock.raise_()
            return
        entity = self.session.entity_at(offset)
        if entity is not None:
            self.entities_panel.select_mention(entity)
            self.entities_dock.raise_()
            return
        quote = self.session.quote_at(offset)
        if quote is not None:
            self.quotes_panel.select_quote(quote.start)
            self.quotes_dock.raise_()

    def _tooltip_at(self, offset: int) -> None:
        lines: list[str] = []
        for annotation in self.session.annotations_at(offset):
            note = annotation.note.strip() or self.tr("(sans note)")
            preview = note if len(note) < 160 else note[:160] + "…"
            lines.append(f"<b>{self.tr('Annotation')}</b> : {_html(preview)}")
        quote = self.session.quote_at(offset)
        if quote is not None:
            speaker = quote.speaker.name if quote.speaker else self.tr("locuteur non identifié")
            cue = f" — <i>{_html(quote.cue.text)}</i>" if quote.cue else ""
            lines.append(f"<b>{self.tr('Citation')}</b> : {_html(speaker)}{cue}")
        entity = self.session.entity_at(offset)
        if entity is not None:
            group = f" ({_html(entity.canonical)})" if entity.canonical != entity.text else ""
            lines.append(
                f"<b>{layers.label_name(str(entity.label))}</b> : {_html(entity.text)}{group}"
            )
        self.view.show_tooltip("<br>".join(lines))

    def annotation_target(self) -> tuple[int, int, Kind, str] | None:
        """What « Annoter… » applies to: the selection, else the clicked quotation or entity."""
        selected = self.view.selected_range()
        if selected is not None:
            start, end = selected
            quote = self.session.quote_at(start)
            if quote is not None and (quote.start, quote.end) == (start, end):
                return start, end, Kind.QUOTE, quote.speaker.name if quote.speaker else ""
            return start, end, Kind.TEXT, ""
        offset = self.view.to_python(self.view.textCursor().position())
        entity = self.session.entity_at(offset)
        if entity is not None:
            return entity.start, entity.end, Kind.ENTITY, entity.canonical
        quote = self.session.quote_at(offset)
        if quote is not None:
            return quote.start, quote.end, Kind.QUOTE, quote.speaker.name if quote.speaker else ""
        return None

    def annotate(self) -> None:
        target = self.annotation_target()
        if target is None:
            self.statusBar().showMessage(
                self.tr(
                    "Sélectionnez un passage, ou cliquez une citation ou une entité, puis Annoter."
                ),
                STATUS_TIMEOUT_MS,
            )
            return
        start, end, kind, ref = target
        passage = self.view.text[start:end]
        context = ""
        if kind is Kind.QUOTE and ref:
            context = self.tr("Citation de %1").replace("%1", ref)
        elif kind is Kind.ENTITY:
            context = self.tr("Entité : %1").replace("%1", ref)
        from ui.annotation_editor import AnnotationEditor

        editor = AnnotationEditor(
            passage,
            self.theme,
            style=self.current_style,
            known_tags=self.session.all_tags(),
            context=context,
            styles=list(self.session.styles),
            parent=self,
        )
        if editor.exec() != AnnotationEditor.DialogCode.Accepted:
            return
        annotation = self.session.annotate(
            start,
            end,
            note=editor.note,
            tags=editor.tags,
            style=editor.style_name,
            kind=kind,
            ref=ref,
        )
        if annotation is not None:
            self.statusBar().showMessage(self.tr("Annotation enregistrée."), STATUS_TIMEOUT_MS)

    def edit_annotation(self, annotation_id: str) -> None:
        annotation = self.session.annotation(annotation_id)
        if annotation is None:
            return
        from ui.annotation_editor import AnnotationEditor

        editor = AnnotationEditor(
            self.view.text[annotation.start : annotation.end] or annotation.exact,
            self.theme,
            note=annotation.note,
            tags=annotation.tags,
            style=annotation.style,
            known_tags=self.session.all_tags(),
            editing=True,
            styles=list(self.session.styles),
            parent=self,
        )
        if editor.exec() == AnnotationEditor.DialogCode.Accepted:
            self.session.edit(
                annotation_id, note=editor.note, tags=editor.tags, style=editor.style_name
            )

    def _current_annotation_id(self) -> str | None:
        """The annotation under the text cursor when the text has focus, else the listed one."""
        if self.view.hasFocus():
            offset = self.view.to_python(self.view.textCursor().position())
            under_cursor = self.session.annotations_at(offset)
            if under_cursor:
                return under_cursor[-1].id
        return self.annotations_panel.current_id()

    def _edit_current(self) -> None:
        current = self._current_annotation_id()
        if current:
            self.edit_annotation(current)

    def _delete_current(self) -> None:
        current = self._current_annotation_id()
        if current:
            self.session.delete(current)

    def reveal_annotation(self, annotation_id: str) -> None:
        annotation = self.session.annotation(annotation_id)
        if annotation is not None:
            self.view.reveal(annotation.start, annotation.end)

    def highlight_selection(self) -> None:
        """Annotate the selection at once, in the current style, without a note."""
        target = self.annotation_target()
        if target is None:
            self.statusBar().showMessage(
                self.tr("Sélectionnez d’abord un passage."), STATUS_TIMEOUT_MS
            )
            return
        start, end, kind, ref = target
        if self.session.annotate(start, end, style=self.current_style, kind=kind, ref=ref):
            self.statusBar().showMessage(
                self.tr("Surligné : %1").replace(
                    "%1", self.session.styles.label(self.current_style)
                ),
                STATUS_TIMEOUT_MS,
            )

    def _label_style_actions(self) -> None:
        styles = list(self.session.styles)
        if self.current_style not in {style.name for style in styles}:
            self.current_style = styles[0].name
        for number, action in enumerate(self.style_actions, start=1):
            named = styles[number - 1] if number <= len(styles) else None
            action.setVisible(named is not None)
            action.setEnabled(named is not None)
            if named is not None:
                action.setText(
                    self.tr("Style %1 : %2").replace("%1", str(number)).replace("%2", named.label())
                )
                action.setChecked(named.name == self.current_style)

    def _pick_style_at(self, index: int) -> None:
        styles = list(self.session.styles)
        if index < len(styles):
            self.pick_style(styles[index].name)

    def _styles_changed(self) -> None:
        self._label_style_actions()
        self.annotations_panel.model.styles = self.session.styles
        first = next(iter(self.session.styles))
        self.layer_actions[layers.ANNOTATIONS].setIcon(
            legend_icon(self.theme, layers.ANNOTATIONS, self.theme.style_background(first))
        )

    def edit_styles(self) -> None:
        from ui.styles_dialog import StylesDialog

        dialog = StylesDialog(list(self.session.styles), self)
        if dialog.exec() == StylesDialog.DialogCode.Accepted:
            self.session.save_styles(dialog.styles)

    def pick_style(self, name: str) -> None:
        self.current_style = name
        self._label_style_actions()
        current = self.annotations_panel.current_id()
        if current and self.annotations_panel.view.hasFocus():
            self.session.edit(current, style=name)
        self.statusBar().showMessage(
            self.tr("Style courant : %1").replace("%1", self.session.styles.label(name)),
            STATUS_TIMEOUT_MS,
        )

    def _choose_language(self, code: str) -> None:
        self.settings.language = code
        self.statusBar().showMessage(
            self.tr("La langue choisie sera utilisée au prochain lancement de Glose."),
            STATUS_TIMEOUT_MS,
        )

    def choose_theme(self, name: str) -> None:
        self.settings.theme = name
        for key, action in self.theme_actions.items():
            action.setChecked(key == name)
        self.apply_theme(themes.resolve(name))

    def apply_theme(self, theme: Theme) -> None:
        from PySide6.QtWidgets import QApplication

        self.theme = theme
        app = QApplication.instance()
        if isinstance(app, QApplication):
            themes.apply_palette(app, theme)
        self._style_indicators()
        self.view.set_theme(theme)
        self.annotations_panel.model.set_theme(theme)
        self.quotes_panel.model.set_theme(theme)
        self.entities_panel.model.set_theme(theme)
        for name, action in self.layer_actions.items():
            action.setIcon(legend_icon(theme, name))
        self._styles_changed()
        self._show_analysis()
        self._show_annotations()
        self._show_matches(self.find_bar.matches)

    def _open_find(self) -> None:
        selected = self.view.selected_range()
        initial = self.view.text[selected[0] : selected[1]] if selected else ""
        self.find_bar.open_bar(initial if "\n" not in initial else "")

    def _show_matches(self, matches: list[tuple[int, int]]) -> None:
        search_format = layers.search_format(self.theme)
        self.view.highlighter.set_layer(
            layers.SEARCH, 40, [(s, e, search_format) for s, e in matches]
        )

    def _show_match(self, start: int, end: int) -> None:
        self.view.reveal(start, end)
        self.view.select_range(start, end)

    def show_shortcuts(self) -> None:
        from ui.shortcuts_help import ShortcutsHelp

        dialog = ShortcutsHelp([*self.actions(), self.edit_action, self.delete_action], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _correct(self, *corrections: Correction) -> None:
        if self.session.correct_entities(corrections, self.everywhere_action.isChecked()):
            self.statusBar().showMessage(
                self.tr("Correction enregistrée ; l’article est réanalysé."), STATUS_TIMEOUT_MS
            )

    def add_entity(self) -> None:
        """Mark the selected words (everywhere they occur) as an entity of a chosen type."""
        from PySide6.QtWidgets import QInputDialog

        selected = self.view.selected_range()
        if selected is None:
            self.statusBar().showMessage(
                self.tr("Sélectionnez d’abord les mots qui forment le nom."), STATUS_TIMEOUT_MS
            )
            return
        words = self.view.text[selected[0] : selected[1]]
        labels = [info for info in layers.layer_infos() if info.name in Label.__members__]
        choice, accepted = QInputDialog.getItem(
            self,
            self.tr("Marquer comme entité"),
            self.tr("Type de « %1 » :").replace("%1", words),
            [info.label for info in labels],
            0,
            False,
        )
        if accepted:
            label = next(info.name for info in labels if info.label == choice)
            self._correct(Correction("add", text=words, label=label, canonical=words))

    def fix_speaker(self, quote: Quote) -> None:
        from ui.speaker_dialog import SpeakerDialog

        dialog = SpeakerDialog(quote, self.session.speaker_candidates(), self)
        if dialog.exec() == SpeakerDialog.DialogCode.Accepted:
            self.session.fix_speaker(quote, dialog.speaker)

    # Library ------------------------------------------------------------------------------

    def _library_shown(self, visible: bool) -> None:
        if visible:
            self._show_library()

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_TIMEOUT_MS)

    def _library_changed(self, _annotation_id: str) -> None:
        self._show_library()

    def _show_library(self) -> None:
        # Articles with their annotation counts: a query worth running only where it is seen;
        # the dock catches up when it is shown.
        if not self.library_dock.isVisible():
            return

        try:
            articles = self.session.store.articles()
        except StoreError as error:
            self.statusBar().showMessage(describe(error), STATUS_TIMEOUT_MS)
            return
        current = self.session.article.id if self.session.article else None
        self.library_panel.show_articles(articles, current)
        if self.library_panel.model.searching:
            self._search_library(self.library_panel.search.text())

    def show_quotes_of_speaker(self, speaker: str) -> None:
        self._show_library_view(
            lambda: self.session.library.quotes_of_speaker(speaker),
            self.tr("Citations de %1 : %2"),
            speaker,
        )

    def show_articles_mentioning(self, canonical: str) -> None:
        self._show_library_view(
            lambda: self.session.library.articles_mentioning(canonical),
            self.tr("Articles qui mentionnent %1 : %2"),
            canonical,
        )

    def _show_library_view(
        self, hits: Callable[[], list[SearchHit]], heading: str, name: str
    ) -> None:
        try:
            found = hits()
        except StoreError as error:
            self.statusBar().showMessage(describe(error), STATUS_TIMEOUT_MS)
            return
        self.library_dock.show()
        self.library_dock.raise_()
        self.library_panel.show_view(
            heading.replace("%1", name).replace("%2", str(len(found))), found
        )

    def _search_library(self, query: str) -> None:

        if not query.strip():
            self.library_panel.show_hits(None)
            return
        try:
            self.library_panel.show_hits(self.session.store.search(query))
        except StoreError as error:
            self.statusBar().showMessage(describe(error), STATUS_TIMEOUT_MS)

    def _open_from_library(self, article_id: int, start: int, end: int) -> None:
        current = self.session.article.id if self.session.article else None
        if article_id != current and not self.session.open_article(article_id):
            return
        if start >= 0:
            self.view.reveal(start, end)
            self.view.select_range(start, end)
        elif self.library_panel.model.searching:
            self.find_bar.open_bar(self.library_panel.search.text())

    def _delete_article(self, article_id: int) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Supprimer l’article"),
            self.tr(
                "Supprimer cet article et ses annotations de la bibliothèque ? "
                "Vous pourrez annuler (Ctrl+Z)."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.session.delete_article(article_id)

    def _reattach(self, annotation_id: str) -> None:
        selected = self.view.selected_range()
        if selected is None:
            self.statusBar().showMessage(
                self.tr("Sélectionnez dans le texte le passage où rattacher l’annotation."),
                STATUS_TIMEOUT_MS,
            )
            return
        if self.session.reattach(annotation_id, *selected):
            self.statusBar().showMessage(self.tr("Annotation rattachée."), STATUS_TIMEOUT_MS)

    # Files --------------------------------------------------------------------------------

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Ouvrir un article"),
            "",
            self.tr("Articles (*.txt *.md *.markdown);;Tous les fichiers (*)"),
        )
        if path:
            self.open_file(path)

    def ask_address(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        url, accepted = QInputDialog.getText(
            self,
            self.tr("Ouvrir une adresse"),
            self.tr("Adresse de l’article (http:// ou https://) :"),
        )
        if accepted and url.strip():
            self.session.open_address(url.strip())

    def open_file(self, path: str) -> bool:
        opened = self.session.open_path(path)
        if opened:
            self.settings.remember_file(str(Path(path).resolve()))
        return opened

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files
        if not recent:
            empty = self.recent_menu.addAction(self.tr("(aucun)"))
            empty.setEnabled(False)
            return
        for number, path in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{number % 10}  {Path(path).name}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, chosen=path: self.open_file(chosen))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = [url for url in event.mimeData().urls() if url.isLocalFile()]
        if urls:
            event.acceptProposedAction()
            self.open_file(urls[0].toLocalFile())

    def show_export(self) -> ExportDialog:
        from reader.export.protected import ProtectedFiles
        from ui.export_dialog import ExportDialog  # Pygments only once the dialog is asked for

        article = self.session.article
        title = article.title if article else "glose"
        current = self.annotations_panel.current_id()
        dialog = ExportDialog(
            self.session.export_text,
            self.theme,
            suggested_name=safe_file_name(title) + ".md",
            protected=lambda: ProtectedFiles.of_library(self.session.store),
            selected=[current] if current else [],
            tags=self.session.all_tags(),
            styles=list(self.session.styles),
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def import_annotations(self, path: str | None = None) -> None:
        """Import a Web Annotation JSON-LD file, asking which one when ``path`` is not given."""
        from reader.export.jsonld import AnnotationImportError, import_annotations_file
        from reader.sources import SourceError

        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                self,
                self.tr("Importer des annotations"),
                "",
                self.tr("Web Annotation JSON-LD (*.jsonld *.json);;Tous les fichiers (*)"),
            )
        if not path:
            return
        try:
            report = import_annotations_file(self.session.store, Path(path))
        except (AnnotationImportError, SourceError, StoreError) as error:
            self.show_error(describe(error))
            return
        self.session.reload()
        QMessageBox.information(
            self,
            self.tr("Annotations importées"),
            self.tr(
                "%1 créée(s), %2 mise(s) à jour, %3 inchangée(s) ; %4 déplacée(s), %5 orpheline(s)."
            )
            .replace("%1", str(report.created))
            .replace("%2", str(report.updated))
            .replace("%3", str(report.unchanged))
            .replace("%4", str(report.moved))
            .replace("%5", str(report.orphaned)),
        )

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("À propos de Glose"),
            self.tr(
                "<h3>Glose %1</h3><p>Lire et annoter les articles de presse : citations et "
                "locuteurs, entités nommées, notes exportées en Markdown.</p>"
            ).replace("%1", __version__),
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.session.refresh_if_changed()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.zoom = self.view.zoom
        self.settings.sync()
        super().closeEvent(event)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
