"""Opening the database a command or the GUI asks for, and making the demo one."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from model.backups import daily_backup
from model.db import Database
from model.errors import DatabaseRefusedError, ModelError
from model.location import default_database_path
from model.migrate import open_sqlite

if TYPE_CHECKING:  # the services (and the ORM) load only for the commands that use them
    from model.services import Services


def open_services(db: str | None, *, create: bool = False) -> Services:
    """Services over the database at db (a file path), migrated; never creates unless asked.
    The first open of each day leaves a verified backup in the user's data folder."""
    from model.services import Services

    return Services.over(open_database(db, create=create))


def open_database(db: str | None, *, create: bool = False) -> Database:
    """The database at db opened as open_services does, for commands that only read it."""
    path = Path(db) if db else default_database_path()
    database = open_sqlite(path, create=create)
    try:
        daily_backup(path)
    except (ModelError, OSError) as exc:  # never blocks the clerk's work; nothing half-made counts
        print(f"注意：今天的自动备份未完成（{getattr(exc, 'message', exc)}），不影响使用。",
              file=sys.stderr)
    return database


def create_demo_database(path: Path) -> Services:
    """A new database file at path holding the demo assessment; refuses an existing path."""
    import resources
    from model.bulk import create_assessment_tree
    from model.services import Services

    path = Path(path)
    if path.exists():
        raise DatabaseRefusedError(f"文件“{path}”已存在，为避免覆盖数据，请换一个文件名。")
    try:
        services = Services.over(open_sqlite(path, create=True))
        create_assessment_tree(services.db, resources.demo_assessment())
    except BaseException:
        _remove_database_files(path)
        raise
    return services


def open_default_with_demo() -> Services:
    """The GUI's start without --db: the default database, made with the demo on first run."""
    path = default_database_path()
    if path.exists():
        return open_services(str(path))
    return create_demo_database(path)


def _remove_database_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
