"""Export a finance form as its official xlsx from the finance panel: the Excel format of the
registry in the form's own layout."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from exporters.registry import export_format
from gui.dialogs.exports import export_to
from model.services import Services


def export_finance_form(parent: QWidget, services: Services, assessment_id: int,
                        out: Path | None = None) -> Path | None:
    """Ask where (unless out is given), then write the form in its layout's official look."""
    sheet = services.finance.sheet(assessment_id)  # refuses what is not a form
    if out is None:
        name = f"{sheet.form.project_name or sheet.unit_name}{sheet.year}年度绩效自评表.xlsx"
        chosen, _filter = QFileDialog.getSaveFileName(
            parent, parent.tr("导出绩效自评表"), str(Path.home() / name), "Excel (*.xlsx)")
        if not chosen:
            return None
        out = Path(chosen)
    return export_to(parent, services, assessment_id, export_format("excel"), out,
                     {"layout": sheet.form.layout})
