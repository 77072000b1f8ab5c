"""« Ailleurs dans la bibliothèque »: the chosen quotation as every article of the library
reports it, the words each report changed marked, the cluster's verdict, and a flag when the
articles disagree on who said it.

The reports are rich text in a browser: each article's title is a link that opens it at its
quotation, each report has a link for a verdict on that report alone. The marks on words are
told apart without colour (struck out, underlined, underlined in bold) and their tints come
from the palette, so they read in the light and the dark theme alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from reader.store import Cluster, Variant, Verdict, VerdictRecord

OPEN = "open"
"""Link scheme: open the article of the variant whose id follows, at its quotation."""
JUDGE = "verdict"
"""Link scheme: a verdict on the variant whose id follows."""
UNJUDGE = "no-verdict"
"""Link scheme: take away the verdict on the variant whose id follows."""
CHANGED_TINT = "#d4a017"
"""Blended into the page for changed words: the annotations' gold, as in the library list."""


@dataclass(frozen=True)
class VerdictTarget:
    """What a verdict is asked for: a cluster, or one of its variants."""

    cluster: Cluster
    variant: Variant | None = None

    @property
    def record(self) -> VerdictRecord | None:
        return self.variant.verdict if self.variant is not None else self.cluster.verdict


def verdict_words(verdict: Verdict) -> str:
    """The verdict as the interface language says it (« vérifiée », "verified")."""
    return {
        "verifiee": QCoreApplication.translate("Verdicts", "vérifiée"),
        "deformee": QCoreApplication.translate("Verdicts", "déformée"),
        "mal-attribuee": QCoreApplication.translate("Verdicts", "mal attribuée"),
        "non-verifiee": QCoreApplication.translate("Verdicts", "non vérifiée"),
    }[verdict.value]


def blend(colour: QColor, base: QColor, share: float) -> str:
    """``colour`` laid over ``base`` at ``share`` opacity, as a solid colour."""
    mixed = [
        round(share * front + (1 - share) * back)
        for front, back in zip(
            (colour.red(), colour.green(), colour.blue()),
            (base.red(), base.green(), base.blue()),
            strict=True,
        )
    ]
    return QColor(*mixed).name()


