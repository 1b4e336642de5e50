"""The rows of one sheet as the import preview shows them: a table model that reads each cell from
the sheet only when the view asks for it (virtual scrolling over any number of rows), with what
becomes of each row — an item, or left out and why, ticked to include it."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from importers.grid import Grid
from importers.header_finder import PlannedColumn
from importers.sheet_rows import SkippedRow

Index = QModelIndex | QPersistentModelIndex
LEFT_OUT = QColor("#8a8a8a")
INCLUDED = QColor("#1565c0")


@dataclass(frozen=True)
class RowPlan:
    """What the preview shows of a sheet: its cells, its columns, where the data starts, which
    rows are items and which were left out."""

    grid: Grid | None
    columns: tuple[PlannedColumn, ...]
    first_row: int
    items: frozenset[int]
    skipped: dict[int, SkippedRow]


class SheetRows(QAbstractTableModel):
    """Column 0 says what becomes of the row; the others are the sheet's cells, read lazily."""

    def __init__(self, parent: QObject, on_include: Callable[[int, bool], None]) -> None:
        super().__init__(parent)
        self.on_include = on_include
        self.plan = RowPlan(None, (), 1, frozenset(), {})
        self.rows: list[int] = []  # the sheet's row numbers holding text, from the first data row
        self.item_rows: list[int] = []  # each item's first row, in order
        self.served: set[int] = set()  # the rows data() was asked for (the view's visible ones)

    def show(self, plan: RowPlan) -> None:
        self.beginResetModel()
        self.plan = plan
        grid, indexes = plan.grid, {c.index for c in plan.columns}
        self.rows = sorted({r for (r, c) in grid.values if r >= plan.first_row and c in indexes}
                           | set(plan.skipped)) if grid is not None else []
        self.item_rows = sorted(plan.items)
        self.served = set()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 1 + len(self.plan.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Vertical:
                return str(self.rows[section]) if section < len(self.rows) else None
            return self.tr("导入为") if section == 0 else self.plan.columns[section - 1].header
        if (role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal
                and 0 < section <= len(self.plan.columns)):
            column = self.plan.columns[section - 1]
            sure = {"high": self.tr("把握大"), "medium": self.tr("把握一般"),
                    "low": self.tr("把握小，请核对")}.get(column.confidence, "")
            return f"{sure}：{column.reason}" if column.reason else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        self.served.add(row)
        skipped = self.plan.skipped.get(row)
        if index.column() == 0:
            return self._state(row, skipped, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._shown(row, self.plan.columns[index.column() - 1].index)
            return text.replace("\n", " ⏎ ") if role == Qt.ItemDataRole.DisplayRole else text or None
        if role == Qt.ItemDataRole.ForegroundRole and skipped is not None and not skipped.included:
            return LEFT_OUT
        return None

    def _shown(self, row: int, column: int) -> str:
        """A cell's text; a merged range's in its first column only (down each row it covers, so a
        dimension merged over its items shows on each; a note merged across the table, once)."""
        grid = self.plan.grid
        assert grid is not None
        anchor = grid.anchors().get((row, column), (row, column))
        return grid.values.get(anchor, "") if anchor[1] == column else ""

    def _state(self, row: int, skipped: SkippedRow | None, role: int) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and skipped is not None:
            return Qt.CheckState.Checked if skipped.included else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if skipped is not None:
                return (self.tr("导入（原%1）") if skipped.included else self.tr("未导入：%1")).replace(
                    "%1", skipped.reason)
            if row in self.plan.items:
                return self.tr("事项")
            above = bisect_right(self.item_rows, row)  # a merged item's rows, a result written on
            return self.tr("并入第 %1 行").replace("%1", str(self.item_rows[above - 1])) if above else ""
        if role == Qt.ItemDataRole.ForegroundRole and skipped is not None:
            return INCLUDED if skipped.included else LEFT_OUT
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0 and self.rows[index.row()] in self.plan.skipped:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A tick on a left-out row's 导入为 cell: the clerk includes it (or takes it out again)."""
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        row = self.rows[index.row()]
        if row not in self.plan.skipped:
            return False
        self.on_include(row, value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value))
        return True
