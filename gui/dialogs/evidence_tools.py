"""Tools → Check (with cleaning of unreferenced files). The evidence package is an export format
(exporters/formats/evidence_zip.py)."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from gui.infra.workers import run_job
from gui.window.undo_history import UndoStacks
from model.maintenance import check, remove_unreferenced
from model.records import DeletedRows
from model.services import Services


def check_and_clean(parent: QWidget, services: Services, stack: QUndoStack | UndoStacks) -> None:
    report, error = run_job(parent, parent.tr("正在检查…"), lambda _p: check(services.db))
    if error is not None:
        QMessageBox.critical(parent, parent.tr("检查失败"), str(error))
        return
    if report.problems:
        QMessageBox.warning(parent, parent.tr("检查未通过"), "\n".join(report.problems[:30]))
    else:
        QMessageBox.information(parent, parent.tr("检查通过"), parent.tr(
            "数据库完好，%1 个证明材料文件齐全且未被改动。").replace("%1", str(report.files_checked)))
    if not report.unreferenced:
        return
    answer = QMessageBox.question(parent, parent.tr("清理文件"), parent.tr(
        "有 %1 个证明材料文件已不被任何记录引用。删除它们？（撤销记录还需要的会保留）").replace(
        "%1", str(len(report.unreferenced))))
    if answer == QMessageBox.StandardButton.Yes:
        removed = remove_unreferenced(services.db, keep=hashes_in_undo_history(stack))
        QMessageBox.information(parent, parent.tr("清理文件"),
                                parent.tr("已删除 %1 个文件。").replace("%1", str(removed)))


def hashes_in_undo_history(stack: QUndoStack | UndoStacks) -> set[str]:
    """Stored files that an undo or redo could bring back: never removed while the window lives."""
    keep: set[str] = set()
    stacks = stack.stacks() if isinstance(stack, UndoStacks) else [stack]  # every assessment's history
    commands = [s.command(index) for s in stacks for index in range(s.count())]
    for command in commands:
        for candidate in (command, *(command.child(i) for i in range(command.childCount()))):
            deleted = getattr(candidate, "deleted", None)
            if isinstance(deleted, DeletedRows):
                keep |= {sha for r in deleted.rows if r.table == "evidence"
                         if (sha := r.as_dict().get("file_sha256")) is not None}
    return keep
