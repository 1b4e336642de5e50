"""The work summary (工作总结) as a .docx in the official format, from the report view-model."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from copy import deepcopy
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from docx import Document
from docx.oxml.ns import qn
from lxml import etree

import resources
from exporters.atomic import write_atomically
from exporters.docx_closing import closing
from exporters.docx_pages import (
    LANDSCAPE_TYPE_AREA,
    end_section,
    fits_one_page,
    make_landscape,
    no_page_break_before,
    set_page_numbers,
)
from exporters.docx_stream import StreamedDocument
from exporters.docx_xml import PPR, TEMPLATE, VAL, element, paragraph, required_child
from exporters.errors import ExportResult, Progress, report_progress
from exporters.report_outline import BODY, H1, H2, H3, H4, TITLE, outline
from exporters.table_rows import Merge, TableData, blocks_by_height, split_merges, table_data
from exporters.xmltext import TextCleaner
from model.report.layouts import Layout
from model.report.records import Report
from model.text.metrics import display_width

if TYPE_CHECKING:  # a finance form (and with it openpyxl, for its values) loads only when attached
    from exporters.finance_docx import FormTable
    from model.finance.records import FinanceSheet

STYLE_IDS = {TITLE: "GWTitle", H1: "GWHeading1", H2: "GWHeading2", H3: "GWHeading3",
             H4: "GWHeading4", BODY: "GWBody", "attachment": "GWAttachment",
             "table_title": "GWTableTitle", "table_text": "GWTableText",
             "table_header": "GWTableHeader"}
TYPE_AREA_TWIPS = 8844  # 156 mm
PROGRESS_EVERY = 500
TABLE_CHAR_TWIPS = 240  # one 12 pt character of 表格文字
CELL_PADDING_TWIPS = 2 * 85 + 60
TABLE_LINE_PT = 15.0  # 12 pt at 1.25 line spacing
# A vertical merge over hundreds of rows makes LibreOffice slow (3,000 items: minutes) and prints
# its label on one page only: merges restart at blocks of about ¾ of a page, at most 40 rows.
MERGE_BLOCK_ROWS = 40
MERGE_BLOCK_PT = {"portrait": 450.0, "landscape": 300.0}
LANDSCAPE_ABOVE_COLUMNS = 4


@dataclass(frozen=True)
class Attachment:
    """One attached table: its label (附件 / 附件N) and title, and how wide it is."""

    title: str
    columns: int

    @property
    def landscape(self) -> bool:
        return self.columns > LANDSCAPE_ABOVE_COLUMNS


def export_docx(report: Report, out: Path, *, table_layout: Layout | None = None,
                evidence_refs: bool = False, progress: Progress | None = None,
                form: FinanceSheet | None = None) -> ExportResult:
    """Write the report to out (atomically): body, 附件说明, 落款; with table_layout, the table as
    附件 on a new page (landscape when wider than four columns) — with form, the scored finance
    form instead; with evidence_refs, each item cites its evidence and an appendix lists it
    (report built with_evidence)."""
    clean = TextCleaner()
    blocks = outline(report, clean, evidence_refs=evidence_refs)
    finance = None
    if form:
        from exporters.finance_docx import form_table

        finance = form_table(form, clean)
    table = table_data(report, table_layout, clean) if table_layout and not finance else None
    total = len(blocks) + (len(table.rows) if table else 0)
    with_list = evidence_refs and any(item.evidence for item in report.items)
    attachments = ([Attachment(table.title, len(table.headers))] if table else []) + (
        [Attachment(finance.title, len(finance.weights))] if finance else []) + (
        [Attachment("证明材料清单", len(EVIDENCE_HEADERS))] if with_list else [])
    options = report.options
    signature = clean(options.signature, "落款（署名）").replace("\n", " ")
    signature_date = clean(options.signature_date, "落款（日期）").replace("\n", " ")
    closing_lines = [t for t in (signature, signature_date) if t]
    # the title, the body and the 落款 after its blank line: one page has no page number
    single_page = not attachments and fits_one_page(
        [b.text for b in blocks] + closing_lines + ([""] if closing_lines else []))

    def write(temp: Path) -> None:
        document = Document(str(resources.path(TEMPLATE)))
        body = document.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        anchor = body.find(qn("w:sectPr"))
        streamed = StreamedDocument(document)

        def body_pieces() -> Iterator[str]:  # written when saved: the body is never a tree
            for index, block in enumerate(blocks):
                yield streamed.paragraph_xml(STYLE_IDS[block.style], block.text)
                if index % PROGRESS_EVERY == 0:
                    report_progress(progress, index, total)

        anchor.addprevious(streamed.placeholder(body_pieces()))
        for p in closing([a.title for a in attachments], signature, signature_date):
            anchor.addprevious(p)
        labels = attachment_labels(len(attachments))
        pages = _Pages(anchor)
        if table is not None and table_layout is not None:  # a table comes only with its layout
            wide = attachments[0].landscape
            heading = _append_attachment(anchor, table, table_layout, lambda done: report_progress(
                progress, len(blocks) + done, total), label=labels.pop(0), landscape=wide,
                streamed=streamed)
            pages.start(heading, landscape=wide)
        if finance is not None:
            wide = attachments[0].landscape
            heading = _append_form(anchor, finance, label=labels.pop(0), landscape=wide)
            pages.start(heading, landscape=wide)
        if with_list:
            heading = _append_evidence_list(anchor, report, clean, label=labels.pop(0))
            pages.start(heading, landscape=False)
        pages.finish()
        set_page_numbers(document, options.page_numbers, single_page=single_page)
        # document properties are XML too: the same cleaning, on one line
        document.core_properties.title = clean(report.title, "文档属性（标题）").replace("\n", " ")
        streamed.save(temp)
        report_progress(progress, total, total)

    write_atomically(Path(out), write)
    return ExportResult(Path(out), clean.warnings)


class _Pages:
    """Sections: portrait for the report, a landscape one around each wide table."""

    def __init__(self, body_sect: etree._Element) -> None:
        self.body_sect = body_sect
        self.portrait = deepcopy(body_sect)
        self.landscape = False

    def start(self, heading: etree._Element, *, landscape: bool) -> None:
        if landscape == self.landscape:
            return
        ending = deepcopy(self.portrait)
        if self.landscape:
            make_landscape(ending)
        end_section(heading, ending)
        no_page_break_before(heading)
        self.landscape = landscape

    def finish(self) -> None:
        if self.landscape:
            make_landscape(self.body_sect)


def _append_attachment(anchor: etree._Element, table: TableData, layout: Layout,
                       on_rows: Callable[[int], None], label: str, landscape: bool,
                       streamed: StreamedDocument | None = None) -> etree._Element:
    heading = paragraph(STYLE_IDS["attachment"], label)
    anchor.addprevious(heading)
    anchor.addprevious(paragraph(STYLE_IDS["table_title"], table.title))
    anchor.addprevious(_table(table, layout, on_rows, landscape, streamed))
    return heading


def _append_form(anchor: etree._Element, table: FormTable, label: str,
                 landscape: bool) -> etree._Element:
    """The finance form (项目支出/部门整体支出绩效自评表) as the 附件."""
    from exporters.finance_docx import form_tables

    heading = paragraph(STYLE_IDS["attachment"], label)
    anchor.addprevious(heading)
    anchor.addprevious(paragraph(STYLE_IDS["table_title"], table.title))
    widths = column_widths(list(table.weights), list(table.headers),
                           LANDSCAPE_TYPE_AREA if landscape else TYPE_AREA_TWIPS)
    for part in form_tables(table, widths, STYLE_IDS["table_text"], STYLE_IDS["table_header"]):
        anchor.addprevious(part)
    return heading


EVIDENCE_HEADERS = ["附件编号", "证明材料", "文号", "日期"]
EVIDENCE_WIDTHS = [1.3, 4.0, 2.2, 1.5]


def attachment_labels(count: int) -> list[str]:
    """GB/T 9704: a single attachment is "附件"; several are "附件1", "附件2"…"""
    return ["附件"] if count == 1 else [f"附件{n}" for n in range(1, count + 1)]


def _append_evidence_list(anchor: etree._Element, report: Report, clean: TextCleaner,
                          label: str) -> etree._Element:
    """证明材料清单: every evidence with its number, as in the evidence package's index."""
    heading = paragraph(STYLE_IDS["attachment"], label)
    anchor.addprevious(heading)
    anchor.addprevious(paragraph(STYLE_IDS["table_title"], "证明材料清单"))
    rows = []
    for item in report.items:
        for number, evidence in item.numbered_evidence():
            title = clean(evidence.title, number)
            if evidence.classified:
                title += "（涉密材料，不提供电子版）"
            rows.append([number, title, clean(evidence.doc_no, number),
                         clean(evidence.issued_on, number)])
    widths = column_widths(EVIDENCE_WIDTHS, EVIDENCE_HEADERS)
    tbl = _table_element(widths)
    tbl.append(_row(EVIDENCE_HEADERS, widths, STYLE_IDS["table_header"], header=True))
    for cells in rows:
        tbl.append(_row(cells, widths, STYLE_IDS["table_text"]))
    anchor.addprevious(tbl)
    return heading


