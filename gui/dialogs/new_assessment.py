"""File → New assessment: an empty one, or an existing one copied into a new year."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from gui.infra.widgets import name_form_fields
from model.records import AssessmentSummary


class NewAssessmentDialog(QDialog):
    def __init__(self, parent: QWidget, existing: list[AssessmentSummary]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建自评"))
        form = QFormLayout(self)
        self.source = QComboBox(self)
        self.source.addItem(self.tr("空白自评"), None)
        for summary in existing:
            self.source.addItem(self.tr("复制“%1”的框架和事项（清空落实情况）").replace(
                "%1", summary.title), summary.id)
        self.unit = QLineEdit(existing[0].unit if existing else "", self)
        self.year = QSpinBox(self)
        self.year.setRange(1949, 2200)
        self.year.setValue(date.today().year)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("留空则自动命名"))
        form.addRow(self.tr("来源"), self.source)
        form.addRow(self.tr("单位名称"), self.unit)
        form.addRow(self.tr("年度"), self.year)
        form.addRow(self.tr("自查表标题"), self.title)
        name_form_fields(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, parent=self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.source.currentIndexChanged.connect(
            lambda: self.unit.setEnabled(self.source.currentData() is None))
