"""The import preview of a 项目支出/部门整体绩效自评表: what the form holds, before it becomes a new
scored assessment (or, on request, goes to the plain-table preview)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from importers.finance_xlsx import FinanceImport
from model.finance.layouts import load_finance_layout


class FinancePreview(QDialog):
    """A 项目支出/部门整体绩效自评表: what the form holds, before it becomes a new scored assessment;
    or, on request, the plain-table preview of its indicator table."""

    def __init__(self, parent: QWidget | None, path: Path, form: FinanceImport) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入预览"))
        assessment = form.data["assessment"]
        outer = QVBoxLayout(self)
        # The layout's label names the form in full (项目支出绩效自评表（四川省…）).
        self.summary = QLabel(self.tr("工作表“%1”是%2，将新建一个自评并按表样计分。")
                              .replace("%1", form.sheet)
                              .replace("%2", load_finance_layout(form.layout).label), self)
        self.summary.setWordWrap(True)
        outer.addWidget(self.summary)
        details = QFormLayout()
        details.addRow(self.tr("文件"), QLabel(path.name, self))
        details.addRow(self.tr("单位名称"), QLabel(assessment["unit_name"], self))
        details.addRow(self.tr("年度"), QLabel(str(assessment["year"]), self))
        self.counts = QLabel(self.tr("%1 项绩效指标，%2 行资金")
                             .replace("%1", str(len(form.data["indicators"])))
                             .replace("%2", str(len(form.data["funds"]))), self)
        details.addRow(self.tr("内容"), self.counts)
        outer.addLayout(details)
        self.warnings = QPlainTextEdit("\n".join(form.warnings), self)
        self.warnings.setReadOnly(True)
        self.warnings.setMaximumHeight(110)
        self.warnings.setAccessibleName(self.tr("提示"))
        self.warnings.setVisible(bool(form.warnings))
        outer.addWidget(self.warnings)
        self.plain = QCheckBox(self.tr("按普通表格导入（逐列选择字段，不按表样计分）"), self)
        outer.addWidget(self.plain)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, parent=self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)

    def as_plain_table(self) -> bool:
        return self.plain.isChecked()
