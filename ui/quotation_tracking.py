"""The behaviour of « Ailleurs dans la bibliothèque »: the chosen quotation's cluster read off
the GUI thread, an article opened at another report of it, verdicts given and taken away as
steps of the undo stack (``ui.verdict_commands``)."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject

from reader.analysis.model import Quote
from reader.library import Library
from reader.store import StoreError
from ui.elsewhere_section import VerdictTarget, verdict_words
from ui.errors import describe
from ui.tasks import run_task
from ui.verdict_commands import SetVerdict

if TYPE_CHECKING:
    from reader.store import Cluster
    from ui.main_window import MainWindow

QUOTED_CHARS = 120
"""The most of a quotation the verdict dialog repeats."""


@dataclass(frozen=True)
class _Found:
    cluster: Cluster | None
    trackable: bool


def _read_cluster(library: Library, article_id: int, quote: Quote, catch_up: bool) -> _Found:
    """On a worker thread, over a connection of its own: the quotation's cluster, once the
    articles not grouped yet (a library from before the tracker) are."""
    with library.on_worker() as own:
        tracker = own.tracker
        if catch_up:
            tracker.catch_up()
        cluster = tracker.cluster_for_quote(article_id, quote.start, quote.end)
        return _Found(cluster, tracker.trackable(quote.text))


class QuotationTracking(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.session = window.session
        self.section = window.quotes_panel.elsewhere
        self._quote: Quote | None = None
        self._asked = 0
        """Counts the reads asked for: an answer to an older one is not shown."""
        self._caught_up = False
        window.quotes_panel.current_changed.connect(self.show_quote)
        window.quotes_panel.verdict_requested.connect(self.ask_verdict_on_quote)
        self.section.open_requested.connect(self.open_report)
        self.section.verdict_requested.connect(self.ask_verdict)
        self.section.verdict_clear_requested.connect(self.clear_verdict)

    @property
    def window(self) -> MainWindow:
        """The window, as the parent: never held, so that no cycle outlives it."""
        return cast("MainWindow", self.parent())

    @property
    def library(self) -> Library:
        return self.session.library

    # The section ---------------------------------------------------------------------------

    def show_quote(self, quote: Quote | None) -> None:
        """Show ``quote`` (of the open article) across the library, read in the background."""
        self._quote = quote
        self._asked += 1
        article = self.session.article
        if quote is None or article is None:
            self.section.show_nothing()
            return
        asked, catch_up = self._asked, not self._caught_up
        self._caught_up = True
        library, article_id = self.library, article.id
        self.section.show_waiting()
        run_task(
            lambda: _read_cluster(library, article_id, quote, catch_up),
            lambda found: self._found(asked, article_id, quote, found),
            lambda problem, _trace: self._failed(asked, problem),
        )

    def _found(self, asked: int, article_id: int, quote: Quote, found: _Found) -> None:
        if asked != self._asked:
            return
        # The window may have been closed while the library was read: nobody is left to tell.
        with suppress(RuntimeError):
            if found.cluster is None:
                self.section.show_nothing(self._why_not_followed(found.trackable))
            else:
                here = found.cluster.variant_at(article_id, quote.start, quote.end)
                self.section.show_cluster(found.cluster, here)

    def _why_not_followed(self, trackable: bool) -> str:
        if not trackable:
            return self.tr(
                "Cette citation est trop courte pour être suivie d’un article à l’autre."
            )
        if not self.session.analysis_complete:
            return self.tr("L’article est en cours d’analyse : la citation sera suivie ensuite.")
        return self.tr("Cette citation n’est pas encore suivie dans la bibliothèque.")

    def _failed(self, asked: int, problem: Exception) -> None:
        if asked != self._asked:
            return
        message = describe(problem) if isinstance(problem, StoreError) else str(problem)
        with suppress(RuntimeError):  # the window was closed meanwhile
            self.section.show_nothing(
                self.tr("La bibliothèque n’a pas pu être lue : %1").replace("%1", message)
            )

    def open_report(self, article_id: int, start: int, end: int) -> None:
        """Open the article of another report at its quotation, as the library panel opens
        its hits, and choose that quotation so that the section follows it there."""
        window = self.window
        window.library_panel.open_requested.emit(article_id, start, end)
        if self.session.article is not None and self.session.article.id == article_id:
            window.quotes_panel.select_quote(start)
            window.quotes_dock.raise_()

    # Verdicts ------------------------------------------------------------------------------

    def ask_verdict_on_quote(self, quote: Quote) -> None:
        """The verdict dialog for the cluster of one of the open article's quotations."""
        article = self.session.article
        if article is None:
            return
        try:
            cluster = self.library.tracker.cluster_for_quote(article.id, quote.start, quote.end)
        except StoreError as problem:
            self.report_error(describe(problem))
            return
        if cluster is None:
            self.report_error(self._why_not_followed(self.library.tracker.trackable(quote.text)))
            return
        self.ask_verdict(VerdictTarget(cluster))

    def ask_verdict(self, target: VerdictTarget) -> None:
        from ui.verdict_dialog import VerdictDialog

        dialog = VerdictDialog(self._described(target), target.record, self.window)
        if dialog.exec() != VerdictDialog.DialogCode.Accepted:
            return
        chosen = dialog.chosen()
        if chosen is None:
            return
        member_id = target.variant.id if target.variant is not None else None
        text = self.tr("Verdict « %1 »").replace("%1", verdict_words(chosen[0]))
        self.session.undo_stack.push(SetVerdict(self, target.cluster.id, member_id, chosen, text))

    def clear_verdict(self, target: VerdictTarget) -> None:
        if target.record is None:
            return
        member_id = target.variant.id if target.variant is not None else None
        self.session.undo_stack.push(
            SetVerdict(self, target.cluster.id, member_id, None, self.tr("Retrait du verdict"))
        )

    def _described(self, target: VerdictTarget) -> str:
        variant = target.variant or target.cluster.first
        text = " ".join(variant.text.split()) if variant is not None else ""
        if len(text) > QUOTED_CHARS:
            text = text[:QUOTED_CHARS] + "…"
        if target.variant is not None:
            return (
                self.tr("Verdict sur la version de « %1 » :").replace(
                    "%1", target.variant.title or self.tr("Sans titre")
                )
                + "\n"
                + text
            )
        count = len(target.cluster.article_ids)
        return self.tr("Verdict sur la citation, rapportée par %n article(s) :", "", count) + (
            "\n" + text
        )

    def verdict_changed(self, cluster_id: int) -> None:
        """A verdict was given, taken away, undone or redone: the section shows it."""
        shown = self.section.cluster
        if shown is None or shown.id == cluster_id:
            self.show_quote(self._quote)

    def report_error(self, text: str) -> None:
        self.session.report_error(text)
