"""The official Excel tables (自查表 T1, 任务表 T2…) from the report view-model and a layout."""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from contextlib import suppress
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._writer import ALL_TEMP_FILES
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from exporters.atomic import write_atomically
from exporters.errors import ExportError, ExportResult, Progress, report_progress
from exporters.table_rows import Merge, TableData, split_merges, table_data, with_item_columns
from exporters.xlsx_cells import (
    fit_to_page,
    packed_style,
    put_text,
    save_workbook,
    set_footer_center,
    set_packed_style,
)
from exporters.xlsx_pages import MARGINS, PagePlan, plan_pages
from exporters.xmltext import TextCleaner
from model.report.layouts import PAPER_SIZES, Layout
from model.report.records import Report
from model.text.metrics import EXCEL_CELL_LIMIT, MAX_ROW_HEIGHT, row_height, wrapped_lines
from model.vocabulary import COMPLETION_RULE, STATISTICS_ORDER

ESCAPE_LIKE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
TITLE_ROW, HEADER_ROW, FIRST_DATA_ROW = 1, 2, 3
PROGRESS_EVERY = 1000
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def export_xlsx(report: Report, layout: Layout, out: Path, *,
                progress: Progress | None = None) -> ExportResult:
    """Write the table (sheet 1) and its statistics (sheet 统计) atomically to out."""
    clean = TextCleaner()
    layout = with_item_columns(layout, report)  # nothing an item holds is left out
    table = table_data(report, layout, clean)
    _refuse_oversized(table)

    def write(temp: Path) -> None:
        # write-only: each row is written to the file as it is appended (a 100,000-row table
        # never exists as cells); so the sheets are filled top to bottom, row heights and
        # column widths set before their rows, the sheet views before the first row
        workbook = Workbook(write_only=True)
        try:
            styles = _register_styles(workbook, layout)
            _write_table(workbook.create_sheet(layout.sheet_title), table, layout, styles, progress)
            _write_statistics(workbook.create_sheet("统计"), report, styles, clean)
            save_workbook(workbook, temp)
        except BaseException:
            _abandon(workbook)
            raise

    write_atomically(Path(out), write)
    return ExportResult(Path(out), clean.warnings)


def _abandon(workbook: Workbook) -> None:
    """A write-only workbook given up half way (a cancel, a full disk): each sheet's half-written
    XML and its temporary file dropped now, not left to the garbage collector (which reports the
    unfinished XML as an error)."""
    for sheet in workbook.worksheets:
        writer = getattr(sheet, "_writer", None)
        for generator in (getattr(sheet, "_rows", None), getattr(writer, "xf", None)):
            with suppress(Exception):
                if generator is not None:
                    generator.close()
        out = getattr(writer, "out", None)
        if isinstance(out, str):
            with suppress(OSError, ValueError):
                os.remove(out)
                ALL_TEMP_FILES.remove(out)


def _refuse_oversized(table: TableData) -> None:
    """openpyxl would cut a text over Excel's cell limit without a word: refuse instead."""
    for row, cells in enumerate(table.rows):
        for column, text in enumerate(cells):
            if len(text) > EXCEL_CELL_LIMIT:
                raise ExportError(
                    f"第{row + 1}项的“{table.headers[column]}”有 {len(text)} 个字符，超过 Excel "
                    f"单元格上限 {EXCEL_CELL_LIMIT}，无法完整导出；请精简后再导出。")


def _register_styles(workbook: Workbook, layout: Layout) -> dict[str, str]:
    (title_font, title_size), (header_font, header_size), (body_font, body_size) = (
        layout.fonts["title"], layout.fonts["header"], layout.fonts["body"])
    specs = {
        "表格标题": NamedStyle("表格标题", font=Font(name=title_font, size=title_size),
                           alignment=Alignment(horizontal="center", vertical="center",
                                               wrap_text=True)),
        "表头": NamedStyle("表头", font=Font(name=header_font, size=header_size, bold=True),
                         border=BORDER, alignment=Alignment(horizontal="center",
                                                            vertical="center", wrap_text=True)),
        "正文左": NamedStyle("正文左", font=Font(name=body_font, size=body_size), border=BORDER,
                          alignment=Alignment(horizontal="left", vertical="center", wrap_text=True)),
        "正文中": NamedStyle("正文中", font=Font(name=body_font, size=body_size), border=BORDER,
                          alignment=Alignment(horizontal="center", vertical="center",
                                              wrap_text=True)),
    }
    for style in specs.values():
        workbook.add_named_style(style)
    return {key: key for key in specs}


