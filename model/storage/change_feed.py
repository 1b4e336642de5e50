"""Has anything been committed to the database since the last look? Cheap enough to ask each
few hundred milliseconds: a window polls it to show what another window or program wrote."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Protocol

from model.storage.db import BUSY_TIMEOUT_MS

if TYPE_CHECKING:
    from pathlib import Path

    from model.storage.db import Database


class ChangeFeed(Protocol):
    def changed(self) -> bool:
        """True when a commit happened since the last call (the first call: since creation)."""
        ...

    def close(self) -> None:
        ...


class NoChangeFeed:
    """A database this program cannot watch: never says anything changed."""

    def changed(self) -> bool:
        return False

    def close(self) -> None:
        pass


class SqliteChangeFeed:
    """PRAGMA data_version on a connection of its own that never writes: SQLite changes it for
    every commit by any other connection (another window, another process, and this program's
    own services), so one integer read tells whether to look again."""

    def __init__(self, path: Path) -> None:
        self._connection: sqlite3.Connection | None = sqlite3.connect(
            f"{path.absolute().as_uri()}?mode=rw", uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None, check_same_thread=False)
        self._seen = self._version()

    def _version(self) -> int | None:
        if self._connection is None:
            return None
        try:
            return int(self._connection.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:  # the file is being replaced (a restore): look again next time
            return None

    def changed(self) -> bool:
        version = self._version()
        if version is None or version == self._seen:
            return False
        self._seen = version
        return True

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def change_feed_for(database: Database) -> ChangeFeed:
    """The feed that suits the database: SQLite's data_version, a PostgreSQL server's own feed
    when this program has one, else a feed that never fires (the window still refreshes after
    its own edits and on a conflict)."""
    backend = database.url.split(":", 1)[0].split("+", 1)[0]
    if backend == "sqlite":
        path = database.sqlite_path
        if path is None or str(path) == ":memory:":
            return NoChangeFeed()
        try:
            return SqliteChangeFeed(path)
        except sqlite3.Error:
            return NoChangeFeed()
    if backend in ("postgresql", "postgres"):
        try:
            from model.storage.pg_change_feed import (  # type: ignore[import-not-found,unused-ignore]
                PostgresChangeFeed,
            )
        except ImportError:
            return NoChangeFeed()
        feed: ChangeFeed = PostgresChangeFeed(database)
        return feed
    return NoChangeFeed()
