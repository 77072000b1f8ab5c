"""What the article view highlights: the session's analysis, annotations and search hits, each
pushed to its layer at the rank ``layers.PRIORITY`` gives it."""

from __future__ import annotations

from reader.analysis.model import Analysis
from reader.store import Annotation
from reader.styles import StyleBook
from ui import layers
from ui.article_view import ArticleView
from ui.theme import Theme


class LayerPresenter:
    def __init__(self, view: ArticleView, theme: Theme) -> None:
        self.view = view
        self.theme = theme

    def _set(self, name: str, spans: list[layers.Span]) -> None:
        self.view.highlighter.set_layer(name, layers.PRIORITY[name], spans)

    def show_analysis(self, analysis: Analysis) -> None:
        self._set(layers.QUOTES, layers.quote_spans(analysis, self.theme))
        for label, spans in layers.entity_spans(analysis, self.theme).items():
            self._set(label, spans)

    def show_annotations(self, annotations: list[Annotation], styles: StyleBook) -> None:
        """Every annotation's highlight and note marker, in place of those shown."""
        self.view.highlighter.set_layer(
            layers.ANNOTATIONS,
            layers.PRIORITY[layers.ANNOTATIONS],
            layers.annotation_spans(annotations, self.theme, styles),
        )
        self.view.set_note_markers(layers.note_markers(annotations))

    def add_annotations(self, annotations: list[Annotation], styles: StyleBook) -> None:
        """Highlights and note markers of more annotations, after those shown."""
        self.view.highlighter.add_spans(
            layers.ANNOTATIONS,
            layers.PRIORITY[layers.ANNOTATIONS],
            layers.annotation_spans(annotations, self.theme, styles),
        )
        for key, marker in layers.note_markers(annotations).items():
            self.view.put_note_marker(key, marker)

    def put_annotation(
        self, annotation_id: str, annotation: Annotation | None, styles: StyleBook
    ) -> None:
        """Swap one annotation's highlight and note marker (``None``: it is gone)."""
        span, marker = None, None
        if annotation is not None:
            span = layers.annotation_span(annotation, self.theme, styles)
            marker = layers.note_marker(annotation)
        self.view.highlighter.put_span(
            layers.ANNOTATIONS, layers.PRIORITY[layers.ANNOTATIONS], annotation_id, span
        )
        self.view.put_note_marker(annotation_id, marker)

    def show_matches(self, matches: list[tuple[int, int]]) -> None:
        search_format = layers.search_format(self.theme)
        self._set(layers.SEARCH, [(s, e, search_format) for s, e in matches])
