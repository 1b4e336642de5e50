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
from openpyxl.worksheet.worksheet import Worksheet

from importers.cell_text import cell_text, header_key
from importers.errors import ImportFileError, where
from importers.formulas import uncached_formulas
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


def read_table(path: Path, layout_name: str = "auto") -> ImportedTable:
    """Read the table of an .xlsx; ImportFileError with file/sheet/row when it cannot."""
    path = Path(path)
    check_xlsx(path)
    layouts = [load_layout(n) for n in layout_names()] if layout_name == "auto" else [
        load_layout(layout_name)]
    try:
        workbook = openpyxl.load_workbook(path, data_only=True)
    except ImportFileError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on damaged input
        raise ImportFileError(f"{where(path)}无法解析：{type(exc).__name__}: {exc}") from exc
    try:
        sheets = [ws for ws in workbook.worksheets if isinstance(ws, Worksheet)]
        if not sheets or all(ws.max_row <= 1 and ws.max_column <= 1 and ws["A1"].value is None
                             for ws in sheets):
            raise ImportFileError(f"{where(path)}是空工作簿，没有任何内容。")
        found = _find_header(path, sheets, layouts)
        sheet, header = found
        return _read_rows(path, sheet, header)
    finally:
        workbook.close()


def _find_header(path: Path, sheets: list[Worksheet],
                 layouts: list[Layout]) -> tuple[Worksheet, _Header]:
    best: tuple[int, Worksheet, _Header] | None = None
    for sheet in sheets:
        for row in range(1, min(sheet.max_row, HEADER_SEARCH_ROWS) + 1):
            texts = {c: header_key(cell_text(sheet.cell(row, c).value))
                     for c in range(1, sheet.max_column + 1)}
            for layout in layouts:
                header = _match(row, texts, layout)
                if header is None:
                    continue
                score = len(header.columns)
                if best is None or score > best[0]:
                    best = (score, sheet, header)
    if best is None:
        raise ImportFileError(_no_header_message(path, sheets, layouts))
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


def _no_header_message(path: Path, sheets: list[Worksheet], layouts: list[Layout]) -> str:
    hidden = _merged_title_rows(sheets[0])
    if hidden:
        return (f"{where(path, sheets[0].title)}：第 {hidden[0]}–{hidden[1]} 行是合并的标题单元格，"
                "表头可能被合并单元格遮住了；请取消合并，让表头单独占一行后再导入。")
    expected = "；".join(f"{layout.label}：{'、'.join(layout.headers())}" for layout in layouts)
    return (f"{where(path)}：在前 {HEADER_SEARCH_ROWS} 行中找不到可识别的表头。"
            f"应有的表头为——{expected}。")


def _merged_title_rows(sheet: Worksheet) -> tuple[int, int] | None:
    for merged in sheet.merged_cells.ranges:
        if merged.min_row <= HEADER_SEARCH_ROWS and merged.max_row > merged.min_row and \
                merged.max_col - merged.min_col >= 1:
            return merged.min_row, merged.max_row
    return None


def _read_rows(path: Path, sheet: Worksheet, header: _Header) -> ImportedTable:
    _refuse_uncached_formulas(path, sheet)
    values = _spread_merges(sheet)
    title = _title(values, header.row, sheet.max_column)
    year_match = YEAR.search(title)
    table = ImportedTable(
        file=path, sheet=sheet.title, layout=header.layout.name, header_row=header.row,
        title=title or path.stem, unit=title[:year_match.start()].strip() if year_match else "",
        year=int(year_match.group(1)) if year_match else None,
        period=header.period or _period_from_title(title))
    dimension_columns = sorted(c for c, f in header.columns.items() if f.startswith("dimension_"))
    category: str | None = None
    row_across = _rows_merged_across(sheet)
    for row in range(header.row + 1, sheet.max_row + 1):
        cells = {c: values.get((row, c), "") for c in range(1, sheet.max_column + 1)}
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
                    f"{where(path, sheet.title, row)}起有事项没有所属维度，已归入“未分类”。")
        table.items.append(ImportedItem(row, tuple(names[:3]), item_values))
    if not table.items:
        raise ImportFileError(f"{where(path, sheet.title, header.row)}：表头下面没有任何数据行。")
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


def _rows_merged_across(sheet: Worksheet) -> set[int]:
    width = sheet.max_column
    return {r.min_row for r in sheet.merged_cells.ranges
            if r.min_row == r.max_row and r.max_col - r.min_col + 1 >= max(width - 1, 2)}


def _spread_merges(sheet: Worksheet) -> dict[tuple[int, int], str]:
    """Every non-empty cell's text by (row, column); a merged value applies to all it covers."""
    values: dict[tuple[int, int], str] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is not None:
                values[(cell.row, cell.column)] = cell_text(cell.value)
    for merged in sheet.merged_cells.ranges:
        text = values.get((merged.min_row, merged.min_col), "")
        for r in range(merged.min_row, merged.max_row + 1):
            for c in range(merged.min_col, merged.max_col + 1):
                values[(r, c)] = text
    return values


def _title(values: dict[tuple[int, int], str], header_row: int, width: int) -> str:
    for row in range(1, header_row):
        for column in range(1, width + 1):
            text = values.get((row, column), "").strip()
            if text:
                return re.sub(r"\s+", "", text)
    return ""


def _period_from_title(title: str) -> str:
    quarter = QUARTER.search(title)
    return QUARTERS[quarter.group(1)] if quarter else "年度"


def _refuse_uncached_formulas(path: Path, sheet: Worksheet) -> None:
    cells = uncached_formulas(path, sheet.title)
    if cells:
        shown = "、".join(cells[:10]) + ("等" if len(cells) > 10 else "")
        raise ImportFileError(
            f"{where(path, sheet.title)}：单元格 {shown} 是公式但没有计算结果（文件未在 Excel 中"
            "重新计算保存过），无法知道其内容；请在 Excel/WPS 中打开并保存后再导入。")

