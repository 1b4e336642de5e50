"""An import as one undo step (导入“X.xlsx”（41 项）): the first run has stored it already (off the
GUI thread, as run_import does); undo removes what it created, redo puts the same rows back
(same ids, so later steps still find them), each in one transaction through model.import_undo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from gui.change import Change
from gui.commands.base import EditContext, ServiceCommand
from importers.registry import StoredImport, run_import
from model.import_undo import ImportedRows, imported_rows, remove_import, restore_import, row_ids
from model.records import DeletedRows
from model.services import Services

# the window's answer to an assessment appearing or disappearing: list them, show this one
Shown = Callable[[int | None], None]


class ImportCommand(ServiceCommand):
    def __init__(self, context: EditContext, rows: ImportedRows, text: str,
                 show: Shown, came_from: int | None) -> None:
        super().__init__(context, text)
        self.rows, self.show, self.came_from = rows, show, came_from
        self.deleted: DeletedRows | None = None
        self.subject = text

    def apply(self) -> None:
        if self.deleted is not None:  # a redo: the same rows again
            restore_import(self.services.db, self.deleted)
            self.deleted = None
            self._announce(self.rows.assessment_id)

    def revert(self) -> None:
        self.deleted = remove_import(self.services.db, self.rows)
        self._announce(self.came_from if self.rows.new_assessment else self.rows.assessment_id)

    def _announce(self, shown: int | None) -> None:
        if self.rows.new_assessment:
            self.show(shown)
        else:
            self.notifier.structure_changed.emit(Change.structure("item", 0, self.origin))


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

    def push(self, window: Any, came_from: int | None) -> None:
        """The step on the stack of the assessment that received the rows (shown now)."""
        if self.rows is None:
            return
        def show(assessment_id: int | None) -> None:
            window.fill_assessments(select=assessment_id)
        name = self.file.name if self.file else window.tr("Excel 表格")
        text = import_step_name(window.tr, name, len(self.rows.item_ids))
        window.undo_stack.push(ImportCommand(window.context, self.rows, text, show, came_from))

