"""Every input can be found by what the clerk reads next to it (screen readers, UI automation)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from exporters.registry import export_format
from gui.dialogs.exports import ExportDialog
from gui.dialogs.new_assessment import NewAssessmentDialog
from gui.panels.evidence_panel import NoteDialog
from gui.window.main_window import MainWindow
from model.services import Services

INPUTS = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox)


def inputs_of(root: QWidget) -> list[QWidget]:
    """The inputs a clerk fills in (not the parts inside a combo box, spin box or calendar)."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INPUTS):
            continue
        parent, inner = widget.parentWidget(), False
        while parent is not None and parent is not root:
            inner = inner or isinstance(parent, QComboBox | QAbstractSpinBox | QCalendarWidget)
            parent = parent.parentWidget()
        if not inner:
            found.append(widget)
    return found


def assert_named(root: QWidget) -> int:
    buddies = {label.buddy(): label.text().replace("&", "") for label in root.findChildren(QLabel)
               if label.buddy() is not None}
    checked = 0
    for widget in inputs_of(root):
        assert widget.accessibleName(), f"{widget!r} in {widget.parentWidget()!r} unnamed"
        if widget in buddies:
            assert widget.accessibleName() == buddies[widget]
        checked += 1
    return checked


def test_the_window_and_its_dialogs(qtbot: QtBot, window: MainWindow, demo: Services) -> None:
    assert assert_named(window) >= 25
    labels = {label.text() for label in window.findChildren(QLabel)}
    names = {w.accessibleName() for w in inputs_of(window.item_editor)}
    assert {"年度任务目标", "落实情况", "状态", "责任处室"} <= names & (labels | names)
    for dialog in (NoteDialog(window), ExportDialog(window, export_format("word"), Path("a.docx")),
                   ExportDialog(window, export_format("excel"), Path("a.xlsx")),
                   NewAssessmentDialog(window, demo.assessments.list())):
        qtbot.addWidget(dialog)
        assert assert_named(dialog) >= 1
