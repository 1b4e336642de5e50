"""File → Import Excel: read the workbook off the GUI thread, preview every sheet's table with a
field chooser above each column, then store the chosen sheets at once (all or nothing). A
项目支出/部门整体绩效自评表 is recognised first (as import-xlsx does) and comes in as a scored form."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.dialogs.import_columns import ColumnTable, field_labels
from gui.errors import describe
from gui.format_text import format_text
from gui.settings import Settings
from gui.workers import run_job
from importers.errors import ImportCancelled
from importers.finance_xlsx import FinanceImport
from importers.formats.clerk_table import TableImport
from importers.grid import Grid
from importers.registry import (
    ImportFormat,
    StoredImport,
    format_for,
    import_format,
    import_suffixes,
    run_import,
)
from importers.xlsx_table import (
    ImportedTable,
    ImportedWorkbook,
    ImportOptions,
    SheetProblem,
    analyse,
    load_grids,
)
from model.finance_layouts import load_finance_layout
from model.services import Services
from model.vocabulary import COMPLETED
from model.vocabulary import STATUS_NAMES as STATUSES

NO_YEAR = 0


class ImportPreview(QDialog):
    """What will be imported — sheets, columns and their fields, counts, warnings — before any write."""

    def __init__(self, parent: QWidget, path: Path, grids: list[Grid], current: int | None,
                 settings: Settings | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入预览"))
        self.path, self.grids = path, grids
        self.settings = settings or Settings()
        self.mapping: dict[str, str] = {}
        self.header_rows: dict[str, int] = {}
        self.workbook = analyse(path, grids, ImportOptions())
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
        self.sheets.setMaximumWidth(260)
        self.sheets.currentRowChanged.connect(lambda _row: self._show_sheet())
        self.sheets.itemChanged.connect(lambda _item: self._update_counts())
        top.addWidget(self.sheets)
        form = QFormLayout()
        form.addRow(self.tr("文件"), QLabel(self.path.name, self))
        self.unit = QLineEdit(self.workbook.unit, self)
        self.unit.setPlaceholderText(self.tr("标题中没有单位名称，请填写"))
        form.addRow(self.tr("单位名称"), self.unit)
        self.year = QSpinBox(self)
        self.year.setRange(NO_YEAR, 2200)
        self.year.setSpecialValueText(self.tr("（标题中没有年度，请填写）"))
        self.year.setValue(self.workbook.year or NO_YEAR)
        form.addRow(self.tr("年度"), self.year)
        self.target = QComboBox(self)
        self.target.addItem(self.tr("新建一个自评"), None)
        if current is not None:
            self.target.addItem(self.tr("导入到当前自评"), current)
        form.addRow(self.tr("导入到"), self.target)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        form.addRow(self.tr("内容"), self.summary)
        self.header_row = QSpinBox(self)
        self.header_row.setRange(0, 1000)
        self.header_row.setSpecialValueText(self.tr("自动"))
        self.header_row.setAccessibleName(self.tr("本工作表的表头所在行"))
        self.header_row.valueChanged.connect(self._header_row_changed)
        form.addRow(self.tr("表头所在行"), self.header_row)
        status_row = QHBoxLayout()
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
        top.addLayout(form, 1)
        outer.addLayout(top)
        self.sheet_label = QLabel(self)
        outer.addWidget(self.sheet_label)
        self.table = ColumnTable(self, self.choose)
        outer.addWidget(self.table, 1)
        self.warnings = QPlainTextEdit(self)
        self.warnings.setReadOnly(True)
        self.warnings.setMaximumHeight(110)
        self.warnings.setAccessibleName(self.tr("提示"))
        outer.addWidget(self.warnings)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, parent=self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.resize(1100, 640)

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
                             filled_status=status)

    def _analyse(self) -> None:
        self.workbook = analyse(self.path, self.grids, self._options())

    def _reanalyse(self) -> None:
        if not self._filling:
            self._analyse()
            self._fill()

    def choose(self, header: str, field: str) -> None:
        """The clerk picked a field for a column: every sheet is read again with it."""
        if self._filling:
            return
        self.mapping[header] = field
        self._reanalyse()

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
            table = isinstance(sheet, ImportedTable)
            doubt = isinstance(sheet, ImportedTable) and bool(sheet.doubt)
            text = (self.tr("%1（%2 项，请核对各列字段）") if doubt else self.tr("%1（%2 项）")
                    if table else self.tr("%1（未识别表头）"))
            text = text.replace("%1", sheet.sheet).replace("%2", str(len(sheet.items))
                                                           if isinstance(sheet, ImportedTable) else "")
            table = table and not doubt  # a doubtful proposal is the clerk's to confirm
            item = QListWidgetItem(text, self.sheets)
            item.setData(Qt.ItemDataRole.UserRole, sheet.sheet)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = table if checked is None else sheet.sheet in checked
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.sheets.setCurrentRow(max(current, 0))
        if not first:  # a title read only now (columns just chosen) fills what is still empty
            if not self.unit.text().strip() and self.workbook.unit:
                self.unit.setText(self.workbook.unit)
            if not self.year.value() and self.workbook.year:
                self.year.setValue(self.workbook.year)
        self._filling = False
        self._show_sheet()
        self._update_counts()

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
        self.table.show_columns(sheet.columns, sheet.sample)
        self.header_row.setValue(self.header_rows.get(sheet.sheet, 0))
        self._filling = False
        row = sheet.header_row
        if isinstance(sheet, ImportedTable):
            self.sheet_label.setText(self.tr("工作表“%1”：第 %2 行是表头；在每列上方选择它对应的字段。")
                                     .replace("%1", sheet.sheet).replace("%2", str(row)))
            self.warnings.setPlainText("\n".join([sheet.doubt] * bool(sheet.doubt) + sheet.warnings))
        else:
            text = self.tr("工作表“%1”：没有认出表头；请在各列上方选择字段（至少选出事项内容）。")
            self.sheet_label.setText(text.replace("%1", sheet.sheet))
            self.warnings.setPlainText(self.tr("第 %1 行最像表头；若不是，请在“表头所在行”中填写。")
                                       .replace("%1", str(row)) if row else "")
        fields = {c.field for c in sheet.columns}
        self.status_row.setVisible("status" not in fields and "result" in fields)

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


class FinancePreview(QDialog):
    """A 项目支出/部门整体绩效自评表: what the form holds, before it becomes a new scored assessment;
    or, on request, the plain-table preview of its indicator table."""

    def __init__(self, parent: QWidget | None, path: Path, form: FinanceImport) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入预览"))
        assessment = form.data["assessment"]
        outer = QVBoxLayout(self)
        # The layout's label names the form in full (项目支出绩效自评表（四川省…）).
        self.summary = QLabel(self.tr("工作表“%1”是%2，将新建一个自评并按表样计分。")
                              .replace("%1", form.sheet)
                              .replace("%2", load_finance_layout(form.layout).label), self)
        self.summary.setWordWrap(True)
        outer.addWidget(self.summary)
        details = QFormLayout()
        details.addRow(self.tr("文件"), QLabel(path.name, self))
        details.addRow(self.tr("单位名称"), QLabel(assessment["unit_name"], self))
        details.addRow(self.tr("年度"), QLabel(str(assessment["year"]), self))
        self.counts = QLabel(self.tr("%1 项绩效指标，%2 行资金")
                             .replace("%1", str(len(form.data["indicators"])))
                             .replace("%2", str(len(form.data["funds"]))), self)
        details.addRow(self.tr("内容"), self.counts)
        outer.addLayout(details)
        self.warnings = QPlainTextEdit("\n".join(form.warnings), self)
        self.warnings.setReadOnly(True)
        self.warnings.setMaximumHeight(110)
        self.warnings.setAccessibleName(self.tr("提示"))
        self.warnings.setVisible(bool(form.warnings))
        outer.addWidget(self.warnings)
        self.plain = QCheckBox(self.tr("按普通表格导入（逐列选择字段，不按表样计分）"), self)
        outer.addWidget(self.plain)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, parent=self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)

    def as_plain_table(self) -> bool:
        return self.plain.isChecked()


def read_for_import(path: Path) -> FinanceImport | list[Grid]:
    """A file the finance format recognises, read as a form (what import-xlsx does); else every
    sheet's grid for the table preview."""
    fmt = format_for(path, {})
    return fmt.read(path, {}) if fmt.name == "finance_form" else load_grids(path)