def _table(table: TableData, layout: Layout, on_rows: Callable[[int], None],
           landscape: bool = False, streamed: StreamedDocument | None = None) -> etree._Element:
    """A Word table built as XML: merges are set as vMerge before any text is written. With
    streamed, its rows are written when the document is saved (a placeholder holds their place)."""
    total = LANDSCAPE_TYPE_AREA if landscape else TYPE_AREA_TWIPS
    widths = column_widths([c.width for c in layout.columns], table.headers, total)
    tbl = _table_element(widths)
    tbl.append(_row(table.headers, widths, STYLE_IDS["table_header"], header=True))
    merged = {m.column for m in table.merges}
    heights = [_row_height(cells, widths, merged) for cells in table.rows]
    limit = MERGE_BLOCK_PT["landscape" if landscape else "portrait"]
    merge_state = _merge_states(split_merges(table.merges,
                                             blocks_by_height(heights, limit, MERGE_BLOCK_ROWS)))
    aligns = [c.align for c in layout.columns]

    def rows() -> Iterator[etree._Element]:
        for r, cells in enumerate(table.rows):
            yield _row(cells, widths, STYLE_IDS["table_text"], merges=merge_state.get(r, {}),
                       aligns=aligns)
            if r % PROGRESS_EVERY == 0:
                on_rows(r)

    if streamed is None:
        tbl.extend(rows())
    else:
        tbl.append(streamed.placeholder(streamed.element_xml(row) for row in rows()))
    return tbl


