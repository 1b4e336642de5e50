"""The find bar above the tree: text in any field, status, department."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from model.vocabulary import STATUS_NAMES as STATUSES


class FilterBar(QWidget):
    changed = Signal(str, str, str)  # text, status ("" = any), department ("" = any)
    go_to_first = Signal()  # Enter or Down in the find box: the first match, focus in the tree

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("查找（Ctrl+F）：任意文字"))
        self.text.setClearButtonEnabled(True)
        self.status = QComboBox(self)
        self.status.addItem(self.tr("全部状态"), "")
        for status in STATUSES:
            self.status.addItem(status, status)
        self.department = QComboBox(self)
        self.department.addItem(self.tr("全部处室"), "")
        self.text.setAccessibleName(self.tr("查找"))
        self.status.setAccessibleName(self.tr("按状态筛选"))
        self.department.setAccessibleName(self.tr("按处室筛选"))
        # a narrow pane (the 体检 panel open on a 1366 screen) takes its room from the filters, which
        # keep four characters ("全部状态"; their lists stay as wide as their names), never from
        # the find box, which keeps room for a few words
        for combo in (self.status, self.department):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(4)
        self.text.setMinimumWidth(self.text.fontMetrics().horizontalAdvance("查找任意文字") + 40)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.department)
        self.text.textChanged.connect(self._emit)
        self.text.returnPressed.connect(self.go_to_first)
        self.text.installEventFilter(self)
        self.status.currentIndexChanged.connect(self._emit)
        self.department.currentIndexChanged.connect(self._emit)

    def clear(self) -> None:
        """Every item shown again: no text, any status, any department (one change signal)."""
        for widget in (self.text, self.status, self.department):
            widget.blockSignals(True)
        self.text.clear()
        self.status.setCurrentIndex(0)
        self.department.setCurrentIndex(0)
        for widget in (self.text, self.status, self.department):
            widget.blockSignals(False)
        self._emit()

    def set_departments(self, departments: list[str]) -> None:
        current = self.department.currentData()
        self.department.blockSignals(True)
        self.department.clear()
        self.department.addItem(self.tr("全部处室"), "")
        for name in sorted(d for d in departments if d):
            self.department.addItem(name, name)
        index = self.department.findData(current)
        self.department.setCurrentIndex(max(index, 0))
        self.department.blockSignals(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.text and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down):
            self.go_to_first.emit()
            return True
        return super().eventFilter(watched, event)

    def _emit(self, *_args: object) -> None:
        self.changed.emit(self.text.text(), self.status.currentData() or "",
                          self.department.currentData() or "")
