"""Read an official table (T1 自查表, T2 任务表, …) from a clerk's .xlsx into plain records.

Finds the sheet, the header row (anywhere in the first 10 rows) and the layout; spreads merged
cells over the rows they cover; turns interleaved category rows into dimensions; skips "注：" and
empty rows. Nothing here writes to the database: the caller stores the result in one transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl

from importers.cell_text import cell_text, header_key
from importers.errors import ImportFileError, where
from importers.formulas import scan_sheet
from importers.xlsx_safety import check_xlsx
from model.layouts import Column, Layout, layout_names, load_layout

HEADER_SEARCH_ROWS = 10
# Text fields a layout column may fill (statuses and scores need validation: not in T1/T2).
ITEM_FIELDS = ("content", "target", "result", "department", "progress_q1", "progress_q2",
               "progress_q3", "progress_q4", "indicator_target", "indicator_actual",
               "deviation_reason")
CATEGORY_MARK = re.compile(
    r"^\s*(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+部分)")
NOTE_MARK = re.compile(r"^\s*(注|备注|说明)\s*[:：]")
YEAR = re.compile(r"((?:19|20)\d{2})\s*年?")
QUARTER = re.compile(r"第?([一二三四1-4])季度")
QUARTERS = {"一": "第一季度", "二": "第二季度", "三": "第三季度", "四": "第四季度",
            "1": "第一季度", "2": "第二季度", "3": "第三季度", "4": "第四季度"}


@dataclass(frozen=True)
class ImportedItem:
    row: int
    path: tuple[str, ...]
    values: dict[str, str]


@dataclass
class ImportedTable:
    file: Path
    sheet: str
    layout: str
    header_row: int
    title: str
    unit: str
    year: int | None
    period: str
    items: list[ImportedItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def dimension_count(self) -> int:
        return len({item.path[:n] for item in self.items for n in range(1, len(item.path) + 1)})

    def tree(self) -> list[dict[str, Any]]:
        """The dimensions with their items, in file order, as model.bulk expects them."""
        roots: list[dict[str, Any]] = []
        nodes: dict[tuple[str, ...], dict[str, Any]] = {}
        for item in self.items:
            siblings = roots
            for depth in range(1, len(item.path) + 1):
                key = item.path[:depth]
                if key not in nodes:
                    nodes[key] = {"name": key[-1], "items": [], "children": []}
                    siblings.append(nodes[key])
                siblings = nodes[key]["children"]
            nodes[item.path]["items"].append(dict(item.values))
        return roots


@dataclass(frozen=True)
class _Header:
    row: int
    layout: Layout
    columns: dict[int, str]  # column index (1-based) → field; dimension columns as dimension_N
    period: str


@dataclass
class _Grid:
    """One sheet's cell texts with merged values spread over the cells they cover."""

    title: str
    values: dict[tuple[int, int], str]
    max_row: int
    max_col: int
    merges: list[tuple[int, int, int, int]]  # min_col, min_row, max_col, max_row

    def text(self, row: int, column: int) -> str:
        return self.values.get((row, column), "")


def read_table(path: Path, layout_name: str = "auto") -> ImportedTable:
    """Read the table of an .xlsx; ImportFileError with file/sheet/row when it cannot."""
    path = Path(path)
    check_xlsx(path)
    layouts = [load_layout(n) for n in layout_names()] if layout_name == "auto" else [
        load_layout(layout_name)]
    grids = _read_grids(path)
    if not any(grid.values for grid in grids):
        raise ImportFileError(f"{where(path)}是空工作簿，没有任何内容。")
    grid, header = _find_header(path, grids, layouts)
    return _read_rows(path, grid, header)


