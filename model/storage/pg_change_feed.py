"""Changes committed by other sessions of a server database, learnt through LISTEN/NOTIFY: every
write fires a statement trigger (migration 0012) that notifies channel zicha_change with the
writer's application_name; this session's own changes (its token) are not news."""

from __future__ import annotations

import contextlib
from typing import Any

from model.storage.db import Database

CHANNEL = "zicha_change"


class PostgresChangeFeed:
    """changed() is True when another session committed a change since the last call."""

    def __init__(self, database: Database) -> None:
        self._database = database
        self._token = database.token
        self._connection: Any = None
        self._missed = False
        import psycopg

        try:
            self._connect()
        except psycopg.Error:  # the server not reachable now: changed() tries again
            self._connection = None

    def _connect(self) -> None:
        import psycopg

        url = self._database.engine.url
        arguments: dict[str, Any] = url.translate_connect_args(username="user", database="dbname")
        arguments.pop("password", None)
        arguments.update({k: v for k, v in url.query.items() if isinstance(v, str)})  # sslmode…
        if self._database.password is not None:
            arguments["password"] = self._database.password
        self._connection = psycopg.connect(**arguments, autocommit=True, connect_timeout=5,
                                           application_name=f"{self._token}-feed")
        self._connection.execute(f"LISTEN {CHANNEL}")

    def changed(self) -> bool:
        """Non-blocking; after a lost connection True once it is back (changes may be missed)."""
        import psycopg

        try:
            if self._connection is None or self._connection.closed:
                self._connect()
                self._missed = True
            self._connection.execute("SELECT 1")  # a lost connection shows here (notes are kept)
            news = any(note.payload != self._token
                       for note in self._connection.notifies(timeout=0.0))
        except psycopg.Error:
            self._drop()
            return False
        if self._missed:
            self._missed = False
            return True
        return news

    def _drop(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(Exception):  # already gone with the server
                self._connection.close()
        self._connection = None

    def close(self) -> None:
        self._drop()
