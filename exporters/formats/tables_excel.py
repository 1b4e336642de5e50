"""Excel tables: the 自查表 and 任务表 layouts (resources/layouts/) and the finance bureau's
绩效自评表 (resources/layouts/finance/). export-xlsx and File → 导出 Excel 表格."""

from __future__ import annotations

from exporters.errors import ExportResult
from exporters.registry import ExportFormat, ExportRequest
from model.finance.layouts import FINANCE_KINDS, finance_layout_names
from model.format_options import QT_TRANSLATE_NOOP, Option
from model.records import AssessmentRecord
from model.report.layouts import layout_names


def layouts_for(kind: str | None) -> list[str]:
    """Every layout for the command line (None); for an assessment, the tables and the finance
    layouts of its own kind, its form's first."""
    from model.finance.layouts import load_finance_layout

    if kind is None:
        return [*layout_names(), *finance_layout_names()]
    forms = [n for n in finance_layout_names() if load_finance_layout(n).kind == kind]
    return [*forms, *layout_names()] if kind in FINANCE_KINDS else layout_names()


def layout_label(name: str) -> str:
    from model.finance.layouts import load_finance_layout
    from model.report.layouts import load_layout

    return (load_finance_layout(name) if name in finance_layout_names() else load_layout(name)).label


LAYOUT = Option("layout", QT_TRANSLATE_NOOP("formats", "表样"),
                "表样（project / project-sichuan / department：绩效自评表）",
                kind="choice", default="selfcheck", choices=layouts_for, choice_label=layout_label)


def run(request: ExportRequest) -> ExportResult:
    name = request.options["layout"]
    if name in finance_layout_names():  # a 绩效自评表 (issue #15): the form's own writer
        from exporters.finance_xlsx import export_finance_xlsx
        from model.finance.layouts import load_finance_layout
        from model.finance.service import FinanceService

        layout = load_finance_layout(name)
        sheet = FinanceService(request.database).sheet(request.assessment_id)
        return export_finance_xlsx(sheet, layout, request.out)
    from exporters.xlsx_table import export_xlsx
    from model.report.build import report_of
    from model.report.layouts import load_layout

    table = load_layout(name)  # a broken layout file is refused before anything is read
    report = report_of(request.database, request.assessment_id)
    return export_xlsx(report, table, request.out, progress=request.progress)


def table_name(assessment: AssessmentRecord) -> str:
    return f"{assessment.title or '自查表'}.xlsx"


FORMAT = ExportFormat(
    name="excel", command="export-xlsx", order=30,
    label=QT_TRANSLATE_NOOP("formats", "导出 Excel 表格…"),
    help="导出 Excel 表格（自查表、任务表或绩效自评表）", suffix=".xlsx", file_filter="Excel (*.xlsx)",
    busy=QT_TRANSLATE_NOOP("formats", "正在导出 Excel 表格…"),
    run=run, suggested_name=table_name, options=(LAYOUT,))
