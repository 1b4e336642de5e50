"""The one door from the GUI to storage: opening, checking, backing up, restoring, copying,
in-use markers, the evidence store and safe viewing. gui/ imports this, never model.storage."""

from __future__ import annotations

from pathlib import Path

from model.opening import create_demo_database, open_default_with_demo, open_services
from model.storage.backups import BackupInfo, RestoreResult, backup_folder, backup_origin, list_backups
from model.storage.backups import make_backup as _make_backup
from model.storage.backups import restore as _restore
from model.storage.copies import copy_database
from model.storage.credentials import install_asker
from model.storage.db import Database
from model.storage.filestore import FileStore
from model.storage.integrity import CheckReport, check_database, remove_unreferenced
from model.storage.location import user_data_dir
from model.storage.server_filestore import ServerFileStore, store_for
from model.storage.targets import refuse_live_target
from model.storage.urls import mask_url, server_url
from model.storage.usage import mark_closed, mark_open, other_users
from model.storage.viewer import is_executable, viewer_copy

__all__ = [
    "BackupInfo", "CheckReport", "RestoreResult", "backup_before", "backup_origin_of",
    "backups_of", "check", "copy_database", "create_demo_database", "file_store", "install_asker",
    "is_executable", "mark_closed", "mark_open", "mask_url", "open_default_with_demo",
    "open_services", "other_users", "refuse_live_target", "remove_unreferenced", "restore",
    "server_url", "user_data_dir", "viewer_copy",
]


def check(database: Database) -> CheckReport:
    """integrity_check, foreign keys, the schema against its revision, every evidence file."""
    return check_database(database)


def file_store(database: Database) -> FileStore | ServerFileStore:
    return store_for(database)


def backups_of(database: Path) -> list[BackupInfo]:
    return list_backups(database)


def backup_origin_of(database: Path) -> str:
    """The database a backup folder belongs to, as recorded when it was made."""
    return backup_origin(backup_folder(database)) or str(database)


def backup_before(database: Path, reason: str) -> Path:
    """A verified snapshot before a risky step (a collect, a restore)."""
    return _make_backup(database, reason=reason)


def restore(backup: Path, database: Path) -> RestoreResult:
    """The backup is validated before the live file is touched; a damaged live file is set aside."""
    return _restore(backup, database)


def save_server_copy(database: Database, out: Path) -> Path:
    """另存副本 of a server database: a complete SQLite copy (rows and evidence) that passes check."""
    from model.storage.transfer import copy_into_new_sqlite

    copy_into_new_sqlite(database, out)
    return out


def restore_server(backup: Path, database: Database) -> int:
    """从备份恢复 on a server (admin only): checked first, replaced in one transaction; rows."""
    from model.storage.transfer import restore_server as _restore_server

    return _restore_server(backup, database).rows
