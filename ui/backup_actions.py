"""Backups from the app: the daily backup at start-up, and *Fichier → Restaurer une sauvegarde…*.

The work is in ``reader.store.backups``; this module only asks, confirms and reports.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from reader.library import StoreProblem
from reader.store import StoreError
from ui import i18n
from ui.errors import describe
from ui.session import ArticleSession
from ui.tasks import run_task

if TYPE_CHECKING:
    from reader.library import Backup


def start_daily_backup(session: ArticleSession) -> None:
    """Back the library up off the GUI thread, once a day; a problem is reported, not raised."""
    library = session.library

    def failed(problem: Exception, trace: str) -> None:
        if isinstance(problem, StoreError) and problem.reason is StoreProblem.CORRUPT:
            session.report_error(
                QCoreApplication.translate(
                    "BackupActions",
                    "La bibliothèque semble endommagée : la sauvegarde du jour n’a pas été faite. "
                    "Vous pouvez restaurer une sauvegarde depuis le menu Fichier.",
                )
            )
        else:
            session.say(
                QCoreApplication.translate(
                    "BackupActions", "La sauvegarde du jour a échoué : %1"
                ).replace("%1", describe(problem))
            )

    run_task(library.daily_backup, lambda _result: None, failed)


def backup_label(backup: Backup) -> str:
    locale = QLocale()
    day = i18n.short_date(backup.day)
    return (
        QCoreApplication.translate("BackupActions", "Sauvegarde du %1 (%2)")
        .replace("%1", day)
        .replace("%2", locale.formattedDataSize(backup.size))
    )


def restore_into_session(session: ArticleSession, backup: Backup) -> Path | None:
    """Restore ``backup`` into the open library and show it; returns where the previous
    library was kept, or None (the error is reported)."""
    aside = session.restore_backup(backup)
    if aside is None:
        return None
    session.say(
        QCoreApplication.translate(
            "BackupActions",
            "Sauvegarde du %1 restaurée ; la bibliothèque précédente est gardée dans %2.",
        )
        .replace("%1", i18n.short_date(backup.day))
        .replace("%2", aside.name)
    )
    return aside


def choose_and_restore(session: ArticleSession, parent: QWidget | None = None) -> Path | None:
    """Ask which backup to restore, confirm, restore; returns where the previous library is."""
    backups = session.library.backups()
    title = QCoreApplication.translate("BackupActions", "Restaurer une sauvegarde")
    if not backups:
        QMessageBox.information(
            parent,
            title,
            QCoreApplication.translate(
                "BackupActions",
                "Il n’y a pas encore de sauvegarde : Glose en fait une par jour, au démarrage.",
            ),
        )
        return None
    labels = [backup_label(backup) for backup in backups]
    label, accepted = QInputDialog.getItem(
        parent,
        title,
        QCoreApplication.translate("BackupActions", "Sauvegarde à restaurer :"),
        labels,
        0,
        False,
    )
    if not accepted or label not in labels:
        return None
    backup = backups[labels.index(label)]
    answer = QMessageBox.question(
        parent,
        title,
        QCoreApplication.translate(
            "BackupActions",
            "Remplacer la bibliothèque actuelle par la sauvegarde du %1 ? La bibliothèque "
            "actuelle est d’abord copiée à côté, elle n’est pas perdue.",
        ).replace("%1", i18n.short_date(backup.day)),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    return restore_into_session(session, backup)


def restore_action(session: ArticleSession, parent: QWidget) -> QAction:
    """The *Restaurer une sauvegarde…* menu action."""
    action = QAction(
        QCoreApplication.translate("BackupActions", "Restaurer une &sauvegarde…"), parent
    )
    action.setObjectName("restoreBackupAction")
    action.setStatusTip(
        QCoreApplication.translate(
            "BackupActions", "Remplacer la bibliothèque par une de ses sauvegardes quotidiennes"
        )
    )
    action.triggered.connect(lambda: choose_and_restore(session, parent))
    return action
