"""The editor of one self-check item: every field, saved as it is typed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from gui.commands.base import EditContext
from gui.field_labels import item_label
from gui.panels.field_binding import FieldBinder
from gui.panels.last_year import LastYearPanel
from gui.undo_target import UndoTarget
from gui.widgets import CountedText
from model.permissions import cached_rights
from model.records import ItemRecord
from model.vocabulary import ITEM_EDITABLE_FIELDS, SCORE_FIELDS
from model.vocabulary import STATUS_NAMES as STATUSES


def number_or_none(text: Any) -> Any:
    """分值/得分 as typed: empty → None, a number → float, anything else left for the service to
    refuse with a message."""
    text = str(text).strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return text


class ItemEditor(QWidget):
    def __init__(self, context: EditContext, stack: UndoTarget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.binder = FieldBinder(context, stack, "item", self)
        self.record: ItemRecord | None = None
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.seq = QLabel(self)
        self.status = QComboBox(self)
        self.status.addItems(list(STATUSES))
        self.department = QLineEdit(self)
        self.department.setPlaceholderText(self.tr("责任处室"))
        head = QHBoxLayout()
        head.addWidget(self.seq)
        for text, choice in ((self.tr("状态"), self.status), (self.tr("责任处室"), self.department)):
            caption = QLabel(text, self)
            caption.setBuddy(choice)
            head.addWidget(caption)
            head.addWidget(choice, 1 if choice is self.department else 0)
        self.history_button = QPushButton(self.tr("修改记录…"), self)
        self.history_button.setToolTip(self.tr("谁在何时修改了本事项的哪一项，原值和新值"))
        self.history_button.clicked.connect(self._show_history)
        head.addWidget(self.history_button)
        form.addRow(self.tr("序号"), head)
        self.read_only_note = QLabel(self)  # why this login may not edit the item (a server's rights)
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setStyleSheet("color: #a15c00;")
        form.addRow(self.read_only_note)
        self.read_only_note.hide()
        self.texts: dict[str, CountedText] = {}
        labels = {field: item_label(field) for field in (
            "content", "target", "result", "progress_q1", "progress_q2", "progress_q3", "progress_q4")}
        for field, label in labels.items():
            box = CountedText(self, min_lines={"result": 4, "content": 2, "target": 2}.get(field, 1))
            form.addRow(label, box)
            self.texts[field] = box
            self.binder.bind(field, box.edit, label)
        self.scores: dict[str, QWidget] = {}
        score_labels = {field: item_label(field) for field in SCORE_FIELDS}
        for field, label in score_labels.items():
            widget: QWidget
            if field in ("score_max", "score"):
                widget = QLineEdit(self)
                self.binder.bind(field, widget, label, number_or_none)
            else:
                counted = CountedText(self, min_lines=1)
                widget = counted
                self.binder.bind(field, counted.edit, label)
            form.addRow(label, widget)
            self.scores[field] = widget
        self._add_own_fields(form)
        self.last_year = LastYearPanel(context.services, self)  # last year's texts, read-only
        # PySide6's stub types getWidgetPosition as object; it returns (row, role)
        form.insertRow(form.getWidgetPosition(self.texts["result"])[0] + 1,  # type: ignore[index]
                       self.last_year)
        self.binder.bind("status", self.status, self.tr("状态"))
        self.binder.bind("department", self.department, self.tr("责任处室"))
        self._form = form

    def _add_own_fields(self, form: QFormLayout) -> None:
        """责任人, 时限 and 备注 (saved as typed); an imported table's other columns, read-only."""
        self.owner, self.deadline = QLineEdit(self), QLineEdit(self)
        people = QHBoxLayout()
        people.addWidget(self.owner, 1)
        people.addWidget(QLabel(self.tr("时限"), self))
        people.addWidget(self.deadline, 1)
        form.addRow(self.tr("责任人"), people)
        self.binder.bind("owner", self.owner, self.tr("责任人"))
        self.binder.bind("deadline", self.deadline, self.tr("时限"))
        self.note = CountedText(self, min_lines=1)
        form.addRow(self.tr("备注"), self.note)
        self.binder.bind("note", self.note.edit, self.tr("备注"))
        self.extras = QLabel(self)
        self.extras.setWordWrap(True)
        self.extras.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.extras.setToolTip(self.tr("导入的表格中其他列的内容，导出 Excel 时写回各自的列"))
        form.addRow(self.tr("其他列"), self.extras)

    def _show_extras(self, record: ItemRecord) -> None:
        self.extras.setText("\n".join(f"{name}：{text}" for name, text in record.extras))
        self._form.setRowVisible(self.extras, bool(record.extras))

    def show_item(self, record: ItemRecord, uses_scores: bool) -> None:
        self.record = record
        self.seq.setText(f"<b>{record.seq}</b>")
        for field in SCORE_FIELDS:
            self._form.setRowVisible(self.scores[field], uses_scores)
        self._show_extras(record)
        self.last_year.show_item(record)
        self.binder.load(record.id, _values(record), item_subject(record))
        self._apply_rights(record)

    def _apply_rights(self, record: ItemRecord) -> None:
        """Greyed out, and why, when the login connected may not edit this item."""
        why = cached_rights(self.binder.context.services.db).why_not(record.department)
        self.read_only_note.setText(why)
        self.read_only_note.setVisible(bool(why))
        for widget in (*self.texts.values(), *self.scores.values(), self.note):
            edit = getattr(widget, "edit", widget)
            if hasattr(edit, "setReadOnly"):
                edit.setReadOnly(bool(why))
        for line in (self.department, self.owner, self.deadline):
            line.setReadOnly(bool(why))
        self.status.setEnabled(not why)

    def _show_history(self) -> None:
        from gui.dialogs.item_history import show_item_history

        if self.record is not None:
            show_item_history(self, self.binder.context.services, self.record.id,
                              item_subject(self.record))

    def refresh(self, record: ItemRecord) -> None:
        if self.record is not None and record.id == self.record.id:
            self.record = record
            self.seq.setText(f"<b>{record.seq}</b>")
            self._show_extras(record)
            self.binder.refresh(record.id, _values(record), item_subject(record))
            self._apply_rights(record)

    def set_departments(self, departments: list[str]) -> None:
        completer = QCompleter(sorted(d for d in departments if d), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.department.setCompleter(completer)


def _values(record: ItemRecord) -> dict[str, Any]:
    return {field: getattr(record, field) for field in ITEM_EDITABLE_FIELDS if field != "extras"}


def item_subject(record: ItemRecord) -> str:
    """An item as the clerk sees it in the tree: its 序号 and the start of its text."""
    return QCoreApplication.translate("ItemEditor", "第 %1 项“%2”").replace(
        "%1", str(record.seq)).replace("%2", shorten(record.content, 30))


def shorten(text: str, length: int) -> str:
    """The first line of text cut to length characters, with “…” when cut."""
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= length and line == text.strip() else line[:length] + "…"
