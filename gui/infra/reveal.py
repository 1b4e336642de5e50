"""Bring a text field's cursor into sight: the scroll areas around the field scroll to it (a field
opened from 体检 may be taller than the pane, its sentence below the fold)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPlainTextEdit, QScrollArea, QTextEdit, QWidget

MARGIN = 24  # px kept around the cursor, so the line above and below show too
SETTLE_MS = 1000  # a page just shown grows its fields for a moment: follow the cursor that long


def reveal_cursor(edit: QPlainTextEdit | QTextEdit) -> None:
    """Scroll to edit's cursor now, and again each time the page grows in the next moment."""
    _scroll_to(edit)
    for area in _scroll_areas(edit):
        bar = area.verticalScrollBar()

        def again(_low: int, _high: int) -> None:
            _scroll_to(edit)

        bar.rangeChanged.connect(again)
        QTimer.singleShot(SETTLE_MS, bar, lambda bar=bar, again=again: bar.rangeChanged.disconnect(again))


def _scroll_to(edit: QPlainTextEdit | QTextEdit) -> None:
    edit.ensureCursorVisible()
    rect = edit.cursorRect()
    for area in _scroll_areas(edit):
        page = area.widget()
        assert page is not None
        centre = edit.viewport().mapTo(page, rect.center())
        area.ensureVisible(centre.x(), centre.y(), MARGIN, rect.height() // 2 + MARGIN)


def _scroll_areas(widget: QWidget) -> list[QScrollArea]:
    found = []
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.widget() is not None:
            found.append(parent)
        parent = parent.parentWidget()
    return found
