"""The editor of a finance form (项目支出/部门整体支出绩效自评表) as clerks know it: header block,
funds table, goals, the indicator tree with live scores, the total and every problem."""

from __future__ import annotations

from itertools import count
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFocusEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.commands.base import EditContext
from gui.commands.finance import FinanceEditCommand
from gui.infra.undo_target import UndoTarget
from gui.panels.finance_conflict import resolve_conflict
from gui.panels.finance_indicators import NOTE, NUMBER_FIELDS, PROBLEM, RED, IndicatorTree
from gui.panels.item_editor import item_subject
from model.edits.changes import Changes
from model.errors import ModelError
from model.finance.fields import FIELD_LABELS, same_value
from model.finance.layouts import FINANCE_KINDS, FUND_KEYWORDS, column_key, load_finance_layout
from model.finance.records import FundRecord
from model.finance.service import FormView
from model.scoring.form import EXECUTION_LABEL, FormScore
from model.scoring.target_text import format_number

AMOUNTS = ("budget_initial", "budget_adjusted", "spent")
RATING_COLOURS = {"优": "#1e8449", "良": "#2874a6", "中": "#b9770e", "差": "#c0392b"}


class _LeavingText(QPlainTextEdit):
    """A multi-line text of the form that says when the focus leaves it (then it is saved)."""

    left = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()


