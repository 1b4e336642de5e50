"""File → Import Excel: read the table off the GUI thread, preview it, then store it at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from gui.errors import describe
from gui.workers import run_job
from importers.store import store_table
from importers.xlsx_table import ImportedTable, read_table
from model.layouts import load_layout
from model.services import Services


class ImportPreview(QDialog):
    """What will be imported — sheet, layout, dimensions, items, warnings — before any write."""

    def __init__(self, parent: QWidget, table: ImportedTable, current: int | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入预览"))
        form = QFormLayout(self)
        form.addRow(self.tr("文件"), QLabel(table.file.name, self))
        form.addRow(self.tr("工作表"), QLabel(table.sheet, self))
        form.addRow(self.tr("表样"), QLabel(load_layout(table.layout).label, self))
        form.addRow(self.tr("标题"), QLabel(table.title, self))
        form.addRow(self.tr("内容"), QLabel(self.tr("%1 个考评维度，%2 项").replace(
            "%1", str(table.dimension_count)).replace("%2", str(len(table.items))), self))
        if table.warnings:
            warnings = QPlainTextEdit("\n".join(table.warnings), self)
            warnings.setReadOnly(True)
            form.addRow(self.tr("提示"), warnings)
        self.target = QComboBox(self)
        self.target.addItem(self.tr("新建一个自评"), None)
        if current is not None:
            self.target.addItem(self.tr("导入到当前自评"), current)
        form.addRow(self.tr("导入到"), self.target)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, parent=self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


def import_excel(parent: QWidget, services: Services, current: int | None,
                 folder: str) -> int | None:
    """Returns the id of the assessment that received the items, or None."""
    name, _ = QFileDialog.getOpenFileName(parent, parent.tr("导入 Excel 表格"), folder,
                                          "Excel (*.xlsx);;" + parent.tr("所有文件 (*)"))
    if not name:
        return None
    table, error = run_job(parent, parent.tr("正在读取表格…"), lambda _p: read_table(Path(name)))
    if error is not None:
        _show_error(parent, error)
        return None
    preview = ImportPreview(parent, table, current)
    if preview.exec() != QDialog.DialogCode.Accepted:
        return None
    into = preview.target.currentData()
    stored, error = run_job(parent, parent.tr("正在导入…"),
                            lambda _p: store_table(services, table, into))
    if error is not None:
        _show_error(parent, error)
        return None
    return stored[0]


def _show_error(parent: QWidget, error: Exception) -> None:
    QMessageBox.critical(parent, parent.tr("无法导入"), describe(error))
