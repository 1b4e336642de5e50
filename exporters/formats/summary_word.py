"""工作总结 as Word (GB/T 9704-2012): export-docx and File → 导出工作总结（Word）."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from exporters.errors import ExportResult, Progress
from exporters.registry import ExportFormat, ExportRequest
from model.finance.layouts import FINANCE_KINDS
from model.format_options import QT_TRANSLATE_NOOP, Option
from model.records import AssessmentRecord
from model.vocabulary import titled

if TYPE_CHECKING:
    from model.storage.db import Database

ATTACH_TABLE = Option(
    "attach_table", QT_TRANSLATE_NOOP("formats", "附自查表作为附件"), "附自查表作为附件",
    labels_by_kind={kind: QT_TRANSLATE_NOOP("formats", "附绩效自评表作为附件")
                    for kind in FINANCE_KINDS})
EVIDENCE_REFS = Option(
    "evidence_refs", QT_TRANSLATE_NOOP("formats", "注明证明材料编号并附清单"),
    "在各事项后注明证明材料编号，并附证明材料清单")


def summary_name(assessment: AssessmentRecord) -> str:
    title = titled(assessment.report_title, "summary", assessment.unit_name, assessment.year)
    return f"{title}.docx"


def write_summary(database: Database, assessment_id: int, out: Path, *, attach_table: bool,
                  evidence_refs: bool = False, progress: Progress | None = None) -> ExportResult:
    """The summary read in one go, then written; a 项目支出/部门整体 assessment attaches its
    scored form instead of the 自查表."""
    from exporters.docx_report import export_docx
    from model.report.build import report_of
    from model.report.layouts import load_layout

    report = report_of(database, assessment_id, with_evidence=evidence_refs)
    form, layout = None, None
    if attach_table:  # the ORM (SQLAlchemy) loads only for an attached table
        from model.finance.service import FinanceService

        form = FinanceService(database).form_sheet(assessment_id)
        layout = load_layout("selfcheck")
    return export_docx(report, out, table_layout=layout, evidence_refs=evidence_refs,
                       form=form, progress=progress)


def run(request: ExportRequest) -> ExportResult:
    options = request.options
    return write_summary(request.database, request.assessment_id, request.out,
                         attach_table=options["attach_table"],
                         evidence_refs=options["evidence_refs"], progress=request.progress)


FORMAT = ExportFormat(
    name="word", command="export-docx", order=10,
    label=QT_TRANSLATE_NOOP("formats", "导出工作总结（Word）…"),
    help="导出工作总结（Word，公文格式）", suffix=".docx", file_filter="Word (*.docx)",
    busy=QT_TRANSLATE_NOOP("formats", "正在导出工作总结…"),
    run=run, suggested_name=summary_name, options=(ATTACH_TABLE, EVIDENCE_REFS))
