"""The main window: wiring only. The framework pane (left), the editor pages (right), the file
actions, the menus and toolbar (declared in gui.window.menus), the undo stack and the status line."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox, QSplitter

from gui.collect.wiring import CollectActions
from gui.commands.base import EditContext
from gui.commands.conflicts import FieldConflict, Resolver
from gui.infra import button_accelerators, in_use
from gui.infra.errors import describe
from gui.infra.geometry import keep_frame_on_screen, place
from gui.infra.notifier import ChangeNotifier
from gui.infra.reveal import reveal_cursor
from gui.infra.settings import Settings
from gui.item_models.framework_tree import ITEM
from gui.panels.review_panel import ReviewPanel
from gui.window import undo_history, window_menus
from gui.window.bulk_actions import BulkActions
from gui.window.editor_pages import EditorPages
from gui.window.file_actions import FileActions, Opener
from gui.window.framework_pane import FrameworkPane
from gui.window.live_refresh import LiveRefresh
from gui.window.status_line import completion_text
from gui.window.structure_actions import StructureActions
from gui.window.undo_history import HistoryDialog, UndoStacks
from gui.window.window_context import WindowContext
from gui.window.window_menus import find_action
from model.edits.changes import Changes
from model.errors import ConflictError, ModelError, NotFoundError
from model.records import AssessmentRecord, DimensionRecord, ItemRecord, NarrativeRecord
from model.services import Services


class MainWindow(QMainWindow):
    def __init__(self, services: Services, settings: Settings, opener: Opener | None = None) -> None:
        super().__init__()
        self.services, self.settings = services, settings
        self.notifier = ChangeNotifier(self)
        self.context = EditContext(services, self.notifier, self.resolve_conflict)
        self.conflict_answer: Resolver | None = None  # tests answer the conflict dialog
        self.conflicts_shown: list[FieldConflict] = []
        self.undo_stack = UndoStacks(self)  # one stack per assessment (gui/window/undo_history.py)
        self.live = LiveRefresh(self)  # what other windows and programs commit shows here
        self.assessment_id: int | None = None
        self.assessment: AssessmentRecord | None = None  # the one shown, as stored (its title)
        self.status_counts: dict[str, int] | None = None  # its items per status (None: read)
        self.follow_screen = True  # kept inside the screen's available area (not for a screenshot)
        self.uses_scores = False
        self.tree_menu: QMenu | None = None  # the tree's last context menu (tests, screenshots)
        self.history_dialog: HistoryDialog | None = None  # 编辑 → 撤销历史…, made when first shown
        self.completion = QLabel(self)  # permanent: a menu's hover text does not wipe it
        self.completion.setAccessibleName(self.tr("完成情况"))
        self.statusBar().addPermanentWidget(self.completion)  # on the right: messages on the left
        self.left = FrameworkPane(services, self.commit_editors, self, settings)
        pane = self.left
        self.tree, self.tree_model, self.filter_bar = pane.tree, pane.tree_model, pane.filter_bar
        self.right = EditorPages(self.context, self.undo_stack, self)
        r = self.right  # the editors, by the names panels and tests know them
        r.focus_released.connect(self.left.tree.setFocus)  # typing goes on in the tree, not a field
        self.item_editor, self.evidence, self.finance_panel = r.item_editor, r.evidence, r.finance_panel
        self.assessment_editor, self.dimension_editor, self.item_page = (
            r.assessment_editor, r.dimension_editor, r.item_page)
        self.tree_filter, self.info_button = self.left.tree_filter, self.left.info_button
        self.evidence.last_folder = self.settings.evidence_folder()
        self.evidence.folder_used.connect(self.settings.set_evidence_folder)
        self.finance_panel.rating_changed.connect(self.completion.setText)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 2)
        self.setCentralWidget(self.splitter)
        self.review = ReviewPanel(services, lambda: self.assessment_id, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.review)
        self.review.hide()
        # what the actions work with (never the window as a bag of attributes)
        self.window_context = ctx = WindowContext(
            widget=self, services=services, edit=self.context, undo=self.undo_stack,
            settings=settings, current_assessment=lambda: self.assessment_id,
            commit_editors=self.commit_editors,
            fill_assessments=lambda select: self.fill_assessments(select=select),
            show_failure=self.show_failure)
        self.structure = StructureActions(ctx, self.tree, self.tree_model)
        self.bulk = BulkActions(ctx, self.tree)
        self.files = FileActions(ctx, self.review, opener, self._open_in_new_window,
                                 self._last_year_changed)
        self.collect = CollectActions(ctx, beside=self.review)  # 分发 / 汇总 / 汇总进度
        self.collect_panel = self.collect.panel
        self.menus = window_menus.install(self)  # every entry declared in gui/window/menus.py
        self.recent_menu: QMenu = self.menus.menu("recent")
        self.undo_action: QAction = self.menus.action("undo")
        self.redo_action: QAction = self.menus.action("redo")
        undo_history.install(self)
        button_accelerators.install()  # every dialog's buttons get letters, as each is shown
        self.tree.customContextMenuRequested.connect(self.show_tree_menu)
        self._wire()
        self._mark_in_use()
        self._restore_geometry()
        self.fill_assessments()
        self.live.start()

    # --- building -----------------------------------------------------------------------------
    def _wire(self) -> None:
        pane, n = self.left, self.notifier
        pane.assessment_chosen.connect(self.open_assessment)
        pane.info_button.clicked.connect(self.show_assessment_editor)
        pane.current_row_changed.connect(self._show_row)
        self.tree_model.move_requested.connect(self.committed(self.structure.move_to))
        self.tree_model.items_dropped.connect(self.committed(self.bulk.drop))
        self.review.item_chosen.connect(lambda item_id: self.select(ITEM, item_id))
        self.review.section_chosen.connect(self.show_section)
        n.changed.connect(self._changed)
        n.failed.connect(self.show_failure)
        n.changed.connect(self.review.schedule_refresh)  # fixed problems leave the list

    def action(self, name: str) -> QAction | None:
        """A menu action by its name ("" stands for a separator in a toolbar)."""
        return find_action(self, name)

    # --- assessments and rows -------------------------------------------------------------------
    def fill_assessments(self, select: int | None = None) -> None:
        self.left.fill_assessments(self.services.assessments.list(), select)

    def open_assessment(self, assessment_id: int | None) -> None:
        self.commit_editors()
        self.assessment_id = assessment_id
        self.undo_stack.switch_to(assessment_id)  # its own history, kept while the window is open
        self.reload()
        self.live.rebase()
        self.review.schedule_refresh()
        self.show_assessment_editor()

    def reload(self, select: tuple[str, int] | None = None) -> None:
        """Read the framework again (a structural change, a conflict, another assessment)."""
        self._read_assessment()
        self.left.load(self.assessment_id)
        self._tree_read()
        self._update_titles()
        if select:
            self.select(*select)

    def _read_assessment(self) -> None:
        self.assessment = None
        self.status_counts = None
        if self.assessment_id is not None:
            self.assessment = self.services.assessments.get(self.assessment_id)
            self.uses_scores = self.assessment.uses_scores
            self.item_editor.set_departments(self.services.items.departments(self.assessment_id))

    def select(self, kind: str, row_id: int) -> None:
        self.left.select(kind, row_id)

    def select_first_item(self) -> None:
        self.left.select_first_item()

    def show_assessment_editor(self) -> None:
        if self.assessment_id is not None:
            self.commit_editors()
            self.tree.clearSelection()
            self.tree.selectionModel().clearCurrentIndex()  # choosing the same item shows it again
            self.right.show_assessment(self.assessment_id)
        else:
            self.right.show_nothing()

    def show_section(self, key: str) -> None:
        """A narrative problem chosen in 体检: the summary's section, cursor at its end."""
        self.show_assessment_editor()
        widget = self.assessment_editor.texts.get(key)
        if widget is not None:
            widget.edit.setFocus()
            widget.edit.moveCursor(QTextCursor.MoveOperation.End)
            QTimer.singleShot(0, lambda: reveal_cursor(widget.edit))  # once the page is laid out

    def _show_row(self, kind: str, row_id: int) -> None:
        """The editor follows the current row (the last one clicked, also in a multi-selection)."""
        if self.live.keeps(kind, row_id):  # the tree was read again under the row shown
            return
        self.commit_editors()
        try:
            self.right.show_row(kind, row_id, self.uses_scores)
        except ModelError as exc:
            self.show_failure(exc)

    # --- editing -------------------------------------------------------------------------------
    def commit_editors(self) -> None:
        self.right.commit()

    def committed(self, slot: Callable[..., None]) -> Callable[..., None]:
        """slot, after what is being typed is saved: the typing is its own undo step before the
        structural change (never saved afterwards into an item that is gone)."""
        def run(*args: object) -> None:
            self.commit_editors()
            slot(*args)
        return run

    def new_item(self) -> None:
        """A new item opens its first field, ready for typing."""
        self.commit_editors()
        before = self.undo_stack.index()
        self.structure.new_item()
        if self.undo_stack.index() != before and self.right.showing_item():
            self.item_editor.texts["content"].edit.setFocus()

    def delete(self) -> None:
        """Several items selected: delete them all (one step); otherwise the current row."""
        self.commit_editors()
        (self.bulk.delete if self.bulk.several_selected() else self.structure.delete)()

    def undo(self) -> None:
        self.commit_editors()  # what is being typed becomes a step first, then is undone
        self.undo_stack.undo()

    def redo(self) -> None:
        self.commit_editors()
        self.undo_stack.redo()

    def show_tree_menu(self, point: QPoint) -> None:
        self.tree_menu = window_menus.tree_menu(self, point)

    def _open_in_new_window(self, services: Services) -> None:
        """Another database (File → 打开, 最近打开, 连接服务器, a restore) in a new window in
        place of this one."""
        window = type(self)(services, self.settings, self.files.opener)
        window.show()
        self.close()

    def _last_year_changed(self) -> None:
        panel, shown = self.item_editor.last_year, self.item_editor.record
        panel.forget()
        if shown is not None:
            panel.show_item(shown)

    def resolve_conflict(self, conflict: FieldConflict) -> Any:
        """A field changed elsewhere while it was changed here: the clerk sees both and decides
        (the conflict dialog collect uses); nothing is read again under the open dialog."""
        from gui.dialogs.text_conflict import ask

        self.conflicts_shown.append(conflict)
        self.live.pause()
        try:
            answer = self.conflict_answer or (lambda c: ask(self, c))
            return answer(conflict)
        finally:
            self.live.resume()

    # --- notifications ---------------------------------------------------------------------------
    def _changed(self, changes: Changes, _origin: str) -> None:
        """A write, an undo or redo, or what another window committed: each part of the window
        shows what the flags say changed, from the rows as stored (read again only when rows
        were created, deleted or moved, or the completion counts changed)."""
        if changes.assessments:  # made or removed: the list again, showing the one named
            select = changes.select
            self.fill_assessments(select=select[1] if select and select[0] == "assessment" else None)
            return
        for assessment in changes.records(AssessmentRecord):
            self._assessment_changed(assessment)
        for section in changes.records(NarrativeRecord):
            self.assessment_editor.refresh_section(section)
        if changes.structure:
            if changes.select:
                self.reload(select=changes.select)
            else:
                self._reload_keeping_place()
            return
        for dimension in changes.records(DimensionRecord):
            self.tree_model.update_dimension(dimension)
            self.right.dimension_editor.refresh(dimension)
        for item in changes.records(ItemRecord):
            self.left.tree_filter.forget(item.id)
            self.tree_model.update_item(item)
            self.item_editor.refresh(item)
        if changes.items:
            # no fields named (another window's edit): any of them, the status too
            self._update_titles(recount=not changes.fields or "status" in changes.fields)

    def _assessment_changed(self, record: AssessmentRecord) -> None:
        if record.id == self.assessment_id:
            self.assessment = record
        self.right.assessment_editor.refresh_assessment(record)
        self.uses_scores = record.uses_scores
        self.left.rename_assessments(self.services.assessments.list())
        self._update_titles(recount=False)

    def _reload_keeping_place(self) -> None:
        """Reload; a deleted row's neighbour is shown, else the assessment (the editor empties)."""
        self._read_assessment()
        kept = self.left.reload_keeping_place()
        self._tree_read()
        if not kept:
            self.show_assessment_editor()
        self._update_titles()

    def _tree_read(self) -> None:
        """The tree was read again from the database: the live refresh need not read it again."""
        read = self.left.last_read()
        if read is not None:
            self.live.tree_shown(*read)

    def show_failure(self, error: ModelError) -> None:
        conflict = isinstance(error, ConflictError)
        QMessageBox.warning(self, self.tr("内容已被修改") if conflict else self.tr("无法完成"),
                            describe(error) + ("\n" + self.tr("已重新加载最新内容。") if conflict else ""))
        if isinstance(error, ConflictError | NotFoundError) and self.assessment_id is not None:
            shown = self.left.current_row()
            self._reload_keeping_place()
            if shown and shown == self.left.current_row() and shown[0] == ITEM:
                self.item_editor.show_item(self.services.items.get(shown[1]), self.uses_scores)

    def _update_titles(self, recount: bool = True) -> None:
        """The window title and the status line; the counts read again only when asked (a
        status changed, rows came or went), the title from the assessment as last stored."""
        if self.assessment_id is not None and (recount or self.status_counts is None):
            self.status_counts = self.services.items.status_counts(self.assessment_id)
            self.left.show_item_count(self.assessment_id, sum(self.status_counts.values()))
        title, status = completion_text(self.services.db.display_name, self.assessment,
                                         self.status_counts or {}, self.finance_panel)
        self.setWindowTitle(title)
        self.completion.setText(status)

    # --- the window itself -----------------------------------------------------------------------
    def _mark_in_use(self) -> None:
        self.shared_with = in_use.opened(self.services.db.sqlite_path)
        if self.shared_with:  # allowed: a change to the same field in both is refused and shown
            self.statusBar().showMessage(self.tr(
                "另一个窗口或程序也打开了这个数据库：可以同时编辑，同一内容被两处修改时会提示。"), 30000)

    def _restore_geometry(self) -> None:
        place(self, *self.settings.window_rect("main"))
        state = self.settings.geometry("main_splitter")
        if state is not None:
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes([self.width() // 3, self.width() - self.width() // 3])

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # the window manager frames the window after it is shown: then pull the frame on screen
        if self.follow_screen:
            QTimer.singleShot(300, self, self._keep_on_screen)  # dropped if the window is gone

    def _keep_on_screen(self) -> None:
        keep_frame_on_screen(self)

    def closeEvent(self, event) -> None:
        self.commit_editors()
        unsaved = self.right.unsaved()
        if unsaved and QMessageBox.warning(
                self, self.tr("有内容未能保存"),
                self.tr("%1 中输入的内容未能保存到数据库（见刚才的提示）。现在退出，这些内容将丢失。\n\n"
                        "仍然退出？").replace("%1", "、".join(unsaved)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            event.ignore()
            return
        self.live.stop()
        in_use.closed(self.services.db.sqlite_path)
        self.settings.set_window_rect("main", self.normalGeometry(), self.isMaximized())
        self.settings.set_geometry("main_splitter", self.splitter.saveState())
        super().closeEvent(event)
