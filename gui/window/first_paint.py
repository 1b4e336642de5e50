"""The window's first paint: the main window's menus, toolbar and framework tree, read in plain SQL
(model.framework.first_view), shown before SQLAlchemy and the services load. The main window then takes its
place, with what the clerk did meanwhile: the size and place, the assessment chosen, the find and
filters, the row chosen, what was opened or closed in the tree, the focus, and the menu entries
triggered (run in the main window, in order)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from gui.infra import accelerators
from gui.infra.geometry import place
from gui.infra.settings import Settings
from gui.item_models.framework_tree import (
    DIMENSION,
    ID_ROLE,
    KIND_ROLE,
    LAZY_ITEMS,
    FrameworkTreeModel,
)
from gui.item_models.tree_columns import known
from gui.panels.filter_bar import FilterBar
from gui.window.menus import TOOLBAR, add_toolbar, build_menus, export_actions
from gui.window.status_line import assessment_label, completion_line, window_title
from gui.window.tree_header import lay_out_header, show_optional
from model.finance.layouts import FINANCE_KINDS  # their status line is the form's score: later
from model.framework.first_view import FirstView, read_first_view

if TYPE_CHECKING:
    from gui.window.main_window import MainWindow


class _Recorder(dict[str, Callable[[], object]]):
    """Every menu entry's slot: remember its name, to be triggered in the main window."""

    def __init__(self, pressed: list[str]) -> None:
        super().__init__()
        self.pressed = pressed

    def __missing__(self, name: str) -> Callable[[], object]:
        return lambda: self.pressed.append(name)


