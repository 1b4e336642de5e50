"""Small reusable widgets: a text box that grows with its text and counts its characters."""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

MAX_VISIBLE_LINES = 14


class GrowingTextEdit(QPlainTextEdit):
    """Multi-line text whose height follows its content (up to MAX_VISIBLE_LINES lines)."""

    def __init__(self, parent: QWidget | None = None, min_lines: int = 2) -> None:
        super().__init__(parent)
        self.min_lines = min_lines
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.textChanged.connect(self._fit)
        self._fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        # reached by Tab or a shortcut: the cursor goes to the end, so typing adds, never prepends
        if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                              Qt.FocusReason.ShortcutFocusReason):
            self.moveCursor(QTextCursor.MoveOperation.End)

    def _text_height(self) -> float:
        """The laid-out height of the text (CJK fallback fonts make lines taller than the
        widget font's line spacing, so measure, don't estimate)."""
        height, block = 0.0, self.document().firstBlock()
        while block.isValid():
            height += self.blockBoundingRect(block).height()
            block = block.next()
        return height

    def _fit(self, *_args: object) -> None:
        line = self.fontMetrics().lineSpacing() * 1.25
        height = min(max(self._text_height(), self.min_lines * line), MAX_VISIBLE_LINES * line)
        margins = self.contentsMargins()
        self.setFixedHeight(int(height + 2 * self.document().documentMargin() + margins.top()
                                + margins.bottom() + 4))


class CountedText(QWidget):
    """A GrowingTextEdit with its character count under it."""

    def __init__(self, parent: QWidget | None = None, min_lines: int = 2) -> None:
        super().__init__(parent)
        self.edit = GrowingTextEdit(self, min_lines)
        self.count = QLabel(self)
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.count.setStyleSheet("color: #777;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(self.edit)
        layout.addWidget(self.count)
        self.edit.textChanged.connect(self._recount)
        self._recount()

    def _recount(self) -> None:
        text = self.edit.toPlainText()
        self.count.setText(self.tr("%1 字").replace("%1", str(len(text))))


class DateField(QWidget):
    """A date typed as the clerk likes (2021年3月5日, 2021/3/5…) or picked from a calendar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("如 2021年3月5日，可不填"))
        self.pick = QToolButton(self)
        self.pick.setText(self.tr("日历…"))
        self.pick.setAccessibleName(self.tr("从日历选择日期"))
        self.pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget(self)
        self.calendar.clicked.connect(self._picked)
        menu = QMenu(self.pick)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        self.pick.setMenu(menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.pick)
        self.setFocusProxy(self.text)

    def _picked(self, day: QDate) -> None:
        self.text.setText(day.toString("yyyy-MM-dd"))
        self.pick.menu().hide()


class GlobalUndoKeys(QObject):
    """Lets Ctrl+Z / Ctrl+Y reach the window's undo stack even from inside a text box, so there
    is one undo history, not one per widget."""

    KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
    EXTRA = (QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        pressed = QKeySequence(event.keyCombination())
        # Not accepted by the text box, so the window's undo/redo shortcut fires instead.
        return any(event.matches(key) for key in self.KEYS) or pressed in self.EXTRA


def name_form_fields(form: QFormLayout) -> None:
    """Give each field of a form its row's label as accessible name (and the label its buddy),
    so screen readers and UI automation find the field by what the clerk reads."""
    for row in range(form.rowCount()):
        label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        label = label_item.widget() if label_item else None
        field = field_item.widget() if field_item else None
        if not isinstance(label, QLabel) or field is None:
            continue
        target = {CountedText: lambda w: w.edit, DateField: lambda w: w.text}.get(
            type(field), lambda w: w)(field)
        label.setBuddy(target)
        if not target.accessibleName():
            target.setAccessibleName(label.text().replace("&", ""))