def _row_height(cells: list[str], widths: list[int], merged: set[int]) -> float:
    """Estimated points of a row: its tallest unmerged cell's wrapped 12 pt lines."""
    lines = 1
    for column, (text, width) in enumerate(zip(cells, widths, strict=True)):
        if column not in merged:
            per_line = max(1.0, (width - CELL_PADDING_TWIPS) / TABLE_CHAR_TWIPS)
            lines = max(lines, sum(max(1, math.ceil(display_width(line) / 2 / per_line))
                                   for line in text.split("\n")))
    return lines * TABLE_LINE_PT + 4


def _table_element(widths: list[int]) -> etree._Element:
    """The table's width is given twice: w:tblW for Word, w:gridCol for WPS, which sizes
    columns from the grid."""
    tbl = etree.Element(qn("w:tbl"))
    tbl_pr = etree.SubElement(tbl, qn("w:tblPr"))
    etree.SubElement(tbl_pr, qn("w:tblStyle")).set(VAL, "GWTable")
    tbl_pr.append(element("tblW", w=str(sum(widths)), type="dxa"))
    tbl_pr.append(element("tblLayout", type="fixed"))
    grid = etree.SubElement(tbl, qn("w:tblGrid"))
    for w in widths:
        grid.append(element("gridCol", w=str(w)))
    return tbl


def column_widths(weights: list[float], headers: list[str],
                  total: int = TYPE_AREA_TWIPS) -> list[int]:
    """Widths in twips by weight, but never so narrow that a header word breaks (12 pt text)."""
    minimums = [len(h) * TABLE_CHAR_TWIPS + CELL_PADDING_TWIPS for h in headers]
    widths = [total * w / sum(weights) for w in weights]
    short = [i for i, (w, m) in enumerate(zip(widths, minimums, strict=True)) if w < m]
    if short:
        fixed = sum(minimums[i] for i in short)
        rest = [i for i in range(len(widths)) if i not in short]
        rest_weight = sum(weights[i] for i in rest)
        widths = [minimums[i] if i in short else (total - fixed) * weights[i] / rest_weight
                  for i in range(len(widths))]
    return [int(w) for w in widths]


def _merge_states(merges: list[Merge]) -> dict[int, dict[int, str]]:
    """For each data row and column in a merge: "restart" on its first row, "continue" below."""
    states: dict[int, dict[int, str]] = {}
    for merge in merges:
        states.setdefault(merge.first_row, {})[merge.column] = "restart"
        for row in range(merge.first_row + 1, merge.last_row + 1):
            states.setdefault(row, {})[merge.column] = "continue"
    return states


def _row(cells: list[str], widths: list[int], style_id: str, *, header: bool = False,
         merges: dict[int, str] | None = None, aligns: list[str] | None = None) -> etree._Element:
    tr = etree.Element(qn("w:tr"))
    tr_pr = etree.SubElement(tr, qn("w:trPr"))
    if header:
        etree.SubElement(tr_pr, qn("w:tblHeader"))  # repeated at the top of every page
        etree.SubElement(tr_pr, qn("w:cantSplit"))
    merges = merges or {}
    for c, (text, w) in enumerate(zip(cells, widths, strict=True)):
        tc = etree.SubElement(tr, qn("w:tc"))
        tc_pr = etree.SubElement(tc, qn("w:tcPr"))
        tc_pr.append(element("tcW", w=str(w), type="dxa"))
        state = merges.get(c)
        if state:
            merge = etree.SubElement(tc_pr, qn("w:vMerge"))
            if state == "restart":
                merge.set(VAL, "restart")
        etree.SubElement(tc_pr, qn("w:vAlign")).set(VAL, "center")
        lines = [""] if state == "continue" else (text.split("\n") or [""])
        for line in lines:
            p = paragraph(style_id, line)
            if aligns and aligns[c] == "center":
                etree.SubElement(required_child(p, PPR), qn("w:jc")).set(VAL, "center")
            tc.append(p)
    return tr
