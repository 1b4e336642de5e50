"""The left side of the window: the assessment choice, the find bar and the framework tree, with
its expansion remembered across reloads, large assessments loaded lazily, and the columns the
clerk chose beside the title (right-click on the header), remembered in the settings."""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from gui.infra import accelerators
from gui.infra.settings import Settings
from gui.item_models.framework_nodes import NodeTree
from gui.item_models.framework_tree import (
    DIMENSION,
    ID_ROLE,
    ITEM,
    KIND_ROLE,
    LAZY_ITEMS,
    FrameworkTreeModel,
)
from gui.item_models.tree_columns import COLUMNS, CONTEXT, OPTIONAL, column_index, known
from gui.item_models.tree_filter import TreeFilter
from gui.panels.filter_bar import FilterBar
from gui.window.status_line import assessment_label
from gui.window.tree_header import lay_out_header, show_optional
from model.errors import ModelError
from model.framework.tree import items_before
from model.records import AssessmentSummary, DimensionRecord, ItemRecord
from model.search.find_index import FindIndex, Found
from model.vocabulary import DimensionCounts

if TYPE_CHECKING:
    from model.services import Services

OPEN_FOUND = 500  # a find over a large tree with at most this many matches opens them all
TYPING_HOLDS_MS = 300  # a keystroke holds the find index's reading so long (no page waits on it)
Row = tuple[str, int]
ROW_SELECT = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows


