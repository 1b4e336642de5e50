"""Opening a database: create at head, back up then upgrade an older one, refuse a newer one."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, create_engine, inspect, text

from model.backups import make_backup
from model.db import Database, sqlite_url
from model.errors import DatabaseRefusedError
from model.location import is_network_path

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
SQLITE_HEADER = b"SQLite format 3\x00"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def files_dir_for(path: Path) -> Path:
    """The content-addressed evidence folder that belongs to a database file."""
    return path.with_name(path.name + ".files")


def open_sqlite(path: Path, *, create: bool = True) -> Database:
    """Open (or create) the SQLite database at path, migrated to the current schema."""
    path = Path(path).expanduser().absolute()
    if is_network_path(path):
        raise DatabaseRefusedError(
            f"数据库“{path}”位于网络共享目录。SQLite 在网络共享上无法可靠加锁，多人同时使用可能损坏数据；"
            "请把数据库放在本机磁盘，或使用部门共享的 PostgreSQL 数据库。"
        )
    if path.exists():
        revision = _read_sqlite_revision(path)
        if revision != head_revision():
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            # beside the database, where whoever moves the file finds it too
            make_backup(path, out=path.with_name(
                f"{path.stem}.before-upgrade-{revision}.{stamp}{path.suffix or '.db'}"))
    elif not create:
        raise DatabaseRefusedError(f"数据库“{path}”不存在。")
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
    database = Database(sqlite_url(path), files_dir_for(path), display_name=str(path))
    _upgrade(database)
    return database


def open_url(url: str, files_dir: Path) -> Database:
    """Open a server database (PostgreSQL) at url, refusing a schema newer than this program."""
    database = Database(url, files_dir)
    with database.engine.connect() as connection:
        _refuse_unknown(_revision_of(connection), url)
    _upgrade(database)
    return database


def _upgrade(database: Database) -> None:
    # Migrations run with foreign keys off: SQLite's table rebuilds would otherwise cascade.
    engine = create_engine(database.url)
    try:
        with engine.begin() as connection:
            if database.is_sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            if database.is_sqlite:
                problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise DatabaseRefusedError(f"升级后数据库外键检查失败：{problems[:5]}")
    finally:
        engine.dispose()


def _read_sqlite_revision(path: Path) -> str | None:
    """The Alembic revision of an existing file, read without writing a byte to it."""
    with open(path, "rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        if path.stat().st_size == 0:
            return None
        raise DatabaseRefusedError(f"文件“{path}”不是本程序的数据库（不是 SQLite 文件）。")
    sidecars = [Path(f"{path}{suffix}") for suffix in ("-wal", "-shm")]
    existed = [p.exists() for p in sidecars]
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            if tables:
                raise DatabaseRefusedError(f"文件“{path}”不是本程序的数据库（缺少结构版本信息）。")
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise DatabaseRefusedError(f"数据库“{path}”无法读取：{exc}") from exc
    finally:
        connection.close()
        _remove_empty_sidecars(sidecars, existed)
    revision = row[0] if row else None
    _refuse_unknown(revision, str(path))
    return revision


def _remove_empty_sidecars(sidecars: list[Path], existed: list[bool]) -> None:
    """A read-only look at a WAL database leaves an empty -wal/-shm pair; leave no trace."""
    wal, shm = sidecars
    if not any(existed) and wal.exists() and wal.stat().st_size == 0:
        wal.unlink(missing_ok=True)
        shm.unlink(missing_ok=True)


def _revision_of(connection: Connection) -> str | None:
    if "alembic_version" not in inspect(connection).get_table_names():
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _refuse_unknown(revision: str | None, where: str) -> None:
    if revision is not None and revision not in known_revisions():
        raise DatabaseRefusedError(
            f"数据库“{where}”由更新版本的程序创建（结构版本 {revision}），本程序无法打开。"
            "请安装新版本后再打开；文件未作任何改动。"
        )
