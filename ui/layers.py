"""What each highlight layer is called, how it looks, and which spans it holds.

Styles are not colour alone: quotations get a tint and a text colour, each entity type its own
underline pattern, annotations a background in their named style.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QTextCharFormat

from reader.analysis.model import Analysis, Label
from reader.store import Annotation, Status
from reader.styles import HighlightStyle, StyleBook
from ui.highlighting import Span
from ui.theme import Theme

QUOTES = "quotes"
ANNOTATIONS = "annotations"
SEARCH = "search"


@dataclass(frozen=True, slots=True)
class LayerInfo:
    name: str
    priority: int
    label: str
    description: str


PRIORITY: dict[str, int] = {
    QUOTES: 10,
    ANNOTATIONS: 20,
    Label.PER: 30,
    Label.LOC: 31,
    Label.ORG: 32,
    Label.MISC: 33,
    Label.DATE: 34,
    SEARCH: 40,
}
"""Each layer's rank when highlights overlap: the higher one is drawn over the lower."""


class Underline(Enum):
    """How each entity type is underlined: in the text, and in the legend's samples."""

    SOLID = QTextCharFormat.UnderlineStyle.SingleUnderline
    DASH = QTextCharFormat.UnderlineStyle.DashUnderline
    DOT = QTextCharFormat.UnderlineStyle.DotLine
    WAVE = QTextCharFormat.UnderlineStyle.WaveUnderline
    DASH_DOT = QTextCharFormat.UnderlineStyle.DashDotLine


_UNDERLINES = {
    Label.PER: Underline.SOLID,
    Label.LOC: Underline.DASH,
    Label.ORG: Underline.DOT,
    Label.MISC: Underline.WAVE,
    Label.DATE: Underline.DASH_DOT,
}


def underline_of(label: Label) -> Underline:
    return _UNDERLINES[label]


def layer_infos() -> list[LayerInfo]:
    return [
        LayerInfo(
            QUOTES,
            PRIORITY[QUOTES],
            QCoreApplication.translate("Layers", "Citations"),
            QCoreApplication.translate("Layers", "teinte bleue"),
        ),
        LayerInfo(
            ANNOTATIONS,
            PRIORITY[ANNOTATIONS],
            QCoreApplication.translate("Layers", "Annotations"),
            QCoreApplication.translate("Layers", "fond de couleur du style"),
        ),
        LayerInfo(
            Label.PER,
            PRIORITY[Label.PER],
            QCoreApplication.translate("Layers", "Personnes"),
            QCoreApplication.translate("Layers", "souligné plein"),
        ),
        LayerInfo(
            Label.LOC,
            PRIORITY[Label.LOC],
            QCoreApplication.translate("Layers", "Lieux"),
            QCoreApplication.translate("Layers", "souligné tirets"),
        ),
        LayerInfo(
            Label.ORG,
            PRIORITY[Label.ORG],
            QCoreApplication.translate("Layers", "Organisations"),
            QCoreApplication.translate("Layers", "souligné pointillé"),
        ),
        LayerInfo(
            Label.MISC,
            PRIORITY[Label.MISC],
            QCoreApplication.translate("Layers", "Autres noms"),
            QCoreApplication.translate("Layers", "souligné ondulé"),
        ),
        LayerInfo(
            Label.DATE,
            PRIORITY[Label.DATE],
            QCoreApplication.translate("Layers", "Dates"),
            QCoreApplication.translate("Layers", "souligné tiret-point"),
        ),
        LayerInfo(
            SEARCH,
            PRIORITY[SEARCH],
            QCoreApplication.translate("Layers", "Recherche"),
            QCoreApplication.translate("Layers", "fond orange"),
        ),
    ]


def label_name(label: str) -> str:
    return next((info.label for info in layer_infos() if info.name == label), label)


def quote_format(theme: Theme) -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setBackground(QColor(theme.quote_background))
    char_format.setForeground(QColor(theme.quote_text))
    return char_format


def entity_format(theme: Theme, label: Label) -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setUnderlineStyle(_UNDERLINES[label].value)
    char_format.setUnderlineColor(QColor(theme.entity_colours[label]))
    return char_format


def annotation_format(theme: Theme, style: HighlightStyle) -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setBackground(QColor(theme.style_background(style)))
    char_format.setForeground(QColor(theme.text))
    return char_format


def search_format(theme: Theme) -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setBackground(QColor(theme.search_background))
    char_format.setForeground(QColor(theme.text))
    return char_format


def quote_spans(analysis: Analysis, theme: Theme) -> list[Span]:
    char_format = quote_format(theme)
    return [(q.start, q.end, char_format) for q in analysis.quotes if q.parent is None]


def entity_spans(analysis: Analysis, theme: Theme) -> dict[str, list[Span]]:
    formats = {label: entity_format(theme, label) for label in Label}
    spans: dict[str, list[Span]] = {str(label): [] for label in Label}
    for entity in analysis.entities:
        spans[str(entity.label)].append((entity.start, entity.end, formats[entity.label]))
    return spans


def annotation_spans(
    annotations: list[Annotation], theme: Theme, styles: StyleBook
) -> dict[str, Span]:
    """The highlight of each annotation that has a passage, by annotation id."""
    formats: dict[str, QTextCharFormat] = {}
    spans: dict[str, Span] = {}
    for annotation in annotations:
        span = annotation_span(annotation, theme, styles, formats)
        if span is not None:
            spans[annotation.id] = span
    return spans


def note_markers(annotations: list[Annotation]) -> dict[str, int]:
    """The note dots of ``annotations``, by annotation id (see ``note_marker``)."""
    markers = {a.id: note_marker(a) for a in annotations}
    return {key: at for key, at in markers.items() if at is not None}


def note_marker(annotation: Annotation) -> int | None:
    """Where the dot that says "this highlight has a note" goes: at the start of its passage,
    for an annotation with a note whose passage is still in the text (None otherwise)."""
    if annotation.status is Status.ORPHANED or not annotation.note.strip():
        return None
    return annotation.start


def annotation_span(
    annotation: Annotation,
    theme: Theme,
    styles: StyleBook,
    formats: dict[str, QTextCharFormat] | None = None,
) -> Span | None:
    """The highlight of one annotation (None for an orphan, which has no passage);
    ``formats`` keeps one format per style across calls."""
    if annotation.status is Status.ORPHANED:
        return None
    formats = {} if formats is None else formats
    if annotation.style not in formats:
        formats[annotation.style] = annotation_format(theme, styles.named(annotation.style))
    return (annotation.start, annotation.end, formats[annotation.style])