def _headers(sheet: ImportedTable | SheetProblem) -> list[str]:
    return [c.header for c in sheet.columns]


# What the clerk chose in a preview: the format that stores it, what it stores, where to.
Chosen = tuple[ImportFormat, object, int | None]
T = TypeVar("T")


def import_excel(parent: QWidget, services: Services, current: int | None,
                 folder: str, store: Callable[..., StoredImport] = run_import) -> int | None:
    """Returns the id of the assessment that received the items, or None. store: run_import,
    or the window's wrapper that also notes what it created (the undo step)."""
    name, _ = QFileDialog.getOpenFileName(parent, parent.tr("导入 Excel 表格"), folder,
                                          open_filter(parent))
    if not name:
        return None
    path = Path(name)
    if hasattr(store, "file"):  # the undo step names the file
        store.file = path
    fmt = read_off_thread(parent, lambda: format_for(path, {}))
    if fmt is None:
        return None
    chosen = PREVIEWS.get(fmt.name, preview_summary)(parent, fmt, path, current)
    if chosen is None:
        return None
    chosen_format, read, into = chosen
    stored, error = run_job(parent, parent.tr("正在导入…"),
                            lambda progress: store(chosen_format, services, read, into, progress))
    if isinstance(error, ImportCancelled):
        return None
    if error is not None:
        _show_error(parent, error)
        return None
    return stored.assessment_id


