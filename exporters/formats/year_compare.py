"""The 同比表 (this year against last year, item by item) as Excel: export-yoy and File → 导出."""

from __future__ import annotations

from exporters.errors import ExportError, ExportResult
from exporters.registry import ExportFormat, ExportRequest
from model.format_options import QT_TRANSLATE_NOOP, Option
from model.records import AssessmentRecord
from model.report.records import ReportItem

PREVIOUS = Option("previous", QT_TRANSLATE_NOOP("formats", "上年的自评"),
                  "上年的自评编号（默认：复制来源，或同单位上一年度的自评）", kind="int",
                  metavar="ID", in_dialog=False)


def run(request: ExportRequest) -> ExportResult:
    from exporters.year_compare_xlsx import CompareRow, CompareTable, export_compare_xlsx
    from model.report.queries import assessment_record
    from model.year_compare.compare import compare
    from model.year_compare.previous import previous_assessment

    last_id = request.options.get("previous") or previous_assessment(
        request.database, request.assessment_id)
    if last_id is None:
        raise ExportError("没有找到上一年度的自评：请先导入或选择上年的自评（或用 --previous 指定）。")
    with request.database.read() as connection:
        this = assessment_record(connection, request.assessment_id)
        last = assessment_record(connection, last_id)
    comparison = compare(request.database, request.assessment_id, last_id)
    rows = tuple(CompareRow(
        seq=p.this.seq if p.this else None, content=_content(p.this or p.last),
        last_result=p.last.result if p.last else "", this_result=p.this.result if p.this else "",
        similarity=p.similarity, numbers=tuple(p.numbers)) for p in comparison.pairs)
    table = CompareTable(unit=this.unit_name, year=this.year, last_year=last.year, rows=rows)
    return export_compare_xlsx(table, request.out, progress=request.progress)


def _content(item: ReportItem | None) -> str:
    return item.content if item is not None else ""


def table_name(assessment: AssessmentRecord) -> str:
    return f"{assessment.unit_name}{assessment.year}年同比表.xlsx"


FORMAT = ExportFormat(
    name="yoy", command="export-yoy", order=37,
    label=QT_TRANSLATE_NOOP("formats", "导出同比表（与上年对比）…"),
    help="导出同比表：各事项今年与上年的落实情况、主要数字和变化（Excel）", suffix=".xlsx",
    file_filter="Excel (*.xlsx)", busy=QT_TRANSLATE_NOOP("formats", "正在导出同比表…"),
    run=run, suggested_name=table_name, options=(PREVIOUS,), review_first=False)
