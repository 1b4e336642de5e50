"""编辑 → 删除自评…: the current assessment taken away after a confirmation naming what goes and a
verified backup; undoable while the window is open (its own undo stack: deleting the open
assessment switches the window to another one, which starts a fresh edit stack)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMenu, QMessageBox

from model.assessment_removal import assessment_size, delete_assessment, restore_assessment
from model.errors import ModelError
from model.maintenance import backup_before
from model.records import DeletedRows

if TYPE_CHECKING:
    from gui.main_window import MainWindow


class DeleteAssessment(QUndoCommand):
    """Delete one assessment through the services; undo puts every row back (same ids)."""

    def __init__(self, window: MainWindow, assessment_id: int, title: str) -> None:
        super().__init__(window.tr("删除自评“%1”").replace("%1", title))
        self.window, self.assessment_id = window, assessment_id
        self.deleted: DeletedRows | None = None

    def redo(self) -> None:
        self.deleted = delete_assessment(self.window.services.db, self.assessment_id)
        self.window.fill_assessments()

    def undo(self) -> None:
        if self.deleted is not None:
            restored = restore_assessment(self.window.services.db, self.deleted)
            self.window.fill_assessments(select=restored)


def install(window: MainWindow, menu: QMenu) -> None:
    """删除自评… and 撤销删除自评 at the end of the Edit menu."""
    window.deleted_assessments = QUndoStack(window)
    menu.addSeparator()
    delete = QAction(window.tr("删除自评…"), window)
    delete.setObjectName("delete_assessment")
    delete.triggered.connect(lambda _checked=False: confirm_and_delete(window))
    menu.addAction(delete)
    undo = window.deleted_assessments.createUndoAction(window, window.tr("撤销"))
    undo.setObjectName("undo_delete_assessment")
    menu.addAction(undo)


def confirm_and_delete(window: MainWindow) -> bool:
    """Ask, naming the assessment, its items and evidence; back up; delete. True when deleted."""
    assessment_id = window.assessment_id
    if assessment_id is None:
        return False
    window.commit_editors()
    try:
        size = assessment_size(window.services.db, assessment_id)
    except ModelError as exc:
        window.show_failure(exc)
        return False
    text = (window.tr("删除自评“%1”？\n\n将删除 %2 个考评维度、%3 项自查事项和 %4 份证明材料记录"
                      "（证明材料文件仍保留在材料文件夹中）。\n删除前会先备份数据库；关闭窗口之前可以"
                      "用 编辑 → 撤销删除自评 恢复。")
            .replace("%1", size.title).replace("%2", str(size.dimensions))
            .replace("%3", str(size.items)).replace("%4", str(size.evidence)))
    answer = QMessageBox.question(window, window.tr("删除自评"), text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        path = window.services.db.sqlite_path
        if path is not None:
            backup_before(path, "before-delete")  # verified before it counts
        window.deleted_assessments.push(
            DeleteAssessment(window, assessment_id, size.title))
    except ModelError as exc:
        window.show_failure(exc)
        return False
    return True
