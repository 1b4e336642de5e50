"""The main window: wires the tree, the editors, the undo stack, menus and status bar."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from gui import help_menu
from gui.bulk_actions import BulkActions
from gui.change import Change
from gui.collect.wiring import install as install_collect
from gui.commands.base import EditContext
from gui.dialogs.evidence_tools import check_and_clean, export_evidence_package
from gui.dialogs.exports import export_excel, export_word
from gui.dialogs.import_excel import import_excel
from gui.dialogs.new_assessment import NewAssessmentDialog
from gui.dialogs.new_finance_form import new_finance_form
from gui.dialogs.preferences import PreferencesDialog
from gui.dialogs.print_preview import preview
from gui.dialogs.restore_backup import RestoreDialog, restore_chosen
from gui.dialogs.save_copy import save_copy
from gui.errors import describe
from gui.geometry import place
from gui.item_models.framework_tree import DIMENSION, ID_ROLE, ITEM, KIND_ROLE, FrameworkTreeModel
from gui.item_models.tree_filter import TreeFilter
from gui.menus import add_action, add_toolbar
from gui.notifier import ChangeNotifier
from gui.panels.assessment_editor import AssessmentEditor
from gui.panels.dimension_editor import DimensionEditor
from gui.panels.evidence_panel import EvidencePanel
from gui.panels.filter_bar import FilterBar
from gui.panels.finance_panel import FinancePanel
from gui.panels.item_editor import ItemEditor
from gui.panels.review_panel import ReviewPanel, offer_review
from gui.settings import Settings
from gui.structure_actions import StructureActions
from model.errors import ConflictError, ModelError, NotFoundError
from model.records import AssessmentRecord, DimensionRecord, ItemRecord, NarrativeRecord
from model.schema import STATUSES
from model.services import Services
from model.usage import mark_closed, mark_open, other_users

Opener = Callable[[str], Services]
_WINDOWS_ON: Counter[Path] = Counter()  # this process's windows per database
LAZY_ITEMS = 3000  # above this, a dimension's items are loaded when it is opened


class MainWindow(QMainWindow):
    def __init__(self, services: Services, settings: Settings, opener: Opener | None = None) -> None:
        super().__init__()
        self.services, self.settings, self.opener = services, settings, opener
        self.notifier = ChangeNotifier(self)
        self.context = EditContext(services, self.notifier)
        self.undo_stack = QUndoStack(self)
        self.assessment_id: int | None = None
        self.uses_scores = False
        self.completion = QLabel(self)  # permanent: a menu's hover text does not wipe it
        self.completion.setAccessibleName(self.tr("完成情况"))
        self.statusBar().addPermanentWidget(self.completion, 1)
        self._build_left()
        self._build_right()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 2)
        self.setCentralWidget(self.splitter)
        self.review = ReviewPanel(services, lambda: self.assessment_id, self)
        self.review.item_chosen.connect(lambda item_id: self.select(ITEM, item_id))
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.review)
        self.review.hide()
        self.structure = StructureActions(self.context, self.undo_stack, self.tree, self.tree_model,
                                          self)
        self.bulk = BulkActions(self.context, self.undo_stack, self.tree, self)
        self.tree_model.move_requested.connect(self._committed(self.structure.move_to))
        self.tree_model.items_dropped.connect(self._committed(self.bulk.drop))
        self._build_menus()
        self._build_tree_actions()
        add_toolbar(self, [self.action(name) for name in (
            "new_item", "delete", "", "undo", "redo", "", "import", "word", "excel", "", "check")])
        self._connect_notifier()
        self.shared_with = 0  # other windows or programs that have this database open
        path = services.db.sqlite_path
        if path is not None:  # "in use": check --fix keeps our undo's files
            self.shared_with = len(other_users(path)) + _WINDOWS_ON[path]
            _WINDOWS_ON[path] += 1
            mark_open(path)
        self._restore_geometry()
        self._fill_assessments()
        if self.shared_with:  # allowed: a change to the same field in both is refused and shown
            self.statusBar().showMessage(self.tr(
                "另一个窗口或程序也打开了这个数据库：可以同时编辑，同一内容被两处修改时会提示。"),
                30000)

    # --- building -----------------------------------------------------------------------------
    def _build_left(self) -> None:
        self.left = QWidget(self)
        self.assessments = QComboBox(self.left)
        self.assessments.currentIndexChanged.connect(
            lambda: self.open_assessment(self.assessments.currentData()))
        self.info_button = QPushButton(self.tr("自评信息与总结段落"), self.left)
        self.info_button.clicked.connect(self.show_assessment_editor)
        self.filter_bar = FilterBar(self.left)
        self.tree_model = FrameworkTreeModel(self)
        self.tree_filter = TreeFilter(text_search=self._search)
        self.tree = QTreeView(self.left)
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._tree_menu)
        self.tree.selectionModel().currentChanged.connect(self._on_current)
        self.assessments.setAccessibleName(self.tr("自评"))
        self.tree.setAccessibleName(self.tr("考评维度与自查事项"))
        self.filter_bar.changed.connect(self._filter)
        top = QHBoxLayout()
        top.addWidget(self.assessments, 1)
        top.addWidget(self.info_button)
        layout = QVBoxLayout(self.left)
        layout.setContentsMargins(4, 4, 0, 4)
        layout.addLayout(top)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.tree, 1)

    def _build_right(self) -> None:
        self.right = QStackedWidget(self)
        self.assessment_editor = AssessmentEditor(self.context, self.undo_stack)
        self.dimension_editor = DimensionEditor(self.context, self.undo_stack)
        self.item_editor = ItemEditor(self.context, self.undo_stack)
        self.evidence = EvidencePanel(self.context, self.undo_stack)
        self.evidence.folder_used.connect(self.settings.set_last_folder)
        item_page = QSplitter(Qt.Orientation.Vertical)
        item_page.addWidget(_scrolled(self.item_editor))
        item_page.addWidget(self.evidence)
        item_page.setStretchFactor(0, 3)
        self.item_page = item_page
        for page in (_scrolled(self.assessment_editor), _scrolled(self.dimension_editor), item_page):
            self.right.addWidget(page)
        # 项目支出/部门整体绩效自评表 (issue #15): the form with live scores, on its own page
        self.finance_panel = FinancePanel(self.context, self.undo_stack)
        self.finance_panel.rating_changed.connect(self.completion.setText)
        self.finance_panel.info_requested.connect(lambda: self.right.setCurrentIndex(0))
        self.right.addWidget(_scrolled(self.finance_panel))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        add_action(file_menu, self, self.tr("新建自评…"), self.new_assessment, "Ctrl+Shift+N")
        add_action(file_menu, self, self.tr("新建绩效自评表（项目支出/部门整体）…"),
                   lambda: new_finance_form(self), name="finance_form")
        add_action(file_menu, self, self.tr("打开数据库…"), self.open_database,
                   QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu(self.tr("最近打开"))
        add_action(file_menu, self, self.tr("另存副本为…"), self.save_copy)
        file_menu.addSeparator()
        add_action(file_menu, self, self.tr("导入 Excel 表格…"), self.import_excel, name="import")
        add_action(file_menu, self, self.tr("导出工作总结（Word）…"), self.export_word, name="word")
        add_action(file_menu, self, self.tr("导出 Excel 表格…"), self.export_excel, name="excel")
        add_action(file_menu, self, self.tr("导出证明材料包…"), self.export_evidence,
                   name="evidence")
        previews = file_menu.addMenu(self.tr("打印预览"))
        add_action(previews, self, self.tr("工作总结"), lambda: self.print_preview("summary"),
                   QKeySequence.StandardKey.Print, name="preview_summary")
        add_action(previews, self, self.tr("自查表"), lambda: self.print_preview("selfcheck"),
                   name="preview_selfcheck")
        add_action(previews, self, self.tr("任务完成情况表"), lambda: self.print_preview("tasks"),
                   name="preview_tasks")
        file_menu.addSeparator()
        add_action(file_menu, self, self.tr("退出"), self.close, QKeySequence.StandardKey.Quit)
        self.collect_panel = install_collect(self, file_menu)  # 分发 / 汇总 / 汇总进度
        edit = bar.addMenu(self.tr("编辑(&E)"))
        self.undo_action = add_action(edit, self, self.tr("撤销"), self.undo,
                                      QKeySequence.StandardKey.Undo, name="undo")
        self.redo_action = add_action(edit, self, self.tr("重做"), self.redo, "Ctrl+Shift+Z",
                                      name="redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        edit.addSeparator()
        s = self.structure
        add_action(edit, self, self.tr("新建考评维度"), self._committed(s.new_dimension),
                   "Ctrl+Shift+D", name="new_dim")
        add_action(edit, self, self.tr("新建下级维度"), self._committed(s.new_sub_dimension),
                   name="new_sub")
        add_action(edit, self, self.tr("新建自查事项"), self.new_item, "Ctrl+N", name="new_item")
        add_action(edit, self, self.tr("删除…"), self.delete, "Ctrl+Delete", name="delete")
        add_action(edit, self, self.tr("上移"), self._committed(s.move_up), "Alt+Up", name="up")
        add_action(edit, self, self.tr("下移"), self._committed(s.move_down), "Alt+Down",
                   name="down")
        edit.addSeparator()
        self._add_bulk_entries(edit)
        edit.addSeparator()
        add_action(edit, self, self.tr("查找"), self.focus_filter, QKeySequence.StandardKey.Find)
        tools = bar.addMenu(self.tr("工具(&T)"))
        add_action(tools, self, self.tr("体检"), self.review.show_review, "Ctrl+Shift+R",
                   name="review")
        add_action(tools, self, self.tr("检查数据库与证明材料…"),
                   lambda: check_and_clean(self, self.services, self.undo_stack), name="check")
        add_action(tools, self, self.tr("从备份恢复…"), self.restore_backup, name="restore")
        add_action(tools, self, self.tr("首选项…"), lambda: PreferencesDialog(self, self.settings).exec())
        help_menu.build(self, bar.addMenu(self.tr("帮助(&H)")))
        self._fill_recent()

    def _add_bulk_entries(self, menu: QMenu) -> None:
        """设置状态 / 责任处室, 移到, for every selected item (the Edit menu and the context menu)."""
        statuses = menu.addMenu(self.tr("设置状态"))
        for status in STATUSES:
            statuses.addAction(status).triggered.connect(
                lambda _c=False, s=status: self._committed(self.bulk.set_status)(s))
        add_action(menu, self, self.tr("设置责任处室…"), self._committed(self.bulk.set_department),
                   name="bulk_department")
        add_action(menu, self, self.tr("移到考评维度…"), self._committed(self.bulk.move),
                   name="bulk_move")

    def _committed(self, slot: Callable[..., None]) -> Callable[..., None]:
        """slot, after what is being typed is saved: the typing is its own undo step before the
        structural change (never saved afterwards into an item that is gone)."""
        def run(*args: object) -> None:
            self._commit_editors()
            slot(*args)
        return run

    def _build_tree_actions(self) -> None:
        """Keys that act on the tree only (in a text box they keep their usual meaning)."""
        for key, slot in (("Delete", self.delete), ("Ctrl+A", self.bulk.select_dimension_items)):
            action = QAction(self.tree)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.tree.addAction(action)

    def action(self, name: str) -> QAction | None:
        """A menu action by its name ("" stands for a separator in a toolbar)."""
        return next((a for a in self.findChildren(QAction) if a.objectName() == name), None) \
            if name else None

    def _tree_menu(self, point: QPoint) -> None:
        menu = QMenu(self)
        for name in ("new_item", "new_dim", "new_sub"):
            menu.addAction(self.action(name))
        menu.addSeparator()
        self._add_bulk_entries(menu)
        menu.addSeparator()
        menu.addAction(self.action("delete"))
        menu.popup(self.tree.viewport().mapToGlobal(point))
        self.tree_menu = menu  # kept for tests and screenshots

    def _connect_notifier(self) -> None:
        n = self.notifier
        n.item_changed.connect(self._item_changed)
        n.dimension_changed.connect(self._dimension_changed)
        n.assessment_changed.connect(self._assessment_changed)
        n.narrative_changed.connect(self._narrative_changed)
        n.structure_changed.connect(self._structure_changed)
        n.failed.connect(self._failed)
        for signal in (n.item_changed, n.dimension_changed, n.assessment_changed,
                       n.narrative_changed, n.structure_changed, n.evidence_changed):
            signal.connect(self.review.schedule_refresh)  # fixed problems leave the list

    # --- assessments ----------------------------------------------------------------------------
    def _fill_assessments(self, select: int | None = None) -> None:
        summaries = self.services.assessments.list()
        self.assessments.blockSignals(True)
        self.assessments.clear()
        for summary in summaries:
            self.assessments.addItem(f"{summary.title}（{summary.items}项）", summary.id)
        self.assessments.blockSignals(False)
        if summaries:
            index = max(self.assessments.findData(select), 0) if select else 0
            self.assessments.setCurrentIndex(index)
            self.open_assessment(self.assessments.currentData())
        else:
            self.open_assessment(None)

    def open_assessment(self, assessment_id: int | None) -> None:
        self._commit_editors()
        self.assessment_id = assessment_id
        self.structure.assessment_id = assessment_id
        self.undo_stack.clear()
        self.reload()
        self.review.schedule_refresh()
        if assessment_id is not None:
            self.show_assessment_editor()

    def reload(self, select: tuple[str, int] | None = None) -> None:
        """Read the framework again (a structural change, a conflict, another assessment)."""
        if self.assessment_id is None:
            self.tree_model.reset([], [])
            self._update_titles()
            return
        assessment = self.services.assessments.get(self.assessment_id)
        self.uses_scores = assessment.uses_scores
        dims = self.services.dimensions.list(self.assessment_id)
        counts = self.services.items.counts(self.assessment_id)
        expanded = self._expanded_dimensions()
        self.tree_filter.forget()
        if sum(total for total, _done in counts.values()) > LAZY_ITEMS:
            # A city-wide compile: dimensions now, each one's items when it is opened.
            assessment_id = self.assessment_id
            self.tree_model.reset_lazy(dims, counts, self.services.items.list_for_dimension,
                                       lambda: self.services.items.list(assessment_id))
        else:
            self.tree_model.reset(dims, self.services.items.list(self.assessment_id))
        if self.tree_filter.active:
            self._apply_filter()
        else:
            self._restore_expanded(expanded)
        departments = self.services.items.departments(self.assessment_id)
        self.filter_bar.set_departments(departments)
        self.item_editor.set_departments(departments)
        self._update_titles()
        if select:
            self.select(*select)

    def select(self, kind: str, row_id: int) -> None:
        if kind == ITEM and self.tree_model.lazy:
            try:
                self.tree_model.ensure_loaded(self.services.items.get(row_id).dimension_id)
            except ModelError:
                return
        index = self.tree_model.index_of(kind, row_id)
        if index.isValid():  # this row alone, whatever keys are held
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.tree.scrollTo(index)

    def select_first_item(self) -> None:
        index = self.tree_model.first_item_index()
        if index.isValid():
            self.tree.setCurrentIndex(index)

    def show_assessment_editor(self) -> None:
        if self.assessment_id is None:
            return
        self._commit_editors()
        self.tree.clearSelection()
        self.assessment_editor.show_assessment(self.services.assessments.get(self.assessment_id),
                                               self.services.narrative.sections(self.assessment_id))
        self.right.setCurrentIndex(0)
        if self.finance_panel.show_assessment(self.assessment_id):  # a finance form: show it
            self.right.setCurrentIndex(self.right.count() - 1)

    # --- selection and editing ---------------------------------------------------------------
    def _on_current(self, index: QModelIndex, _previous: QModelIndex) -> None:
        """The editor follows the current row (the last one clicked, also in a multi-selection)."""
        self._commit_editors()
        if not index.isValid():
            return
        row_id = index.data(ID_ROLE)
        try:
            if index.data(KIND_ROLE) == DIMENSION:
                self.dimension_editor.show_dimension(self.services.dimensions.get(row_id))
                self.right.setCurrentIndex(1)
            else:
                self.item_editor.show_item(self.services.items.get(row_id), self.uses_scores)
                self.evidence.show_item(row_id)
                self.right.setCurrentIndex(2)
                self._fit_evidence_pane()
        except ModelError as exc:
            self._failed(exc)

    def _fit_evidence_pane(self) -> None:
        """The evidence list as tall as its rows (a few at most): an item without evidence
        leaves the height to its text."""
        table = self.evidence.table
        rows = min(max(self.evidence.model.rowCount(), 1), 6)
        wanted = (self.evidence.sizeHint().height() - table.sizeHint().height()
                  + table.horizontalHeader().height() + rows * table.verticalHeader().defaultSectionSize()
                  + 2 * table.frameWidth() + 8)
        total = sum(self.item_page.sizes())
        if total > 0:
            height = min(wanted, total * 2 // 5)
            self.item_page.setSizes([total - height, height])

    def _commit_editors(self) -> None:
        for binder in (self.item_editor.binder, self.dimension_editor.binder,
                       self.assessment_editor.fields, self.assessment_editor.sections):
            binder.commit()

    def new_item(self) -> None:
        """A new item opens its first field, ready for typing."""
        self._commit_editors()
        before = self.undo_stack.index()
        self.structure.new_item()
        if self.undo_stack.index() != before and self.right.currentIndex() == 2:
            self.item_editor.texts["content"].edit.setFocus()

    def delete(self) -> None:
        """Several items selected: delete them all (one step); otherwise the current row."""
        self._commit_editors()
        if self.bulk.several_selected():
            self.bulk.delete()
        else:
            self.structure.delete()

    def undo(self) -> None:
        self._commit_editors()  # what is being typed becomes a step first, then is undone
        self.undo_stack.undo()

    def redo(self) -> None:
        self._commit_editors()
        self.undo_stack.redo()

    def focus_filter(self) -> None:
        self.filter_bar.text.setFocus()
        self.filter_bar.text.selectAll()

    def _filter(self, text: str, status: str, department: str) -> None:
        self.tree_filter.set(text, status, department)
        self._apply_filter()
        self.tree.setDragEnabled(not self.tree_filter.active)

    def _search(self, text: str) -> set[int]:
        self._commit_editors()  # what is being typed is searchable at once
        return self.services.search.item_ids(self.assessment_id, text) if self.assessment_id else set()

    def _apply_filter(self) -> None:
        f = self.tree_filter
        if f.active and self.tree_model.lazy:
            self.tree_model.load_all()  # a find shows matches from every dimension
        self.tree_model.set_filter(f.matches(self.tree_model.items()), f.dimension_text(),
                                   highlight=bool(f.text))
        if f.active or not self.tree_model.lazy:
            self.tree.expandAll()
        else:
            self._expand_dimensions_only()

    # --- notifications ---------------------------------------------------------------------------
    def _item_changed(self, change: Change[ItemRecord]) -> None:
        record = change.record
        self.tree_filter.forget(record.id)
        self.tree_model.update_item(record)
        self.item_editor.refresh(record)
        self._update_titles()

    def _dimension_changed(self, change: Change[DimensionRecord]) -> None:
        self.tree_model.update_dimension(change.record)
        self.dimension_editor.refresh(change.record)

    def _assessment_changed(self, change: Change[AssessmentRecord]) -> None:
        record = change.record
        self.assessment_editor.refresh_assessment(record)
        self.uses_scores = record.uses_scores
        self._fill_assessment_names()
        self._update_titles()

    def _narrative_changed(self, change: Change[NarrativeRecord]) -> None:
        self.assessment_editor.refresh_section(change.record)

    def _structure_changed(self, change: Change[None]) -> None:
        if change.row_id:
            self.reload(select=(change.row_kind, change.row_id))
        else:
            self._reload_keeping_place()

    def _reload_keeping_place(self) -> None:
        """Reload; when the row shown is gone (deleted), show the next row the clerk saw below
        it, else the one above, else nothing (the editor empties)."""
        shown = self._current_row()
        seen = self._visible_rows()
        self.reload()
        where = seen.index(shown) if shown in seen else len(seen)
        for candidate in [shown, *seen[where + 1:], *reversed(seen[:where])]:
            if candidate is not None and self.tree_model.index_of(*candidate).isValid():
                self.select(*candidate)
                return
        self.show_assessment_editor()

    def _current_row(self) -> tuple[str, int] | None:
        current = self.tree.currentIndex()
        return (current.data(KIND_ROLE), current.data(ID_ROLE)) if current.isValid() else None

    def _visible_rows(self) -> list[tuple[str, int]]:
        rows, index = [], self.tree_model.index(0, 0) if self.tree_model.rowCount() else QModelIndex()
        while index.isValid():
            rows.append((index.data(KIND_ROLE), index.data(ID_ROLE)))
            index = self.tree.indexBelow(index)
        return rows

    def _failed(self, error: ModelError) -> None:
        message = describe(error)
        title = self.tr("内容已被修改") if isinstance(error, ConflictError) else self.tr("无法完成")
        QMessageBox.warning(self, title, message + (
            "\n" + self.tr("已重新加载最新内容。") if isinstance(error, ConflictError) else ""))
        if isinstance(error, ConflictError | NotFoundError) and self.assessment_id is not None:
            shown = self._current_row()
            self._reload_keeping_place()
            if shown and shown == self._current_row() and shown[0] == ITEM:
                self.item_editor.show_item(self.services.items.get(shown[1]), self.uses_scores)

    # --- files ------------------------------------------------------------------------------------
    def new_assessment(self) -> None:
        dialog = NewAssessmentDialog(self, self.services.assessments.list())
        if dialog.exec() != NewAssessmentDialog.DialogCode.Accepted:
            return
        try:
            source = dialog.source.currentData()
            if source is None:
                record = self.services.assessments.create(dialog.unit.text(), dialog.year.value(),
                                                          title=dialog.title.text())
            else:
                record = self.services.assessments.copy_to_year(source, dialog.year.value(),
                                                                title=dialog.title.text())
        except ModelError as exc:
            self._failed(exc)
            return
        self._fill_assessments(select=record.id)

    def open_database(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("打开数据库"),
                                                  self.settings.last_folder(),
                                                  self.tr("自评数据库 (*.db);;所有文件 (*)"))
        if not path or self.opener is None:
            return
        try:
            services = self.opener(path)
        except ModelError as exc:
            QMessageBox.critical(self, self.tr("无法打开数据库"), exc.message)
            return
        self.settings.add_recent_file(path)
        window = MainWindow(services, self.settings, self.opener)
        window.show()
        self.close()

    def save_copy(self) -> None:
        saved = save_copy(self, self.services, self.settings.last_folder())
        if saved is not None:
            self.statusBar().showMessage(self.tr("已另存副本：%1").replace("%1", str(saved)), 5000)

    def import_excel(self) -> None:
        received = import_excel(self, self.services, self.assessment_id, self.settings.last_folder())
        if received is not None:
            self._fill_assessments(select=received)

    def export_word(self) -> None:
        if self.assessment_id is not None:
            self._commit_editors()
            if not offer_review(self, self.review):
                return
            self._remember_folder(export_word(self, self.services, self.assessment_id,
                                              self.settings.last_folder()))

    def export_excel(self) -> None:
        if self.assessment_id is not None:
            self._commit_editors()
            if not offer_review(self, self.review):
                return
            self._remember_folder(export_excel(self, self.services, self.assessment_id,
                                               self.settings.last_folder()))

    def print_preview(self, source: str) -> None:
        if self.assessment_id is not None:
            self._commit_editors()
            preview(self, self.services, self.assessment_id, source)

    def restore_backup(self) -> None:
        path = self.services.db.sqlite_path
        if path is None or self.opener is None:
            return
        dialog = RestoreDialog(self, path)
        if dialog.exec() != RestoreDialog.DialogCode.Accepted or dialog.chosen() is None:
            return
        self._commit_editors()
        self.services.close()
        restore_chosen(self, dialog.chosen().path, path)
        self.open_database(str(path))  # a fresh window on the restored database

    def export_evidence(self) -> None:
        if self.assessment_id is not None:
            self._remember_folder(export_evidence_package(self, self.services, self.assessment_id,
                                                          self.settings.last_folder()))

    def _remember_folder(self, path: Path | None) -> None:
        if path is not None:
            self.settings.set_last_folder(str(path.parent))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_files():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_database(p))

    # --- titles, geometry -------------------------------------------------------------------------
    def _fill_assessment_names(self) -> None:
        for summary in self.services.assessments.list():
            index = self.assessments.findData(summary.id)
            if index >= 0:
                self.assessments.setItemText(index, f"{summary.title}（{summary.items}项）")

    def _update_titles(self) -> None:
        if self.assessment_id is None:
            self.setWindowTitle(f"{self.tr('绩效自评')} — {self.services.db.display_name}")
            self.completion.setText(self.tr("数据库中还没有自评：文件 → 新建自评"))
            return
        assessment = self.services.assessments.get(self.assessment_id)
        title = assessment.title or f"{assessment.unit_name}{assessment.year}"
        self.setWindowTitle(f"{title} — {self.services.db.display_name}")
        counts = Counter(self.services.items.status_counts(self.assessment_id))  # SQL aggregate
        done = counts["已完成"] + counts["超额完成"]
        total = sum(counts.values())
        parts = [self.tr("已完成 %1 / %2").replace("%1", str(done)).replace("%2", str(total))]
        parts += [f"{status} {counts[status]}" for status in ("推进中", "未完成", "未开始")
                  if counts[status]]
        if self.finance_panel.assessment_id == self.assessment_id:
            parts = [self.finance_panel.summary()]  # total, rating and problems of the form
        self.completion.setText(" · ".join(parts))

    def _expanded_dimensions(self) -> set[int] | None:
        if self.tree_model.rowCount() == 0:
            return None
        expanded = set()
        for dim_id in self.tree_model.dimension_ids():
            index = self.tree_model.index_of(DIMENSION, dim_id)
            if index.isValid() and self.tree.isExpanded(index):
                expanded.add(dim_id)
        return expanded

    def _expand_dimensions_only(self) -> None:
        """Open the framework down to the dimensions that hold items, without loading them."""
        for dim_id in self.tree_model.dimension_ids():
            index = self.tree_model.index_of(DIMENSION, dim_id)
            node = index.internalPointer() if index.isValid() else None
            if node is not None and any(c.kind == DIMENSION for c in node.children):
                self.tree.setExpanded(index, True)

    def _restore_expanded(self, expanded: set[int] | None) -> None:
        if expanded is None:
            if self.tree_model.lazy:
                self._expand_dimensions_only()
            else:
                self.tree.expandAll()
            self._known_dims = set(self.tree_model.dimension_ids())
            return
        for dim_id in self.tree_model.dimension_ids():
            index = self.tree_model.index_of(DIMENSION, dim_id)
            # new dimensions open, the ones the user closed stay closed
            self.tree.setExpanded(index, dim_id in expanded or dim_id not in self._known_dims)
        self._known_dims = set(self.tree_model.dimension_ids())

    _known_dims: set[int] = set()

    def _restore_geometry(self) -> None:
        place(self, self.settings.geometry("main"))
        state = self.settings.geometry("main_splitter")
        if state is not None:
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes([self.width() // 3, self.width() - self.width() // 3])

    def closeEvent(self, event) -> None:
        self._commit_editors()
        path = self.services.db.sqlite_path
        if path is not None and _WINDOWS_ON[path] > 0:
            _WINDOWS_ON[path] -= 1
            if not _WINDOWS_ON[path]:  # no longer "in use" by this process
                mark_closed(path)
        self.settings.set_geometry("main", self.saveGeometry())
        self.settings.set_geometry("main_splitter", self.splitter.saveState())
        super().closeEvent(event)


def _scrolled(widget: QWidget) -> QScrollArea:
    """An editor in a scroll area, its rows packed at the top rather than spread out."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addWidget(widget)
    layout.addStretch(1)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(page)
    return area