def read_off_thread(parent: QWidget, read: Callable[[], T]) -> T | None:
    """read() on a worker while the progress dialog shows; None (and the refusal shown) when the
    file cannot be read (what a format reads is never None)."""
    found, error = run_job(parent, parent.tr("正在读取表格…"), lambda _p: read())
    if error is not None:
        _show_error(parent, error)
        return None
    return found


def open_filter(parent: QWidget) -> str:
    patterns = " ".join(f"*{suffix}" for suffix in import_suffixes())
    return parent.tr("Excel 表格 (%1);;所有文件 (*)").replace("%1", patterns)


def preview_form(parent: QWidget, fmt: ImportFormat, path: Path,
                 current: int | None) -> Chosen | None:
    """A 绩效自评表: its own preview, or on request the table preview of its indicator table."""
    form = read_off_thread(parent, lambda: fmt.read(path, {}))
    if form is None:
        return None
    finance = FinancePreview(parent, path, form)
    if finance.exec() != QDialog.DialogCode.Accepted:
        return None
    if finance.as_plain_table():
        return preview_table(parent, import_format("clerk_table"), path, current)
    return fmt, form, None


def preview_table(parent: QWidget, fmt: ImportFormat, path: Path,
                  current: int | None) -> Chosen | None:
    """Any other table: every sheet previewed with a field chooser above each column."""
    grids = read_off_thread(parent, lambda: load_grids(path))
    if grids is None:
        return None
    preview = ImportPreview(parent, path, grids, current)
    if preview.exec() != QDialog.DialogCode.Accepted:
        return None
    chosen = TableImport(preview.result_workbook(), preview.chosen_tables())
    return fmt, chosen, preview.target.currentData()


def preview_summary(parent: QWidget, fmt: ImportFormat, path: Path,
                    _current: int | None) -> Chosen | None:
    """A format without a preview of its own: what its dry run counts, then a question."""
    read = read_off_thread(parent, lambda: fmt.read(path, {}))
    if read is None:
        return None
    found = fmt.preview(read)
    lines = [parent.tr("工作表“%1”：%2 项").replace("%1", str(s["name"])).replace("%2", str(s["items"]))
             for s in found.get("sheets", [])]
    answer = QMessageBox.question(parent, parent.tr("导入预览"), parent.tr(
        "“%1”是%2，将新建一个自评：").replace("%1", path.name).replace("%2", format_text(fmt.label))
        + "\n" + "\n".join(lines))
    return (fmt, read, None) if answer == QMessageBox.StandardButton.Yes else None


# The preview of each import format of the registry (importers/formats/), by its name; any other
# format gets preview_summary.
PREVIEWS: dict[str, Callable[[QWidget, ImportFormat, Path, int | None], Chosen | None]] = {
    "finance_form": preview_form, "clerk_table": preview_table}


def _show_error(parent: QWidget, error: Exception) -> None:
    QMessageBox.critical(parent, parent.tr("无法导入"), describe(error))


__all__ = ["PREVIEWS", "FinancePreview", "ImportPreview", "field_labels", "import_excel",
           "read_for_import"]
