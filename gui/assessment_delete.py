"""编辑 → 删除自评…: the current assessment taken away after a confirmation naming what goes and a
verified backup; undoable while the window is open: Ctrl+Z in the assessment shown next (the step
lives on that assessment's undo stack, as an import that made an assessment does)."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMessageBox

from gui.window_context import WindowContext
from model.assessment_removal import assessment_size, delete_assessment, restore_assessment
from model.errors import ModelError
from model.maintenance import backup_before
from model.records import DeletedRows


class DeleteAssessment(QUndoCommand):
    """Delete one assessment through the services; undo puts every row back (same ids)."""

    def __init__(self, ctx: WindowContext, assessment_id: int, title: str,
                 deleted: DeletedRows | None = None) -> None:
        super().__init__(ctx.widget.tr("删除自评“%1”").replace("%1", title))
        self.ctx, self.assessment_id = ctx, assessment_id
        self.deleted = deleted  # given: the delete is done already (pushed after it)

    def redo(self) -> None:
        if self.deleted is None:
            self.deleted = delete_assessment(self.ctx.services.db, self.assessment_id)
            self.ctx.fill_assessments(None)

    def undo(self) -> None:
        if self.deleted is not None:
            restored = restore_assessment(self.ctx.services.db, self.deleted)
            self.deleted = None
            self.ctx.fill_assessments(restored)


def confirm_and_delete(ctx: WindowContext) -> bool:
    """编辑 → 删除自评…: ask, naming the assessment, its items and evidence; back up; delete.
    True when deleted."""
    window = ctx.widget
    assessment_id = ctx.assessment_id
    if assessment_id is None:
        return False
    ctx.commit_editors()
    try:
        size = assessment_size(ctx.services.db, assessment_id)
    except ModelError as exc:
        ctx.show_failure(exc)
        return False
    text = (window.tr("删除自评“%1”？\n\n将删除 %2 个考评维度、%3 项自查事项和 %4 份证明材料记录"
                      "（证明材料文件仍保留在材料文件夹中）。\n删除前会先备份数据库；关闭窗口之前可以"
                      "用 编辑 → 撤销（Ctrl+Z）恢复。")
            .replace("%1", size.title).replace("%2", str(size.dimensions))
            .replace("%3", str(size.items)).replace("%4", str(size.evidence)))
    answer = QMessageBox.question(window, window.tr("删除自评"), text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        path = ctx.services.db.sqlite_path
        if path is not None:
            backup_before(path, "before-delete")  # verified before it counts
        deleted = delete_assessment(ctx.services.db, assessment_id)
    except ModelError as exc:
        ctx.show_failure(exc)
        return False
    ctx.fill_assessments(None)  # another assessment is shown: the step goes on its undo stack
    ctx.undo.push(DeleteAssessment(ctx, assessment_id, size.title, deleted))
    return True
