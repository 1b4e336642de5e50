"""The finance forms as the official xlsx (项目支出/部门整体支出绩效自评表): merged blocks, A4 portrait."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from exporters.atomic import write_atomically
from exporters.errors import ExportError, ExportResult
from exporters.xlsx_cells import active_sheet, fit_to_page, put_value, save_workbook, set_footer_center
from exporters.xmltext import TextCleaner
from model.finance.layouts import (
    FUND_KEYWORDS,
    INDICATOR_KEYWORDS,
    FinanceLayout,
    column_key,
)
from model.finance.records import FinanceSheet, FundRecord
from model.scoring.rules import IndicatorScore
from model.scoring.target_text import format_number, read_actual
from model.text.metrics import wrapped_lines
from model.vocabulary import NOT_APPLICABLE

DASH = "—"
LINE_HEIGHT = 1.35
ROW_PADDING = 6.0
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
MAX_ROWS = 5000


@dataclass
class _Writer:
    sheet: Worksheet
    layout: FinanceLayout
    clean: TextCleaner
    row: int = 1

    @property
    def width(self) -> int:
        return len(self.layout.widths)

    def put(self, row: int, column: int, value: Any, *, last: int | None = None,
            style: str = "body", align: str = "center", rows: int = 1) -> None:
        """A value in a cell, merged over columns column..last and rows row..row+rows-1."""
        last = last or column
        cell = self.sheet.cell(row=row, column=column)
        if isinstance(value, str):
            value = self.clean(value, f"第 {row} 行")
        put_value(cell, value)  # a text that looks like a formula stays text
        name, size = self.layout.fonts[style]
        font = Font(name=name, size=size, bold=style == "header")
        alignment = Alignment(horizontal=align, vertical="center", wrap_text=True)
        for r in range(row, row + rows):
            for c in range(column, last + 1):
                target = self.sheet.cell(row=r, column=c)
                target.border, target.font, target.alignment = BOX, font, alignment
        if last > column or rows > 1:
            self.sheet.merge_cells(start_row=row, start_column=column, end_row=row + rows - 1,
                                   end_column=last)


def export_finance_xlsx(sheet: FinanceSheet, layout: FinanceLayout, out: Path) -> ExportResult:
    """Write the form to out (complete or not at all)."""
    if layout.kind != sheet.kind:
        raise ExportError(f"表样“{layout.label}”用于{layout.kind}绩效自评表，本自评是{sheet.kind}。")
    if len(sheet.score.indicators) > MAX_ROWS:
        raise ExportError(f"绩效指标共 {len(sheet.score.indicators)} 项，超过 {MAX_ROWS} 项，无法导出。")
    clean = TextCleaner()

    def write(temp: Path) -> None:
        workbook = Workbook()
        writer = _Writer(active_sheet(workbook), layout, clean)
        writer.sheet.title = layout.title[:31]
        _write_form(writer, sheet)
        _page_setup(writer)
        save_workbook(workbook, temp)

    write_atomically(out, write)
    return ExportResult(out, clean.warnings)


def _write_form(w: _Writer, sheet: FinanceSheet) -> None:
    _title(w, sheet)
    for field, label in w.layout.header_fields:
        w.put(w.row, 1, label, style="header")
        w.put(w.row, 2, getattr(sheet.form, field), last=w.width, align="left")
        w.row += 1
    _funds(w, sheet)
    _goals(w, sheet)
    _indicators(w, sheet)
    _closing(w, sheet)
    _fit_rows(w)


def _title(w: _Writer, sheet: FinanceSheet) -> None:
    w.put(1, 1, w.layout.title, last=w.width, style="title")
    w.sheet.row_dimensions[1].height = 36
    subtitle_end = w.width - 3 if w.layout.report_code else w.width
    w.put(2, 1, w.layout.subtitle.format(year=sheet.year), last=subtitle_end)
    if w.layout.report_code:
        w.put(2, subtitle_end + 1, f"报表编号：{w.layout.report_code}", last=w.width, align="right")
    for column in range(1, w.width + 1):  # the title rows carry no frame
        for row in (1, 2):
            w.sheet.cell(row=row, column=column).border = Border()
    w.row = 3


def _funds(w: _Writer, sheet: FinanceSheet) -> None:
    columns = w.layout.fund_columns
    first = w.row
    w.put(first, 1, w.layout.fund_block, style="header", rows=len(sheet.funds) + 1)
    w.put(first, 2, "", style="header")
    for index, header in enumerate(columns):
        last = w.width if index == len(columns) - 1 else 3 + index
        w.put(first, 3 + index, header, last=last, style="header")
    for offset, fund in enumerate(sheet.funds, 1):
        w.put(first + offset, 2, fund.label, align="left")
        for index, header in enumerate(columns):
            last = w.width if index == len(columns) - 1 else 3 + index
            value = fund_value(column_key(header, FUND_KEYWORDS), fund, offset == 1, sheet,
                                "budget_" + w.layout.rules.execution_base)
            w.put(first + offset, 3 + index, value, last=last,
                  align="left" if isinstance(value, str) and len(value) > 2 else "center")
    w.row = first + len(sheet.funds) + 1


def fund_value(key: str, fund: FundRecord, is_total: bool, sheet: FinanceSheet,
                base_key: str) -> Any:
    execution = sheet.score.execution
    if key in ("budget_initial", "budget_adjusted", "spent"):
        value = getattr(fund, key)
        return "" if value is None else round(value, 4)
    if key == "rate":  # B / A on every row; A as the layout says (调整后/全年预算数 or 年初预算数)
        base = getattr(fund, base_key)
        return f"{fund.spent / base:.2%}" if base and fund.spent is not None else DASH
    if not is_total:
        return DASH
    return {"points": execution.points, "score": execution.score,
            "reason": sheet.form.execution_reason}.get(key, "")


def _goals(w: _Writer, sheet: FinanceSheet) -> None:
    split = 2 + (w.width - 1) // 2  # the two goal columns share the width after the label
    w.put(w.row, 1, w.layout.goal_block, style="header", rows=2)
    expected, actual = w.layout.goal_columns
    w.put(w.row, 2, expected, last=split - 1, style="header")
    w.put(w.row, split, actual, last=w.width, style="header")
    w.put(w.row + 1, 2, sheet.form.goal_expected, last=split - 1, align="left")
    w.put(w.row + 1, split, sheet.form.goal_actual, last=w.width, align="left")
    w.row += 2


def _indicators(w: _Writer, sheet: FinanceSheet) -> None:
    keys = [column_key(h, INDICATOR_KEYWORDS) for h in w.layout.indicator_columns]
    for column, header in enumerate(w.layout.indicator_columns, 1):
        w.put(w.row, column, header, style="header")
    w.sheet.print_title_rows = f"{w.row}:{w.row}"
    w.row += 1
    first = w.row
    split_target = "unit" in keys  # Sichuan: 指标性质 | 指标值 | 度量单位 in their own columns
    for indicator in sheet.score.indicators:
        values = indicator_values(indicator, split_target)
        for column, key in enumerate(keys, 1):
            value = values.get(key, "")
            w.put(w.row, column, value,
                  align="left" if key in ("name", "reason") else "center")
        w.row += 1
    _merge_runs(w, first, keys, list(sheet.score.indicators))
    score = sheet.score
    points = sum(s.points for s in score.indicators) + score.execution.points
    label_end = keys.index("points")
    w.put(w.row, 1, "总分", last=label_end, style="header")
    w.put(w.row, label_end + 1, points)
    w.put(w.row, label_end + 2, score.total)
    if label_end + 3 <= w.width:
        w.put(w.row, label_end + 3, f"自评等级：{score.rating}", last=w.width)
    w.row += 1


def indicator_values(indicator: IndicatorScore, split_target: bool) -> dict[str, Any]:
    """One indicator row as written: the clerk's own actual and score (a score the rules flag is
    written as filled, so that the form read back is flagged again), else the rules' score."""
    source = indicator.source
    score = source.score if source.score is not None else indicator.score
    values: dict[str, Any] = {"level1": source.level1, "level2": source.level2, "name": source.name,
                              "target": source.target, "actual": source.actual,
                              "points": source.points if source.points is not None else "",
                              "score": score, "reason": source.reason}
    if not source.applicable:
        values.update(actual=NOT_APPLICABLE, score=DASH)
    if split_target:
        target = indicator.target
        values.update(direction=indicator.direction,
                      target=format_number(target) if isinstance(target, float) else target,
                      unit=indicator.unit)
        written = read_actual(source.actual)
        own_unit = written is not None and written.unit not in ("", indicator.unit)
        if isinstance(indicator.actual, float) and source.applicable and not own_unit:
            values["actual"] = format_number(indicator.actual)  # "950000元" under 万元 stays as written
    return values


