"""Files in and out of the window: opening an article (dialog, address, recent files), the
export dialog, and importing annotations."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from reader.export.files import safe_file_name
from ui.session import ArticleSession
from ui.settings import Settings

if TYPE_CHECKING:
    from reader.export.jsonld import ImportReport
    from ui.annotations_panel import AnnotationsPanel
    from ui.export_dialog import ExportDialog
    from ui.theme import Theme


class FileActions(QObject):
    def __init__(
        self,
        window: QMainWindow,
        session: ArticleSession,
        settings: Settings,
        recent_menu: QMenu,
    ) -> None:
        super().__init__(window)
        self.session = session
        self.settings = settings
        self.recent_menu = recent_menu
        recent_menu.aboutToShow.connect(self._fill_recent_menu)

    @property
    def window(self) -> QMainWindow:
        """The window, as the parent: never held, so that no cycle outlives it."""
        return cast(QMainWindow, self.parent())

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Ouvrir un article"),
            "",
            self.tr("Articles (*.txt *.md *.markdown);;Tous les fichiers (*)"),
        )
        if path:
            self.open_file(path)

    def ask_address(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        url, accepted = QInputDialog.getText(
            self.window,
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

    def show_export(self, theme: Theme, annotations_panel: AnnotationsPanel) -> ExportDialog:
        from ui.export_dialog import ExportDialog  # Pygments only once the dialog is asked for

        article = self.session.article
        title = article.title if article else "glose"
        current = annotations_panel.current_id()
        dialog = ExportDialog(
            self.session.export_text,
            theme,
            suggested_name=safe_file_name(title) + ".md",
            protected=self.session.library.protected_files,
            selected=[current] if current else [],
            tags=self.session.all_tags(),
            styles=list(self.session.styles),
            parent=self.window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def import_annotations(self, path: str | None = None) -> None:
        """Import a Web Annotation JSON-LD file, asking which one when ``path`` is not given:
        read, checked and written off the GUI thread, then one step of the undo stack."""
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                self.window,
                self.tr("Importer des annotations"),
                "",
                self.tr("Web Annotation JSON-LD (*.jsonld *.json);;Tous les fichiers (*)"),
            )
        if path:
            self.session.import_annotations(Path(path), self._show_import)

    def _show_import(self, report: ImportReport) -> None:
        QMessageBox.information(
            self.window, self.tr("Annotations importées"), self.import_summary(report)
        )

    def import_summary(self, report: ImportReport) -> str:
        """What an import did, a line for each outcome that needs saying, each count with its
        plural in the interface language."""
        counts = ", ".join(
            (
                self.tr("%n créée(s)", "", report.created),
                self.tr("%n mise(s) à jour", "", report.updated),
                self.tr("%n inchangée(s)", "", report.unchanged),
            )
        )
        anchoring = ", ".join(
            (
                self.tr("%n déplacée(s)", "", report.moved),
                self.tr("%n orpheline(s)", "", report.orphaned),
            )
        )
        lines = [self.tr("%1 ; %2.").replace("%1", counts).replace("%2", anchoring)]
        if report.kept:
            lines.append(
                self.tr(
                    "%n gardée(s) telle(s) quelle(s) : la copie de la bibliothèque est plus "
                    "récente.",
                    "",
                    report.kept,
                )
            )
        if report.renamed:
            lines.append(
                self.tr(
                    "%n importée(s) comme nouvelle(s) : son identifiant était celui d’une "
                    "annotation d’un autre article.",
                    "",
                    report.renamed,
                )
            )
        return "\n".join(lines)
