"""The open article as the window shows it: what the session holds, pushed to the text's
highlight layers, the side panels, the legend and the status bar as each signal comes."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject

from reader import APP_NAME
from reader.store import Annotation
from ui import layers

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class ArticleDisplay(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.session = session = window.session
        self._analysis_counts: Counter[str] = Counter()
        session.article_opened.connect(self._show_article)
        session.analysis_changed.connect(self.show_analysis)
        session.annotations_reset.connect(self.show_annotations)
        session.annotations_extended.connect(self._annotations_extended)
        session.annotation_added.connect(self._annotation_added)
        session.annotation_changed.connect(self._annotation_changed)
        session.annotation_removed.connect(self._annotation_removed)
        session.analysis_started.connect(self._analysis_started)
        session.analysis_progress.connect(self._analysis_progress)

    @property
    def window(self) -> MainWindow:
        """The window, as the parent: never held, so that no cycle outlives it."""
        return cast("MainWindow", self.parent())

    def _show_article(self) -> None:
        loaded = self.session.loaded
        assert loaded is not None
        self.window.view.show_article(loaded.text, loaded.layout, self.window.theme)
        self.window.find_bar.set_text(loaded.text)
        self.window.setWindowTitle(f"{loaded.title or APP_NAME} — {APP_NAME}")
        self.window.legend.hide_layers(self.window.hidden_layers)

    def show_analysis(self) -> None:
        analysis = self.session.analysis
        self.window.layers.show_analysis(analysis)
        self.window.quotes_panel.set_quotes(analysis.quotes)
        self.window.entities_panel.set_entities(analysis.entities, analysis.engine)
        # Counted once per analysis rather than at every annotation change (a long text has
        # tens of thousands of entities).
        counts = Counter(str(entity.label) for entity in analysis.entities)
        counts[layers.QUOTES] = sum(1 for q in analysis.quotes if q.parent is None)
        self._analysis_counts = counts
        self.update_legend()
        if self.session.analysis_complete:
            self.window.progress.setVisible(False)

    def show_annotations(self) -> None:
        annotations = self.session.annotations_so_far()
        self.window.layers.show_annotations(annotations, self.session.styles)
        self.update_legend()
        loaded = self.session.loaded
        self.window.annotations_panel.set_content(loaded.text if loaded else "", annotations)

    def _annotations_extended(self, annotations: list[Annotation]) -> None:
        """More annotations of the open article, read in the background: highlighted and
        listed after the others."""
        self.window.layers.add_annotations(annotations, self.session.styles)
        self.window.annotations_panel.extend(annotations)
        self.update_legend()

    def _annotation_added(self, annotation_id: str) -> None:
        self._annotation_changed(annotation_id)
        self.window.annotations_dock.raise_()
        self.window.annotations_panel.select(annotation_id)

    def _annotation_changed(self, annotation_id: str) -> None:
        """One annotation: its highlight and its card, not the whole list again."""
        annotation = self.session.annotation(annotation_id)
        self.window.layers.put_annotation(annotation_id, annotation, self.session.styles)
        self.update_legend()
        if annotation is not None:
            self.window.annotations_panel.put(annotation)

    def _annotation_removed(self, annotation_id: str) -> None:
        self.window.layers.put_annotation(annotation_id, None, self.session.styles)
        self.update_legend()
        self.window.annotations_panel.remove(annotation_id)

    def update_legend(self) -> None:
        counts = Counter(self._analysis_counts)
        counts[layers.ANNOTATIONS] = self.session.annotation_count()
        self.window.legend.show_counts(counts)
        self.window.counts_label.setText(
            self.tr("%1 citations · %2 entités · %3 annotations")
            .replace("%1", str(counts[layers.QUOTES]))
            .replace("%2", str(len(self.session.analysis.entities)))
            .replace("%3", str(counts[layers.ANNOTATIONS]))
        )

    def _analysis_started(self, text: str) -> None:
        self.window.progress.setRange(0, 0)
        self.window.progress.setVisible(True)
        self.window.show_message(text)

    def _analysis_progress(self, done: int, total: int) -> None:
        self.window.progress.setRange(0, max(total, 1))
        self.window.progress.setValue(done)
