"""What the File menu does: new, open, save a copy, restore, import, the exports and previews.
Each action saves what is being typed first and offers the review before an export."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from exporters.registry import export_format
from gui.panels.review_panel import offer_review
from model.changes import Changes
from model.errors import ModelError
from model.services import Services
from model.writes import Writes

if TYPE_CHECKING:
    from gui.main_window import MainWindow

Opener = Callable[[str], Services]
# The dialogs (and the Word, Excel and PDF libraries behind them) load when first used: the
# window shows sooner.


class FileActions(QObject):
    def __init__(self, window: MainWindow, opener: Opener | None) -> None:
        super().__init__(window)
        self.window, self.opener = window, opener
        self.settings = window.settings

    @property
    def services(self) -> Services:
        return self.window.services

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
            w.show_failure(exc)
            return
        w.notifier.changed.emit(outcome.changes, "edit")

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
        window = type(w)(services, self.settings, self.opener)
        window.show()
        w.close()

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
            self.window.statusBar().showMessage(
                self.tr("已另存副本：%1").replace("%1", str(saved)), 5000)

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
        self.window.commit_editors()
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
        w.commit_editors()
        try:
            rows = restore_server(Path(name), self.services.db)
        except ModelError as exc:
            QMessageBox.critical(w, self.tr("无法恢复"), exc.message)
            return
        QMessageBox.information(w, self.tr("已恢复"),
                                self.tr("已从备份恢复 %1 行数据。").replace("%1", str(rows)))
        w.notifier.changed.emit(Changes.of_assessments(None), "edit")

    def import_excel(self) -> None:
        """File → 导入: the import is one undo step (gui/commands/imports.py)."""
        from gui.commands.imports import undoable_store

        w = self.window
        w.commit_editors()
        from gui.dialogs.import_excel import import_excel

        store = undoable_store()
        received = import_excel(w, self.services, w.assessment_id, self.settings.last_folder(),
                                store=store)
        if received is not None and not store.push(w, w.assessment_id):
            w.fill_assessments(select=received)

    def import_summary(self) -> None:
        from gui.dialogs.import_summary import import_summary

        w = self.window
        received = import_summary(w, self.services, w.assessment_id, self.settings.last_folder())
        if received is not None:
            w.notifier.changed.emit(Changes.of_assessments(received), "import")

    def choose_last_year(self) -> None:
        from gui.dialogs.choose_previous import choose_last_year

        w = self.window
        if choose_last_year(w, self.services, w.assessment_id):
            panel, shown = w.item_editor.last_year, w.item_editor.record
            panel.forget()
            if shown is not None:
                panel.show_item(shown)

    def export(self, name: str) -> None:
        """File → 导出… for the format of the registry named name."""
        from gui.dialogs.exports import export_as

        fmt = export_format(name)
        self._export(partial(export_as, name=name), review=fmt.review_first)

    def _export(self, run: Callable[..., Path | None], review: bool = True) -> None:
        w = self.window
        if w.assessment_id is None:
            return
        w.commit_editors()
        if review and not offer_review(w, w.review):
            return
        saved = run(w, self.services, w.assessment_id, self.settings.last_folder())
        if saved is not None:
            self.settings.set_last_folder(str(saved.parent))

    def print_preview(self, source: str) -> None:
        from gui.dialogs.print_preview import preview

        w = self.window
        if w.assessment_id is not None:
            w.commit_editors()
            preview(w, self.services, w.assessment_id, source)

    def fill_recent(self, menu: QMenu) -> None:
        menu.clear()
        for path in self.settings.recent_files():
            menu.addAction(path).triggered.connect(lambda _c=False, p=path: self.open_database(p))