class FirstPaint(QMainWindow):
    """Looks as the main window does when it opens (the editor side empty until it is there)."""

    def __init__(self, view: FirstView, settings: Settings) -> None:
        super().__init__()
        self.view, self.settings = view, settings
        self.pressed: list[str] = []
        self.closed_by_clerk = False
        self._handing_over = False
        self._build_menus()
        self.assessments = QComboBox(self)
        for summary in view.assessments:
            self.assessments.addItem(assessment_label(summary.title, summary.items), summary.id)
        info = QPushButton(QCoreApplication.translate("FrameworkPane", "自评信息与总结段落"), self)
        self.filter_bar = FilterBar(self)
        self.filter_bar.set_departments(view.departments)
        self.tree_model = FrameworkTreeModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.tree_model)
        lay_out_header(self.tree)  # the columns the main window will show, as it shows them
        show_optional(self.tree, known(settings.tree_columns()))
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        left = QWidget(self)
        top = QHBoxLayout()
        top.addWidget(self.assessments, 1)
        top.addWidget(info)
        layout = QVBoxLayout(left)
        layout.setContentsMargins(4, 4, 0, 4)
        layout.addLayout(top)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.tree, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(QWidget(self))
        self.splitter.setStretchFactor(1, 2)
        self.setCentralWidget(self.splitter)
        self._fill_tree()
        self._titles()
        place(self, *settings.window_rect("main"))
        state = settings.geometry("main_splitter")
        if state is not None:
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes([self.width() // 3, self.width() - self.width() // 3])

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate("MainWindow", text)  # the main window's strings

    def _build_menus(self) -> None:
        slots = _Recorder(self.pressed)
        build_menus(self, slots, exports=export_actions(
            self.settings.export_entries() or export_entries()))
        actions = {a.objectName(): a for a in self.findChildren(QAction) if a.objectName()}
        for name in ("undo", "redo"):  # nothing to undo yet, as in the main window
            actions[name].setEnabled(False)
        add_toolbar(self, [actions.get(name) for name in TOOLBAR])
        accelerators.assign_all(self)

    def _fill_tree(self) -> None:
        view, model = self.view, self.tree_model
        if view.items is not None:
            model.reset(view.dimensions, view.items)
            self.tree.expandAll()
            return
        model.reset_lazy(view.dimensions, view.counts, view.dimension_items)
        for dim_id in model.dimension_ids():  # down to the dimensions holding items, unread
            if model.has_sub_dimensions(dim_id):
                self.tree.setExpanded(model.index_of(DIMENSION, dim_id), True)

    def _titles(self) -> None:
        assessment = self.view.assessment
        assert assessment is not None
        self.setWindowTitle(window_title(assessment, self.view.display_name))
        status = ("" if assessment.kind in FINANCE_KINDS
                  else completion_line(self.view.status_counts))
        self.statusBar().addPermanentWidget(QLabel(status, self))  # on the right, as the main window's

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed_by_clerk = not self._handing_over
        super().closeEvent(event)

    # --- the main window takes over ----------------------------------------------------------
    def hand_over(self, window: MainWindow) -> bool:
        """Show window in this one's place and state, then close this one; False (window not
        shown) when the clerk closed this window meanwhile."""
        QApplication.processEvents()  # what the clerk did while the services loaded lands here
        if self.closed_by_clerk:
            return False
        if self.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
            window.setWindowState(self.windowState())
        else:
            window.setGeometry(self.geometry())
        window.splitter.setSizes(self.splitter.sizes())
        self._carry_choices(window)
        focus = QApplication.focusWidget()
        window.show()
        if focus is self.filter_bar.text:
            window.filter_bar.text.setFocus()
            window.filter_bar.text.setCursorPosition(self.filter_bar.text.cursorPosition())
        elif focus is self.tree:
            window.tree.setFocus()
        self._handing_over = True
        self.close()
        QApplication.processEvents()  # laid out: the scroll position can be kept
        window.tree.verticalScrollBar().setValue(self.tree.verticalScrollBar().value())
        for name in self.pressed:
            action = window.action(name)
            if action is not None and action.isEnabled():
                action.trigger()
        return True

    def _carry_choices(self, window: MainWindow) -> None:
        chosen = self.assessments.currentData()
        left = window.left
        if chosen is not None and chosen != left.assessments.currentData():
            left.assessments.setCurrentIndex(max(left.assessments.findData(chosen), 0))
            return  # another assessment: its own tree, nothing of this one's to keep
        bar, theirs = self.filter_bar, window.filter_bar
        theirs.text.setText(bar.text.text())
        theirs.status.setCurrentIndex(max(theirs.status.findData(bar.status.currentData()), 0))
        theirs.department.setCurrentIndex(
            max(theirs.department.findData(bar.department.currentData()), 0))
        for dim_id in self.tree_model.dimension_ids():  # opened or closed by the clerk
            mine = self.tree_model.index_of(DIMENSION, dim_id)
            index = window.tree_model.index_of(DIMENSION, dim_id)
            if mine.isValid() and index.isValid():
                window.tree.setExpanded(index, self.tree.isExpanded(mine))
        current: QModelIndex = self.tree.currentIndex()
        if current.isValid():
            window.select(current.data(KIND_ROLE), current.data(ID_ROLE))


def export_entries() -> list[tuple[str, str]]:
    """The export formats' names and labels, from the registry (which loads every format)."""
    from exporters.registry import export_formats

    return [(fmt.name, fmt.label) for fmt in export_formats()]


def remember_export_entries(settings: Settings) -> None:
    """For the next start's first paint: the export entries, without loading the registry."""
    settings.set_export_entries(export_entries())


def first_paint(db: str | None, settings: Settings) -> FirstPaint | None:
    """The first paint of the database at db (--db; None: the default one), shown and painted;
    None when it is not a file readable as it is (the main window then opens the usual way)."""
    view = read_first_view(db, whole_tree_up_to=LAZY_ITEMS)
    if view is None or view.assessment is None:
        return None
    window = FirstPaint(view, settings)
    window.show()
    painted_now(window)
    return window


EXPOSED_WITHIN_S = 2.0  # how long the first paint waits for the display to show its window


def painted_now(window: QWidget) -> None:
    """Paint the window now, before the services load (which hold the GUI thread for seconds
    on a large database, its day's backup among them). On a real display the window is exposed
    only when the display server has answered its showing, after show() returned; a paint asked
    before that is lost, and the clerk would look at an empty (black) window until the main one
    is ready. So wait, briefly, for the exposure, then paint at once."""
    handle = window.windowHandle()
    deadline = time.monotonic() + EXPOSED_WITHIN_S
    QApplication.processEvents()
    while handle is not None and not handle.isExposed() and time.monotonic() < deadline:
        time.sleep(0.005)
        QApplication.processEvents()
    window.repaint()
    QApplication.processEvents()
