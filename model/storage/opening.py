"""Opening the database a command or the GUI asks for (a path or a URL, migrated); the services
over it are opened one level up, in model.opening."""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from model.errors import ModelError
from model.storage.backups import daily_backup
from model.storage.db import Database
from model.storage.location import default_database_path, user_data_dir
from model.storage.migrate import open_sqlite, open_url
from model.storage.urls import database_location, mask_url


def open_database(db: str | None, *, create: bool = False) -> Database:
    """The database at db (a file path or a server URL; None: the default file), migrated; a file
    is never created unless asked. The first open of each day of a file leaves a verified backup in
    the user's data folder (a server database is backed up by its server)."""
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


def server_files_dir(url: str) -> Path:
    """The local cache of a server database's evidence files (the files themselves are stored in
    the server database), one folder per URL: a readable host/name plus a hash."""
    shown = mask_url(url)  # no password in the name, nor in what the name is hashed from
    digest = hashlib.sha256(shown.encode("utf-8")).hexdigest()[:16]
    readable = re.sub(r"[^0-9A-Za-z._-]+", "_", shown.split("@")[-1].split("://")[-1])[:60]
    return user_data_dir() / "server-files" / f"{readable}-{digest}"
