"""The import preview's table: every row of the sheet (virtual scrolling) under a bar of field
choosers, one above each column, that stays in view while the rows scroll."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.dialogs.import_rows import RowPlan, SheetRows
from gui.infra.format_text import field_label
from importers.header_finder import PlannedColumn
from model.vocabulary import FIELDS_BY_CODE, IMPORTABLE_FIELDS

COLUMN_WIDTH = 150
STATE_WIDTH = 160  # 导入为: 事项, or why a row is left out (the tooltip has it all)
# The chooser's order: the fields a clerk looks for first, then the rest.
CHOOSER_ORDER = ("content", "target", "result", "status", "department", "owner", "deadline", "note",
                 "seq", "dimension_1", "dimension_2", "dimension_3", "progress_q1", "progress_q2",
                 "progress_q3", "progress_q4", "indicator_target", "indicator_actual", "score_max",
                 "score", "deviation_reason", "extra", "skip")


def field_labels(widget: QWidget) -> dict[str, str]:
    """Every field a column may fill, as the chooser names it: an item field by the label the
    item editor shows (the vocabulary's), the rest by what a column of them is; the fields a clerk
    looks for first come first."""
    tr = widget.tr
    others = {"seq": tr("序号（自动编号）"), "dimension_1": tr("一级维度"), "dimension_2": tr("二级维度"),
              "dimension_3": tr("三级维度"), "extra": tr("保留为附加字段"), "skip": tr("不导入")}
    order = [*(n for n in CHOOSER_ORDER if n in IMPORTABLE_FIELDS or n in others),
             *(n for n in IMPORTABLE_FIELDS if n not in CHOOSER_ORDER)]
    return {name: field_label(FIELDS_BY_CODE[name]) if name in FIELDS_BY_CODE else others[name]
            for name in order}


class ColumnTable(QWidget):
    """The chooser bar over a QTableView of the sheet's rows; `choosers` by column header."""

    def __init__(self, parent: QWidget, on_choice: Callable[[str, str], None],
                 on_include: Callable[[int, bool], None]) -> None:
        super().__init__(parent)
        self.on_choice = on_choice
        self.choosers: dict[str, QComboBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.bar = QWidget(self)
        self.bar.setFixedHeight(QComboBox().sizeHint().height() + 2)
        self.bar_label = QLabel(self.tr("字段"), self.bar)
        self.bar_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.bar)
        self.view = QTableView(self)
        self.view.setAccessibleName(self.tr("表格内容"))
        self.view.setWordWrap(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(COLUMN_WIDTH)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        layout.addWidget(self.view, 1)
        self.rows = SheetRows(self, on_include)
        self.view.setModel(self.rows)
        header.sectionResized.connect(lambda *_a: self._place())
        header.geometriesChanged.connect(self._place)
        self.view.horizontalScrollBar().valueChanged.connect(lambda _v: self._place())
        self.view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._place()
        return super().eventFilter(watched, event)

    def show_sheet(self, plan: RowPlan) -> None:
        """The sheet's rows and a chooser per column; the same sheet read again (a field chosen, a
        row ticked in) stays scrolled where the clerk was."""
        same = self.rows.plan.grid is plan.grid and plan.grid is not None
        vertical, horizontal = self.view.verticalScrollBar(), self.view.horizontalScrollBar()
        kept = (vertical.value(), horizontal.value())
        self.rows.show(plan)
        self.view.setColumnWidth(0, STATE_WIDTH)
        self.show_columns(plan.columns)
        if same:
            vertical.setValue(kept[0])
            horizontal.setValue(kept[1])

    def show_columns(self, columns: tuple[PlannedColumn, ...]) -> None:
        """One chooser per column, set to its proposed field; the reason in the header's tooltip."""
        labels = field_labels(self)
        for box in self.choosers.values():
            box.deleteLater()
        self.choosers = {}
        for column in columns:
            chooser = QComboBox(self.bar)
            chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            chooser.setMinimumContentsLength(3)
            for name, label in labels.items():
                chooser.addItem(label, name)
            chooser.setCurrentIndex(max(chooser.findData(column.field), 0))
            chooser.setAccessibleName(self.tr("“%1”列的字段").replace("%1", column.header))
            chooser.setToolTip(self.tr("“%1”列导入为哪个字段").replace("%1", column.header))
            chooser.currentIndexChanged.connect(
                lambda _i, header=column.header, box=chooser: self.on_choice(header, box.currentData()))
            chooser.show()
            self.choosers[column.header] = chooser
        self._place()

    def _place(self) -> None:
        """Each chooser over its column, wherever the columns are scrolled or resized to."""
        header = self.view.horizontalHeader()
        origin = header.viewport().mapTo(self, QPoint(0, 0)).x()
        visible = header.viewport().width()
        self.bar_label.setGeometry(0, 0, max(origin + header.sectionViewportPosition(0)
                                             + header.sectionSize(0) - 4, 0), self.bar.height())
        for section, box in enumerate(self.choosers.values(), start=1):
            x, width = header.sectionViewportPosition(section), header.sectionSize(section)
            left, right = max(x, 0), min(x + width, visible)
            box.setVisible(right - left > 24)
            box.setGeometry(origin + left, 1, max(right - left, 0), self.bar.height() - 2)
