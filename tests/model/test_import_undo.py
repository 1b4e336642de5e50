"""An import as one undoable step: undo removes exactly what it created, redo brings the same
rows back (same ids), each in one transaction; refused when the rows were changed since."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.registry import import_format, run_import
from model.errors import ConflictError
from model.framework.import_undo import imported_rows, remove_import, restore_import, row_ids
from model.services import Services
from tests.gui.conftest import database_state
from tests.importers import clerk_tables


def _import(services: Services, workbook: Path, into: int | None):
    fmt = import_format("clerk_table")
    read = fmt.read(workbook, {})
    before = row_ids(services.db, into)
    stored = run_import(fmt, services, read, into)
    return imported_rows(services.db, stored.assessment_id, into, before)


def test_into_an_assessment_undo_and_redo(demo: Services, demo_id: int, tmp_path: Path) -> None:
    path = demo.db.sqlite_path
    before = database_state(path)
    rows = _import(demo, clerk_tables.doubled_category_tasks(tmp_path / "任务.xlsx"), demo_id)
    assert rows.item_ids and not rows.new_assessment
    after = database_state(path)
    deleted = remove_import(demo.db, rows)
    assert database_state(path) == before
    restore_import(demo.db, deleted)
    assert database_state(path) == after


def test_a_new_assessment_undo_and_redo(demo: Services, tmp_path: Path) -> None:
    path = demo.db.sqlite_path
    before = database_state(path)
    rows = _import(demo, clerk_tables.doubled_category_tasks(tmp_path / "任务.xlsx"), None)
    assert rows.new_assessment
    after = database_state(path)
    deleted = remove_import(demo.db, rows)
    assert database_state(path) == before
    restore_import(demo.db, deleted)
    assert database_state(path) == after


def test_rows_changed_since_are_never_removed(demo: Services, demo_id: int, tmp_path: Path) -> None:
    rows = _import(demo, clerk_tables.doubled_category_tasks(tmp_path / "任务.xlsx"), demo_id)
    demo.items.update(rows.item_ids[0], None, result="导入后另一窗口写的")
    changed = database_state(demo.db.sqlite_path)
    with pytest.raises(ConflictError):
        remove_import(demo.db, rows)
    assert database_state(demo.db.sqlite_path) == changed
