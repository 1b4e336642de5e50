"""Private by default on POSIX: the user's data folder and every database's evidence folder 0700,
databases (with their -wal/-shm), logs and backups 0600, stored evidence 0400 (its owner only,
never changed in place). On Windows the files live in the user's profile, private already."""

from __future__ import annotations

import os
import sys
from pathlib import Path

PRIVATE_FOLDER, PRIVATE_FILE, STORED_FILE = 0o700, 0o600, 0o400
POSIX = sys.platform != "win32"


def make_private(path: Path, mode: int) -> None:
    """Give path mode when it lets anyone but its owner in (best effort: a file of another
    user, or on a filesystem without modes, is left as it is)."""
    if not POSIX:
        return
    try:
        if os.stat(path).st_mode & 0o777 != mode:
            os.chmod(path, mode)
    except OSError:
        pass


def private_folder(path: Path) -> Path:
    """path made (with its parents) and kept 0700."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    make_private(path, PRIVATE_FOLDER)
    return path


def create_private_file(path: Path) -> None:
    """A new empty file at path, 0600 from its first moment (SQLite gives its -wal/-shm the
    database file's mode); an existing file is left to the caller."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        return
    os.close(fd)
    make_private(path, PRIVATE_FILE)


def private_database(path: Path) -> None:
    """An existing database and its sidecars made 0600."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        part = Path(f"{path}{suffix}")
        if part.exists():
            make_private(part, PRIVATE_FILE)


def append_private(path: Path, text: str) -> None:
    """text appended to the log at path, which is 0600."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE)
    with os.fdopen(fd, "a", encoding="utf-8") as handle:
        handle.write(text)
    make_private(path, PRIVATE_FILE)
