"""Export a finance form as its official xlsx from the window (off the GUI thread)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from exporters.finance_xlsx import export_finance_xlsx
from gui.dialogs.exports import finish_export
from gui.workers import run_job
from model.finance import FinanceService
from model.finance_layouts import load_finance_layout
from model.services import Services


def export_finance_form(parent: QWidget, services: Services, assessment_id: int,
                        out: Path | None = None) -> Path | None:
    """Ask where (unless out is given), then write the form in its layout's official look."""
    finance = FinanceService(services.db)
    sheet = finance.sheet(assessment_id)  # read on the GUI thread: the worker gets plain records
    if out is None:
        name = f"{sheet.form.project_name or sheet.unit_name}{sheet.year}年度绩效自评表.xlsx"
        chosen, _filter = QFileDialog.getSaveFileName(
            parent, parent.tr("导出绩效自评表"), str(Path.home() / name), "Excel (*.xlsx)")
        if not chosen:
            return None
        out = Path(chosen)
    layout = load_finance_layout(sheet.form.layout)

    def job(_progress):
        return export_finance_xlsx(sheet, layout, out)

    return finish_export(parent, *run_job(parent, parent.tr("正在导出绩效自评表…"), job))
