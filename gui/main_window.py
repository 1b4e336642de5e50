"""The main window: wires the tree, the editors, the undo stack, menus and status bar."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from gui.collect.wiring import install as install_collect
from gui.commands.base import EditContext
from gui.dialogs.evidence_tools import check_and_clean, export_evidence_package
from gui.dialogs.exports import export_excel, export_word
from gui.dialogs.import_excel import import_excel
from gui.dialogs.new_assessment import NewAssessmentDialog
from gui.dialogs.preferences import PreferencesDialog
from gui.dialogs.restore_backup import RestoreDialog
from gui.errors import describe
from gui.item_models.framework_tree import DIMENSION, ID_ROLE, ITEM, KIND_ROLE, FrameworkTreeModel
from gui.item_models.tree_filter import TreeFilter
from gui.menus import add_action
from gui.notifier import ChangeNotifier
from gui.panels.assessment_editor import AssessmentEditor
from gui.panels.dimension_editor import DimensionEditor
from gui.panels.evidence_panel import EvidencePanel
from gui.panels.filter_bar import FilterBar
from gui.panels.item_editor import ItemEditor
from gui.settings import Settings
from gui.structure_actions import StructureActions
from model.backups import restore
from model.errors import ConflictError, ModelError
from model.services import Services
from model.usage import mark_closed, mark_open

Opener = Callable[[str], Services]
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
        self._build_left()
        self._build_right()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 2)
        self.setCentralWidget(self.splitter)
        self.structure = StructureActions(self.context, self.undo_stack, self.tree, self.tree_model,
                                          self)
        self.tree_model.move_requested.connect(self.structure.move_to)
        self._build_menus()
        self._connect_notifier()
        if services.db.sqlite_path is not None:  # "in use": check --fix keeps our undo's files
            mark_open(services.db.sqlite_path)
        self._restore_geometry()
        self._fill_assessments()

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
        self.tree.selectionModel().selectionChanged.connect(self._on_selection)
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

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        add_action(file_menu, self, self.tr("新建自评…"), self.new_assessment, "Ctrl+Shift+N")
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
        file_menu.addSeparator()
        add_action(file_menu, self, self.tr("退出"), self.close, QKeySequence.StandardKey.Quit)
        self.collect_panel = install_collect(self, file_menu)  # 分发 / 汇总 / 汇总进度
        edit = bar.addMenu(self.tr("编辑(&E)"))
        self.undo_action = add_action(edit, self, self.tr("撤销"), self.undo,
                                      QKeySequence.StandardKey.Undo)
        self.redo_action = add_action(edit, self, self.tr("重做"), self.redo, "Ctrl+Shift+Z")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        edit.addSeparator()
        s = self.structure
        add_action(edit, self, self.tr("新建考评维度"), s.new_dimension, "Ctrl+Shift+D", name="new_dim")
        add_action(edit, self, self.tr("新建下级维度"), s.new_sub_dimension, name="new_sub")
        add_action(edit, self, self.tr("新建自查事项"), s.new_item, "Ctrl+N", name="new_item")
        add_action(edit, self, self.tr("删除…"), s.delete, "Ctrl+Delete", name="delete")
        add_action(edit, self, self.tr("上移"), s.move_up, "Alt+Up", name="up")
        add_action(edit, self, self.tr("下移"), s.move_down, "Alt+Down", name="down")
        edit.addSeparator()
        add_action(edit, self, self.tr("查找"), self.focus_filter, QKeySequence.StandardKey.Find)
        tools = bar.addMenu(self.tr("工具(&T)"))
        add_action(tools, self, self.tr("检查数据库与证明材料…"),
                   lambda: check_and_clean(self, self.services, self.undo_stack), name="check")
        add_action(tools, self, self.tr("从备份恢复…"), self.restore_backup, name="restore")
        add_action(tools, self, self.tr("首选项…"), lambda: PreferencesDialog(self, self.settings).exec())
        self._fill_recent()

    def _connect_notifier(self) -> None:
        n = self.notifier
        n.item_changed.connect(self._item_changed)
        n.dimension_changed.connect(self._dimension_changed)
        n.assessment_changed.connect(self._assessment_changed)
        n.narrative_changed.connect(self.assessment_editor.refresh_section)
        n.structure_changed.connect(self._structure_changed)
        n.failed.connect(self._failed)

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
        if index.isValid():
            self.tree.setCurrentIndex(index)
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

    # --- selection and editing ---------------------------------------------------------------
    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._commit_editors()
        indexes = selected.indexes()
        if not indexes:
            return
        index = indexes[0]
        row_id = index.data(ID_ROLE)
        try:
            if index.data(KIND_ROLE) == DIMENSION:
                self.dimension_editor.show_dimension(self.services.dimensions.get(row_id))
                self.right.setCurrentIndex(1)
            else:
                self.item_editor.show_item(self.services.items.get(row_id), self.uses_scores)
                self.evidence.show_item(row_id)
                self.right.setCurrentIndex(2)
        except ModelError as exc:
            self._failed(exc)

    def _commit_editors(self) -> None:
        for binder in (self.item_editor.binder, self.dimension_editor.binder,
                       self.assessment_editor.fields, self.assessment_editor.sections):
            binder.commit()

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
    def _item_changed(self, record: object) -> None:
        self.tree_filter.forget(record.id)  # type: ignore[attr-defined]
        self.tree_model.update_item(record)  # type: ignore[arg-type]
        self.item_editor.refresh(record)  # type: ignore[arg-type]
        self._update_titles()

    def _dimension_changed(self, record: object) -> None:
        self.tree_model.update_dimension(record)  # type: ignore[arg-type]
        self.dimension_editor.refresh(record)  # type: ignore[arg-type]

    def _assessment_changed(self, record: object) -> None:
        self.assessment_editor.refresh_assessment(record)  # type: ignore[arg-type]
        self.uses_scores = record.uses_scores  # type: ignore[attr-defined]
        self._fill_assessment_names()
        self._update_titles()

    def _structure_changed(self, kind: str, row_id: int) -> None:
        self.reload(select=(kind, row_id) if row_id else None)

    def _failed(self, error: object) -> None:
        message = describe(error)  # type: ignore[arg-type]
        title = self.tr("内容已被修改") if isinstance(error, ConflictError) else self.tr("无法完成")
        QMessageBox.warning(self, title, message + (
            "\n" + self.tr("已重新加载最新内容。") if isinstance(error, ConflictError) else ""))
        if isinstance(error, ConflictError):
            current = self.tree.currentIndex()
            select = (current.data(KIND_ROLE), current.data(ID_ROLE)) if current.isValid() else None
            self.reload(select=select)
            if select and select[0] == ITEM:
                self.item_editor.show_item(self.services.items.get(select[1]), self.uses_scores)

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
        source = self.services.db.sqlite_path
        if source is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("另存副本为"),
                                              str(Path(self.settings.last_folder() or ".")
                                                  / f"{source.stem}-副本.db"),
                                              self.tr("自评数据库 (*.db)"))
        if not name:
            return
        target = sqlite3.connect(name)
        origin = sqlite3.connect(str(source))
        try:
            origin.backup(target)  # a consistent copy of a live database
        finally:
            origin.close()
            target.close()
        self.statusBar().showMessage(self.tr("已另存副本：%1").replace("%1", name), 5000)

    def import_excel(self) -> None:
        received = import_excel(self, self.services, self.assessment_id, self.settings.last_folder())
        if received is not None:
            self._fill_assessments(select=received)

    def export_word(self) -> None:
        if self.assessment_id is not None:
            self._commit_editors()
            self._remember_folder(export_word(self, self.services, self.assessment_id,
                                              self.settings.last_folder()))

    def export_excel(self) -> None:
        if self.assessment_id is not None:
            self._commit_editors()
            self._remember_folder(export_excel(self, self.services, self.assessment_id,
                                               self.settings.last_folder()))

    def restore_backup(self) -> None:
        path = self.services.db.sqlite_path
        if path is None or self.opener is None:
            return
        dialog = RestoreDialog(self, path)
        if dialog.exec() != RestoreDialog.DialogCode.Accepted or dialog.chosen() is None:
            return
        self._commit_editors()
        self.services.close()
        try:
            restore(dialog.chosen().path, path)
        except ModelError as exc:
            QMessageBox.critical(self, self.tr("无法恢复"), exc.message)
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
            self.statusBar().showMessage(self.tr("数据库中还没有自评：文件 → 新建自评"))
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
        self.statusBar().showMessage(" · ".join(parts))

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
        geometry = self.settings.geometry("main")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = self.settings.geometry("main_splitter")
        if state is not None:
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes([430, 850])

    def closeEvent(self, event) -> None:
        self._commit_editors()
        if self.services.db.sqlite_path is not None:  # no longer "in use" by this process
            mark_closed(self.services.db.sqlite_path)
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
