"""An import as one undo step (导入“X.xlsx”（41 项）): the first run has stored it already (off the
GUI thread, as run_import does); undo removes what it created, redo puts the same rows back
(same ids, so later steps still find them), each in one transaction through model.framework.import_undo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gui.commands.base import EditContext, ServiceCommand
from importers.registry import StoredImport, run_import
from model.edits.changes import Changes
from model.edits.writes import imported
from model.framework.import_undo import ImportedRows, imported_rows, row_ids
from model.records import DeletedRows
from model.services import Services

if TYPE_CHECKING:
    from gui.window.window_context import WindowContext


class ImportCommand(ServiceCommand):
    """The first run announces the import (stored already); undo and redo write through
    model.edits.writes. The Changes name the assessment to show when the import made one."""

    first_origin = "import"

    def __init__(self, context: EditContext, rows: ImportedRows, text: str,
                 came_from: int | None) -> None:
        super().__init__(context, text)
        self.rows, self.came_from = rows, came_from
        self.deleted: DeletedRows | None = None
        self.subject = text

    def apply(self) -> Changes:
        if self.deleted is None:  # the first run: stored by the import already
            return imported(self.rows)
        outcome = self.writes.restore_import(self.rows, self.deleted)  # a redo: the same rows
        self.deleted = None
        return outcome.changes

    def revert(self) -> Changes:
        outcome = self.writes.remove_import(self.rows)
        self.deleted = outcome.result
        if self.rows.new_assessment:  # its assessment is gone: the one shown before comes back
            return Changes.of_assessments(self.came_from)
        return outcome.changes


def import_step_name(tr: Callable[[str], str], file_name: str, items: int) -> str:
    return tr("导入“%1”（%2 项）").replace("%1", file_name).replace("%2", str(items))


class undoable_store:  # noqa: N801 — used as the function run_import is
    """run_import, noting what the import created (on the worker thread, right after it)."""

    def __init__(self) -> None:
        self.rows: ImportedRows | None = None
        self.file: Path | None = None  # the workbook chosen (import_excel says which)

    def __call__(self, fmt: Any, services: Services, read: Any, into: int | None,
                 progress: Any = None) -> StoredImport:
        before = row_ids(services.db, into)
        stored = run_import(fmt, services, read, into, progress)
        self.rows = imported_rows(services.db, stored.assessment_id, into, before)
        return stored

    def push(self, ctx: WindowContext, came_from: int | None) -> bool:
        """The step on the stack of the assessment that received the rows; its first run
        announces them (the window shows that assessment). False: nothing was noted."""
        if self.rows is None:
            return False
        tr = ctx.widget.tr
        name = self.file.name if self.file else tr("Excel 表格")
        text = import_step_name(tr, name, len(self.rows.item_ids))
        ctx.undo.switch_to(self.rows.assessment_id)
        ctx.undo.push(ImportCommand(ctx.edit, self.rows, text, came_from))
        return True

