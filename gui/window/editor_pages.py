"""The right side of the window: one page per kind of row (assessment, dimension, item with its
evidence, finance form), following the row the clerk chose in the tree."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QScrollArea, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from gui.commands.base import EditContext
from gui.infra.undo_target import UndoTarget
from gui.item_models.framework_tree import DIMENSION
from gui.panels.assessment_editor import AssessmentEditor
from gui.panels.dimension_editor import DimensionEditor
from gui.panels.evidence_panel import EvidencePanel
from gui.panels.field_binding import FieldBinder
from gui.panels.finance_panel import FinancePanel
from gui.panels.item_editor import ItemEditor

ASSESSMENT_PAGE, DIMENSION_PAGE, ITEM_PAGE = 0, 1, 2


class EditorPages(QStackedWidget):
    # The editor holding the focus turns to another row (the one typed in was deleted in another
    # window, or undone): the focus must leave it, or the words still being typed land in that
    # other row's field (the next item's 年度任务目标, or 单位名称).
    focus_released = Signal()

    def __init__(self, context: EditContext, stack: UndoTarget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = context.services
        self.assessment_editor = AssessmentEditor(context, stack)
        self.dimension_editor = DimensionEditor(context, stack)
        self.item_editor = ItemEditor(context, stack)
        self.evidence = EvidencePanel(context, stack)
        item_page = QSplitter(Qt.Orientation.Vertical)
        item_page.addWidget(_scrolled(self.item_editor))
        item_page.addWidget(self.evidence)
        item_page.setStretchFactor(0, 3)
        self.item_page = item_page
        for page in (_scrolled(self.assessment_editor), _scrolled(self.dimension_editor), item_page):
            self.addWidget(page)
        self._shown: tuple[str, int] | None = None  # the row (or assessment) the editor shows
        self.empty_page = QWidget()  # no assessment (the last one deleted): nothing to edit
        self.addWidget(self.empty_page)
        # 项目支出/部门整体绩效自评表 (issue #15): the form with live scores, on its own page
        self.finance_panel = FinancePanel(context, stack)
        self.finance_panel.info_requested.connect(lambda: self.setCurrentIndex(ASSESSMENT_PAGE))
        self.addWidget(_scrolled(self.finance_panel))

    def commit(self) -> None:
        """What is being typed is saved now (before a structural change, a search, an export)."""
        for binder in self._binders():
            binder.commit()
        self.evidence.commit()

    def unsaved(self) -> list[str]:
        """The fields whose typed text the database refused (tried again at the next save)."""
        return [label for binder in self._binders() for label in binder.unsaved()]

    def _binders(self) -> tuple[FieldBinder, ...]:
        return (self.item_editor.binder, self.dimension_editor.binder,
                self.assessment_editor.fields, self.assessment_editor.sections)

    def show_assessment(self, assessment_id: int) -> None:
        self.assessment_editor.show_assessment(self.services.assessments.get(assessment_id),
                                               self.services.narrative.sections(assessment_id))
        self._turn_to(("assessment", assessment_id))
        self.setCurrentIndex(ASSESSMENT_PAGE)
        if self.finance_panel.show_assessment(assessment_id):  # a finance form: show it
            self.setCurrentIndex(self.count() - 1)

    def show_nothing(self) -> None:
        """No assessment left: no editor still showing (and editing) one that is gone."""
        self._turn_to(None)
        self.setCurrentWidget(self.empty_page)

    def show_row(self, kind: str, row_id: int, uses_scores: bool) -> None:
        """Raises ModelError when the row is gone (the window shows it and reloads)."""
        self._turn_to((kind, row_id))
        if kind == DIMENSION:
            self.dimension_editor.show_dimension(self.services.dimensions.get(row_id))
            self.setCurrentIndex(DIMENSION_PAGE)
        else:
            self.item_editor.show_item(self.services.items.get(row_id), uses_scores)
            self.evidence.show_item(row_id)
            self.setCurrentIndex(ITEM_PAGE)
            self._fit_evidence_pane()

    def _turn_to(self, shown: tuple[str, int] | None) -> None:
        focused = self.window().focusWidget()  # also while another window is the active one
        if shown != self._shown and focused is not None and self.isAncestorOf(focused):
            self.focus_released.emit()
        self._shown = shown

    def showing_item(self) -> bool:
        return self.currentIndex() == ITEM_PAGE

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


def _scrolled(widget: QWidget) -> QScrollArea:
    """An editor in a scroll area, its rows packed at the top rather than spread out."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addWidget(widget)
    layout.addStretch(1)
    area = QScrollArea()
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from the tree straight to 状态
    area.setWidgetResizable(True)
    area.setWidget(page)
    return area
