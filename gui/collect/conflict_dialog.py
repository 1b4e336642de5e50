"""The collect's conflicts side by side (分发时 / 现值 / 处室填报, per field): the clerk chooses or edits;
every changed field of a row with a conflict is shown with it (状态 beside 落实情况), so nothing
changes silently; and the rows departments added, offered as new items (never added unless ticked)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from model.collect.fields import label_of
from model.collect.merge import Resolutions
from model.collect.records import CollectResult, FieldChange, NewRow

MINE, THEIRS, EDITED = 0, 1, 2
CHOICE_COLUMN, RESULT_COLUMN = 6, 7


class ConflictDialog(QDialog):
    def __init__(self, parent: QWidget | None, result: CollectResult,
                 contents: dict[int, str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("汇总：处理冲突与新增事项"))
        self.resize(1240, 620)
        self.collect_result = result
        layout = QVBoxLayout(self)
        intro = self.tr("以下字段在分发后处室和本处都改过。请逐项选择采用哪一个，或在“采用结果”中直接修改：")
        layout.addWidget(QLabel(intro, self))
        self.entries = rows_shown(result)  # (change, is a conflict)
        self.table = QTableWidget(len(self.entries), RESULT_COLUMN + 1, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("序号"), self.tr("事项"), self.tr("字段"), self.tr("分发时"), self.tr("现值"),
            self.tr("处室填报"), self.tr("采用"), self.tr("采用结果")])
        self.table.setWordWrap(True)
        self.choices: list[QComboBox] = []
        first_of_item: dict[tuple[int, str], int] = {}
        for row, (change, conflict) in enumerate(self.entries):
            label = self.tr(label_of(change.field))
            if not conflict:
                label = self.tr("%1（仅处室改动）").replace("%1", label)
            texts = [str(change.seq), contents.get(change.item_id, ""), label, change.base,
                     change.mine, change.theirs]
            for column, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, cell)
            self.table.setItem(row, RESULT_COLUMN,
                               QTableWidgetItem(change.mine if conflict else change.theirs))
            choice = QComboBox(self.table)
            choice.addItems([self.tr("保留现值"), self.tr("采用处室填报"), self.tr("自行编辑")])
            choice.setCurrentIndex(MINE if conflict else THEIRS)
            choice.currentIndexChanged.connect(lambda index, r=row: self._chosen(r, index))
            self.table.setCellWidget(row, CHOICE_COLUMN, choice)
            self.choices.append(choice)
            key = (change.item_id, change.file)
            if key in first_of_item:  # one row of the workbook: 序号 and 事项 span its fields
                first = first_of_item[key]
                for column in (0, 1):
                    self.table.setSpan(first, column, row - first + 1, 1)
            else:
                first_of_item[key] = row
        widths = {0: 40, 1: 150, 2: 80, 3: 170, 4: 170, 5: 170, CHOICE_COLUMN: 120}
        for column, width in widths.items():
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)  # 采用结果 takes the rest
        self.table.verticalHeader().hide()
        self.table.itemChanged.connect(self._edited)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table, 3)
        layout.addWidget(QLabel(self.tr("处室新增的行（勾选的将作为新事项加入所属维度）："), self))
        self.new_rows = QListWidget(self)
        for new in result.new_rows:
            entry = QListWidgetItem(self.tr("%1 第 %2 行：%3（%4）").replace("%1", new.file)
                                    .replace("%2", str(new.row)).replace("%3", new.content)
                                    .replace("%4", new.path or self.tr("维度未知")))
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            if new.dimension_id is None:
                entry.setFlags(entry.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            entry.setCheckState(Qt.CheckState.Unchecked)
            self.new_rows.addItem(entry)
        layout.addWidget(self.new_rows, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("汇总"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def result_cell(self, row: int) -> QTableWidgetItem:
        cell = self.table.item(row, RESULT_COLUMN)
        assert cell is not None  # every row's cell is set when the table is built
        return cell

    def _chosen(self, row: int, index: int) -> None:
        conflict = self.entries[row][0]
        if index in (MINE, THEIRS):
            self.table.blockSignals(True)
            self.result_cell(row).setText(conflict.mine if index == MINE else conflict.theirs)
            self.table.blockSignals(False)

    def _edited(self, cell: QTableWidgetItem) -> None:
        if cell.column() == RESULT_COLUMN:
            choice = self.choices[cell.row()]
            conflict = self.entries[cell.row()][0]
            index = {conflict.mine: MINE, conflict.theirs: THEIRS}.get(cell.text(), EDITED)
            choice.blockSignals(True)
            choice.setCurrentIndex(index)
            choice.blockSignals(False)

    def resolutions(self) -> Resolutions:
        """(item, field) → the value chosen: every conflict (kept or not, it is settled and not
        asked again), and every other field shown that the clerk did not take as the department
        sent it."""
        chosen: Resolutions = {}
        for row, (change, conflict) in enumerate(self.entries):
            text = self.result_cell(row).text()
            if conflict or text != change.theirs:
                chosen[(change.item_id, change.field)] = text
        return chosen

    def accepted_rows(self) -> list[NewRow]:
        return [new for index, new in enumerate(self.collect_result.new_rows)
                if self.new_rows.item(index).checkState() == Qt.CheckState.Checked]


def rows_shown(result: CollectResult) -> list[tuple[FieldChange, bool]]:
    """Each conflict with every other field the same workbook row changes, row by row."""
    conflicted = {(c.item_id, c.file) for c in result.conflicts}
    conflict_keys = {(c.item_id, c.file, c.field) for c in result.conflicts}
    order: dict[tuple[int, str], list[tuple[FieldChange, bool]]] = {}
    for change in result.conflicts:
        order.setdefault((change.item_id, change.file), []).append((change, True))
    for change in result.applied:
        key = (change.item_id, change.file)
        if key in conflicted and (*key, change.field) not in conflict_keys:
            order[key].append((change, False))
    return [entry for entries in order.values() for entry in entries]
