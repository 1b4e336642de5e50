"""The import preview of a clerk's table: every sheet, every row (virtual scrolling) under a field
chooser per column, the remarks, the rows left out with one tick to include each — before any write."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from gui.dialogs.import_columns import ColumnTable
from gui.dialogs.import_notes import LeftOutRows, Remarks
from gui.dialogs.import_rows import RowPlan
from gui.infra.errors import describe
from gui.infra.settings import Settings
from gui.infra.workers import run_job
from importers.grid import Grid
from importers.xlsx_table import ImportedTable, ImportedWorkbook, ImportOptions, SheetProblem, analyse
from model.vocabulary import COMPLETED
from model.vocabulary import STATUS_NAMES as STATUSES

NO_YEAR = 0
PREFERRED = (1200, 700)  # shrunk to the screen: it fits 1366×768 with a taskbar


class ImportPreview(QDialog):
    """What will be imported — sheets, columns and their fields, rows, remarks — before any write."""

    def __init__(self, parent: QWidget | None, path: Path, grids: list[Grid], current: int | None,
                 settings: Settings | None = None, workbook: ImportedWorkbook | None = None) -> None:
        """workbook: the grids as analyse() proposes them, when already read off the GUI thread."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入预览"))
        self.path, self.grids = path, grids
        self.settings = settings or Settings()
        self.mapping: dict[str, str] = {}
        self.header_rows: dict[str, int] = {}
        self.included: dict[str, frozenset[int]] = {}  # sheet → rows the clerk ticked in
        self._busy = self._again = False  # a reading under way; a choice made meanwhile
        self.workbook = workbook or analyse(path, grids, ImportOptions())
        self._remembered()
        self._filling = False
        self._build(current)
        self._fill(first=True)

    # --- layout ----------------------------------------------------------------------------
    def _build(self, current: int | None) -> None:
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.sheets = QListWidget(self)
        self.sheets.setAccessibleName(self.tr("工作表"))
        self.sheets.setMaximumWidth(300)
        self.sheets.setMaximumHeight(150)
        self.sheets.currentRowChanged.connect(lambda _row: self._show_sheet())
        self.sheets.itemChanged.connect(lambda _item: self._update_counts())
        top.addWidget(self.sheets)
        top.addLayout(self._form(current), 1)
        outer.addLayout(top)
        self.sheet_label = QLabel(self)
        self.sheet_label.setWordWrap(True)
        outer.addWidget(self.sheet_label)
        self.table = ColumnTable(self, self.choose, self.include)
        notes = QSplitter(Qt.Orientation.Horizontal, self)
        self.warnings = Remarks(notes)
        self.left_out = LeftOutRows(notes, self.include)
        left_out_box = QWidget(notes)
        box = QVBoxLayout(left_out_box)
        box.setContentsMargins(0, 0, 0, 0)
        self.left_out_label = QLabel(self.tr("未导入的行（勾选即作为事项导入）："), left_out_box)
        box.addWidget(self.left_out_label)
        box.addWidget(self.left_out)
        notes.addWidget(self.warnings)
        notes.addWidget(left_out_box)
        rows = QSplitter(Qt.Orientation.Vertical, self)
        rows.addWidget(self.table)
        rows.addWidget(notes)
        rows.setStretchFactor(0, 3)
        rows.setStretchFactor(1, 1)
        rows.setChildrenCollapsible(False)
        outer.addWidget(rows, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, parent=self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self._size_to_screen()

    def _form(self, current: int | None) -> QFormLayout:
        form = QFormLayout()
        form.addRow(self.tr("文件"), QLabel(self.path.name, self))
        self.unit = QLineEdit(self.workbook.unit, self)
        self.unit.setPlaceholderText(self.tr("标题中没有单位名称，请填写"))
        self.year = QSpinBox(self)
        self.year.setRange(NO_YEAR, 2200)
        self.year.setSpecialValueText(self.tr("（标题中没有年度，请填写）"))
        self.year.setValue(self.workbook.year or NO_YEAR)
        facts = QHBoxLayout()
        facts.addWidget(self.unit, 2)
        year_label = QLabel(self.tr("年度"), self)
        year_label.setBuddy(self.year)
        facts.addWidget(year_label)
        facts.addWidget(self.year, 1)
        form.addRow(self.tr("单位名称"), facts)
        self.target = QComboBox(self)
        self.target.addItem(self.tr("新建一个自评"), None)
        if current is not None:
            self.target.addItem(self.tr("导入到当前自评"), current)
        self.header_row = QSpinBox(self)
        self.header_row.setRange(0, 1000)
        self.header_row.setSpecialValueText(self.tr("自动"))
        self.header_row.setAccessibleName(self.tr("本工作表的表头所在行"))
        self.header_row.valueChanged.connect(self._header_row_changed)
        where = QHBoxLayout()
        where.addWidget(self.target, 2)
        header_label = QLabel(self.tr("表头所在行"), self)
        header_label.setBuddy(self.header_row)
        where.addWidget(header_label)
        where.addWidget(self.header_row, 1)
        form.addRow(self.tr("导入到"), where)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        form.addRow(self.tr("内容"), self.summary)
        status_row = QHBoxLayout()
        status_row.setContentsMargins(0, 0, 0, 0)
        self.set_status = QCheckBox(self.tr("完成情况已填写的事项，状态设为"), self)
        self.status = QComboBox(self)
        self.status.addItems(list(STATUSES))
        self.status.setCurrentText(COMPLETED)
        status_row.addWidget(self.set_status)
        status_row.addWidget(self.status)
        status_row.addStretch(1)
        self.status_row = QWidget(self)
        self.status_row.setLayout(status_row)
        self.set_status.toggled.connect(lambda _on: self._reanalyse())
        self.status.currentTextChanged.connect(lambda _t: self._reanalyse())
        form.addRow(self.status_row)
        return form

    def _size_to_screen(self) -> None:
        parent = self.parentWidget()
        screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else None
        width, height = PREFERRED
        if area is not None:
            width, height = min(width, int(area.width() * 0.94)), min(height, int(area.height() * 0.88))
        self.resize(width, height)

    # --- state -----------------------------------------------------------------------------
    def _remembered(self) -> None:
        """Fields a clerk chose before for tables with the same headers."""
        for sheet in self._all_sheets():
            self.mapping.update(self.settings.import_mapping(_headers(sheet)))
        if self.mapping:
            self._analyse()

    def _all_sheets(self) -> list[ImportedTable | SheetProblem]:
        order = [g.title for g in self.grids]
        sheets: list[ImportedTable | SheetProblem] = [*self.workbook.tables, *self.workbook.problems]
        found = {s.sheet: s for s in sheets}
        return [found[name] for name in order if name in found]

    def _options(self) -> ImportOptions:
        status = self.status.currentText() if getattr(self, "set_status", None) and \
            self.set_status.isChecked() else None
        return ImportOptions(mapping=dict(self.mapping), header_rows=dict(self.header_rows),
                             filled_status=status, include_rows=dict(self.included))

    def _analyse(self) -> None:
        """Every sheet read again with the clerk's choices, on a worker (a large table takes
        seconds: the busy dialog shows); a choice made meanwhile is read right after."""
        if self._busy:
            self._again = True
            return
        self._busy = True
        try:
            while True:
                self._again = False
                workbook, error = run_job(self, self.tr("正在按所选字段重新读取表格…"),
                                          partial(_read_again, self.path, self.grids, self._options()))
                if error is not None:
                    QMessageBox.warning(self, self.tr("无法导入"), describe(error))
                elif workbook is not None:
                    self.workbook = workbook
                if not self._again:
                    return
        finally:
            self._busy = False

    def _reanalyse(self) -> None:
        if not self._filling and not self._busy:
            self._analyse()
            self._fill()
        elif self._busy:
            self._again = True

    def choose(self, header: str, field: str) -> None:
        """The clerk picked a field for a column: every sheet is read again with it."""
        if self._filling:
            return
        self.mapping[header] = field
        self._reanalyse()

    def include(self, row: int, on: bool) -> None:
        """The clerk ticked a left-out row in (or out again): read once the tick's signal is over
        (the lists are rebuilt)."""
        sheet = self._sheet()
        if self._filling or sheet is None:
            return
        rows = set(self.included.get(sheet.sheet, frozenset()))
        rows = rows | {row} if on else rows - {row}
        self.included[sheet.sheet] = frozenset(rows)
        QTimer.singleShot(0, self, self._reanalyse)

    def _header_row_changed(self, row: int) -> None:
        """The clerk says where this sheet's header is (0: found automatically)."""
        sheet = self._sheet()
        if self._filling or sheet is None:
            return
        if row:
            self.header_rows[sheet.sheet] = row
        else:
            self.header_rows.pop(sheet.sheet, None)
        self._reanalyse()

    def _fill(self, first: bool = False) -> None:
        self._filling = True
        checked = None if first else self.chosen_sheets()
        current = self.sheets.currentRow()
        self.sheets.clear()
        for sheet in self._all_sheets():
            item = QListWidgetItem(self._sheet_text(sheet), self.sheets)
            item.setData(Qt.ItemDataRole.UserRole, sheet.sheet)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            # a doubtful proposal is the clerk's to confirm; a budget plan is not items
            proposed = isinstance(sheet, ImportedTable) and not sheet.doubt and not sheet.plan
            on = proposed if checked is None else sheet.sheet in checked
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        if first:  # the first sheet proposed for import is the one shown
            current = next((i for i in range(self.sheets.count())
                            if self.sheets.item(i).checkState() == Qt.CheckState.Checked), 0)
        self.sheets.setCurrentRow(max(current, 0))
        if not first:  # a title read only now (columns just chosen) fills what is still empty
            if not self.unit.text().strip() and self.workbook.unit:
                self.unit.setText(self.workbook.unit)
            if not self.year.value() and self.workbook.year:
                self.year.setValue(self.workbook.year)
        self._filling = False
        self._show_sheet()
        self._update_counts()

    def _sheet_text(self, sheet: ImportedTable | SheetProblem) -> str:
        if not isinstance(sheet, ImportedTable):
            return self.tr("%1（未识别表头）").replace("%1", sheet.sheet)
        text = (self.tr("%1（%2 项，请核对各列字段）") if sheet.doubt else
                self.tr("%1（%2 项，预算/计划表）") if sheet.plan else self.tr("%1（%2 项）"))
        return text.replace("%1", sheet.sheet).replace("%2", str(len(sheet.items)))

    def _sheet(self) -> ImportedTable | SheetProblem | None:
        item = self.sheets.currentItem()
        if item is None:
            return None
        name = item.data(Qt.ItemDataRole.UserRole)
        return next((s for s in self._all_sheets() if s.sheet == name), None)

    def _show_sheet(self) -> None:
        if self._filling:
            return
        sheet = self._sheet()
        if sheet is None:
            return
        self._filling = True
        self.table.show_sheet(self._row_plan(sheet))
        self.header_row.setValue(self.header_rows.get(sheet.sheet, 0))
        skipped = sheet.skipped_rows if isinstance(sheet, ImportedTable) else []
        self.left_out.show_rows(skipped)
        left_out = sum(1 for s in skipped if not s.included)  # a ticked row is imported
        self.left_out_label.setText(self.tr("未导入的行（%1 行；勾选即作为事项导入）：")
                                    .replace("%1", str(left_out)))
        self._filling = False
        if isinstance(sheet, ImportedTable):
            text = self.tr("工作表“%1”：第 %2 行是表头；在每列上方选择它对应的字段。")
            if sheet.plan:
                text += self.tr("（%3，默认不导入。）").replace("%3", sheet.plan)
            self.sheet_label.setText(text.replace("%1", sheet.sheet).replace("%2", str(sheet.header_row)))
            self.warnings.show_remarks([sheet.doubt] * bool(sheet.doubt) + sheet.warnings)
        else:
            text = self.tr("工作表“%1”：没有认出表头；请在各列上方选择字段（至少选出事项内容）。")
            self.sheet_label.setText(text.replace("%1", sheet.sheet))
            row = sheet.header_row
            self.warnings.show_remarks([self.tr("第 %1 行最像表头；若不是，请在“表头所在行”中填写。")
                                        .replace("%1", str(row))] if row else [])
        fields = {c.field for c in sheet.columns}
        self.status_row.setVisible("status" not in fields and "result" in fields)

    def _row_plan(self, sheet: ImportedTable | SheetProblem) -> RowPlan:
        grid = next((g for g in self.grids if g.title == sheet.sheet), None)
        if isinstance(sheet, ImportedTable):
            return RowPlan(grid, sheet.columns, sheet.header_row + sheet.header_height,
                           frozenset(i.row for i in sheet.items),
                           {s.row: s for s in sheet.skipped_rows})
        return RowPlan(grid, sheet.columns, sheet.header_row + 1, frozenset(), {})

    def chosen_sheets(self) -> list[str]:
        return [self.sheets.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.sheets.count())
                if self.sheets.item(i).checkState() == Qt.CheckState.Checked]

    def chosen_tables(self) -> list[ImportedTable]:
        names = set(self.chosen_sheets())
        return [t for t in self.workbook.tables if t.sheet in names]

    def _update_counts(self) -> None:
        if self._filling:
            return
        tables = self.chosen_tables()
        items, _ = self.workbook.items_of(tables) if tables else ([], [])
        dimensions = len({i.path[:n] for i in items for n in range(1, len(i.path) + 1)})
        self.summary.setText(self.tr("%1 个考评维度，%2 项").replace("%1", str(dimensions))
                             .replace("%2", str(len(items))))

    # --- accept ----------------------------------------------------------------------------
    def result_workbook(self) -> ImportedWorkbook:
        """The workbook with the unit and year as the clerk confirmed them."""
        year = self.year.value() or None
        return replace(self.workbook, unit=self.unit.text().strip(), year=year)

    def accept(self) -> None:
        problem = self._refusal()
        if problem:
            QMessageBox.warning(self, self.tr("无法导入"), problem)
            return
        skipped = list(dict.fromkeys(c.header for t in self.chosen_tables() for c in t.columns
                                     if c.field == "skip"))
        if skipped and not self.confirm_skipped(skipped):
            return
        for table in self.chosen_tables():
            self.settings.set_import_mapping(_headers(table), {c.header: c.field for c in table.columns})
        super().accept()

    def _refusal(self) -> str:
        names = self.chosen_sheets()
        if not names:
            return self.tr("请至少勾选一个工作表。")
        tables = {t.sheet for t in self.workbook.tables}
        unknown = [n for n in names if n not in tables]
        if unknown:
            return self.tr("工作表“%1”还没有认出表头：请在各列上方选择字段，或取消勾选它。").replace(
                "%1", unknown[0])
        if self.target.currentData() is None:
            if not self.year.value():
                return self.tr("表格标题中没有年度，请填写年度。")
            if not self.unit.text().strip():
                return self.tr("表格标题中没有单位名称，请填写单位名称。")
        return ""

    def confirm_skipped(self, headers: list[str]) -> bool:
        answer = QMessageBox.question(
            self, self.tr("确认不导入"),
            self.tr("以下列的内容不会导入：%1。确定吗？").replace("%1", "、".join(headers)))
        return answer == QMessageBox.StandardButton.Yes


def _read_again(path: Path, grids: list[Grid], options: ImportOptions,
                _progress: object) -> ImportedWorkbook:
    return analyse(path, grids, options)


def _headers(sheet: ImportedTable | SheetProblem) -> list[str]:
    return [c.header for c in sheet.columns]
