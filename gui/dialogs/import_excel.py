"""File → Import Excel: read the workbook off the GUI thread, preview it (import_preview: every
sheet's table with a field chooser above each column; import_finance: a 项目支出/部门整体绩效自评表,
recognised first as import-xlsx does), then store the chosen sheets at once (all or nothing)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from gui.dialogs.import_columns import field_labels
from gui.dialogs.import_finance import FinancePreview
from gui.dialogs.import_preview import ImportPreview
from gui.infra.errors import describe
from gui.infra.format_text import format_text
from gui.infra.workers import run_job
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
from importers.xlsx_table import ImportedWorkbook, ImportOptions, analyse, load_grids
from model.services import Services


def read_for_import(path: Path) -> FinanceImport | list[Grid]:
    """A file the finance format recognises, read as a form (what import-xlsx does); else every
    sheet's grid for the table preview."""
    fmt = format_for(path, {})
    return fmt.read(path, {}) if fmt.name == "finance_form" else load_grids(path)


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
    read = read_off_thread(parent, lambda: read_table(path))
    if read is None:
        return None
    grids, workbook = read
    preview = ImportPreview(parent, path, grids, current, workbook=workbook)
    if preview.exec() != QDialog.DialogCode.Accepted:
        return None
    chosen = TableImport(preview.result_workbook(), preview.chosen_tables())
    return fmt, chosen, preview.target.currentData()


def read_table(path: Path) -> tuple[list[Grid], ImportedWorkbook]:
    """Every sheet's cells and the tables read from them as proposed (the worker's part)."""
    grids = load_grids(path)
    return grids, analyse(path, grids, ImportOptions())


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
