"""The collect's conflict dialog, for one field changed in two places at once: the original, what
the clerk typed (我输入的) and what another window or program saved (其他窗口/程序保存的) side by
side; the clerk keeps either, or both to edit. Nothing is decided without the clerk."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QListWidget, QWidget

from gui.collect.conflict_dialog import EDITED, MINE, THEIRS, ConflictDialog
from gui.commands.conflicts import FieldConflict, both
from model.collect.records import CollectResult, FieldChange


class TextConflictDialog(ConflictDialog):
    def __init__(self, parent: QWidget | None, conflict: FieldConflict) -> None:
        change = FieldChange(item_id=conflict.row_id, seq=_seq(conflict), field=conflict.label,
                             base=_text(conflict.base), mine=_text(conflict.mine),
                             theirs=_text(conflict.theirs), file="")
        super().__init__(parent, CollectResult(conflicts=[change]), {conflict.row_id: conflict.subject})
        self.conflict = conflict
        self.setWindowTitle(self.tr("内容已被其他窗口或程序修改"))
        self.table.setHorizontalHeaderLabels([
            self.tr("序号"), self.tr("内容"), self.tr("字段"), self.tr("原来"), self.tr("我输入的"),
            self.tr("其他窗口/程序保存的"), self.tr("采用"), self.tr("采用结果")])
        self.table.setColumnHidden(0, True)  # the row is named above the table
        self.table.setColumnHidden(1, True)
        self.table.setColumnWidth(2, 110)
        if conflict.action != "edit":
            intro = self.tr("您撤销或重做时，%1的“%2”已被其他窗口或程序修改。请选择保留哪一个，或两者都保留后编辑：")  # noqa: E501
        else:
            intro = self.tr("您输入时，%1的“%2”已被其他窗口或程序修改。您输入的内容仍在，请选择保留哪一个，或两者都保留后编辑：")  # noqa: E501
        for label in self.findChildren(QLabel):
            if label.parent() is self:
                label.setText(intro.replace("%1", conflict.subject or self.tr("该内容"))
                              .replace("%2", conflict.label))
                break
        for widget in self.findChildren(QListWidget):  # the collect's new rows: none here
            widget.hide()
        for label in self.findChildren(QLabel)[1:]:
            if label.parent() is self:
                label.hide()
        choice = self.choices[0]
        choice.blockSignals(True)
        choice.clear()
        choice.addItems([self.tr("保留我输入的"), self.tr("采用对方保存的"), self.tr("两者都保留（可编辑）")])
        choice.blockSignals(False)
        choice.currentIndexChanged.connect(self._edit_both)
        self.textual = all(isinstance(v, str | None) for v in (conflict.mine, conflict.theirs))
        if self.textual:  # by default nothing typed by either is lost
            choice.setCurrentIndex(EDITED)
        else:
            choice.removeItem(EDITED)
        buttons = self.findChild(QDialogButtonBox)
        if buttons is not None:  # a choice is required: the clerk's words are not dropped by Esc
            buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
            buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()
        self.resize(1100, 380)

    def _edit_both(self, index: int) -> None:
        if index == EDITED:
            self.table.blockSignals(True)
            self.result_cell(0).setText(both(self.conflict))
            self.table.blockSignals(False)

    def reject(self) -> None:
        """Esc or the window's close button: nothing is decided yet, the dialog stays."""

    def chosen(self) -> Any:
        """The value to store: mine or theirs as they are (any type), or the edited text."""
        text = self.result_cell(0).text()
        if self.choices[0].currentIndex() == MINE and text == _text(self.conflict.mine):
            return self.conflict.mine
        if self.choices[0].currentIndex() == THEIRS and text == _text(self.conflict.theirs):
            return self.conflict.theirs
        return text if self.textual else self.conflict.mine


def ask(parent: QWidget | None, conflict: FieldConflict) -> Any:
    dialog = TextConflictDialog(parent, conflict)
    dialog.exec()
    return dialog.chosen()


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _seq(conflict: FieldConflict) -> int:
    subject = conflict.subject
    if conflict.kind == "item" and subject.startswith("第 "):
        number = subject[2:].split(" ", 1)[0]
        return int(number) if number.isdigit() else 0
    return 0
