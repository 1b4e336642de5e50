"""Failures from outside the program told as a refusal (exit 2, one Chinese line): a full disk,
a read-only or missing place, a damaged database. Everything else stays unexpected (exit 1)."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from model.storage.disk import FULL, READ_ONLY, disk_message, sqlite_disk_message
from model.storage.server_errors import server_failure
from model.storage.urls import is_url, mask_url

ENVIRONMENT = FULL | READ_ONLY | {errno.ENOENT, errno.EISDIR, errno.ENOTDIR, errno.EEXIST,
                                  errno.ENAMETOOLONG, errno.ELOOP, errno.EBUSY, errno.ETXTBSY}
DAMAGE = ("malformed", "not a database", "file is not a database", "disk i/o error")


def explain_failure(exc: BaseException, database: str | None) -> str | None:
    """The refusal line for exc, or None when it is a real bug (traceback to the log)."""
    if isinstance(exc, OSError) and exc.errno in ENVIRONMENT:
        return disk_message(exc, exc.filename or database or ".")
    original = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    server = server_failure(original, database)
    if server:
        return server
    if isinstance(original, sqlite3.DatabaseError):
        place = database or "数据库"
        disk = sqlite_disk_message(original, place)
        if disk:
            return disk
        if any(word in str(original).lower() for word in DAMAGE):
            return (f"数据库已损坏：“{place}”（{original}）；请运行 check 查看，"
                    "或用 restore 从备份恢复。")
    return None


def database_of(args: object) -> str | None:
    db = getattr(args, "db", None)
    if db and is_url(str(db)):
        return mask_url(str(db))
    return str(Path(db)) if db else None
