"""File → 导出…: a dialog built from the export format's declaration (exporters/formats/), the
export run off the GUI thread through exporters.registry.run_export, then an offer to open it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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

from exporters.errors import ExportCancelled, ExportResult, Progress
from exporters.registry import ExportFormat, export_format, run_export
from gui.infra.errors import describe
from gui.infra.format_text import format_text
from gui.infra.widgets import name_form_fields
from gui.infra.workers import run_job
from model.format_options import Option
from model.services import Services


class ExportDialog(QDialog):
    """Where to save, and the format's options: a check box per flag, a list per choice, built
    from the format's declaration (the same options the command line offers)."""

    def __init__(self, parent: QWidget, fmt: ExportFormat, suggested: Path,
                 kind: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(format_text(fmt.label).rstrip("…"))
        self.file_filter = fmt.file_filter
        form = QFormLayout(self)
        self.path = QLineEdit(str(suggested), self)
        self._replace_confirmed = ""
        browse = QPushButton(self.tr("浏览…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow(self.tr("保存到"), row)
        self.path.setAccessibleName(self.tr("保存到"))
        self.widgets: dict[str, QCheckBox | QComboBox] = {}
        for option in fmt.options:
            if option.in_dialog:
                self.widgets[option.name] = self._add_option(form, option, kind)
        name_form_fields(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, parent=self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(560, self.sizeHint().height())

    def _add_option(self, form: QFormLayout, option: Option, kind: str | None) -> QCheckBox | QComboBox:
        label = format_text(option.label_for(kind))
        if option.kind == "flag":
            box = QCheckBox(label, self)
            box.setChecked(bool(option.default))
            form.addRow("", box)
            return box
        combo = QComboBox(self)
        combo.setAccessibleName(label)
        for value in option.values_for(kind):
            combo.addItem(option.shown(value), value)
        form.addRow(label, combo)
        return combo

    def option(self, name: str) -> QCheckBox | QComboBox:
        return self.widgets[name]

    def values(self) -> dict[str, Any]:
        return {name: widget.isChecked() if isinstance(widget, QCheckBox) else widget.currentData()
                for name, widget in self.widgets.items()}

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), self.path.text(),
                                              self.file_filter)
        if name:
            self.path.setText(name)
            self._replace_confirmed = name  # the file dialog has already asked

    def accept(self) -> None:
        """OK: only for a file name in a folder that is there, and after asking before an
        existing file is replaced (the clerk may have edited last week's export by hand)."""
        if self._target_is_acceptable(Path(self.path.text().strip())):
            super().accept()

    def _target_is_acceptable(self, target: Path) -> bool:
        if not str(target) or str(target) == ".":
            return self._refuse(self.tr("请填写要保存的文件名。"))
        if target.is_dir():
            return self._refuse(self.tr("“%1”是一个文件夹，请在后面写上文件名。").replace("%1", str(target)))
        if not target.parent.is_dir():
            return self._refuse(self.tr("文件夹“%1”不存在。").replace("%1", str(target.parent)))
        if target.exists() and str(target) != self._replace_confirmed:
            answer = QMessageBox.question(
                self, self.tr("替换文件"),
                self.tr("“%1”已经存在。要替换它吗？导出后在这个文件里改过的内容会丢失。")
                .replace("%1", target.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            return answer == QMessageBox.StandardButton.Yes
        return True

    def _refuse(self, message: str) -> bool:
        QMessageBox.warning(self, self.windowTitle(), message)
        self.path.setFocus()
        return False


def export_as(parent: QWidget, services: Services, assessment_id: int, folder: str,
              name: str) -> Path | None:
    """File → 导出…: the format's dialog, then the export off the GUI thread."""
    fmt = export_format(name)
    assessment = services.assessments.get(assessment_id)
    dialog = ExportDialog(parent, fmt, export_folder(folder) / fmt.suggested_name(assessment),
                          assessment.kind)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return export_to(parent, services, assessment_id, fmt, Path(dialog.path.text().strip()),
                     dialog.values())


def export_to(parent: QWidget, services: Services, assessment_id: int, fmt: ExportFormat,
              out: Path, options: dict[str, Any]) -> Path | None:
    """The registry's export call on a worker, with progress and cancel; the outcome shown."""
    def job(progress: Progress) -> ExportResult:
        return run_export(fmt, services.db, assessment_id, out, options, progress)

    return finish_export(parent, *run_job(parent, format_text(fmt.busy), job))


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
