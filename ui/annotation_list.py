"""The *Annotations* list: the article's annotations as cards in reading order, and what
its search box and filters keep of them."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from enum import IntEnum
from html import escape
from typing import Any

from PySide6.QtCore import QDateTime, QLocale, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QWidget

from reader.store import Annotation, Status
from reader.styles import StyleBook
from reader.text import markdown_preview
from ui import i18n
from ui.cards import CARDS_AT_A_TIME, CardRole, CardRows, Index, redraw_rows
from ui.theme import Theme


class AnnotationRole(IntEnum):
    """What the filters of the list look at, beside the cards' own roles."""

    STATUS = CardRole.ARTICLE_ID + 1
    TAGS = CardRole.ARTICLE_ID + 2
    STYLE = CardRole.ARTICLE_ID + 3
    KIND = CardRole.ARTICLE_ID + 4


class AnnotationFilter(QSortFilterProxyModel):
    """The search text (any displayed word) and the tag, style, kind and status filters."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._wanted: dict[int, str] = {}

    def set_filter(self, role: int, value: str) -> None:
        self.beginFilterChange()
        if value:
            self._wanted[role] = value
        else:
            self._wanted.pop(role, None)
        self.endFilterChange()

    def filtering(self) -> bool:
        """A tag, style, kind, status or search filter is on."""
        return bool(self._wanted or self.filterRegularExpression().pattern())

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        if not self._wanted and not self.filterRegularExpression().pattern():
            return True
        index = self.sourceModel().index(row, 0, parent)
        for role, value in self._wanted.items():
            found = index.data(role)
            if value not in found if isinstance(found, tuple) else found != value:
                return False
        return super().filterAcceptsRow(row, parent)


class AnnotationListModel(CardRows):
    """The article's annotations in reading order, given to the list as it is scrolled."""

    def __init__(self, theme: Theme) -> None:
        super().__init__()
        self._rows: list[Annotation] = []
        self.tag_counts: Counter[str] = Counter()
        self.style_counts: Counter[str] = Counter()
        """How many rows carry each tag and each style: the filters offer those."""
        self._text = ""
        self._theme = theme
        self.styles = StyleBook()
        self._derived_cache: dict[tuple[str, str, str, str], tuple[str, str]] = {}

    def _derived(self, annotation: Annotation) -> tuple[str, str]:
        """The note's one-line preview and the short date, worked out once per version and
        interface language."""
        key = (annotation.id, annotation.updated, annotation.note, i18n.language())
        found = self._derived_cache.get(key)
        if found is None:
            found = (markdown_preview(annotation.note), _short_date(annotation.created))
            self._derived_cache[key] = found
        return found

    def set_content(self, text: str, annotations: list[Annotation]) -> None:
        if len(self._derived_cache) > 2 * len(annotations) + 1000:
            self._derived_cache.clear()
        self.beginResetModel()
        self._text = text
        self._rows = list(annotations)  # the session gives them in reading order
        self.tag_counts = Counter(tag for a in self._rows for tag in a.tags)
        self.style_counts = Counter(a.style for a in self._rows)
        self._end_reset()

    def extend(self, annotations: list[Annotation]) -> None:
        """Rows that come after all the others in reading order, added at the end (shown
        when the list asks for more, or at once while it shows every row)."""
        if not annotations:
            return
        every_row_shown = self._shown == len(self._rows)
        self._rows.extend(annotations)
        self.tag_counts.update(tag for a in annotations for tag in a.tags)
        self.style_counts.update(a.style for a in annotations)
        if self._every_row_wanted:
            self.show_up_to(len(self._rows) - 1)
        elif every_row_shown:
            self.show_up_to(CARDS_AT_A_TIME - 1)

    def row_total(self) -> int:
        return len(self._rows)

    def put(self, annotation: Annotation) -> None:
        """One annotation added or changed, without resetting the other rows."""
        row = self.row_of(annotation.id)
        if row >= 0:
            before = self._rows[row]
            if before.reading_order == annotation.reading_order:
                self._count(before, -1)
                self._count(annotation, +1)
                self._rows[row] = annotation
                if row < self._shown:
                    self.dataChanged.emit(self.index(row), self.index(row))
                return
            self.remove(annotation.id)  # re-attached elsewhere: it moves to its new place
        # Rows stay in reading order, so the list needs no sorting in that order.
        at = bisect_right(self._rows, annotation.reading_order, key=lambda a: a.reading_order)
        shown = at <= self._shown
        if shown:
            self.beginInsertRows(QModelIndex(), at, at)
            self._shown += 1
        self._rows.insert(at, annotation)
        self._count(annotation, +1)
        if shown:
            self.endInsertRows()

    def remove(self, annotation_id: str) -> None:
        row = self.row_of(annotation_id)
        if row < 0:
            return
        if row >= self._shown:
            self._count(self._rows.pop(row), -1)
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        self._shown -= 1
        self._count(self._rows.pop(row), -1)
        self.endRemoveRows()

    def _count(self, annotation: Annotation, step: int) -> None:
        """Keep the tag and style counts of the filters in step with the rows."""
        self.tag_counts.update({tag: step for tag in annotation.tags})
        self.style_counts.update({annotation.style: step})
        for counts in (self.tag_counts, self.style_counts):
            for key in [k for k in (*annotation.tags, annotation.style) if counts.get(k) == 0]:
                del counts[key]

    def __len__(self) -> int:
        return len(self._rows)

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        redraw_rows(self)

    def annotation_at(self, row: int) -> Annotation:
        return self._rows[row]

    def row_of(self, annotation_id: str) -> int:
        """Where the annotation is among all the rows (shown in the list or not yet)."""
        return next((i for i, a in enumerate(self._rows) if a.id == annotation_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        annotation = self._rows[index.row()]
        # An orphan's offsets point at whatever took its place: it shows the words it was on.
        orphaned = annotation.status is Status.ORPHANED
        passage = annotation.exact if orphaned else self._text[annotation.start : annotation.end]
        passage = passage or annotation.exact
        if role == CardRole.HEADLINE:
            flat = " ".join(passage.split())
            # A passage that is itself a quotation keeps its own marks rather than doubling them.
            quoted = len(flat) > 1 and flat[0] in '«“"' and flat[-1] in '»”"'
            return flat if quoted else f"« {flat} »"
        if role == CardRole.BODY:
            return self._derived(annotation)[0]
        if role == CardRole.META:
            parts = [self.styles.label(annotation.style, i18n.language())]
            parts += ["#" + tag for tag in annotation.tags]
            if annotation.created:
                parts.append(self._derived(annotation)[1])
            if annotation.status is Status.MOVED:
                parts.append(self.tr("déplacée"))
            elif annotation.status is Status.ORPHANED:
                parts.append(self.tr("orpheline"))
            return " · ".join(parts)
        if role == CardRole.BAR_COLOUR:
            return self._theme.style_background(self.styles.named(annotation.style))
        if role == CardRole.KEY:
            return annotation.id
        if role == CardRole.STRUCK:
            return annotation.status is Status.ORPHANED
        if role == AnnotationRole.STATUS:
            return annotation.status.value
        if role == AnnotationRole.TAGS:
            return annotation.tags
        if role == AnnotationRole.STYLE:
            return annotation.style
        if role == AnnotationRole.KIND:
            return annotation.kind.value
        if role == CardRole.START:
            return annotation.start
        if role == CardRole.SORT_DATE:
            return annotation.created
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            tags = " ".join("#" + t for t in annotation.tags)
            return f"{passage}\n{annotation.note}\n{tags}".strip()
        if role == Qt.ItemDataRole.ToolTipRole:
            note = annotation.note or self.tr("(sans note)")
            return f"<p><i>{_html(passage)}</i></p><p>{_html(note)}</p>"
        return None


def _short_date(iso: str) -> str:
    """« 24 nov. 2026 » in the interface language, from a stored ISO timestamp."""
    moment = QDateTime.fromString(iso[:19], Qt.DateFormat.ISODate)
    return QLocale().toString(moment.date(), "d MMM yyyy") if moment.isValid() else ""


def _html(text: str) -> str:
    """Text shown as rich text, its line breaks kept."""
    return escape(text, quote=False).replace("\n", "<br>")
