"""File → 汇总…: read the returned workbooks off the GUI thread, show conflicts and new rows, then
merge in one undoable step (a verified backup first)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from gui.collect.conflict_dialog import ConflictDialog
from gui.commands.base import EditContext, ServiceCommand
from gui.infra.errors import describe
from gui.infra.undo_target import UndoTarget
from gui.infra.workers import run_job
from importers.errors import ImportFileError
from importers.handout_xlsx import read_returned
from model.collect.merge import CollectOptions
from model.collect.records import CollectResult, Rejection, ReturnedBook
from model.edits.changes import Changes
from model.errors import ModelError
from model.maintenance import backup_before
from model.services import Services

MAX_NAMED = 30  # rows named in the summary; the 汇总进度 panel and the CLI list every one


class CollectCommand(ServiceCommand):
    """One undo step for a whole collect: undo puts every field back and removes added items."""

    first_origin = "collect"

    def __init__(self, context: EditContext, books: list[ReturnedBook],
                 options: CollectOptions, text: str) -> None:
        super().__init__(context, text)
        self.books, self.options = books, options
        self.result: CollectResult | None = None

    def apply(self) -> Changes:
        if self.result is None:
            outcome = self.writes.collect(self.books, self.options)
            result = outcome.result
            if result.rejected:
                raise ModelError(f"文件“{result.rejected[0].file}”未汇总：{result.rejected[0].reason}")
            self.result = result
            return outcome.changes
        again = self.writes.reapply_collect(self.result.applied, self.options.add_new,
                                            self.result.moves)
        self.result.created = again.result
        return again.changes

    def revert(self) -> Changes:
        assert self.result is not None
        outcome = self.writes.revert_collect(self.result.applied, self.result.created,
                                             self.result.returns, self.result.moves)
        self.result.returns = []
        return outcome.changes


def read_files(paths: list[Path]) -> tuple[list[ReturnedBook], list[Rejection]]:
    books, rejected = [], []
    for path in paths:
        try:
            books.append(read_returned(path))
        except ImportFileError as exc:
            rejected.append(Rejection(path.name, exc.message))
    return books, rejected


def collect_from_gui(parent: QWidget, context: EditContext, stack: UndoTarget,
                     folder: str, assessment_id: int) -> CollectResult | None:
    """Ask for the files, show what the merge would do, merge as one undo step."""
    names, _ = QFileDialog.getOpenFileNames(
        parent, parent.tr("选择各处室交回的填报表"), folder,
        parent.tr("Excel 工作簿 (*.xlsx *.xls)"))
    if not names:
        return None
    services = context.services

    def trial(progress: object) -> tuple[list[ReturnedBook], CollectResult]:
        books, unreadable = read_files([Path(n) for n in names])
        result = services.collect.merge(books, CollectOptions(dry_run=True,
                                                              assessment_id=assessment_id))
        result.rejected[:0] = unreadable
        return books, result

    outcome, error = run_job(parent, parent.tr("正在读取交回的填报表…"), trial)
    if error is not None:
        QMessageBox.critical(parent, parent.tr("无法汇总"), describe(error))
        return None
    books, preview = outcome
    if preview.rejected:
        reasons = "\n".join(f"{r.file}：{r.reason}" for r in preview.rejected)
        QMessageBox.warning(parent, parent.tr("无法汇总"),
                            parent.tr("以下文件被拒绝，数据库未改动：") + "\n" + reasons)
        return None
    options = CollectOptions(backup=_backup(services), assessment_id=assessment_id)
    if preview.conflicts or preview.new_rows:
        contents = {c.item_id: services.items.get(c.item_id).content for c in preview.conflicts}
        dialog = ConflictDialog(parent, preview, contents)
        if dialog.exec() != ConflictDialog.DialogCode.Accepted:
            return None
        options.resolutions, options.add_new = dialog.resolutions(), dialog.accepted_rows()
    command = CollectCommand(context, books, options,
                             parent.tr("汇总 %1 个文件").replace("%1", str(len(books))))
    stack.push(command)
    if command.failed or command.result is None:
        return None
    result = command.result
    QMessageBox.information(parent, parent.tr("汇总完成"), summary(parent, len(books), result))
    return result


def summary(parent: QWidget, files: int, result: CollectResult) -> str:
    """What the collect did, naming the rows a workbook no longer held and the rows refused."""
    done = parent.tr("已汇总 %1 个文件：采用 %2 处修改，%3 处冲突，新增 %4 项，%5 行在工作簿中被删除。")
    text = (done.replace("%1", str(files)).replace("%2", str(len(result.applied)))
            .replace("%3", str(len(result.conflicts))).replace("%4", str(len(result.created)))
            .replace("%5", str(len(result.missing_rows))))
    if result.missing_rows:
        text += "\n\n" + parent.tr("工作簿中被删除的行（数据库中的事项未删除）：")
        text += "".join(parent.tr("\n%1：序号 %2“%3”").replace("%1", row.file)
                        .replace("%2", row.seq).replace("%3", row.content)
                        for row in result.missing_rows[:MAX_NAMED])
        if len(result.missing_rows) > MAX_NAMED:
            text += "\n…"
    if result.rejected_rows:
        text += "\n\n" + parent.tr("未汇总的行：")
        text += "".join(parent.tr("\n%1 第 %2 行（序号 %3“%4”）：%5").replace("%1", row.file)
                        .replace("%2", str(row.row)).replace("%3", row.seq)
                        .replace("%4", row.content).replace("%5", row.reason)
                        for row in result.rejected_rows[:MAX_NAMED])
        if len(result.rejected_rows) > MAX_NAMED:
            text += "\n…"
    return text


def _backup(services: Services) -> Callable[[], Path] | None:
    path = services.db.sqlite_path
    return (lambda: backup_before(path, "before-collect")) if path else None
