"""The first paint's plain read gives what the services give, never writes, and stands aside for
a file the program would not open as it is."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from model.framework.first_view import read_first_view
from model.services import Services


def test_the_first_view_is_what_the_services_read(demo: Services, demo_id: int) -> None:
    view = read_first_view(str(demo.db.sqlite_path), whole_tree_up_to=3000)
    assert view is not None and view.assessment is not None
    assert view.assessments == demo.assessments.list()
    assert view.assessment == demo.assessments.get(demo_id)
    assert view.display_name == demo.db.display_name
    assert view.dimensions == demo.dimensions.list(demo_id)
    assert view.items == demo.items.list(demo_id)
    assert view.counts == demo.items.counts(demo_id)
    assert view.departments == demo.items.departments(demo_id)
    assert view.status_counts == demo.items.status_counts(demo_id)


def test_a_large_assessment_is_read_as_its_dimensions(demo: Services, demo_id: int) -> None:
    view = read_first_view(str(demo.db.sqlite_path), whole_tree_up_to=10)
    assert view is not None and view.items is None
    for dim in demo.dimensions.list(demo_id):
        assert view.dimension_items(dim.id) == demo.items.list_for_dimension(dim.id)


def test_reading_changes_nothing(demo: Services, tmp_path: Path) -> None:
    path = demo.db.sqlite_path
    assert path is not None
    demo.close()
    files = set(path.parent.iterdir())
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    assert read_first_view(str(path), whole_tree_up_to=3000) is not None
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    # nothing new but SQLite's own -wal/-shm of a WAL database (the open that follows makes them)
    assert {p.name for p in set(path.parent.iterdir()) - files} <= {"demo.db-wal", "demo.db-shm"}


def test_files_not_opened_as_they_are_give_none(demo: Services, tmp_path: Path) -> None:
    path = demo.db.sqlite_path
    assert path is not None
    demo.close()
    assert read_first_view(str(tmp_path / "missing.db"), whole_tree_up_to=3000) is None
    assert not (tmp_path / "missing.db").exists()
    assert read_first_view(str(tmp_path), whole_tree_up_to=3000) is None  # a folder
    assert read_first_view("postgresql+psycopg://clerk@server/zicha", whole_tree_up_to=3000) is None
    older = tmp_path / "older.db"
    shutil.copy(path, older)
    with sqlite3.connect(older) as connection:  # an older schema: the services upgrade it first
        connection.execute("UPDATE alembic_version SET version_num = '0012'")
    assert read_first_view(str(older), whole_tree_up_to=3000) is None
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"not a database" * 100)
    assert read_first_view(str(damaged), whole_tree_up_to=3000) is None
