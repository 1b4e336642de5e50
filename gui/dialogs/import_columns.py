"""The import preview's table: the sheet's first rows, with a field chooser above each column."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from gui.format_text import field_label
from importers.header_finder import PlannedColumn
from model.vocabulary import ITEM_FIELDS

SAMPLE_ROWS = 8


def field_labels(widget: QWidget) -> dict[str, str]:
    """Every field a column may fill, as the chooser names it: the item fields by their labels
    (model.vocabulary), then what places an item or leaves the column out."""
    tr = widget.tr
    return {
        **{spec.code: field_label(spec) for spec in ITEM_FIELDS if spec.importable},
        "seq": tr("序号（自动编号）"),
        "dimension_1": tr("一级维度"), "dimension_2": tr("二级维度"), "dimension_3": tr("三级维度"),
        "extra": tr("保留为附加字段"), "skip": tr("不导入"),
    }


class ColumnTable(QTableWidget):
    """Row 0 holds one chooser per column; the rows under it show the sheet's first rows."""

    def __init__(self, parent: QWidget, on_choice: Callable[[str, str], None]) -> None:
        super().__init__(parent)
        self.on_choice = on_choice
        self.choosers: dict[str, QComboBox] = {}
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setDefaultSectionSize(130)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)

    def show_columns(self, columns: tuple[PlannedColumn, ...],
                     sample: list[tuple[int, list[str]]]) -> None:
        labels = field_labels(self)
        self.clear()
        self.choosers = {}
        self.setColumnCount(len(columns))
        self.setRowCount(1 + min(len(sample), SAMPLE_ROWS))
        self.setHorizontalHeaderLabels([c.header for c in columns])
        sure = {"high": self.tr("把握大"), "medium": self.tr("把握一般"), "low": self.tr("把握小，请核对")}
        for index, column in enumerate(columns):  # why the field was proposed, and how surely
            header = self.horizontalHeaderItem(index)
            if header is not None and column.reason:
                header.setToolTip(f"{sure.get(column.confidence, '')}：{column.reason}")
        self.setVerticalHeaderLabels([self.tr("字段"), *(str(row) for row, _cells in sample[:SAMPLE_ROWS])])
        for index, column in enumerate(columns):
            chooser = QComboBox(self)
            for name, label in labels.items():
                chooser.addItem(label, name)
            chooser.setCurrentIndex(max(chooser.findData(column.field), 0))
            chooser.setAccessibleName(self.tr("“%1”列的字段").replace("%1", column.header))
            chooser.currentIndexChanged.connect(
                lambda _i, header=column.header, box=chooser: self.on_choice(header, box.currentData()))
            self.setCellWidget(0, index, chooser)
            self.choosers[column.header] = chooser
        for row, (_number, cells) in enumerate(sample[:SAMPLE_ROWS], start=1):
            for index, text in enumerate(cells):
                item = QTableWidgetItem(text.replace("\n", " ⏎ "))
                item.setToolTip(text)
                self.setItem(row, index, item)
