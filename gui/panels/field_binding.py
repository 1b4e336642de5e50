"""Binds editor widgets to one row's fields: every field is saved at once (after a short pause
in typing, or when it loses focus), and one field visit is one undo step."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from gui.commands.base import EditContext
from gui.commands.fields import EditFieldCommand
from gui.infra.undo_target import UndoTarget
from gui.infra.widgets import GlobalUndoKeys

SAVE_DELAY_MS = 700


class FieldBinder(QObject):
    def __init__(self, context: EditContext, stack: UndoTarget, kind: str,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context, self.stack, self.kind = context, stack, kind
        self._unsaved: set[str] = set()  # fields a server did not save: tried again
        self.row_id: int | None = None
        self._widgets: dict[str, QWidget] = {}
        self._labels: dict[str, str] = {}
        self._convert: dict[str, Callable[[Any], Any]] = {}
        self._saved: dict[str, Any] = {}
        self.subject = ""  # what the clerk calls the row shown (第 9 项“…”), for messages
        self._visits: dict[str, int] = {}
        self._dirty: set[str] = set()
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.commit)
        self._undo_keys = GlobalUndoKeys(self)
        self._visit_counter = 0

    # --- binding --------------------------------------------------------------------------
    def bind(self, field: str, widget: QWidget, label: str,
             convert: Callable[[Any], Any] = lambda v: v) -> None:
        self._widgets[field], self._labels[field], self._convert[field] = widget, label, convert
        if not isinstance(widget, QCheckBox):  # a check box is named by its own text
            widget.setAccessibleName(label)  # what a screen reader or UI automation finds
        widget.installEventFilter(self)
        widget.installEventFilter(self._undo_keys)
        if isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(lambda f=field: self._changed(f))
        elif isinstance(widget, QLineEdit):
            widget.textEdited.connect(lambda _t, f=field: self._changed(f))
            widget.editingFinished.connect(self.commit)
        elif isinstance(widget, QComboBox):
            widget.currentTextChanged.connect(lambda _t, f=field: self._changed(f, at_once=True))
        elif isinstance(widget, QSpinBox):
            widget.valueChanged.connect(lambda _v, f=field: self._changed(f))
            widget.editingFinished.connect(self.commit)
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(lambda _v, f=field: self._changed(f, at_once=True))

    def load(self, row_id: int | None, values: dict[str, Any], subject: str = "") -> None:
        """Show a row's values; nothing is saved by loading."""
        self.commit()
        self.row_id, self.subject = row_id, subject
        self._saved = dict(values)
        self._dirty.clear()
        self._loading = True
        try:
            for field, widget in self._widgets.items():
                _set_widget(widget, values.get(field))
        finally:
            self._loading = False

    def refresh(self, row_id: int, values: dict[str, Any], subject: str | None = None) -> None:
        """The row changed (an undo, another edit): take its new values; a field being typed in
        keeps the user's text, the others keep their cursor where the text changed."""
        if row_id != self.row_id:
            return
        if subject is not None:
            self.subject = subject
        self._loading = True
        try:
            for field, value in values.items():
                if field not in self._widgets or field in self._dirty:
                    # being typed in: the text stays, and so does what it was typed over, so
                    # that saving it finds a change made elsewhere and asks (never overwrites)
                    continue
                self._saved[field] = value
                if _widget_value(self._widgets[field]) != value:
                    _set_widget(self._widgets[field], value, keep_cursor=True)
        finally:
            self._loading = False

    # --- saving ---------------------------------------------------------------------------
    def commit(self) -> None:
        """Save every field changed since the last save (each its own command)."""
        self._timer.stop()
        for field in sorted(self._dirty):
            self._save(field)
        self._dirty.clear()
        self._dirty |= self._unsaved  # refused by the server or the connection lost: next time
        self._unsaved.clear()

    def unsaved(self) -> list[str]:
        """The labels of the fields whose text is not in the database (a save refused by the
        server or the disk, to be tried again)."""
        return [self._labels[f] for f in sorted(self._dirty | self._unsaved)]

    def _changed(self, field: str, at_once: bool = False) -> None:
        if self._loading or self.row_id is None:
            return
        self._dirty.add(field)
        if at_once:
            self.commit()
        else:
            self._timer.start()

    def _save(self, field: str) -> None:
        new = self._convert[field](_widget_value(self._widgets[field]))
        old = self._saved.get(field)
        if new == old or self.row_id is None:
            return
        self._saved[field] = new
        command = EditFieldCommand(
            self.context, self.kind, self.row_id, field, old, new,
            visit=self._visits.get(field, 0), label=self._labels[field], subject=self.subject)
        try:
            self.stack.push(command)
        except BaseException:  # an error no one foresaw: the text is not saved, so not marked so
            self._saved[field] = old
            self._unsaved.add(field)
            raise
        if command.failed and command.server_failed:  # the text stays, saved at the next try
            self._saved[field] = old
            self._unsaved.add(field)
        elif not command.failed:  # as stored: normalised, or as the clerk decided a conflict
            self._saved[field] = command.stored_new
            if command.stored_new != new:
                self._loading = True
                try:
                    widget = self._widgets[field]
                    _set_widget(widget, command.stored_new, keep_cursor=True)
                    if command.resolved and isinstance(widget, QPlainTextEdit):
                        widget.moveCursor(QTextCursor.MoveOperation.End)  # typing goes on after
                finally:
                    self._loading = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            for field, widget in self._widgets.items():
                if widget is watched:
                    self._visit_counter += 1
                    self._visits[field] = self._visit_counter
        elif event.type() == QEvent.Type.FocusOut:
            self.commit()
        return False


def _widget_value(widget: QWidget) -> Any:
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QComboBox):  # a stored choice shown translated keeps its value as data
        data = widget.currentData()
        return widget.currentText() if data is None else data
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    raise TypeError(type(widget))


def _set_widget(widget: QWidget, value: Any, keep_cursor: bool = False) -> None:
    if isinstance(widget, QPlainTextEdit):
        old, new = widget.toPlainText(), "" if value is None else str(value)
        scrolled = widget.verticalScrollBar().value()
        widget.setPlainText(new)
        if keep_cursor:  # where the text changed (an undo of typing), not the start
            cursor = widget.textCursor()
            cursor.setPosition(_change_end(old, new))
            widget.setTextCursor(cursor)
            widget.verticalScrollBar().setValue(scrolled)  # the text stays where it was read
    elif isinstance(widget, QLineEdit):
        widget.setText("" if value is None else _plain_number(value))
    elif isinstance(widget, QComboBox):
        index = widget.findData(value) if value is not None else -1
        if index >= 0:
            widget.setCurrentIndex(index)
        else:
            widget.setCurrentText("" if value is None else str(value))
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value or 0))
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))


def _change_end(old: str, new: str) -> int:
    """The position in new just after the part that differs from old."""
    suffix = 0
    limit = min(len(old), len(new))
    while suffix < limit and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    prefix = 0
    while prefix < limit - suffix and old[prefix] == new[prefix]:
        prefix += 1
    return max(len(new) - suffix, prefix)


def _plain_number(value: Any) -> str:
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:g}"
    return str(value)