class FinancePanel(QWidget):
    """Shows one finance assessment; rating_changed(text) carries the status-bar summary."""

    rating_changed = Signal(str)
    info_requested = Signal()  # the assessment's own fields (unit, year, title) and narrative

    def __init__(self, context: EditContext, stack: UndoTarget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.stack = context, stack
        self.assessment_id: int | None = None
        self.score: FormScore | None = None
        self._visits = count(1_000_000)  # field visits of their own (never merge with the editor's)
        self._loading = False
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.info_link = QLabel(f"<a href='#'>{self.tr('自评信息与总结段落…')}</a>", self)
        self.info_link.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.info_link.linkActivated.connect(lambda _link: self.info_requested.emit())
        self.export_button = QPushButton(self.tr("导出绩效自评表（Excel）…"), self)
        self.export_button.clicked.connect(self._export)
        self.header_box = QGroupBox(self.tr("基本信息"), self)
        self.header_form = QFormLayout(self.header_box)
        self.funds = QTableWidget(self)
        self.funds.itemChanged.connect(self._fund_changed)
        self.goals_box = QGroupBox(self.tr("年度总体目标"), self)
        self.goals = QGridLayout(self.goals_box)
        self.tree = IndicatorTree(self)
        self.tree.edit_requested.connect(self._edit_item)
        self.tree.setMinimumHeight(380)
        self.closing_box = QGroupBox(self.tr("评价结论"), self)
        self.closing_form = QFormLayout(self.closing_box)
        self.total = QLabel(self)
        self.problems = QListWidget(self)
        self.problems.setMaximumHeight(130)
        self.problems.setToolTip(self.tr("双击或按回车转到问题所在行"))
        self.problems.itemActivated.connect(self._show_problem)
        top = QHBoxLayout()
        top.addWidget(self.export_button)
        top.addStretch(1)
        top.addWidget(self.info_link)
        layout.addLayout(top)
        for widget in (self.heading, self.header_box,
                       QLabel(self.tr("资金（万元）"), self), self.funds,
                       self.goals_box, QLabel(self.tr("绩效指标（双击修改；红色为需处理的问题）"), self),
                       self.tree, self.closing_box, self.total, self.problems):
            layout.addWidget(widget)
        layout.setStretchFactor(self.tree, 1)
        self.texts: dict[str, QLineEdit | QPlainTextEdit] = {}
        self._text_visits: dict[str, int] = {}  # field → the visit (focus) its saves belong to
        self._in_table_edit = False  # the funds table is inside its own signal: refresh later
        context.notifier.changed.connect(self._changed)

    def _changed(self, changes: Changes, origin: str) -> None:
        """Indicators added, moved or deleted in the framework tree: the form's tree follows;
        an indicator, a text or an amount written: the form shows it and scores again."""
        if self.assessment_id is None:
            return
        if changes.structure:
            self.refresh(rebuild=True)
        elif self.assessment_id in changes.finance:
            if origin == "refresh":  # another window's: scores again, texts being edited stay
                self.refresh()
            elif not self._in_table_edit:  # the funds table refreshes itself after its signal
                self._texts_changed()
        elif changes.items:
            self.refresh()

    # --- showing -------------------------------------------------------------------------------
    def show_assessment(self, assessment_id: int) -> bool:
        """Show the form when the assessment is one; False (and nothing shown) when it is not."""
        finance = self.context.services.finance
        form = finance.form(assessment_id)
        if form is None or finance.kind(assessment_id) not in FINANCE_KINDS:
            self.assessment_id = None
            return False
        self.assessment_id = assessment_id
        self.layout_data = load_finance_layout(form.layout)
        self.heading.setText(f"<h3>{self.layout_data.title}</h3>")
        self._build_texts(form)
        self.refresh(rebuild=True)
        return True

    def refresh(self, rebuild: bool = False, view: FormView | None = None) -> None:
        """Read the form again (in one transaction, unless just read) and score it: every
        number on screen follows the last edit."""
        if self.assessment_id is None:
            return
        try:
            view = view or self.context.services.finance.view(self.assessment_id)
        except ModelError:
            return  # the assessment was deleted meanwhile: the window reloads
        rows, self.score, funds = view.indicators, view.score, view.funds
        if rebuild or self.tree.topLevelItemCount() == 0 or len(rows) != len(self.tree._rows):
            self.tree.show_form(rows, self.score)
        else:
            self.tree.paint(rows, self.score)
        self._fill_funds(funds)
        self._show_total()

    def _build_texts(self, form: Any) -> None:
        for box_form in (self.header_form, self.closing_form):
            while box_form.rowCount():
                box_form.removeRow(0)
        while self.goals.count():
            goal = self.goals.takeAt(0)
            if goal is not None and (shown := goal.widget()) is not None:
                shown.deleteLater()
        self.texts.clear()
        layout = self.layout_data
        for field, label in layout.header_fields:
            self.header_form.addRow(label, self._text(field, label, getattr(form, field), False))
        for column, (field, label) in enumerate(zip(("goal_expected", "goal_actual"),
                                                   layout.goal_columns, strict=True)):
            self.goals.addWidget(QLabel(label, self.goals_box), 0, column)
            self.goals.addWidget(self._text(field, label, getattr(form, field), True), 1, column)
        closing = [*layout.closing_texts, *layout.signatures]
        if layout.rules.reason_below_rate is not None:
            closing.insert(0, ("execution_reason", self.tr("执行率偏低原因")))
        for field, label in closing:
            multi = field not in ("project_leader", "finance_leader")
            self.closing_form.addRow(label, self._text(field, label, getattr(form, field), multi))
        self.closing_box.setVisible(bool(closing))

    def _text(self, field: str, label: str, value: str, multi: bool) -> QWidget:
        widget: QLineEdit | QPlainTextEdit
        if multi:
            plain = widget = _LeavingText(value, self)
            widget.setMaximumHeight(70)
            widget.setTabChangesFocus(True)
            widget.left.connect(lambda: self._save_text(field, label, plain.toPlainText()))
        else:
            widget = QLineEdit(value, self)
            widget.editingFinished.connect(
                lambda w=widget, f=field, lab=label: self._save_text(f, lab, w.text()))
        widget.setProperty("saved", value)
        widget.setProperty("field", field)
        widget.installEventFilter(self)
        self.texts[field] = widget
        return widget

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A field visit starts when a text gets the focus: its saves until then merge."""
        if event.type() == QEvent.Type.FocusIn and watched.property("field"):
            self._text_visits[watched.property("field")] = next(self._visits)
        return super().eventFilter(watched, event)

    def _fill_funds(self, funds: list[FundRecord]) -> None:
        self._loading = True
        columns = self.layout_data.fund_columns
        keys = [column_key(header, FUND_KEYWORDS) for header in columns]
        self.funds.clear()
        self.funds.setColumnCount(len(columns))
        self.funds.setRowCount(len(funds))
        self.funds.setHorizontalHeaderLabels(list(columns))
        self.funds.setVerticalHeaderLabels([f.label for f in funds])
        base = "budget_" + self.layout_data.rules.execution_base
        for row, fund in enumerate(funds):
            for column, key in enumerate(keys):
                self.funds.setItem(row, column, self._fund_cell(fund, key, row == 0, base))
        self._mark_execution(len(keys))
        self.funds.resizeColumnsToContents()
        self.funds.setFixedHeight(self.funds.horizontalHeader().height()
                                  + sum(self.funds.rowHeight(r) for r in range(len(funds))) + 6)
        self._loading = False

    def _mark_execution(self, columns: int) -> None:
        """The 预算执行率's problem on its row (the total funds row): coloured, the tooltip naming it."""
        problems = [p.message for p in (self.score.problems if self.score else ())
                    if p.indicator == EXECUTION_LABEL]
        if not problems or self.funds.rowCount() == 0:
            return
        for column in range(columns):
            cell = self.funds.item(0, column)
            if cell is not None:
                cell.setBackground(QBrush(PROBLEM))
                cell.setToolTip("\n".join(problems))

    def _fund_cell(self, fund: FundRecord, key: str, is_total: bool, base: str) -> QTableWidgetItem:
        execution = self.score.execution if self.score else None
        if key in AMOUNTS:
            value = getattr(fund, key)
            item = QTableWidgetItem("" if value is None else format_number(value))
            item.setData(Qt.ItemDataRole.UserRole, (fund.id, key, value))
            return item
        text = "—"
        if key == "rate" and getattr(fund, base) and fund.spent is not None:
            text = f"{fund.spent / getattr(fund, base):.2%}"
        elif is_total and execution is not None and key in ("points", "score"):
            text = format_number(getattr(execution, key))
        elif is_total and key == "reason":
            reason = self.texts.get("execution_reason")  # a multi-line text when shown
            text = reason.toPlainText() if isinstance(reason, QPlainTextEdit) else ""
        item = QTableWidgetItem(text)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        return item

    def _show_total(self) -> None:
        score = self.score
        if score is None:
            return
        colour = RATING_COLOURS[score.rating]
        self.total.setText(self.tr("<b>总分 %1</b>（<span style='color:%2'>%3</span>），问题 %4 处")
                           .replace("%1", format_number(score.total)).replace("%2", colour)
                           .replace("%3", score.rating).replace("%4", str(len(score.problems))))
        self.problems.clear()
        for problem in score.problems:
            self._list_problem(f"{problem.indicator}：{problem.message}", problem.indicator, RED)
        for note in score.notes:  # the form's own weights: told, not counted as problems
            self._list_problem(self.tr("说明：") + note.message, note.indicator, NOTE)
        self.problems.setVisible(bool(score.problems or score.notes))
        self.rating_changed.emit(self.summary())

    def _list_problem(self, text: str, place: str, colour: QColor) -> None:
        item = QListWidgetItem(text, self.problems)
        item.setForeground(QBrush(colour))
        item.setData(Qt.ItemDataRole.UserRole, place)

    def _show_problem(self, item: QListWidgetItem) -> None:
        """Go to the problem's row: the indicator, its 一级指标, the funds total or the text."""
        place = item.data(Qt.ItemDataRole.UserRole)
        row = next((r for r in self.tree._rows.values() if r.text(0) == place), None) \
            or self.tree.group_for(place)
        if row is not None:
            self.tree.setCurrentItem(row)
            self.tree.scrollToItem(row)
            self.tree.setFocus()
        elif place == EXECUTION_LABEL and self.funds.rowCount():
            self.funds.setCurrentCell(0, 0)
            self.funds.setFocus()
        else:
            field = next((f for f, label in self.layout_data.closing_texts if label == place), "")
            if field in self.texts:
                self.texts[field].setFocus()

    def summary(self) -> str:
        """The status bar's words: total, rating, problems."""
        if self.score is None:
            return ""
        return (self.tr("总分 %1 · 评价等级 %2 · 问题 %3 处").replace("%1", format_number(self.score.total))
                .replace("%2", self.score.rating).replace("%3", str(len(self.score.problems))))

    def _export(self) -> None:
        from gui.dialogs.finance_export import export_finance_form  # openpyxl loads when used

        if self.assessment_id is not None:
            try:
                export_finance_form(self, self.context.services, self.assessment_id)
            except ModelError as exc:
                self.context.notifier.failed.emit(exc)

    # --- editing -------------------------------------------------------------------------------
    def _edit_item(self, item_id: int, field: str, shown: object, new: object) -> None:
        """An indicator cell: written while it still holds what the tree showed (shown); else
        the clerk sees both versions and chooses."""
        try:
            record = self.context.services.items.get(item_id)
        except ModelError as exc:
            self.context.notifier.failed.emit(exc)
            return
        current = getattr(record, field)
        if not same_value(current, shown):
            chosen = self._resolve(field, _text_of(new), _text_of(current))
            if chosen is None:
                self.refresh()
                return
            new = _number_or_text(chosen) if field in NUMBER_FIELDS else chosen
        if same_value(current, new):
            self.refresh()
            return
        command = FinanceEditCommand(
            self.context, "indicator", item_id, field, current, new,
            self.tr("编辑“%1”（%2）").replace("%1", self.tr(FIELD_LABELS.get(field, field)))
            .replace("%2", record.content or self.tr("绩效指标")),
            subject=item_subject(record))
        self.stack.push(command)  # written: its Changes repaint the form
        if command.failed:  # refused: the old value comes back
            self.refresh()

    def _save_text(self, field: str, label: str, text: str) -> None:
        """Written while the field still holds what this window showed (checked in the write's
        transaction); changed elsewhere meanwhile: the clerk sees both and chooses."""
        widget = self.texts.get(field)
        if widget is None or self.assessment_id is None or widget.property("saved") == text.strip():
            return
        shown, new = widget.property("saved"), text.strip()

        def settle(theirs: Any) -> str | None:
            chosen = self._resolve(field, new, "" if theirs is None else str(theirs), label)
            return None if chosen is None or chosen.strip() == theirs else chosen.strip()

        widget.setProperty("saved", new)
        command = FinanceEditCommand(self.context, "form", self.assessment_id, field, shown,
                                     new, self.tr("编辑“%1”").replace("%1", label),
                                     visit=self._text_visits.get(field), resolve=settle)
        self.stack.push(command)
        if command.failed or command.kept_theirs:  # the form shows what is stored
            self._texts_changed()

    def _texts_changed(self) -> None:
        try:
            view: FormView | None = self.context.services.finance.view(self.assessment_id or 0)
        except ModelError:
            view = None  # deleted meanwhile, or not a form: refresh() says nothing either
        if view is not None:
            form = view.form
            for field, widget in self.texts.items():
                value = getattr(form, field)
                current = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
                typing = widget.hasFocus() and current.strip() != widget.property("saved")
                if typing:
                    continue  # never overwrite what the clerk is typing (saved when they leave)
                widget.setProperty("saved", value)
                if current != value:
                    widget.setPlainText(value) if isinstance(widget, QPlainTextEdit) \
                        else widget.setText(value)
        self.refresh(view=view)

    def _fund_changed(self, item: QTableWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if self._loading or not data or self.assessment_id is None:
            return
        fund_id, key, shown = data
        text = item.text().strip()

        def settle(theirs: Any) -> str | None:
            """Changed elsewhere since the table showed it: the clerk's choice, None: theirs."""
            chosen = self._resolve(key, text, _text_of(theirs))
            if chosen is None or same_value(_number_or_text(chosen), theirs):
                return None
            return chosen.strip() or None

        self._in_table_edit = True
        try:
            self.stack.push(FinanceEditCommand(
                self.context, "fund", fund_id, key, shown, text or None,
                self.tr("编辑资金“%1”").replace("%1", self.tr(FIELD_LABELS.get(key, key))),
                resolve=settle))
        finally:
            self._in_table_edit = False
        # read after this signal returns (the table's items are rebuilt): what is stored now
        QTimer.singleShot(0, self.refresh)

    def _resolve(self, field: str, mine: str, theirs: str, label: str = "") -> str | None:
        """Both versions shown; the text to store, or None to keep theirs as it is."""
        label = label or self.tr(FIELD_LABELS.get(field, field))
        chosen = resolve_conflict(self, label, mine, theirs)
        return None if chosen == theirs else chosen


def _text_of(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return format_number(value)
    return str(value)


def _number_or_text(text: str) -> object:
    try:
        return float(text) if text.strip() else None
    except ValueError:
        return text
