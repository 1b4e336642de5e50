"""The editor of the assessment itself: unit, year, period, titles and the summary's sections."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLineEdit, QSpinBox, QWidget

from gui.commands.base import EditContext
from gui.panels.field_binding import FieldBinder
from gui.widgets import CountedText
from model.records import AssessmentRecord, NarrativeRecord

PERIODS = ("年度", "第一季度", "第二季度", "第三季度", "第四季度")


class AssessmentEditor(QWidget):
    def __init__(self, context: EditContext, stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = FieldBinder(context, stack, "assessment", self)
        self.sections = FieldBinder(context, stack, "narrative", self)
        self.record: AssessmentRecord | None = None
        form = QFormLayout(self)
        self.unit = QLineEdit(self)
        self.year = QSpinBox(self)
        self.year.setRange(1949, 2200)
        self.period = QComboBox(self)
        self.period.addItems(list(PERIODS))
        self.title = QLineEdit(self)
        self.report_title = QLineEdit(self)
        self.report_title.setPlaceholderText(self.tr("留空则为“{单位}{年度}年度工作总结”"))
        self.uses_scores = QCheckBox(self.tr("使用分值、得分与指标值"), self)
        for field, widget, label in (
                ("unit_name", self.unit, self.tr("单位名称")), ("year", self.year, self.tr("年度")),
                ("period", self.period, self.tr("期间")), ("title", self.title, self.tr("自查表标题")),
                ("report_title", self.report_title, self.tr("工作总结标题")),
                ("uses_scores", self.uses_scores, self.tr("评分"))):
            form.addRow(label, widget)
            self.fields.bind(field, widget, label)
        self.texts: dict[str, CountedText] = {}
        for key, label in (("overview", self.tr("总体情况")),
                           ("problems", self.tr("存在问题及改进措施")),
                           ("plans", self.tr("下一步工作打算"))):
            widget = CountedText(self, min_lines=4)
            widget.edit.setPlaceholderText(
                self.tr("可用 {任务总数} {已完成数} {未完成数} {完成率}，导出时按数据填写"))
            form.addRow(label, widget)
            self.texts[key] = widget
            self.sections.bind(key, widget.edit, label)

    def show_assessment(self, record: AssessmentRecord, sections: dict[str, NarrativeRecord]) -> None:
        self.record = record
        values = {f: getattr(record, f) for f in ("unit_name", "year", "period", "title",
                                                  "report_title", "uses_scores")}
        self.fields.load(record.id, values, self.tr("自评信息"))
        texts = {key: sections[key].text if key in sections else "" for key in self.texts}
        self.sections.load(record.id, texts, self.tr("工作总结"))

    def refresh_assessment(self, record: AssessmentRecord) -> None:
        values = {f: getattr(record, f) for f in ("unit_name", "year", "period", "title",
                                                  "report_title", "uses_scores")}
        self.fields.refresh(record.id, values)

    def refresh_section(self, record: NarrativeRecord) -> None:
        self.sections.refresh(record.assessment_id, {record.key: record.text})
