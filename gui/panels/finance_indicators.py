"""The indicator tree of a finance form: 一级 → 二级 → 三级指标, live score, problems marked in place."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from model.finance.records import IndicatorRow
from model.scoring.form import FormScore
from model.scoring.rules import IndicatorScore
from model.scoring.target_text import format_number

# Column → the item field it edits ("" = shown only).
COLUMNS = ("content", "indicator_target", "indicator_actual", "score_max", "score", "deviation_reason")
NUMBER_FIELDS = ("score_max", "score")
PROBLEM = QColor("#fde2e1")
RED = QColor("#c0392b")
NOTE = QColor("#5d6d7e")
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SHOWN_ROLE = Qt.ItemDataRole.UserRole + 2  # the stored value a cell shows (what an edit is based on)


class IndicatorTree(QTreeWidget):
    """Edits go out as edit_requested(item id, field, shown, new), shown being the stored value
    the cell showed before the clerk typed; show() paints the scores."""

    edit_requested = Signal(int, str, object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(len(COLUMNS))
        self.setHeaderLabels([self.tr("指标"), self.tr("年度指标值"), self.tr("实际完成值"),
                              self.tr("分值"), self.tr("得分"), self.tr("偏差原因分析及改进措施")])
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.header().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.setEditTriggers(QTreeWidget.EditTrigger.DoubleClicked
                             | QTreeWidget.EditTrigger.EditKeyPressed
                             | QTreeWidget.EditTrigger.SelectedClicked)
        self.setAlternatingRowColors(True)
        self._rows: dict[int, QTreeWidgetItem] = {}
        self._groups: dict[tuple[str, ...], QTreeWidgetItem] = {}
        self._loading = False
        self.itemChanged.connect(self._changed)

    def show_form(self, rows: list[IndicatorRow], score: FormScore) -> None:
        """Rebuild the tree (indicators added or removed) and paint the scores."""
        self._loading = True
        self.clear()
        self._rows.clear()
        groups: dict[tuple[str, ...], QTreeWidgetItem] = {}
        self._groups = groups
        for row in rows:
            parent = self._group(groups, (row.indicator.level1,))
            if row.indicator.level2:
                parent = self._group(groups, (row.indicator.level1, row.indicator.level2), parent)
            item = QTreeWidgetItem(parent, [row.indicator.name])
            item.setData(0, ITEM_ID_ROLE, row.item_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self._rows[row.item_id] = item
        self.expandAll()
        self._loading = False
        self.paint(rows, score)

    def paint(self, rows: list[IndicatorRow], score: FormScore) -> None:
        """Values, the live score, and each problem in place (red 偏差原因 where one is needed)."""
        self._loading = True
        for row, scored in zip(rows, score.indicators, strict=True):
            item = self._rows.get(row.item_id)
            if item is not None:
                self._paint_row(item, row, scored)
        self._paint_groups(score)
        self._loading = False

    def _paint_groups(self, score: FormScore) -> None:
        """A 一级指标's own problem (its weight) colours its row, the tooltip naming it; a note
        (the layout's default weight differs) is only told in the tooltip."""
        weights: dict[str, float] = {}
        for scored in score.indicators:
            weights[scored.source.level1] = weights.get(scored.source.level1, 0.0) + scored.points
        for key, group in self._groups.items():
            level1 = len(key) == 1
            problems = [p.message for p in score.problems if level1 and p.indicator == key[0]]
            notes = [n.message for n in score.notes if level1 and n.indicator == key[0]]
            tip = "\n".join([*problems, *(self.tr("说明：") + note for note in notes)])
            for column in range(len(COLUMNS)):
                group.setBackground(column, QBrush(PROBLEM) if problems else QBrush())
                group.setToolTip(column, tip)
            if level1:  # the 一级指标's weight as the form gives it
                group.setText(3, format_number(weights.get(key[0], 0.0)))
            colour = RED if problems else NOTE if notes else None
            group.setForeground(0, QBrush(colour) if colour is not None else QBrush())

    def group_for(self, level1: str) -> QTreeWidgetItem | None:
        return self._groups.get((level1,))

    def _paint_row(self, item: QTreeWidgetItem, row: IndicatorRow, scored: IndicatorScore) -> None:
        source = row.indicator
        points = "" if source.points is None else format_number(source.points)
        shown_score = format_number(scored.score) if source.applicable else self.tr("不适用")
        stored = (source.name, source.target, source.actual, source.points, source.score,
                  source.reason)
        for column, text in enumerate((source.name, source.target, source.actual, points,
                                       shown_score, source.reason)):
            item.setText(column, text)
            item.setData(column, SHOWN_ROLE, stored[column])
            item.setBackground(column, QBrush())
            item.setToolTip(column, "")
        item.setData(4, Qt.ItemDataRole.UserRole, source.score)  # the clerk's own (None: the rules')
        if scored.problems:  # the whole row coloured, its tooltip naming every problem
            tip = "\n".join(scored.problems)
            for column in range(len(COLUMNS)):
                item.setToolTip(column, tip)
                item.setBackground(column, QBrush(PROBLEM))
            item.setForeground(0, QBrush(RED))
        else:
            item.setForeground(0, QBrush())
        if scored.needs_reason and not source.reason.strip():
            item.setBackground(5, QBrush(PROBLEM))
            item.setText(5, self.tr("须填写偏差原因"))
            item.setForeground(5, QBrush(RED))
        else:
            item.setForeground(5, QBrush())
        if not source.actual.strip() and source.applicable:
            item.setBackground(2, QBrush(PROBLEM))

    def _group(self, groups: dict[tuple[str, ...], QTreeWidgetItem], key: tuple[str, ...],
               parent: QTreeWidgetItem | None = None) -> QTreeWidgetItem:
        if key not in groups:
            item = QTreeWidgetItem(parent or self, [key[-1]])
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            groups[key] = item
        return groups[key]

    def _changed(self, item: QTreeWidgetItem, column: int) -> None:
        item_id = item.data(0, ITEM_ID_ROLE)
        if self._loading or item_id is None:
            return
        field = COLUMNS[column]
        text = item.text(column).strip()
        if field == "deviation_reason" and text == self.tr("须填写偏差原因"):
            return
        new: object = text
        if field in NUMBER_FIELDS:
            new = _number(text)
        self.edit_requested.emit(item_id, field, item.data(column, SHOWN_ROLE), new)

    def item_for(self, item_id: int) -> QTreeWidgetItem | None:
        return self._rows.get(item_id)


def _number(text: str) -> object:
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return text  # the service refuses it with a message
