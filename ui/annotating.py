"""The reader's gestures on the text and the lists, made into session calls: what a click or a
hover points at, annotating, editing and deleting, the current style, correcting the analysis.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject

from reader.analysis.entity_fixes import Correction
from reader.analysis.model import EntityGroup, Label, Quote
from reader.store import Kind
from reader.styles import DEFAULT_STYLE
from ui import i18n, layers

if TYPE_CHECKING:
    from ui.main_window import MainWindow

NOTE_PREVIEW_CHARS = 160


class Annotating(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.session = window.session
        self.view = window.view
        self.current_style = DEFAULT_STYLE

    @property
    def window(self) -> MainWindow:
        """The window, as the parent: never held, so that no cycle outlives it."""
        return cast("MainWindow", self.parent())

    def _tell(self, text: str) -> None:
        self.window.show_message(text)

    # What the pointer is on ---------------------------------------------------------------

    def clicked_at(self, offset: int) -> None:
        window = self.window
        annotations = self.session.annotations_at(offset)
        if annotations:
            window.annotations_panel.select(annotations[-1].id)
            window.annotations_dock.raise_()
            return
        entity = self.session.entity_at(offset)
        if entity is not None:
            window.entities_panel.select_mention(entity)
            window.entities_dock.raise_()
            return
        quote = self.session.quote_at(offset)
        if quote is not None:
            window.quotes_panel.select_quote(quote.start)
            window.quotes_dock.raise_()

    def tooltip_at(self, offset: int) -> None:
        lines: list[str] = []
        for annotation in self.session.annotations_at(offset):
            note = annotation.note.strip() or self.tr("(sans note)")
            if len(note) >= NOTE_PREVIEW_CHARS:
                note = note[:NOTE_PREVIEW_CHARS] + "…"
            lines.append(f"<b>{self.tr('Annotation')}</b> : {escape(note, quote=False)}")
        quote = self.session.quote_at(offset)
        if quote is not None:
            speaker = quote.speaker.name if quote.speaker else self.tr("locuteur non identifié")
            cue = f" — <i>{escape(quote.cue.text, quote=False)}</i>" if quote.cue else ""
            lines.append(f"<b>{self.tr('Citation')}</b> : {escape(speaker, quote=False)}{cue}")
        entity = self.session.entity_at(offset)
        if entity is not None:
            group = ""
            if entity.canonical != entity.text:
                group = f" ({escape(entity.canonical, quote=False)})"
            name = layers.label_name(str(entity.label))
            lines.append(f"<b>{name}</b> : {escape(entity.text, quote=False)}{group}")
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

    def current_annotation_id(self) -> str | None:
        """The annotation under the text cursor when the text has focus, else the listed one."""
        if self.view.hasFocus():
            offset = self.view.to_python(self.view.textCursor().position())
            under_cursor = self.session.annotations_at(offset)
            if under_cursor:
                return under_cursor[-1].id
        return self.window.annotations_panel.current_id()

    # Annotating ---------------------------------------------------------------------------

    def annotate(self) -> None:
        target = self.annotation_target()
        if target is None:
            self._tell(
                self.tr(
                    "Sélectionnez un passage, ou cliquez une citation ou une entité, puis Annoter."
                )
            )
            return
        start, end, kind, ref = target
        context = ""
        if kind is Kind.QUOTE and ref:
            context = self.tr("Citation de %1").replace("%1", ref)
        elif kind is Kind.ENTITY:
            context = self.tr("Entité : %1").replace("%1", ref)
        from ui.annotation_editor import AnnotationEditor

        editor = AnnotationEditor(
            self.view.text[start:end],
            self.window.theme,
            style=self.current_style,
            known_tags=self.session.all_tags(),
            context=context,
            styles=list(self.session.styles),
            parent=self.window,
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
            self._tell(self.tr("Annotation enregistrée."))

    def edit_annotation(self, annotation_id: str) -> None:
        annotation = self.session.annotation(annotation_id)
        if annotation is None:
            return
        from ui.annotation_editor import AnnotationEditor

        editor = AnnotationEditor(
            self.view.text[annotation.start : annotation.end] or annotation.exact,
            self.window.theme,
            note=annotation.note,
            tags=annotation.tags,
            style=annotation.style,
            known_tags=self.session.all_tags(),
            editing=True,
            styles=list(self.session.styles),
            parent=self.window,
        )
        if editor.exec() == AnnotationEditor.DialogCode.Accepted:
            self.session.edit(
                annotation_id, note=editor.note, tags=editor.tags, style=editor.style_name
            )

    def edit_current(self) -> None:
        current = self.current_annotation_id()
        if current:
            self.edit_annotation(current)

    def delete_current(self) -> None:
        current = self.current_annotation_id()
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
            self._tell(self.tr("Sélectionnez d’abord un passage."))
            return
        start, end, kind, ref = target
        if self.session.annotate(start, end, style=self.current_style, kind=kind, ref=ref):
            label = self.session.styles.label(self.current_style, i18n.language())
            self._tell(self.tr("Surligné : %1").replace("%1", label))

    def reattach(self, annotation_id: str) -> None:
        selected = self.view.selected_range()
        if selected is None:
            self._tell(self.tr("Sélectionnez dans le texte le passage où rattacher l’annotation."))
            return
        if self.session.reattach(annotation_id, *selected):
            self._tell(self.tr("Annotation rattachée."))

    # The current style --------------------------------------------------------------------

    def label_style_keys(self) -> None:
        """The *Style courant* items: one per style, the current one checked."""
        styles = list(self.session.styles)
        if self.current_style not in {style.name for style in styles}:
            self.current_style = styles[0].name
        for number, action in enumerate(self.window.action_set.style_keys, start=1):
            named = styles[number - 1] if number <= len(styles) else None
            action.setVisible(named is not None)
            action.setEnabled(named is not None)
            if named is not None:
                action.setText(
                    self.tr("Style %1 : %2")
                    .replace("%1", str(number))
                    .replace("%2", named.label(i18n.language()))
                )
                action.setChecked(named.name == self.current_style)

    def pick_style_at(self, index: int) -> None:
        styles = list(self.session.styles)
        if index < len(styles):
            self.pick_style(styles[index].name)

    def pick_style(self, name: str) -> None:
        self.current_style = name
        self.label_style_keys()
        panel = self.window.annotations_panel
        current = panel.current_id()
        if current and panel.view.hasFocus():
            self.session.edit(current, style=name)
        label = self.session.styles.label(name, i18n.language())
        self._tell(self.tr("Style courant : %1").replace("%1", label))

    def edit_styles(self) -> None:
        from ui.styles_dialog import StylesDialog

        dialog = StylesDialog(list(self.session.styles), self.window)
        if dialog.exec() == StylesDialog.DialogCode.Accepted:
            self.session.save_styles(dialog.styles)

    # Correcting the analysis --------------------------------------------------------------

    def correct(self, *corrections: Correction) -> None:
        everywhere = self.window.action_set.everywhere.isChecked()
        if self.session.correct_entities(corrections, everywhere):
            self._tell(self.tr("Correction enregistrée ; l’article est réanalysé."))

    def relabel_group(self, group: EntityGroup, label: str) -> None:
        """Every form of ``group`` is an entity of type ``label``."""
        self.correct(*[Correction("relabel", text=form, label=label) for form in group.forms])

    def remove_group(self, group: EntityGroup) -> None:
        """No form of ``group`` is an entity."""
        self.correct(*[Correction("remove", text=form) for form in group.forms])

    def merge_groups(self, group: EntityGroup, kept: EntityGroup) -> None:
        """``group``'s mentions go under ``kept``'s name."""
        self.correct(Correction("merge", canonical=group.canonical, target=kept.canonical))

    def split_group(self, group: EntityGroup, form: str) -> None:
        """``form`` leaves ``group`` to be a group of its own."""
        self.correct(Correction("split", text=form, canonical=form))

    def add_entity(self) -> None:
        """Mark the selected words (everywhere they occur) as an entity of a chosen type."""
        from PySide6.QtWidgets import QInputDialog

        selected = self.view.selected_range()
        if selected is None:
            self._tell(self.tr("Sélectionnez d’abord les mots qui forment le nom."))
            return
        words = self.view.text[selected[0] : selected[1]]
        labels = [info for info in layers.layer_infos() if info.name in Label.__members__]
        choice, accepted = QInputDialog.getItem(
            self.window,
            self.tr("Marquer comme entité"),
            self.tr("Type de « %1 » :").replace("%1", words),
            [info.label for info in labels],
            0,
            False,
        )
        if accepted:
            label = next(info.name for info in labels if info.label == choice)
            self.correct(Correction("add", text=words, label=label, canonical=words))

    def fix_speaker(self, quote: Quote) -> None:
        from ui.speaker_dialog import SpeakerDialog

        dialog = SpeakerDialog(quote, self.session.speaker_candidates(), self.window)
        if dialog.exec() == SpeakerDialog.DialogCode.Accepted:
            self.session.fix_speaker(quote, dialog.speaker)