def _read_grids(path: Path) -> list[_Grid]:
    try:
        # The streaming reader: fast and lean; merged ranges come from our own scan.
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on damaged input
        raise ImportFileError(f"{where(path)}无法解析：{type(exc).__name__}: {exc}") from exc
    grids = []
    try:
        for sheet in workbook.worksheets:
            if not hasattr(sheet, "reset_dimensions"):
                continue  # a chart sheet
            sheet.reset_dimensions()  # the stored dimension may be wrong: read every row
            values: dict[tuple[int, int], str] = {}
            max_row = max_col = 0
            for row_index, row in enumerate(sheet.iter_rows(values_only=True), start=1):
                for col_index, value in enumerate(row, start=1):
                    if value is not None and (text := cell_text(value)) != "":
                        values[(row_index, col_index)] = text
                        max_row, max_col = max(max_row, row_index), max(max_col, col_index)
            scan = scan_sheet(path, sheet.title)
            if scan.uncached_formulas:
                _refuse_uncached_formulas(path, sheet.title, scan.uncached_formulas)
            for min_col, min_row, max_c, max_r in scan.merges:
                text = values.get((min_row, min_col), "")
                for r in range(min_row, max_r + 1):
                    for c in range(min_col, max_c + 1):
                        if text:
                            values[(r, c)] = text
            grids.append(_Grid(sheet.title, values, max_row, max_col, scan.merges))
    except ImportFileError:
        raise
    except Exception as exc:
        raise ImportFileError(f"{where(path)}无法解析：{type(exc).__name__}: {exc}") from exc
    finally:
        workbook.close()
    return grids


def _find_header(path: Path, grids: list[_Grid],
                 layouts: list[Layout]) -> tuple[_Grid, _Header]:
    best: tuple[int, _Grid, _Header] | None = None
    for grid in grids:
        for row in range(1, min(grid.max_row, HEADER_SEARCH_ROWS) + 1):
            texts = {c: header_key(grid.text(row, c)) for c in range(1, grid.max_col + 1)}
            for layout in layouts:
                header = _match(row, texts, layout)
                if header is None:
                    continue
                score = len(header.columns)
                if best is None or score > best[0]:
                    best = (score, grid, header)
    if best is None:
        raise ImportFileError(_no_header_message(path, grids, layouts))
    return best[1], best[2]


def _match(row: int, texts: dict[int, str], layout: Layout) -> _Header | None:
    columns: dict[int, str] = {}
    dimension_columns: list[int] = []
    period = ""
    for column, text in texts.items():
        spec = _best_column(text, layout, taken=set(columns.values()))
        if spec is None:
            continue
        if spec.field.startswith("dimension_"):
            dimension_columns.append(column)
            continue
        columns[column] = spec.field
        if spec.field == "result" and (quarter := QUARTER.search(text)):
            period = QUARTERS[quarter.group(1)]
    # Dimension columns, left to right, are levels 1, 2, 3 (a separate 类别 column adds a level).
    for level, column in enumerate(dimension_columns[:3], start=1):
        columns[column] = f"dimension_{level}"
    fields = set(columns.values())
    if "content" not in fields or len(fields) < 2:
        return None
    return _Header(row, layout, dict(sorted(columns.items())), period)


def _best_column(text: str, layout: Layout, taken: set[str]) -> Column | None:
    """The layout column a header word names: an exact variant beats a suffix ("第四季度完成情况
    描述" ends with "完成情况描述"), which beats containment; a field is only taken once."""
    best, best_score = None, 0
    for spec in layout.columns:
        if spec.field in taken and not spec.field.startswith("dimension_"):
            continue
        for variant in (header_key(v) for v in spec.variants):
            score = _match_score(text, variant)
            if score > best_score:
                best, best_score = spec, score
    return best


def _match_score(text: str, variant: str) -> int:
    if not text:
        return 0
    if text == variant:
        return 3
    if text.endswith(variant):
        return 2
    return 1 if len(variant) >= 4 and variant in text else 0


def _no_header_message(path: Path, grids: list[_Grid], layouts: list[Layout]) -> str:
    hidden = _merged_title_rows(grids[0])
    if hidden:
        return (f"{where(path, grids[0].title)}：第 {hidden[0]}–{hidden[1]} 行是合并的标题单元格，"
                "表头可能被合并单元格遮住了；请取消合并，让表头单独占一行后再导入。")
    expected = "；".join(f"{layout.label}：{'、'.join(layout.headers())}" for layout in layouts)
    return (f"{where(path)}：在前 {HEADER_SEARCH_ROWS} 行中找不到可识别的表头。"
            f"应有的表头为——{expected}。")