def _write_table(sheet: Any, table: TableData, layout: Layout, styles: dict[str, str],
                 progress: Progress | None) -> None:
    """The table into a write-only sheet, row by row."""
    columns = layout.columns
    widths = [c.width for c in columns]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = f"A{FIRST_DATA_ROW}"
    last_column = get_column_letter(len(columns))
    _dimension(sheet, f"A1:{last_column}{FIRST_DATA_ROW + len(table.rows) - 1}")
    title_height = layout.fonts["title"][1] * 2.2
    header_height = row_height(max(wrapped_lines(h, w) for h, w in zip(table.headers, widths,
                                                                       strict=True)),
                               layout.fonts["header"][1])
    merges, heights, plan = _paginate(table, widths, layout, title_height + header_height)
    title = _styled(sheet, styles["表格标题"], table.title)
    _append(sheet, TITLE_ROW, title_height, [title, *(
        _styled(sheet, None) for _ in columns[1:])])
    sheet.merged_cells.ranges.add(CellRange(f"A{TITLE_ROW}:{last_column}{TITLE_ROW}"))
    _append(sheet, HEADER_ROW, header_height,
            [_styled(sheet, styles["表头"], header) for header in table.headers])
    cell_styles = [_style_array(sheet, styles["正文中"] if c.align == "center" else styles["正文左"])
                   for c in columns]
    for merge in merges:
        sheet.merged_cells.ranges.add(CellRange(
            min_col=merge.column + 1, max_col=merge.column + 1,
            min_row=FIRST_DATA_ROW + merge.first_row, max_row=FIRST_DATA_ROW + merge.last_row))
    merged_away = _rows_in_merges(merges, len(table.rows), first=False)  # all but a merge's first
    for offset, cells in enumerate(table.rows):
        row = []
        for index, text in enumerate(cells):
            cell = WriteOnlyCell(sheet)
            set_packed_style(cell, cell_styles[index])  # before the text: its quote prefix stays
            if not (index in merged_away and merged_away[index][offset]):  # under a merge: borders
                _set_text(cell, text)
            row.append(cell)
        _append(sheet, FIRST_DATA_ROW + offset, heights[offset], row)
        if offset % PROGRESS_EVERY == 0:
            report_progress(progress, offset, len(table.rows))
    _page_setup(sheet, layout, last_column, plan, FIRST_DATA_ROW + len(table.rows) - 1)
    report_progress(progress, len(table.rows), len(table.rows))


def _append(sheet: Any, row: int, height: float, cells: list[Cell]) -> None:
    """One row, its height set before it is written and dropped after (nothing kept per row)."""
    sheet.row_dimensions[row].height = height
    sheet.append(cells)
    del sheet.row_dimensions[row]


def _dimension(sheet: Any, ref: str) -> None:
    """The used range a worksheet states at its top, as a whole sheet states it: a write-only
    sheet cannot count it before its rows are written, so it is told."""
    sheet.calculate_dimension = lambda: ref


def _styled(sheet: Any, style: str | None, value: str | None = None) -> Cell:
    cell = WriteOnlyCell(sheet)
    if style is not None:  # the style first: a text's quote prefix is part of the cell's style
        cell.style = style
    else:  # a merged title's other cells: styled as openpyxl's merge leaves them
        set_packed_style(cell, StyleArray())
    if value is not None:
        _set_text(cell, value)
    return cell


def _paginate(table: TableData, widths: list[float], layout: Layout,
              repeated: float) -> tuple[list[Merge], list[float], PagePlan]:
    """Merges cut at the printed page breaks (labels repeated), the rows' heights, the breaks.
    Cutting a merge can make its rows taller, so the pages are planned a second time."""
    size = layout.fonts["body"][1]
    orientation = layout.print.get("orientation", "landscape")
    lines = [[wrapped_lines(text, widths[c]) for c, text in enumerate(cells)]
             for cells in table.rows]  # once: every pass sizes the same texts
    merges = table.merges
    for _pass in range(2):
        heights = _row_heights(lines, merges, size)
        plan = plan_pages(widths, repeated, heights, orientation, layout.print.get("paper", "A4"))
        merges = split_merges(table.merges, plan.starts)
    return merges, _row_heights(lines, merges, size), plan


def _row_heights(lines: list[list[int]], merges: list[Merge], size: float) -> list[float]:
    """Rows tall enough for their wrapped text (lines: each cell's wrapped lines); a merged text
    is sized over its rows."""
    in_merge = _rows_in_merges(merges, len(lines), first=True)
    heights = [row_height(max((n for c, n in enumerate(cells)
                               if not (c in in_merge and in_merge[c][r])), default=1), size)
               for r, cells in enumerate(lines)]
    _grow_rows_under_merges(lines, merges, size, heights)
    return [min(h, MAX_ROW_HEIGHT) for h in heights]


def _style_array(sheet: Any, style_name: str) -> StyleArray | None:
    """The packed style of a named style. Copying it onto a cell is what openpyxl itself does
    when copying cells, and ten times faster than looking the named style up per cell."""
    probe = WriteOnlyCell(sheet)
    probe.style = style_name
    return packed_style(probe)


def _set_text(cell, text: str) -> None:
    # Excel reads "_xHHHH_" as an escaped character: a clerk's literal one is escaped as Excel does
    put_text(cell, ESCAPE_LIKE.sub(r"_x005F_\1", text) if "_x" in text else text)


