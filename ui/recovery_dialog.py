"""When the library cannot be opened at start-up: say why in one sentence, offer a way out.

``open_library_interactively`` is the start-up flow: it opens the library, and on a problem
shows a ``RecoveryDialog`` offering, as the problem allows, to start a new library (the damaged
file is renamed aside, never deleted), to restore the latest backup, to try again, to open
another data folder, or to quit. A library from a newer Glose is never renamed nor changed.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from reader import APP_NAME
from reader.library import (
    BUSY_TIMEOUT_MS,
    Library,
    LibraryProblem,
    LibraryUnavailable,
    ProblemKind,
)
from reader.store import StoreError
from ui import i18n

if TYPE_CHECKING:
    from reader.library import Backup


class Choice(Enum):
    NEW_LIBRARY = "new"
    RESTORE_BACKUP = "restore"
    RETRY = "retry"
    OTHER_FOLDER = "other"
    QUIT = "quit"


def problem_sentence(problem: LibraryProblem) -> str:
    """What is wrong, in one sentence, in the interface language."""
    sentences = {
        ProblemKind.CORRUPT: QCoreApplication.translate(
            "RecoveryDialog",
            "La bibliothèque %1 est endommagée ou n’est pas une bibliothèque Glose.",
        ),
        ProblemKind.NEWER: QCoreApplication.translate(
            "RecoveryDialog",
            "La bibliothèque %1 a été créée par une version plus récente de Glose : "
            "mettez Glose à jour pour l’ouvrir.",
        ),
        ProblemKind.READ_ONLY: QCoreApplication.translate(
            "RecoveryDialog",
            "La bibliothèque %1 ne peut pas être modifiée : le fichier ou son dossier est en "
            "lecture seule.",
        ),
        ProblemKind.LOCKED: QCoreApplication.translate(
            "RecoveryDialog",
            "La bibliothèque %1 est bloquée par un autre programme : fermez-le puis réessayez.",
        ),
        ProblemKind.UNUSABLE: QCoreApplication.translate(
            "RecoveryDialog", "La bibliothèque %1 ne peut pas être ouverte."
        ),
    }
    return sentences[problem.kind].replace("%1", str(problem.path))


class RecoveryDialog(QDialog):
    """The problem, what will happen to the file, and one button per possible way out."""

    def __init__(
        self,
        problem: LibraryProblem,
        latest_backup: Backup | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setWindowTitle(self.tr("Bibliothèque indisponible — %1").replace("%1", APP_NAME))
        self.problem = problem
        self.choice = Choice.QUIT

        self.message = QLabel(problem_sentence(problem))
        self.message.setObjectName("recoveryMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail = QLabel(self._detail_text(problem))
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.technical = QLabel(problem.detail)
        self.technical.setWordWrap(True)
        # Muted but legible on both themes: the theme's placeholder colour, a smaller size.
        self.technical.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        small = self.technical.font()
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.88))
        self.technical.setFont(small)
        self.technical.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons: dict[Choice, QPushButton] = {}
        if problem.can_quarantine:
            self._add_button(Choice.NEW_LIBRARY, self.tr("&Nouvelle bibliothèque"))
            if latest_backup is not None:
                self._add_button(
                    Choice.RESTORE_BACKUP,
                    self.tr("&Restaurer la sauvegarde du %1").replace(
                        "%1", i18n.short_date(latest_backup.day)
                    ),
                )
        if problem.can_retry:
            self._add_button(Choice.RETRY, self.tr("&Réessayer"))
        self._add_button(Choice.OTHER_FOLDER, self.tr("&Ouvrir un autre dossier…"))
        self._add_button(Choice.QUIT, self.tr("&Quitter"))

        row = QHBoxLayout()
        row.addStretch(1)
        for button in self.buttons.values():
            row.addWidget(button)
        strong = self.message.font()
        strong.setWeight(QFont.Weight.DemiBold)
        self.message.setFont(strong)
        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(40, 40)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.setSpacing(8)
        # Wrapped text takes what width it is given: it gets a readable measure, and the
        # dialog is never narrower than its row of buttons.
        self.message.setMinimumWidth(440)
        texts.addWidget(self.message)
        texts.addWidget(self.detail)
        texts.addWidget(self.technical)
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(icon)
        top.addLayout(texts, 1)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.setContentsMargins(20, 20, 20, 16)
        layout.setSpacing(16)
        layout.addLayout(top)
        layout.addLayout(row)
        first = next(iter(self.buttons.values()))
        first.setDefault(True)
        first.setFocus()

    def _detail_text(self, problem: LibraryProblem) -> str:
        if problem.can_quarantine:
            return self.tr(
                "Le fichier endommagé ne sera pas effacé : il sera renommé à côté, avec la date "
                "et l’heure, avant toute nouvelle bibliothèque ou restauration."
            )
        if problem.kind is ProblemKind.NEWER:
            return self.tr(
                "Le fichier est laissé tel quel. Vous pouvez ouvrir ou créer une bibliothèque "
                "dans un autre dossier."
            )
        return self.tr("Le fichier est laissé tel quel.")

    def _add_button(self, choice: Choice, text: str) -> None:
        button = QPushButton(text)
        button.setObjectName(f"recovery-{choice.value}")
        button.setAccessibleName(text.replace("&", ""))
        button.setAutoDefault(False)
        button.clicked.connect(lambda: self._choose(choice))
        self.buttons[choice] = button

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        if choice is Choice.QUIT:
            self.reject()
        else:
            self.accept()


def ask_with_dialog(
    problem: LibraryProblem, backup: Backup | None, parent: QWidget | None = None
) -> Choice:
    """Show the dialog (modal) and return what the person chose; closing it means quit."""
    dialog = RecoveryDialog(problem, backup, parent)
    dialog.exec()
    choice = dialog.choice
    dialog.deleteLater()
    return choice


def choose_folder_with_dialog(current: Path, parent: QWidget | None = None) -> Path | None:
    chosen = QFileDialog.getExistingDirectory(
        parent,
        QCoreApplication.translate("RecoveryDialog", "Dossier de la bibliothèque"),
        str(current.parent),
    )
    return Path(chosen) if chosen else None


def open_library_interactively(
    data_dir: Path,
    *,
    parent: QWidget | None = None,
    ask: Callable[[LibraryProblem, Backup | None], Choice] | None = None,
    choose_folder: Callable[[Path], Path | None] | None = None,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
) -> Library | None:
    """The library to work with, or None if the person chose to quit.

    ``ask`` and ``choose_folder`` default to the dialogs; they can be replaced (tests, or a
    front end without windows).
    """
    asking = ask or (lambda problem, backup: ask_with_dialog(problem, backup, parent))
    choosing = choose_folder or (lambda current: choose_folder_with_dialog(current, parent))
    folder = Path(data_dir)
    while True:
        try:
            return Library.open(folder, busy_timeout_ms)
        except LibraryUnavailable as unavailable:
            problem = unavailable.problem
        # The backup offered is the one restored, even should a newer one appear meanwhile.
        backups = Library.backups_in(folder) if problem.can_quarantine else []
        newest = backups[0] if backups else None
        choice = asking(problem, newest)
        try:
            if choice is Choice.NEW_LIBRARY and problem.can_quarantine:
                Library.set_aside(problem)
            elif choice is Choice.RESTORE_BACKUP and problem.can_quarantine:
                Library.set_aside(problem)
                if newest is not None:
                    Library.restore_as_library(folder, newest)
            elif choice is Choice.OTHER_FOLDER:
                chosen = choosing(folder)
                if chosen is not None:
                    folder = chosen
            elif choice is Choice.QUIT:
                return None
        except StoreError:
            # The next attempt meets the problem again, and the dialog says it.
            continue
