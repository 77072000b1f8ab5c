"""The buttons that end a dialog which saves what it edits: « Enregistrer » and « Annuler »."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox


def save_or_cancel(dialog: QDialog) -> QDialogButtonBox:
    """Save accepts ``dialog``, Cancel rejects it; the buttons are worded in the interface
    language rather than in the platform's."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Save).setText(
        QCoreApplication.translate("DialogButtons", "Enregistrer")
    )
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("DialogButtons", "Annuler")
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