def _rows_in_merges(merges: list[Merge], rows: int, *, first: bool) -> dict[int, bytearray]:
    """Per merged column, one byte per data row: 1 for a row under a vertical merge (with
    first, its first row too). A byte a row, not a (row, column) tuple a cell: 100,000 rows
    of merged labels took 20 MB as a set of tuples."""
    marks: dict[int, bytearray] = {}
    for merge in merges:
        column = marks.setdefault(merge.column, bytearray(rows))
        start = merge.first_row if first else merge.first_row + 1
        column[start:merge.last_row + 1] = b"\x01" * (merge.last_row + 1 - start)
    return marks


def _grow_rows_under_merges(lines: list[list[int]], merges: list[Merge], font_size: float,
                            heights: list[float]) -> None:
    """Excel does not grow merged cells: make the rows under each merge tall enough for its text."""
    for merge in merges:
        need = row_height(lines[merge.first_row][merge.column], font_size)
        span = range(merge.first_row, merge.last_row + 1)
        have = sum(heights[r] for r in span)
        if need > have:
            extra = (need - have) / len(span)
            for r in span:
                heights[r] += extra


def _page_setup(sheet: Any, layout: Layout, last_column: str, plan: PagePlan,
                last_row: int) -> None:
    setup = layout.print
    sheet.page_setup.paperSize = PAPER_SIZES[setup.get("paper", "A4")]
    sheet.page_setup.orientation = setup.get("orientation", "landscape")
    # Fitted to the width by a computed scale, not by "fit to page": Excel ignores row breaks
    # set by hand on a sheet fitted to pages, and ours keep each page's label.
    sheet.page_setup.scale = plan.scale if setup.get("fit_width", True) else 100
    # the breaks set at once: RowBreak.append copies and re-checks every break so far (quadratic)
    sheet.row_breaks.brk = [Break(id=FIRST_DATA_ROW + start - 1)  # break after that row
                            for start in plan.starts]
    sheet.print_options.horizontalCentered = bool(setup.get("center", True))
    if setup.get("repeat_title_rows", True):
        sheet.print_title_rows = f"{TITLE_ROW}:{HEADER_ROW}"
    for side, inches in MARGINS.items():  # the footer needs its own room below the rows
        setattr(sheet.page_margins, side, inches)
    set_footer_center(sheet, "第 &P 页，共 &N 页")
    sheet.print_area = f"A1:{last_column}{last_row}"


def _write_statistics(sheet: Any, report: Report, styles: dict[str, str],
                      clean: TextCleaner) -> None:
    """统计: items per top-level dimension and status, and the completion rate."""
    statuses = list(STATISTICS_ORDER)
    per_dimension: dict[str, Counter[str]] = defaultdict(Counter)
    for item in report.items:
        name = clean(item.path[0], f"考评维度“{item.path[0]}”") if item.path else ""
        per_dimension[name][item.status] += 1
    header = ["考评维度", "事项数", *statuses]
    rows: list[list[Any]] = [[name, sum(c.values()), *(c[s] for s in statuses)]
                             for name, c in per_dimension.items()]
    total = Counter(item.status for item in report.items)
    rows.append(["合计", len(report.items), *(total[s] for s in statuses)])
    sheet.column_dimensions["A"].width = 30
    for index in range(2, len(header) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 10
    fit_to_page(sheet)  # the sheet's properties go before its rows
    _dimension(sheet, f"A1:{get_column_letter(len(header))}{len(rows) + 3}")
    for number, values in enumerate([header, *rows]):
        sheet.append([_statistic(sheet, value, styles["表头"] if number == 0 else styles["正文中"])
                      for value in values])
    sheet.append([])
    sheet.append([_statistic(sheet, value, None)
                  for value in ("完成率", report.counts.rate, COMPLETION_RULE)])
    rule_row = len(rows) + 3  # the rule's words span the status columns instead of spilling over
    sheet.merged_cells.ranges.add(CellRange(min_col=3, max_col=len(header), min_row=rule_row,
                                            max_row=rule_row))
    _print_statistics(sheet, get_column_letter(len(header)), rule_row)


def _statistic(sheet: Any, value: Any, style: str | None) -> Cell:
    """A name is a name, never a formula (a dimension named "=0")."""
    cell = WriteOnlyCell(sheet)
    if style is not None:  # the style first: a text's quote prefix is part of the cell's style
        cell.style = style
    if isinstance(value, str):
        _set_text(cell, value)
    else:
        cell.value = value
    return cell


def _print_statistics(sheet: Any, last_column: str, last_row: int) -> None:
    """One page wide in landscape, with the tables' margins and footer (no columns cut off)."""
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    for side, inches in MARGINS.items():
        setattr(sheet.page_margins, side, inches)
    set_footer_center(sheet, "第 &P 页，共 &N 页")
    sheet.print_area = f"A1:{last_column}{last_row}"
