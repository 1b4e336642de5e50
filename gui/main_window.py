"""The main window: wiring of the framework tree, the detail panel, menus and status bar."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import QMainWindow, QSplitter, QTreeView

from gui.item_models.framework_tree import DIMENSION, ID_ROLE, KIND_ROLE, FrameworkTreeModel
from gui.panels.item_view import ItemView
from gui.settings import Settings
from model.services import Services


class MainWindow(QMainWindow):
    def __init__(self, services: Services, settings: Settings) -> None:
        super().__init__()
        self.services = services
        self.settings = settings
        self.assessment_id: int | None = None
        self.tree_model = FrameworkTreeModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.detail = ItemView(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(1, 2)
        self.setCentralWidget(self.splitter)
        self.tree.selectionModel().selectionChanged.connect(self._on_selection)
        self._restore_geometry()
        self.open_first_assessment()

    def open_first_assessment(self) -> None:
        summaries = self.services.assessments.list()
        if summaries:
            self.open_assessment(summaries[0].id)

    def open_assessment(self, assessment_id: int) -> None:
        self.assessment_id = assessment_id
        self.reload()
        self.tree.expandAll()

    def reload(self) -> None:
        if self.assessment_id is None:
            return
        dims = self.services.dimensions.list(self.assessment_id)
        items = self.services.items.list(self.assessment_id)
        self.tree_model.reset(dims, items)
        self._update_titles(items)

    def select_first_item(self) -> None:
        index = self.tree_model.first_item_index()
        if index.isValid():
            self.tree.setCurrentIndex(index)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        index = indexes[0]
        record_id = index.data(ID_ROLE)
        if index.data(KIND_ROLE) == DIMENSION:
            self.detail.show_dimension(self.services.dimensions.get(record_id))
        else:
            self.detail.show_item(self.services.items.get(record_id))

    def _update_titles(self, items: list) -> None:
        assessment = self.services.assessments.get(self.assessment_id)  # type: ignore[arg-type]
        title = assessment.title or f"{assessment.unit_name}{assessment.year}"
        self.setWindowTitle(f"{title} — {self.services.db.display_name}")
        counts = Counter(item.status for item in items)
        done = counts["已完成"] + counts["超额完成"]
        parts = [self.tr("已完成 %1 / %2").replace("%1", str(done)).replace("%2", str(len(items)))]
        parts += [f"{status} {counts[status]}" for status in ("推进中", "未完成", "未开始")
                  if counts[status]]
        self.statusBar().showMessage(" · ".join(parts))

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
            self.splitter.setSizes([420, 860])

    def closeEvent(self, event) -> None:
        self.settings.set_geometry("main", self.saveGeometry())
        self.settings.set_geometry("main_splitter", self.splitter.saveState())
        super().closeEvent(event)
