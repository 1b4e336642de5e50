"""Stable keys: backfilled by the migration for existing rows, unique, new for a copy into a new
year, kept by a hand-over package (the same database, so the same keys)."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

from alembic.script import ScriptDirectory

from model.services import Services
from model.storage.handover import pack, unpack
from model.storage.migrate import open_sqlite
from model.storage.revisions import alembic_config, head_revision

OLD_DB = Path(__file__).parents[1] / "data" / "v0001.db"
KEYED = ("assessment", "dimension", "check_item")


def uids(path: Path) -> dict[str, list[tuple[int, str]]]:
    with sqlite3.connect(path) as connection:
        return {t: connection.execute(f"SELECT id, uid FROM {t} ORDER BY id").fetchall()
                for t in KEYED}


def test_the_migration_backfills_unique_keys(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copy(OLD_DB, path)
    open_sqlite(path).dispose()
    keys = uids(path)
    every = [uid for rows in keys.values() for _id, uid in rows]
    assert keys["check_item"] and all(re.fullmatch(r"[0-9a-f]{32}", uid) for uid in every)
    assert len(set(every)) == len(every)
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            head_revision(),)
    # the head is whatever the scripts say; this migration is on the way to it
    walked = {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    assert "0009" in walked


def test_a_copy_into_a_new_year_gets_new_keys(demo: Services, demo_id: int) -> None:
    copy = demo.assessments.copy_to_year(demo_id, 2022)
    path = demo.db.sqlite_path
    with sqlite3.connect(path) as connection:
        by_assessment = dict(connection.execute(
            "SELECT assessment_id, group_concat(uid) FROM check_item GROUP BY assessment_id"))
        assessments = connection.execute("SELECT uid FROM assessment").fetchall()
    old, new = set(by_assessment[demo_id].split(",")), set(by_assessment[copy.id].split(","))
    assert len(old) == len(new) == 40 and not old & new
    assert len(set(assessments)) == 2


def test_a_hand_over_package_keeps_the_keys(demo: Services, tmp_path: Path) -> None:
    path = demo.db.sqlite_path
    package = tmp_path / "package.zip"
    pack(demo.db, package)
    target = tmp_path / "unpacked"
    unpacked = unpack(package, target)
    assert uids(unpacked) == uids(path)