class ElsewhereSection(QWidget):
    open_requested = Signal(int, int, int)
    """(article id, start, end): open that article at that quotation."""
    verdict_requested = Signal(object)
    """A ``VerdictTarget``: the reader wants to give it a verdict."""
    verdict_clear_requested = Signal(object)
    """A ``VerdictTarget``: the reader takes its verdict away."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("elsewhereSection")
        self.cluster: Cluster | None = None
        self.here: Variant | None = None
        """The variant of the open article the others are compared with."""
        self.heading = QLabel()
        self.heading.setObjectName("elsewhereHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.summary = QLabel()
        self.summary.setObjectName("elsewhereSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.reports = QTextBrowser()
        self.reports.setObjectName("elsewhereReports")
        self.reports.setOpenLinks(False)
        self.reports.anchorClicked.connect(self._follow)
        self.verdict_button = QPushButton()
        self.verdict_button.clicked.connect(self._ask_verdict)
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self._clear_verdict)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.verdict_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.reports, 1)
        layout.addLayout(buttons)
        self._retranslate()
        self.show_nothing()

    # What the section shows ---------------------------------------------------------------

    def show_nothing(self, reason: str = "") -> None:
        """No cluster: ``reason`` says why (no quotation chosen, too short to follow…)."""
        self.cluster, self.here = None, None
        self.summary.setText(
            escape(reason or self.tr("Choisissez une citation pour la voir ailleurs."))
        )
        self.reports.clear()
        self.reports.setVisible(False)
        self._update_buttons()

    def show_waiting(self) -> None:
        """The cluster is being read (the section keeps what it showed meanwhile)."""
        if self.cluster is None:
            self.summary.setText(escape(self.tr("Recherche dans la bibliothèque…")))

    def show_cluster(self, cluster: Cluster, here: Variant | None) -> None:
        """Every report of ``cluster``, each compared with ``here`` (the open article's)."""
        self.cluster, self.here = cluster, here
        self.summary.setText(self._summary_html(cluster))
        self.reports.setHtml(self._reports_html(cluster, here))
        self.reports.setVisible(True)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.verdict_button.setEnabled(self.cluster is not None)
        self.clear_button.setVisible(self.cluster is not None and self.cluster.verdict is not None)

    # Rich text ----------------------------------------------------------------------------

    def _muted(self) -> str:
        return self.palette().color(QPalette.ColorRole.PlaceholderText).name()

    def _summary_html(self, cluster: Cluster) -> str:
        count = len(cluster.article_ids)
        if count > 1:
            carried = self.tr("Rapportée par %n article(s).", "", count)
        else:
            carried = self.tr("Aucun autre article de la bibliothèque ne la rapporte.")
        lines = [escape(carried)]
        if cluster.disputed:
            # A sign and words, not a colour: the flag must read without colour too.
            names = " / ".join(escape(name) for name in cluster.speakers)
            lines.append(
                "⚠ <b>"
                + escape(self.tr("Les articles ne s’accordent pas sur le locuteur :"))
                + f"</b> {names}"
            )
        elif cluster.speaker:
            lines.append(escape(self.tr("Locuteur : %1").replace("%1", cluster.speaker)))
        verdict = self._verdict_html(cluster.verdict, self.tr("Verdict : %1"))
        lines.append(verdict or escape(self.tr("Pas de verdict.")))
        return "<br>".join(lines)

    def _verdict_html(self, record: VerdictRecord | None, wording: str) -> str:
        if record is None:
            return ""
        verdict = "<b>" + escape(verdict_words(record.verdict)) + "</b>"
        text = escape(wording).replace("%1", verdict)
        if record.source:
            text += " — " + escape(self.tr("source : %1").replace("%1", record.source))
        if record.note:
            text += " — <i>" + escape(record.note) + "</i>"
        return text

    def _reports_html(self, cluster: Cluster, here: Variant | None) -> str:
        muted = self._muted()
        legend = (
            self.tr("%1 : mots absents de cette version · %2 : mots ajoutés · %3 : mots changés.")
            .replace("%1", "<s>" + escape(self.tr("barré")) + "</s>")
            .replace("%2", "<u>" + escape(self.tr("souligné")) + "</u>")
            .replace("%3", "<u><b>" + escape(self.tr("en gras")) + "</b></u>")
        )
        parts = [f'<p style="margin-top:0; margin-bottom:0; color:{muted}">{legend}</p>']
        for variant in cluster.variants:
            parts.append(self._report_html(variant, here, muted))
        return "".join(parts)

    def _report_html(self, variant: Variant, here: Variant | None, muted: str) -> str:
        details = [variant.carried[:10]]
        if variant.speaker:
            details.append(variant.speaker)
        title = escape(variant.title or self.tr("Sans titre"))
        head = f'<a href="{OPEN}:{variant.id}"><b>{title}</b></a>'
        head += f' <span style="color:{muted}">· {escape(" · ".join(details))}</span>'
        if here is not None and variant.id == here.id:
            head += " <i>(" + escape(self.tr("cet article")) + ")</i>"
            text = escape(" ".join(variant.text.split()))
        else:
            reference = " ".join(here.text.split()) if here is not None else variant.text
            text = self._marked(reference, " ".join(variant.text.split()), muted)
        judged = self._verdict_html(variant.verdict, self.tr("Verdict sur cette version : %1"))
        link = f'<a href="{JUDGE}:{variant.id}">' + escape(self.tr("verdict…")) + "</a>"
        if variant.verdict is not None:
            link += f' · <a href="{UNJUDGE}:{variant.id}">' + escape(self.tr("retirer")) + "</a>"
        foot = f'<span style="color:{muted}">{judged + " · " if judged else ""}</span>{link}'
        # Qt's rich text keeps paragraph margins (not a div's): each report is set apart by
        # the space above its title.
        return (
            f'<p style="margin-top:14px; margin-bottom:0">{head}</p>'
            f'<p style="margin-top:3px; margin-bottom:0">{text}</p>'
            f'<p style="margin-top:3px; margin-bottom:0">{foot}</p>'
        )

    def _marked(self, reference: str, variant: str, muted: str) -> str:
        """The variant's words, marked where they differ from the reference's."""
        from reader.tracker.diff import Change, diff_pieces  # rapidfuzz: once a cluster shows

        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        added = blend(palette.color(QPalette.ColorRole.Highlight), base, 0.28)
        changed = blend(QColor(CHANGED_TINT), base, 0.35)
        html = []
        for change, text in diff_pieces(reference, variant):
            words = escape(text)
            if change is Change.REMOVED:
                html.append(f'<s style="color:{muted}">{words}</s>')
            elif change is Change.ADDED:
                html.append(f'<u style="background-color:{added}">{words}</u>')
            elif change is Change.CHANGED:
                html.append(f'<u style="background-color:{changed}"><b>{words}</b></u>')
            else:
                html.append(words)
        return "".join(html)

    # The reader's gestures ----------------------------------------------------------------

    def _variant(self, member_id: str) -> Variant | None:
        if self.cluster is None or not member_id.isdigit():
            return None
        return next((v for v in self.cluster.variants if v.id == int(member_id)), None)

    def _follow(self, url: QUrl) -> None:
        scheme, _, member_id = url.toString().partition(":")
        variant = self._variant(member_id)
        if variant is None or self.cluster is None:
            return
        if scheme == OPEN:
            self.open_requested.emit(variant.article_id, variant.start, variant.end)
        elif scheme == JUDGE:
            self.verdict_requested.emit(VerdictTarget(self.cluster, variant))
        elif scheme == UNJUDGE:
            self.verdict_clear_requested.emit(VerdictTarget(self.cluster, variant))

    def _ask_verdict(self) -> None:
        if self.cluster is not None:
            self.verdict_requested.emit(VerdictTarget(self.cluster))

    def _clear_verdict(self) -> None:
        if self.cluster is not None:
            self.verdict_clear_requested.emit(VerdictTarget(self.cluster))

    # Language and theme -------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.heading.setText(self.tr("Ailleurs dans la bibliothèque"))
        self.reports.setAccessibleName(self.tr("La citation dans les articles de la bibliothèque"))
        self.verdict_button.setText(self.tr("Verdict…"))
        self.verdict_button.setAccessibleName(self.tr("Donner un verdict sur cette citation"))
        self.clear_button.setText(self.tr("Retirer le verdict"))
        self.clear_button.setAccessibleName(self.tr("Retirer le verdict sur cette citation"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (
            QEvent.Type.LanguageChange,
            QEvent.Type.PaletteChange,
            QEvent.Type.ApplicationPaletteChange,
        ):
            self._retranslate()
            if self.cluster is not None:
                self.show_cluster(self.cluster, self.here)
