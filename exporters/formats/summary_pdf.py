"""工作总结 as PDF: the Word summary written to a temporary folder, then converted (Word/WPS or
LibreOffice). export-pdf and File → 导出工作总结（PDF）."""

from __future__ import annotations

import tempfile
from pathlib import Path

from exporters.errors import ExportResult, cancel_asked
from exporters.formats.summary_word import ATTACH_TABLE, summary_name, write_summary
from exporters.registry import ExportFormat, ExportRequest
from model.format_options import QT_TRANSLATE_NOOP
from model.records import AssessmentRecord


def run(request: ExportRequest) -> ExportResult:
    from exporters.pdf import convert

    with tempfile.TemporaryDirectory(prefix="zicha-") as folder:
        docx = Path(folder) / (request.out.stem + ".docx")
        written = write_summary(request.database, request.assessment_id, docx,
                                attach_table=request.options["attach_table"],
                                progress=request.progress)
        convert(docx, request.out, cancel_asked(request.progress))
    return ExportResult(request.out, written.warnings)


def pdf_name(assessment: AssessmentRecord) -> str:
    return summary_name(assessment).removesuffix(".docx") + ".pdf"


FORMAT = ExportFormat(
    name="pdf", command="export-pdf", order=20,
    label=QT_TRANSLATE_NOOP("formats", "导出工作总结（PDF）…"),
    help="导出工作总结 PDF（Word/WPS 或 LibreOffice 转换）", suffix=".pdf", file_filter="PDF (*.pdf)",
    busy=QT_TRANSLATE_NOOP("formats", "正在导出工作总结 PDF…"),
    run=run, suggested_name=pdf_name, options=(ATTACH_TABLE,))
