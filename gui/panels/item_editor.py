"""The editor of one self-check item: every field (model.vocabulary), saved as it is typed."""

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
from gui.infra.format_text import field_label
from gui.infra.undo_target import UndoTarget
from gui.infra.widgets import CountedText
from gui.panels.field_binding import FieldBinder
from gui.panels.last_year import LastYearPanel
from model.records import ItemRecord
from model.sharing.permissions import cached_rights
from model.vocabulary import FIELDS_BY_CODE, ITEM_FIELDS, SCORE_FIELDS, ItemField
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
    """One widget per item field, chosen by its storage and placed as model.vocabulary says."""

    def __init__(self, context: EditContext, stack: UndoTarget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.binder = FieldBinder(context, stack, "item", self)
        self.record: ItemRecord | None = None
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.seq = QLabel(self)
        self.texts: dict[str, CountedText] = {}  # the text boxes (but a scored form's)
        self.lines: dict[str, QLineEdit] = {}  # the one-line fields (责任处室, 责任人, 时限)
        self.scores: dict[str, QWidget] = {}  # a scored form's fields: shown only there
        self.status = QComboBox(self)
        self.status.addItems(list(STATUSES))
        head = QHBoxLayout()
        head.addWidget(self.seq)
        for spec in (f for f in ITEM_FIELDS if f.editor == "head"):
            widget = self._field_widget(spec)
            caption = QLabel(field_label(spec), self)
            caption.setBuddy(widget)
            head.addWidget(caption)
            head.addWidget(widget, 1 if isinstance(widget, QLineEdit) else 0)
        self.department = self.lines["department"]
        self.department.setPlaceholderText(field_label(FIELDS_BY_CODE["department"]))
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
        for spec in (f for f in ITEM_FIELDS if f.editor == "form"):
            form.addRow(field_label(spec), self._field_widget(spec))
        self._add_extras(form)
        self.last_year = LastYearPanel(context.services, self)  # last year's texts, read-only
        # PySide6's stub types getWidgetPosition as object; it returns (row, role)
        form.insertRow(form.getWidgetPosition(self.texts["result"])[0] + 1,  # type: ignore[index]
                       self.last_year)
        self._form = form

    def _field_widget(self, spec: ItemField) -> QWidget:
        """The widget editing spec's field, bound to it (saved as typed)."""
        label = field_label(spec)
        widget: QWidget
        if spec.storage == "status":
            widget = self.status
            self.binder.bind(spec.code, widget, label)
        elif spec.storage in ("line", "number"):
            widget = QLineEdit(self)
            self.binder.bind(spec.code, widget, label,
                             number_or_none if spec.storage == "number" else lambda v: v)
            if spec.storage == "line":
                self.lines[spec.code] = widget
        else:
            counted = CountedText(self, min_lines=spec.editor_lines)
            self.binder.bind(spec.code, counted.edit, label)
            widget = counted
            if not spec.scored:
                self.texts[spec.code] = counted
        if spec.scored:
            self.scores[spec.code] = widget
        return widget

    def _add_extras(self, form: QFormLayout) -> None:
        """An imported table's other columns, read-only."""
        self.extras = QLabel(self)
        self.extras.setWordWrap(True)
        self.extras.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.extras.setToolTip(self.tr("导入的表格中其他列的内容，导出 Excel 时写回各自的列"))
        form.addRow(field_label(FIELDS_BY_CODE["extras"]), self.extras)

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
        for widget in (*self.texts.values(), *self.scores.values(), *self.lines.values()):
            edit = getattr(widget, "edit", widget)
            if hasattr(edit, "setReadOnly"):
                edit.setReadOnly(bool(why))
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
    return {spec.code: getattr(record, spec.code) for spec in ITEM_FIELDS if spec.editor != "hidden"}


def item_subject(record: ItemRecord) -> str:
    """An item as the clerk sees it in the tree: its 序号 and the start of its text."""
    return QCoreApplication.translate("ItemEditor", "第 %1 项“%2”").replace(
        "%1", str(record.seq)).replace("%2", shorten(record.content, 30))


def shorten(text: str, length: int) -> str:
    """The first line of text cut to length characters, with “…” when cut."""
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= length and line == text.strip() else line[:length] + "…"