class FrameworkPane(QWidget):
    assessment_chosen = Signal(object)  # an assessment id, or None when there is none
    current_row_changed = Signal(str, int)  # (kind, id) the editor should show
    _whole_found = Signal(object, object)  # from a thread: a find's whole answer, the part it completes

    def __init__(self, services: Services, before_search: Callable[[], None],
                 parent: QWidget | None = None, settings: Settings | None = None) -> None:
        super().__init__(parent)
        self.services, self.before_search, self.settings = services, before_search, settings
        self.assessment_id: int | None = None
        self.assessments = QComboBox(self)
        self.assessments.currentIndexChanged.connect(
            lambda: self.assessment_chosen.emit(self.assessments.currentData()))
        self.info_button = QPushButton(self.tr("自评信息与总结段落"), self)
        self.filter_bar = FilterBar(self)
        self.tree_model = FrameworkTreeModel(self)
        self.tree_filter = TreeFilter(text_search=self._search)
        self.tree = self._build_tree()
        self.columns_menu: QMenu | None = None  # the header's last menu (tests, screenshots)
        self.show_columns(known(settings.tree_columns()) if settings else [])
        self.assessments.setAccessibleName(self.tr("自评"))
        self.filter_bar.changed.connect(self._filter)
        self.filter_bar.go_to_first.connect(self.go_to_first_match)
        top = QHBoxLayout()
        top.addWidget(self.assessments, 1)
        top.addWidget(self.info_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 0, 4)
        layout.addLayout(top)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.tree, 1)
        self._titles: dict[int, str] = {}  # each listed assessment's title, by id
        self._known_dims: set[int] = set()
        self._dims: list[DimensionRecord] = []
        self._read: tuple[list[DimensionRecord], list[ItemRecord]] | None = None
        self._counts: dict[int, DimensionCounts] = {}
        self._found: Found | None = None
        self._settled: FindIndex | None = None  # the index read last, out of the collector's way
        self._indexing = QTimer(self)  # a large assessment's find index, read in idle time
        self._indexing.setInterval(0)
        self._indexing.timeout.connect(self._index_step)
        self._typing = QTimer(self)  # the clerk types while the index is read: its reading waits
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_HOLDS_MS)
        self._typing.timeout.connect(self._indexing.start)
        self._whole_found.connect(self._whole_arrived)

    def _build_tree(self) -> QTreeView:
        tree = QTreeView(self)
        tree.setModel(self.tree_model)
        tree.setUniformRowHeights(True)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        lay_out_header(tree)
        header = tree.header()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._columns_menu)
        tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.selectionModel().currentChanged.connect(self._on_current)
        tree.setAccessibleName(self.tr("考评维度与自查事项"))
        return tree

    # --- columns ------------------------------------------------------------------------------
    def shown_columns(self) -> list[str]:
        """The optional columns shown beside the title, in declared order."""
        return [key for key in OPTIONAL if not self.tree.isColumnHidden(column_index(key))]

    def show_columns(self, keys: list[str]) -> None:
        """Show these optional columns beside the title (the rest hidden), and remember them."""
        show_optional(self.tree, keys)
        if self.settings is not None:
            self.settings.set_tree_columns(self.shown_columns())

    def _columns_menu(self, point: QPoint) -> None:
        """Right-click on the header: the columns as a checkable list (the title always shown)."""
        menu = QMenu(self)
        shown = self.shown_columns()
        for key in OPTIONAL:
            action = menu.addAction(QCoreApplication.translate(CONTEXT, COLUMNS[column_index(key)].header))
            action.setObjectName(key)
            action.setCheckable(True)
            action.setChecked(key in shown)
            action.toggled.connect(lambda on, k=key: self.show_columns(
                [c for c in OPTIONAL if (c == k and on) or (c != k and c in self.shown_columns())]))
        accelerators.assign(menu)
        menu.popup(self.tree.header().viewport().mapToGlobal(point))
        self.columns_menu = menu

    # --- assessments --------------------------------------------------------------------------
    def fill_assessments(self, summaries: list[AssessmentSummary], select: int | None = None) -> None:
        """List them and choose one (select, else the first): assessment_chosen follows."""
        self.relist_assessments(summaries, select)
        self.assessment_chosen.emit(self.assessments.currentData() if summaries else None)

    def relist_assessments(self, summaries: list[AssessmentSummary], select: int | None) -> None:
        """List them, select (else the first) chosen, without announcing it."""
        self.assessments.blockSignals(True)
        try:
            self.assessments.clear()
            self._titles = {summary.id: summary.title for summary in summaries}
            for summary in summaries:
                self.assessments.addItem(assessment_label(summary.title, summary.items), summary.id)
            if summaries:
                self.assessments.setCurrentIndex(max(self.assessments.findData(select), 0)
                                                 if select else 0)
        finally:
            self.assessments.blockSignals(False)

    def rename_assessments(self, summaries: list[AssessmentSummary]) -> None:
        for summary in summaries:
            self._titles[summary.id] = summary.title
            self.show_item_count(summary.id, summary.items)

    def show_item_count(self, assessment_id: int, items: int) -> None:
        """An assessment's entry says how many items it has (they came or went)."""
        index = self.assessments.findData(assessment_id)
        if index >= 0 and assessment_id in self._titles:
            self.assessments.setItemText(index, assessment_label(self._titles[assessment_id], items))

    # --- the tree -----------------------------------------------------------------------------
    def load(self, assessment_id: int | None) -> None:
        """Read the framework again (a structural change, a conflict, another assessment)."""
        self.assessment_id = assessment_id
        self._read = None
        if assessment_id is None:
            self.tree_model.reset([], [])
            return
        items = self.services.items
        dims = self.services.dimensions.list(assessment_id)
        counts = items.counts(assessment_id)
        expanded = self._expanded_dimensions()
        self.tree_filter.forget()
        self._dims, self._counts = dims, counts
        if sum(count.items for count in counts.values()) > LAZY_ITEMS:
            # A city-wide compile: dimensions now, each one's items when it is opened.
            self.tree_model.reset_lazy(dims, counts, items.list_for_dimension,
                                       lambda: items.list(assessment_id))
            self._start_index(assessment_id)
        else:
            self.tree_filter.index = None
            self._indexing.stop()
            records = items.list(assessment_id)
            self._read = dims, records
            self.tree_model.reset(dims, records)
        if self.tree_filter.active:
            self.apply_filter()
        else:
            self._restore_expanded(expanded)
        self.filter_bar.set_departments(items.departments(assessment_id))

    def last_read(self) -> tuple[list[DimensionRecord], list[ItemRecord]] | None:
        """Every dimension and item the last load read (None: a lazy tree reads a dimension's
        items when it is opened)."""
        return self._read

    def select(self, kind: str, row_id: int) -> None:
        if kind == ITEM and self.tree_model.lazy:
            try:
                self.tree_model.ensure_loaded(self.services.items.get(row_id).dimension_id)
            except ModelError:
                return
        index = self.tree_model.index_of(kind, row_id)
        if not index.isValid() and self.tree_filter.active:  # hidden by the find: show all
            self.filter_bar.clear()
            index = self.tree_model.index_of(kind, row_id)
        if index.isValid():  # this row alone, whatever keys are held
            self.tree.selectionModel().setCurrentIndex(index, ROW_SELECT)
            self.tree.scrollTo(index)

    def select_first_item(self) -> None:
        index = self.tree_model.first_item_index()
        if index.isValid():
            self.tree.setCurrentIndex(index)

    def reload_keeping_place(self) -> bool:
        """Reload; when the row shown is gone (deleted), select the next row the clerk saw below
        it, else the one above. False: nothing is left to select."""
        shown = self.current_row()
        seen = self._visible_rows()
        self.load(self.assessment_id)
        where = seen.index(shown) if shown in seen else len(seen)
        for candidate in [shown, *seen[where + 1:], *reversed(seen[:where])]:
            if candidate is not None and self.tree_model.index_of(*candidate).isValid():
                self.select(*candidate)
                return True
        return False

    def current_row(self) -> Row | None:
        current = self.tree.currentIndex()
        return (current.data(KIND_ROLE), current.data(ID_ROLE)) if current.isValid() else None

    def _visible_rows(self) -> list[Row]:
        rows, index = [], self.tree_model.index(0, 0) if self.tree_model.rowCount() else QModelIndex()
        while index.isValid():
            rows.append((index.data(KIND_ROLE), index.data(ID_ROLE)))
            index = self.tree.indexBelow(index)
        return rows

    def _on_current(self, index: QModelIndex, previous: QModelIndex) -> None:
        same_row = previous.isValid() and previous.column() != index.column() \
            and previous.row() == index.row() and previous.parent() == index.parent()
        if index.isValid() and not same_row:  # another cell of the row shown: nothing to show
            self.current_row_changed.emit(index.data(KIND_ROLE), index.data(ID_ROLE))

    # --- finding ------------------------------------------------------------------------------
    def go_to_first_match(self) -> None:
        """The first item the filter shows becomes current, and the keyboard goes on in the tree."""
        index = self.tree_model.index(0, 0) if self.tree_model.rowCount() else QModelIndex()
        while index.isValid() and index.data(KIND_ROLE) != ITEM:
            if not self.tree.isExpanded(index) and self.tree_model.rowCount(index):
                self.tree.expand(index)
            index = self.tree.indexBelow(index)
        if index.isValid():
            self.tree.selectionModel().setCurrentIndex(index, ROW_SELECT)
            self.tree.scrollTo(index)
        self.tree.setFocus()

    def focus_filter(self) -> None:
        self.filter_bar.text.setFocus()
        self.filter_bar.text.selectAll()

    def _filter(self, text: str, status: str, department: str) -> None:
        self.tree_filter.set(text, status, department)
        self.apply_filter()
        self.tree.setDragEnabled(not self.tree_filter.active)

    def _search(self, text: str) -> set[int]:
        self.before_search()  # what is being typed is searchable at once
        return self.services.search.item_ids(self.assessment_id, text) if self.assessment_id else set()

    def apply_filter(self) -> None:
        f = self.tree_filter
        if self.tree_filter.index is not None:
            self._apply_found()
            return
        self.tree_model.set_filter(f.matches(self.tree_model.items()), f.dimension_text(),
                                   highlight=bool(f.text))
        if f.active or not self.tree_model.lazy:
            self.tree.expandAll()
        else:
            self._expand_dimensions_only()

    # --- a large assessment's find: an index in memory, a tree of the dimensions found ---------
    def _start_index(self, assessment_id: int) -> None:
        index = self.tree_filter.index
        if index is None or index.assessment_id != assessment_id or index.db is not self.services.db:
            self.tree_filter.index = FindIndex(self.services.db, assessment_id)
        self._indexing.start()

    def _index_step(self) -> None:
        index = self.tree_filter.index
        if index is None or index.step():
            self._indexing.stop()
            if index is not None and index is not self._settled:
                # what was read is kept while the assessment is shown: once, in idle time, the
                # garbage collected and what lives moved out of the collector's full passes,
                # which would otherwise walk it at some keystroke (100 ms and more)
                self._settled = index
                gc.collect()
                gc.freeze()
            if self._found is not None and self._found.rest is not None:
                self._apply_found()  # a part shown whose rest never came: the index answers now

    def find_ready(self) -> bool:
        """Whether a find answers from memory at once (a large assessment's index is read)."""
        index = self.tree_filter.index
        return index is None or index.ready

    def _apply_found(self) -> None:
        f, index = self.tree_filter, self.tree_filter.index
        assert index is not None
        if not f.active:
            self._found = None
            self.tree_model.show_found(None)
            self._expand_dimensions_only()
            return
        if f.text:
            self.before_search()  # what is being typed is in the index at once
        self._show_found(index.find_soon(f.text, f.status, f.department))

    def _show_found(self, found: Found) -> None:
        """Show a find's answer; asked while the index is read, the items read so far are shown at
        once and the whole answer when a thread has found the rest (the keystroke never waits)."""
        f, index = self.tree_filter, self.tree_filter.index
        assert index is not None
        self._found = found
        tree = NodeTree.found(self._dims, self._counts, found.per_dimension, f.dimension_text())
        self.tree_model.show_found(tree, self._found_in_dimension, highlight=bool(f.text))
        if found.rest is None and found.count <= OPEN_FOUND:  # few: every one shown at once
            self.tree_model.attach_found(index.records(self._items_before(), ids=found.ids))
            self.tree.expandAll()
        else:
            self._expand_dimensions_only()
        if found.rest is not None:
            self._find_rest(found)
            self._indexing.stop()  # the reading goes on when the typing pauses
            self._typing.start()

    def _find_rest(self, part: Found) -> None:
        rest = part.rest
        assert rest is not None

        def run() -> None:
            try:
                whole: Found | None = rest()
            except Exception:  # the database busy or gone: the index answers once read
                whole = None
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                self._whole_found.emit(whole, part)

        threading.Thread(target=run, name="find-rest", daemon=True).start()

    def _whole_arrived(self, whole: Found | None, part: Found) -> None:
        """Shown only if the part it completes is still what is shown (else typing went on)."""
        if whole is not None and self._found is part and self.tree_filter.index is not None:
            self._show_found(whole)

    def _found_in_dimension(self, dimension_id: int) -> list[ItemRecord]:
        """A found tree's dimension opened: its matching items."""
        index, found = self.tree_filter.index, self._found  # a part: its items (the whole soon)
        if index is None or found is None:
            return []
        return [r for r in index.records(self._items_before(), dimension_id=dimension_id)
                if r.id in found.ids]

    def _items_before(self) -> dict[int, int]:
        """How many items come before each dimension's own in table order (序号 = that + 1 +
        position): the dimensions are in table order, their counts from SQL."""
        return items_before((d.id for d in self._dims), self._counts)

    # --- expansion memory ---------------------------------------------------------------------
    def _expanded_dimensions(self) -> set[int] | None:
        if self.tree_model.rowCount() == 0:
            return None
        expanded = set()
        for dim_id in self.tree_model.dimension_ids():
            index = self.tree_model.index_of(DIMENSION, dim_id)
            if index.isValid() and self.tree.isExpanded(index):
                expanded.add(dim_id)
        return expanded

    def _expand_dimensions_only(self) -> None:
        """Open the framework down to the dimensions that hold items, without loading them."""
        for dim_id in self.tree_model.dimension_ids():
            index = self.tree_model.index_of(DIMENSION, dim_id)
            if index.isValid() and self.tree_model.has_sub_dimensions(dim_id):
                self.tree.setExpanded(index, True)

    def _restore_expanded(self, expanded: set[int] | None) -> None:
        if expanded is None:
            if self.tree_model.lazy:
                self._expand_dimensions_only()
            else:
                self.tree.expandAll()
        else:
            for dim_id in self.tree_model.dimension_ids():
                index = self.tree_model.index_of(DIMENSION, dim_id)
                # new dimensions open, the ones the user closed stay closed
                self.tree.setExpanded(index, dim_id in expanded or dim_id not in self._known_dims)
        self._known_dims = set(self.tree_model.dimension_ids())
