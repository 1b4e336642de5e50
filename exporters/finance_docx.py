"""A scored finance form (项目支出/部门整体支出绩效自评表) as Word tables, for the report's 附件."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn
from lxml import etree

from exporters.docx_xml import PPR, VAL, element, paragraph, required_child
from exporters.finance_xlsx import fund_value, indicator_values
from exporters.xmltext import TextCleaner
from model.finance.layouts import (
    FUND_KEYWORDS,
    INDICATOR_KEYWORDS,
    FinanceLayout,
    column_key,
    load_finance_layout,
)
from model.finance.records import FinanceSheet
from model.scoring.target_text import format_number


@dataclass(frozen=True)
class Cell:
    text: str
    span: int = 1
    merge: str = ""  # "restart" / "continue": merged down
    header: bool = False
    align: str = "center"


@dataclass(frozen=True)
class FormTable:
    """The form as rows of cells: the top (header block, funds, goals) and the indicators,
    whose column header repeats on every page."""

    title: str
    weights: tuple[float, ...]
    headers: tuple[str, ...]
    top: list[list[Cell]]
    indicator_header: list[Cell]
    indicators: list[list[Cell]]


def form_table(sheet: FinanceSheet, clean: TextCleaner) -> FormTable:
    """The cells of the form (scored by the engine), laid out by its own layout as the official
    xlsx is (exporters/finance_xlsx.py)."""
    layout = load_finance_layout(sheet.form.layout)
    width = len(layout.widths)
    title = clean(f"{layout.title}{layout.subtitle.format(year=sheet.year)}", "表格标题")

    def text(value: Any, where: str) -> str:
        if isinstance(value, float):
            value = format_number(value)
        return clean("" if value is None else str(value), f"{layout.title}（{where}）")

    top = [[Cell(label, header=True), Cell(text(getattr(sheet.form, field), label), width - 1,
                                           align="left")]
           for field, label in layout.header_fields]
    top += _funds(sheet, layout, text)
    top += _goals(sheet, layout, text)
    header = [Cell(h, header=True) for h in layout.indicator_columns]
    return FormTable(title, layout.widths, layout.indicator_columns, top, header,
                     _indicators(sheet, layout, text) + _closing(sheet, layout, text))


def _spans(count: int, width: int) -> list[int]:
    """The funds columns from the third on; the last one takes the rest of the width."""
    return [width - 2 - index if index == count - 1 else 1 for index in range(count)]


def _funds(sheet: FinanceSheet, layout: FinanceLayout, text: Any) -> list[list[Cell]]:
    columns = layout.fund_columns
    spans = _spans(len(columns), len(layout.widths))
    rows = [[Cell(layout.fund_block, merge="restart", header=True), Cell("", header=True)]
            + [Cell(h, span, header=True) for h, span in zip(columns, spans, strict=True)]]
    base = "budget_" + layout.rules.execution_base
    for offset, fund in enumerate(sheet.funds):
        row = [Cell("", merge="continue"), Cell(text(fund.label, "资金"), align="left")]
        for header, span in zip(columns, spans, strict=True):
            value = fund_value(column_key(header, FUND_KEYWORDS), fund, offset == 0, sheet, base)
            row.append(Cell(text(value, f"{fund.label}·{header}"), span,
                            align="left" if isinstance(value, str) and len(value) > 2 else "center"))
        rows.append(row)
    return rows


def _goals(sheet: FinanceSheet, layout: FinanceLayout, text: Any) -> list[list[Cell]]:
    width = len(layout.widths)
    split = 2 + (width - 1) // 2  # as in the xlsx: the two goal columns share the width
    expected, actual = layout.goal_columns
    return [[Cell(layout.goal_block, merge="restart", header=True),
             Cell(expected, split - 2, header=True), Cell(actual, width - split + 1, header=True)],
            [Cell("", merge="continue"),
             Cell(text(sheet.form.goal_expected, expected), split - 2, align="left"),
             Cell(text(sheet.form.goal_actual, actual), width - split + 1, align="left")]]


def _indicators(sheet: FinanceSheet, layout: FinanceLayout, text: Any) -> list[list[Cell]]:
    keys = [column_key(h, INDICATOR_KEYWORDS) for h in layout.indicator_columns]
    indicators = list(sheet.score.indicators)
    merges = {key: _runs([(i.source.level1, i.source.level2)[:depth] for i in indicators])
              for depth, key in enumerate(("level1", "level2"), 1)}
    rows = []
    for r, indicator in enumerate(indicators):
        values = indicator_values(indicator, "unit" in keys)
        rows.append([Cell(text(values.get(key, ""), f"第 {r + 1} 项指标"),
                          merge=merges.get(key, {}).get(r, ""),
                          align="left" if key in ("name", "reason") else "center")
                     for key in keys])
    score = sheet.score
    points = sum(s.points for s in score.indicators) + score.execution.points
    label_end = keys.index("points")
    total = [Cell("总分", label_end, header=True), Cell(text(points, "总分")),
             Cell(text(score.total, "总分"))]
    rest = len(keys) - label_end - 2
    if rest > 0:
        total.append(Cell(f"自评等级：{score.rating}", rest))
    return [*rows, total]


def _runs(path: list[tuple[str, ...]]) -> dict[int, str]:
    """Rows of equal path merge down: "restart" on the first, "continue" below."""
    states: dict[int, str] = {}
    start = 0
    for index in range(1, len(path) + 1):
        if index == len(path) or path[index] != path[start]:
            if index - 1 > start:
                states[start] = "restart"
                states.update((r, "continue") for r in range(start + 1, index))
            start = index
    return states


def _closing(sheet: FinanceSheet, layout: FinanceLayout, text: Any) -> list[list[Cell]]:
    """Sichuan: 评价结论 / 存在问题 / 改进措施, then 项目负责人 and 财务负责人."""
    width = len(layout.widths)
    rows = [[Cell(label, 2, header=True),
             Cell(text(getattr(sheet.form, field), label), width - 2, align="left")]
            for field, label in layout.closing_texts]
    if layout.signatures:
        half = width // 2
        rows.append([Cell(text(f"{label}：{getattr(sheet.form, field)}", label), span,
                          align="left")
                     for (field, label), span in zip(layout.signatures, (half, width - half),
                                                     strict=False)])
    return rows


def form_tables(table: FormTable, widths: list[int], text_style: str,
                header_style: str) -> list[etree._Element]:
    """Two Word tables one under the other (an empty line keeps them apart, else Word joins
    them): the top, and the indicators with their column header repeated on every page."""
    top = _table(widths)
    for cells in table.top:
        top.append(_row(cells, widths, text_style, header_style))
    gap = paragraph(text_style)
    indicators = _table(widths)
    indicators.append(_row(table.indicator_header, widths, text_style, header_style, repeat=True))
    for cells in table.indicators:
        indicators.append(_row(cells, widths, text_style, header_style))
    return [top, gap, indicators]


def _table(widths: list[int]) -> etree._Element:
    """The width twice: w:tblW for Word, w:gridCol for WPS (as the report's other tables)."""
    tbl = etree.Element(qn("w:tbl"))
    tbl_pr = etree.SubElement(tbl, qn("w:tblPr"))
    etree.SubElement(tbl_pr, qn("w:tblStyle")).set(VAL, "GWTable")
    tbl_pr.append(element("tblW", w=str(sum(widths)), type="dxa"))
    tbl_pr.append(element("tblLayout", type="fixed"))
    grid = etree.SubElement(tbl, qn("w:tblGrid"))
    for w in widths:
        grid.append(element("gridCol", w=str(w)))
    return tbl


def _row(cells: list[Cell], widths: list[int], text_style: str, header_style: str, *,
         repeat: bool = False) -> etree._Element:
    tr = etree.Element(qn("w:tr"))
    tr_pr = etree.SubElement(tr, qn("w:trPr"))
    etree.SubElement(tr_pr, qn("w:cantSplit"))
    if repeat:
        etree.SubElement(tr_pr, qn("w:tblHeader"))
    column = 0
    for cell in cells:
        tc = etree.SubElement(tr, qn("w:tc"))
        tc_pr = etree.SubElement(tc, qn("w:tcPr"))
        tc_pr.append(element("tcW", w=str(sum(widths[column:column + cell.span])), type="dxa"))
        if cell.span > 1:
            etree.SubElement(tc_pr, qn("w:gridSpan")).set(VAL, str(cell.span))
        if cell.merge:
            merge = etree.SubElement(tc_pr, qn("w:vMerge"))
            if cell.merge == "restart":
                merge.set(VAL, "restart")
        etree.SubElement(tc_pr, qn("w:vAlign")).set(VAL, "center")
        lines = [""] if cell.merge == "continue" else cell.text.split("\n")
        for line in lines:
            p = paragraph(header_style if cell.header else text_style, line)
            if cell.align == "center":
                etree.SubElement(required_child(p, PPR), qn("w:jc")).set(VAL, "center")
            tc.append(p)
        column += cell.span
    if column != len(widths):
        raise ValueError(f"a form row spans {column} of {len(widths)} columns")
    return tr
