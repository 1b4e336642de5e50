"""What another window or program commits shows here within a second: a timer asks the database's
change feed (model/storage/change_feed.py) whether anything was committed, compares the row
versions of the assessment shown (model/sharing/live_digest.py) and announces the rows that changed
through the window's change notifier, as its own edits are: the tree, the editor and the panels
follow, the selection, the scroll position and anything being typed stay. The versions are read
on a thread of their own (a city-wide assessment's 100,000 rows take a while): the window only
shows the rows that changed."""

from __future__ import annotations

import contextlib
import threading
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QObject, Qt, QTimer, Signal

from gui.item_models.framework_tree import DIMENSION, ID_ROLE, ITEM, KIND_ROLE
from model.edits.changes import Changes
from model.errors import ModelError, NotFoundError
from model.records import DimensionRecord, ItemRecord
from model.sharing.live_digest import (
    Difference,
    Digest,
    change_feed,
    difference,
    digest,
    with_shown,
    with_tree,
)

if TYPE_CHECKING:
    from gui.window.main_window import MainWindow

POLL_MS = 200  # data_version is one integer read: five times a second costs nothing
MANY_ROWS = 300  # more items changed than this: the tree is read again at once


class LiveRefresh(QObject):
    refreshed = Signal(object)  # the Difference shown (tests measure the latency with it)
    _read = Signal(object, object, int)  # from the reading thread: Digest, Difference, generation

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.feed = change_feed(window.services.db)
        self.digest = Digest()
        self._paused = 0
        self._keeping: tuple[str, int] | None = None  # the row whose editor stays while reloading
        self.last_refresh = 0.0  # time.monotonic() of the last refresh that showed something
        self._generation = 0  # a read started before the window re-read everything is dropped
        self._reading = 0  # reads under way
        self._stopped = False
        self._read.connect(self._arrived, Qt.ConnectionType.QueuedConnection)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        window.notifier.changed.connect(self._own_write_shown)

    # --- the timer -------------------------------------------------------------------------
    def start(self) -> None:
        self.rebase()
        self.timer.start()

    def stop(self) -> None:
        self._stopped = True
        self.timer.stop()
        self.feed.close()

    def pause(self) -> None:
        """While a dialog decides a conflict: nothing is read again under it."""
        self._paused += 1

    def resume(self) -> None:
        self._paused = max(self._paused - 1, 0)

    def _own_write_shown(self, changes: Changes, origin: str) -> None:
        """This window's own write is on the screen: its rows join the baseline, so the next look
        does not read them again (the window did: they came back with the write)."""
        if origin != "refresh":
            self.digest = with_shown(self.digest, changes)

    def tree_shown(self, dimensions: list[DimensionRecord], items: list[ItemRecord]) -> None:
        """The window read the whole framework again itself: that is what it shows now."""
        self.digest = with_tree(self.digest, dimensions, items)

    def rebase(self) -> None:
        """The window (re)read the assessment itself: what it shows now is the baseline (read on
        the thread; until it arrives, nothing is compared)."""
        self._generation += 1
        self._start_read(compare=False)

    def poll(self) -> None:
        if self._paused or self._reading or self._stopped or not self.feed.changed():
            return
        self._start_read(compare=True)

    def _start_read(self, compare: bool) -> None:
        database, assessment_id = self.window.services.db, self.window.assessment_id
        generation, base = self._generation, self.digest
        self._reading += 1

        def read() -> None:
            try:
                after: Digest | None = digest(database, assessment_id)
                change = difference(base, after) if compare and after is not None else None
            except Exception:
                after, change = None, None
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                self._read.emit(after, change, generation)

        threading.Thread(target=read, name="live-refresh", daemon=True).start()

    def _arrived(self, after: Digest | None, change: Difference | None, generation: int) -> None:
        self._reading -= 1
        if self._stopped or after is None or generation != self._generation:
            return
        self.digest = after
        if change is not None:
            self._apply(change, after)

    # --- showing what changed ----------------------------------------------------------------
    def refresh(self) -> Difference:
        """Read the versions again now (on this thread) and show every row that changed since
        the last look."""
        w = self.window
        try:
            after = digest(w.services.db, w.assessment_id)
        except Exception:
            return Difference()
        self._generation += 1  # a read under way compares with an older baseline: dropped
        change = difference(self.digest, after)
        self.digest = after
        self._apply(change, after)
        return change

    def _apply(self, change: Difference, after: Digest) -> None:
        if not change.anything:
            return
        try:
            self._show(change)
        except NotFoundError:  # deleted again meanwhile: the next look shows it
            self.digest = Digest(after.assessments, after.assessment_id)
        self.last_refresh = time.monotonic()
        self.refreshed.emit(change)

    def _show(self, change: Difference) -> None:
        w, services, n = self.window, self.window.services, self.window.notifier
        if change.gone:
            w.fill_assessments()
            return
        assessment_id = w.assessment_id
        if assessment_id is None:
            if change.assessments:
                w.fill_assessments()
            return
        if change.assessments:
            self._relist()
        changes = Changes()
        if change.assessment:
            changes |= Changes.of_assessment(services.assessments.get(assessment_id))
        if change.narrative:
            sections = services.narrative.sections(assessment_id)
            for key in change.narrative:
                if key in sections:
                    changes |= Changes.of_narrative(sections[key])
        if change.structure or len(change.items) > MANY_ROWS:
            self._reload_tree()
        else:
            for dimension_id in change.dimensions:
                changes |= Changes.of_dimension(services.dimensions.get(dimension_id))
            for item_id in change.items:
                changes |= Changes.of_item(services.items.get(item_id))  # fields: any
        for item_id in change.evidence_items:
            changes |= Changes.of_evidence(item_id)
        if change.finance:
            changes |= Changes.of_finance(assessment_id)
        if changes:
            n.changed.emit(changes, "refresh")
        w.review.schedule_refresh()

    def _relist(self) -> None:
        """Assessments added, removed or renamed elsewhere: the choice lists them, the one shown
        stays chosen."""
        pane, summaries = self.window.left, self.window.services.assessments.list()
        combo = pane.assessments
        if [combo.itemData(i) for i in range(combo.count())] == [s.id for s in summaries]:
            pane.rename_assessments(summaries)
        else:
            pane.relist_assessments(summaries, self.window.assessment_id)

    def _reload_tree(self) -> None:
        """Rows created, deleted or moved elsewhere: the tree is read again; the rows selected,
        the scroll position and the editor (with what is being typed) stay."""
        w = self.window
        tree = w.tree
        shown = w.left.current_row()
        selected = [(i.data(KIND_ROLE), i.data(ID_ROLE)) for i in tree.selectionModel().selectedIndexes()
                    if i.column() == 0]  # a row once, whatever columns are shown
        scrolled = tree.verticalScrollBar().value(), tree.horizontalScrollBar().value()
        self._keeping = shown
        try:
            w._reload_keeping_place()
        finally:
            self._keeping = None
        model, selection = w.tree_model, tree.selectionModel()
        for row in selected:
            index = model.index_of(*row)
            if index.isValid() and row != w.left.current_row():
                selection.select(index, QItemSelectionModel.SelectionFlag.Select
                                 | QItemSelectionModel.SelectionFlag.Rows)
        tree.verticalScrollBar().setValue(scrolled[0])
        tree.horizontalScrollBar().setValue(scrolled[1])
        current = w.left.current_row()
        if current is not None and current == shown:
            self._refresh_editor(*current)

    def keeps(self, kind: str, row_id: int) -> bool:
        """True while reloading the tree re-selects the row the editor already shows: the editor
        keeps its state (cursor, scroll, what is being typed) and is only refreshed."""
        return self._keeping == (kind, row_id)

    def _refresh_editor(self, kind: str, row_id: int) -> None:
        w, services = self.window, self.window.services
        try:
            if kind == ITEM:
                w.item_editor.refresh(services.items.get(row_id))
            elif kind == DIMENSION:
                w.dimension_editor.refresh(services.dimensions.get(row_id))
        except ModelError:
            return