def _merge_runs(w: _Writer, first: int, keys: list[str], indicators: list[IndicatorScore]) -> None:
    """一级 and 二级指标 merge down over their indicators (二级 only inside its 一级)."""
    for depth, key in enumerate(("level1", "level2"), 1):
        column = keys.index(key) + 1
        path = [(i.source.level1, i.source.level2)[:depth] for i in indicators]
        start = 0
        for index in range(1, len(path) + 1):
            if index == len(path) or path[index] != path[start]:
                if index - 1 > start:
                    w.sheet.merge_cells(start_row=first + start, start_column=column,
                                        end_row=first + index - 1, end_column=column)
                start = index


def _closing(w: _Writer, sheet: FinanceSheet) -> None:
    for field, label in w.layout.closing_texts:
        w.put(w.row, 1, label, last=2, style="header")
        w.put(w.row, 3, getattr(sheet.form, field), last=w.width, align="left")
        w.row += 1
    if w.layout.signatures:
        half = w.width // 2
        spans = ((1, half), (half + 1, w.width))
        for (field, label), (start, end) in zip(w.layout.signatures, spans, strict=False):
            w.put(w.row, start, f"{label}：{getattr(sheet.form, field)}", last=end, align="left")
        w.row += 1


def _fit_rows(w: _Writer) -> None:
    """Excel does not grow rows for wrapped or merged text: size every row to its longest text."""
    widths = w.layout.widths
    size = w.layout.fonts["body"][1]
    spans: dict[tuple[int, int], int] = {}
    for merged in w.sheet.merged_cells.ranges:
        if merged.min_row == merged.max_row:
            spans[(merged.min_row, merged.min_col)] = merged.max_col
    for row in range(3, w.row):
        lines = 1
        for column in range(1, w.width + 1):
            value = w.sheet.cell(row=row, column=column).value
            if value is None or value == "":
                continue
            end = spans.get((row, column), column)
            width = sum(widths[column - 1:end])
            lines = max(lines, wrapped_lines(str(value), width))
        w.sheet.row_dimensions[row].height = max(20.0, lines * size * LINE_HEIGHT + ROW_PADDING)


def _page_setup(w: _Writer) -> None:
    sheet = w.sheet
    for column, width in enumerate(w.layout.widths, 1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = w.layout.print.get("orientation", "portrait")
    fit_to_page(sheet)
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as needed
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    set_footer_center(sheet, "第 &P 页，共 &N 页")
    sheet.print_area = f"A1:{get_column_letter(w.width)}{w.row - 1}"
