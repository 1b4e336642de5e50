"""The editor of one dimension: its name and its heading in the work summary."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from gui.commands.base import EditContext
from gui.infra.undo_target import UndoTarget
from gui.infra.widgets import name_form_fields
from gui.panels.field_binding import FieldBinder
from model.records import DimensionRecord


class DimensionEditor(QWidget):
    def __init__(self, context: EditContext, stack: UndoTarget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.binder = FieldBinder(context, stack, "dimension", self)
        self.record: DimensionRecord | None = None
        form = QFormLayout(self)
        self.level = QLabel(self)
        self.name = QLineEdit(self)
        self.heading = QLineEdit(self)
        self.heading.setPlaceholderText(self.tr("留空则使用维度名称，如“强化责任担当，全面高效履职”"))
        form.addRow(self.tr("层级"), self.level)
        form.addRow(self.tr("考评维度名称"), self.name)
        form.addRow(self.tr("工作总结中的标题"), self.heading)
        name_form_fields(form)
        self.binder.bind("name", self.name, self.tr("考评维度名称"))
        self.binder.bind("report_heading", self.heading, self.tr("工作总结中的标题"))

    def show_dimension(self, record: DimensionRecord) -> None:
        self.record = record
        self.level.setText(self.tr("第 %1 级").replace("%1", str(record.level)))
        self.binder.load(record.id, _values(record), _subject(self, record))

    def refresh(self, record: DimensionRecord) -> None:
        if self.record is not None and record.id == self.record.id:
            self.record = record
            self.binder.refresh(record.id, _values(record), _subject(self, record))


def _subject(widget: QWidget, record: DimensionRecord) -> str:
    return widget.tr("考评维度“%1”").replace("%1", record.name)


def _values(record: DimensionRecord) -> dict[str, str]:
    return {"name": record.name, "report_heading": record.report_heading}
