"""What the File menu does: new, open, save a copy, restore, import, the exports and previews.
Each action saves what is being typed first and offers the review before an export."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from exporters.registry import export_format
from gui.panels.review_panel import ReviewPanel, offer_review
from gui.window.window_context import WindowContext
from model.edits.changes import Changes
from model.edits.writes import Writes
from model.errors import ModelError
from model.services import Services

Opener = Callable[[str], Services]
# The dialogs (and the Word, Excel and PDF libraries behind them) load when first used: the
# window shows sooner.


class FileActions(QObject):
    """open_window(services) shows a database in a new window in place of this one;
    last_year_changed() tells the editor that 上年 was chosen again."""

    def __init__(self, ctx: WindowContext, review: ReviewPanel, opener: Opener | None,
                 open_window: Callable[[Services], None],
                 last_year_changed: Callable[[], None]) -> None:
        super().__init__(ctx.widget)
        self.ctx, self.review, self.opener = ctx, review, opener
        self.open_window, self.last_year_changed = open_window, last_year_changed
        self.settings = ctx.settings
        self.window = ctx.widget  # the parent of the dialogs

    @property
    def services(self) -> Services:
        return self.ctx.services

    def new_assessment(self) -> None:
        from gui.dialogs.new_assessment import NewAssessmentDialog

        w = self.window
        dialog = NewAssessmentDialog(w, self.services.assessments.list())
        if dialog.exec() != NewAssessmentDialog.DialogCode.Accepted:
            return
        try:
            source, writes = dialog.source.currentData(), Writes(self.services)
            if source is None:
                outcome = writes.create_assessment(dialog.unit.text(), dialog.year.value(),
                                                   title=dialog.title.text())
            else:
                outcome = writes.copy_to_year(source, dialog.year.value(),
                                              title=dialog.title.text())
        except ModelError as exc:
            self.ctx.show_failure(exc)
            return
        self.ctx.edit.notifier.changed.emit(outcome.changes, "edit")

    def open_database(self, path: str | None = None) -> None:
        w = self.window
        if path is None:
            path, _ = QFileDialog.getOpenFileName(w, self.tr("打开数据库"), self.settings.last_folder(),
                                                  self.tr("自评数据库 (*.db);;所有文件 (*)"))
        if not path or self.opener is None:
            return
        try:
            services = self.opener(path)
        except ModelError as exc:
            QMessageBox.critical(w, self.tr("无法打开数据库"), exc.message)
            return
        self.settings.add_recent_file(path)
        self.settings.set_last_folder(str(Path(path).parent))
        self.open_window(services)

    def connect_server(self) -> None:
        """File → 连接服务器…: the server database in a new window (the password asked there)."""
        from gui.dialogs.connect_server import ConnectDialog

        dialog = ConnectDialog(self.window)
        if dialog.exec() != ConnectDialog.DialogCode.Accepted:
            return
        url = dialog.url()
        dialog.hand_over_password()
        if url:
            self.open_database(url)

    def save_copy(self) -> None:
        from gui.dialogs.save_copy import save_copy

        saved = save_copy(self.window, self.services, self.settings.last_folder())
        if saved is not None:
            self.ctx.status(self.tr("已另存副本：%1").replace("%1", str(saved)))

    def restore_backup(self) -> None:
        from gui.dialogs.restore_backup import RestoreDialog, restore_chosen

        path = self.services.db.sqlite_path
        if path is None:
            self._restore_server()
            return
        if self.opener is None:
            return
        dialog = RestoreDialog(self.window, path)
        chosen = dialog.chosen() if dialog.exec() == RestoreDialog.DialogCode.Accepted else None
        if chosen is None:
            return
        self.ctx.commit_editors()
        self.services.close()
        restore_chosen(self.window, chosen.path, path)
        self.open_database(str(path))  # a fresh window on the restored database

    def _restore_server(self) -> None:
        """从备份恢复 on a server: a backup file chosen, checked, then the server's data replaced
        (the server lets only an admin); a new window shows the result."""
        from model.maintenance import restore_server

        w = self.window
        name, _ = QFileDialog.getOpenFileName(w, self.tr("从备份恢复服务器数据库"),
                                              self.settings.last_folder(),
                                              self.tr("自评数据库备份 (*.db);;所有文件 (*)"))
        if not name:
            return
        answer = QMessageBox.question(
            w, self.tr("从备份恢复"),
            self.tr("服务器数据库“%1”的全部内容将被备份“%2”替换（所有人的修改）。继续？")
            .replace("%1", self.services.db.display_name).replace("%2", name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ctx.commit_editors()
        try:
            rows = restore_server(Path(name), self.services.db)
        except ModelError as exc:
            QMessageBox.critical(w, self.tr("无法恢复"), exc.message)
            return
        QMessageBox.information(w, self.tr("已恢复"),
                                self.tr("已从备份恢复 %1 行数据。").replace("%1", str(rows)))
        self.ctx.edit.notifier.changed.emit(Changes.of_assessments(None), "edit")

    def import_excel(self) -> None:
        """File → 导入: the import is one undo step (gui/commands/imports.py)."""
        from gui.commands.imports import undoable_store

        ctx = self.ctx
        ctx.commit_editors()
        from gui.dialogs.import_excel import import_excel

        store = undoable_store()
        received = import_excel(ctx.widget, self.services, ctx.assessment_id,
                                self.settings.last_folder(), store=store)
        if received is not None and not store.push(ctx, ctx.assessment_id):
            ctx.fill_assessments(received)

    def import_summary(self) -> None:
        from gui.dialogs.import_summary import import_summary

        received = import_summary(self.window, self.services, self.ctx.assessment_id,
                                  self.settings.last_folder())
        if received is not None:
            self.ctx.edit.notifier.changed.emit(Changes.of_assessments(received), "import")

    def choose_last_year(self) -> None:
        from gui.dialogs.choose_previous import choose_last_year

        if choose_last_year(self.window, self.services, self.ctx.assessment_id):
            self.last_year_changed()

    def export(self, name: str) -> None:
        """File → 导出… for the format of the registry named name."""
        from gui.dialogs.exports import export_as

        fmt = export_format(name)
        self._export(partial(export_as, name=name), review=fmt.review_first)

    def _export(self, run: Callable[..., Path | None], review: bool = True) -> None:
        assessment_id = self.ctx.assessment_id
        if assessment_id is None:
            return
        self.ctx.commit_editors()
        if review and not offer_review(self.window, self.review):
            return
        saved = run(self.window, self.services, assessment_id, self.settings.last_folder())
        if saved is not None:
            self.settings.set_last_folder(str(saved.parent))

    def print_preview(self, source: str) -> None:
        """File → 打印预览 → one of gui.window.menus.previews() (its name)."""
        from gui.dialogs.print_preview import preview

        assessment_id = self.ctx.assessment_id
        if assessment_id is not None:
            self.ctx.commit_editors()
            preview(self.window, self.services, assessment_id, source)

    def fill_recent(self, menu: QMenu) -> None:
        menu.clear()
        for path in self.settings.recent_files():
            menu.addAction(path).triggered.connect(lambda _c=False, p=path: self.open_database(p))
