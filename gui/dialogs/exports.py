"""File → Export Word / Export Excel: choose the file, run off the GUI thread, offer to open it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from exporters.docx_report import export_docx
from exporters.errors import ExportCancelled, ExportResult
from exporters.xlsx_table import export_xlsx
from gui.errors import describe
from gui.widgets import name_form_fields
from gui.workers import run_job
from model.finance import FinanceService
from model.finance_layouts import FINANCE_KINDS
from model.layouts import layout_names, load_layout
from model.maintenance import refuse_live_target
from model.report import build_report
from model.services import Services


class ExportDialog(QDialog):
    """Where to save, and the options of this kind of export."""

    def __init__(self, parent: QWidget, title: str, suggested: Path, file_filter: str,
                 word: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.file_filter = file_filter
        form = QFormLayout(self)
        self.path = QLineEdit(str(suggested), self)
        browse = QPushButton(self.tr("浏览…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow(self.tr("保存到"), row)
        self.path.setAccessibleName(self.tr("保存到"))
        self.attach_table = QCheckBox(self.tr("附自查表作为附件"), self)
        self.layout_choice = QComboBox(self)
        self.layout_choice.setAccessibleName(self.tr("表样"))
        for name in layout_names():
            self.layout_choice.addItem(load_layout(name).label, name)
        if word:
            form.addRow("", self.attach_table)
        else:
            form.addRow(self.tr("表样"), self.layout_choice)
        # the option of the other kind of export is not in the form: keep it off the dialog
        (self.layout_choice if word else self.attach_table).setHidden(True)
        name_form_fields(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, parent=self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(560, self.sizeHint().height())

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), self.path.text(),
                                              self.file_filter)
        if name:
            self.path.setText(name)


def export_word(parent: QWidget, services: Services, assessment_id: int, folder: str) -> Path | None:
    title = services.assessments.get(assessment_id)
    name = f"{title.report_title or (title.unit_name + str(title.year) + '年度工作总结')}.docx"
    dialog = ExportDialog(parent, parent.tr("导出工作总结（Word）"), export_folder(folder) / name,
                          "Word (*.docx)", word=True)
    if title.kind in FINANCE_KINDS:  # the form is what a finance assessment attaches
        dialog.attach_table.setText(parent.tr("附绩效自评表作为附件"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    out = Path(dialog.path.text())
    layout = load_layout("selfcheck") if dialog.attach_table.isChecked() else None

    def job(progress):
        refuse_live_target(out, services.db.sqlite_path)
        # a 项目支出/部门整体 assessment attaches its scored form instead of the 自查表
        form = FinanceService(services.db).form_sheet(assessment_id) if layout else None
        return export_docx(build_report(services, assessment_id), out, table_layout=layout,
                           form=form, progress=progress)

    return finish_export(parent, *run_job(parent, parent.tr("正在导出工作总结…"), job))


def export_excel(parent: QWidget, services: Services, assessment_id: int, folder: str) -> Path | None:
    title = services.assessments.get(assessment_id).title or "自查表"
    dialog = ExportDialog(parent, parent.tr("导出 Excel 表格"), export_folder(folder) / f"{title}.xlsx",
                          "Excel (*.xlsx)", word=False)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    out = Path(dialog.path.text())
    layout = load_layout(dialog.layout_choice.currentData())

    def job(progress):
        refuse_live_target(out, services.db.sqlite_path)
        return export_xlsx(build_report(services, assessment_id), layout, out, progress=progress)

    return finish_export(parent, *run_job(parent, parent.tr("正在导出 Excel 表格…"), job))


def export_folder(remembered: str) -> Path:
    """The folder last exported to, else the user's Documents (never the program's folder)."""
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def open_path(parent: QWidget, path: Path) -> bool:
    """Open a file or folder with the system's program; say so on screen when that fails."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    QMessageBox.warning(parent, parent.tr("无法打开"), parent.tr(
        "没有找到能打开“%1”的程序，请到文件夹中手动打开。").replace("%1", str(path)))
    return False


def finish_export(parent: QWidget, result: ExportResult | None, error: Exception | None) -> Path | None:
    if isinstance(error, ExportCancelled):
        return None
    if error is not None:
        QMessageBox.critical(parent, parent.tr("导出失败"), describe(error))
        return None
    assert result is not None
    box = QMessageBox(QMessageBox.Icon.Information, parent.tr("导出完成"),
                      parent.tr("已导出：%1").replace("%1", str(result.path)), parent=parent)
    if result.warnings:
        box.setDetailedText("\n".join(result.warnings))
    open_button = box.addButton(parent.tr("打开"), QMessageBox.ButtonRole.AcceptRole)
    folder_button = box.addButton(parent.tr("打开所在文件夹"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(parent.tr("关闭"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is open_button:
        open_path(parent, result.path)
    elif box.clickedButton() is folder_button:
        open_path(parent, result.path.parent)
    return result.path
