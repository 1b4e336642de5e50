"""The work summary (工作总结) as a .docx in the official format, from the report view-model."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from lxml import etree

import resources
from exporters.atomic import write_atomically
from exporters.errors import ExportResult, Progress, report_progress
from exporters.report_outline import BODY, H1, H2, H3, H4, TITLE, outline
from exporters.table_rows import TableData, table_data
from exporters.xmltext import TextCleaner
from model.layouts import Layout
from model.report_records import Report

TEMPLATE = "templates/gongwen.docx"
STYLE_IDS = {TITLE: "GWTitle", H1: "GWHeading1", H2: "GWHeading2", H3: "GWHeading3",
             H4: "GWHeading4", BODY: "GWBody", "attachment": "GWAttachment",
             "table_title": "GWTableTitle", "table_text": "GWTableText",
             "table_header": "GWTableHeader"}
TYPE_AREA_TWIPS = 8844  # 156 mm
PROGRESS_EVERY = 500
TABLE_CHAR_TWIPS = 240  # one 12 pt character of 表格文字
CELL_PADDING_TWIPS = 2 * 85 + 60

_P, _PPR, _PSTYLE, _R, _T = qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:r"), qn("w:t")
_VAL, _SPACE = qn("w:val"), "{http://www.w3.org/XML/1998/namespace}space"


def export_docx(report: Report, out: Path, *, table_layout: Layout | None = None,
                evidence_refs: bool = False, progress: Progress | None = None) -> ExportResult:
    """Write the report to out (atomically); with table_layout, the table as 附件 on a new page;
    with evidence_refs, each item cites its evidence and an appendix lists it (report built
    with_evidence)."""
    clean = TextCleaner()
    blocks = outline(report, clean, evidence_refs=evidence_refs)
    table = table_data(report, table_layout, clean) if table_layout else None
    total = len(blocks) + (len(table.rows) if table else 0)

    def write(temp: Path) -> None:
        document = Document(str(resources.path(TEMPLATE)))
        body = document.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        anchor = body.find(qn("w:sectPr"))
        for index, block in enumerate(blocks):
            anchor.addprevious(_paragraph(STYLE_IDS[block.style], block.text))
            if index % PROGRESS_EVERY == 0:
                report_progress(progress, index, total)
        with_list = evidence_refs and any(item.evidence for item in report.items)
        labels = attachment_labels(int(table is not None) + int(with_list))
        if table is not None:
            _append_attachment(anchor, table, table_layout, lambda done: report_progress(
                progress, len(blocks) + done, total), label=labels.pop(0))
        if with_list:
            _append_evidence_list(anchor, report, clean, label=labels.pop(0))
        # document properties are XML too: the same cleaning, on one line
        document.core_properties.title = clean(report.title, "文档属性（标题）").replace("\n", " ")
        document.save(str(temp))
        report_progress(progress, total, total)

    write_atomically(Path(out), write)
    return ExportResult(Path(out), clean.warnings)


def _paragraph(style_id: str, text: str = "") -> etree._Element:
    p = etree.Element(_P)
    etree.SubElement(etree.SubElement(p, _PPR), _PSTYLE).set(_VAL, style_id)
    if text:
        t = etree.SubElement(etree.SubElement(p, _R), _T)
        t.text = text
        t.set(_SPACE, "preserve")
    return p


def _append_attachment(anchor: etree._Element, table: TableData, layout: Layout,
                       on_rows: object, label: str) -> None:
    anchor.addprevious(_paragraph(STYLE_IDS["attachment"], label))
    anchor.addprevious(_paragraph(STYLE_IDS["table_title"], table.title))
    anchor.addprevious(_table(table, layout, on_rows))


EVIDENCE_HEADERS = ["附件编号", "证明材料", "文号", "日期"]
EVIDENCE_WIDTHS = [1.3, 4.0, 2.2, 1.5]


def attachment_labels(count: int) -> list[str]:
    """GB/T 9704: a single attachment is "附件"; several are "附件1", "附件2"…"""
    return ["附件"] if count == 1 else [f"附件{n}" for n in range(1, count + 1)]


def _append_evidence_list(anchor: etree._Element, report: Report, clean: TextCleaner,
                          label: str) -> None:
    """证明材料清单: every evidence with its number, as in the evidence package's index."""
    anchor.addprevious(_paragraph(STYLE_IDS["attachment"], label))
    anchor.addprevious(_paragraph(STYLE_IDS["table_title"], "证明材料清单"))
    rows = []
    for item in report.items:
        for label, evidence in item.numbered_evidence():
            title = clean(evidence.title, label)
            if evidence.classified:
                title += "（涉密材料，不提供电子版）"
            rows.append([label, title, evidence.doc_no, evidence.issued_on])
    widths = column_widths(EVIDENCE_WIDTHS, EVIDENCE_HEADERS)
    tbl = _table_element(widths)
    tbl.append(_row(EVIDENCE_HEADERS, widths, STYLE_IDS["table_header"], header=True))
    for cells in rows:
        tbl.append(_row(cells, widths, STYLE_IDS["table_text"]))
    anchor.addprevious(tbl)


def _table(table: TableData, layout: Layout, on_rows: object) -> etree._Element:
    """A Word table built as XML: merges are set as vMerge before any text is written."""
    widths = column_widths([c.width for c in layout.columns], table.headers)
    tbl = _table_element(widths)
    tbl.append(_row(table.headers, widths, STYLE_IDS["table_header"], header=True))
    merge_state = _merge_states(table)
    aligns = [c.align for c in layout.columns]
    for r, cells in enumerate(table.rows):
        tbl.append(_row(cells, widths, STYLE_IDS["table_text"], merges=merge_state.get(r, {}),
                        aligns=aligns))
        if r % PROGRESS_EVERY == 0:
            on_rows(r)  # type: ignore[operator]
    return tbl


def _table_element(widths: list[int]) -> etree._Element:
    tbl = etree.Element(qn("w:tbl"))
    tbl_pr = etree.SubElement(tbl, qn("w:tblPr"))
    etree.SubElement(tbl_pr, qn("w:tblStyle")).set(_VAL, "GWTable")
    width = etree.SubElement(tbl_pr, qn("w:tblW"))
    width.set(qn("w:w"), str(sum(widths)))
    width.set(qn("w:type"), "dxa")
    etree.SubElement(tbl_pr, qn("w:tblLayout")).set(qn("w:type"), "fixed")
    grid = etree.SubElement(tbl, qn("w:tblGrid"))
    for w in widths:
        etree.SubElement(grid, qn("w:gridCol")).set(qn("w:w"), str(w))
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


def _merge_states(table: TableData) -> dict[int, dict[int, str]]:
    """For each data row and column in a merge: "restart" on its first row, "continue" below."""
    states: dict[int, dict[int, str]] = {}
    for merge in table.merges:
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
        tc_w = etree.SubElement(tc_pr, qn("w:tcW"))
        tc_w.set(qn("w:w"), str(w))
        tc_w.set(qn("w:type"), "dxa")
        state = merges.get(c)
        if state:
            merge = etree.SubElement(tc_pr, qn("w:vMerge"))
            if state == "restart":
                merge.set(_VAL, "restart")
        etree.SubElement(tc_pr, qn("w:vAlign")).set(_VAL, "center")
        lines = [""] if state == "continue" else (text.split("\n") or [""])
        for line in lines:
            p = _paragraph(style_id, line)
            if aligns and aligns[c] == "center":
                etree.SubElement(p.find(_PPR), qn("w:jc")).set(_VAL, "center")
            tc.append(p)
    return tr
