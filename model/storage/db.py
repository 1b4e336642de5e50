"""The only place that makes engines and sessions; SQLite pragmas live here.

SQLAlchemy is imported when the engine is first used, the ORM at the first session: a command
that only reads (info, the exports) reads an SQLite file through sqlite3 (read()), and starts in
a third of the time."""

from __future__ import annotations

import sqlite3
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from model.errors import ConflictError, DiskError

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

BUSY_TIMEOUT_MS = 10_000
SQLITE_PREFIX = "sqlite:///"


def _set_sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    # FULL: a committed edit survives a power cut too, not only a crash of the app.
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.close()
    from model.storage.sqlite_audit import install_audit_triggers

    install_audit_triggers(dbapi_connection)  # who changed what: the OS user, on this connection


def sqlite_url(path: Path) -> str:
    """The URL of the SQLite file at path, built by SQLAlchemy itself (never by formatting: "%",
    "?" and "#" in the name stay characters of the name)."""
    from sqlalchemy.engine import URL

    return URL.create("sqlite", database=str(path)).render_as_string(hide_password=False)


def make_engine(url: str, *, password: str | None = None, token: str = "") -> Engine:
    """An engine for url; on SQLite with the pragmas every connection needs; on a server with
    the password given apart from the URL (never in it) and this session's name (token)."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _set_sqlite_pragmas)
        return engine
    connect_args: dict[str, Any] = {"connect_timeout": 10}
    if password is not None:
        connect_args["password"] = password
    if token:
        connect_args["application_name"] = token
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args)


def _plain_sqlite_file(url: str) -> Path | None:
    """The file of an SQLite URL, read as SQLAlchemy reads it (its name unquoted), when the URL
    has no options ("?"); else None."""
    path = url[len(SQLITE_PREFIX):] if url.startswith(SQLITE_PREFIX) else ""
    return Path(unquote(path)) if path and "?" not in path else None


def fetch_all(connection: Any, query: str) -> list[tuple[Any, ...]]:
    """Every row of query on a DB-API connection (sqlite3 or a server's driver), the cursor
    closed whatever happens: the plain reads that need no session."""
    cursor = connection.cursor()
    try:
        cursor.execute(query)
        return cursor.fetchall()
    finally:
        cursor.close()


class Database:
    """An open assessment database: its engine, its evidence folder, one session per action."""

    def __init__(self, url: str, files_dir: Path, *, display_name: str = "",
                 sqlite_file: Path | None = None, password: str | None = None) -> None:
        from model.storage.urls import mask_url

        self._url = url
        self._file = sqlite_file  # a file's URL is made only when an engine is (SQLAlchemy loads)
        self.files_dir = files_dir
        self.display_name = mask_url(display_name or url or str(sqlite_file))
        self.password = password  # a server's, kept apart from the URL so it is never shown
        self.token = f"zicha-{uuid.uuid4().hex[:12]}"  # this session's application_name
        self._engine: Engine | None = None
        self._sessions: Any = None
        self._lock = threading.Lock()

    @classmethod
    def for_file(cls, path: Path, files_dir: Path) -> Database:
        """The SQLite database in the file at path (always that path, whatever its name holds)."""
        return cls("", files_dir, display_name=str(path), sqlite_file=path)

    @property
    def url(self) -> str:
        if not self._url and self._file is not None:
            self._url = sqlite_url(self._file)
        return self._url

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, made at its first use."""
        if self._engine is None:
            with self._lock:
                if self._engine is None:
                    self._engine = make_engine(self.url, password=self.password,
                                               token=self.token)
        return self._engine

    @property
    def is_sqlite(self) -> bool:
        return self._file is not None or self.url.split(":", 1)[0].split("+", 1)[0] == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        plain = self._file or _plain_sqlite_file(self.url)
        if plain is not None:
            return plain
        database = self.engine.url.database
        return Path(database) if self.is_sqlite and database else None

    @contextmanager
    def read(self) -> Iterator[Any]:
        """A DB-API connection to read with plain SQL (model.report.queries), in one transaction: for
        an SQLite file sqlite3's own (never creating the file), else one of the engine's."""
        path = self._file or _plain_sqlite_file(self.url)
        connection: Any
        if path is None or str(path) == ":memory:":
            connection = self._server_call(self.engine.raw_connection)
        else:
            connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=rw", uri=True,
                                         timeout=BUSY_TIMEOUT_MS / 1000)
            connection.execute("BEGIN")  # one snapshot for every query of the read
        try:
            yield connection
        except Exception as exc:
            if not self.is_sqlite:
                self._raise_server_error(exc)
            raise
        finally:
            connection.close()  # nothing was written: what is open is rolled back

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One session and one transaction: committed on success, rolled back on any error."""
        from sqlalchemy.exc import DBAPIError, IntegrityError
        from sqlalchemy.orm import sessionmaker
        from sqlalchemy.orm.exc import StaleDataError

        if self._sessions is None:
            self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        session = self._sessions()
        try:
            with session.begin():
                yield session
        except StaleDataError as exc:
            raise ConflictError("该内容已被其他窗口或程序修改，请刷新后重试。") from exc
        except IntegrityError as exc:  # e.g. restoring under a parent deleted meanwhile
            raise ConflictError("数据已被其他窗口或程序改变，无法完成此操作，请刷新后重试。") from exc
        except DBAPIError as exc:  # a server's refusal or a lost connection: said, not a crash
            self._raise_server_error(exc)
            self._raise_disk_error(exc)
            raise
        finally:
            session.close()

    def _raise_disk_error(self, exc: BaseException) -> None:
        """SQLite could not read or write the file (disk I/O error, disk full, locked too long):
        a refusal the window keeps the typed text over, never a crash that drops it."""
        from sqlalchemy.exc import OperationalError

        if self.is_sqlite and isinstance(exc, OperationalError):
            detail = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
            raise DiskError(f"数据库文件“{self.display_name}”读写出错（{detail}），本次修改未保存；"
                            "请检查磁盘空间和文件后重试。") from exc

    def _raise_server_error(self, exc: BaseException) -> None:
        from model.storage.server_errors import as_server_error

        error = as_server_error(exc, self.display_name)
        if error is not None:
            raise error from exc

    def _server_call(self, call: Any) -> Any:
        try:
            return call()
        except Exception as exc:
            if not self.is_sqlite:
                self._raise_server_error(exc)
            raise

    def dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
