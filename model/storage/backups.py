"""Backups through SQLite's online backup API: daily on first open, before a restore, on demand.

Kept in the user's data folder, one folder per database (backups/<name>-<hash of its full path>/,
with a note of that path): the newest 20 and the first of each month. Every backup is a verified
snapshot (model.storage.snapshot) before it counts.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from model.errors import DatabaseRefusedError, ModelError
from model.storage.examine import examine, require_regular_file
from model.storage.location import user_data_dir
from model.storage.snapshot import snapshot
from model.storage.targets import SIDECARS

KEEP_NEWEST = 20
STAMP = "%Y%m%d-%H%M%S"
ORIGIN_NOTE = "database-path.txt"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    reason: str
    assessments: int
    items: int


@dataclass(frozen=True)
class RestoreResult:
    """After a restore: where the previous state went (a backup, or, when the file could not be
    backed up because it is damaged or not ours, the file itself set aside: damaged=True)."""
    previous: Path | None
    damaged: bool


def backup_folder(database: Path) -> Path:
    """The folder of one database's backups, keyed by its full path (same names never mix)."""
    full = os.path.realpath(Path(database).expanduser())
    key = hashlib.sha256(full.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    folder = user_data_dir() / "backups" / f"{Path(full).stem[:40]}-{key}"
    folder.mkdir(parents=True, exist_ok=True)
    note = folder / ORIGIN_NOTE
    if not note.exists():
        note.write_text(full, encoding="utf-8")
    return folder


def backup_origin(folder: Path) -> str:
    """The full path of the database whose backups are in folder ("" when unknown)."""
    try:
        return (folder / ORIGIN_NOTE).read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def make_backup(database: Path, *, reason: str = "manual", out: Path | None = None) -> Path:
    """A verified copy of database (consistent even while it is in use)."""
    database = Path(database)
    if out is not None:
        return snapshot(database, Path(out))
    stamp = datetime.now().strftime(STAMP)
    folder = backup_folder(database)
    out = folder / f"{database.stem}.{stamp}.{reason}.db"
    counter = 2
    while out.exists():
        out = out.with_name(f"{database.stem}.{stamp}-{counter}.{reason}.db")
        counter += 1
    snapshot(database, out)
    prune(folder)
    return out


def daily_backup(database: Path) -> Path | None:
    """The first open of each day makes a backup; later opens that day do nothing."""
    today = datetime.now().date()
    # the date in each backup's stamp, never anywhere in its name (the database's own name may
    # hold today's date)
    if any(_parse(path)[0].date() == today for path in _files(backup_folder(Path(database)))):
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


def restore(backup: Path, database: Path) -> RestoreResult:
    """Put backup's content into database. The backup is checked first (nothing is touched when
    it is refused); the current state is backed up, or set aside when it is damaged."""
    backup, database = Path(backup), Path(database)
    require_regular_file(backup, "备份")
    examine(backup, integrity=True, what="备份").refuse("；未恢复，当前数据库未改动。")
    if not database.exists():
        snapshot(backup, database)
        return RestoreResult(None, damaged=False)
    require_regular_file(database)
    if os.path.samefile(backup, database):
        raise ModelError(f"“{backup}”就是要恢复的数据库本身，无需恢复。")
    try:
        previous = make_backup(database, reason="before-restore")
    except DatabaseRefusedError:  # damaged (or not ours at all): kept aside as it is, not copied
        previous = set_aside(database)
        snapshot(backup, database)
        return RestoreResult(previous, damaged=True)
    _restore_into_live(backup, database)
    return RestoreResult(previous, damaged=False)


def _restore_into_live(backup: Path, database: Path) -> None:
    """The backup API writes the pages into the live file under its lock (WAL stays coherent)."""
    source = sqlite3.connect(f"{backup.absolute().as_uri()}?mode=ro", uri=True)
    target = sqlite3.connect(database)
    try:
        source.backup(target)
    except sqlite3.DatabaseError as exc:
        raise ModelError(f"恢复到“{database}”失败（{exc}）；恢复前的状态已备份。") from exc
    finally:
        target.close()
        source.close()


def set_aside(database: Path) -> Path:
    """Move a damaged database (with its -wal/-shm) out of the way; returns its new name."""
    stamp = datetime.now().strftime(STAMP)
    aside = database.with_name(f"{database.name}.damaged-{stamp}")
    counter = 2
    while aside.exists():
        aside = database.with_name(f"{database.name}.damaged-{stamp}-{counter}")
        counter += 1
    for suffix in SIDECARS:
        part = Path(f"{database}{suffix}")
        if part.exists():
            os.replace(part, Path(f"{aside}{suffix}"))
    return aside


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
