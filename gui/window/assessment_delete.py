"""编辑 → 删除自评…: the current assessment taken away after a confirmation naming what goes and a
verified backup; undoable while the window is open: Ctrl+Z in the assessment shown next (the step
lives on that assessment's undo stack, as an import that made an assessment does)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from gui.commands.base import EditContext, ServiceCommand
from gui.window.window_context import WindowContext
from model.edits.changes import NOTHING, Changes
from model.errors import ModelError
from model.framework.assessment_removal import assessment_size, delete_assessment
from model.maintenance import backup_before
from model.records import DeletedRows


class DeleteAssessment(ServiceCommand):
    """Delete one assessment through model.edits.writes; undo puts every row back (same ids)."""

    def __init__(self, context: EditContext, assessment_id: int, text: str,
                 deleted: DeletedRows | None = None) -> None:
        super().__init__(context, text)
        self.assessment_id = assessment_id
        self.deleted = deleted  # given: the delete is done already (pushed after it)

    def apply(self) -> Changes:
        if self.deleted is not None:  # done before the push: another assessment is shown
            return NOTHING
        outcome = self.writes.delete_assessment(self.assessment_id)
        self.deleted = outcome.result
        return outcome.changes

    def revert(self) -> Changes:
        assert self.deleted is not None  # undone after it was done
        outcome = self.writes.restore_assessment(self.deleted)
        self.deleted = None
        return outcome.changes


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
    ctx.undo.push(DeleteAssessment(
        ctx.edit, assessment_id, window.tr("删除自评“%1”").replace("%1", size.title), deleted))
    return True