def _merged_title_rows(grid: _Grid) -> tuple[int, int] | None:
    for min_col, min_row, max_col, max_row in grid.merges:
        if min_row <= HEADER_SEARCH_ROWS and max_row > min_row and max_col > min_col:
            return min_row, max_row
    return None


def _read_rows(path: Path, grid: _Grid, header: _Header) -> ImportedTable:
    title = _title(grid, header.row)
    year_match = YEAR.search(title)
    table = ImportedTable(
        file=path, sheet=grid.title, layout=header.layout.name, header_row=header.row,
        title=title or path.stem, unit=title[:year_match.start()].strip() if year_match else "",
        year=int(year_match.group(1)) if year_match else None,
        period=header.period or _period_from_title(title))
    dimension_columns = sorted(c for c, f in header.columns.items() if f.startswith("dimension_"))
    category: str | None = None
    row_across = _rows_merged_across(grid)
    for row in range(header.row + 1, grid.max_row + 1):
        cells = {c: grid.text(row, c) for c in range(1, grid.max_col + 1)}
        kind, text = _row_kind(cells, row in row_across)
        if kind == "skip":
            continue
        if kind == "category":
            category = text
            continue
        # Stray spaces around a cell's text are noise in clerks' files: trimmed.
        item_values = {f: cells.get(c, "").strip() for c, f in header.columns.items()
                       if f in ITEM_FIELDS}
        if not any(item_values.values()):
            continue
        names = [cells[c].strip() for c in dimension_columns if cells[c].strip()]
        if category is not None and len(names) < 3:
            names = [category, *names]
        if not names:
            names = ["未分类"]
            if not any("未分类" in w for w in table.warnings):
                table.warnings.append(
                    f"{where(path, grid.title, row)}起有事项没有所属维度，已归入“未分类”。")
        table.items.append(ImportedItem(row, tuple(names[:3]), item_values))
    if not table.items:
        raise ImportFileError(f"{where(path, grid.title, header.row)}：表头下面没有任何数据行。")
    return table


def _row_kind(cells: dict[int, str], merged_across: bool) -> tuple[str, str]:
    """("skip", "") for empty and "注：" rows, ("category", name) for a category row standing
    alone (merged across the table, or one cell with a mark like "一、"), else ("item", "")."""
    texts = [t.strip() for t in cells.values() if t.strip()]
    if not texts:
        return "skip", ""
    alone = (merged_across and len(set(texts)) == 1) or len(texts) == 1
    if alone and NOTE_MARK.match(texts[0]):
        return "skip", ""
    if alone and (merged_across or CATEGORY_MARK.match(texts[0])):
        return "category", texts[0]
    return "item", ""


def _rows_merged_across(grid: _Grid) -> set[int]:
    return {min_row for min_col, min_row, max_col, max_row in grid.merges
            if min_row == max_row and max_col - min_col + 1 >= max(grid.max_col - 1, 2)}


def _title(grid: _Grid, header_row: int) -> str:
    for row in range(1, header_row):
        for column in range(1, grid.max_col + 1):
            text = grid.text(row, column).strip()
            if text:
                return re.sub(r"\s+", "", text)
    return ""


def _period_from_title(title: str) -> str:
    quarter = QUARTER.search(title)
    return QUARTERS[quarter.group(1)] if quarter else "年度"


def _refuse_uncached_formulas(path: Path, sheet: str, cells: list[str]) -> None:
    shown = "、".join(cells[:10]) + ("等" if len(cells) > 10 else "")
    raise ImportFileError(
        f"{where(path, sheet)}：单元格 {shown} 是公式但没有计算结果（文件未在 Excel 中"
        "重新计算保存过），无法知道其内容；请在 Excel/WPS 中打开并保存后再导入。")
