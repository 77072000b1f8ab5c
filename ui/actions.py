"""Every action of the main window, declared once with its shortcut, and worded in the
interface language: ``retranslate`` words them again when the language changes."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QWidget

THEMES = ("system", "light", "dark")
LANGUAGES = (("fr", "Français"), ("en", "English"))
"""Each language is named in itself, so that anyone finds their own."""
STYLE_KEYS = 9


class Actions(QObject):
    """The window's actions; ``owner`` gets those whose shortcuts work anywhere in it."""

    def __init__(self, owner: QWidget, undo_stack: QUndoStack) -> None:
        # The owner is reached as the parent, never held: a Python reference from a child to
        # its window would make a cycle the collector frees at exit, after Qt is gone.
        super().__init__(owner)
        standard = QKeySequence.StandardKey
        self.open = self._action(standard.Open)
        self.open_address = self._action("Ctrl+Shift+O")
        self.export = self._action("Ctrl+E")
        self.import_annotations = self._action()
        self.quit = self._action(standard.Quit)
        self.annotate = self._action("A")
        # Return and Delete belong to the list or the text they act on, not the window (the
        # find bar and the editors need those keys for themselves): their owners add them.
        self.edit = self._action("Return", anywhere=False)
        self.delete = self._action(standard.Delete, anywhere=False)
        for action in (self.edit, self.delete):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # Undo and redo say what they would undo or redo: « Annuler Annoter ».
        self._steps = {"undo": undo_stack.undoText(), "redo": undo_stack.redoText()}
        self.undo = self._action(standard.Undo)
        self.redo = self._action()
        self.redo.setShortcuts([QKeySequence(standard.Redo), QKeySequence("Ctrl+Shift+Z")])
        self.undo.triggered.connect(undo_stack.undo)
        self.redo.triggered.connect(undo_stack.redo)
        undo_stack.canUndoChanged.connect(self.undo.setEnabled)
        undo_stack.canRedoChanged.connect(self.redo.setEnabled)
        undo_stack.undoTextChanged.connect(self._undo_step_changed)
        undo_stack.redoTextChanged.connect(self._redo_step_changed)
        self.undo.setEnabled(undo_stack.canUndo())
        self.redo.setEnabled(undo_stack.canRedo())
        self.zoom_in = self._action()
        self.zoom_in.setShortcuts([QKeySequence(standard.ZoomIn), QKeySequence("Ctrl+=")])
        self.zoom_out = self._action(standard.ZoomOut)
        self.zoom_reset = self._action("Ctrl+0")
        self.caret = self._action("F7", checkable=True)
        self.about = self._action()
        self.add_entity = self._action("E")
        self.everywhere = self._action(checkable=True)
        self.find = self._action(standard.Find)
        self.highlight = self._action("H")
        self.shortcuts = self._action()
        self.shortcuts.setShortcuts([QKeySequence("F1"), QKeySequence("?")])
        self.styles = self._action()
        self.style_keys = [
            self._action(str(number), checkable=True) for number in range(1, STYLE_KEYS + 1)
        ]
        self.themes = {name: self._action(checkable=True) for name in THEMES}
        self.languages = {code: self._action(checkable=True) for code, _name in LANGUAGES}
        self.retranslate()

    def _action(
        self,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        *,
        checkable: bool = False,
        anywhere: bool = True,
    ) -> QAction:
        owner = self.parent()
        assert isinstance(owner, QWidget)
        action = QAction(owner)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        if anywhere:
            owner.addAction(action)
        return action

    def _undo_step_changed(self, step: str) -> None:
        self._steps["undo"] = step
        self._word_history()

    def _redo_step_changed(self, step: str) -> None:
        self._steps["redo"] = step
        self._word_history()

    def _word_history(self) -> None:
        for action, verb, step in (
            (self.undo, self.tr("Annuler"), self._steps["undo"]),
            (self.redo, self.tr("Rétablir"), self._steps["redo"]),
        ):
            action.setText(f"{verb} {step}" if step else verb)

    @staticmethod
    def _word(action: QAction, text: str, tip: str = "") -> None:
        action.setText(text)
        action.setStatusTip(tip)
        action.setToolTip(tip)  # none given: Qt shows the text

    def retranslate(self) -> None:
        """Word every action in the interface language now in use."""
        word = self._word
        word(self.open, self.tr("&Ouvrir…"), self.tr("Ouvrir un article (.txt, .md)"))
        word(
            self.open_address,
            self.tr("Ouvrir une &adresse…"),
            self.tr("Télécharger un article depuis le web (seule action qui utilise le réseau)"),
        )
        word(self.export, self.tr("&Exporter…"), self.tr("Exporter les annotations en Markdown"))
        word(
            self.import_annotations,
            self.tr("&Importer des annotations…"),
            self.tr("Importer des annotations W3C JSON-LD (d’un export de Glose ou d’ailleurs)"),
        )
        word(self.quit, self.tr("&Quitter"))
        word(
            self.annotate,
            self.tr("&Annoter…"),
            self.tr("Annoter la sélection, la citation ou l’entité (A)"),
        )
        word(
            self.edit,
            self.tr("&Modifier l’annotation…"),
            self.tr("Modifier la note de l’annotation choisie (Entrée)"),
        )
        word(
            self.delete,
            self.tr("&Supprimer l’annotation"),
            self.tr("Supprimer l’annotation choisie (Suppr)"),
        )
        self._word_history()
        word(self.zoom_in, self.tr("Zoom &avant"))
        word(self.zoom_out, self.tr("Zoom a&rrière"))
        word(self.zoom_reset, self.tr("Taille &normale"))
        word(
            self.caret,
            self.tr("Curseur de &lecture"),
            self.tr("Afficher un curseur pour sélectionner au clavier (F7)"),
        )
        word(self.about, self.tr("À &propos de Glose"))
        word(
            self.add_entity,
            self.tr("Marquer comme &entité…"),
            self.tr("Marquer la sélection comme personne, lieu, organisation… (E)"),
        )
        word(self.everywhere, self.tr("Corrections pour &tous les articles"))
        self.everywhere.setToolTip(
            self.tr("Les corrections d’entités s’appliquent aussi aux autres articles")
        )
        word(self.find, self.tr("&Rechercher…"), self.tr("Rechercher dans l’article (Ctrl+F)"))
        word(
            self.highlight,
            self.tr("Surli&gner"),
            self.tr("Surligner la sélection dans le style courant (H)"),
        )
        word(self.shortcuts, self.tr("&Raccourcis clavier"))
        word(self.styles, self.tr("St&yles…"), self.tr("Nommer et colorer les styles"))
        word(self.themes["system"], self.tr("Thème du &système"))
        word(self.themes["light"], self.tr("Thème &clair"))
        word(self.themes["dark"], self.tr("Thème &sombre"))
        for code, name in LANGUAGES:
            word(self.languages[code], name)
