"""Opening the database a command or the GUI asks for (a path, migrated), and making the demo one."""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from model.errors import DatabaseRefusedError, ModelError
from model.storage.backups import daily_backup
from model.storage.db import Database
from model.storage.location import default_database_path, user_data_dir
from model.storage.migrate import open_sqlite, open_url
from model.storage.urls import database_location, mask_url

if TYPE_CHECKING:  # the services (and the ORM) load only for the commands that use them
    from model.services import Services


def open_services(db: str | None, *, create: bool = False) -> Services:
    """Services over the database at db (a file path or a server URL), migrated; a file is never
    created unless asked. The first open of each day of a file leaves a verified backup in the
    user's data folder (a server database is backed up by its server)."""
    from model.services import Services

    return Services.over(open_database(db, create=create))


def open_database(db: str | None, *, create: bool = False) -> Database:
    """The database at db opened as open_services does, for commands that only read it."""
    location = database_location(db) if db else default_database_path()
    if isinstance(location, str):
        return open_url(location, server_files_dir(location))
    path = location
    database = open_sqlite(path, create=create)
    try:
        daily_backup(path)
    except (ModelError, OSError) as exc:  # never blocks the clerk's work; nothing half-made counts
        _note(f"注意：今天的自动备份未完成（{getattr(exc, 'message', exc)}），不影响使用。")
    return database


_held: list[list[str]] = []


@contextmanager
def notes_held() -> Iterator[list[str]]:
    """Notes of opening (a daily backup that did not happen) are kept in the list yielded instead
    of printed: a command prints them only when it succeeds, a refusal stays one line."""
    notes: list[str] = []
    _held.append(notes)
    try:
        yield notes
    finally:
        _held.remove(notes)


def _note(message: str) -> None:
    if _held:
        _held[-1].append(message)
    else:
        print(message, file=sys.stderr)


def create_demo_database(path: Path | str) -> Services:
    """A new database file at path holding the demo assessment; refuses an existing path. On a
    server URL the demo goes into that database (refused unless it holds no assessment yet)."""
    import resources
    from model.bulk import create_assessment_tree
    from model.services import Services

    location = database_location(path)
    if isinstance(location, str):  # a server
        services = Services.over(open_database(location))
        if services.assessments.list():
            services.close()
            raise DatabaseRefusedError(
                f"数据库“{mask_url(location)}”中已有自评，为避免混淆，演示数据未写入。")
        create_assessment_tree(services.db, resources.demo_assessment())
        return services
    path = location
    if path.exists() or path.is_symlink():
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


def server_files_dir(url: str) -> Path:
    """The local cache of a server database's evidence files (the files themselves are stored in
    the server database), one folder per URL: a readable host/name plus a hash."""
    shown = mask_url(url)  # no password in the name, nor in what the name is hashed from
    digest = hashlib.sha256(shown.encode("utf-8")).hexdigest()[:16]
    readable = re.sub(r"[^0-9A-Za-z._-]+", "_", shown.split("@")[-1].split("://")[-1])[:60]
    return user_data_dir() / "server-files" / f"{readable}-{digest}"
