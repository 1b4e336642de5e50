"""Below the import preview's rows: the sheet's remarks, the same remark about many rows said once
with a count, and the rows left out with why, each included by one tick."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPlainTextEdit, QWidget

from importers.sheet_rows import SkippedRow

VARIABLE = re.compile(r"“[^”]*”|\d+(?:[–-]\d+)?")


def collapse_repeats(warnings: list[str], counted: Callable[[str, int], str]) -> list[str]:
    """Warnings that differ only in their rows, cells and quoted texts: the first, once, with
    counted(first, how many) standing for them all."""
    groups: dict[str, list[str]] = {}
    for warning in warnings:
        groups.setdefault(VARIABLE.sub("#", warning), []).append(warning)
    return [counted(same[0], len(same)) if len(same) > 1 else same[0] for same in groups.values()]


class Remarks(QPlainTextEdit):
    """The sheet's remarks, read-only, repeats collapsed."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAccessibleName(self.tr("提示"))
        self.setPlaceholderText(self.tr("没有提示"))

    def show_remarks(self, warnings: list[str]) -> None:
        def counted(first: str, count: int) -> str:
            return self.tr("%1（同类提示共 %2 条）").replace("%1", first).replace("%2", str(count))

        self.setPlainText("\n".join(collapse_repeats(warnings, counted)))


class LeftOutRows(QListWidget):
    """Each row left out (a note, a total, a section, a repeated header, a placeholder) with why;
    ticking one imports it as an item."""

    def __init__(self, parent: QWidget, on_include: Callable[[int, bool], None]) -> None:
        super().__init__(parent)
        self.on_include = on_include
        self._filling = False
        self.setAccessibleName(self.tr("未导入的行"))
        self.setToolTip(self.tr("勾选一行，即把它作为事项导入"))
        self.itemChanged.connect(self._ticked)

    def show_rows(self, rows: list[SkippedRow]) -> None:
        self._filling = True
        self.clear()
        for skipped in rows:
            text = self.tr("第 %1 行 %2：%3").replace("%1", str(skipped.row)).replace(
                "%2", skipped.reason).replace("%3", skipped.text)
            item = QListWidgetItem(text, self)
            item.setData(Qt.ItemDataRole.UserRole, skipped.row)
            item.setToolTip(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if skipped.included else Qt.CheckState.Unchecked)
        self._filling = False

    def _ticked(self, item: QListWidgetItem) -> None:
        if not self._filling:
            self.on_include(item.data(Qt.ItemDataRole.UserRole),
                            item.checkState() == Qt.CheckState.Checked)
