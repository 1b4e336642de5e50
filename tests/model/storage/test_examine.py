"""A database from outside is ours only when its schema is exactly what its revision defines;
damaged, foreign, newer, empty files and non-files are told apart without hanging."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from model.errors import DatabaseRefusedError
from model.services import Services
from model.storage.examine import examine, require_regular_file
from model.storage.reference import build_schema
from model.storage.revisions import known_revisions
from tests.model.storage.crafted import DAMAGE_KINDS, HOSTILE_SCHEMAS, damage, hostile_schema

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.parametrize("revision", sorted(known_revisions()))
def test_every_known_revision_made_by_its_migrations_is_ours(tmp_path: Path, revision: str) -> None:
    db = tmp_path / f"r{revision}.db"
    engine = create_engine(f"sqlite:///{db}")
    build_schema(engine, revision)
    engine.dispose()
    found = examine(db)
    assert found.ok and found.revision == revision, found.problems


def test_the_committed_0001_database_is_ours() -> None:
    found = examine(DATA / "v0001.db")
    assert found.ok and found.revision == "0001"


def test_a_demo_database_is_ours(demo: Services) -> None:
    assert examine(demo.db.sqlite_path).ok


@pytest.mark.parametrize("kind", sorted(HOSTILE_SCHEMAS))
def test_a_hostile_schema_is_refused_quickly(demo: Services, tmp_path: Path, kind: str) -> None:
    db = hostile_schema(demo.db.sqlite_path, tmp_path / "hostile.db", kind)
    started = time.monotonic()
    found = examine(db)
    assert time.monotonic() - started < 5  # the endless view is never queried
    assert found.kind == "schema", found.problems
    assert "结构与本程序不符" in found.summary()


@pytest.mark.parametrize("kind", DAMAGE_KINDS)
def test_damage_is_named(demo: Services, tmp_path: Path, kind: str) -> None:
    demo.close()
    db = damage(demo.db.sqlite_path, tmp_path / "damaged.db", kind)
    found = examine(db)
    assert found.kind == "damaged"
    assert ("索引损坏" if kind == "damaged index" else "损坏") in found.summary()


def test_newer_foreign_and_empty_files(demo: Services, tmp_path: Path) -> None:
    demo.close()
    newer = tmp_path / "newer.db"
    newer.write_bytes(demo.db.sqlite_path.read_bytes())
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    assert examine(newer).kind == "newer"
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE t (x)")
    connection.close()
    assert examine(foreign).kind == "foreign"
    text = tmp_path / "text.db"
    text.write_text("not a database")
    assert examine(text).kind == "foreign"
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    assert examine(empty).kind == "empty"
    blank = tmp_path / "blank.db"
    sqlite3.connect(blank).execute("PRAGMA user_version = 1").connection.close()
    assert examine(blank).kind == "empty"


def test_not_files_are_refused_without_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.db"
    os.mkfifo(fifo)
    for path, words in ((fifo, "不是普通文件"), (Path("/dev/null"), "不是普通文件"),
                        (tmp_path, "是文件夹"), (tmp_path / "missing.db", "不存在")):
        with pytest.raises(DatabaseRefusedError, match=words):
            require_regular_file(path)
        with pytest.raises(DatabaseRefusedError, match=words):
            examine(path)


def test_examining_leaves_no_trace(demo: Services, tmp_path: Path) -> None:
    demo.close()
    folder = demo.db.sqlite_path.parent
    before = sorted(p.name for p in folder.iterdir())
    examine(demo.db.sqlite_path)
    assert sorted(p.name for p in folder.iterdir()) == before
