"""The verdict on a quotation cluster, or on one of its variants, as one step of the undo
stack: given or taken away, undone and redone exactly (dates included)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoCommand

from reader.library import Library
from reader.store import StoreError, Verdict, VerdictRecord
from ui.errors import describe


class VerdictKeeper(Protocol):
    """What the commands act through (``ui.quotation_tracking.QuotationTracking``)."""

    @property
    def library(self) -> Library: ...

    def verdict_changed(self, cluster_id: int) -> None: ...

    def report_error(self, text: str) -> None: ...


class SetVerdict(QUndoCommand):
    """Give the cluster (``member_id`` None) or its variant a verdict, or take it away
    (``verdict`` None). The first redo asks the tracker; undo puts back the verdict that was
    there, a later redo the one this command gave."""

    def __init__(
        self,
        keeper: VerdictKeeper,
        cluster_id: int,
        member_id: int | None,
        verdict: tuple[Verdict, str, str] | None,
        text: str,
    ) -> None:
        super().__init__(text)
        self.keeper = keeper
        self.cluster_id = cluster_id
        self.member_id = member_id
        self.verdict = verdict
        self.before: VerdictRecord | None = None
        self.after: VerdictRecord | None = None
        self.done_once = False
        self.failed = False

    def redo(self) -> None:
        try:
            if self.done_once:
                self.keeper.library.tracker.restore_verdict(
                    self.cluster_id, self.member_id, self.after
                )
            else:
                self._first_redo()
        except StoreError as error:
            self._fail(error)
            return
        self.keeper.verdict_changed(self.cluster_id)

    def _first_redo(self) -> None:
        tracker = self.keeper.library.tracker
        if self.verdict is None:
            self.before = tracker.clear_verdict(self.cluster_id, self.member_id)
        else:
            verdict, source, note = self.verdict
            self.before = tracker.set_verdict(
                self.cluster_id, verdict, source=source, note=note, member_id=self.member_id
            )
            self.after = tracker.verdict(self.cluster_id, self.member_id)
        self.done_once = True

    def undo(self) -> None:
        try:
            self.keeper.library.tracker.restore_verdict(
                self.cluster_id, self.member_id, self.before
            )
        except StoreError as error:
            self._fail(error)
            return
        self.keeper.verdict_changed(self.cluster_id)

    def _fail(self, error: StoreError) -> None:
        """Reported, and the command leaves the stack rather than stay half-done."""
        self.failed = True
        self.setObsolete(True)
        self.keeper.report_error(describe(error))
