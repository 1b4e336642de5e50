"""File → 分发给各处室: choose departments, deadline, return-to and folder; write off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QWidget,
)

from exporters.handout_set import write_handout_set
from exporters.handout_xlsx import file_stem, handout_file_names
from exporters.safe_names import UniqueNames
from gui.infra.errors import describe
from gui.infra.workers import run_job
from model.collect.folder import existing_workbooks
from model.collect.vocabulary import UNASSIGNED
from model.services import Services


class HandoutDialog(QDialog):
    def __init__(self, parent: QWidget, departments: list[tuple[str, int]], folder: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("分发给各处室"))
        form = QFormLayout(self)
        self.departments = QListWidget(self)
        for name, count in departments:
            entry = QListWidgetItem(self.tr("%1（%2 项）").replace("%1", name).replace("%2", str(count)))
            entry.setData(Qt.ItemDataRole.UserRole, name)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked)
            self.departments.addItem(entry)
        form.addRow(self.tr("处室"), self.departments)
        self.deadline = QLineEdit(self)
        self.deadline.setPlaceholderText(self.tr("如 2021年12月20日前"))
        form.addRow(self.tr("截止时间"), self.deadline)
        self.return_to = QLineEdit(self)
        self.return_to.setPlaceholderText(self.tr("如 综合处 张某，电话 6xxxxxxx"))
        form.addRow(self.tr("交回给"), self.return_to)
        self.folder = QLineEdit(folder, self)
        browse = QPushButton(self.tr("浏览…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        form.addRow(self.tr("保存到文件夹"), row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("分发"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("保存到文件夹"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def chosen_departments(self) -> list[str]:
        return [self.departments.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.departments.count())
                if self.departments.item(i).checkState() == Qt.CheckState.Checked]


def hand_out_from_gui(parent: QWidget, services: Services, assessment_id: int,
                      folder: str) -> Path | None:
    """Run the dialog, write the workbooks off the GUI thread; the folder written to, or None."""
    departments = [(row.department, row.items)
                   for row in services.collect.progress(assessment_id) if row.items]
    dialog = HandoutDialog(parent, departments, folder)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.chosen_departments():
        return None
    out = Path(dialog.folder.text().strip())
    # read the widgets here, on the GUI thread; the job only gets plain values
    chosen, deadline = dialog.chosen_departments(), dialog.deadline.text().strip()
    return_to = dialog.return_to.text().strip()
    taken = existing_workbooks(out, planned_file_names(chosen)) if out.is_dir() else []
    if taken and not _replace_asked(parent, out, taken):
        return None

    def job(progress: Callable[[int, int], bool]) -> int:
        books = services.collect.handout(assessment_id, departments=chosen, deadline=deadline,
                                         return_to=return_to)
        names = handout_file_names(books)
        # created when missing; what the clerk agreed to replace is replaced, nothing else
        services.collect.prepare_folder(out, names,
                                        replace=set(existing_workbooks(out, names)) <= set(taken))
        write_handout_set(books, names, out, progress=progress,  # all or nothing, recorded with it
                          record=lambda: services.collect.record_handout(assessment_id, books, names))
        return len(books)

    count, error = run_job(parent, parent.tr("正在生成各处室的填报表…"), job)
    if error is not None:
        QMessageBox.critical(parent, parent.tr("无法分发"), describe(error))
        return None
    done = parent.tr("已在“%1”生成 %2 个处室的填报表。")
    done = done.replace("%1", str(out)).replace("%2", str(count))
    QMessageBox.information(parent, parent.tr("已分发"), done)
    return out


def planned_file_names(departments: list[str]) -> list[str]:
    """The workbook names a hand-out to these departments (as the dialog lists them) writes."""
    names = UniqueNames()
    return [names.take(file_stem("" if d == UNASSIGNED else d), ".xlsx") for d in departments]


def _replace_asked(parent: QWidget, out: Path, taken: list[str]) -> bool:
    """The folder holds workbooks of the same names (perhaps returned, filled in): replace them?"""
    shown = "\n".join(taken[:10]) + ("\n…" if len(taken) > 10 else "")
    question = parent.tr("文件夹“%1”中已有以下填报表，可能是处室已交回、已填写的：\n%2\n\n"
                         "重新分发将替换它们（其中填写的内容会丢失，除非已汇总）。是否替换？")
    answer = QMessageBox.question(
        parent, parent.tr("替换已有的填报表？"), question.replace("%1", str(out)).replace("%2", shown),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
