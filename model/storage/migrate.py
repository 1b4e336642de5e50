"""Opening a database: create at head, back up then upgrade an older one, refuse a newer one."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, create_engine, inspect, make_url, text
from sqlalchemy.exc import ArgumentError, InterfaceError, NoSuchModuleError, OperationalError

from model.errors import DatabaseRefusedError
from model.storage.backups import make_backup
from model.storage.db import Database, sqlite_url
from model.storage.examine import examine, require_regular_file
from model.storage.location import is_network_path
from model.storage.targets import files_dir_for

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


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
        if revision is not None and revision != head_revision():
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
    shown = make_url(url).render_as_string(hide_password=True)  # never print a password
    try:
        database = Database(url, files_dir, display_name=shown)
        with database.engine.connect() as connection:
            _refuse_unknown(_revision_of(connection), shown)
    except (ArgumentError, NoSuchModuleError, OperationalError, InterfaceError) as exc:
        raise DatabaseRefusedError(f"无法连接数据库“{shown}”：{str(exc).splitlines()[0]}") from exc
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
    if "alembic_version" not in inspect(connection).get_table_names():
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _refuse_unknown(revision: str | None, where: str) -> None:
    if revision is not None and revision not in known_revisions():
        raise DatabaseRefusedError(
            f"数据库“{where}”由更新版本的程序创建（结构版本 {revision}），本程序无法打开。"
            "请安装新版本后再打开；文件未作任何改动。"
        )
