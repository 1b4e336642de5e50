"""Opening databases: create at head, upgrade an old file after a backup, refuse unknown ones."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from model.errors import DatabaseRefusedError
from model.schema import Base
from model.services import Services
from model.storage.migrate import open_sqlite
from model.storage.revisions import head_revision

OLD_DB = Path(__file__).parents[1] / "data" / "v0001.db"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        lines = list(connection.iterdump())
    connection.close()
    return lines


def revision(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def test_new_file_is_created_at_head_and_matches_the_schema(tmp_path: Path) -> None:
    database = open_sqlite(tmp_path / "new.db")

    def ours(obj, name, type_, reflected, compare_to) -> bool:
        return not (type_ == "table" and name.startswith("item_fts"))  # FTS5 tables: SQL only

    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": ours})
        diff = compare_metadata(context, Base.metadata)
    database.dispose()
    assert diff == []
    assert revision(tmp_path / "new.db") == head_revision()


def test_old_file_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "2021.db"
    shutil.copy(OLD_DB, path)
    original = dump(path)
    services = Services.over(open_sqlite(path))
    try:
        [summary] = services.assessments.list()
        assert (summary.items, summary.dimensions, summary.evidence) == (2, 2, 1)
        items = services.items.list(summary.id)
        assert [i.content for i in items] == ["常态化疫情防控", "行政执法规范与效能"]
        assert items[0].version == 3 and items[0].department == "疾控处"
        assert [d.report_heading for d in services.dimensions.list(summary.id)] == ["", ""]
        services.narrative.set_text(summary.id, "overview", "升级后可写入总体情况")
    finally:
        services.close()
    assert revision(path) == head_revision()
    [backup] = tmp_path.glob("2021.before-upgrade-0001.*.db")
    assert dump(backup) == original  # the backup holds the old file's data, at the old revision


def test_unknown_revision_is_refused_and_file_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    open_sqlite(path).dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff9999'")
    connection.close()
    before = sha(path)
    with pytest.raises(DatabaseRefusedError, match="更新版本"):
        open_sqlite(path)
    assert sha(path) == before
    assert not list(tmp_path.glob("newer.before-*"))  # not even a backup was made


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("这不是数据库", encoding="utf-8")
    with pytest.raises(DatabaseRefusedError, match="不是本程序的数据库"):
        open_sqlite(path)
    assert path.read_text(encoding="utf-8") == "这不是数据库"


def test_a_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.close()
    with pytest.raises(DatabaseRefusedError, match="缺少结构版本"):
        open_sqlite(path)


def test_network_share_is_refused() -> None:
    with pytest.raises(DatabaseRefusedError, match="网络共享"):
        open_sqlite(Path("//fileserver/综合处/assessments.db"))


def test_sqlite_pragmas(services: Services) -> None:
    with services.db.engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("foreign_keys") == 1
        assert pragma("journal_mode") == "wal"
        assert pragma("busy_timeout") >= 5000


def test_upgraded_items_get_the_new_fields_and_the_index_covers_them(tmp_path: Path) -> None:
    path = tmp_path / "2021.db"
    shutil.copy(OLD_DB, path)
    services = Services.over(open_sqlite(path))
    try:
        [summary] = services.assessments.list()
        item = services.items.list(summary.id)[0]
        assert (item.owner, item.deadline, item.note, item.extras) == ("", "", "", ())
        services.items.update(item.id, owner="升级后的责任人", extras={"督办意见": "升级后按期办结"})
        assert services.search.has_index()
        assert services.search.item_ids(summary.id, "升级后的责任人") == {item.id}
        assert services.search.item_ids(summary.id, "升级后按期办结") == {item.id}
        assert services.search.item_ids(summary.id, "常态化疫情") == {item.id}  # old text kept
    finally:
        services.close()


def test_revisions_read_from_the_scripts_are_alembics() -> None:
    from alembic.script import ScriptDirectory

    from model.storage.revisions import alembic_config, known_revisions

    scripts = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == scripts.get_current_head()
    assert known_revisions() == {s.revision for s in scripts.walk_revisions()}


def test_stored_reference_schemas_are_those_the_migrations_build() -> None:
    """After changing a migration: python -m model.storage.reference (rewrites the file)."""
    from model.storage.reference import built_schema, stored_schemas
    from model.storage.revisions import known_revisions

    stored = stored_schemas()
    assert set(stored) == known_revisions(), "reference_schemas.json is out of date"
    for revision in sorted(known_revisions()):
        assert stored[revision] == built_schema(revision), revision


def test_a_changed_migration_is_not_compared_with_a_stale_stored_schema(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from model.storage import reference

    monkeypatch.setattr(reference, "migrations_digest", lambda: "changed")
    reference.stored_schemas.cache_clear()
    try:
        assert reference.stored_schemas() == {}  # so every reference is built by the migrations
    finally:
        reference.stored_schemas.cache_clear()


def test_opening_a_current_database_does_not_load_alembic(tmp_path: Path) -> None:
    """Alembic (a third of a second) loads only when a migration is to run: not on every open."""
    import subprocess
    import sys

    path = tmp_path / "current.db"
    open_sqlite(path).dispose()
    root = Path(__file__).resolve().parents[3]
    code = ("import sys; from pathlib import Path; from model.storage.migrate import open_sqlite; "
            f"open_sqlite(Path({str(path)!r})).dispose(); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'mako')))")
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"


def test_an_old_file_is_still_upgraded_when_alembic_is_not_loaded_yet(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "2021.db"
    shutil.copy(OLD_DB, path)
    root = Path(__file__).resolve().parents[3]
    code = ("from pathlib import Path; from model.storage.migrate import open_sqlite; "
            f"open_sqlite(Path({str(path)!r})).dispose()")
    subprocess.run([sys.executable, "-c", code], cwd=root, check=True)
    assert revision(path) == head_revision()
    assert len(list(tmp_path.glob("2021.before-upgrade-0001.*.db"))) == 1
