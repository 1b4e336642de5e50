"""The only place that makes engines and sessions; SQLite pragmas live here."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from model.errors import ConflictError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

BUSY_TIMEOUT_MS = 10_000


def _set_sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    # FULL: a committed edit survives a power cut too, not only a crash of the app.
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.close()


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def make_engine(url: str) -> Engine:
    """An engine for url; on SQLite with the pragmas every connection needs."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _set_sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


class Database:
    """An open assessment database: its engine, its evidence folder, one session per action."""

    def __init__(self, url: str, files_dir: Path, *, display_name: str = "") -> None:
        self.url = url
        self.engine = make_engine(url)
        self.files_dir = files_dir
        self.display_name = display_name or url
        self._sessions: Any = None  # the ORM is imported at the first session: reads need none

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        database = self.engine.url.database
        return Path(database) if self.is_sqlite and database else None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One session and one transaction: committed on success, rolled back on any error."""
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
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()
