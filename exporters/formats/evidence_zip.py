"""证明材料包: every item's evidence files, numbered by item, with an index. export-evidence and
File → 导出证明材料包."""

from __future__ import annotations

from exporters.errors import ExportResult
from exporters.registry import ExportFormat, ExportRequest
from model.format_options import QT_TRANSLATE_NOOP
from model.records import AssessmentRecord


def run(request: ExportRequest) -> ExportResult:
    from exporters.evidence_package import export_evidence
    from model.report.build import report_of
    from model.storage.server_filestore import store_for

    report = report_of(request.database, request.assessment_id, with_evidence=True)
    store = store_for(request.database)
    return export_evidence(report, store.path_for, request.out, progress=request.progress)


def package_name(assessment: AssessmentRecord) -> str:
    return f"{assessment.title or '证明材料'}-证明材料.zip"


FORMAT = ExportFormat(
    name="evidence", command="export-evidence", order=40,
    label=QT_TRANSLATE_NOOP("formats", "导出证明材料包…"),
    help="导出证明材料包（按事项编号）", suffix=".zip", file_filter="ZIP (*.zip)",
    busy=QT_TRANSLATE_NOOP("formats", "正在打包证明材料…"),
    run=run, suggested_name=package_name, review_first=False)
