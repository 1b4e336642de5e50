"""Backups through SQLite's online backup API: daily on first open, before a restore, on demand.

Kept in the user's data folder (backups/<database name>/): the newest 20 and the first of each
month. Every backup is verified with PRAGMA integrity_check before it counts.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from model.errors import ModelError
from model.location import user_data_dir

KEEP_NEWEST = 20
STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    reason: str
    assessments: int
    items: int


def backup_folder(database: Path) -> Path:
    folder = user_data_dir() / "backups" / database.stem
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def make_backup(database: Path, *, reason: str = "manual", out: Path | None = None) -> Path:
    """A verified copy of database (consistent even while it is in use)."""
    database = Path(database)
    in_store = out is None
    if out is None:
        stamp = datetime.now().strftime(STAMP)
        out = backup_folder(database) / f"{database.stem}.{stamp}.{reason}.db"
        counter = 2
        while out.exists():
            out = out.with_name(f"{database.stem}.{stamp}-{counter}.{reason}.db")
            counter += 1
    source = sqlite3.connect(f"{database.absolute().as_uri()}?mode=ro", uri=True)
    target = sqlite3.connect(out)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode = DELETE")
        result = target.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        target.close()
        source.close()
    if result != "ok":
        out.unlink(missing_ok=True)
        raise ModelError(f"备份校验失败（{result}），请运行“检查”。")
    if in_store:
        prune(out.parent)
    return out


def daily_backup(database: Path) -> Path | None:
    """The first open of each day makes a backup; later opens that day do nothing."""
    today = datetime.now().strftime("%Y%m%d")
    if any(today in path.name for path in _files(backup_folder(Path(database)))):
        return None
    return make_backup(Path(database), reason="daily")


def list_backups(database: Path) -> list[BackupInfo]:
    """The backups of a database, newest first, with what they hold."""
    infos = []
    for path in _files(backup_folder(Path(database))):
        created, reason = _parse(path)
        assessments = items = 0
        try:
            connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
            try:
                assessments = connection.execute("SELECT count(*) FROM assessment").fetchone()[0]
                items = connection.execute("SELECT count(*) FROM check_item").fetchone()[0]
            finally:
                connection.close()
        except sqlite3.DatabaseError:
            pass
        infos.append(BackupInfo(path, created, reason, assessments, items))
    return sorted(infos, key=lambda i: (i.created, i.path.stat().st_mtime_ns), reverse=True)


def restore(backup: Path, database: Path) -> Path:
    """Put backup's content into database; the current state is backed up first (returned)."""
    backup, database = Path(backup), Path(database)
    check = sqlite3.connect(f"{backup.absolute().as_uri()}?mode=ro", uri=True)
    try:
        result = check.execute("PRAGMA integrity_check").fetchone()[0]
        check.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise ModelError(f"“{backup.name}”不是有效的备份：{exc}") from exc
    finally:
        check.close()
    if result != "ok":
        raise ModelError(f"备份“{backup.name}”已损坏（{result}），未恢复。")
    safety = make_backup(database, reason="before-restore") if database.exists() else None
    source = sqlite3.connect(f"{backup.absolute().as_uri()}?mode=ro", uri=True)
    target = sqlite3.connect(database)
    try:
        source.backup(target)  # replaces the live database's pages in one step
    finally:
        target.close()
        source.close()
    return safety or database


def prune(folder: Path) -> None:
    """Keep the newest KEEP_NEWEST backups and the first backup of every month."""
    backups = sorted(_files(folder), key=lambda p: _parse(p)[0])
    first_of_month: dict[str, Path] = {}
    for path in backups:
        first_of_month.setdefault(_parse(path)[0].strftime("%Y%m"), path)
    keep = set(backups[-KEEP_NEWEST:]) | set(first_of_month.values())
    for path in backups:
        if path not in keep:
            path.unlink(missing_ok=True)


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.glob("*.db") if p.is_file()]


def _parse(path: Path) -> tuple[datetime, str]:
    """NAME.YYYYmmdd-HHMMSS[-n].REASON.db → (time, reason)."""
    parts = path.name.split(".")
    try:
        return datetime.strptime(parts[-3][:15], STAMP), parts[-2]
    except (IndexError, ValueError):
        return datetime.fromtimestamp(path.stat().st_mtime), "?"
