"""One sheet as read: cleaned cell texts, its merged ranges, and what cleaning removed."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from importers.cell_text import clean_text
from importers.errors import ImportFileError, where

MAX_CELLS = 5_000_000  # filled cells per workbook: far beyond any clerk's table
MAX_SECONDS = 180.0
# A used range this large must be filled: a few cells far out (A1048576, XFD1) would make every
# reader walk millions of empty cells.
MAX_SPARSE_AREA = 2_000_000
SPARSE_RATIO = 20  # used range ÷ cells holding text
Merge = tuple[int, int, int, int]  # min_col, min_row, max_col, max_row (1-based)


@dataclass
class Grid:
    title: str
    values: dict[tuple[int, int], str] = field(default_factory=dict)  # only anchors of merges
    merges: list[Merge] = field(default_factory=list)
    max_row: int = 0
    max_col: int = 0
    cleaned_cells: list[str] = field(default_factory=list)  # cells that lost control characters
    uncached_formulas: list[str] = field(default_factory=list)  # formula cells without a value
    _anchor: dict[tuple[int, int], tuple[int, int]] | None = None
    _merge_at: dict[tuple[int, int], Merge] = field(default_factory=dict)
    _last_rows: dict[int, int] | None = None

    def put(self, row: int, column: int, raw: str) -> None:
        text, dropped = clean_text(raw)
        if dropped:
            self.cleaned_cells.append(cell_name(row, column))
        if text.strip():
            self.values[(row, column)] = text
            self.max_row, self.max_col = max(self.max_row, row), max(self.max_col, column)

    def merge_of(self, row: int, column: int) -> Merge | None:
        anchor = self.anchors().get((row, column))
        return None if anchor is None else self._merge_at.get(anchor)

    def anchors(self) -> dict[tuple[int, int], tuple[int, int]]:
        """Each merged cell → the top-left cell of its range (ranges clipped to the used area)."""
        if self._anchor is None:
            self._anchor, self._merge_at = {}, {}
            for merge in self.merges:
                min_col, min_row, max_col, max_row = merge
                self._merge_at[(min_row, min_col)] = merge
                for r in range(min_row, min(max_row, self.max_row) + 1):
                    for c in range(min_col, min(max_col, self.max_col) + 1):
                        self._anchor[(r, c)] = (min_row, min_col)
        return self._anchor

    def last_rows(self) -> dict[int, int]:
        """Each column's last row holding text."""
        if self._last_rows is None:
            self._last_rows = {}
            for row, column in self.values:
                self._last_rows[column] = max(row, self._last_rows.get(column, 0))
        return self._last_rows

    def text(self, row: int, column: int) -> str:
        """The cell's own text (empty inside a merged range but its first cell)."""
        return self.values.get((row, column), "")

    def shown(self, row: int, column: int) -> str:
        """What the reader sees there: a merged range shows its text in every cell it covers."""
        anchor = self.anchors().get((row, column), (row, column))
        return self.values.get(anchor, "")


def cell_name(row: int, column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"


def check_extent(grid: Grid, path: Path) -> None:
    """Refuse a sheet whose used range (up to its last cell holding text) is far larger than
    what it holds, or whose merged ranges cover more cells than any table: reading it would
    cost time out of all proportion to its content."""
    area = grid.max_row * grid.max_col
    if area > MAX_SPARSE_AREA and len(grid.values) * SPARSE_RATIO < area:
        far = sorted({cell_name(r, c) for r, c in grid.values
                      if r == grid.max_row or c == grid.max_col})[:4]
        raise ImportFileError(
            f"{where(path, grid.title)}：单元格 {'、'.join(far)} 远离表格的其余内容（用到 "
            f"{cell_name(grid.max_row, grid.max_col)} 为止，却只有 {len(grid.values)} 个单元格有内容），"
            "请删除这些单元格后再导入。")
    merged = sum((min(r1, grid.max_row) - r0 + 1) * (min(c1, grid.max_col) - c0 + 1)
                 for c0, r0, c1, r1 in grid.merges if r0 <= grid.max_row and c0 <= grid.max_col)
    if merged > MAX_CELLS:
        raise ImportFileError(f"{where(path, grid.title)}：合并单元格覆盖的范围过大（{merged:,} 个单元格），"
                              "不像是一张自查表，已停止。")


class Budget:
    """The same limits for every reader: cells read and time spent."""

    def __init__(self, path: Path) -> None:
        self.path, self.cells, self.start = path, 0, time.monotonic()

    def spend(self, cells: int = 1) -> None:
        self.cells += cells
        if self.cells > MAX_CELLS:
            raise ImportFileError(
                f"{where(self.path)}的单元格超过 {MAX_CELLS:,} 个，不像是一张自查表，已停止。")
        if self.cells % 4096 == 0 and time.monotonic() - self.start > MAX_SECONDS:
            raise ImportFileError(f"{where(self.path)}读取超过 {int(MAX_SECONDS)} 秒，已停止；请检查文件。")
