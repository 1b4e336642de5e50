"""Backups under hostile names and private modes (issue 27)."""

from __future__ import annotations

import os
import stat
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from model.opening import create_demo_database, open_services
from model.storage.backups import list_backups


def test_a_database_named_with_todays_date_still_gets_its_daily_backup(tmp_path: Path) -> None:
    path = tmp_path / f"自查{datetime.now():%Y%m%d}.db"
    create_demo_database(path).close()
    open_services(str(path)).close()
    [first] = list_backups(path)
    yesterday = datetime.now() - timedelta(days=1)
    first.path.rename(first.path.with_name(f"{path.stem}.{yesterday:%Y%m%d-%H%M%S}.daily.db"))
    open_services(str(path)).close()  # today's first backup: yesterday's does not count
    assert [b.created.date() for b in list_backups(path)] == [datetime.now().date(),
                                                              yesterday.date()]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_backups_are_private(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    create_demo_database(path).close()
    open_services(str(path)).close()
    [daily] = list_backups(path)
    assert stat.S_IMODE(os.stat(daily.path).st_mode) == 0o600
