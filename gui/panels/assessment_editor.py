"""The editor of the assessment itself: unit, year, period, titles and the summary's sections."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLineEdit, QSpinBox, QWidget

from gui.commands.base import EditContext
from gui.infra.format_text import option_text
from gui.infra.undo_target import UndoTarget
from gui.infra.widgets import CountedText
from gui.panels.field_binding import FieldBinder
from model.records import AssessmentRecord, NarrativeRecord
from model.report.options import REPORT_OPTION_FIELDS, REPORT_OPTIONS, ReportOption
from model.vocabulary import CHOICE_CONTEXT, DEFAULT_TITLE_ENDINGS, PERIODS

FIELDS = ("unit_name", "year", "period", "title", "report_title", "uses_scores",
          *REPORT_OPTION_FIELDS)


class AssessmentEditor(QWidget):
    def __init__(self, context: EditContext, stack: UndoTarget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = FieldBinder(context, stack, "assessment", self)
        self.sections = FieldBinder(context, stack, "narrative", self)
        self.record: AssessmentRecord | None = None
        form = QFormLayout(self)
        self.unit = QLineEdit(self)
        self.year = QSpinBox(self)
        self.year.setRange(1949, 2200)
        self.period = QComboBox(self)
        add_choices(self.period, PERIODS)
        self.title = QLineEdit(self)
        self.report_title = QLineEdit(self)
        self.report_title.setPlaceholderText(self.tr("留空则为“{单位}{年度}%1”").replace(
            "%1", DEFAULT_TITLE_ENDINGS["summary"]))  # as model.vocabulary.titled() names it
        self.uses_scores = QCheckBox(self.tr("使用分值、得分与指标值"), self)
        for field, widget, label in (
                ("unit_name", self.unit, self.tr("单位名称")), ("year", self.year, self.tr("年度")),
                ("period", self.period, self.tr("期间")), ("title", self.title, self.tr("自查表标题")),
                ("report_title", self.report_title, self.tr("工作总结标题")),
                ("uses_scores", self.uses_scores, self.tr("评分"))):
            form.addRow(label, widget)
            self.fields.bind(field, widget, label)
        self._add_report_options(form)
        self.texts: dict[str, CountedText] = {}
        for key, label in (("overview", self.tr("总体情况")),
                           ("problems", self.tr("存在问题及改进措施")),
                           ("plans", self.tr("下一步工作打算"))):
            box = CountedText(self, min_lines=4)
            box.edit.setPlaceholderText(
                self.tr("可用 {任务总数} {已完成数} {未完成数} {完成率}，导出时按数据填写"))
            form.addRow(label, box)
            self.texts[key] = box
            self.sections.bind(key, box.edit, label)

    def _add_report_options(self, form: QFormLayout) -> None:
        """落款 and the summary's export options (model.report.options), each flag that says
        whether another option is printed right after it."""
        placed = [o for o in REPORT_OPTIONS if not o.shows]
        for option in placed:
            for each in (option, *(o for o in REPORT_OPTIONS if o.shows == option.code)):
                widget = self._option_widget(each)
                caption = option_text(each.caption if each.kind == "flag" else each.label)
                form.addRow(caption, widget)
                # a check box without a caption is named by its own text
                self.fields.bind(each.code, widget, caption or option_text(each.label))

    def _option_widget(self, option: ReportOption) -> QWidget:
        if option.kind == "flag":
            return QCheckBox(option_text(option.label), self)
        if option.kind == "choice":
            choice = QComboBox(self)
            add_choices(choice, option.choices)
            return choice
        line = QLineEdit(self)
        line.setPlaceholderText(option_text(option.hint))
        return line

    def show_assessment(self, record: AssessmentRecord, sections: dict[str, NarrativeRecord]) -> None:
        self.record = record
        values = {f: getattr(record, f) for f in FIELDS}
        self.fields.load(record.id, values, self.tr("自评信息"))
        texts = {key: sections[key].text if key in sections else "" for key in self.texts}
        self.sections.load(record.id, texts, self.tr("工作总结"))

    def refresh_assessment(self, record: AssessmentRecord) -> None:
        values = {f: getattr(record, f) for f in FIELDS}
        self.fields.refresh(record.id, values)

    def refresh_section(self, record: NarrativeRecord) -> None:
        self.sections.refresh(record.assessment_id, {record.key: record.text})


def add_choices(box: QComboBox, values: tuple[str, ...]) -> None:
    """Stored choices, each shown in the window's language with its stored value as the data."""
    for value in values:
        box.addItem(QCoreApplication.translate(CHOICE_CONTEXT, value), value)
