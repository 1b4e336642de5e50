"""Opening a database: create at head, back up then upgrade an older one, refuse a newer one."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from model.errors import DatabaseRefusedError
from model.storage.backups import make_backup
from model.storage.credentials import ask_password, wants_password
from model.storage.db import Database
from model.storage.examine import examine, require_regular_file
from model.storage.location import is_network_path
from model.storage.private import create_private_file, private_database
from model.storage.revisions import alembic_config, head_revision, known_revisions
from model.storage.targets import files_dir_for
from model.storage.urls import mask_text

if TYPE_CHECKING:
    from sqlalchemy import Connection


def open_sqlite(path: Path, *, create: bool = True) -> Database:
    """Open (or create) the SQLite database at path, migrated to the current schema."""
    path = Path(path).expanduser().absolute()
    if is_network_path(path):
        raise DatabaseRefusedError(
            f"数据库“{path}”位于网络共享目录。SQLite 在网络共享上无法可靠加锁，多人同时使用可能损坏数据；"
            "请把数据库放在本机磁盘，或使用部门共享的 PostgreSQL 数据库。"
        )
    if path.exists() or path.is_symlink():
        require_regular_file(path)
        revision = _read_sqlite_revision(path)
        private_database(path)  # ours (a refused file is left as it was): made 0600
        if revision is not None and revision != head_revision():
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            # beside the database, where whoever moves the file finds it too
            make_backup(path, out=path.with_name(
                f"{path.stem}.before-upgrade-{revision}.{stamp}{path.suffix or '.db'}"))
    elif not create:
        raise DatabaseRefusedError(f"数据库“{path}”不存在。")
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        create_private_file(path)  # 0600 from the start; SQLite gives -wal/-shm the same mode
        revision = None
    database = Database.for_file(path, files_dir_for(path))
    if revision != head_revision():  # a new or empty file, or an older schema (backed up above)
        _upgrade(database)
    else:
        _check_foreign_keys(path)  # as the upgrade does: it reads every table, so finds damage
    return database


def open_url(url: str, files_dir: Path, *, password: str | None = None) -> Database:
    """Open a server database (PostgreSQL) at url: refused untouched when it is another program's
    or newer than this program; created or upgraded under an advisory lock (concurrent first
    opens wait for each other). The password comes apart from the URL, from libpq (PGPASSWORD,
    ~/.pgpass) or the installed asker; every URL shown is masked."""
    from model.storage.urls import mask_url, url_password, without_password

    shown = mask_url(url)
    written = url_password(url)
    if written is not None:
        password, url = password or written, without_password(url)
    database = Database(url, files_dir, display_name=shown, password=password)
    try:
        revision, tables = _look(database, shown)
    except _PasswordWantedError:
        asked = ask_password(shown)
        if not asked:
            raise DatabaseRefusedError(f"无法连接数据库“{shown}”：需要密码（可用 PGPASSWORD 环境变量、"
                                       "~/.pgpass 或在提示时输入）。") from None
        database = Database(url, files_dir, display_name=shown, password=asked)
        revision, tables = _look(database, shown, asking=False)
    if revision is None and tables:
        database.dispose()
        listed = "、".join(sorted(tables)[:5]) + ("等" if len(tables) > 5 else "")
        raise DatabaseRefusedError(f"数据库“{shown}”不是本程序的数据库（已有其他程序的表：{listed}），"
                                   "未作任何改动。请换一个空数据库，或先运行 server-init。")
    _refuse_unknown(revision, shown)
    if revision != head_revision():
        _upgrade(database)
    return database


class _PasswordWantedError(Exception):
    """The server asks for a password that libpq did not find."""


def _look(database: Database, shown: str, *, asking: bool = True) -> tuple[str | None, list[str]]:
    """(revision, the tables there) of a server database, reading only."""
    from sqlalchemy import inspect
    from sqlalchemy.exc import ArgumentError, InterfaceError, NoSuchModuleError, OperationalError

    try:
        with database.engine.connect() as connection:
            if connection.dialect.name != "postgresql":
                return _revision_of(connection), inspect(connection).get_table_names()
            tables = [row[0] for row in connection.exec_driver_sql(  # one query, no reflection
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")]
            revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() \
                if "alembic_version" in tables else None
            return revision, tables
    except (ArgumentError, NoSuchModuleError, OperationalError, InterfaceError) as exc:
        database.dispose()
        first = mask_text(str(getattr(exc, "orig", None) or exc).strip().splitlines()[0])
        if asking and database.password is None and wants_password(first):
            raise _PasswordWantedError from None
        raise DatabaseRefusedError(f"无法连接数据库“{shown}”：{first}") from None


# pg_advisory_xact_lock key of the schema: every client migrating one database waits its turn
SCHEMA_LOCK = 0x7A696368


def _upgrade(database: Database) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from model.storage.db import make_engine

    # Migrations run with foreign keys off: SQLite's table rebuilds would otherwise cascade.
    engine = create_engine(database.url) if database.is_sqlite \
        else make_engine(database.url, password=database.password)
    try:
        with engine.begin() as connection:
            if database.is_sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
            else:  # a concurrent first open waits here, then finds the schema made
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({SCHEMA_LOCK})")
                if _revision_of(connection) == head_revision():
                    return
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            if database.is_sqlite:
                _refuse_orphans(connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall())
    finally:
        engine.dispose()


def _check_foreign_keys(path: Path) -> None:
    """The upgrade's foreign key check on a file already at head, through sqlite3 (no engine):
    orphaned rows are refused, a damaged table page raises sqlite3's DatabaseError."""
    connection = sqlite3.connect(f"{path.as_uri()}?mode=rw", uri=True)
    try:
        _refuse_orphans(connection.execute("PRAGMA foreign_key_check").fetchall())
    finally:
        connection.close()


def _refuse_orphans(problems: Sequence[Any]) -> None:
    if problems:
        raise DatabaseRefusedError(f"升级后数据库外键检查失败：{problems[:5]}")


def _read_sqlite_revision(path: Path) -> str | None:
    """The Alembic revision of an existing file, read without writing a byte to it; refused
    unless the file is ours exactly (known revision, the schema that revision defines)."""
    found = examine(path, integrity=False)
    if found.kind == "empty":
        return None  # a new, empty file (no bytes or no tables): made into a database
    if found.kind == "damaged":
        found.refuse("；请运行 check 查看，或用 restore 从备份恢复。")
    found.refuse("；文件未作任何改动。")
    return found.revision


def _revision_of(connection: Connection) -> str | None:
    from sqlalchemy import inspect, text

    if "alembic_version" not in inspect(connection).get_table_names():
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _refuse_unknown(revision: str | None, where: str) -> None:
    if revision is not None and revision not in known_revisions():
        raise DatabaseRefusedError(
            f"数据库“{where}”由更新版本的程序创建（结构版本 {revision}），本程序无法打开。"
            "请安装新版本后再打开；文件未作任何改动。"
        )
