"""The 同比表: each item's last year's and this year's 落实情况, their figures side by side and
what changed, laid out by resources/layouts/compare/yoy.json."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from exporters.atomic import write_atomically
from exporters.errors import ExportError, ExportResult, Progress, report_progress
from exporters.xlsx_cells import active_sheet, fit_to_page, set_footer_center, set_raw_text
from model.text.metrics import MAX_ROW_HEIGHT, row_height, wrapped_lines
from resources import read_json

LAYOUT = "layouts/compare/yoy.json"
NEARLY = 0.9
THIN = Side(style="thin", color="000000")


@dataclass(frozen=True)
class CompareRow:
    """One item of the comparison (the compare command's JSON item, plain)."""

    seq: int | None
    content: str
    last_result: str
    this_result: str
    similarity: float | None
    numbers: tuple[tuple[str, str, str], ...]  # (label, last year's, this year's)


@dataclass(frozen=True)
class CompareTable:
    unit: str
    year: int
    last_year: int
    rows: tuple[CompareRow, ...]


def load_layout() -> dict[str, Any]:
    layout = read_json(LAYOUT)
    if not isinstance(layout, dict) or not all(k in layout for k in ("columns", "title", "sheet")):
        raise ExportError(f"同比表表样文件 {LAYOUT} 已损坏。")
    return layout


def change_of(row: CompareRow, layout: dict[str, Any]) -> tuple[str, str]:
    """(key, text) of what changed: new, dropped, unchanged, nearly or changed."""
    changes = layout["changes"]
    if row.last_result == "" and row.similarity is None and row.seq is not None:
        key = "new"
    elif row.seq is None:
        key = "dropped"
    elif row.similarity == 1.0:
        key = "unchanged"
    elif (row.similarity or 0) >= NEARLY:
        key = "nearly"
    else:
        key = "changed"
    text = changes[key].format(similarity=f"{row.similarity or 0:.0%}")
    return key, text


def cell_text(row: CompareRow, field: str, layout: dict[str, Any]) -> str:
    if field == "seq":
        return "" if row.seq is None else str(row.seq)
    if field == "numbers":
        return "\n".join(f"{label}：{last} → {this}" for label, last, this in row.numbers)
    if field == "change":
        return change_of(row, layout)[1]
    return str(getattr(row, field))


def export_compare_xlsx(table: CompareTable, out: Path,
                        progress: Progress | None = None) -> ExportResult:
    layout = load_layout()
    names = {"unit": table.unit, "year": table.year, "last_year": table.last_year}
    workbook = Workbook()
    sheet = active_sheet(workbook)
    sheet.title = layout["sheet"]
    columns = layout["columns"]
    title_font, header_font, body_font = (Font(name=n, size=s) for n, s in (
        layout["fonts"]["title"], layout["fonts"]["header"], layout["fonts"]["body"]))
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
    title = _text(sheet.cell(row=1, column=1), layout["title"].format(**names))
    title.font, title.alignment = title_font, Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 36
    border = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
    for n, column in enumerate(columns, start=1):
        cell = _text(sheet.cell(row=2, column=n), column["header"].format(**names))
        cell.font, cell.border = header_font, border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(n)].width = column["width"]
    sheet.row_dimensions[2].height = row_height(2, header_font.size or 12)
    fills = {k: PatternFill("solid", fgColor=v) for k, v in layout.get("fills", {}).items()}
    for r, row in enumerate(table.rows, start=3):
        report_progress(progress, r - 3, len(table.rows))
        key = change_of(row, layout)[0]
        lines = 1
        for n, column in enumerate(columns, start=1):
            text = cell_text(row, column["field"], layout)
            lines = max(lines, wrapped_lines(text, column["width"]))
            cell = _text(sheet.cell(row=r, column=n), text)
            cell.font, cell.border = body_font, border
            cell.alignment = Alignment(horizontal=column.get("align", "left"), vertical="center",
                                       wrap_text=True)
            if column["field"] == "change" and key in fills:
                cell.fill = fills[key]
        sheet.row_dimensions[r].height = min(row_height(lines, body_font.size or 11), MAX_ROW_HEIGHT)
    sheet.print_title_rows = "2:2"
    sheet.freeze_panes = "A3"
    sheet.page_setup.orientation = layout["print"].get("orientation", "landscape")
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    fit_to_page(sheet)
    set_footer_center(sheet, "第 &P 页，共 &N 页")
    write_atomically(out, lambda temp: workbook.save(str(temp)))
    report_progress(progress, len(table.rows), len(table.rows))
    return ExportResult(Path(out))


def _text(cell: object, text: str) -> Cell:
    """A new sheet's cell holding text as text (a "=…" result is never a formula)."""
    assert isinstance(cell, Cell)  # a cell outside merged ranges
    set_raw_text(cell, text)
    return cell
