"""Backups: daily on first open, verified, pruned; restore keeps the current state first."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from model.errors import ModelError
from model.opening import open_services
from model.services import Services
from model.storage.backups import backup_folder, list_backups, make_backup, prune, restore


def test_first_open_of_the_day_makes_one_verified_backup(demo: Services) -> None:
    path = demo.db.sqlite_path
    open_services(str(path)).close()
    open_services(str(path)).close()
    [daily] = list_backups(path)
    assert daily.reason == "daily" and daily.items == 40 and daily.assessments == 1
    with sqlite3.connect(daily.path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()


def test_pruning_keeps_newest_twenty_and_first_of_each_month(tmp_path: Path) -> None:
    folder = tmp_path / "b"
    folder.mkdir()
    names = [f"x.2025{month:02d}{day:02d}-120000.daily.db" for month in (1, 2, 3)
             for day in range(1, 16)]
    for name in names:
        (folder / name).write_bytes(b"")
    prune(folder)
    kept = sorted(p.name for p in folder.iterdir())
    assert len(kept) == 22  # 20 newest + the first of January and of February
    assert "x.20250101-120000.daily.db" in kept and "x.20250201-120000.daily.db" in kept
    assert "x.20250102-120000.daily.db" not in kept


def test_restore_backs_up_the_current_state_first(demo: Services, demo_id: int) -> None:
    path = demo.db.sqlite_path
    backup = make_backup(path, reason="manual")
    item = demo.items.list(demo_id)[0]
    demo.items.update(item.id, None, result="备份之后的修改")
    demo.close()
    safety = restore(backup, path).previous
    after = Services.over(open_services(str(path)).db)
    try:
        assert after.items.get(item.id).result == item.result
    finally:
        after.close()
    with sqlite3.connect(safety) as connection:
        changed = connection.execute("SELECT result FROM check_item WHERE id=?", (item.id,)).fetchone()
    connection.close()
    assert changed[0] == "备份之后的修改"
    assert safety.parent == backup_folder(path)


def test_a_damaged_backup_is_not_restored(demo: Services, tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    with pytest.raises(ModelError, match=r"不是有效的备份|已损坏"):
        restore(bad, demo.db.sqlite_path)
