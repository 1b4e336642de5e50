"""File → New performance self-evaluation form (项目支出 / 部门整体): layout, unit, year, project."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from model.edits.writes import Writes
from model.errors import ModelError
from model.finance.layouts import finance_layout_names, load_finance_layout

if TYPE_CHECKING:
    from gui.window.window_context import WindowContext


class NewFinanceFormDialog(QDialog):
    def __init__(self, parent: QWidget, unit: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建绩效自评表"))
        form = QFormLayout(self)
        self.layout_choice = QComboBox(self)
        for name in ("project", *(n for n in finance_layout_names() if n != "project")):
            self.layout_choice.addItem(load_finance_layout(name).label, name)
        self.unit = QLineEdit(unit, self)
        self.project = QLineEdit(self)
        self.project.setPlaceholderText(self.tr("部门整体支出可不填"))
        self.year = QSpinBox(self)
        self.year.setRange(1949, 2200)
        self.year.setValue(date.today().year - 1)  # the forms evaluate the year just ended
        form.addRow(self.tr("表样"), self.layout_choice)
        form.addRow(self.tr("单位名称"), self.unit)
        form.addRow(self.tr("项目名称"), self.project)
        form.addRow(self.tr("年度"), self.year)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, parent=self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


def new_finance_form(ctx: WindowContext) -> int | None:
    """Ask, create the blank form and open it; the new assessment's id (None when cancelled)."""
    summaries = ctx.services.assessments.list()
    dialog = NewFinanceFormDialog(ctx.widget, summaries[0].unit if summaries else "")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    try:
        outcome = Writes(ctx.services).create_finance_form(
            dialog.unit.text().strip(), dialog.year.value(), dialog.layout_choice.currentData(),
            dialog.project.text().strip())
    except ModelError as exc:
        ctx.show_failure(exc)
        return None
    ctx.edit.notifier.changed.emit(outcome.changes, "edit")
    return outcome.result
